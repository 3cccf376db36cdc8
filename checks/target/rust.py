"""Rust source files parsed once with ast-grep (tree-sitter-rust), plus the small AST helpers checks share."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ast_grep_py import SgNode, SgRoot

from . import layout
from .files import TargetFiles
from .rust_index import CODE_AND_ITEM_KINDS, ITEM_KINDS, NodeIndex, track


@dataclass(eq=False)  # identity equality: one instance per file, usable as a fact-cache key
class RustFile:
    """A Rust file of the target: its text and its syntax tree, built on first use and then kept."""

    files: TargetFiles
    rel: str

    @classmethod
    def from_text(cls, rel: str, text: str) -> RustFile:
        """A file whose text is given rather than read (the connector template, once its placeholders are filled)."""
        rust_file = cls(TargetFiles(Path()), rel)
        rust_file.__dict__["text"] = text  # the cached_property's slot
        return rust_file

    @cached_property
    def text(self) -> str:
        # Lenient decoding: a stray byte must not stop the whole run; the parser reports what it cannot read.
        return self.files.read_text(self.rel) or ""

    @cached_property
    def root(self) -> SgNode:
        root = SgRoot(self.text, "rust").root()
        track(self, root)  # helpers given one of its nodes reach the file's index (rust_index.memo)
        return root

    @cached_property
    def index(self) -> NodeIndex:
        """The file's nodes by kind (rust_index.py): each kind found in one walk per run, then a list lookup.
        A connector's own file is read for its code too, so its first walk collects the code kinds as well."""
        own = self.rel.startswith(layout.CONNECTORS_DIR + "/")
        return NodeIndex(self.root, CODE_AND_ITEM_KINDS if own else ITEM_KINDS)

    @cached_property
    def syntax_error_line(self) -> int | None:
        """1-based line of the first part the parser could not read, or None when the file parses cleanly."""
        # One walk for both: ERROR nodes first; else the zero-width nodes the parser inserted for missing tokens.
        suspects = self.root.find_all(any=[{"kind": "ERROR"}, {"regex": "^$"}])
        errors = [n for n in suspects if n.kind() == "ERROR"]
        if errors:
            return min(line_of(node) for node in errors)
        missing = [n for n in suspects if n.kind() != "source_file"]
        return min(line_of(n) for n in missing) if missing else None


@dataclass
class ParseCache:
    """Every Rust file of one checkout, parsed at most once per run.

    A baseline tree lends the files it has in common with the checkout (`same`) from the checkout's cache
    (`shared`): one parse serves both trees.
    """

    files: TargetFiles
    shared: ParseCache | None = None
    same: frozenset[str] = frozenset()
    _files: dict[str, RustFile] = field(default_factory=dict)

    def get(self, rel: str) -> RustFile | None:
        if self.shared is not None and rel in self.same:
            return self.shared.get(rel)
        if rel not in self._files:
            if not self.files.is_file(rel):
                return None
            self._files[rel] = RustFile(self.files, rel)
        return self._files[rel]


def line_of(node: SgNode) -> int:
    """1-based line where a node starts (ast-grep counts from 0)."""
    return node.range().start.line + 1


def last_segment(path_text: str) -> str:
    """`hyperswitch_domain_models::router_flow_types::Void` -> `Void`; generics are dropped."""
    base = path_text.split("<", 1)[0]
    return "".join(base.split()).rsplit("::", 1)[-1]


def attributes_before(node: SgNode) -> list[SgNode]:
    """The `#[...]` attribute items directly above an item (tree-sitter keeps them as siblings)."""
    attrs: list[SgNode] = []
    sibling = node.prev()
    while sibling is not None and sibling.kind() in ("attribute_item", "line_comment", "block_comment"):
        if sibling.kind() == "attribute_item":
            attrs.append(sibling)
        sibling = sibling.prev()
    return attrs


def function_items(body: SgNode | None) -> dict[str, SgNode]:
    """Methods declared directly in an impl body, by name (a nested fn inside a method is not one)."""
    if body is None:
        return {}
    methods: dict[str, SgNode] = {}
    for child in body.children():
        if child.kind() == "function_item":
            name = child.field("name")
            if name is not None:
                methods[name.text()] = child
    return methods


def mentions_identifier(node: SgNode, name: str) -> bool:
    """True when `name` occurs as an identifier or type in the code (comments and strings do not count)."""
    return node.find(kind="identifier", regex=f"^{name}$") is not None or (
        node.find(kind="type_identifier", regex=f"^{name}$") is not None
    )


def string_literals(node: SgNode) -> list[str]:
    """The contents of the string literals inside a node."""
    return [n.text().strip('"') for n in node.find_all(kind="string_literal")]
