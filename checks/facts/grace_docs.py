"""GRACE preparation documents: the tech spec `<name>_specs.md` and the plan `<name>_plan.md` (grace_rules §1.5, §2).

Headings are matched by keyword, not number; status values are checked against the target's own enums.
"""

from __future__ import annotations

import re

from ..facts.selection import PlanStep, read_plan_steps
from ..target import layout
from ..target.fact_cache import fact
from ..target.markdown_doc import MarkdownDoc, Table, parse_markdown
from ..target.repository import Repository
from ..target.rust_locate import find_enum

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


@fact
def document(repo: Repository, rel: str) -> MarkdownDoc:
    return parse_markdown(
        (repo.root / rel).read_text(encoding="utf-8", errors="replace"))


def spec_path(repo: Repository, name: str) -> str | None:
    return repo.first_existing(layout.spec_candidates(name))


def plan_path(repo: Repository, name: str) -> str | None:
    return repo.first_existing(layout.plan_candidates(name))


def grace_folder_present(repo: Repository) -> bool:
    return (repo.root / layout.GRACE_DIR).is_dir()


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


@fact
def status_variants(repo: Repository) -> dict[str, set[str]]:
    """AttemptStatus and RefundStatus variants, read from the target's common_enums."""
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



def plan_steps_of(repo: Repository, rel: str) -> list[PlanStep]:
    return read_plan_steps(repo, rel)
