"""GRACE preparation documents: the tech spec `<name>_specs.md` and the plan `<name>_plan.md` (grace_rules §1.5, §2).

Where the documents are and their Markdown model, parsed once per run; facts/spec_reading.py and
facts/plan_reading.py read them by meaning. Status values are checked against the target's own enums.
"""

from __future__ import annotations

from ..target import layout
from ..target.fact_cache import fact
from ..target.markdown_doc import MarkdownDoc, parse_markdown
from ..target.repository import Repository
from ..target.rust_locate import find_enum


@fact
def document(repo: Repository, rel: str) -> MarkdownDoc:
    return parse_markdown(repo.text(rel) or "")


def spec_path(repo: Repository, name: str) -> str | None:
    return repo.first_existing(layout.spec_candidates(name))


def plan_path(repo: Repository, name: str) -> str | None:
    return repo.first_existing(layout.plan_candidates(name))


def grace_folder_present(repo: Repository) -> bool:
    return repo.is_dir(layout.GRACE_DIR)


@fact
def status_variants(repo: Repository) -> dict[str, set[str]]:
    """AttemptStatus and RefundStatus variants, read from the target's common_enums."""
    found: dict[str, set[str]] = {}
    for rel in repo.walk(layout.COMMON_ENUMS_SRC, ".rs"):
        rust_file = repo.rust(rel)
        for enum_name in ("AttemptStatus", "RefundStatus"):
            enum = find_enum(rust_file, enum_name) if rust_file is not None else None
            if enum is not None and enum_name not in found:
                body = enum.field("body")
                found[enum_name] = {v.field("name").text() for v in body.children()
                                    if v.kind() == "enum_variant" and v.field("name") is not None}
    return found
