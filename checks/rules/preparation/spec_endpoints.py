"""The tech spec has an endpoint row for each selected flow. (grace_rules; the documents are read by
facts/grace_docs.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import ENDPOINT_FLOWS, document, endpoint_rows, spec_path
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_spec_endpoints(repo: Repository, name: str, selected: str = "") -> list[Finding]:
    wanted = tuple(f for f in selected.split(",") if f)
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = document(repo, rel)
    covered = {flow for *_, flows in endpoint_rows(doc) for flow in flows}
    section = doc.find_heading("API Endpoints")
    return [Finding(RULE.id, rel, section.line if section else 1,
                    f"no endpoint row in the spec's API Endpoints tables for the selected flow {flow}",
                    "add a `| Operation | Method | Endpoint | Purpose |` row for it")
            for flow in wanted if flow not in covered and flow in dict(ENDPOINT_FLOWS)]


RULE = Rule(
    id="preparation.spec-endpoints",
    severity="error",
    title="The tech spec has an endpoint for every selected flow",
    guide="The tech spec has an endpoint row for each selected flow.",
    check=check_spec_endpoints,
    tags=("preparation",),
    params=("selected",),
    applies=grace_documents_expected,
)
