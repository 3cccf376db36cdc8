"""The crates holding the registration points compile: no exhaustive match or list misses the connector."""

from __future__ import annotations

from ...cargo.diagnostics import own_errors, registration_errors
from ...cargo.session import CargoSession
from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...target.repository import Repository
from ._applies import when_buildable
from ._cargo_findings import (
    Verdict,
    not_reached,
    registration_errors_of,
    session_of,
    type_name,
    verdict_findings,
)

PURPOSE = "registration"


def judge(session: CargoSession, repo: Repository, connector: str) -> Verdict:
    command, items = registration_errors_of(session)
    found = registration_errors(items, connector, type_name(repo, connector))
    if found or (not items and session.could_not_run(command) is None):
        return Verdict(found)
    if own_errors(items, connector):
        return Verdict(skip=f"cannot judge {connector}'s registration: errors in its own files stop the build first "
                            f"(see 'The connector compiles')")
    return not_reached(session, PURPOSE, command, items, f"{connector}'s registration")


def check_registration_compiles(repo: Repository, connector: str, cargo: object = None) -> list[Finding]:
    return verdict_findings(RULE.id, judge(session_of(cargo), repo, connector), type_name(repo, connector))


def _blocker(session: CargoSession, scope: Scope) -> str | None:
    return judge(session, scope.repo, scope.connector).skip


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
