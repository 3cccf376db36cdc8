"""`impl ConnectorIntegration<Flow, Req, Resp> for Camel` blocks of a connector's files.

Accepts every header form the real tree uses: generics (`impl<const T: u8>`), path-qualified traits
(`api::ConnectorIntegration`), headers split over several lines, and cfg attributes above the impl.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ast_grep_py import SgNode

from ..target.rust import RustFile, attributes_before, function_items, last_segment, line_of


@dataclass(frozen=True)
class IntegrationImpl:
    file: str
    line: int
    triple: tuple[str, str, str]
    self_type: str
    cfg: tuple[str, ...]
    node: SgNode

    @cached_property
    def methods(self) -> dict[str, SgNode]:
        return function_items(self.node.field("body"))


def integration_impls(rust_file: RustFile, trait_name: str = "ConnectorIntegration") -> list[IntegrationImpl]:
    found: list[IntegrationImpl] = []
    for item in rust_file.index.nodes("impl_item"):
        trait = item.field("trait")
        self_type = item.field("type")
        if trait is None or self_type is None or trait.kind() != "generic_type":
            continue
        base = trait.field("type")
        args = trait.field("type_arguments")
        if base is None or args is None or last_segment(base.text()) != trait_name:
            continue
        types = [last_segment(a.text()) for a in args.children() if a.kind() not in ("<", ">", ",")]
        if len(types) != 3:
            continue
        cfg = tuple(a.text() for a in attributes_before(item) if "cfg" in a.text())
        found.append(
            IntegrationImpl(
                rust_file.rel, line_of(item), (types[0], types[1], types[2]),
                last_segment(self_type.text()), cfg, item,
            )
        )
    return found


def struct_line(rust_file: RustFile, type_name: str) -> int | None:
    """Line of `struct <type_name>` in a file, used to point at the connector when an impl is missing."""
    for item in rust_file.index.nodes("struct_item"):
        name = item.field("name")
        if name is not None and name.text() == type_name:
            return line_of(item)
    return None
