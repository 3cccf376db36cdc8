"""When a build rule can give a verdict: cargo may run, and the build does not fail for a reason the rule cannot
charge to the connector (then the scenario is skipped with that reason, never passed)."""

from __future__ import annotations

from collections.abc import Callable

from ...cargo.session import CargoSession
from ...core.rule import Applies, Scope

Blocker = Callable[[CargoSession, Scope], str | None]


def when_buildable(blocker: Blocker) -> Applies:
    def applies(scope: Scope, params: dict[str, str]) -> str | None:
        if not isinstance(scope.cargo, CargoSession):
            return "--no-cargo: the build scenarios are skipped"
        return blocker(scope.cargo, scope)

    return applies
