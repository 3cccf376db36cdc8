"""Facts the pitfall rules read from the target, each computed once per run.

The request data structs and their fields, the `RouterData` aliases, the helper traits of the connectors'
`utils.rs`, the `ErrorResponse` fields and the `AmountConvertor` outputs all come from the checkout, so a newer
Hyperswitch (a new field, a renamed helper) needs no harness change.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ast_grep_py import SgNode

from . import layout
from .macro_args import CodeView, code_views, file_view
from .repository import Repository
from .rust import RustFile, last_segment

DOMAIN_SRC = "crates/hyperswitch_domain_models/src"
REQUEST_TYPES_RS = f"{DOMAIN_SRC}/router_request_types.rs"
REQUEST_TYPES_DIR = f"{DOMAIN_SRC}/router_request_types"
DOMAIN_TYPES_RS = f"{DOMAIN_SRC}/types.rs"
CONNECTORS_TYPES_RS = "crates/hyperswitch_connectors/src/types.rs"
COMMON_TYPES_RS = "crates/common_utils/src/types.rs"
# Where `RouterData` aliases live: the domain's, the connectors crate's own, and the `dyn` integration aliases.
ALIAS_FILES = (DOMAIN_TYPES_RS, CONNECTORS_TYPES_RS, layout.INTERFACES_TYPES_RS)


# -- small syntax helpers shared by the rules ---------------------------------------------------------------
@dataclass(frozen=True)
class MethodCall:
    """`receiver.name(..)` (turbofish included)."""

    node: SgNode
    receiver: SgNode
    name: str
    name_node: SgNode  # where a finding points: a chain split over lines puts the method on its own line


def file_method_calls(repo: Repository, rust_file: RustFile) -> list[tuple[CodeView, MethodCall]]:
    """Method calls of a file, those inside macro arguments (`format!("{}", E.encode(..))`) included; once a run."""
    return repo.memo(("method-calls", rust_file.rel), lambda: [
        (view, call) for view in code_views(repo, rust_file) for call in method_calls(view)])


def method_calls(view: CodeView) -> list[MethodCall]:
    calls = []
    for call in view.nodes("call_expression"):
        function = call.field("function")
        if function is not None and function.kind() == "generic_function":
            function = function.field("function")
        if function is None or function.kind() != "field_expression":
            continue
        receiver, name = function.field("value"), function.field("field")
        if receiver is not None and name is not None:
            calls.append(MethodCall(call, receiver, name.text(), name))
    return calls


def field_chain(node: SgNode) -> list[str]:
    """`item.router_data.request` -> ['item', 'router_data', 'request']; [] when the chain is not plain fields."""
    names: list[str] = []
    current: SgNode | None = node
    while current is not None and current.kind() == "field_expression":
        name = current.field("field")
        names.append(name.text() if name is not None else "")
        current = current.field("value")
    if current is None or current.kind() not in ("identifier", "self"):
        return []
    names.append(current.text())
    return list(reversed(names))


def norm(text: str) -> str:
    return "".join(text.split())


def enclosing(node: SgNode, kind: str) -> SgNode | None:
    return next((a for a in node.ancestors() if a.kind() == kind), None)


def parameter_types(function: SgNode) -> dict[str, SgNode]:
    """A fn's parameters: name -> type node (`self` excluded; patterns other than a plain name skipped)."""
    params = function.field("parameters")
    found: dict[str, SgNode] = {}
    for param in params.children() if params is not None else []:
        if param.kind() != "parameter":
            continue
        pattern, type_node = param.field("pattern"), param.field("type")
        if pattern is not None and type_node is not None:
            ident = pattern if pattern.kind() == "identifier" else pattern.find(kind="identifier")
            if ident is not None:
                found.setdefault(ident.text(), type_node)
    return found


def impl_self_type(node: SgNode) -> str | None:
    """The `Self` of the impl around a node (last path segment, generics dropped)."""
    impl = enclosing(node, "impl_item")
    self_type = impl.field("type") if impl is not None else None
    return last_segment(self_type.text()) if self_type is not None else None


def struct_fields(struct: SgNode) -> dict[str, SgNode]:
    """Named fields of a struct item: name -> field_declaration."""
    body = struct.field("body")
    return _fields_of_list(body) if body is not None else {}


def structs_in(repo: Repository, rust_file: RustFile) -> dict[str, SgNode]:
    found: dict[str, SgNode] = {}
    for item in file_view(repo, rust_file).nodes("struct_item"):
        name = item.field("name")
        if name is not None:
            found.setdefault(name.text(), item)
    return found


def connector_structs(repo: Repository, name: str) -> dict[str, tuple[str, SgNode]]:
    """Every struct declared in the connector's files: name -> (file, node)."""
    def compute() -> dict[str, tuple[str, SgNode]]:
        found: dict[str, tuple[str, SgNode]] = {}
        for rel in repo.connector_files(name):
            rust_file = repo.rust(rel)
            for struct_name, node in (structs_in(repo, rust_file) if rust_file is not None else {}).items():
                found.setdefault(struct_name, (rel, node))
        return found

    return repo.memo(("connector-structs", name), compute)


def connector_fn_names(repo: Repository, name: str) -> set[str]:
    def compute() -> set[str]:
        names: set[str] = set()
        for rel in repo.connector_files(name):
            rust_file = repo.rust(rel)
            for kind in ("function_item", "function_signature_item"):
                for item in file_view(repo, rust_file).nodes(kind) if rust_file is not None else []:
                    if item.field("name") is not None:
                        names.add(item.field("name").text())
        return names

    return repo.memo(("connector-fns", name), compute)


# -- request data structs and RouterData aliases ------------------------------------------------------------
def request_structs(repo: Repository) -> dict[str, dict[str, SgNode]]:
    """Structs of `router_request_types` (and its submodules): name -> {field: declaration}."""
    def compute() -> dict[str, dict[str, SgNode]]:
        rels = [REQUEST_TYPES_RS]
        folder = repo.root / REQUEST_TYPES_DIR
        if folder.is_dir():
            rels += sorted(str(p.relative_to(repo.root)) for p in folder.rglob("*.rs"))
        found: dict[str, dict[str, SgNode]] = {}
        for rel in rels:
            rust_file = repo.rust(rel)
            for struct_name, node in (structs_in(repo, rust_file) if rust_file is not None else {}).items():
                found.setdefault(struct_name, struct_fields(node))
        return found

    return repo.memo(("request-structs",), compute)


def router_data_fields(repo: Repository) -> set[str]:
    """Fields of `RouterData` itself (router_data.rs), e.g. `connector_customer`."""
    def compute() -> set[str]:
        rust_file = repo.rust(layout.ROUTER_DATA_RS)
        struct = structs_in(repo, rust_file).get("RouterData") if rust_file is not None else None
        return set(struct_fields(struct)) if struct is not None else set()

    return repo.memo(("router-data-fields",), compute)


def type_aliases(repo: Repository) -> dict[str, SgNode]:
    """`type X = ...;` items of the alias files: name -> the aliased type node."""
    def compute() -> dict[str, SgNode]:
        found: dict[str, SgNode] = {}
        for rel in ALIAS_FILES:
            rust_file = repo.rust(rel)
            for item in rust_file.root.find_all(kind="type_item") if rust_file is not None else []:
                name, target = item.field("name"), item.field("type")
                if name is not None and target is not None:
                    found.setdefault(name.text(), target)
        return found

    return repo.memo(("type-aliases",), compute)


def request_structs_of_type(repo: Repository, type_node: SgNode) -> set[str]:
    """The request data structs a type names, directly or through the target's aliases.

    `&XRouterData<&PaymentsAuthorizeRouterData>` -> {PaymentsAuthorizeData}; a generic `T` -> set().
    """
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


# -- helper traits of the connectors crate's utils.rs -------------------------------------------------------
@dataclass
class HelperTraits:
    """utils.rs: each trait's method names and the types it is implemented for, plus every fn name there."""

    methods: dict[str, set[str]] = field(default_factory=dict)  # trait -> its method names
    implemented_for: dict[str, set[str]] = field(default_factory=dict)  # trait -> self types
    all_fns: set[str] = field(default_factory=set)
    trait_lines: dict[str, int] = field(default_factory=dict)
    blanket: set[str] = field(default_factory=set)  # traits with an `impl<T> Trait for T` (every type has them)


def helper_traits(repo: Repository) -> HelperTraits:
    def compute() -> HelperTraits:
        facts = HelperTraits()
        rust_file = repo.rust(layout.CONNECTORS_UTILS_RS)
        if rust_file is None:
            return facts
        for item in rust_file.root.find_all(kind="trait_item"):
            name, body = item.field("name"), item.field("body")
            if name is None or body is None:
                continue
            facts.trait_lines[name.text()] = item.range().start.line + 1
            facts.methods[name.text()] = {
                c.field("name").text() for c in body.children()
                if c.kind() in ("function_item", "function_signature_item") and c.field("name") is not None
            }
        for item in rust_file.root.find_all(kind="impl_item"):
            trait, self_type = item.field("trait"), item.field("type")
            if trait is not None and self_type is not None:
                facts.implemented_for.setdefault(last_segment(trait.text()), set()).add(last_segment(self_type.text()))
                generics = item.field("type_parameters")
                params = {p.text() for p in generics.find_all(kind="type_identifier")} if generics else set()
                if self_type.kind() == "type_identifier" and self_type.text() in params:
                    facts.blanket.add(last_segment(trait.text()))
        for kind in ("function_item", "function_signature_item"):
            for item in rust_file.root.find_all(kind=kind):
                if item.field("name") is not None:
                    facts.all_fns.add(item.field("name").text())
        return facts

    return repo.memo(("helper-traits",), compute)


_FN_NAME = re.compile(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")


def fn_defined_anywhere(repo: Repository, name: str) -> bool:
    """True when some Rust file under crates/ defines `fn name` in code (not in a comment or string).

    The files are located through a text index built once per run; each candidate file is then parsed, and only
    a real function item counts.
    """
    index: dict[str, list[str]] = repo.memo(("fn-name-index",), lambda: _fn_name_index(repo))

    def confirm() -> bool:
        for rel in index.get(name, []):
            rust_file = repo.rust(rel)
            if rust_file is None:
                continue
            for kind in ("function_item", "function_signature_item"):
                if rust_file.root.find(kind=kind, has={"field": "name", "regex": f"^{name}$"}) is not None:
                    return True
        return False

    return repo.memo(("fn-defined", name), confirm)


def _fn_name_index(repo: Repository) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    base = repo.root / "crates"
    for path in sorted(base.rglob("*.rs")) if base.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = str(path.relative_to(repo.root))
        for fn_name in set(_FN_NAME.findall(text)):
            index.setdefault(fn_name, []).append(rel)
    return index


# -- ErrorResponse and amounts ------------------------------------------------------------------------------
def error_response_fields(repo: Repository) -> tuple[list[str], int | None]:
    """The fields of the target's `ErrorResponse` (router_data.rs) in declaration order, and its line."""
    def compute() -> tuple[list[str], int | None]:
        rust_file = repo.rust(layout.ROUTER_DATA_RS)
        struct = structs_in(repo, rust_file).get("ErrorResponse") if rust_file is not None else None
        if struct is None:
            return [], None
        return list(struct_fields(struct)), struct.range().start.line + 1

    return repo.memo(("error-response-fields",), compute)


def converter_outputs(repo: Repository) -> dict[str, str]:
    """`impl AmountConvertor for X { type Output = Y; }` in common_utils: converter X -> output type Y."""
    def compute() -> dict[str, str]:
        rust_file = repo.rust(COMMON_TYPES_RS)
        outputs: dict[str, str] = {}
        for item in rust_file.root.find_all(kind="impl_item") if rust_file is not None else []:
            trait, self_type, body = item.field("trait"), item.field("type"), item.field("body")
            if trait is None or self_type is None or body is None or last_segment(trait.text()) != "AmountConvertor":
                continue
            for child in body.children():
                if child.kind() == "type_item" and child.field("name") is not None \
                        and child.field("name").text() == "Output" and child.field("type") is not None:
                    outputs[last_segment(self_type.text())] = last_segment(child.field("type").text())
        return outputs

    return repo.memo(("converter-outputs",), compute)


# -- struct literals of the connector -----------------------------------------------------------------------
def connector_variants(repo: Repository, name: str) -> dict[tuple[str, str], tuple[str, SgNode]]:
    """Struct-like enum variants of the connector's enums: (Enum, Variant) -> (file, field_declaration_list)."""
    def compute() -> dict[tuple[str, str], tuple[str, SgNode]]:
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

    return repo.memo(("connector-variants", name), compute)


def _fields_of_list(body: SgNode) -> dict[str, SgNode]:
    fields: dict[str, SgNode] = {}
    for child in body.children():
        name = child.field("name") if child.kind() == "field_declaration" else None
        if name is not None:
            fields[name.text()] = child
    return fields


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


def initializers(literal: SgNode) -> list[tuple[str, SgNode | None, SgNode]]:
    """(field, value or None for shorthand, the initializer node) of a struct literal; `..base` is left out."""
    body = literal.field("body")
    found = []
    for child in body.children() if body is not None else []:
        if child.kind() == "field_initializer" and child.field("field") is not None:
            found.append((child.field("field").text(), child.field("value"), child))
        elif child.kind() == "shorthand_field_initializer":
            found.append((child.text(), None, child))
    return found


def has_base(literal: SgNode) -> bool:
    body = literal.field("body")
    return body is not None and any(c.kind() == "base_field_initializer" for c in body.children())


_PASS_THROUGH = frozenset({"clone", "to_owned", "into", "to_string"})


def unwrap_value(value: SgNode) -> SgNode:
    """`Some(&x.clone())` -> `x`: the value under Some(..), &, (..), .clone(), .to_owned() and .into()."""
    current = value
    while True:
        kind = current.kind()
        if kind == "call_expression":
            function, args = current.field("function"), current.field("arguments")
            named = [c for c in args.children() if c.is_named()] if args is not None else []
            if function is not None and function.kind() == "field_expression" and not named \
                    and function.field("field").text() in _PASS_THROUGH:
                current = function.field("value")
                continue
            if function is not None and function.text() == "Some" and len(named) == 1:
                current = named[0]
                continue
            return current
        if kind in ("reference_expression", "parenthesized_expression"):
            inner = [c for c in current.children() if c.is_named()]
            if not inner:
                return current
            current = inner[-1]
            continue
        return current


def declared_type(field_declaration: SgNode) -> str:
    type_node = field_declaration.field("type")
    return norm(type_node.text()) if type_node is not None else ""


def strip_option(type_text: str) -> str:
    """`Option<X>` -> `X` (also `std::option::Option<X>`), else unchanged."""
    match = re.match(r"^(?:[\w:]*::)?Option<(.*)>$", type_text)
    return match.group(1) if match else type_text


# -- what `x.request` is ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RequestOwner:
    """What the `.request` in a chain is: `struct` when the enclosing fn's parameter type names exactly one
    request data struct; `unknown` when it cannot tell; `foreign` when the root is a connector type of its own
    with a `request` field (not a RouterData at all)."""

    kind: str  # "struct" | "unknown" | "foreign"
    struct: str | None = None


def binding_type(function: SgNode, root: str) -> SgNode | None:
    """The declared type behind a name in a fn: a parameter's, or one a `let` takes from a parameter
    (`let router_data = item.router_data;`, `let (item, card) = value;` with `value: (&A, &Card)`)."""
    params = parameter_types(function)
    if root in params:
        return params[root]
    for let in function.find_all(kind="let_declaration"):
        pattern, value = let.field("pattern"), let.field("value")
        if pattern is None or value is None:
            continue
        if pattern.kind() == "identifier" and pattern.text() == root:
            chain = field_chain(unwrap_value(value))
            if chain and chain[0] in params:
                return params[chain[0]]
        elif pattern.kind() == "tuple_pattern" and value.kind() == "identifier" and value.text() in params:
            names = [c for c in pattern.children() if c.is_named()]
            index = next((i for i, c in enumerate(names) if c.kind() == "identifier" and c.text() == root), None)
            declared = params[value.text()]
            pair = declared if declared.kind() == "tuple_type" else declared.find(kind="tuple_type")
            elements = [c for c in pair.children() if c.is_named()] if pair is not None else []
            if index is not None and index < len(elements):
                return elements[index]
    return None


def request_owner(repo: Repository, name: str, chain: list[str], node: SgNode) -> RequestOwner:
    """What `chain` (ending in `.request`) reads, judged from the declared type of its root in the enclosing fn."""
    function = enclosing(node, "function_item")
    param = binding_type(function, chain[0]) if function is not None and chain else None
    own_with_request = {n for n, (_, s) in connector_structs(repo, name).items() if "request" in struct_fields(s)}
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


def similar(name: str, candidates: set[str] | list[str], n: int = 2) -> list[str]:
    """Closest names: first by the share of the name's `_`-words they contain, rare words weighing more
    (get_optional_ip -> get_ip_address_as_optional; connector_customer -> customer_id), then by difflib's ratio."""
    pool = sorted(set(candidates))
    words = set(name.split("_"))
    frequency = {w: sum(w in c.split("_") for c in pool) for w in words}
    weight = {w: 1.0 / (1 + frequency[w]) for w in words}
    total = sum(weight.values()) or 1.0

    def score(candidate: str) -> tuple[float, float]:
        shared = words & set(candidate.split("_"))
        return sum(weight[w] for w in shared) / total, difflib.SequenceMatcher(None, name, candidate).ratio()

    ranked = sorted(pool, key=lambda c: (tuple(-x for x in score(c)), c))
    return [c for c in ranked[:n] if score(c)[0] >= 0.5 or score(c)[1] >= 0.75]


def request_methods(repo: Repository) -> tuple[dict[str, set[str]], set[str]]:
    """Methods each request struct has: its impl blocks in router_request_types (inherent or trait) and the utils.rs
    helper traits implemented for it; plus the methods of blanket `impl<T> Trait for T` helpers (every type's)."""
    def compute() -> tuple[dict[str, set[str]], set[str]]:
        methods: dict[str, set[str]] = {}
        rels = [REQUEST_TYPES_RS]
        folder = repo.root / REQUEST_TYPES_DIR
        if folder.is_dir():
            rels += sorted(str(p.relative_to(repo.root)) for p in folder.rglob("*.rs"))
        for rel in rels:
            rust_file = repo.rust(rel)
            for impl in rust_file.root.find_all(kind="impl_item") if rust_file is not None else []:
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

    return repo.memo(("request-methods",), compute)


def function_items_of(impl: SgNode) -> list[str]:
    body = impl.field("body")
    return [c.field("name").text() for c in (body.children() if body is not None else [])
            if c.kind() == "function_item" and c.field("name") is not None]


def struct_literals(repo: Repository, name: str) -> list[tuple[str, CodeView, SgNode]]:
    """Every struct literal of the connector's files, those inside macro arguments included: (file, view, node)."""
    def compute() -> list[tuple[str, CodeView, SgNode]]:
        found = []
        for rel in repo.connector_files(name):
            rust_file = repo.rust(rel)
            for view in code_views(repo, rust_file) if rust_file is not None else []:
                found.extend((rel, view, literal) for literal in view.nodes("struct_expression"))
        return found

    return repo.memo(("struct-literals", name), compute)
