"""Every flow the spec describes an endpoint for is covered by a plan step (grace_rules §1.5.13). The spec and the
plan are read by meaning, so a techspec section or a hand-written list counts like a template row or Step line."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import plan_path, spec_path
from ...facts.plan_reading import plan_reading
from ...facts.spec_reading import spec_reading
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_plan_covers_spec(repo: Repository, name: str) -> list[Finding]:
    spec, plan = spec_path(repo, name), plan_path(repo, name)
    if spec is None or plan is None:
        return []
    planned = {flow for step in plan_reading(repo, plan).steps for flow in step.flows}
    findings = []
    for flow, match in spec_reading(repo, spec).flows.items():
        endpoint = match.endpoint
        if endpoint is not None and flow not in planned:
            findings.append(Finding(RULE.id, spec, endpoint.line,
                                    f"the spec's {flow} endpoint `{endpoint.method} {endpoint.path}` has no plan step",
                                    f"add a step to {plan} that implements the {flow} flow"))
    return findings


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
