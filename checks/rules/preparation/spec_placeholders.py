"""No template placeholder is left in the tech spec. (grace_rules; the documents are read by facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import document, spec_path
from ...target.repository import Repository
from ._applies import grace_documents_expected

PLACEHOLDERS = ("{{", "[List of", "[Add all", "✓/✗", "[Link", "[If provided]")


def check_spec_placeholders(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    for number, line in document(repo, rel).prose_lines():
        hit = next((p for p in PLACEHOLDERS if p in line), None)
        if hit:
            return [Finding(RULE.id, rel, number,
                            f"template placeholder `{hit}` left in the spec", "replace it with the connector's facts")]
    return []


RULE = Rule(
    id="preparation.spec-placeholders",
    severity="warning",
    title="No template placeholder is left in the tech spec",
    guide="No template placeholder is left in the tech spec.",
    check=check_spec_placeholders,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
