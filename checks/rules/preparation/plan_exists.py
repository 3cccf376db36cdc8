"""Preparation: grace/connector_integration/<name>/<name>_plan.md is created from planner_steps.md. (grace_rules; the
documents are read by facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import plan_path
from ...target import layout
from ...target.repository import Repository
from ._applies import grace_documents_expected
from ._documents import missing_document


def check_plan_exists(repo: Repository, name: str) -> list[Finding]:
    if plan_path(repo, name) is not None:
        return []
    return missing_document(RULE.id, f"plan for {name}", layout.plan_candidates(name)[0], "planner_steps.md")

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
