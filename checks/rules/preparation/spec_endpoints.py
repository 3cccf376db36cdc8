"""The tech spec describes an endpoint for each selected flow, read by meaning: from tables, `**Endpoint:**` fields
under a section naming the operation, labelled lists, prose, code blocks and cURL examples. An operation's words and
its method decide the flow (`Capture an Authorization` is capture, `Fetch an Authorization` psync); a path listed
without any description is only a hint, never the flow's endpoint."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import spec_path
from ...facts.spec_code import spec_code_comparisons
from ...facts.spec_reading import FLOWS, FlowMatch, spec_reading
from ...target.repository import Repository
from ._applies import grace_documents_expected

ENDPOINTS_SECTION = r"end ?points?|\boperations\b|api reference"


def _hint(flow: str, match: FlowMatch, calls: dict[int, str]) -> str:
    """What the spec offers instead (path-only entries, the code calling one of them, mentions), then the fix."""
    parts = []
    for candidate in match.candidates:
        called = f", and the code calls exactly that ({calls[candidate.line]})" if candidate.line in calls else ""
        parts.append(f"the spec lists `{candidate.method} {candidate.path}` (line {candidate.line}) only as a path, "
                     f"without saying what it does{called}")
    if match.mentions:
        parts.append(f"it mentions {flow} at line{'s' if len(match.mentions) > 1 else ''} "
                     f"{', '.join(map(str, match.mentions))} without an endpoint")
    found = "; ".join(parts) + ". " if parts else ""
    return (f"{found[:1].upper()}{found[1:]}Describe the {flow} operation with its method and path: a "
            "`| Operation | Method | Endpoint | Purpose |` row, or a section naming the operation with "
            "**Endpoint:** `METHOD /path`, its request and its response")


def check_spec_endpoints(repo: Repository, name: str, selected: str = "") -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    reading = spec_reading(repo, rel)
    wanted = [f for f in selected.split(",") if f in FLOWS]
    matched = {f: f"{m.endpoint.method} {m.endpoint.path} (line {m.endpoint.line})"
               for f in wanted if (m := reading.flows[f]).endpoint is not None}
    missing = [f for f in wanted if f not in matched]
    if not missing:
        return []
    section = reading.heading(ENDPOINTS_SECTION)
    unstated = [c for c in spec_code_comparisons(repo, name, rel) if c.verdict == "unstated"]
    findings = []
    for flow in missing:
        match = reading.flows[flow]
        extra: dict[str, object] = {"matched": matched}
        if match.candidates:
            extra["candidates"] = [f"{c.method} {c.path} (line {c.line})" for c in match.candidates]
        if match.mentions:
            extra["mentions"] = list(match.mentions)
        findings.append(Finding(RULE.id, rel, section.line if section else 1,
                                f"no endpoint in the spec is described as the selected flow {flow}",
                                _hint(flow, match, {c.spec_line: c.code_location for c in unstated
                                                    if c.subject == flow}), extra))
    return findings


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
