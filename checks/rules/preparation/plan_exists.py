"""Preparation: grace/connector_integration/<name>/<name>_plan.md is created from planner_steps.md. (grace_rules; the documents are read by facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import plan_path
from ...target import layout
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_plan_exists(repo: Repository, name: str) -> list[Finding]:
    if plan_path(repo, name) is not None:
        return []
    expected = layout.plan_candidates(name)[0]
    return [Finding(RULE.id, layout.GRACE_DIR, 1, f"no plan for {name}: {expected} is missing",
                    "run grace/connector_integration/template/planner_steps.md and store its output at " + expected)]


RULE = Rule(
    id="preparation.plan-exists",
    severity="error",
    title="The implementation plan exists",
    guide="Preparation: grace/connector_integration/<name>/<name>_plan.md is created from planner_steps.md.",
    check=check_plan_exists,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
