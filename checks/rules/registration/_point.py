"""What every registration point shares: find its item in the tree by what it is (facts/locations.py), hold it only
where it is due, and say "does not compile" only when that is true.

A connector without a `Connector` variant (template stage, or kept out of the enum on purpose) has nothing to add
to an exhaustive match over `Connector`: those points are skipped with the reason, and become due with the variant.
"""

from __future__ import annotations

from collections.abc import Callable

from ...core.finding import Finding
from ...core.rule import Applies, CheckFunction, Scope
from ...facts.connectors import connector_type
from ...facts.locations import Place
from ...facts.stage import TEMPLATE, connector_stage, connector_variant
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import arm_line

Locate = Callable[[Repository], Place | None]
PointBody = Callable[[Repository, str, Place, str], list[Finding]]  # (repo, name, place, Variant) -> findings
FileBody = Callable[[Repository, str, RustFile, str], list[Finding]]  # (repo, name, file, Camel) -> findings


def in_rust_file(rule_id: str, rel: str, body: FileBody, required: bool = False) -> CheckFunction:
    """A check of a conventional file at a fixed place (the sandbox tests); without the file there is nothing to
    hold, unless `required`."""

    def check(repo: Repository, name: str) -> list[Finding]:
        rust_file = repo.rust(rel)
        if rust_file is None:
            return [Finding(rule_id, rel, 1, f"{rel} is missing from the checkout",
                            f"restore {rel}")] if required else []
        return body(repo, name, rust_file, connector_type(repo, name) or name)

    return check


def variant_name(repo: Repository, name: str) -> str:
    """The connector's Connector variant, or its type name when it has none yet."""
    return connector_variant(repo, name) or connector_type(repo, name) or name


def at_place(locate: Locate, body: PointBody) -> CheckFunction:
    """A check of one located item; where the tree has no such item the rule does not apply (see point_applies)."""

    def check(repo: Repository, name: str) -> list[Finding]:
        place = locate(repo)
        return body(repo, name, place, variant_name(repo, name)) if place is not None else []

    return check


def not_due(repo: Repository, name: str, variant_point: bool) -> str | None:
    """Why a point is not due yet for a connector that has no Connector variant (None when it is due)."""
    stage = connector_stage(repo, name)
    if stage.live:
        return None
    if stage.name == TEMPLATE:
        return f"{stage.because}; due once the Connector variant exists"
    if stage.deliberate:
        return stage.because
    return f"{stage.because}; add the variant first (P5)" if variant_point else None


def point_applies(locate: Locate | None, what: str, variant_point: bool) -> Applies:
    """The point exists in this tree and is due for the connector. `variant_point`: it hangs off the Connector
    variant (an arm of an exhaustive match over Connector, or the variant itself)."""

    def applies(scope: Scope, params: dict[str, str]) -> str | None:
        if locate is not None and locate(scope.repo) is None:
            return f"this tree has no {what}, so there is nothing to register there"
        return not_due(scope.repo, scope.connector, variant_point) if variant_point else None

    return applies


def catch_all_line(container: Place) -> int | None:
    """Line of a `_ =>` arm in the container's matches: a missing arm then falls there and still compiles."""
    for arm in container.node.find_all(kind="match_arm"):
        pattern = arm.field("pattern")
        if pattern is not None and pattern.text().strip() == "_":
            return line_of(arm)
    return None


def missing_arm(rule_id: str, place: Place, qualifier: str, variant: str, what: str, hint: str) -> Finding:
    """A match over `Connector` without the connector's arm: a compile error unless a catch-all arm takes it."""
    catch_all = catch_all_line(place)
    consequence = (f"it falls to the catch-all `_` arm at {place.rel}:{catch_all}" if catch_all is not None
                   else "the match is exhaustive, so the crate does not compile")
    return Finding(rule_id, place.rel, place.line, f"{what} has no arm for {qualifier}::{variant} ({consequence})",
                   hint)


def exhaustive_match_arm(rule_id: str, locate: Locate, what: str, hint: str) -> CheckFunction:
    """A match over `Connector` inside the located fn or impl must have the connector's arm."""

    def body(repo: Repository, name: str, place: Place, variant: str) -> list[Finding]:
        if arm_line(place.node, "Connector", variant) is not None:
            return []
        return [missing_arm(rule_id, place, "Connector", variant, what, hint.format(camel=variant, name=name))]

    return at_place(locate, body)
