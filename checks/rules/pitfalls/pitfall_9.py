"""Guide pitfall 9: every `ErrorResponse { .. }` literal names all the fields of the target's ErrorResponse
(11 today, the guide shows 9) or ends in a base expression such as `..Default::default()`."""

from __future__ import annotations

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, rustc_matcher
from ...facts.connector_code import struct_literals
from ...facts.target_types import error_response_fields
from ...facts.use_paths import file_bindings, resolver
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile
from ...target.rust_syntax import has_base, initializers, norm


def _is_domain_error_response(repo: Repository, rust_file: RustFile, literal: SgNode) -> bool:
    """The literal's type resolves (through the file's imports and the target's re-exports) to
    hyperswitch_domain_models::router_data::ErrorResponse, not to a connector's own `ErrorResponse`."""
    name_node = literal.field("name")
    if name_node is None:
        return False
    parts = tuple(norm(name_node.text()).split("<", 1)[0].split("::"))
    res = resolver(repo)
    module = res.module_of_file(rust_file.rel)
    if module is None:
        return False
    if parts[0] not in ("crate", "self") and parts[0] not in res.checked_crates:
        entry = file_bindings(repo, rust_file).get(parts[0])
        if entry is None:
            return False  # declared in this file, or from a glob: not the domain struct we can prove
        parts = entry.path + parts[1:]
    found = res.resolve(module, parts)
    return found.kind == "item" and found.module is not None and found.module.rel == layout.ROUTER_DATA_RS \
        and found.item is not None and found.item.kind() == "struct_item" \
        and found.item.field("name") is not None and found.item.field("name").text() == "ErrorResponse"


def check_error_response_fields(repo: Repository, name: str) -> list[Finding]:
    """Each literal of the domain ErrorResponse lists every field the target declares, or has a `..base`."""
    fields, struct_line = error_response_fields(repo)
    findings = []
    for rel, view, literal in struct_literals(repo, name) if fields else []:
        rust_file = repo.rust(rel)
        name_node = literal.field("name")
        if rust_file is None or name_node is None or has_base(literal):
            continue
        if not norm(name_node.text()).split("<", 1)[0].endswith("ErrorResponse") \
                or not _is_domain_error_response(repo, rust_file, literal):
            continue
        given = {field for field, _, _ in initializers(literal)}
        missing = [f for f in fields if f not in given]
        if missing:
            findings.append(Finding(
                RULE.id, rel, view.line(literal),
                f"ErrorResponse literal lacks {', '.join(missing)} (the target's ErrorResponse has "
                f"{len(fields)} fields, {layout.ROUTER_DATA_RS}:{struct_line}); E0063 missing fields",
                "add " + ", ".join(f"`{f}: None`" for f in missing)
                + ", or end the literal with `..Default::default()`",
                {"missing": missing}))
    return findings


RULE = Rule(
    id="pitfall-9",
    severity="error",
    title="Every ErrorResponse literal has all of the target's fields",
    guide="Every ErrorResponse literal includes all the fields of the target's ErrorResponse (or "
          "`..Default::default()`).",
    check=check_error_response_fields,
    tags=("pitfall-9",),
    rustc=RustcHint(
        title="Outdated ErrorResponse examples",
        fix="list every field ErrorResponse declares today (rustc names the missing ones), or end the literal "
            "with `..Default::default()`",
        matches=rustc_matcher("E0063", "E0560", text=(r"\bErrorResponse\b",)),
        priority=10),
)
