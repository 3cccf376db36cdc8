"""The connector's unit tests pass: `cargo test` of its crate, filtered to `connectors::NAME::`."""

from __future__ import annotations

from ...cargo.diagnostics import own_errors
from ...cargo.libtest import TestReport
from ...cargo.session import CargoSession
from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...target.repository import Repository
from ._applies import when_buildable
from ._cargo_findings import check_errors, compiler_finding, session_of, test_findings, test_run, unreached

PURPOSE = "unit-tests"


def check_unit_tests(repo: Repository, connector: str, cargo: object = None) -> list[Finding]:
    session = session_of(cargo)
    command = session.unit_test_command(connector)
    items, report = test_run(session, PURPOSE, command)
    findings = [compiler_finding(RULE.id, a) for a in own_errors(items, connector)]
    return findings + test_findings(RULE.id, command, report, repo.connector_files(connector), repo)


def counts(session: CargoSession, connector: str) -> TestReport:
    """The libtest counts of the run the rule already made (for the report of a passing scenario)."""
    return test_run(session, PURPOSE, session.unit_test_command(connector))[1]


def _blocker(session: CargoSession, scope: Scope) -> str | None:
    connector = scope.connector
    if own_errors(check_errors(session)[1], connector):
        return f"cannot test {connector}: it does not compile (see 'The connector compiles')"
    command = session.unit_test_command(connector)
    items, report = test_run(session, PURPOSE, command)
    if own_errors(items, connector) or report.failures:
        return None
    if items:
        return unreached(f"{connector}'s unit tests", command, items)
    if report.passed + report.failed + report.ignored == 0:
        return f"{connector} has no unit tests (no test under connectors::{connector}:: in `{command.display()}`)"
    return None


RULE = Rule(
    id="build.unit-tests",
    severity="error",
    title="The connector's unit tests pass",
    guide="The connector's unit tests pass: cargo test -p hyperswitch_connectors (with the features the target's CI "
          "gives it, else --features v1) -- connectors::NAME::",
    check=check_unit_tests,
    tags=("build-unit-tests",),
    applies=when_buildable(_blocker),
    needs_cargo=True,
)
