"""Preparation: grace/connector_integration/<name>/<name>_specs.md is created from tech_spec.md. (grace_rules; the
documents are read by facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import spec_path
from ...target import layout
from ...target.repository import Repository
from ._applies import grace_documents_expected
from ._documents import missing_document


def check_spec_exists(repo: Repository, name: str) -> list[Finding]:
    if spec_path(repo, name) is not None:
        return []
    return missing_document(RULE.id, f"tech spec for {name}", layout.spec_candidates(name)[0], "tech_spec.md")

RULE = Rule(
    id="preparation.spec-exists",
    severity="error",
    title="The tech spec exists",
    guide="Preparation: grace/connector_integration/<name>/<name>_specs.md is created from tech_spec.md.",
    check=check_spec_exists,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
