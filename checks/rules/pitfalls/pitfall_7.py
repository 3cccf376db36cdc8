"""Guide pitfall 7: a field read through `.request.` is a field of that flow's request data struct
(`customer_id`, not `connector_customer`, which lives on RouterData itself)."""

from __future__ import annotations

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, any_of, rustc_matcher
from ...core.suggest import similar
from ...facts.connector_code import request_owner
from ...facts.target_types import request_structs, router_data_fields
from ...target.layout import REQUEST_TYPES_RS
from ...target.repository import Repository
from ...target.rust_macros import CodeView, code_views
from ...target.rust_syntax import field_chain


def _request_field_reads(view: CodeView) -> list[tuple[SgNode, list[str], SgNode]]:
    """`x.request.<field>` reads (a method call `x.request.m()` is pitfall 6's): (node, chain, field node)."""
    reads = []
    for node in view.nodes("field_expression"):
        value, field = node.field("value"), node.field("field")
        if value is None or field is None or field.kind() != "field_identifier":
            continue
        parent = node.parent()
        if parent is not None and parent.kind() == "call_expression" and parent.field("function") == node:
            continue
        chain = field_chain(value)
        if len(chain) >= 2 and chain[-1] == "request":
            reads.append((node, chain, field))
    return reads


def check_request_fields(repo: Repository, name: str) -> list[Finding]:
    """Each `x.request.<field>` names a field of the request struct x's type implies (or of any, when unknown)."""
    structs = request_structs(repo)
    every_field = set().union(*structs.values()) if structs else set()
    on_router_data = router_data_fields(repo)
    findings = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        views = code_views(repo, rust_file) if rust_file is not None else []
        for view, (node, chain, field_node) in [(v, r) for v in views for r in _request_field_reads(v)]:
            field = field_node.text()
            owner = request_owner(repo, name, chain, view.context(node))
            if owner.kind == "foreign":
                continue
            if owner.kind == "struct" and owner.struct is not None:
                known = set(structs.get(owner.struct, {}))
                if not known or field in known:
                    continue
                what = f"{owner.struct} has no field `{field}`"
            elif field in every_field:
                continue  # cannot tell which flow: any request data struct's field is accepted
            else:
                known, what = every_field, f"no request data struct has a field `{field}`"
            receiver = ".".join(chain)
            hints = []
            words = set(field.split("_"))
            # A RouterData field read through `.request`: the request's twin sharing a word (customer_id for
            # connector_customer). Any other name: the request's fields nearest by shared words and edit distance
            # (merchant_order_reference_id for merchant_order_ref_id_typo, never customer_id for a shared `id`).
            twins = sorted(f for f in known & on_router_data if words & set(f.split("_")) and f != field) \
                if field in on_router_data else []
            near = twins[:2] or similar(field, known, 2)
            if field in on_router_data:
                hints.append(f"`{field}` is a field of RouterData itself: read `{'.'.join(chain[:-1])}.{field}`")
            if near:
                hints.append(f"the request's own field is {' / '.join(f'`{receiver}.{n}`' for n in near)}")
            findings.append(Finding(
                RULE.id, rel, view.line(field_node),
                f"`{receiver}.{field}`: {what} ({REQUEST_TYPES_RS}) (E0609)",
                "; ".join(hints) or "read a field the request data struct declares",
                {"field": field, "request": owner.struct, "suggestions": near}))
    return findings


RULE = Rule(
    id="pitfall-7",
    severity="error",
    title="Request fields exist on the flow's request data: customer_id, not connector_customer",
    guide="Use `customer_id`, not `connector_customer`: read only fields the flow's request data struct declares.",
    check=check_request_fields,
    tags=("pitfall-7",),
    rustc=RustcHint(
        title="customer_id versus connector_customer",
        fix="`customer_id` is Hyperswitch's CustomerId; the PSP's own customer id is `connector_customer` "
            "(Option<String>)",
        matches=any_of(rustc_matcher("E0308", text=(r"\bCustomerId\b", r"\bString\b")),
                       rustc_matcher("E0609", "E0560", "E0599", text=(r"`(connector_customer|customer_id)`",))),
        priority=70),
)
