"""Status mappings use real AttemptStatus / RefundStatus variants, read from any table or list that pairs the
connector's statuses with variants (`| Connector Status | Hyperswitch Status |`, `- `approved` -> `Charged``).
A spec with no status mapping at all is the sections rule's finding, unless it has a status-mapping section that
maps nothing."""

from __future__ import annotations

import difflib

from ...core.finding import Finding
from ...core.limits import MAX_FINDINGS_PER_RULE
from ...core.rule import Rule
from ...facts.grace_docs import spec_path, status_variants
from ...facts.spec_reading import spec_reading
from ...target import layout
from ...target.repository import Repository
from ._applies import grace_documents_expected

STATUS_SECTION = r"status(?:es)?\s+mappings?|state mapping"


def check_spec_status_mapping(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    reading = spec_reading(repo, rel)
    variants = status_variants(repo)
    if not reading.status_mappings:
        heading = reading.heading(STATUS_SECTION)
        if heading is None:
            return []
        return [Finding(RULE.id, rel, heading.line,
                        f"the section `{heading.text}` maps no connector status to an AttemptStatus or RefundStatus "
                        "variant",
                        "map every connector status in a `| Connector Status | Hyperswitch Status | Description |` "
                        "table (or a `- `status` -> `AttemptStatus::Variant`` list)")]
    known = set().union(*variants.values()) if variants else set()
    findings = []
    for mapping in reading.status_mappings:
        # A written `RefundStatus::Charged` is checked against that enum; a guessed enum only against both.
        allowed = variants.get(mapping.enum, set()) if mapping.qualified else known
        if not allowed or mapping.target in allowed:
            continue
        # Only the findings a report shows get a suggestion: 100k bogus rows must not cost 100k fuzzy searches.
        near = (difflib.get_close_matches(mapping.target, sorted(allowed), n=2)
                if len(findings) < MAX_FINDINGS_PER_RULE else [])
        what = mapping.enum if allowed is not known else "AttemptStatus or RefundStatus"
        findings.append(Finding(
            RULE.id, rel, mapping.line,
            f"`{mapping.target}` (for connector status `{mapping.connector_status}`) is not an {what} variant of "
            "this tree",
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
