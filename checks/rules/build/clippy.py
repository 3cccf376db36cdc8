"""cargo clippy -- -D warnings (as Hyperswitch CI runs it) reports no lint in the connector's files; run only
when --clippy asks for it."""

from __future__ import annotations

from ...cargo.diagnostics import own_errors
from ...cargo.session import CargoSession
from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...target.repository import Repository
from ._applies import when_buildable
from ._cargo_findings import LINT_CODE, clippy_errors, compiler_finding, session_of, unreached


def check_clippy(repo: Repository, connector: str, cargo: object = None) -> list[Finding]:
    _, items = clippy_errors(session_of(cargo))
    lints = [i for i in items if i.code is not None and LINT_CODE.match(i.code)]
    return [compiler_finding(RULE.id, a) for a in own_errors(lints, connector)]


def _blocker(session: CargoSession, scope: Scope) -> str | None:
    if not session.settings.clippy:
        return "clippy not requested (pass --clippy to lint with -D warnings as Hyperswitch CI does)"
    command, items = clippy_errors(session)
    connector = scope.connector
    lints = [i for i in items if i.code is not None and LINT_CODE.match(i.code)]
    if own_errors(lints, connector):
        return None
    if own_errors(items, connector):
        return f"cannot lint {connector}: it does not compile (see 'The connector compiles')"
    if items:
        return unreached(f"linting {connector}", command, items)
    return None


RULE = Rule(
    id="build.clippy",
    severity="error",
    title="The connector passes clippy with -D warnings",
    guide="cargo clippy -- -D warnings (as Hyperswitch CI runs it) reports no lint in the connector's files.",
    check=check_clippy,
    tags=("build-clippy",),
    applies=when_buildable(_blocker),
    needs_cargo=True,
)
