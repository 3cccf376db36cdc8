"""A connector's stage for the report, and, at template stage, its to-do list in the guide's order: the flows it
will be expected to implement (the guide's Flow Selection order), its kind's own flows if it has none yet, then
the registration points still open (P1..P19)."""

from __future__ import annotations

import re

from ..core.registry import all_rules
from ..facts.expectation import expect_flow
from ..facts.flow_catalog import GUIDE_FLOWS
from ..facts.flow_status import FlowStatus, assess_flows, classify_impl, connector_impls
from ..facts.kinds import PAYMENT, connector_kinds, kind_flows
from ..facts.stage import TEMPLATE, Stage, connector_stage
from .context import RunContext

POINT_TAG = re.compile(r"^P(\d+)$")


def _point(tags: tuple[str, ...]) -> int | None:
    numbers = [int(m.group(1)) for m in (POINT_TAG.match(t) for t in tags) if m]
    return min(numbers) if numbers else None


def template_todo(run: RunContext, name: str) -> tuple[str, ...]:
    repo = run.repo
    todo = []
    flows = assess_flows(repo, name)
    for guide_flow in GUIDE_FLOWS:
        assessment = flows.get(guide_flow.name)
        if assessment is None or assessment.status is FlowStatus.IMPLEMENTED:
            continue
        if expect_flow(repo, name, guide_flow.name, as_live=True).expected:
            todo.append(f"implement the {guide_flow.name} flow ({assessment.file}:{assessment.evidence_line}, "
                        f"{assessment.status})")
    impls = connector_impls(repo, name)
    for kind in connector_kinds(repo, name):
        triples = kind_flows(repo).get(kind.name, set())
        if kind.name != PAYMENT and triples and not any(
                i.triple in triples and classify_impl(i)[0] is FlowStatus.IMPLEMENTED for i in impls):
            todo.append(f"implement its {kind.name} flows ({', '.join(sorted(t[0] for t in triples))})")
    points = sorted(((_point(r.tags), r) for r in all_rules().values() if _point(r.tags) is not None),
                    key=lambda pair: pair[0] or 0)
    for number, rule in points:
        reason = rule.skip_reason(run.scope(name))
        if reason is not None:
            if reason.startswith("template stage"):
                todo.append(f"P{number}: {rule.title}")
            continue
        findings = run.findings(rule, name)
        if findings:
            todo.append(f"P{number}: {rule.title} ({findings[0].location()})")
    return tuple(todo)


def stage_of(run: RunContext, name: str) -> tuple[Stage, tuple[str, ...]]:
    """The connector's stage and, at template stage, its to-do list."""
    stage = connector_stage(run.repo, name)
    return stage, (template_todo(run, name) if stage.name == TEMPLATE else ())
