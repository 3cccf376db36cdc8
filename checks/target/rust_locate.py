"""Structural look-ups for registration points: an enum's variant, a struct's field, a match arm inside a fn or impl.

Everything here works on the syntax tree, so a name in a comment or a string never counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ast_grep_py import SgNode

from ..target.rust import RustFile, line_of
from ..target.rust_index import memo


def _norm(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True)
class Located:
    """Where a container was found, and where the entry is inside it (None when absent)."""

    container_line: int
    entry_line: int | None


def find_enum(rust_file: RustFile, name: str) -> SgNode | None:
    return rust_file.index.named("enum_item").get(name)


def find_struct(rust_file: RustFile, name: str) -> SgNode | None:
    return rust_file.index.named("struct_item").get(name)


def find_fn(rust_file: RustFile, name: str) -> SgNode | None:
    return rust_file.index.named("function_item").get(name)


def find_impl(rust_file: RustFile, trait: str, self_type_suffix: str) -> SgNode | None:
    """`impl <trait> for <...self_type_suffix>`; trait compared without whitespace (`TryFrom<Connector>`)."""
    for item in rust_file.index.nodes("impl_item"):
        trait_node, type_node = item.field("trait"), item.field("type")
        if trait_node is None or type_node is None:
            continue
        if _norm(trait_node.text()) == _norm(trait) and _norm(type_node.text()).endswith(self_type_suffix):
            return item
    return None


def enum_variant_line(enum: SgNode, variant: str) -> int | None:
    body = enum.field("body")
    for child in body.children() if body is not None else []:
        if child.kind() == "enum_variant" and child.field("name") is not None and child.field("name").text() == variant:
            return line_of(child)
    return None


def struct_field(struct: SgNode, field: str) -> SgNode | None:
    body = struct.field("body")
    for child in body.children() if body is not None else []:
        name = child.field("name") if child.kind() == "field_declaration" else None
        if name is not None and name.text() == field:
            return child
    return None


def arms_by_variant(container: SgNode, qualifier: str) -> dict[str, SgNode]:
    """Every match arm in a container, by the `<...qualifier>::<Variant>` names its pattern lists (`|` included)."""
    arms: dict[str, SgNode] = {}
    for arm in container.find_all(kind="match_arm"):
        pattern = arm.field("pattern")
        if pattern is None:
            continue
        for path in [pattern, *pattern.find_all(kind="scoped_identifier")]:
            if path.kind() != "scoped_identifier":
                continue
            name, prefix = path.field("name"), path.field("path")
            if name is not None and prefix is not None and _norm(prefix.text()).rsplit("::", 1)[-1] == qualifier:
                arms.setdefault(name.text(), arm)
    return arms


def arm_node(container: SgNode, qualifier: str, variant: str) -> SgNode | None:
    """The match arm naming `<...qualifier>::<variant>`; the container's arms are indexed once per run."""
    return memo(container, ("arms", qualifier), lambda: arms_by_variant(container, qualifier)).get(variant)


def arm_line(container: SgNode, qualifier: str, variant: str) -> int | None:
    arm = arm_node(container, qualifier, variant)
    return line_of(arm) if arm is not None else None


def arm_is_error(container: SgNode, qualifier: str, variant: str) -> bool:
    """True when the arm naming the variant yields `Err(..)` (the shared non-routable / non-payment arm)."""
    arm = arm_node(container, qualifier, variant)
    value = arm.field("value") if arm is not None else None
    if value is None:
        return False
    calls = [value, *value.find_all(kind="call_expression")]
    return any(c.kind() == "call_expression" and c.field("function") is not None
               and c.field("function").text() == "Err" for c in calls)


def use_tree_has_path(rust_file: RustFile, crate_path: str, module: str, type_name: str) -> int | None:
    """Line of `module::type_name` inside a `use <crate_path>::{...}` declaration."""
    for use in rust_file.index.nodes("use_declaration"):
        if crate_path not in _norm(use.text()):
            continue
        for path in use.find_all(kind="scoped_identifier"):
            if _norm(path.text()).endswith(f"{module}::{type_name}"):
                return line_of(path)
    return None


def use_tree_has_name(rust_file: RustFile, crate_path: str, module: str) -> int | None:
    """Line of the bare module name `module` in a `use <crate_path>::{...}` list."""
    for use in rust_file.index.nodes("use_declaration"):
        if crate_path not in _norm(use.text()):
            continue
        for ident in use.find_all(kind="identifier"):
            if ident.text() == module and ident.parent() is not None and ident.parent().kind() == "use_list":
                return line_of(ident)
    return None


def macro_invocations(rust_file: RustFile, prefix: str) -> list[SgNode]:
    return [
        m for m in rust_file.index.nodes("macro_invocation")
        if m.field("macro") is not None and m.field("macro").text().startswith(prefix)
        and not m.inside(kind="macro_definition")
    ]
