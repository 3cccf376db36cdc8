"""Status mappings use real AttemptStatus / RefundStatus variants. (grace_rules; the documents are read by
facts/grace_docs.py)."""

from __future__ import annotations

import difflib

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import document, spec_path, status_variants
from ...target import layout
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_spec_status_mapping(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = document(repo, rel)
    variants = status_variants(repo)
    known = set().union(*variants.values()) if variants else set()
    tables = [t for t in doc.tables if any("hyperswitch status" in h for h in t.headers)]
    if not tables:
        heading = doc.find_heading("Status Mapping")
        return [Finding(RULE.id, rel, heading.line if heading else 1,
                        "the spec has no `| Connector Status | Hyperswitch Status | Description |` table",
                        "map every connector status to an AttemptStatus (or RefundStatus) variant")]
    findings = []
    for table in tables:
        column = next(h for h in table.headers if "hyperswitch status" in h)
        for row in table.rows:
            value = row.cells.get(column, "").strip("` ").rsplit("::", 1)[-1]
            if value and known and value not in known:
                near = difflib.get_close_matches(value, sorted(known), n=2)
                findings.append(Finding(
                    RULE.id, rel, row.line,
                    f"`{value}` is not an AttemptStatus or RefundStatus variant of this tree",
                    f"use one of the target's variants{' such as ' + ', '.join(near) if near else ''} "
                    f"(read from {layout.COMMON_ENUMS_SRC})"))
    return findings


RULE = Rule(
    id="preparation.spec-status-mapping",
    severity="error",
    title="The status mappings use real AttemptStatus and RefundStatus variants",
    guide="Status mappings use real AttemptStatus / RefundStatus variants.",
    check=check_spec_status_mapping,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
