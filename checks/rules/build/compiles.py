"""cargo check of the connector's crate reports no error in the connector's own files."""

from __future__ import annotations

from ...cargo.diagnostics import own_errors
from ...cargo.session import CargoSession
from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...target.repository import Repository
from ._applies import when_buildable
from ._cargo_findings import check_errors, compiler_finding, describe, session_of


def check_compiles(repo: Repository, connector: str, cargo: object = None) -> list[Finding]:
    _, items = check_errors(session_of(cargo))
    return [compiler_finding(RULE.id, a) for a in own_errors(items, connector)]


def _blocker(session: CargoSession, scope: Scope) -> str | None:
    command, items = check_errors(session)
    if not items or own_errors(items, scope.connector):
        return None
    return (f"cannot judge {scope.connector}: `{command.display()}` fails outside its files "
            f"({describe(items)}); see the registration scenario if it names the connector")


RULE = Rule(
    id="build.compiles",
    severity="error",
    title="The connector compiles",
    guide="cargo check of the connector's crate (-p hyperswitch_connectors --features v1) reports no error in the "
          "connector's own files.",
    check=check_compiles,
    tags=("build-check",),
    applies=when_buildable(_blocker),
    needs_cargo=True,
)
