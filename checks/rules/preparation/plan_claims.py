"""A plan step is ticked done only when its flow is implemented. (grace_rules; the documents are read by
facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.flow_status import FlowStatus, assess_flows
from ...facts.grace_docs import plan_path, plan_steps_of
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_plan_claims(repo: Repository, name: str) -> list[Finding]:
    """A step ticked `- [x]` whose flow the code does not implement."""
    rel = plan_path(repo, name)
    if rel is None:
        return []
    statuses = assess_flows(repo, name)
    findings = []
    for step in plan_steps_of(repo, rel):
        if not step.done:
            continue
        for flow in step.flows:
            assessment = statuses.get(flow)
            if assessment is not None and assessment.status is not FlowStatus.IMPLEMENTED:
                findings.append(Finding(
                    RULE.id, rel, step.line,
                    f"step {step.number or '?'} is ticked done, but the {flow} flow is {assessment.status} "
                    f"({assessment.file}:{assessment.line})",
                    "finish the flow, or untick the step until it is done"))
    return findings


RULE = Rule(
    id="preparation.plan-claims",
    severity="error",
    title="Every step ticked done is backed by an implemented flow",
    guide="A plan step is ticked done only when its flow is implemented.",
    check=check_plan_claims,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
