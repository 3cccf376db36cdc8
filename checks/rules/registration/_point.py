"""What every registration point shares: load its file once, report a missing file or a moved item the same way."""

from __future__ import annotations

from collections.abc import Callable

from ...core.finding import RUN_LEVEL, Finding
from ...core.rule import CheckFunction
from ...facts.connectors import connector_type
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import arm_line, find_fn, find_impl

PointBody = Callable[[Repository, str, RustFile, str], list[Finding]]  # (repo, name, file, Camel) -> findings


def in_rust_file(rule_id: str, rel: str, body: PointBody, required: bool = True) -> CheckFunction:
    """A check of one registration file: a missing file is one finding (or nothing for an optional point)."""

    def check(repo: Repository, name: str) -> list[Finding]:
        rust_file = repo.rust(rel)
        if rust_file is None:
            return [missing_file(rule_id, rel)] if required else []
        return body(repo, name, rust_file, connector_type(repo, name) or name)

    check.__name__ = f"check_{rule_id.rsplit('.', 1)[-1].replace('-', '_')}"
    return check


def missing_file(rule_id: str, rel: str) -> Finding:
    """The same for every connector: a run-level finding (reported once per run)."""
    return Finding(rule_id, rel, 1, f"{rel} is missing from the checkout",
                   "this registration file is expected by the current Hyperswitch layout", {RUN_LEVEL: True})


def moved(rule_id: str, rel: str, what: str, point: str) -> list[Finding]:
    """The same for every connector: a run-level finding (reported once per run)."""
    return [Finding(rule_id, rel, 1, f"{rel} has no {what}",
                    f"the registration point moved: see hyperswitch_anatomy {point}", {RUN_LEVEL: True})]


def exhaustive_match_arm(rule_id: str, rel: str, container: tuple[str, ...], qualifier: str, what: str, hint: str,
                         point: str) -> CheckFunction:
    """A match over `Connector` inside a fn (one name) or an impl (trait, self type) must have the connector's arm."""

    def body(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
        node = find_fn(rust_file, container[0]) if len(container) == 1 else find_impl(rust_file, *container)
        if node is None:
            kind = "fn" if len(container) == 1 else "impl"
            return moved(rule_id, rel, f"{kind} {' for '.join(container)}", point)
        if arm_line(node, qualifier, camel) is not None:
            return []
        return [Finding(rule_id, rel, line_of(node), f"{what} has no arm for {qualifier}::{camel} (its match is "
                        "exhaustive, so the crate does not compile)", hint.format(camel=camel, name=name))]

    return in_rust_file(rule_id, rel, body)
