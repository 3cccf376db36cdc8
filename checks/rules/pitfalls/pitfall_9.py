"""Guide pitfall 9: every `ErrorResponse { .. }` literal names all the fields of the target's ErrorResponse
(11 today, the guide shows 9) or ends in a base expression such as `..Default::default()`."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, rustc_matcher
from ...facts.connector_code import is_domain_error_response, struct_literals
from ...facts.target_types import error_response_fields
from ...target import layout
from ...target.repository import Repository
from ...target.rust_syntax import has_base, initializers, norm


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
                or not is_domain_error_response(repo, rust_file, literal):
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
