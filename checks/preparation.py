"""GRACE preparation documents: the tech spec `<name>_specs.md` and the plan `<name>_plan.md` (grace_rules §1.5, §2).

Headings are matched by keyword, not number; status values are checked against the target's own enums.
"""

from __future__ import annotations

import difflib
import re

from . import layout
from .findings import Finding
from .flow_checks import assess_flows
from .flows import FlowStatus
from .markdown_doc import MarkdownDoc, Table, parse_markdown
from .repository import Repository
from .rust_locate import find_enum
from .selection import PlanStep, read_plan_steps

REQUIRED_H2 = ("Overview", "API Endpoints", "Data Models", "Implementation Details", "Webhook", "Error Handling",
               "Testing", "References")
REQUIRED_H3 = ("Basic Information", "Authentication", "Supported Features", "Payment Operations",
               "Refund Operations", "Status Mapping", "Error Code Mapping", "Amount Handling",
               "API Error Response Format")
PLACEHOLDERS = ("{{", "[List of", "[Add all", "✓/✗", "[Link", "[If provided]")
STEP_FIELDS = ("Task", "Files", "Step Dependencies", "User Instructions")
# How an endpoint row names a flow (grace_rules §1.5.7); the sync flows first so "Get Refund" is rsync, not refund.
ENDPOINT_FLOWS: tuple[tuple[str, str], ...] = (
    ("rsync", r"\brsync\b|(get|retrieve|fetch|sync|check|status)\b.*\brefund|refund\b.*\b(status|sync)"),
    ("psync", r"\bpsync\b|(get|retrieve|fetch|sync|check)\b.*\bpayment|payment\b.*\b(status|sync)"),
    ("access_token", r"access ?token|oauth|\bauth(entication)? token"),
    ("tokenization", r"tokeni[sz]|payment ?method ?token"),
    ("preprocessing", r"pre-?process"),
    ("capture", r"\bcapture"),
    ("cancel", r"\bcancel|\bvoid\b|\breversal"),
    ("refund", r"\brefund"),
    ("authorize", r"\bauthori[sz]|create payment|\bpurchase|\bcharge\b|\bsale\b"),
)


def _doc(repo: Repository, rel: str) -> MarkdownDoc:
    return repo.memo(("markdown", rel), lambda: parse_markdown(
        (repo.root / rel).read_text(encoding="utf-8", errors="replace")))


def spec_path(repo: Repository, name: str) -> str | None:
    return repo.first_existing(layout.spec_candidates(name))


def plan_path(repo: Repository, name: str) -> str | None:
    return repo.first_existing(layout.plan_candidates(name))


def grace_folder_present(repo: Repository) -> bool:
    return (repo.root / layout.GRACE_DIR).is_dir()


def check_spec_exists(repo: Repository, name: str) -> list[Finding]:
    if spec_path(repo, name) is not None:
        return []
    expected = layout.spec_candidates(name)[0]
    return [Finding("preparation.spec-exists", layout.GRACE_DIR, 1, f"no tech spec for {name}: {expected} is missing",
                    "run grace/connector_integration/template/tech_spec.md and store its output at " + expected)]


def check_plan_exists(repo: Repository, name: str) -> list[Finding]:
    if plan_path(repo, name) is not None:
        return []
    expected = layout.plan_candidates(name)[0]
    return [Finding("preparation.plan-exists", layout.GRACE_DIR, 1, f"no plan for {name}: {expected} is missing",
                    "run grace/connector_integration/template/planner_steps.md and store its output at " + expected)]


def check_spec_sections(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = _doc(repo, rel)
    missing = [f"## {k}" for k in REQUIRED_H2 if doc.find_heading(k, 2) is None]
    missing += [f"### {k}" for k in REQUIRED_H3 if doc.find_heading(k) is None]
    if not missing:
        return []
    first = doc.headings[0].line if doc.headings else 1
    return [Finding("preparation.spec-sections", rel, first, f"the tech spec lacks sections: {', '.join(missing)}",
                    "add the template's sections (matched by keyword, numbering is free)")]


def check_spec_base_url(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = _doc(repo, rel)
    for number, line in doc.prose_lines():
        if "base url" in line.lower():
            if re.search(r"https?://[\w.-]+", line) and not any(p in line for p in ("{{", "[", "<")):
                return []
            return [Finding("preparation.spec-base-url", rel, number, "the spec's Base URL is not a real URL",
                            "write the connector's real base URL, e.g. **Base URL**: `https://api.example.com/v1`")]
    return [Finding("preparation.spec-base-url", rel, 1, "the spec states no **Base URL**",
                    "add `- **Base URL**: `https://...`` under Basic Information")]


def _flows_named(text: str) -> list[str]:
    flows, rest = [], text.lower()
    for flow, pattern in ENDPOINT_FLOWS:
        if re.search(pattern, rest):
            flows.append(flow)
            rest = re.sub(pattern, " ", rest)
    return flows


def endpoint_rows(doc: MarkdownDoc) -> list[tuple[Table, int, str, list[str]]]:
    """(table, line, operation, flows it names) for every row of an Operation|Method|Endpoint|Purpose table.

    The Operation column decides; Purpose, then Endpoint, only when it names no flow ("Create Payment ...
    capture when `capture` is true" is the authorize endpoint, not a capture one).
    """
    rows = []
    for table in doc.tables:
        if "operation" not in table.headers or "endpoint" not in table.headers:
            continue
        for row in table.rows:
            flows: list[str] = []
            for column in ("operation", "purpose", "endpoint"):
                flows = _flows_named(row.cells.get(column, ""))
                if flows:
                    break
            rows.append((table, row.line, row.cells.get("operation", ""), flows))
    return rows


def check_spec_endpoints(repo: Repository, name: str, selected: tuple[str, ...]) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = _doc(repo, rel)
    covered = {flow for *_, flows in endpoint_rows(doc) for flow in flows}
    section = doc.find_heading("API Endpoints")
    return [Finding("preparation.spec-endpoints", rel, section.line if section else 1,
                    f"no endpoint row in the spec's API Endpoints tables for the selected flow {flow}",
                    "add a `| Operation | Method | Endpoint | Purpose |` row for it")
            for flow in selected if flow not in covered and flow in dict(ENDPOINT_FLOWS)]


def status_variants(repo: Repository) -> dict[str, set[str]]:
    """AttemptStatus and RefundStatus variants, read from the target's common_enums."""
    def compute() -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        base = repo.root / layout.COMMON_ENUMS_SRC
        for path in sorted(base.rglob("*.rs")) if base.is_dir() else []:
            rust_file = repo.rust(str(path.relative_to(repo.root)))
            for enum_name in ("AttemptStatus", "RefundStatus"):
                enum = find_enum(rust_file, enum_name) if rust_file is not None else None
                if enum is not None and enum_name not in found:
                    body = enum.field("body")
                    found[enum_name] = {v.field("name").text() for v in body.children()
                                        if v.kind() == "enum_variant" and v.field("name") is not None}
        return found

    return repo.memo(("status-variants",), compute)


def check_spec_status_mapping(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    doc = _doc(repo, rel)
    variants = status_variants(repo)
    known = set().union(*variants.values()) if variants else set()
    tables = [t for t in doc.tables if any("hyperswitch status" in h for h in t.headers)]
    if not tables:
        heading = doc.find_heading("Status Mapping")
        return [Finding("preparation.spec-status-mapping", rel, heading.line if heading else 1,
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
                    "preparation.spec-status-mapping", rel, row.line,
                    f"`{value}` is not an AttemptStatus or RefundStatus variant of this tree",
                    f"use one of the target's variants{' such as ' + ', '.join(near) if near else ''} "
                    f"(read from {layout.COMMON_ENUMS_SRC})"))
    return findings


def check_spec_placeholders(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    for number, line in _doc(repo, rel).prose_lines():
        hit = next((p for p in PLACEHOLDERS if p in line), None)
        if hit:
            return [Finding("preparation.spec-placeholders", rel, number,
                            f"template placeholder `{hit}` left in the spec", "replace it with the connector's facts")]
    return []


def _steps(repo: Repository, rel: str) -> list[PlanStep]:
    return read_plan_steps(repo, rel)


def check_plan_claims(repo: Repository, name: str) -> list[Finding]:
    """A step ticked `- [x]` whose flow the code does not implement."""
    rel = plan_path(repo, name)
    if rel is None:
        return []
    statuses = assess_flows(repo, name)
    findings = []
    for step in _steps(repo, rel):
        if not step.done:
            continue
        for flow in step.flows:
            assessment = statuses.get(flow)
            if assessment is not None and assessment.status is not FlowStatus.IMPLEMENTED:
                findings.append(Finding(
                    "preparation.plan-claims", rel, step.line,
                    f"step {step.number or '?'} is ticked done, but the {flow} flow is {assessment.status} "
                    f"({assessment.file}:{assessment.line})",
                    "finish the flow, or untick the step until it is done"))
    return findings


def check_plan_covers_spec(repo: Repository, name: str) -> list[Finding]:
    """Every spec endpoint that names a flow is covered by some plan step."""
    spec, plan = spec_path(repo, name), plan_path(repo, name)
    if spec is None or plan is None:
        return []
    planned = {flow for step in _steps(repo, plan) for flow in step.flows}
    return [Finding("preparation.plan-covers-spec", spec, line,
                    f"the spec's endpoint for {', '.join(f for f in flows if f not in planned)} has no plan step",
                    f"add a step to {plan} that implements it")
            for _, line, _, flows in endpoint_rows(_doc(repo, spec)) if any(f not in planned for f in flows)]


def check_plan_step_fields(repo: Repository, name: str) -> list[Finding]:
    rel = plan_path(repo, name)
    if rel is None:
        return []
    lines = (repo.root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    steps = _steps(repo, rel)
    findings = []
    for index, step in enumerate(steps):
        end = steps[index + 1].line - 1 if index + 1 < len(steps) else len(lines)
        body = "\n".join(lines[step.line:end])
        missing = [f for f in STEP_FIELDS if f"**{f}**" not in body]
        if missing:
            findings.append(Finding("preparation.plan-step-fields", rel, step.line,
                                    f"step {step.number or '?'} lacks {', '.join(missing)}",
                                    "give every step **Task**, **Files**, **Step Dependencies** and "
                                    "**User Instructions** (planner_steps.md)"))
    return findings
