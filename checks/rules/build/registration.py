"""The crates holding the registration points compile: no exhaustive match or list misses the connector."""

from __future__ import annotations

from ...cargo.diagnostics import own_errors, registration_errors
from ...cargo.session import CargoSession
from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...target.repository import Repository
from ._applies import when_buildable
from ._cargo_findings import compiler_finding, describe, registration_errors_of, session_of, type_name


def check_registration_compiles(repo: Repository, connector: str, cargo: object = None) -> list[Finding]:
    _, items = registration_errors_of(session_of(cargo))
    camel = type_name(repo, connector)
    return [compiler_finding(RULE.id, a, camel) for a in registration_errors(items, connector, camel)]


def _blocker(session: CargoSession, scope: Scope) -> str | None:
    command, items = registration_errors_of(session)
    connector = scope.connector
    if not items or registration_errors(items, connector, type_name(scope.repo, connector)):
        return None
    if own_errors(items, connector):
        return (f"cannot judge {connector}'s registration: errors in its own files stop the build first "
                f"(see 'The connector compiles')")
    return f"cannot judge {connector}'s registration: `{command.display()}` fails elsewhere ({describe(items)})"


RULE = Rule(
    id="build.registration",
    severity="error",
    title="The connector's registration compiles",
    guide="The crates holding the registration points compile: no exhaustive match or list misses the connector.",
    check=check_registration_compiles,
    tags=("build-registration",),
    applies=when_buildable(_blocker),
    needs_cargo=True,
)
