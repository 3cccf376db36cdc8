"""The `default_imp_for_*!` macros of `default_implementations.rs`: which triple each provides, who is listed.

Macro bodies are token trees (unparsed), so the emitted `ConnectorIntegration<F, R, S>` is read token by token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..target import layout
from ..target.fact_cache import fact
from ..target.rust import RustFile, last_segment, line_of
from ..target.rust_tokens import generic_args_after, leaves

if TYPE_CHECKING:
    from ..target.repository import Repository


@dataclass
class DefaultMacro:
    name: str
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    traits: list[str] = field(default_factory=list)  # non-generic marker traits it implements (`PaymentReject`)
    definition_line: int | None = None
    invocation_line: int | None = None
    listed: dict[str, int] = field(default_factory=dict)  # Camel -> line of `connectors::Camel,`


def read_default_macros(rust_file: RustFile) -> dict[str, DefaultMacro]:
    macros: dict[str, DefaultMacro] = {}
    for definition in rust_file.index.nodes("macro_definition"):
        name = definition.field("name")
        if name is None or not name.text().startswith("default_imp_for"):
            continue
        macro = macros.setdefault(name.text(), DefaultMacro(name.text()))
        macro.definition_line = line_of(definition)
        tokens = list(leaves(definition))
        for index, token in enumerate(tokens[:-1]):
            if token.text() == "impl":
                header = []
                for follower in tokens[index + 1:]:
                    if follower.text() in ("for", "<", "{"):
                        break
                    header.append(follower.text())
                if header and follower.text() == "for":
                    macro.traits.append(last_segment("".join(header)))
            if token.text() == "ConnectorIntegration" and tokens[index + 1].text() == "<":
                args, _ = generic_args_after(tokens, index + 1)
                if len(args) == 3:
                    triple = (last_segment(args[0]), last_segment(args[1]), last_segment(args[2]))
                    macro.triples.append(triple)

    for invocation in rust_file.index.nodes("macro_invocation"):
        name_node = invocation.field("macro")
        if name_node is None or not name_node.text().startswith("default_imp_for"):
            continue
        if invocation.inside(kind="macro_definition"):
            continue
        macro = macros.setdefault(name_node.text(), DefaultMacro(name_node.text()))
        macro.invocation_line = line_of(invocation)
        tokens = [t for t in leaves(invocation) if t.kind() not in ("line_comment", "block_comment")]
        for index in range(len(tokens) - 2):
            # `connectors::Camel` (the path segment before `::` is the module alias the file uses)
            path, sep, camel = tokens[index], tokens[index + 1], tokens[index + 2]
            if sep.text() == "::" and camel.kind() == "identifier" and path.kind() == "identifier":
                macro.listed.setdefault(camel.text(), line_of(camel))
    return macros


def macros_for_triple(macros: dict[str, DefaultMacro], triple: tuple[str, str, str]) -> list[DefaultMacro]:
    return [m for m in macros.values() if triple in m.triples]


@fact
def default_macros(repo: Repository) -> dict[str, DefaultMacro]:
    """The `default_imp_for_*!` macros of default_implementations.rs."""
    defaults = repo.rust(layout.DEFAULT_IMPLEMENTATIONS_RS)
    return read_default_macros(defaults) if defaults is not None else {}
