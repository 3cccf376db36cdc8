"""Facts about one connector's own code: its structs, functions, enum variants, struct literals and method calls
(those inside macro arguments included), each computed once per run."""

from __future__ import annotations

from dataclasses import dataclass

from ast_grep_py import SgNode

from ..target import layout
from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import RustFile
from ..target.rust_macros import CodeView, code_views, file_view, structs_in
from ..target.rust_syntax import (
    MethodCall,
    _fields_of_list,
    binding_type,
    enclosing,
    impl_self_type,
    method_calls,
    norm,
    struct_fields,
)
from .target_types import request_structs_of_type
from .use_paths import file_bindings, resolver


@fact
def file_method_calls(repo: Repository, rust_file: RustFile) -> list[tuple[CodeView, MethodCall]]:
    """Method calls of a file, those inside macro arguments (`format!("{}", E.encode(..))`) included; once a run."""
    return [
        (view, call) for view in code_views(repo, rust_file) for call in method_calls(view)]


@fact
def connector_structs(repo: Repository, name: str) -> dict[str, tuple[str, SgNode]]:
    """Every struct declared in the connector's files: name -> (file, node)."""
    found: dict[str, tuple[str, SgNode]] = {}
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for struct_name, node in (structs_in(repo, rust_file) if rust_file is not None else {}).items():
            found.setdefault(struct_name, (rel, node))
    return found


@fact
def connector_fn_names(repo: Repository, name: str) -> set[str]:
    names: set[str] = set()
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for kind in ("function_item", "function_signature_item"):
            for item in file_view(repo, rust_file).nodes(kind) if rust_file is not None else []:
                if item.field("name") is not None:
                    names.add(item.field("name").text())
    return names


@fact
def connector_variants(repo: Repository, name: str) -> dict[tuple[str, str], tuple[str, SgNode]]:
    """Struct-like enum variants of the connector's enums: (Enum, Variant) -> (file, field_declaration_list)."""
    found: dict[tuple[str, str], tuple[str, SgNode]] = {}
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for enum in file_view(repo, rust_file).nodes("enum_item") if rust_file is not None else []:
            enum_name = enum.field("name")
            for variant in enum.find_all(kind="enum_variant"):
                body = variant.field("body")
                if enum_name is not None and body is not None and body.kind() == "field_declaration_list":
                    found.setdefault((enum_name.text(), variant.field("name").text()), (rel, body))
    return found


@dataclass(frozen=True)
class LiteralTarget:
    """The connector type a struct literal builds: its name, the file declaring it, its declared fields."""

    name: str
    rel: str
    fields: dict[str, SgNode]


def literal_fields(repo: Repository, name: str, literal: SgNode, context: SgNode | None = None) -> LiteralTarget | None:
    """What a struct literal (`Self { .. }`, `Name { .. }`, `Enum::Variant { .. }`) builds, if the connector declares
    it; `context` stands for the literal's place when it was re-parsed out of a macro."""
    name_node = literal.field("name")
    if name_node is None:
        return None
    where = context if context is not None else literal
    parts = norm(name_node.text()).split("<", 1)[0].split("::")
    if parts[-1] == "Self":
        parts[-1] = impl_self_type(where) or "Self"
    structs = connector_structs(repo, name)
    if parts[-1] in structs:
        rel, node = structs[parts[-1]]
        return LiteralTarget(parts[-1], rel, struct_fields(node))
    if len(parts) >= 2:
        enum = impl_self_type(where) if parts[-2] == "Self" else parts[-2]
        variant = connector_variants(repo, name).get((enum or "", parts[-1]))
        if variant is not None:
            return LiteralTarget(f"{enum}::{parts[-1]}", variant[0], _fields_of_list(variant[1]))
    return None


@dataclass(frozen=True)
class RequestOwner:
    """What the `.request` in a chain is: `struct` when the enclosing fn's parameter type names exactly one
    request data struct; `unknown` when it cannot tell; `foreign` when the root is a connector type of its own
    with a `request` field (not a RouterData at all)."""

    kind: str  # "struct" | "unknown" | "foreign"
    struct: str | None = None


@fact
def structs_with_field(repo: Repository, name: str, field_name: str) -> set[str]:
    """The connector's structs that declare a field of that name."""
    return {n for n, (_, s) in connector_structs(repo, name).items() if field_name in struct_fields(s)}


def request_owner(repo: Repository, name: str, chain: list[str], node: SgNode) -> RequestOwner:
    """What `chain` (ending in `.request`) reads, judged from the declared type of its root in the enclosing fn."""
    function = enclosing(node, "function_item")
    param = binding_type(function, chain[0]) if function is not None and chain else None
    own_with_request = structs_with_field(repo, name, "request")
    if param is None:
        # `x.request` with x of unknown type, in a connector that has its own struct with a `request` field:
        # it may be that struct, so the read is not judged.
        return RequestOwner("foreign" if own_with_request and len(chain) == 2 else "unknown")
    structs = request_structs_of_type(repo, param)
    if len(structs) == 1:
        return RequestOwner("struct", next(iter(structs)))
    if len(chain) == 2 and any(i.text() in own_with_request for i in [param, *param.find_all(kind="type_identifier")]):
        return RequestOwner("foreign")
    return RequestOwner("unknown")


@fact
def struct_literals(repo: Repository, name: str) -> list[tuple[str, CodeView, SgNode]]:
    """Every struct literal of the connector's files, those inside macro arguments included: (file, view, node)."""
    found = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for view in code_views(repo, rust_file) if rust_file is not None else []:
            found.extend((rel, view, literal) for literal in view.nodes("struct_expression"))
    return found


def is_domain_error_response(repo: Repository, rust_file: RustFile, literal: SgNode) -> bool:
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
