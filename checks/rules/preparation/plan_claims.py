"""A plan step is claimed done only when its flow is implemented. A claim is a ticked box (`- [x] Step 7`,
`[✅ COMPLETED]`, `2. Capture ✅`, a `Done` status cell) or a `**Status**: Completed` note, whichever the plan uses;
a step whose status the plan leaves open claims nothing."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.flow_status import BUILDS_REQUEST, assess_flows
from ...facts.grace_docs import plan_path
from ...facts.plan_reading import PlanStep, plan_reading
from ...target.repository import Repository
from ._applies import grace_documents_expected


def _claim(step: PlanStep) -> str | None:
    """How the step claims to be done, or None."""
    if step.done is True:
        return f"step {step.number or step.title!r} is marked done ({step.marker or step.form})"
    note = next((n for n in step.notes if n.done is True), None)
    if note is not None:
        return f"step {step.number or step.title!r} is not ticked, but its status note at line {note.line} says done"
    return None


def check_plan_claims(repo: Repository, name: str) -> list[Finding]:
    """A step claimed done whose flow the code does not implement."""
    rel = plan_path(repo, name)
    if rel is None:
        return []
    statuses = assess_flows(repo, name)
    findings = []
    for step in plan_reading(repo, rel).steps:
        claim = _claim(step)
        if claim is None:
            continue
        for flow in step.flows:
            assessment = statuses.get(flow)
            if assessment is not None and assessment.status not in BUILDS_REQUEST:
                findings.append(Finding(
                    RULE.id, rel, step.line,
                    f"{claim}, but the {flow} flow is {assessment.status} ({assessment.file}:{assessment.line})",
                    "finish the flow, or mark the step open until it is done",
                    {"conflict": step.conflict} if step.conflict else {}))
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
