"""Every plan step says what to do. A GRACE planner step (`- [ ] Step N: ...`) has Task, Files, Step Dependencies
and User Instructions (planner_steps.md); a step heading (`#### Step 1.1: ...`) lists its tasks; and no step of any
dialect is a template leftover (`[Brief title]`, `{{...}}`, an empty title)."""

from __future__ import annotations

import re

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import document, plan_path
from ...facts.plan_reading import PlanStep, plan_reading
from ...target.repository import Repository
from ._applies import grace_documents_expected

STEP_FIELDS = ("Task", "Files", "Step Dependencies", "User Instructions")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")


def _lacks(step: PlanStep, body: list[str]) -> str | None:
    label = f"step {step.number or step.title!r}"
    if step.placeholder:
        return f"{label} is a template placeholder, not a task"
    if step.form == "checkbox" and step.number is not None:
        missing = [f for f in STEP_FIELDS if f"**{f}**" not in "\n".join(body)]
        return f"{label} lacks {', '.join(missing)}" if missing else None
    if step.form == "heading" and not any(LIST_ITEM.match(line) for line in body):
        return f"{label} lists no tasks"
    return None


def check_plan_step_fields(repo: Repository, name: str) -> list[Finding]:
    rel = plan_path(repo, name)
    if rel is None:
        return []
    lines = document(repo, rel).lines
    steps = plan_reading(repo, rel).steps
    findings = []
    for index, step in enumerate(steps):
        end = steps[index + 1].line - 1 if index + 1 < len(steps) else len(lines)
        lacking = _lacks(step, lines[step.line:end])
        if lacking:
            findings.append(Finding(RULE.id, rel, step.line, lacking,
                                    "say what the step does: a GRACE planner step has **Task**, **Files**, **Step "
                                    "Dependencies** and **User Instructions** (planner_steps.md); a step heading "
                                    "lists its tasks; a list or table item names its work"))
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
