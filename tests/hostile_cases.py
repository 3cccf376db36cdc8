"""Hostile pull requests, built from the bundled sample at test time: what tests/test_hostile_input.py asserts and
scripts/benchmark.py --hostile measures (time and peak memory).

Each case makes a copy of the sample (and, where it needs one, a git history whose base is the untouched sample),
plants a marker string outside the checkout, and says which exit code and which one-line reason the harness must
end with. No output (stdout, stderr, any report file) may contain the marker.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .sample_copy import copy_sample, edit

HARNESS = Path(__file__).resolve().parent.parent
MARKER = "sk_live_HOSTILE_MARKER_7f3a9c"  # a secret-looking string that must never leave its file
ENV_MARKER = "HOSTILE_ENV_MARKER_51c2e8"  # in the harness's environment, to catch /proc/self/environ
CONNECTORS = "crates/hyperswitch_connectors/src/connectors"
MAIN_RS = f"{CONNECTORS}/samplepay.rs"
TRANSFORMERS_RS = f"{CONNECTORS}/samplepay/transformers.rs"
SPEC = "grace/connector_integration/samplepay/samplepay_specs.md"
PLAN = "grace/connector_integration/samplepay/samplepay_plan.md"
WAIVERS = ".connector-compliance.toml"
SOON = (dt.date.today() + dt.timedelta(days=30)).isoformat()


@dataclass(frozen=True)
class Hostile:
    id: str
    build: Callable[[Path], list[str]]  # makes the target under the folder; returns the harness arguments
    exit_code: int
    reason: str  # in the one-line message (exit 2), or in a finding or policy line of compliance.json (exit 1)
    env: dict[str, str] = field(default_factory=dict)
    heavy: bool = False  # measured by the benchmark; its report sizes are asserted


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    files: dict[str, bytes]  # report files by name
    seconds: float
    peak_kib: int | None = None


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          check=True, capture_output=True, text=True).stdout.strip()


def sample(tmp: Path) -> Path:
    outside = tmp / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.rs").write_text(f"// {MARKER}\nconst KEY: &str = \"{MARKER}\";\n", encoding="utf-8")
    return copy_sample(tmp / "hs")


def link(root: Path, rel: str, to: str | Path) -> None:
    path = root / rel
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(to)


def args_for(root: Path, *extra: str) -> list[str]:
    return ["--hs-repo", str(root), "--connector", "samplepay", *extra]


def file_outside(tmp: Path) -> list[str]:
    root = sample(tmp)
    link(root, TRANSFORMERS_RS, tmp / "outside" / "secret.rs")
    return args_for(root)


def spec_outside(tmp: Path) -> list[str]:
    root = sample(tmp)
    link(root, SPEC, tmp / "outside" / "secret.rs")
    return args_for(root)


def environ(tmp: Path) -> list[str]:
    root = sample(tmp)
    link(root, f"{CONNECTORS}/samplepay/extra/env.rs", "/proc/self/environ")
    return args_for(root)


def folder_to_root(tmp: Path) -> list[str]:
    root = sample(tmp)
    link(root, f"{CONNECTORS}/samplepay", "/")
    return args_for(root)


def empty_connector(root: Path) -> None:
    (root / MAIN_RS).write_text("// emptied\n", encoding="utf-8")
    (root / TRANSFORMERS_RS).write_text("// emptied\n", encoding="utf-8")


def waiver_bypass_tags(tmp: Path) -> list[str]:
    root = sample(tmp)
    empty_connector(root)
    (root / WAIVERS).write_text(
        f'[[waiver]]\nconnector = "samplepay"\ntag = "error"\njustification = "."\nexpires = {SOON}\n'
        f'[[waiver]]\nconnector = "samplepay"\ntag = "warning"\njustification = "."\nexpires = {SOON}\n',
        encoding="utf-8")
    return args_for(root)


def waiver_bypass_pr(tmp: Path) -> list[str]:
    """A PR that breaks the connector and, in the same PR, waives what fails and shrinks the flow selection."""
    root = sample(tmp)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    git(root, "checkout", "-q", "-b", "pr")
    empty_connector(root)
    (root / WAIVERS).write_text(
        f'[[waiver]]\nconnector = "samplepay"\nscenario = "The connector\'s own files exist"\n'
        f'justification = "reviewed elsewhere, HS-1"\nexpires = {SOON}\n'
        f'[[waiver]]\nconnector = "samplepay"\nrule = "flow"\njustification = "flows come later, HS-2"\n'
        f'expires = {SOON}\n[connectors.samplepay]\nflows = ["authorize"]\n', encoding="utf-8")
    plan = (root / PLAN).read_text(encoding="utf-8")
    (root / PLAN).write_text("\n".join(line for line in plan.splitlines() if "Refund" not in line) + "\n",
                             encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "pr")
    return ["--hs-repo", str(root), "--changed-since", "main"]


def file_name_injection(tmp: Path) -> list[str]:
    root = sample(tmp)
    name = "x\n::error::INJECTED_NAME\n::stop-commands::pause\n.rs"
    (root / CONNECTORS / "samplepay" / name).write_text("// x\n", encoding="utf-8")
    return args_for(root)


def folded_line_injection(tmp: Path) -> list[str]:
    root = sample(tmp)
    long_path = "A" * 97
    edit(root, TRANSFORMERS_RS, "use hyperswitch_masking::Secret;\n",
         f"use hyperswitch_masking::Secret;\nuse crate::utils::{long_path}::error::INJECTED_FOLD;\n")
    return args_for(root)


def charged_markup(tmp: Path) -> list[str]:
    root = sample(tmp)
    edit(root, SPEC, "| succeeded | Charged | Payment captured |", "| succeeded | Charged[/] | Payment captured |")
    return args_for(root)


def spec_rows(count: int) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        root = sample(tmp)
        rows = "".join(f"| bogus_{i} | Bogus{i} | x |\n" for i in range(count))
        edit(root, SPEC, "| succeeded | Charged | Payment captured |\n",
             "| succeeded | Charged | Payment captured |\n" + rows)
        return args_for(root)
    return build


def changed_since_option(tmp: Path) -> list[str]:
    root = sample(tmp)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    return ["--hs-repo", str(root), f"--changed-since=--output={tmp / 'outside' / 'pwned'}"]


def deep_config(tmp: Path) -> list[str]:
    root = sample(tmp)
    path = root / "config" / "development.toml"
    path.write_text(path.read_text(encoding="utf-8") + "deep = " + "[" * 100_000 + "]" * 100_000 + "\n",
                    encoding="utf-8")
    return args_for(root)


def waiver_file(text: str | bytes) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        root = sample(tmp)
        data = text.encode("utf-8") if isinstance(text, str) else text
        (root / WAIVERS).write_bytes(data)
        return args_for(root)
    return build


def _waiver(**fields: str) -> str:
    base = {"connector": '"samplepay"', "scenario": '"The connector\'s own files exist"',
            "justification": '"accepted for now, HS-9"', "expires": SOON}
    base.update(fields)
    return "[[waiver]]\n" + "".join(f"{k} = {v}\n" for k, v in base.items() if v != "")


FAR = (dt.date.today() + dt.timedelta(days=400)).isoformat()
MALFORMED_WAIVERS = [
    ("waiver-is-an-integer", "waiver = 5\n", "must be an array"),
    ("waiver-deep-nesting", "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
    ("flows-is-a-string", '[connectors.samplepay]\nflows = "authorize"\n', "flows must be a non-empty list"),
    ("tag-is-an-integer", _waiver(scenario="", tag="5"), "tag must be a non-empty string"),
    ("unknown-key", _waiver(reviewer='"me"'), "unknown keys: reviewer"),
    ("severity-tag", _waiver(scenario="", tag='"error"'), "cannot be waived"),
    ("feature-tag", _waiver(scenario="", tag='"flows"'), "cannot be waived"),
    ("no-expiry", _waiver(expires=""), "expires is required"),
    ("expiry-too-far", _waiver(expires=FAR), "days ahead"),
    ("dot-justification", _waiver(justification='"."'), "must say why"),
    ("connector-not-a-name", _waiver(connector='"Sample Pay"'), "is not a module name"),
    ("two-targets", _waiver(rule='"flow"'), "exactly one of scenario, rule or tag"),
    ("top-level-key", "bypass = true\n", "unknown top-level keys"),
    ("not-toml", "[[waiver]\n", "is not valid TOML"),
]

CASES = [
    Hostile("symlink-to-file-outside", file_outside, 1, "symlink points outside the checkout"),
    Hostile("spec-symlink-to-file-outside", spec_outside, 1, "symlink points outside the checkout"),
    Hostile("symlink-to-proc-self-environ", environ, 1, "symlink points outside the checkout",
            env={"MY_CI_SECRET": ENV_MARKER}),
    Hostile("connector-folder-to-root", folder_to_root, 1, "symlink points outside the checkout", heavy=True),
    Hostile("waiver-bypass-with-severity-tags", waiver_bypass_tags, 2, "cannot be waived"),
    Hostile("waiver-and-selection-in-the-pr", waiver_bypass_pr, 1, "needs a maintainer's review"),
    Hostile("file-name-workflow-commands", file_name_injection, 1, "holds control characters"),
    Hostile("folded-line-workflow-command", folded_line_injection, 1, "INJECTED_FOLD"),
    Hostile("rich-markup-in-spec", charged_markup, 1, "Charged[/]"),
    Hostile("spec-with-400k-rows", spec_rows(400_000), 1, "over the 4,194,304-byte limit", heavy=True),
    Hostile("spec-with-100k-rows", spec_rows(100_000), 1, "more findings not shown", heavy=True),
    Hostile("changed-since-git-option", changed_since_option, 2, "is not a revision"),
    # registration.toml-parses is a @warning scenario: one finding, and the run passes under --fail-on error
    Hostile("deeply-nested-config-toml", deep_config, 0, "nested too deeply"),
    *(Hostile(f"malformed-waiver-{name}", waiver_file(text), 2, reason) for name, text, reason in MALFORMED_WAIVERS),
    Hostile("malformed-waiver-not-utf8", waiver_file(b"[[waiver]]\nconnector = \"\xff\"\n"), 2, "is not UTF-8"),
]

_MEASURE = ("import resource, subprocess, sys\n"
            "code = subprocess.run(sys.argv[1:]).returncode\n"
            "sys.stderr.write(f\"\\npeak-kib {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n\")\n"
            "sys.exit(code)\n")


def run_case(case: Hostile, tmp: Path, measure: bool = False) -> Outcome:
    """Build the case under `tmp` and run `pytest features/` on it as CI would (no cargo, GitHub Actions on)."""
    args = case.build(tmp)
    report_dir = tmp / "report"
    command = [sys.executable, "-m", "pytest", "features/", "-p", "no:randomly", "-p", "no:cacheprovider",
               "--report-dir", str(report_dir), "--no-cargo", *args]
    if measure:
        command = [sys.executable, "-c", _MEASURE, *command]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PYTEST_"))}
    env.update({"GITHUB_ACTIONS": "true", **case.env})
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=HARNESS, capture_output=True, text=True, errors="replace", timeout=900,
                          check=False, env=env)
    seconds = time.perf_counter() - started
    stderr, peak = proc.stderr, None
    if measure and "\npeak-kib " in stderr:
        stderr, _, tail = stderr.rpartition("\npeak-kib ")
        peak = int(tail.split()[0])
    files = {p.name: p.read_bytes() for p in report_dir.iterdir() if p.is_file()} if report_dir.is_dir() else {}
    return Outcome(proc.returncode, proc.stdout, stderr, files, seconds, peak)

