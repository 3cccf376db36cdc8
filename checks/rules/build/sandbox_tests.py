"""The router's sandbox tests pass for the connector (they talk to the PSP, so they need credentials and are
never cached on disk)."""

from __future__ import annotations

from ...cargo.diagnostics import Attribution, own_errors
from ...cargo.libtest import TestReport
from ...cargo.session import CargoSession
from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...target import layout
from ...target.repository import Repository
from ._applies import when_buildable
from ._cargo_findings import check_errors, compiler_finding, session_of, test_findings, test_run, unreached

PURPOSE = "sandbox-tests"


def sandbox_test_files(connector: str) -> list[str]:
    return [f"{layout.ROUTER_TESTS_MAIN_RS.rsplit('/', 1)[0]}/{connector}.rs"]


def check_sandbox_tests(repo: Repository, connector: str, cargo: object = None) -> list[Finding]:
    session = session_of(cargo)
    command = session.sandbox_test_command(connector)
    items, report = test_run(session, PURPOSE, command)
    files = sandbox_test_files(connector)
    own = own_errors(items, connector)
    own += [Attribution(i, i.primary) for i in items if i.primary is not None and i.primary.file in files]
    return [compiler_finding(RULE.id, a) for a in own] + test_findings(RULE.id, command, report, files, repo)


def counts(session: CargoSession, connector: str) -> TestReport:
    return test_run(session, PURPOSE, session.sandbox_test_command(connector))[1]


def _blocker(session: CargoSession, scope: Scope) -> str | None:
    connector = scope.connector
    if session.settings.auth_file is None:
        return ("no connector credentials: the router's sandbox tests need --auth-file or "
                "CONNECTOR_AUTH_FILE_PATH (a TOML with a [NAME] table, see sample_auth.toml)")
    if not session.settings.auth_file.is_file():
        return f"the connector credentials file {session.settings.auth_file} does not exist"
    if own_errors(check_errors(session)[1], connector):
        return f"cannot test {connector}: it does not compile (see 'The connector compiles')"
    command = session.sandbox_test_command(connector)
    items, report = test_run(session, PURPOSE, command)
    files = sandbox_test_files(connector)
    if own_errors(items, connector) or any(i.primary and i.primary.file in files for i in items) or report.failures:
        return None
    if items:
        return unreached(f"{connector}'s sandbox tests", command, items)
    if report.passed + report.failed + report.ignored == 0:
        return f"{connector} has no sandbox tests (no test under {connector}:: in `{command.display()}`)"
    return None


RULE = Rule(
    id="build.sandbox-tests",
    severity="error",
    title="The connector's sandbox tests pass",
    guide="The router's sandbox tests pass: cargo test --package router --test connectors -- NAME:: (needs "
          "CONNECTOR_AUTH_FILE_PATH).",
    check=check_sandbox_tests,
    tags=("build-sandbox-tests",),
    applies=when_buildable(_blocker),
    needs_cargo=True,
)
