"""The fix to show for a compiler error: a rule's rustc hint when one recognises it (each pitfall rule declares
the errors its mistake produces), else clippy's lint fix, else rustc's own help."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .diagnostics import Diagnostic


class Recogniser(Protocol):
    """What the hint lookup needs of a rule's rustc hint (core.rule.RustcHint)."""

    title: str
    fix: str

    def matches(self, code: str, message: str) -> bool: ...


LINT_FIXES = {
    "clippy::unwrap_used": "return the error with `?` (mapping it with `change_context`) instead of unwrapping",
    "clippy::expect_used": "return the error with `?` (mapping it with `change_context`) instead of expect()",
    "clippy::panic": "return a ConnectorError instead of panicking",
    "clippy::todo": "implement it, or return `ConnectorError::NotImplemented` instead of todo!()",
    "clippy::unimplemented": "return `ConnectorError::NotImplemented` instead of unimplemented!()",
    "clippy::indexing_slicing": "use `.get(..)` and handle the None case instead of indexing",
    "clippy::as_conversions": "use a checked conversion (`try_from`, `From`) instead of `as`",
    "clippy::print_stdout": "log with router_env::logger instead of printing",
    "clippy::print_stderr": "log with router_env::logger instead of printing",
}


def hint_for(item: Diagnostic, recognisers: Sequence[tuple[str, Recogniser]]) -> tuple[str, str | None]:
    """The fix to show, and the tag of the guide mistake it is (None when the guide does not warn about it).

    `recognisers` are (tag, hint) pairs, most specific first; the first that matches wins.
    """
    for tag, hint in recognisers:
        if hint.matches(item.code or "", item.text):
            label = tag.replace("-", " ")
            return f"guide {label} ({hint.title}): {hint.fix}", tag
    if item.code in LINT_FIXES:
        return LINT_FIXES[item.code], None
    return item.help(), None
