"""Which connectors a change concerns, and why: attribution by identifier, never by changed line.

A connector is selected when its own files change (connectors/NAME.rs, connectors/NAME/**), its router test file
(crates/router/tests/connectors/NAME.rs) or its GRACE documents, or when the set of registration entries that name
it differs between the base tree and the checkout (facts/registration_entries.py). A rustfmt re-wrap of a shared
list changes no set and selects nobody; a change to a shared file that names no connector selects no connector
(its own findings are judged at run level).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..core.names import is_module_name
from ..facts.registration_entries import Entries, is_registration_file, registration_entries
from ..target import layout
from ..target.repository import Repository

OWN_FILE = (
    re.compile(rf"^{re.escape(layout.CONNECTORS_DIR)}/(?P<name>\w+)(\.rs$|/)"),
    re.compile(r"^crates/router/tests/connectors/(?P<name>\w+)\.rs$"),
    re.compile(rf"^{re.escape(layout.GRACE_DIR)}/(?P<name>\w+?)(/|_specs\.md$|_plan\.md$)"),
)
OWN_FILE_CHANGED = "own file changed: "


def identifier_names(*repos: Repository) -> dict[str, str]:
    """Module name and type name -> module name, over every tree given (the later tree wins a clash)."""
    names: dict[str, str] = {}
    for repo in repos:
        for name, module in repo.modules.items():
            names[name] = name
            if module.camel:
                names[module.camel] = name
    return names


def _by_connector(entries: Entries, names: dict[str, str]) -> dict[str, dict[object, frozenset[str]]]:
    grouped: dict[str, dict[object, set[str]]] = {}
    for ident, points in entries.items():
        name = names.get(ident)
        if name is None:
            continue
        for point, values in points.items():
            grouped.setdefault(name, {}).setdefault(point, set()).update(values)
    return {name: {p: frozenset(v) for p, v in points.items()} for name, points in grouped.items()}


def registration_reasons(head: Repository, base: Repository, changed: list[str]
                         ) -> tuple[dict[str, list[str]], list[str]]:
    """Per connector of the checkout, each registration point whose entries naming it differ from the base's;
    and the shared points the change added or removed as a whole (notes, not reasons).

    Only the changed registration files are read: an unchanged file has the same entries in both trees. A point
    that is new in the checkout and lists several connectors (a new `default_imp_for_*!` macro that gives every
    connector a default impl of a new flow) is core work, not a change to those connectors: it selects none.
    """
    rels = tuple(rel for rel in changed if is_registration_file(rel))
    if not rels:
        return {}, []
    names = identifier_names(base, head)
    idents = frozenset(names)
    now = _by_connector(registration_entries(head, idents, rels), names)
    before = _by_connector(registration_entries(base, idents, rels), names)
    holders_now = Counter(point for points in now.values() for point in points)
    holders_before = Counter(point for points in before.values() for point in points)
    shared = {point for point, count in holders_now.items() if count > 1 and point not in holders_before}
    shared |= {point for point, count in holders_before.items() if count > 1 and point not in holders_now}
    notes = [f"{point.describe()} {'added' if point in holders_now else 'removed'} for "  # type: ignore[attr-defined]
             f"{max(holders_now[point], holders_before[point])} connectors at once: core work, selects none of them"
             for point in sorted(shared)]  # type: ignore[type-var]
    reasons: dict[str, list[str]] = {}
    for name in head.modules:
        mine, theirs = now.get(name, {}), before.get(name, {})
        for point in sorted(set(mine) | set(theirs), key=lambda p: p.rank()):  # type: ignore[attr-defined]
            old, new = theirs.get(point, frozenset()), mine.get(point, frozenset())
            if old == new or point in shared:
                continue
            change = "added" if not old else ("removed" if not new else "changed")
            reasons.setdefault(name, []).append(point.reason(change))  # type: ignore[attr-defined]
    return reasons, notes


def own_file_reasons(head: Repository, changed: list[str]) -> dict[str, list[str]]:
    """Per connector of the checkout, its own changed files (connector code, router test, GRACE documents)."""
    files: dict[str, list[str]] = {}
    for rel in changed:
        match = next((m for m in (p.match(rel) for p in OWN_FILE) if m), None)
        if match and match["name"] in head.modules and is_module_name(match["name"]):
            files.setdefault(match["name"], []).append(rel)
    return {name: [f"{OWN_FILE_CHANGED}{rel}" for rel in rels] for name, rels in files.items()}


@dataclass
class Attribution:
    """The connectors a change concerns, each with why (in module order), and notes on core-wide changes."""

    reasons: dict[str, list[str]]
    notes: list[str] = field(default_factory=list)


def changed_connectors(head: Repository, base: Repository, changed: list[str]) -> Attribution:
    own = own_file_reasons(head, changed)
    registered, notes = registration_reasons(head, base, changed)
    # A module whose name is not [a-z0-9_]+ is a finding of scaffolding.module-names, never a connector to check.
    reasons = {name: own.get(name, []) + registered.get(name, []) for name in head.modules
               if (name in own or name in registered) and is_module_name(name)}
    return Attribution(reasons, notes)
