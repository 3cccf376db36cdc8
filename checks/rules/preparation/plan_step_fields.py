"""Every plan step has Task, Files, Step Dependencies and User Instructions. (grace_rules; the documents are read by
facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import plan_path, plan_steps_of
from ...target.repository import Repository
from ._applies import grace_documents_expected

STEP_FIELDS = ("Task", "Files", "Step Dependencies", "User Instructions")
# How an endpoint row names a flow (grace_rules §1.5.7); the sync flows first so "Get Refund" is rsync, not refund.


def check_plan_step_fields(repo: Repository, name: str) -> list[Finding]:
    rel = plan_path(repo, name)
    if rel is None:
        return []
    lines = (repo.root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    steps = plan_steps_of(repo, rel)
    findings = []
    for index, step in enumerate(steps):
        end = steps[index + 1].line - 1 if index + 1 < len(steps) else len(lines)
        body = "\n".join(lines[step.line:end])
        missing = [f for f in STEP_FIELDS if f"**{f}**" not in body]
        if missing:
            findings.append(Finding(RULE.id, rel, step.line,
                                    f"step {step.number or '?'} lacks {', '.join(missing)}",
                                    "give every step **Task**, **Files**, **Step Dependencies** and "
                                    "**User Instructions** (planner_steps.md)"))
    return findings


RULE = Rule(
    id="preparation.plan-step-fields",
    severity="warning",
    title="Every plan step has a task, files, dependencies and user instructions",
    guide="Every plan step has Task, Files, Step Dependencies and User Instructions.",
    check=check_plan_step_fields,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
