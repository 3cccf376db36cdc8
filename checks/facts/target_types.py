"""What the target declares that connectors must use: the request data structs and their fields, the `RouterData`
aliases, the helper traits of the connectors' `utils.rs`, the `ErrorResponse` fields and the `AmountConvertor`
outputs. All read from the checkout, so a newer Hyperswitch (a new field, a renamed helper) needs no harness change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ast_grep_py import SgNode

from ..target import layout
from ..target.fact_cache import fact
from ..target.layout import ALIAS_FILES, COMMON_TYPES_RS, REQUEST_TYPES_DIR, REQUEST_TYPES_RS
from ..target.repository import Repository
from ..target.rust import last_segment
from ..target.rust_index import memo
from ..target.rust_macros import structs_in
from ..target.rust_syntax import (
    function_items_of,
    struct_fields,
)
from .locations import crate_sources


@fact
def request_structs(repo: Repository) -> dict[str, dict[str, SgNode]]:
    """Structs of `router_request_types` (and its submodules): name -> {field: declaration}."""
    rels = [REQUEST_TYPES_RS, *repo.walk(REQUEST_TYPES_DIR, ".rs")]
    found: dict[str, dict[str, SgNode]] = {}
    for rel in rels:
        rust_file = repo.rust(rel)
        for struct_name, node in (structs_in(repo, rust_file) if rust_file is not None else {}).items():
            found.setdefault(struct_name, struct_fields(node))
    return found


@fact
def router_data_fields(repo: Repository) -> set[str]:
    """Fields of `RouterData` itself (router_data.rs), e.g. `connector_customer`."""
    rust_file = repo.rust(layout.ROUTER_DATA_RS)
    struct = structs_in(repo, rust_file).get("RouterData") if rust_file is not None else None
    return set(struct_fields(struct)) if struct is not None else set()


@fact
def type_aliases(repo: Repository) -> dict[str, SgNode]:
    """`type X = ...;` items of the alias files: name -> the aliased type node."""
    found: dict[str, SgNode] = {}
    for rel in ALIAS_FILES:
        rust_file = repo.rust(rel)
        for item in rust_file.index.nodes("type_item") if rust_file is not None else []:
            name, target = item.field("name"), item.field("type")
            if name is not None and target is not None:
                found.setdefault(name.text(), target)
    return found


def request_structs_of_type(repo: Repository, type_node: SgNode) -> set[str]:
    """The request data structs a type names, directly or through the target's aliases.

    `&XRouterData<&PaymentsAuthorizeRouterData>` -> {PaymentsAuthorizeData}; a generic `T` -> set(). Once per
    type node and repository (a file can be shared with a baseline tree whose types differ); do not change the set.
    """
    return memo(type_node, ("request structs", repo), lambda: _request_structs_of_type(repo, type_node))


def _request_structs_of_type(repo: Repository, type_node: SgNode) -> set[str]:
    structs = request_structs(repo)
    aliases = type_aliases(repo)
    found: set[str] = set()
    stack = [type_node]
    seen: set[str] = set()
    while stack:
        node = stack.pop()
        names = [node] if node.kind() == "type_identifier" else []
        for ident in names + node.find_all(kind="type_identifier"):
            text = ident.text()
            if text in seen:
                continue
            seen.add(text)
            if text in structs:
                found.add(text)
            elif text in aliases:
                stack.append(aliases[text])
    return found


@dataclass
class HelperTraits:
    """utils.rs: each trait's method names and the types it is implemented for, plus every fn name there."""

    methods: dict[str, set[str]] = field(default_factory=dict)  # trait -> its method names
    implemented_for: dict[str, set[str]] = field(default_factory=dict)  # trait -> self types
    all_fns: set[str] = field(default_factory=set)
    trait_lines: dict[str, int] = field(default_factory=dict)
    blanket: set[str] = field(default_factory=set)  # traits with an `impl<T> Trait for T` (every type has them)


@fact
def helper_traits(repo: Repository) -> HelperTraits:
    facts = HelperTraits()
    rust_file = repo.rust(layout.CONNECTORS_UTILS_RS)
    if rust_file is None:
        return facts
    for item in rust_file.index.nodes("trait_item"):
        name, body = item.field("name"), item.field("body")
        if name is None or body is None:
            continue
        facts.trait_lines[name.text()] = item.range().start.line + 1
        facts.methods[name.text()] = {
            c.field("name").text() for c in body.children()
            if c.kind() in ("function_item", "function_signature_item") and c.field("name") is not None
        }
    for item in rust_file.index.nodes("impl_item"):
        trait, self_type = item.field("trait"), item.field("type")
        if trait is not None and self_type is not None:
            facts.implemented_for.setdefault(last_segment(trait.text()), set()).add(last_segment(self_type.text()))
            generics = item.field("type_parameters")
            params = {p.text() for p in generics.find_all(kind="type_identifier")} if generics else set()
            if self_type.kind() == "type_identifier" and self_type.text() in params:
                facts.blanket.add(last_segment(trait.text()))
    for kind in ("function_item", "function_signature_item"):
        for item in rust_file.index.nodes(kind):
            if item.field("name") is not None:
                facts.all_fns.add(item.field("name").text())
    return facts


_FN_NAME_BYTES = re.compile(rb"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")


@fact
def fn_defined_anywhere(repo: Repository, name: str) -> bool:
    """True when some Rust file under crates/ defines `fn name` in code (not in a comment or string).

    The files are located through a text index built once per run; each candidate file is then parsed, and only
    a real function item counts.
    """
    for rel in _fn_name_index(repo).get(name, []):
        rust_file = repo.rust(rel)
        if rust_file is None:
            continue
        for kind in ("function_item", "function_signature_item"):
            if name in rust_file.index.named(kind):
                return True
    return False


@fact
def _fn_name_index(repo: Repository) -> dict[str, list[str]]:
    """`fn NAME` -> the files whose text has it (the candidates; the parse decides), from the run's one read."""
    index: dict[str, list[str]] = {}
    for rel, source in crate_sources(repo).items():
        for fn_name in set(_FN_NAME_BYTES.findall(source)):
            index.setdefault(fn_name.decode(), []).append(rel)
    return index


@fact
def error_response_fields(repo: Repository) -> tuple[list[str], int | None]:
    """The fields of the target's `ErrorResponse` (router_data.rs) in declaration order, and its line."""
    rust_file = repo.rust(layout.ROUTER_DATA_RS)
    struct = structs_in(repo, rust_file).get("ErrorResponse") if rust_file is not None else None
    if struct is None:
        return [], None
    return list(struct_fields(struct)), struct.range().start.line + 1


@fact
def converter_outputs(repo: Repository) -> dict[str, str]:
    """`impl AmountConvertor for X { type Output = Y; }` in common_utils: converter X -> output type Y."""
    rust_file = repo.rust(COMMON_TYPES_RS)
    outputs: dict[str, str] = {}
    for item in rust_file.index.nodes("impl_item") if rust_file is not None else []:
        trait, self_type, body = item.field("trait"), item.field("type"), item.field("body")
        if trait is None or self_type is None or body is None or last_segment(trait.text()) != "AmountConvertor":
            continue
        for child in body.children():
            if child.kind() == "type_item" and child.field("name") is not None \
                    and child.field("name").text() == "Output" and child.field("type") is not None:
                outputs[last_segment(self_type.text())] = last_segment(child.field("type").text())
    return outputs


@fact
def request_methods(repo: Repository) -> tuple[dict[str, set[str]], set[str]]:
    """Methods each request struct has: its impl blocks in router_request_types (inherent or trait) and the utils.rs
    helper traits implemented for it; plus the methods of blanket `impl<T> Trait for T` helpers (every type's)."""
    methods: dict[str, set[str]] = {}
    rels = [REQUEST_TYPES_RS, *repo.walk(REQUEST_TYPES_DIR, ".rs")]
    for rel in rels:
        rust_file = repo.rust(rel)
        for impl in rust_file.index.nodes("impl_item") if rust_file is not None else []:
            self_type = impl.field("type")
            if self_type is not None:
                names = set(function_items_of(impl))
                methods.setdefault(last_segment(self_type.text()), set()).update(names)
    traits = helper_traits(repo)
    for trait, types in traits.implemented_for.items():
        for type_name in types:
            methods.setdefault(type_name, set()).update(traits.methods.get(trait, set()))
    blanket: set[str] = set()
    for trait in traits.blanket:
        blanket |= traits.methods.get(trait, set())
    return methods, blanket


@fact
def error_response_defaults(repo: Repository) -> dict[str, str]:
    """What `impl Default for ErrorResponse` (router_data.rs) puts in each field: field -> initializer text."""
    rust_file = repo.rust(layout.ROUTER_DATA_RS)
    for item in rust_file.index.nodes("impl_item") if rust_file is not None else []:
        trait, self_type = item.field("trait"), item.field("type")
        if trait is None or self_type is None or last_segment(trait.text()) != "Default" \
                or last_segment(self_type.text()) != "ErrorResponse":
            continue
        literal = item.find(kind="struct_expression")
        body = literal.field("body") if literal is not None else None
        return {c.field("field").text(): " ".join(c.field("value").text().split())
                for c in (body.children() if body is not None else [])
                if c.kind() == "field_initializer" and c.field("field") is not None and c.field("value") is not None}
    return {}
