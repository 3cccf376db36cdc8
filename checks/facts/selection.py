"""Which flows a connector is expected to implement: `--flows`, else its GRACE plan, else what the tree expects of
it (facts/expectation.py: its kind, UCS delegation, template stage, what it declares)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..core.errors import UsageError
from ..facts.expectation import Expectation, expected_flows, flow_expectations
from ..facts.flow_catalog import GUIDE_FLOW_NAMES
from ..facts.plan_reading import plan_reading
from ..target import layout
from ..target.repository import Repository

TREE = "tree"  # the selection source when nothing overrides what the tree expects


@dataclass(frozen=True)
class Selection:
    flows: tuple[str, ...]
    source: str  # "--flows", the waiver file, the plan's path, or "tree"

    def as_dict(self) -> dict[str, object]:
        return {"flows": list(self.flows), "source": self.source}


def flow_expectation(repo: Repository, name: str, selection: Selection, flow: str) -> Expectation:
    """Whether the flow is expected of the connector and why: the tree's reason, or the overriding selection."""
    if selection.source == TREE:
        return flow_expectations(repo, name)[flow]
    chosen = flow in selection.flows
    return Expectation(chosen, f"{'selected' if chosen else 'not selected'} by {selection.source}",
                       selection.source if selection.source.endswith(".md") else None, None)


def parse_flow_list(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    for name in names:
        if name not in GUIDE_FLOW_NAMES:
            near = difflib.get_close_matches(name, GUIDE_FLOW_NAMES, n=2)
            hint = f" (did you mean {', '.join(near)}?)" if near else ""
            raise UsageError(f"unknown flow {name!r} in --flows{hint}; known flows: {', '.join(GUIDE_FLOW_NAMES)}")
    if not names:
        raise UsageError("--flows is empty; name at least one flow, e.g. --flows authorize,psync")
    return names


def select_flows(repo: Repository, name: str, cli_flows: tuple[str, ...] | None,
                 configured: dict[str, tuple[str, ...]] | None = None, configured_source: str = "") -> Selection:
    """--flows, else the waiver file's [connectors.NAME] flows, else the GRACE plan, else what the tree expects."""
    if cli_flows:
        return Selection(cli_flows, "--flows")
    if configured and name in configured:
        return Selection(configured[name], configured_source)
    plan = repo.first_existing(layout.plan_candidates(name))
    if plan is not None:
        named = {flow for step in plan_reading(repo, plan).steps for flow in step.flows}
        if named:
            return Selection(tuple(f for f in GUIDE_FLOW_NAMES if f in named), plan)
    return Selection(expected_flows(repo, name), TREE)
