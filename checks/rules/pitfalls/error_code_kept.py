"""An `ErrorResponse` filled with `..Default::default()` still sets the connector's own error code and message.

Pitfall 9 accepts any literal that ends in a base; the target's `impl Default for ErrorResponse` puts a fixed code
("HE_00" today) and message there, so a literal that leaves them to the default compiles and silently replaces
the PSP's code on every failed payment (error mapping, retries and analytics lose it). The fields that carry the
connector's error identity are the `String` fields of the target's ErrorResponse (`code`, `message`).
"""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connector_code import is_domain_error_response, struct_literals
from ...facts.target_types import error_response_defaults, error_response_fields
from ...target import layout
from ...target.repository import Repository
from ...target.rust_locate import find_struct
from ...target.rust_syntax import initializers, norm, struct_fields

DEFAULT_BASES = frozenset({"Default::default()", "ErrorResponse::default()"})


def _identity_fields(repo: Repository) -> list[str]:
    """The ErrorResponse fields declared as a plain `String` (not Option): the error's code and message."""
    rust_file = repo.rust(layout.ROUTER_DATA_RS)
    struct = find_struct(rust_file, "ErrorResponse") if rust_file is not None else None
    fields = struct_fields(struct) if struct is not None else {}
    return [f for f, d in fields.items() if d.field("type") is not None and norm(d.field("type").text()) == "String"]


def check_error_code_kept(repo: Repository, name: str) -> list[Finding]:
    fields, struct_line = error_response_fields(repo)
    identity = _identity_fields(repo) if fields else []
    defaults = error_response_defaults(repo)
    findings = []
    for rel, view, literal in struct_literals(repo, name) if identity else []:
        body, name_node = literal.field("body"), literal.field("name")
        base = next((c for c in body.children() if c.kind() == "base_field_initializer"), None) if body else None
        if base is None or name_node is None or not norm(name_node.text()).endswith("ErrorResponse"):
            continue
        base_value = norm(base.text()).lstrip(".")
        rust_file = repo.rust(rel)
        if base_value not in DEFAULT_BASES or rust_file is None \
                or not is_domain_error_response(repo, rust_file, literal):
            continue
        given = {f for f, _, _ in initializers(literal)}
        missing = [f for f in identity if f not in given]
        if not missing:
            continue
        shown = ", ".join(f"{f} = {defaults[f]}" if f in defaults else f for f in missing)
        findings.append(Finding(
            RULE.id, rel, view.line(literal),
            f"ErrorResponse literal leaves {', '.join(f'`{f}`' for f in missing)} to `..{base_value}` ({shown}, "
            f"{layout.ROUTER_DATA_RS}): the connector's own error {' and '.join(missing)} never reach the router",
            f"set {', '.join(f'`{f}:`' for f in missing)} from the connector's error body before `..{base_value}` "
            "(consts::NO_ERROR_CODE / NO_ERROR_MESSAGE only when the PSP sends none); the default may fill the "
            "optional fields only",
            {"missing": missing, "struct_line": struct_line}))
    return findings


RULE = Rule(
    id="pitfalls.error-code-kept",
    severity="warning",
    title="ErrorResponse keeps the connector's error code and message",
    guide="An ErrorResponse carries the PSP's own error code and message; `..Default::default()` fills only the "
          "optional fields.",
    check=check_error_code_kept,
    see_also=("pitfall-9",),
)
