"""Rules of the build area (registered in checks/rules.py): cargo check, clippy and cargo test for a connector.

Each rule asks the run's CargoSession for its command (run at most once per run, or read from the disk cache)
and turns rustc's errors and libtest's failures into findings at file:line. When the build fails for a reason
the rule cannot charge to the connector, `cannot_judge` says so, and the step skips instead of passing.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from . import layout
from .cargo_diagnostics import Attribution, Diagnostic, own_errors, registration_errors
from .cargo_hints import hint_for
from .cargo_libtest import TestReport
from .cargo_runner import CargoCommand
from .cargo_session import JSON, session_for
from .findings import Finding
from .flow_checks import connector_type
from .repository import Repository
from .rule import Rule

LINT_CODE = re.compile(r"^(?!E\d{4}$)")  # a lint name (clippy::todo, unused_variables), not a rustc error code


def _type_name(repo: Repository, connector: str) -> str:
    return connector_type(repo, connector) or connector


def _finding(rule: str, attribution: Attribution, type_name: str | None = None) -> Finding:
    item, span = attribution.diagnostic, attribution.span
    hint, pitfall = hint_for(item)
    if pitfall is None and type_name is not None and item.code == "E0004":
        hint = f"add the arm for {type_name} to this match (a registration point the connector must join)"
    extra: dict[str, object] = {"column": span.column, "code": item.code, "level": item.level}
    if pitfall is not None:
        extra["pitfall"] = pitfall
    if not span.primary and item.primary is not None:
        extra["primary"] = f"{item.primary.file}:{item.primary.line}"
    return Finding(rule, span.file, span.line, item.summary(), hint, extra)


def _describe(items: list[Diagnostic]) -> str:
    first = items[0]
    where = f"{first.primary.file}:{first.primary.line} " if first.primary is not None else ""
    return f"{len(items)} error(s); first: {where}{first.summary()}"


# --- cargo check of the connector's crate ------------------------------------------------------------------


def _check(repo: Repository) -> tuple[CargoCommand, list[Diagnostic]]:
    session = session_for(repo)
    command = session.check_command()
    return command, session.errors("check", command)


def check_compiles(repo: Repository, connector: str) -> list[Finding]:
    _, items = _check(repo)
    return [_finding("build.compiles", a) for a in own_errors(items, connector)]


def _compiles_blocker(repo: Repository, connector: str) -> str | None:
    command, items = _check(repo)
    if not items or own_errors(items, connector):
        return None
    return (f"cannot judge {connector}: `{command.display()}` fails outside its files "
            f"({_describe(items)}); see the registration scenario if it names the connector")


# --- the registration crates -------------------------------------------------------------------------------


def _registration(repo: Repository) -> tuple[CargoCommand, list[Diagnostic]]:
    session = session_for(repo)
    command = session.registration_command()
    return command, session.errors("registration", command)


def check_registration_compiles(repo: Repository, connector: str) -> list[Finding]:
    _, items = _registration(repo)
    type_name = _type_name(repo, connector)
    return [_finding("build.registration", a, type_name) for a in registration_errors(items, connector, type_name)]


def _registration_blocker(repo: Repository, connector: str) -> str | None:
    command, items = _registration(repo)
    if not items or registration_errors(items, connector, _type_name(repo, connector)):
        return None
    if own_errors(items, connector):
        return (f"cannot judge {connector}'s registration: errors in its own files stop the build first "
                f"(see 'The connector compiles')")
    return f"cannot judge {connector}'s registration: `{command.display()}` fails elsewhere ({_describe(items)})"


# --- clippy ------------------------------------------------------------------------------------------------


def _clippy(repo: Repository) -> tuple[CargoCommand, list[Diagnostic]]:
    session = session_for(repo)
    command = session.clippy_command()
    return command, session.errors("clippy", command)


def check_clippy(repo: Repository, connector: str) -> list[Finding]:
    _, items = _clippy(repo)
    lints = [i for i in items if i.code is not None and LINT_CODE.match(i.code)]
    return [_finding("build.clippy", a) for a in own_errors(lints, connector)]


def _clippy_blocker(repo: Repository, connector: str) -> str | None:
    command, items = _clippy(repo)
    lints = [i for i in items if i.code is not None and LINT_CODE.match(i.code)]
    if own_errors(lints, connector):
        return None
    if own_errors(items, connector):
        return f"cannot lint {connector}: it does not compile (see 'The connector compiles')"
    if items:
        return f"cannot lint {connector}: `{command.display()}` fails outside its files ({_describe(items)})"
    return None


# --- cargo test --------------------------------------------------------------------------------------------


def _rerun(command: CargoCommand, test: str) -> str:
    """The command that runs one failing test alone, with its output."""
    args = list(command.args)
    options = args[:args.index("--")] if "--" in args else args
    options = [a for a in options if a != JSON]
    after = [a for a in args[args.index("--") + 1:] if a.startswith("--test-threads")] if "--" in args else []
    return f"cargo {shlex.join(options)} -- --exact {test} --nocapture {' '.join(after)}".rstrip()


def _test_findings(rule: str, command: CargoCommand, report: TestReport, files: list[str],
                   repo: Repository) -> list[Finding]:
    findings = []
    for name, failure in report.failures.items():
        file, line = failure.file, failure.line
        if file is None or Path(file).is_absolute() or not (repo.root / file).is_file():
            file, line = _test_fn_location(repo, files, name)
        extra: dict[str, object] = {"test": name, "counts": report.counts()}
        if failure.column is not None and failure.file == file:
            extra["column"] = failure.column
        findings.append(Finding(rule, file, line or 1, f"test {name} failed: {failure.message()}",
                                f"run it alone: `{_rerun(command, name)}`", extra))
    return findings


def _test_fn_location(repo: Repository, files: list[str], test_name: str) -> tuple[str, int]:
    """Where `fn <leaf>` of a test is defined, when the panic happened outside the target (e.g. in libtest)."""
    leaf = test_name.rsplit("::", 1)[-1]
    pattern = re.compile(rf"\bfn\s+{re.escape(leaf)}\s*[(<]")
    for rel in files:
        path = repo.root / rel
        if not path.is_file():
            continue
        for number, text in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if pattern.search(text):
                return rel, number
    return (files[0] if files else "Cargo.toml"), 1


def _tests(repo: Repository, purpose: str, command: CargoCommand) -> tuple[list[Diagnostic], TestReport]:
    """A test command's compile errors and libtest report. Sandbox tests talk to a PSP: never cached on disk."""
    session = session_for(repo)
    cacheable = purpose != "sandbox-tests"
    return session.errors(purpose, command, cacheable), session.tests(purpose, command, cacheable)


def check_unit_tests(repo: Repository, connector: str) -> list[Finding]:
    command = session_for(repo).unit_test_command(connector)
    items, report = _tests(repo, "unit-tests", command)
    findings = [_finding("build.unit-tests", a) for a in own_errors(items, connector)]
    return findings + _test_findings("build.unit-tests", command, report, repo.connector_files(connector), repo)


def _unit_tests_blocker(repo: Repository, connector: str) -> str | None:
    if own_errors(_check(repo)[1], connector):
        return f"cannot test {connector}: it does not compile (see 'The connector compiles')"
    command = session_for(repo).unit_test_command(connector)
    items, report = _tests(repo, "unit-tests", command)
    if own_errors(items, connector) or report.failures:
        return None
    if items:
        return f"cannot test {connector}: `{command.display()}` fails outside its files ({_describe(items)})"
    if report.passed + report.failed + report.ignored == 0:
        return f"{connector} has no unit tests (no test under connectors::{connector}:: in `{command.display()}`)"
    return None


def sandbox_test_files(connector: str) -> list[str]:
    return [f"{layout.ROUTER_TESTS_MAIN_RS.rsplit('/', 1)[0]}/{connector}.rs"]


def check_sandbox_tests(repo: Repository, connector: str) -> list[Finding]:
    command = session_for(repo).sandbox_test_command(connector)
    items, report = _tests(repo, "sandbox-tests", command)
    files = sandbox_test_files(connector)
    own = own_errors(items, connector)
    own += [Attribution(i, i.primary) for i in items if i.primary is not None and i.primary.file in files]
    return [_finding("build.sandbox-tests", a) for a in own] + _test_findings("build.sandbox-tests", command,
                                                                              report, files, repo)


def _sandbox_blocker(repo: Repository, connector: str) -> str | None:
    session = session_for(repo)
    if session.settings.auth_file is None:
        return ("no connector credentials: the router's sandbox tests need CONNECTOR_AUTH_FILE_PATH or "
                "--auth-file (a TOML with a [" + connector + "] table)")
    if not session.settings.auth_file.is_file():
        return f"the connector credentials file {session.settings.auth_file} does not exist"
    if own_errors(_check(repo)[1], connector):
        return f"cannot test {connector}: it does not compile (see 'The connector compiles')"
    command = session.sandbox_test_command(connector)
    items, report = _tests(repo, "sandbox-tests", command)
    files = sandbox_test_files(connector)
    if own_errors(items, connector) or any(i.primary and i.primary.file in files for i in items) or report.failures:
        return None
    if items:
        return f"cannot test {connector}: `{command.display()}` fails outside its files ({_describe(items)})"
    if report.passed + report.failed + report.ignored == 0:
        return f"{connector} has no sandbox tests (no test under {connector}:: in `{command.display()}`)"
    return None


def libtest_counts(repo: Repository, connector: str, purpose: str) -> TestReport:
    """The libtest counts of a test command this run already ran (for the report of a passing scenario)."""
    session = session_for(repo)
    command = session.unit_test_command(connector) if purpose == "unit-tests" else \
        session.sandbox_test_command(connector)
    return _tests(repo, purpose, command)[1]


BLOCKERS: dict[str, Callable[[Repository, str], str | None]] = {
    "build.compiles": _compiles_blocker,
    "build.registration": _registration_blocker,
    "build.clippy": _clippy_blocker,
    "build.unit-tests": _unit_tests_blocker,
    "build.sandbox-tests": _sandbox_blocker,
}


def cannot_judge(repo: Repository, connector: str, rule_id: str) -> str | None:
    """Why the rule can give no verdict for this connector (the build fails elsewhere, nothing to test), or None."""
    return BLOCKERS[rule_id](repo, connector)


RULES: list[Rule] = [
    Rule("build.compiles", "error",
         "cargo check of the connector's crate (-p hyperswitch_connectors --features v1) reports no error in the "
         "connector's own files.", check_compiles),
    Rule("build.registration", "error",
         "The crates holding the registration points compile: no exhaustive match or list misses the connector.",
         check_registration_compiles),
    Rule("build.clippy", "error",
         "cargo clippy -- -D warnings (as Hyperswitch CI runs it) reports no lint in the connector's files.",
         check_clippy),
    Rule("build.unit-tests", "error",
         "The connector's unit tests pass: cargo test -p hyperswitch_connectors --features v1 -- connectors::NAME::",
         check_unit_tests),
    Rule("build.sandbox-tests", "error",
         "The router's sandbox tests pass: cargo test --package router --test connectors -- NAME:: (needs "
         "CONNECTOR_AUTH_FILE_PATH).", check_sandbox_tests),
]
