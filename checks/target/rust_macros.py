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

_PREFIX = "fn __macro_args() { __m("
_SUFFIX = "); }"
_MAX_DEPTH = 4
# The node kinds the import and pitfall rules look for: indexed in one native pass per tree (one `any` search
# costs about what one single-kind search does; a dozen separate searches cost a dozen times that).
INDEXED_KINDS = (
    "struct_expression", "binary_expression", "compound_assignment_expr", "call_expression", "field_expression",
    "macro_invocation", "struct_item", "enum_item", "impl_item", "function_item", "function_signature_item",
    "use_declaration", "generic_type", "scoped_identifier", "let_declaration", "type_item", "trait_item",
    "match_arm", "string_literal", "raw_string_literal",
)


@dataclass(frozen=True)
class CodeView:
    """A searchable tree: the file itself, or one macro's re-parsed arguments."""

    root: SgNode
    line_offset: int = 0  # added to a node's line in `root` to get its line in the file
    anchor: SgNode | None = None  # the macro invocation in the file, for enclosing fn / impl look-ups
    parent: CodeView | None = field(default=None, compare=False, repr=False)  # the view the macro is written in
    invocation: SgNode | None = field(default=None, compare=False, repr=False)  # the macro, in `parent`'s tree
    _index: dict[str, list[SgNode]] = field(default_factory=dict, compare=False, repr=False)

    def nodes(self, kind: str) -> list[SgNode]:
        """Every node of a kind in the tree, in source order (one indexed pass for the common kinds)."""
        if kind not in INDEXED_KINDS:
            return self.root.find_all(kind=kind)
        if not self._index:
            self._index.update({k: [] for k in INDEXED_KINDS})
            for node in self.root.find_all(any=[{"kind": k} for k in INDEXED_KINDS]):
                self._index[node.kind()].append(node)
        return self._index[kind]

    def line(self, node: SgNode) -> int:
        return line_of(node) + self.line_offset

    def context(self, node: SgNode) -> SgNode:
        """The node whose ancestors stand for `node`'s (a re-parsed tree has no fn or impl around it)."""
        return node if self.anchor is None else self.anchor


@fact
def file_view(repo: Repository, rust_file: RustFile) -> CodeView:
    """The file itself as a view (its node index is built once per run)."""
    return CodeView(rust_file.root)


@fact
def code_views(repo: Repository, rust_file: RustFile) -> list[CodeView]:
    """The file and the expression arguments of every macro invocation in it (nested ones included)."""
    views = [file_view(repo, rust_file)]
    _add_macro_views(views[0], None, views, 0)
    return views



def _add_macro_views(view: CodeView, anchor: SgNode | None, views: list[CodeView], depth: int) -> None:
    if depth >= _MAX_DEPTH:
        return
    for invocation in view.nodes("macro_invocation"):
        if invocation.inside(kind="macro_definition"):
            continue
        tree = next((c for c in invocation.children() if c.kind() == "token_tree"), None)
        if tree is None or len(tree.text()) < 2:
            continue
        parsed = SgRoot(_PREFIX + tree.text()[1:-1] + _SUFFIX, "rust").root()
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
