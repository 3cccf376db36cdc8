"""A rule: id, severity, the guide text it enforces, and the pure check function that returns findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import Finding

if TYPE_CHECKING:
    from .repository import Repository

CheckFunction = Callable[..., list[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" fails the gate; "warning" is a convention
    guide: str  # the guide's words this rule enforces (shown in reports and SARIF help)
    check: CheckFunction

    def run(self, repo: Repository, connector: str, **params: str) -> list[Finding]:
        return self.check(repo, connector, **params)
