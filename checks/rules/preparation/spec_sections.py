"""The tech spec has the template's sections. (grace_rules; the documents are read by facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import document, spec_path
from ...target.repository import Repository
from ._applies import grace_documents_expected

REQUIRED_H2 = ("Overview", "API Endpoints", "Data Models", "Implementation Details", "Webhook", "Error Handling",
               "Testing", "References")
REQUIRED_H3 = ("Basic Information", "Authentication", "Supported Features", "Payment Operations",
               "Refund Operations", "Status Mapping", "Error Code Mapping", "Amount Handling",
               "API Error Response Format")


def check_spec_sections(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = document(repo, rel)
    missing = [f"## {k}" for k in REQUIRED_H2 if doc.find_heading(k, 2) is None]
    missing += [f"### {k}" for k in REQUIRED_H3 if doc.find_heading(k) is None]
    if not missing:
        return []
    first = doc.headings[0].line if doc.headings else 1
    return [Finding(RULE.id, rel, first, f"the tech spec lacks sections: {', '.join(missing)}",
                    "add the template's sections (matched by keyword, numbering is free)")]


RULE = Rule(
    id="preparation.spec-sections",
    severity="warning",
    title="The tech spec has the template's sections",
    guide="The tech spec has the template's sections.",
    check=check_spec_sections,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
