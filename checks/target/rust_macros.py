"""Code inside macro arguments, made searchable.

tree-sitter keeps a macro's arguments as an unparsed token tree, so `format!("{}", req.request.x)` or
`vec![BASE64_ENGINE.encode(..)]` would hide their calls and field reads from every rule. A view re-parses such
arguments as a call's arguments (`__m(<args>)`) when they are expressions; a view whose parse is not clean is
dropped, so a pattern or an item list inside a macro never produces a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ast_grep_py import SgNode, SgRoot

from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import RustFile, line_of
from ..target.rust_index import INDEXED_KINDS, NodeIndex

_PREFIX = "fn __macro_args() { __m("
_SUFFIX = "); }"
_MAX_DEPTH = 4


@dataclass(frozen=True)
class CodeView:
    """A searchable tree: the file itself, or one macro's re-parsed arguments."""

    root: SgNode
    line_offset: int = 0  # added to a node's line in `root` to get its line in the file
    anchor: SgNode | None = None  # the macro invocation in the file, for enclosing fn / impl look-ups
    parent: CodeView | None = field(default=None, compare=False, repr=False)  # the view the macro is written in
    invocation: SgNode | None = field(default=None, compare=False, repr=False)  # the macro, in `parent`'s tree
    index: NodeIndex = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.index is None:  # a file view shares the file's own index; a macro's arguments get theirs
            object.__setattr__(self, "index", NodeIndex(self.root, INDEXED_KINDS))

    def nodes(self, kind: str) -> list[SgNode]:
        """Every node of a kind in the tree, in source order (one indexed pass for the common kinds)."""
        return self.index.nodes(kind, INDEXED_KINDS)

    def line(self, node: SgNode) -> int:
        return line_of(node) + self.line_offset

    def context(self, node: SgNode) -> SgNode:
        """The node whose ancestors stand for `node`'s (a re-parsed tree has no fn or impl around it)."""
        return node if self.anchor is None else self.anchor


@fact
def file_view(repo: Repository, rust_file: RustFile) -> CodeView:
    """The file itself as a view (it shares the file's node index, built once per run)."""
    return CodeView(rust_file.root, index=rust_file.index)


@fact
def code_views(repo: Repository, rust_file: RustFile) -> list[CodeView]:
    """The file and the expression arguments of every macro invocation in it (nested ones included)."""
    views = [file_view(repo, rust_file)]
    _add_macro_views(views[0], None, views, 0)
    return views



def _add_macro_views(view: CodeView, anchor: SgNode | None, views: list[CodeView], depth: int) -> None:
    if depth >= _MAX_DEPTH:
        return
    in_definitions = bool(view.nodes("macro_definition"))  # most trees have none: no ancestor walk then
    for invocation in view.nodes("macro_invocation"):
        if in_definitions and invocation.inside(kind="macro_definition"):
            continue
        tree = next((c for c in invocation.children() if c.kind() == "token_tree"), None)
        text = tree.text() if tree is not None else ""
        if len(text) < 2:
            continue
        parsed = SgRoot(_PREFIX + text[1:-1] + _SUFFIX, "rust").root()
        if parsed.find(kind="ERROR") is not None:
            continue
        # The arguments start on the line of the opening delimiter, which is line 0 of the re-parsed text.
        inner = CodeView(parsed, view.line_offset + tree.range().start.line,
                         anchor if anchor is not None else invocation, view, invocation)
        views.append(inner)
        _add_macro_views(inner, inner.anchor, views, depth + 1)


def structs_in(repo: Repository, rust_file: RustFile) -> dict[str, SgNode]:
    """The struct items of a file (macro bodies excluded): name -> node."""
    found: dict[str, SgNode] = {}
    for item in file_view(repo, rust_file).nodes("struct_item"):
        name = item.field("name")
        if name is not None:
            found.setdefault(name.text(), item)
    return found
