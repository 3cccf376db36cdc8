"""Each selected flow's endpoint in the tech spec is the one its `get_url` builds (grace_rules WI-03): the spec's path
under its sandbox base URL against the config base URL's path joined with the `format!` literal after `base_url`,
and the spec's method against `Method::X` in `build_request`. A difference that is only a version prefix (`/v2`)
is a note, not a mismatch: it says where the version lives, not that the endpoint is wrong."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import spec_path
from ...facts.spec_code import spec_code_comparisons
from ...target.repository import Repository
from ._applies import grace_documents_expected

HINTS = {
    "path": "make the spec's endpoint and get_url's format! agree: fix the spec if the code is right, or the URL",
    "method": "make the spec's method and build_request's Method agree",
}


def check_spec_endpoint_matches_code(repo: Repository, name: str, selected: str = "") -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    wanted = {f for f in selected.split(",") if f}
    findings = []
    for compared in spec_code_comparisons(repo, name, rel):
        if compared.kind not in HINTS or compared.subject not in wanted or compared.verdict != "mismatch":
            continue
        extra: dict[str, object] = {"flow": compared.subject, "spec": f"{rel}:{compared.spec_line}",
                                    "code": compared.code_location, "related": [compared.code_location]}
        if compared.note:
            extra["note"] = compared.note
        findings.append(Finding(RULE.id, rel, compared.spec_line, compared.message, HINTS[compared.kind], extra))
    return findings


RULE = Rule(
    id="preparation.spec-endpoint-matches-code",
    severity="warning",
    title="Each selected flow's spec endpoint is the one its get_url builds",
    guide="Each selected flow's endpoint path and method in the spec match the connector's get_url and "
          "build_request.",
    check=check_spec_endpoint_matches_code,
    tags=("preparation",),
    params=("selected",),
    applies=grace_documents_expected,
)
