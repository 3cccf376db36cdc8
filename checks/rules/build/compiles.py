"""cargo check of the connector's crate reports no error in the connector's own files."""

from __future__ import annotations

from ...cargo.diagnostics import own_errors
from ...cargo.session import CargoSession
from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...target.repository import Repository
from ._applies import when_buildable
from ._cargo_findings import Verdict, check_errors, not_reached, session_of, verdict_findings

PURPOSE = "check"


def judge(session: CargoSession, connector: str) -> Verdict:
    """The connector's own errors; else a pass when its crate compiled (errors in crates above it, e.g. router,
    are not its business here); else the build stopped before reaching it."""
    command, items = check_errors(session)
    own = own_errors(items, connector)
    if own:
        return Verdict(own)
    crate = session.connector_crate()
    if crate is not None and session.compiled(PURPOSE, command, crate):
        return Verdict()
    if not items and session.could_not_run(command) is None:
        return Verdict()
    return not_reached(session, PURPOSE, command, items, f"{connector}'s code")


def check_compiles(repo: Repository, connector: str, cargo: object = None) -> list[Finding]:
    return verdict_findings(RULE.id, judge(session_of(cargo), connector))


def _blocker(session: CargoSession, scope: Scope) -> str | None:
    return judge(session, scope.connector).skip


RULE = Rule(
    id="build.compiles",
    severity="error",
    title="The connector compiles",
    guide="cargo check of the connector's crate, with the features the target's CI builds (else -p "
          "hyperswitch_connectors --features v1), reports no error in the connector's own files.",
    check=check_compiles,
    tags=("build-check",),
    applies=when_buildable(_blocker),
    needs_cargo=True,
)
