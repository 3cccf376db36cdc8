"""Small syntax helpers over ast-grep nodes that several rules share: method calls, field chains, struct literals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ast_grep_py import SgNode

from .rust import last_segment
from .rust_index import memo

if TYPE_CHECKING:
    from .rust_macros import CodeView


@dataclass(frozen=True)
class MethodCall:
    """`receiver.name(..)` (turbofish included)."""

    node: SgNode
    receiver: SgNode
    name: str
    name_node: SgNode  # where a finding points: a chain split over lines puts the method on its own line


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
    """A fn's parameters: name -> type node (`self` excluded; patterns other than a plain name skipped); read once
    per fn (do not change the dict)."""
    return memo(function, ("parameters",), lambda: _parameter_types(function))


def _parameter_types(function: SgNode) -> dict[str, SgNode]:
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


def _fields_of_list(body: SgNode) -> dict[str, SgNode]:
    fields: dict[str, SgNode] = {}
    for child in body.children():
        name = child.field("name") if child.kind() == "field_declaration" else None
        if name is not None:
            fields[name.text()] = child
    return fields


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


def binding_type(function: SgNode, root: str) -> SgNode | None:
    """The declared type behind a name in a fn: a parameter's, or one a `let` takes from a parameter
    (`let router_data = item.router_data;`, `let (item, card) = value;` with `value: (&A, &Card)`)."""
    return memo(function, ("binding", root), lambda: _binding_type(function, root))


def _binding_type(function: SgNode, root: str) -> SgNode | None:
    params = parameter_types(function)
    if root in params:
        return params[root]
    for let in memo(function, ("lets",), lambda: function.find_all(kind="let_declaration")):
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


def function_items_of(impl: SgNode) -> list[str]:
    body = impl.field("body")
    return [c.field("name").text() for c in (body.children() if body is not None else [])
            if c.kind() == "function_item" and c.field("name") is not None]
