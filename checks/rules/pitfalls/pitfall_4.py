"""Guide pitfall 4: amount conversion. One unit type runs from the connector's `AmountConvertor` field, through
the converter built in `new()`, to its `<Camel>RouterData` wrapper and the request fields fed from it; amounts
are never scaled by hand (`* 100`, `/ 100`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint
from ...facts.connector_code import connector_structs, literal_fields, struct_literals
from ...facts.connectors import connector_type
from ...facts.target_types import converter_outputs
from ...target import layout
from ...target.layout import COMMON_TYPES_RS
from ...target.repository import Repository
from ...target.rust import last_segment, line_of
from ...target.rust_macros import code_views, file_view
from ...target.rust_syntax import (
    binding_type,
    declared_type,
    enclosing,
    field_chain,
    initializers,
    norm,
    strip_option,
    struct_fields,
    unwrap_value,
)

SCALE_LITERAL = re.compile(r"^(100|1000)(\.0*)?(_?[iuf](8|16|32|64|128|size))?$")
# Plain numbers a hand-rolled amount would use (the target's unit types are read from common_utils).
PRIMITIVE_AMOUNTS = frozenset({"i64", "i32", "u64", "u32", "f64", "f32", "String"})


@dataclass(frozen=True)
class Converter:
    """One `AmountConvertor<Output = X>` field of the connector struct (helcim spells it `amount_convertor`)."""

    field: str
    output: str
    line: int


def converters(repo: Repository, name: str) -> list[Converter]:
    """Fields of the connector struct typed `&'static (dyn AmountConvertor<Output = X> + Sync)`."""
    camel = connector_type(repo, name)
    found = connector_structs(repo, name).get(camel or "")
    result = []
    for field_name, declaration in (struct_fields(found[1]).items() if found is not None else []):
        for binding in declaration.find_all(kind="type_binding"):
            bound, type_node = binding.field("name"), binding.field("type")
            if bound is not None and bound.text() == "Output" and type_node is not None:
                result.append(Converter(field_name, last_segment(type_node.text()), line_of(declaration)))
    return result


def _constructor_findings(repo: Repository, name: str, convs: list[Converter]) -> list[Finding]:
    """`amount_converter: &StringMinorUnitForConnector` in `new()`: that converter's Output is the field's."""
    camel = connector_type(repo, name)
    main = repo.rust(layout.connector_main_file(name))
    outputs = converter_outputs(repo)
    by_field = {c.field: c for c in convs}
    findings = []
    for literal in file_view(repo, main).nodes("struct_expression") if main is not None else []:
        type_name = last_segment(literal.field("name").text()) if literal.field("name") is not None else ""
        impl = enclosing(literal, "impl_item")
        if impl is None or impl.field("trait") is not None or impl.field("type") is None \
                or last_segment(impl.field("type").text()) != camel or type_name not in ("Self", camel):
            continue
        for field_name, value, node in initializers(literal):
            conv = by_field.get(field_name)
            if conv is None or value is None:
                continue
            converter = last_segment(norm(unwrap_value(value).text()))
            output = outputs.get(converter)
            if output is not None and output != conv.output:
                matching = sorted(c for c, o in outputs.items() if o == conv.output)
                findings.append(Finding(
                    RULE.id, main.rel, line_of(node),
                    f"`{field_name}` is declared `AmountConvertor<Output = {conv.output}>` (line {conv.line}) but "
                    f"new() sets it to {converter}, whose Output is {output} ({COMMON_TYPES_RS})",
                    f"use `&{matching[0]}`" if matching else f"declare the field with Output = {output}",
                    {"declared": conv.output, "converter": converter, "converter_output": output}))
    return findings


def _tuple_built_wrappers(repo: Repository, name: str, known_types: set[str]) -> dict[str, tuple[str, SgNode, str]]:
    """Wrappers `XRouterData<T> { amount, router_data }` built from a tuple that starts with the amount.

    `From<(StringMajorUnit, T)>` (or a longer tuple, paypal's and noon's) carries the converter's output as-is;
    a wrapper built another way (worldpay's `(&CurrencyUnit, Currency, MinorUnit, T)`) does its own arithmetic.
    """
    structs = connector_structs(repo, name)
    candidates = {n: (rel, node) for n, (rel, node) in structs.items()
                  if {"amount", "router_data"} <= set(struct_fields(node))}
    wrappers: dict[str, tuple[str, SgNode, str]] = {}
    for rel in repo.connector_files(name) if candidates else []:
        rust_file = repo.rust(rel)
        for impl in file_view(repo, rust_file).nodes("impl_item") if rust_file is not None else []:
            trait, self_type = impl.field("trait"), impl.field("type")
            if trait is None or self_type is None or last_segment(self_type.text()) not in candidates:
                continue
            if last_segment(trait.text()) not in ("From", "TryFrom"):
                continue
            pair = trait.find(kind="tuple_type")
            elements = [c for c in pair.children() if c.is_named()] if pair is not None else []
            if len(elements) >= 2 and last_segment(norm(elements[0].text()).lstrip("&")) in known_types:
                wrapper = last_segment(self_type.text())
                wrel, node = candidates[wrapper]
                wrappers[wrapper] = (wrel, node, declared_type(struct_fields(node)["amount"]))
    return wrappers


def _wrapper_findings(wrappers: dict[str, tuple[str, SgNode, str]], outputs: set[str],
                      convs: list[Converter]) -> list[Finding]:
    """The wrapper's `amount` has a type some converter of the connector yields."""
    findings = []
    for wrapper, (rel, node, amount_type) in sorted(wrappers.items()):
        if last_segment(strip_option(amount_type)) in outputs:
            continue
        declaration = struct_fields(node)["amount"]
        shown = ", ".join(f"{c.field}: {c.output}" for c in convs)
        findings.append(Finding(
            RULE.id, rel, line_of(declaration),
            f"{wrapper}.amount is {amount_type}, but the connector's converter yields {shown}",
            f"declare `pub amount: {convs[0].output},` (the Output of the converter passed to convert_amount)",
            {"wrapper": wrapper, "amount_type": amount_type, "outputs": sorted(outputs)}))
    return findings


def _request_field_findings(repo: Repository, name: str, wrappers: dict[str, tuple[str, SgNode, str]],
                            outputs: set[str], known_types: set[str]) -> list[Finding]:
    """`amount: item.amount` where `item` is a wrapper parameter: the request field has the converter's unit."""
    findings: dict[tuple[str, int], Finding] = {}
    for rel, view, literal in struct_literals(repo, name) if wrappers else []:
        target = None
        for field_name, value, node in initializers(literal):
            chain = field_chain(unwrap_value(value)) if field_name == "amount" and value is not None else []
            if len(chain) != 2 or chain[1] != "amount":
                continue
            function = enclosing(view.context(literal), "function_item")
            declared_by = binding_type(function, chain[0]) if function is not None else None
            fed_by = next((w for w in wrappers if declared_by is not None
                           and any(t.text() == w for t in declared_by.find_all(kind="type_identifier"))), None)
            if fed_by is None:
                continue
            target = target or literal_fields(repo, name, literal, view.context(literal))
            declaration = target.fields.get("amount") if target is not None else None
            if target is None or declaration is None:
                continue
            declared = last_segment(strip_option(declared_type(declaration)))
            if declared in known_types and declared not in outputs:
                findings.setdefault((target.rel, line_of(declaration)), Finding(
                    RULE.id, target.rel, line_of(declaration),
                    f"{target.name}.amount is declared {declared_type(declaration)} but is fed from "
                    f"{chain[0]}.amount ({rel}:{view.line(node)}), the converter's {' / '.join(sorted(outputs))}",
                    f"declare `amount: {sorted(outputs)[0]},` in {target.name} (the unit the converter yields)",
                    {"declared": declared, "outputs": sorted(outputs), "fed_at": f"{rel}:{view.line(node)}"}))
    return list(findings.values())


def _direct_amount(node: SgNode) -> bool:
    """An operand that is an amount itself: `item.amount`, `(minor_amount.get_amount_as_i64() as f64)`.

    A product such as `amount * rate` is not: `amount * rate / 100` is a percentage, not a unit change.
    """
    current = node
    while True:
        kind = current.kind()
        if kind in ("parenthesized_expression", "type_cast_expression", "reference_expression", "unary_expression"):
            inner = [c for c in current.children() if c.is_named()]
            current = inner[0] if kind == "type_cast_expression" and inner else inner[-1] if inner else current
            if not inner:
                return False
            continue
        if kind == "call_expression":
            function, args = current.field("function"), current.field("arguments")
            if function is None or function.kind() != "field_expression" or args is None \
                    or any(c.is_named() for c in args.children()):
                return False
            current = function.field("value")
            continue
        if kind in ("field_expression", "identifier"):
            name = current.field("field") if kind == "field_expression" else current
            return name is not None and "amount" in name.text().lower()
        return False


def _is_ratio(node: SgNode) -> bool:
    """`part_amount * 100 / total_amount`: the product is divided by another amount (a percentage)."""
    parent = node.parent()
    while parent is not None and parent.kind() == "parenthesized_expression":
        node, parent = parent, parent.parent()
    if parent is None or parent.kind() != "binary_expression" or parent.field("left") != node:
        return False
    operator, right = parent.field("operator"), parent.field("right")
    return operator is not None and operator.text() == "/" and right is not None and _direct_amount(right)


def _arithmetic_findings(repo: Repository, name: str) -> list[Finding]:
    """`amount * 100`, `minor_amount / 100.0`, `amount *= 1000`: a unit change made by hand."""
    findings = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        views = code_views(repo, rust_file) if rust_file is not None else []
        nodes = [(view, node) for view in views for kind in ("binary_expression", "compound_assignment_expr")
                 for node in view.nodes(kind)]
        for view, node in nodes:
            operator = node.field("operator")
            if operator is None or operator.text() not in ("*", "/", "*=", "/="):
                continue
            left, right = node.field("left"), node.field("right")
            if left is None or right is None:
                continue
            for literal, other in ((right, left), (left, right)):
                if literal.kind() not in ("integer_literal", "float_literal") or not SCALE_LITERAL.match(
                        literal.text()) or not _direct_amount(other) or _is_ratio(node):
                    continue
                findings.append(Finding(
                    RULE.id, rel, view.line(node),
                    f"hand-made unit conversion `{norm(node.text())[:80]}`: amounts are converted by the "
                    "connector's AmountConvertor, not by scaling with 100/1000",
                    "declare `amount_converter: &'static (dyn AmountConvertor<Output = X> + Sync)` with the "
                    "unit the API wants (MinorUnit, StringMinorUnit, StringMajorUnit, FloatMajorUnit) and call "
                    "utils::convert_amount(self.amount_converter, req.request.minor_amount, req.request.currency)",
                    {"expression": norm(node.text())[:120]}))
                break
    return findings


def check_amount_conversion(repo: Repository, name: str) -> list[Finding]:
    """Converter field, `new()`, wrapper and request amounts agree; without a converter, only the arithmetic."""
    convs = converters(repo, name)
    findings = _arithmetic_findings(repo, name)
    if not convs:
        return findings  # the older style without a converter: nothing to compare against
    outputs = {c.output for c in convs}
    findings += _constructor_findings(repo, name, convs)
    known = set(converter_outputs(repo).values()) | PRIMITIVE_AMOUNTS
    wrappers = _tuple_built_wrappers(repo, name, known)
    findings += _wrapper_findings(wrappers, outputs, convs)
    findings += _request_field_findings(repo, name, wrappers, outputs, known)
    return sorted(findings, key=lambda f: (f.file, f.line))

AMOUNT_UNITS = r"\b(MinorUnit|StringMinorUnit|StringMajorUnit|FloatMajorUnit)\b"


def _amount_mismatch(code: str, message: str) -> bool:
    """Two different amount unit types in one type error, or the AmountConvertor itself."""
    return code in ("E0308", "E0271", "E0277") and (
        len(set(re.findall(AMOUNT_UNITS, message))) >= 2 or "AmountConvertor" in message)



RULE = Rule(
    id="pitfall-4",
    severity="error",
    title="One amount unit runs from the AmountConvertor to the request, with no hand-made scaling",
    guide="Mind the AmountConvertor (MinorUnit vs StringMajorUnit): the converter's Output is the amount type of "
          "the connector's RouterData and request structs, and amounts are never scaled by hand.",
    check=check_amount_conversion,
    tags=("pitfall-4",),
    rustc=RustcHint(
        title="AmountConvertor context (MinorUnit vs StringMajorUnit)",
        fix="the converter's `Output` type must be the type of the request's amount field "
            "(e.g. StringMinorUnitForConnector -> StringMinorUnit)",
        matches=_amount_mismatch,
        priority=80),
)
