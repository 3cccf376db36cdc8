"""Where card data and the router's amounts flow inside one connector's code (guide pitfalls 4 and 5).

A value is followed from where it originates (a read of the domain card's number or CVC, a `get_card_no()`, a
`…request.<minor-unit amount>`) through let-bindings, patterns, closures, `?`, `Some(..)`, `if`/`match` arms and
the connector's own helper functions, to the slot it lands in: a struct-literal field or a tuple-struct /
tuple-variant argument whose type the connector declares (in any of its files). The rules then judge the slot's
declared type against the value's form; everything here is what the code says, computed once per connector.

What keeps the analysis quiet on healthy code: any call that is not the connector's own function, not a masking
constructor and not plumbing (clone, Option/Result, trim) drops the value, so hashing, signing, encryption,
`len()`, `get_last4()` or `get_card_isin()` never carry card data on. `TryFrom::try_from` / `.into()` are not
resolved to one impl (too ambiguous by name); sources read inside the impl are seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from ast_grep_py import SgNode

from ..target import layout
from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import last_segment, line_of
from ..target.rust_index import memo
from ..target.rust_macros import CodeView, code_views, file_view, structs_in
from ..target.rust_syntax import enclosing, norm, strip_option
from .target_types import request_structs

# The masking crate (hyperswitch_masking) is a crates.io dependency, not part of the tree: its wrappers are named.
MASK_TYPES = frozenset({"Secret", "StrongSecret"})
PLAIN_TYPES = frozenset({"String", "str", "Cow"})
# Methods that expose a masked value (masking's PeekInterface/ExposeInterface, CardNumber::get_card_no) as text.
EXPOSE_METHODS = frozenset({"peek", "expose", "expose_option", "get_card_no", "to_string", "peek_mut"})
# Methods that keep the value and its form: clones, borrows, Option/Result plumbing, string trimming.
PASS_METHODS = frozenset({
    "clone", "to_owned", "cloned", "as_ref", "as_deref", "as_mut", "borrow", "unwrap", "unwrap_or",
    "unwrap_or_default", "unwrap_or_else", "expect", "ok_or", "ok_or_else", "ok", "transpose", "change_context",
    "attach_printable", "attach_printable_lazy", "trim", "replace", "as_str", "into_owned", "to_uppercase",
})
INTO_METHODS = frozenset({"into", "try_into"})
MAP_METHODS = frozenset({"map", "and_then", "map_or", "map_or_else", "or_else", "unwrap_or_else", "inspect"})
FORMAT_MACROS = frozenset({"format", "format_args"})
TRANSPARENT_CALLS = frozenset({"Some", "Ok", "Box::new", "Cow::from", "Cow::Owned", "String::from"})
# Method names of trait plumbing: too ambiguous to resolve to one of the connector's fns by name.
AMBIGUOUS_METHODS = frozenset({"try_from", "from", "foreign_try_from", "foreign_from", "into", "try_into",
                               "clone", "fmt", "default", "serialize", "deserialize", "new"})
# A minor-unit amount stays one through these (only the Rust type changes, not the unit).
MINOR_PASS_METHODS = frozenset({"get_amount_as_i64", "to_string", "clone", "to_owned", "into", "unwrap",
                                "unwrap_or_default", "unwrap_or", "expect", "as_ref"})
RANK = {"typed": 0, "rewrapped": 1, "embedded": 2, "exposed": 3}


@dataclass(frozen=True)
class Vocabulary:
    """What the tree says card data and minor amounts are called."""

    card_types: frozenset[str]  # types of the cards crate that hold a number with the card masking strategy
    pan_fields: frozenset[str]  # domain payment-method fields of a card type (card_number, …)
    cvc_fields: frozenset[str]  # the CVC fields of the domain's card structs (card_cvc)
    minor_fields: frozenset[str]  # request data fields in minor units (minor_amount, minor_refund_amount, amount, …)


@fact
def vocabulary(repo: Repository) -> Vocabulary:
    card_types: set[str] = set()
    for rel in repo.walk(layout.CARDS_SRC, ".rs"):  # read through the checkout's files (nothing outside it)
        rust_file = repo.rust(rel)
        for struct_name, node in (structs_in(repo, rust_file) if rust_file is not None else {}).items():
            if "CardNumberStrategy" in node.text():
                card_types.add(struct_name)
    pan: set[str] = set()
    cvc: set[str] = set()
    domain = repo.rust(layout.PAYMENT_METHOD_DATA_RS)
    # struct bodies and struct-like enum variants (`ApplePay { application_primary_account_number, .. }`)
    for body in domain.index.nodes("field_declaration_list") if domain is not None else []:
        fields = _fields(body)[0]
        pans = {n for n, d in fields.items() if _type_last(d.field("type")) in card_types}
        pan |= pans
        if pans:
            cvc |= {n for n in fields if n.endswith("cvc")}
    minor: set[str] = set()
    for fields in request_structs(repo).values():
        for field_name, declaration in fields.items():
            declared = _type_last(declaration.field("type"))
            if declared == "MinorUnit" or (declared == "i64" and "amount" in field_name):
                minor.add(field_name)
    return Vocabulary(frozenset(card_types), frozenset(pan), frozenset(cvc), frozenset(minor))


def _type_last(type_node: SgNode | None) -> str:
    return last_segment(strip_option(norm(type_node.text()))) if type_node is not None else ""


# -- values ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Taint:
    """What a value carries: the datum and the form it is in."""

    data: str  # "pan" | "cvc" | "minor" (the router's minor-unit amount)
    form: str  # "typed" (as given: CardNumber, Secret<String>, MinorUnit) | "exposed" | "rewrapped" | "embedded"
    origin: str  # the source expression, for messages and hints
    via_into: bool = False  # exposed text turned into the slot's type by `.into()` (the slot's type decides)

    def stronger(self, other: Taint | None) -> Taint:
        if other is None:
            return self
        mine, theirs = (self.data == "pan", RANK[self.form]), (other.data == "pan", RANK[other.form])
        return other if theirs > mine else self


@dataclass(frozen=True)
class Tuple:
    """A tuple whose elements may carry data (`Ok((card.card_number.clone(), exp, card.card_cvc.clone()))`)."""

    items: tuple[Taint | Tuple | None, ...]


Value = Taint | Tuple | None


def join(values: Iterable[Value]) -> Value:
    """The most dangerous of several possible values (branches, call sites); tuples element-wise."""
    present = [v for v in values if v is not None]
    tuples = [v for v in present if isinstance(v, Tuple)]
    if tuples and len(tuples) == len(present) and len({len(t.items) for t in tuples}) == 1:
        return Tuple(tuple(join(t.items[i] for t in tuples) for i in range(len(tuples[0].items))))
    result: Taint | None = None
    for value in present:
        if isinstance(value, Taint):
            result = value.stronger(result)
    return result if result is not None else (tuples[0] if tuples else None)


# -- the connector's declarations --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Declared:
    """A struct or enum variant the connector declares: named or positional fields, with their types."""

    name: str
    rel: str
    named: dict[str, SgNode] = field(compare=False)  # field -> field_declaration
    positional: tuple[SgNode, ...] = field(compare=False)  # type nodes
    line: int = 0


@dataclass(frozen=True)
class FnInfo:
    node: SgNode = field(compare=False)
    rel: str
    impl_type: str  # "" for a free fn
    name: str
    params: tuple[tuple[str, SgNode | None], ...] = field(compare=False)  # (binding, type); `self` first
    has_self: bool


def _key(node: SgNode) -> tuple[int, int, str]:
    span = node.range()
    return span.start.index, span.end.index, node.kind()


def _named(node: SgNode | None) -> list[SgNode]:
    return [c for c in node.children() if c.is_named()] if node is not None else []


def args_of(call: SgNode) -> list[SgNode]:
    return [c for c in _named(call.field("arguments")) if c.kind() not in ("line_comment", "block_comment")]


def _fields(body: SgNode | None) -> tuple[dict[str, SgNode], tuple[SgNode, ...]]:
    named: dict[str, SgNode] = {}
    if body is None:
        return named, ()
    if body.kind() == "field_declaration_list":
        for child in body.children():
            if child.kind() == "field_declaration" and child.field("name") is not None:
                named[child.field("name").text()] = child
        return named, ()
    if body.kind() == "ordered_field_declaration_list":
        return named, tuple(c for c in body.children() if c.is_named() and c.kind() not in (
            "visibility_modifier", "attribute_item", "line_comment", "block_comment"))
    return named, ()


def fn_params(function: SgNode) -> tuple[tuple[tuple[str, SgNode | None], ...], bool]:
    params: list[tuple[str, SgNode | None]] = []
    has_self = False
    for param in _named(function.field("parameters")):
        if param.kind() == "self_parameter":
            params.append(("self", None))
            has_self = True
        elif param.kind() == "parameter":
            pattern = param.field("pattern")
            ident = pattern if pattern is not None and pattern.kind() == "identifier" else (
                pattern.find(kind="identifier") if pattern is not None else None)
            params.append((ident.text() if ident is not None else "_", param.field("type")))
    return tuple(params), has_self


def impl_type(node: SgNode) -> str:
    impl = enclosing(node, "impl_item")
    return last_segment(impl.field("type").text()) if impl is not None and impl.field("type") is not None else ""


class ConnectorCode:
    """One connector's files as views (macro arguments included) with the indexes the analysis needs."""

    def __init__(self, repo: Repository, name: str) -> None:
        self.vocabulary = vocabulary(repo)
        self.base: dict[str, CodeView] = {}
        self.views: list[CodeView] = []
        self.macro_views: dict[tuple[int, int, int], CodeView] = {}  # (parent root, macro span) -> its view
        self.structs: dict[str, list[Declared]] = {}
        self.variants: dict[tuple[str, str], Declared] = {}
        self.aliases: dict[str, SgNode] = {}
        self.fns: list[FnInfo] = []
        self.rel_of: dict[int, str] = {}  # a view's root -> the file it is (in)
        for rel in repo.connector_files(name):
            rust_file = repo.rust(rel)
            if rust_file is None:
                continue
            self.base[rel] = file_view(repo, rust_file)
            for view in code_views(repo, rust_file):
                self.views.append(view)
                self.rel_of[id(view.root)] = rel  # the file's own view and its macros' views
                if view.parent is not None and view.invocation is not None:
                    span = view.invocation.range()
                    self.macro_views[(id(view.parent.root), span.start.index, span.end.index)] = view
            self._index(rel, self.base[rel])
        self.fn_by_key = {(f.rel, _key(f.node)): f for f in self.fns}
        self.free_fns: dict[str, list[FnInfo]] = {}
        self.methods: dict[tuple[str, str], list[FnInfo]] = {}
        self.self_methods: dict[str, list[FnInfo]] = {}
        for f in self.fns:
            if f.impl_type:
                self.methods.setdefault((f.impl_type, f.name), []).append(f)
                if f.has_self:
                    self.self_methods.setdefault(f.name, []).append(f)
            else:
                self.free_fns.setdefault(f.name, []).append(f)
        self._callers: dict[tuple[str, tuple[int, int, str]], list[tuple[CodeView, SgNode, int]]] | None = None

    def rel(self, view: CodeView) -> str:
        return self.rel_of[id(view.root)]

    def _index(self, rel: str, view: CodeView) -> None:
        for item in view.nodes("struct_item"):
            name = item.field("name")
            if name is not None:
                named, positional = _fields(item.field("body"))
                self.structs.setdefault(name.text(), []).append(
                    Declared(name.text(), rel, named, positional, line_of(item)))
        for enum in view.nodes("enum_item"):
            enum_name = enum.field("name")
            for variant in enum.find_all(kind="enum_variant") if enum_name is not None else []:
                vname = variant.field("name")
                if vname is not None and variant.field("body") is not None:
                    named, positional = _fields(variant.field("body"))
                    self.variants.setdefault((enum_name.text(), vname.text()), Declared(
                        f"{enum_name.text()}::{vname.text()}", rel, named, positional, line_of(variant)))
        for item in view.nodes("type_item"):
            name, target = item.field("name"), item.field("type")
            if name is not None and target is not None:
                self.aliases.setdefault(name.text(), target)
        for function in view.nodes("function_item"):
            name = function.field("name")
            if name is not None:
                params, has_self = fn_params(function)
                self.fns.append(FnInfo(function, rel, impl_type(function), name.text(), params, has_self))

    def struct(self, name: str, rel: str) -> Declared | None:
        found = self.structs.get(name)
        return next((d for d in found if d.rel == rel), found[0]) if found else None

    def fn_of(self, rel: str, node: SgNode) -> FnInfo | None:
        return self.fn_by_key.get((rel, _key(node)))

    def callers(self, info: FnInfo) -> list[tuple[CodeView, SgNode, int]]:
        if self._callers is None:
            self._callers = {}
            for view in self.views:
                for call in view.nodes("call_expression"):
                    resolved = self.resolve_call(view, call)
                    if resolved is not None:
                        self._callers.setdefault((resolved[0].rel, _key(resolved[0].node)), []).append(
                            (view, call, resolved[1]))
        return self._callers.get((info.rel, _key(info.node)), [])

    def resolve_call(self, view: CodeView, call: SgNode) -> tuple[FnInfo, int] | None:
        """The connector's own fn a call reaches, and where its first argument sits among the params."""
        function = call.field("function")
        if function is not None and function.kind() == "generic_function":
            function = function.field("function")
        if function is None:
            return None
        here = view.context(call)
        if function.kind() == "identifier":
            free = self.free_fns.get(function.text(), [])
            return (free[0], 0) if len(free) == 1 else None
        if function.kind() == "scoped_identifier":
            path, name = function.field("path"), function.field("name")
            if path is None or name is None:
                return None
            owner = last_segment(path.text())
            owner = impl_type(here) if owner == "Self" else owner
            matches = self.methods.get((owner, name.text()), [])
            return (matches[0], 1 if matches[0].has_self else 0) if len(matches) == 1 else None
        if function.kind() == "field_expression":
            receiver, name = function.field("value"), function.field("field")
            if receiver is None or name is None:
                return None
            if receiver.kind() == "self":
                matches = [f for f in self.methods.get((impl_type(here), name.text()), []) if f.has_self]
            elif name.text() in AMBIGUOUS_METHODS:
                return None
            else:
                matches = self.self_methods.get(name.text(), [])
            return (matches[0], 1) if len(matches) == 1 else None
        return None

    def type_class(self, type_node: SgNode | None, depth: int = 0) -> str:
        """'card' | 'masked' | 'plain' | 'other' for a declared type (through Option/Box/Vec/& and local aliases)."""
        if type_node is None or depth > 5:
            return "other"
        text = norm(type_node.text())
        if "CardNumberStrategy" in text:
            return "card"
        text = re.sub(r"^&('\w+)?(mut)?", "", text)
        while (match := re.match(r"^(?:[\w:]*::)?(?:Option|Box|Vec|Rc|Arc)<(.*)>$", text)) is not None:
            text = match.group(1)
        base = last_segment(re.sub(r"^&('\w+)?(mut)?", "", text))
        if base in self.vocabulary.card_types:
            return "card"
        if base in MASK_TYPES or text.startswith(("pii::", "Email")):
            return "masked"
        if base in PLAIN_TYPES:
            return "plain"
        if base in self.aliases:
            return self.type_class(self.aliases[base], depth + 1)
        return "other"


def _root_view(view: CodeView) -> CodeView:
    return view if view.parent is None else _root_view(view.parent)


# -- evaluation --------------------------------------------------------------------------------------------------
class Flow:
    """What datum an expression carries: evaluated on demand, memoised, recursion cut."""

    def __init__(self, code: ConnectorCode) -> None:
        self.c = code
        self.vocab = code.vocabulary
        self.memo: dict[object, Value] = {}
        self.in_progress: set[object] = set()

    def guarded(self, key: object, compute: Callable[[], Value]) -> Value:
        if key in self.memo:
            return self.memo[key]
        if key in self.in_progress:
            return None
        self.in_progress.add(key)
        try:
            value = compute()
        finally:
            self.in_progress.discard(key)
        self.memo[key] = value
        return value

    def eval(self, view: CodeView, node: SgNode | None) -> Value:
        if node is None:
            return None
        return self.guarded(("eval", id(view.root), _key(node)), lambda: self._eval(view, node))

    def _eval(self, view: CodeView, node: SgNode) -> Value:
        kind = node.kind()
        if kind == "identifier":
            return self.lookup(view, node.text(), node)
        if kind == "field_expression":
            return self._field(view, node)
        if kind == "tuple_expression":
            return Tuple(tuple(self.eval(view, c) for c in _named(node)
                               if c.kind() not in ("line_comment", "block_comment", "attribute_item")))
        if kind in ("parenthesized_expression", "reference_expression", "try_expression", "unary_expression",
                    "type_cast_expression"):
            inner = _named(node)
            if not inner:
                return None
            return self.eval(view, inner[0] if kind == "type_cast_expression" else inner[-1])
        if kind == "call_expression":
            return self.eval_call(view, node)
        if kind == "macro_invocation":
            return self.eval_macro(view, node)
        if kind == "block":
            return self.eval_block(view, node)
        if kind == "if_expression":
            return join(self.eval(view, b) for b in (node.field("consequence"), node.field("alternative")))
        if kind == "else_clause":
            return join(self.eval(view, c) for c in _named(node))
        if kind == "match_expression":
            return join(self.eval(view, arm.field("value")) for arm in _named(node.field("body"))
                        if arm.kind() == "match_arm")
        return None

    def _field(self, view: CodeView, node: SgNode) -> Value:
        name, value = node.field("field"), node.field("value")
        if name is None or value is None:
            return None
        text = name.text()
        if text in self.vocab.pan_fields | self.vocab.cvc_fields and self.is_card_source(view, node):
            return Taint("pan" if text in self.vocab.pan_fields else "cvc", "typed", norm(node.text()))
        chain = chain_of(node)
        if len(chain) >= 3 and chain[-2] == "request" and chain[-1] in self.vocab.minor_fields:
            return Taint("minor", "typed", ".".join(chain))
        if not text.isdigit():
            return None
        whole = self.eval(view, value)
        index = int(text)
        return whole.items[index] if isinstance(whole, Tuple) and index < len(whole.items) else None

    def eval_block(self, view: CodeView, block: SgNode) -> Value:
        children = [c for c in _named(block) if c.kind() not in ("line_comment", "block_comment")]
        if not children:
            return None
        tail = children[-1]
        if tail.kind() == "expression_statement":
            inner = _named(tail)
            return None if tail.text().rstrip().endswith(";") or not inner else self.eval(view, inner[0])
        if tail.kind() in ("let_declaration", "empty_statement", "function_item"):
            return None
        return self.eval(view, tail)

    def eval_call(self, view: CodeView, call: SgNode) -> Value:
        function = call.field("function")
        if function is not None and function.kind() == "generic_function":
            function = function.field("function") or function
        if function is None:
            return None
        args = args_of(call)
        if function.kind() == "field_expression":
            return self._method(view, call, function, args)
        path = norm(function.text()).split("<", 1)[0]
        last = path.rsplit("::", 1)[-1]
        owner = path.rsplit("::", 2)[-2] if "::" in path else ""
        if path in TRANSPARENT_CALLS or (owner in ("String", "Cow") and last == "from"):
            return join(self.eval(view, a) for a in args[:1])
        if owner in MASK_TYPES and last in ("new", "from"):
            return _masked(join(self.eval(view, a) for a in args[:1]))
        if owner in self.vocab.card_types:
            return None  # a card number built again is what the rules ask for
        if path == "MinorUnit::new":
            found = join(self.eval(view, a) for a in args[:1])
            return found if isinstance(found, Taint) and found.data == "minor" else None
        local = self.c.resolve_call(view, call)
        return self.fn_result(local[0]) if local is not None else None

    def _method(self, view: CodeView, call: SgNode, function: SgNode, args: list[SgNode]) -> Value:
        receiver, name_node = function.field("value"), function.field("field")
        if receiver is None or name_node is None:
            return None
        method = name_node.text()
        if method == "get_card_no":
            inner = self.eval(view, receiver)
            return Taint("pan", "exposed", inner.origin if isinstance(inner, Taint) else norm(receiver.text()))
        if method in MAP_METHODS and args:
            return self.eval_map(view, receiver, args[-1], method)
        inner = self.eval(view, receiver)
        if isinstance(inner, Tuple):
            return inner if method in PASS_METHODS else None
        if inner is None:
            local = self.c.resolve_call(view, call)
            return self.fn_result(local[0]) if local is not None else None
        if inner.data == "minor":
            return inner if method in MINOR_PASS_METHODS else None
        if method in EXPOSE_METHODS:
            return inner if inner.form == "embedded" else replace(inner, form="exposed", via_into=False)
        if method in PASS_METHODS:
            return inner
        if method in INTO_METHODS:
            return replace(inner, via_into=True) if inner.form == "exposed" else inner
        return None

    def eval_map(self, view: CodeView, receiver: SgNode, func: SgNode, method: str) -> Value:
        inner = self.eval(view, receiver)
        if func.kind() == "closure_expression":
            result = self.eval(view, func.field("body"))
            return join([inner, result]) if method in ("unwrap_or_else", "or_else", "map_or", "map_or_else") \
                else result
        if func.kind() not in ("scoped_identifier", "identifier") or not isinstance(inner, Taint):
            return None
        path = norm(func.text()).split("<", 1)[0]
        last = path.rsplit("::", 1)[-1]
        owner = path.rsplit("::", 2)[-2] if "::" in path else ""
        if owner in MASK_TYPES and last in ("new", "from"):
            return _masked(inner)
        if (owner in ("String", "Cow") and last == "from") or path in ("ToString::to_string", "ToOwned::to_owned"):
            return replace(inner, form="exposed") if inner.form != "embedded" else inner
        if path == "Into::into":
            return replace(inner, via_into=inner.form == "exposed")
        return None

    def eval_macro(self, view: CodeView, invocation: SgNode) -> Value:
        macro = invocation.field("macro")
        if macro is None or last_segment(macro.text()) not in FORMAT_MACROS:
            return None
        span = invocation.range()
        sub = self.c.macro_views.get((id(view.root), span.start.index, span.end.index))
        call = sub.root.find(kind="call_expression") if sub is not None else None
        args = args_of(call) if call is not None else []
        if sub is None or not args or args[0].kind() != "string_literal":
            return None
        template = args[0].text()
        values = [self.eval(sub, a) for a in args[1:]]
        scope = view.context(invocation)
        for name in re.findall(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}", template):
            values.append(self.lookup(view, name, scope))
        found = join(values)
        if not isinstance(found, Taint):
            return None
        placeholders = re.findall(r"(?<!\{)\{[^{}]*\}", template)
        pure = len(placeholders) == 1 and template.strip('"') == placeholders[0]
        return replace(found, form="exposed" if pure and found.form != "embedded" else "embedded", via_into=False)

    # sources
    def is_card_source(self, view: CodeView, node: SgNode) -> bool:
        """`x.card_number` reads the domain card unless the chain goes through a PSP `response`, or `x` is a
        parameter of the connector's own type whose field is not a card type (a number the PSP echoes back)."""
        chain = chain_of(node)
        if "response" in chain[:-1]:
            return False
        type_node = self.param_type(view.context(node), chain[0]) if len(chain) == 2 else None
        for ident in [type_node, *type_node.find_all(kind="type_identifier")] if type_node is not None else []:
            declared = self.c.struct(ident.text(), self.c.rel(view)) if ident.kind() == "type_identifier" else None
            if declared is not None and chain[-1] in declared.named:
                return self.c.type_class(declared.named[chain[-1]].field("type")) == "card" or \
                    chain[-1] in self.vocab.cvc_fields
        return True

    @staticmethod
    def param_type(at: SgNode, name: str) -> SgNode | None:
        function = enclosing(at, "function_item")
        return next((t for p, t in fn_params(function)[0] if p == name), None) if function is not None else None

    # bindings
    def lookup(self, view: CodeView, name: str, use: SgNode) -> Value:
        """The binding of `name` visible at `use` (nearest enclosing let, closure, arm, if-let, fn param)."""
        at = view.context(use)
        base = _root_view(view)
        position = at.range().start.index
        previous = at
        for ancestor in at.ancestors():
            found = self._binding_in(base, ancestor, previous, name, position)
            if found is not None:
                return found[0]
            previous = ancestor
        return None

    def _binding_in(self, base: CodeView, ancestor: SgNode, previous: SgNode, name: str,
                    position: int) -> tuple[Value] | None:
        """(value,) when `ancestor` binds `name` for the code below it, else None (keep looking outwards)."""
        kind = ancestor.kind()
        if kind == "block":
            below = _key(previous)
            for end, key, pattern, value in memo(ancestor, ("block lets",), lambda: _block_lets(ancestor)):
                if end > position or key == below:
                    continue
                if binds(pattern, name):
                    return (self.bind(base, pattern, name, lambda v=value: self.eval(base, v)),)
        elif kind == "closure_expression":
            for param in _named(ancestor.field("parameters")):
                pattern = param.field("pattern") if param.kind() == "parameter" else param
                if pattern is not None and binds(pattern, name):
                    return (self.bind(base, pattern, name, lambda a=ancestor: self.closure_input(base, a)),)
        elif kind == "match_arm":
            pattern, match = ancestor.field("pattern"), enclosing(ancestor, "match_expression")
            if pattern is not None and binds(pattern, name) and match is not None:
                return (self.bind(base, pattern, name, lambda m=match: self.eval(base, m.field("value"))),)
        elif kind in ("if_expression", "while_expression"):
            condition = ancestor.field("condition")
            if condition is not None and _key(previous) != _key(condition):
                lets = [condition] if condition.kind() == "let_condition" else condition.find_all(kind="let_condition")
                for let in reversed(lets):
                    pattern, let_value = let.field("pattern"), let.field("value")
                    if pattern is not None and binds(pattern, name):
                        return (self.bind(base, pattern, name, lambda v=let_value: self.eval(base, v)),)
        elif kind == "for_expression":
            pattern = ancestor.field("pattern")
            if pattern is not None and binds(pattern, name):
                return (None,)
        elif kind == "function_item":
            info = self.c.fn_of(self.c.rel(base), ancestor)
            index = next((i for i, (p, _) in enumerate(info.params) if p == name), None) if info else None
            return (self.param_value(info, index) if info is not None and index is not None else None,)
        return None

    def closure_input(self, view: CodeView, closure: SgNode) -> Value:
        arguments = closure.parent()
        call = arguments.parent() if arguments is not None else None
        function = call.field("function") if call is not None and call.kind() == "call_expression" else None
        if function is None or function.kind() != "field_expression":
            return None
        method = function.field("field")
        return self.eval(view, function.field("value")) if method is not None and method.text() in MAP_METHODS \
            else None

    def bind(self, view: CodeView, pattern: SgNode, name: str, value: Callable[[], Value]) -> Value:
        """The part of `value` that `pattern` binds to `name`."""
        kind = pattern.kind()
        if kind == "identifier":
            return value() if pattern.text() == name else None
        if kind in ("mut_pattern", "ref_pattern", "reference_pattern", "match_pattern", "captured_pattern"):
            inner = _named(pattern)
            target = inner[0] if kind == "match_pattern" and inner else inner[-1] if inner else None
            return self.bind(view, target, name, value) if target is not None else None
        if kind == "tuple_struct_pattern":
            inner = _named(pattern)[1:]
            target = next((c for c in inner if binds(c, name)), None)
            return self.bind(view, target, name, value) if target is not None and len(inner) == 1 else None
        if kind == "tuple_pattern":
            # `_` is an anonymous node: count every element, not only the named ones
            elements = [c for c in pattern.children() if c.kind() not in ("(", ")", ",", "line_comment",
                                                                           "block_comment")]
            for index, element in enumerate(elements):
                if binds(element, name):
                    def item(i: int = index) -> Value:
                        whole = value()
                        return whole.items[i] if isinstance(whole, Tuple) and i < len(whole.items) else None
                    return self.bind(view, element, name, item)
            return None
        if kind == "struct_pattern":
            return self._bind_struct_pattern(view, pattern, name)
        return None

    def _bind_struct_pattern(self, view: CodeView, pattern: SgNode, name: str) -> Value:
        """`Card { card_number, .. }`: the card's own fields are sources; other fields are not followed."""
        for fp in _named(pattern):
            if fp.kind() != "field_pattern":
                continue
            short = next((c for c in fp.children() if c.kind() == "shorthand_field_identifier"), None)
            field_name = short.text() if short is not None else (
                fp.field("name").text() if fp.field("name") is not None else "")
            sub = fp.field("pattern")
            if not ((short is not None and short.text() == name) or (sub is not None and binds(sub, name))):
                continue
            if field_name not in self.vocab.pan_fields | self.vocab.cvc_fields:
                return None
            taint = Taint("pan" if field_name in self.vocab.pan_fields else "cvc", "typed", field_name)
            return taint if sub is None else self.bind(view, sub, name, lambda t=taint: t)
        return None

    # functions
    def fn_result(self, info: FnInfo) -> Value:
        def compute() -> Value:
            view = self.c.base[info.rel]
            body = info.node.field("body")
            returns = [r for r in (body.find_all(kind="return_expression") if body is not None else [])
                       if not _inside(enclosing(r, "closure_expression"), body)]
            return join([self.eval(view, body)] + [self.eval(view, _named(r)[0]) for r in returns if _named(r)])

        return self.guarded(("fn", info.rel, _key(info.node)), compute)

    def param_value(self, info: FnInfo, index: int) -> Value:
        def compute() -> Value:
            values = []
            for view, call, offset in self.c.callers(info):
                position = index - offset
                if offset == 1 and index == 0:
                    continue
                args = args_of(call)
                if 0 <= position < len(args):
                    values.append(self.eval(view, args[position]))
            return join(values)

        return self.guarded(("param", info.rel, _key(info.node), index), compute)


def _block_lets(block: SgNode) -> list[tuple[int, tuple[int, int, str], SgNode, SgNode | None]]:
    """A block's `let` statements, last first: (end, key, pattern, value); read once per block, not per lookup."""
    lets = []
    for stmt in reversed(_named(block)):
        pattern = stmt.field("pattern") if stmt.kind() == "let_declaration" else None
        if pattern is not None:
            lets.append((stmt.range().end.index, _key(stmt), pattern, stmt.field("value")))
    return lets


def _masked(inner: Value) -> Value:
    """`Secret::new(x)`: an exposed PAN becomes a re-wrap; a CVC is masked again (harmless)."""
    if not isinstance(inner, Taint):
        return None
    if inner.data == "pan" and inner.form == "exposed":
        return replace(inner, form="rewrapped", via_into=False)
    return replace(inner, form="typed", via_into=False) if inner.data == "cvc" else inner


def _inside(inner: SgNode | None, outer: SgNode) -> bool:
    if inner is None:
        return False
    a, b = inner.range(), outer.range()
    return b.start.index <= a.start.index and a.end.index <= b.end.index


def binds(pattern: SgNode, name: str) -> bool:
    """True when the pattern introduces a binding called `name` (a variant's or a type's path does not)."""
    if pattern.kind() in ("identifier", "shorthand_field_identifier"):
        return pattern.text() == name
    return name in memo(pattern, ("bound names",), lambda: _bound_names(pattern))


def _bound_names(pattern: SgNode) -> frozenset[str]:
    """The names a pattern binds, found in one walk (a lookup asks each pattern in scope for every name)."""
    found = set()
    for node in pattern.find_all(any=[{"kind": "identifier"}, {"kind": "shorthand_field_identifier"}]):
        parent = node.parent()
        if parent is None or parent.kind() in ("scoped_identifier", "scoped_type_identifier"):
            continue
        if parent.kind() == "tuple_struct_pattern" and _key(_named(parent)[0]) == _key(node):
            continue
        found.add(node.text())
    return frozenset(found)


def chain_of(node: SgNode) -> list[str]:
    """`item.router_data.request.minor_amount` -> its names; method calls and `&`/`?`/`(..)` are stepped over."""
    names: list[str] = []
    current: SgNode | None = node
    while current is not None:
        kind = current.kind()
        if kind == "field_expression":
            name = current.field("field")
            names.append(name.text() if name is not None else "")
            current = current.field("value")
        elif kind == "call_expression" and current.field("function") is not None \
                and current.field("function").kind() == "field_expression":
            current = current.field("function").field("value")
        elif kind in ("parenthesized_expression", "reference_expression", "try_expression", "unary_expression"):
            inner = _named(current)
            current = inner[-1] if inner else None
        else:
            names.append(current.text() if kind in ("identifier", "self") else "")
            break
    return list(reversed(names))


# -- destinations ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Site:
    """A value stored into a declared slot: a struct-literal field or a constructor's positional argument."""

    view: CodeView = field(compare=False)
    rel: str
    node: SgNode = field(compare=False)  # the initializer / argument: the deciding expression
    value_node: SgNode | None = field(compare=False)  # None for a shorthand initializer
    target: Declared
    slot: str  # field name, or the position of a constructor argument
    type_node: SgNode | None = field(compare=False)
    value: Value = None
    line: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        return self.target.rel, self.target.name, self.slot

    @property
    def declared(self) -> str:
        return norm(self.type_node.text()) if self.type_node is not None else "?"

    @property
    def declared_at(self) -> tuple[str, int]:
        return self.target.rel, line_of(self.type_node) if self.type_node is not None else self.target.line

    @property
    def slot_name(self) -> str:
        return f"{self.target.name}.{self.slot}" if not self.slot.isdigit() else f"{self.target.name}({self.slot})"


def _literal_target(code: ConnectorCode, view: CodeView, literal: SgNode) -> Declared | None:
    name_node = literal.field("name")
    if name_node is None:
        return None
    parts = norm(name_node.text()).split("<", 1)[0].split("::")
    here = view.context(literal)
    if parts[-1] == "Self":
        parts[-1] = impl_type(here)
    declared = code.struct(parts[-1], code.rel(view))
    if declared is not None:
        return declared
    if len(parts) >= 2:
        return code.variants.get((impl_type(here) if parts[-2] == "Self" else parts[-2], parts[-1]))
    return None


def _raw_sites(code: ConnectorCode) -> Iterator[tuple[CodeView, SgNode, SgNode | None, Declared, str, SgNode | None]]:
    for view in code.views:
        for literal in view.nodes("struct_expression"):
            target = _literal_target(code, view, literal)
            body = literal.field("body")
            for child in body.children() if target is not None and body is not None else []:
                if child.kind() == "field_initializer" and child.field("field") is not None:
                    slot, value = child.field("field").text(), child.field("value")
                elif child.kind() == "shorthand_field_initializer":
                    slot, value = child.text(), None
                else:
                    continue
                declaration = target.named.get(slot)
                if declaration is not None:
                    yield view, child, value, target, slot, declaration.field("type")
        for call in view.nodes("call_expression"):
            function = call.field("function")
            if function is None or function.kind() not in ("identifier", "scoped_identifier"):
                continue
            parts = norm(function.text()).split("<", 1)[0].split("::")
            if len(parts) == 1:
                target = code.struct(parts[0], code.rel(view))
            else:
                target = code.variants.get((impl_type(view.context(call)) if parts[-2] == "Self" else parts[-2],
                                            parts[-1]))
            for position, arg in enumerate(args_of(call) if target is not None else []):
                if position < len(target.positional):
                    yield view, arg, arg, target, str(position), target.positional[position]


@fact
def connector_code(repo: Repository, name: str) -> ConnectorCode:
    return ConnectorCode(repo, name)


@fact
def flow_sites(repo: Repository, name: str) -> list[Site]:
    """Every slot of the connector's literals and constructors, with the value that reaches it (None: nothing
    the rules follow)."""
    code = connector_code(repo, name)
    flow = Flow(code)
    found = []
    for view, node, value_node, target, slot, type_node in _raw_sites(code):
        value = flow.eval(view, value_node) if value_node is not None else flow.lookup(view, slot, node)
        found.append(Site(view, code.rel(view), node, value_node, target, slot, type_node, value, view.line(node)))
    return found


def by_slot(sites: list[Site]) -> dict[tuple[str, str, str], list[Site]]:
    grouped: dict[tuple[str, str, str], list[Site]] = {}
    for site in sites:
        grouped.setdefault(site.key, []).append(site)
    return grouped


@fact
def amount_converters(repo: Repository, name: str) -> list[tuple[str, int, str]]:
    """`dyn AmountConvertor<Output = X>` in the connector's declarations: (file, line, X)."""
    code = connector_code(repo, name)
    found = []
    for rel, view in code.base.items():
        for generic in view.nodes("generic_type"):
            if last_segment(generic.field("type").text() if generic.field("type") is not None else "") \
                    != "AmountConvertor":
                continue
            for binding in generic.find_all(kind="type_binding"):
                bound, type_node = binding.field("name"), binding.field("type")
                if bound is not None and type_node is not None and bound.text() == "Output":
                    found.append((rel, line_of(binding), last_segment(type_node.text())))
    return found


def is_empty_value(node: SgNode | None) -> bool:
    """`None`, `Default::default()`, `String::new()`, `""`: a slot left empty, not fed another datum."""
    text = norm(node.text()) if node is not None else ""
    return text in ("None", "Default::default()", "String::new()", '""') or text.endswith("::default()")
