"""The tech spec covers what a spec must say, read by meaning: a spec in the HS template's dialect has the template's
sections (matched by keyword, numbering free); any other spec (GRACE's techspec workflow, hand-written) covers
authentication, the API endpoints, the status mapping and error handling under headings of its own."""

from __future__ import annotations

import re
from collections.abc import Callable

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import spec_path
from ...facts.spec_reading import TEMPLATE_H2, TEMPLATE_H3, SpecReading, spec_reading
from ...target.repository import Repository
from ._applies import grace_documents_expected

# (topic, heading words, or the content that covers it without a heading of its own)
TOPICS: tuple[tuple[str, str, Callable[[SpecReading], bool]], ...] = (
    ("authentication", r"\bauthenticat|\bauth\b|credential|api[ -]?keys?|security", lambda r: False),
    ("API endpoints", r"end ?points?|\boperations\b|api reference", lambda r: bool(r.endpoints)),
    ("status mapping", r"status(?:es)?\s+(?:mapping|handling)|\bstatuses\b|state mapping",
     lambda r: bool(r.status_mappings)),
    ("error handling", r"\berrors?\b|http status codes|\bfailures?\b", lambda r: False),
)


def missing_sections(reading: SpecReading) -> list[str]:
    if reading.dialect == "template":
        missing = [f"## {k}" for k in TEMPLATE_H2 if reading.heading(re.escape(k), 2) is None]
        return missing + [f"### {k}" for k in TEMPLATE_H3 if reading.heading(re.escape(k)) is None]
    return [topic for topic, words, covered in TOPICS if reading.heading(words) is None and not covered(reading)]


def check_spec_sections(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    reading = spec_reading(repo, rel)
    missing = missing_sections(reading)
    if not missing:
        return []
    first = reading.headings[0].line if reading.headings else 1
    if reading.dialect == "template":
        return [Finding(RULE.id, rel, first, f"the tech spec lacks the template's sections: {', '.join(missing)}",
                        "add the template's sections (matched by keyword, numbering is free)")]
    return [Finding(RULE.id, rel, first,
                    f"the tech spec ({reading.dialect} dialect) says nothing about: {', '.join(missing)}",
                    "add a section for each (any heading naming it will do): how requests authenticate, every "
                    "endpoint, a table or list mapping the connector's statuses to AttemptStatus/RefundStatus "
                    "variants, and the error response format",
                    {"dialect": reading.dialect})]


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
