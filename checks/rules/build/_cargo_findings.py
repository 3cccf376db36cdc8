"""What the build rules share: the cargo commands they read (each run once per run by the session), and how a
compiler error or a failed test becomes a finding at file:line."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from ...cargo.baseline import BaseErrors
from ...cargo.diagnostics import Attribution, Diagnostic
from ...cargo.hints import hint_for
from ...cargo.libtest import TestReport
from ...cargo.runner import CargoCommand
from ...cargo.session import JSON, CargoSession
from ...core.errors import InfraError
from ...core.finding import NEW, PRE_EXISTING, Finding
from ...core.registry import rustc_hints
from ...facts.connectors import connector_type
from ...target.repository import Repository

LINT_CODE = re.compile(r"^(?!E\d{4}$)")  # a lint name (clippy::todo, unused_variables), not a rustc error code


def type_name(repo: Repository, connector: str) -> str:
    return connector_type(repo, connector) or connector


def compiler_finding(rule: str, attribution: Attribution, type_name: str | None = None) -> Finding:
    item, span = attribution.diagnostic, attribution.span
    hint, pitfall = guide_hint(item)
    if pitfall is None and type_name is not None and item.code == "E0004":
        hint = f"add the arm for {type_name} to this match (a registration point the connector must join)"
    extra: dict[str, object] = {"column": span.column, "code": item.code, "level": item.level}
    if pitfall is not None:
        extra["pitfall"] = pitfall
    if not span.primary and item.primary is not None:
        extra["primary"] = f"{item.primary.file}:{item.primary.line}"
    return Finding(rule, span.file, span.line, item.summary(), hint, extra)


def describe(items: list[Diagnostic]) -> str:
    first = items[0]
    where = f"{first.primary.file}:{first.primary.line} " if first.primary is not None else ""
    return f"{len(items)} error(s); first: {where}{first.summary()}"


@dataclass(frozen=True)
class Verdict:
    """What a build command says about one connector: the errors charged to it, or why it cannot judge."""

    charged: list[Attribution] = field(default_factory=list)
    skip: str | None = None
    base: BaseErrors | None = None  # set when errors outside the connector's files were compared with the base
    unreached: str = ""  # what those errors kept from being checked ("samplepay's code")


def not_reached(session: CargoSession, purpose: str, command: CargoCommand, items: list[Diagnostic],
                what: str) -> Verdict:
    """Errors outside the connector's files stopped the build before `what` was reached: never a pass. With the
    run's baseline, each located error is a finding judged against the same build at the base commit: pre-existing
    when the base has it (code, file, message), new (the change's) otherwise. A build script that failed on the way
    is the machine's: an InfraError."""
    could_not_run = session.could_not_run(command)
    if could_not_run is not None:
        raise InfraError(f"{what} was not reached: {could_not_run}")
    reason = unreached(what, command, items)
    base = session.base_errors(purpose, command)
    if base is None:
        return Verdict(skip=reason)
    if base.unavailable is not None:
        return Verdict(skip=f"{reason}; whether the base fails the same way is unknown: {base.unavailable}")
    located = [Attribution(i, i.primary) for i in items if i.primary is not None]
    if not located:
        return Verdict(skip=reason)
    return Verdict(located, base=base, unreached=what)


def unreached(what: str, command: CargoCommand, items: list[Diagnostic]) -> str:
    return (f"{what} was not reached: the workspace does not build in this configuration "
            f"(`{command.display()}`: {describe(items)})")


def base_error_finding(rule: str, attribution: Attribution, base: BaseErrors, what: str) -> Finding:
    """An error outside the connector's files, judged against the base commit's build: pre-existing when the base
    fails the same way, else the change broke the workspace build (the run's baseline reads `extra["baseline"]`)."""
    finding = compiler_finding(rule, attribution)
    at_base = base.has(attribution.diagnostic)
    touched = attribution.span.file in base.changed
    finding.extra.update({"baseline": PRE_EXISTING if at_base else NEW, "base": base.commit,
                          "changed_by_this_change": touched})
    stopped = f"{what} was not reached: the workspace does not build in this configuration"
    if at_base:
        hint = f"pre-existing: the base commit {base.commit[:12]} fails the same way; {stopped}"
    else:
        why = "in a file this change modifies" if touched else "in a file this change does not modify"
        hint = (f"new since the base commit {base.commit[:12]} ({why}): this change breaks the workspace build "
                f"here; {stopped}")
    return Finding(finding.rule, finding.file, finding.line, finding.message,
                   f"{hint}; {finding.hint}" if finding.hint else hint, finding.extra)


def verdict_findings(rule: str, verdict: Verdict, type_name: str | None = None) -> list[Finding]:
    if verdict.base is not None:
        return [base_error_finding(rule, a, verdict.base, verdict.unreached) for a in verdict.charged]
    return [compiler_finding(rule, a, type_name) for a in verdict.charged]


def check_errors(session: CargoSession) -> tuple[CargoCommand, list[Diagnostic]]:
    command = session.check_command()
    return command, session.errors("check", command)


def registration_errors_of(session: CargoSession) -> tuple[CargoCommand, list[Diagnostic]]:
    command = session.registration_command()
    return command, session.errors("registration", command)


def clippy_errors(session: CargoSession) -> tuple[CargoCommand, list[Diagnostic]]:
    command = session.clippy_command()
    return command, session.errors("clippy", command)


def rerun_alone(command: CargoCommand, test: str) -> str:
    """The command that runs one failing test alone, with its output."""
    args = list(command.args)
    options = args[:args.index("--")] if "--" in args else args
    options = [a for a in options if a != JSON]
    after = [a for a in args[args.index("--") + 1:] if a.startswith("--test-threads")] if "--" in args else []
    return f"cargo {shlex.join(options)} -- --exact {test} --nocapture {' '.join(after)}".rstrip()


def test_findings(rule: str, command: CargoCommand, report: TestReport, files: list[str],
                   repo: Repository) -> list[Finding]:
    findings = []
    for name, failure in report.failures.items():
        file, line = failure.file, failure.line
        if file is None or Path(file).is_absolute() or not repo.is_file(file):
            file, line = test_fn_location(repo, files, name)
        extra: dict[str, object] = {"test": name, "counts": report.counts()}
        if failure.column is not None and failure.file == file:
            extra["column"] = failure.column
        findings.append(Finding(rule, file, line or 1, f"test {name} failed: {failure.message()}",
                                f"run it alone: `{rerun_alone(command, name)}`", extra))
    return findings


def test_fn_location(repo: Repository, files: list[str], test_name: str) -> tuple[str, int]:
    """Where `fn <leaf>` of a test is defined, when the panic happened outside the target (e.g. in libtest)."""
    leaf = test_name.rsplit("::", 1)[-1]
    pattern = re.compile(rf"\bfn\s+{re.escape(leaf)}\s*[(<]")
    for rel in files:
        text_of_file = repo.text(rel)
        if text_of_file is None:
            continue
        for number, text in enumerate(text_of_file.splitlines(), start=1):
            if pattern.search(text):
                return rel, number
    return (files[0] if files else "Cargo.toml"), 1


def test_run(session: CargoSession, purpose: str, command: CargoCommand) -> tuple[list[Diagnostic], TestReport]:
    """A test command's compile errors and libtest report. Sandbox tests talk to a PSP: never cached on disk."""
    cacheable = purpose != "sandbox-tests"
    return session.errors(purpose, command, cacheable), session.tests(purpose, command, cacheable)


def _tag(rule: object) -> str:
    """The guide name a rustc hint is filed under: the rule's pitfall tag, else its id."""
    tags = getattr(rule, "tags", ())
    return next((t for t in tags if t.startswith("pitfall-")), getattr(rule, "id", ""))


def session_of(cargo: object) -> CargoSession:
    assert isinstance(cargo, CargoSession), "build rules run only with the run's cargo session"
    return cargo


def guide_hint(item: Diagnostic) -> tuple[str, str | None]:
    """The fix for a compiler error, from the rule whose rustc hint recognises it (and that rule's guide tag)."""
    return hint_for(item, [(h.guide_tag or _tag(r), h) for r, h in rustc_hints()])
