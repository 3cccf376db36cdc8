"""A rule declares everything about itself: id, severity, title, the guide's words, tags, when it applies, the
check, and the rustc errors it explains. One rule is one module under `checks/rules/` that defines `RULE`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from .finding import Finding

if TYPE_CHECKING:
    from ..target.repository import Repository

Severity = Literal["error", "warning"]
CheckFunction = Callable[..., list[Finding]]


class Scope:
    """What a rule may know about the run besides the tree: the connector, its selected flows, the options.

    The selection may be given as `select`, computed the first time a rule asks for it: most rules never do, and a
    process that runs only those need not compute it (run/parallel.py's parts)."""

    __slots__ = ("_select", "_selection", "cargo", "connector", "repo", "require_docs")

    def __init__(self, repo: Repository, connector: str, selected: tuple[str, ...] = (), selection_source: str = "",
                 require_docs: bool = False, cargo: object | None = None,
                 select: Callable[[], tuple[tuple[str, ...], str]] | None = None) -> None:
        self.repo = repo
        self.connector = connector
        self.require_docs = require_docs
        self.cargo = cargo  # the run's CargoSession, passed explicitly to the build rules
        self._selection = (selected, selection_source) if select is None else None
        self._select = select

    def _chosen(self) -> tuple[tuple[str, ...], str]:
        if self._selection is None:
            assert self._select is not None
            self._selection = self._select()
        return self._selection

    @property
    def selected(self) -> tuple[str, ...]:
        return self._chosen()[0]

    @property
    def selection_source(self) -> str:
        return self._chosen()[1]

    def __repr__(self) -> str:
        return f"Scope({self.connector!r})"


Applies = Callable[[Scope, dict[str, str]], str | None]  # None when the rule applies, else the reason it does not


class Located(Protocol):
    """Where a rule's registration point lives: a file of the checkout and a line."""

    rel: str

    @property
    def line(self) -> int: ...


Locate = Callable[["Repository"], Located | None]


@dataclass(frozen=True)
class RustcHint:
    """The compiler errors this rule's mistake produces, recognised from rustc's code and words, and the fix."""

    title: str  # the guide's heading for the mistake
    fix: str
    matches: Callable[[str, str], bool]  # (rustc code, rendered message) -> this mistake
    priority: int = 50  # lower is tried first: the most specific recognisers go first
    guide_tag: str | None = None  # the guide mistake it is filed under, when not the rule's own pitfall tag


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity  # "error" fails the gate; "warning" is a convention
    title: str  # one line, as the guide would name the mistake
    guide: str  # the guide's words this rule enforces (shown in reports and SARIF help)
    check: CheckFunction  # check(repo, connector, **params) -> findings; build rules also get cargo=
    tags: tuple[str, ...] = ()  # the guide's names for what it enforces: "P7", "pitfall-4"
    params: tuple[str, ...] = ()  # parameters the scenario passes: ("flow",), ("selected",)
    applies: Applies | None = None
    rustc: RustcHint | None = None
    see_also: tuple[str, ...] = ()  # tags of scenarios that own a related mistake
    needs_cargo: bool = False
    run_level: bool = False  # judged once per run, not per connector (features/shared_files.feature)
    # The shared item the rule checks (a registration point), found by what it is; None where the tree has none.
    # A tree without it skips the rule, but a baseline reports a point the change itself removed.
    locate: Locate | None = None

    def run(self, scope: Scope, **params: str) -> list[Finding]:
        if "selected" in self.params and "selected" not in params:
            params = {**params, "selected": ",".join(scope.selected)}
        if self.needs_cargo:
            return self.check(scope.repo, scope.connector, cargo=scope.cargo, **params)
        return self.check(scope.repo, scope.connector, **params)

    def skip_reason(self, scope: Scope, **params: str) -> str | None:
        return self.applies(scope, params) if self.applies is not None else None


def rustc_matcher(*codes: str, text: tuple[str, ...] = ()) -> Callable[[str, str], bool]:
    """A recogniser: the error code is one of `codes` (any when empty) and every regex of `text` occurs."""

    def matches(code: str, message: str) -> bool:
        return (not codes or code in codes) and all(re.search(p, message) for p in text)

    return matches


def any_of(*matchers: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
    return lambda code, message: any(m(code, message) for m in matchers)
