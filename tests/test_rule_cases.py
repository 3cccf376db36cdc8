"""Every rule's cases, from the `<rule module>.cases.toml` beside it: edits to the bundled sample that must not
trigger the rule (`valid`) and edits that must, with exactly the expected findings at file:line (`invalid`).

One generic test runs them all, as ast-grep pairs each rule with its valid/invalid tests. The case format:

    [[invalid]]
    name = "the variant is missing"
    connector = "samplepay"                 # default samplepay
    params = { flow = "authorize" }         # optional: what the scenario passes (flow, selected)
    edits = [{ file = "crates/x.rs", replace = "old text", with = "new text" },   # exactly one occurrence
             { file = "crates/y.rs", delete = true },
             { file = "grace/.../samplepay_specs.md", fixture = "techspec/samplepay_specs.md" },  # tests/fixtures/grace
             { file = "crates/z.rs", move_to = "crates/w.rs" },        # an older layout: the item elsewhere
             { file = "config/new.toml", create = "text" },
             { file = "crates/w.rs", symlink = "/etc/hostname" },                        # replaced by a link
             { file = "crates/big.rs", create_bytes = 4194305 },                         # a file that large
             { file = "crates/v.rs", replace = "Old", with = "New", all = true }]         # every occurrence

    expect = [{ file = "crates/x.rs", at = "text on the finding's line" }]        # or line = 12
    fix = [{ file = "crates/x.rs", replace = "new text", with = "fixed text" }]  # optional: the hint, followed
    hint_says = ["fixed text"]              # with `fix`: what the hint must say (each string is in hint and fix)
    hint_lacks = ["wrong name"]             # optional: what the hint must not suggest

An invalid case with a `fix` is also re-run with the hint applied: the finding must disappear and no rule may find
anything the untouched sample does not have.
"""

from __future__ import annotations

import functools
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.session import CargoSession, CargoSettings
from connector_compliance.checks.core.registry import all_rules, rule_modules
from connector_compliance.checks.core.rule import Rule, Scope
from connector_compliance.checks.facts.selection import select_flows
from connector_compliance.checks.target.repository import Repository

from .rule_runner import new_findings, static_findings
from .sample_copy import SAMPLE, ReusedSample, copy_sample, edit, line_containing, replace_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "grace"
ESCAPED = re.compile(r"\\[nrt]")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Case:
    rule: Rule
    kind: str  # valid | invalid
    name: str
    data: dict[str, object]

    @property
    def id(self) -> str:
        return f"{self.rule.id}:{self.kind}:{self.name}"


def cases_file(rule: Rule) -> Path:
    module = rule_modules()[rule.id]
    return module.with_name(f"{module.stem}.cases.toml")


def load_cases() -> list[Case]:
    found = []
    for rule in all_rules().values():
        path = cases_file(rule)
        if not path.is_file():
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in ("valid", "invalid"):
            for entry in data.get(kind, []):
                found.append(Case(rule, kind, entry["name"], entry))
    return found


CASES = load_cases()


def test_every_rule_has_valid_and_invalid_cases_beside_it() -> None:
    kinds: dict[str, set[str]] = {}
    for case in CASES:
        kinds.setdefault(case.rule.id, set()).add(case.kind)
    missing = sorted(r for r in all_rules() if kinds.get(r) != {"valid", "invalid"})
    assert missing == [], f"rules without a valid and an invalid case in <module>.cases.toml: {missing}"


def _apply(root: Path, edits: list[dict[str, object]], touched: set[str] | None = None) -> set[str]:
    """Make the case's edits (every write replaces the file: the copy may be hard links to the sample); returns the
    paths it touched (added to `touched` as it goes, when given)."""
    touched = set() if touched is None else touched
    for change in edits:
        rel = str(change["file"])
        path = root / rel
        touched.add(rel)
        if change.get("delete") or "symlink" in change:
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                touched |= {str(p.relative_to(root)) for p in path.rglob("*")}
                shutil.rmtree(path)
            if "symlink" in change:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.symlink_to(str(change["symlink"]))
        elif "create_bytes" in change:  # a file of that many bytes of Rust comment
            replace_file(path, b"//" + b"x" * (int(change["create_bytes"]) - 2))  # type: ignore[call-overload]
        elif "fixture" in change:  # a whole document written from scratch in another dialect
            replace_file(path, (FIXTURES / str(change["fixture"])).read_text(encoding="utf-8"))
        elif "move_to" in change:
            target = root / str(change["move_to"])
            assert not target.exists(), f"{target} exists: move_to must not overwrite"
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
            touched.add(str(change["move_to"]))
        elif "create" in change:
            assert not path.exists(), f"{rel} exists: create must not overwrite"
            replace_file(path, str(change["create"]))
        elif change.get("all"):  # every occurrence (a type renamed across a file)
            text = path.read_text(encoding="utf-8")
            assert str(change["replace"]) in text, f"{change['replace']!r} not in {rel}"
            replace_file(path, text.replace(str(change["replace"]), str(change["with"])))
        else:
            edit(root, rel, str(change["replace"]), str(change["with"]))
    return touched


@functools.cache
def _pristine() -> tuple[Repository, frozenset[str]]:
    """The untouched sample, parsed once for every case: a case's copy borrows the files it did not edit, as a
    baseline tree borrows the checkout's (Repository's `shared`/`same`)."""
    files = frozenset(str(p.relative_to(SAMPLE)) for p in SAMPLE.rglob("*")
                      if p.is_file() and "target" not in p.relative_to(SAMPLE).parts)
    return Repository(SAMPLE), files


def _expected(root: Path, case: Case) -> list[tuple[str, int]]:
    expected = []
    for item in case.data.get("expect", []):  # type: ignore[union-attr]
        rel = item["file"]
        line = item["line"] if "line" in item else line_containing(root, rel, item["at"])
        expected.append((rel, line))
    return sorted(expected)


@pytest.fixture(scope="module")
def reused(tmp_path_factory: pytest.TempPathFactory) -> ReusedSample:
    """This process's copy of the sample for the static cases, put back after each (sample_copy.ReusedSample)."""
    return ReusedSample(tmp_path_factory.mktemp("cases") / "hs")


@pytest.mark.parametrize("case", [c for c in CASES if not c.rule.needs_cargo], ids=lambda c: c.id)
def test_rule_case(reused: ReusedSample, case: Case) -> None:
    touched: set[str] = set()
    try:
        _check_static(reused.root, case, touched)
    finally:
        reused.restore(touched)


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.rule.needs_cargo], ids=lambda c: c.id)
def test_build_rule_case(tmp_path: Path, case: Case) -> None:
    if shutil.which("cargo") is None:
        pytest.skip("cargo is not installed")
    auth = case.data.get("auth_file")  # a path inside the copy, for the sandbox tests' credentials
    settings = CargoSettings(cache_dir=None, clippy=bool(case.data.get("clippy", False)),
                             auth_file=tmp_path / "hs" / str(auth) if auth else None)
    _check(tmp_path, case, cargo=settings)


def _borrowing(root: Path, touched: set[str]) -> Repository:
    """The hard-linked copy at `root`, borrowing the untouched sample's parse of every file the case did not touch."""
    pristine, files = _pristine()
    return Repository(root, pristine, files - touched)


def _scope(case: Case, repo: Repository, cargo: CargoSession | None = None) -> tuple[Scope, dict[str, str]]:
    """The case's connector and its selected flows, as a scenario sees them, and the rule's parameters."""
    connector = str(case.data.get("connector", "samplepay"))
    params = {k: str(v) for k, v in case.data.get("params", {}).items()}  # type: ignore[union-attr]
    selection = select_flows(repo, connector, None, {}, "")
    return Scope(repo, connector, selection.flows, selection.source, cargo=cargo), params


def _check(tmp_path: Path, case: Case, cargo: CargoSettings) -> None:
    root = copy_sample(tmp_path / "hs")  # cargo writes its target dir and lock files into the copy: a real copy
    _apply(root, case.data.get("edits", []))  # type: ignore[arg-type]
    _judge(root, case, *_scope(case, Repository(root), CargoSession(root, cargo)))


def _check_static(root: Path, case: Case, touched: set[str]) -> None:
    """`touched` collects what the edits touch, even when one fails half-way, so that the copy can be put back."""
    _apply(root, case.data.get("edits", []), touched)  # type: ignore[arg-type]
    _judge(root, case, *_scope(case, _borrowing(root, touched)))


def _judge(root: Path, case: Case, scope: Scope, params: dict[str, str]) -> None:
    assert case.rule.skip_reason(scope, **params) is None, "the case must be one the rule applies to"
    findings = case.rule.run(scope, **params)
    if case.kind == "valid":
        assert findings == [], findings
        return
    assert findings, f"{case.rule.id} did not notice: {case.name}"
    assert sorted((f.file, f.line) for f in findings) == _expected(root, case), findings
    assert all(f.rule.startswith(case.rule.id) and f.message and f.hint for f in findings), findings
    # a hint is read as one line in every report: no escaped control character (a literal `\n`) and no raw one
    assert not [f for f in findings if ESCAPED.search(f.hint) or CONTROL.search(f.hint + f.message)], findings


def _norm(text: str) -> str:
    return "".join(text.split())


FIX_CASES = [c for c in CASES if c.kind == "invalid" and "fix" in c.data]


def test_the_untouched_samplepay_has_no_finding() -> None:
    """(acme_pay's GRACE documents disagree with its code on purpose: the preparation rules' warnings.)"""
    pristine = _pristine()[0]
    assert static_findings(pristine, "samplepay") == []
    assert {f.rule for f in static_findings(pristine, "acme_pay")} <= {
        "preparation.spec-base-url-matches-config", "preparation.spec-endpoint-matches-code"}


@pytest.mark.parametrize("case", FIX_CASES, ids=lambda c: c.id)
def test_hint_followed_clears_the_finding(reused: ReusedSample, case: Case) -> None:
    """The hint is right when followed: what it says is what the fix does, and after the fix the rule and every
    other static rule are quiet."""
    touched: set[str] = set()
    try:
        _follow_hint(reused.root, case, touched)
    finally:
        reused.restore(touched)


def _follow_hint(root: Path, case: Case, touched: set[str]) -> None:
    said = case.data.get("hint_says", [])
    fixes = case.data["fix"]
    assert said, "a case with a fix says what the hint must contain"
    _apply(root, case.data.get("edits", []), touched)  # type: ignore[arg-type]
    scope, params = _scope(case, _borrowing(root, touched))
    findings = case.rule.run(scope, **params)
    hints = _norm(" ".join(f.hint for f in findings))
    fixed_text = _norm(" ".join(str(f["with"]) for f in fixes))  # type: ignore[index]
    for text in said:  # type: ignore[union-attr]
        assert _norm(text) in hints, (text, [f.hint for f in findings])
        assert _norm(text) in fixed_text, (text, "the fix does not do what the hint says")
    for text in case.data.get("hint_lacks", []):  # type: ignore[union-attr]
        assert _norm(text) not in hints, (text, [f.hint for f in findings])
    _apply(root, fixes, touched)  # type: ignore[arg-type]
    assert new_findings(_borrowing(root, touched), _pristine()[0]) == []
