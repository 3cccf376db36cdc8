"""`pytest features/ -m cargo` as a user runs it, on copies of the sample (never the repository's own sample)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .sample_copy import copy_sample, edit, line_containing

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")]

HARNESS = Path(__file__).resolve().parent.parent
MAIN = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
BUILD_SCENARIOS = {
    "build-check": "The connector compiles",
    "build-registration": "The connector's registration compiles",
    "build-clippy": "The connector passes clippy with -D warnings",
    "build-unit-tests": "The connector's unit tests pass",
    "build-sandbox-tests": "The connector's sandbox tests pass",
}


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[str], report_dir: Path, seconds: float) -> None:
        self.proc = proc
        self.seconds = seconds
        report = report_dir / "compliance.json"
        self.report = json.loads(report.read_text()) if report.exists() else None
        cargo = report_dir / "cargo.json"
        self.cargo = json.loads(cargo.read_text()) if cargo.exists() else None

    def scenarios(self, connector: str = "samplepay") -> dict[str, dict[str, Any]]:
        assert self.report is not None, self.proc.stdout + self.proc.stderr
        [found] = [c for c in self.report["connectors"] if c["name"] == connector]
        return {tag: s for s in found["scenarios"] for tag in s["tags"] if tag in BUILD_SCENARIOS}


def run_features(tmp_path: Path, hs: Path, *args: str, env: dict[str, str] | None = None,
                 name: str = "report") -> Run:
    report_dir = tmp_path / name
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "features/", "-p", "no:randomly", "-m", "cargo", "--report-dir",
         str(report_dir), "--hs-repo", str(hs), "--connector", "samplepay", "--cargo-cache-dir",
         str(tmp_path / "cargo-cache"), *args],
        cwd=HARNESS, capture_output=True, text=True, timeout=300, check=False, env=env,
    )
    return Run(proc, report_dir, time.monotonic() - start)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the checkout outside cargo's target/, with its content."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and p.relative_to(root).parts[0] != "target"}


def test_clean_sample_passes_streams_cargo_and_skips_with_reasons(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    before = snapshot(hs)
    run = run_features(tmp_path, hs, "--clippy")
    assert run.proc.returncode == 0, run.proc.stdout + run.proc.stderr
    outcomes = {tag: (s["outcome"], s.get("reason", "")) for tag, s in run.scenarios().items()}
    assert outcomes["build-check"] == ("passed", "")
    assert outcomes["build-registration"] == ("passed", "")
    assert outcomes["build-clippy"] == ("passed", "")
    assert outcomes["build-unit-tests"][0] == "skipped" and "has no unit tests" in outcomes["build-unit-tests"][1]
    assert outcomes["build-sandbox-tests"][0] == "skipped"
    assert "--auth-file or CONNECTOR_AUTH_FILE_PATH" in outcomes["build-sandbox-tests"][1]
    # cargo's output reached the terminal live, although pytest captured the steps' output.
    assert "Checking hyperswitch_connectors" in run.proc.stderr
    assert "cargo: running `cargo check --locked -p hyperswitch_connectors --features v1 --message-format=json`" \
        in run.proc.stderr
    assert "cargo processes started: 4" in run.proc.stdout
    # cargo built into the copy's own target/; nothing else in the checkout changed (Cargo.lock included).
    assert (hs / "target").is_dir()
    assert snapshot(hs) == before


def test_a_second_run_does_not_start_cargo_and_a_changed_connector_does(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "cargo-calls.log"
    real = shutil.which("cargo")
    (bin_dir / "cargo").write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {real} "$@"\n')
    (bin_dir / "cargo").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}

    def calls() -> int:
        return len(log.read_text().splitlines()) if log.exists() else 0

    first = run_features(tmp_path, hs, env=env, name="first")
    assert first.proc.returncode == 0, first.proc.stdout + first.proc.stderr
    assert first.cargo is not None and first.cargo["cargo_started"] == 3 and calls() == 3
    assert [c["source"] for c in first.cargo["commands"]] == ["ran", "ran", "ran"]

    second = run_features(tmp_path, hs, env=env, name="second")
    assert second.proc.returncode == 0
    assert calls() == 3, "cargo was started although nothing changed"
    assert second.cargo is not None and second.cargo["cargo_started"] == 0
    assert [c["source"] for c in second.cargo["commands"]] == ["disk-cache"] * 3
    assert {t: s["outcome"] for t, s in second.scenarios().items()} == \
        {t: s["outcome"] for t, s in first.scenarios().items()}
    assert "from the disk cache" in second.proc.stdout

    # A one-line change in the connector's file: cargo runs again, and the mistake is pinned.
    edit(hs, MAIN, "            connector_metadata: None,\n        })\n    }\n}", "        })\n    }\n}")
    third = run_features(tmp_path, hs, env=env, name="third")
    assert calls() > 3
    assert third.proc.returncode == 1, third.proc.stdout
    check = third.scenarios()["build-check"]
    assert check["outcome"] == "failed"
    [finding] = check["findings"]
    assert (finding["file"], finding["line"]) == (MAIN, line_containing(hs, MAIN, "Ok(ErrorResponse {"))
    assert finding["extra"]["code"] == "E0063" and finding["extra"]["pitfall"] == "pitfall-9"
    assert finding["hint"].startswith("guide pitfall 9 (Outdated ErrorResponse examples)")
    assert f"{MAIN}:{finding['line']}" in third.proc.stdout


def test_no_cargo_skips_every_build_scenario(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    run = run_features(tmp_path, hs, "--no-cargo", "--clippy")
    assert run.proc.returncode == 0
    assert {t: (s["outcome"], s["reason"]) for t, s in run.scenarios().items()} == \
        dict.fromkeys(BUILD_SCENARIOS, ("skipped", "--no-cargo: the build scenarios are skipped"))
    assert not (hs / "target").exists()


def scenario_errors(run: Run) -> dict[str, str]:
    return {t: str(s.get("reason", "")) for t, s in run.scenarios().items() if s["outcome"] == "error"}


def test_cargo_absent_from_path_ends_as_an_error_with_a_clear_message(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    run = run_features(tmp_path, hs, "-m", "build-check or build-registration",
                       env={**os.environ, "PATH": str(empty)})
    assert run.proc.returncode == 3, run.proc.stdout + run.proc.stderr  # only infrastructure errors
    errors = scenario_errors(run)
    assert set(errors) == {"build-check", "build-registration"}
    for reason in errors.values():
        assert reason.startswith("infrastructure: ")
        assert "cargo is not installed (not found on PATH): install Rust with rustup" in reason
        assert "--no-cargo" in reason
    assert "Traceback" not in run.proc.stdout


def test_a_cargo_timeout_ends_as_an_error_within_the_bound_leaving_no_process(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    # A build script that hangs (and spawns a child), the way a stuck build or a huge cold build would.
    crate = hs / "crates" / "base64"
    manifest = crate / "Cargo.toml"
    manifest.write_text(manifest.read_text().replace("[package]\n", '[package]\nbuild = "build.rs"\n', 1))
    (crate / "build.rs").write_text(
        'fn main() {\n    let _ = std::process::Command::new("sleep").arg("300").status();\n}\n')
    timeout = 4
    run = run_features(tmp_path, hs, "-m", "build-check", "--cargo-timeout", str(timeout))
    assert run.proc.returncode == 3, run.proc.stdout + run.proc.stderr
    [reason] = scenario_errors(run).values()
    assert f"timed out after {timeout} s and was stopped" in reason and "--cargo-timeout" in reason
    assert run.seconds < timeout + 10  # the kill is bounded (pytest start-up and static checks included)
    assert leftover_processes(tmp_path) == []


def leftover_processes(tmp_path: Path) -> list[str]:
    """Processes whose command line or working directory is inside the test's temp dir."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(proc / "cwd")
        except OSError:
            continue
        if str(tmp_path) in cmdline or cwd.startswith(str(tmp_path)):
            found.append(f"{proc.name}: {cmdline}")
    return found


def test_dependencies_that_cannot_be_fetched_end_as_an_error(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    edit(hs, "crates/cards/Cargo.toml", "[dependencies]\n",
         '[dependencies]\nnot-a-crate-xyz = { git = "https://example.invalid/not-a-crate-xyz" }\n')
    run = run_features(tmp_path, hs, "-m", "build-check or build-registration",
                       env={**os.environ, "CARGO_NET_OFFLINE": "true"})
    assert run.proc.returncode == 3, run.proc.stdout + run.proc.stderr
    errors = scenario_errors(run)
    assert set(errors) == {"build-check", "build-registration"}
    assert all("dependencies cannot be fetched (offline?)" in r and "cargo fetch" in r for r in errors.values())
    assert run.cargo is not None and run.cargo["cargo_started"] == 1  # not retried for the second scenario


def test_sandbox_tests_run_with_a_credentials_file(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    auth = hs / "crates/router/tests/connectors/sample_auth.toml"
    run = run_features(tmp_path, hs, "-m", "build-sandbox-tests", "--auth-file", str(auth), "--junitxml",
                       str(tmp_path / "junit.xml"))
    assert run.proc.returncode == 0, run.proc.stdout + run.proc.stderr
    assert run.scenarios()["build-sandbox-tests"]["outcome"] == "passed"
    assert run.cargo is not None
    [sandbox] = [c for c in run.cargo["commands"] if c["purpose"] == "sandbox-tests"]
    assert sandbox["command"].startswith(f"CONNECTOR_AUTH_FILE_PATH={auth} cargo test --locked --package router "
                                         "--test connectors")
    assert sandbox["tests"]["passed"] > 0 and sandbox["tests"]["failed"] == 0
    assert "sandbox-tests[samplepay]" in (tmp_path / "junit.xml").read_text()


def test_a_missing_credentials_file_is_bad_input(tmp_path: Path) -> None:
    run = run_features(tmp_path, copy_sample(tmp_path / "hs"), "--auth-file", str(tmp_path / "nope.toml"))
    assert run.proc.returncode == 2
    assert "--auth-file" in run.proc.stderr and "no such file" in run.proc.stderr


def test_cargo_args_select_package_and_features(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    run = run_features(tmp_path, hs, "-m", "build-check or build-registration",
                       "--cargo-args=-p hyperswitch_connectors --features v2")
    assert run.proc.returncode == 0, run.proc.stdout + run.proc.stderr
    assert run.cargo is not None
    commands = {c["purpose"]: c["command"] for c in run.cargo["commands"]}
    assert commands["check"] == "cargo check --locked -p hyperswitch_connectors --features v2 --message-format=json"
    assert commands["registration"].endswith("-p router --features v2 --message-format=json")
    wrong = run_features(tmp_path, hs, "-m", "build-check", "--cargo-args=-p no_such_crate", name="wrong")
    assert wrong.proc.returncode == 3
    [reason] = scenario_errors(wrong).values()
    assert "did not match any packages: fix --cargo-args" in reason
