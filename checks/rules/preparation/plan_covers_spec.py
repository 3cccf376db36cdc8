"""Every endpoint of the spec is covered by a plan step (grace_rules; facts/grace_docs.py reads the documents)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import document, endpoint_rows, plan_path, plan_steps_of, spec_path
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_plan_covers_spec(repo: Repository, name: str) -> list[Finding]:
    """Every spec endpoint that names a flow is covered by some plan step."""
    spec, plan = spec_path(repo, name), plan_path(repo, name)
    if spec is None or plan is None:
        return []
    planned = {flow for step in plan_steps_of(repo, plan) for flow in step.flows}
    return [Finding(RULE.id, spec, line,
                    f"the spec's endpoint for {', '.join(f for f in flows if f not in planned)} has no plan step",
                    f"add a step to {plan} that implements it")
            for _, line, _, flows in endpoint_rows(document(repo, spec)) if any(f not in planned for f in flows)]


RULE = Rule(
    id="preparation.plan-covers-spec",
    severity="warning",
    title="Every endpoint of the spec is covered by a plan step",
    guide="Every endpoint of the spec is covered by a plan step.",
    check=check_plan_covers_spec,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
