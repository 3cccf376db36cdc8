"""The tech spec names the connector's real base URL. (grace_rules; the documents are read by facts/grace_docs.py)."""

from __future__ import annotations

import re

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import document, spec_path
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_spec_base_url(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = document(repo, rel)
    for number, line in doc.prose_lines():
        if "base url" in line.lower():
            if re.search(r"https?://[\w.-]+", line) and not any(p in line for p in ("{{", "[", "<")):
                return []
            return [Finding(RULE.id, rel, number, "the spec's Base URL is not a real URL",
                            "write the connector's real base URL, e.g. **Base URL**: `https://api.example.com/v1`")]
    return [Finding(RULE.id, rel, 1, "the spec states no **Base URL**",
                    "add `- **Base URL**: `https://...`` under Basic Information")]


RULE = Rule(
    id="preparation.spec-base-url",
    severity="error",
    title="The tech spec names a real base URL",
    guide="The tech spec names the connector's real base URL.",
    check=check_spec_base_url,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
