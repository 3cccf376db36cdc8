"""A syntax tree's nodes by kind, collected in a bounded number of native walks and then queried as plain lists.

One `find_all(any=[...])` over a group of kinds costs about what a search for one kind does, so a file is walked
once per group, the first time any kind of the group is asked for, never once per rule, connector and kind. Lists
are in source order, as `find_all(kind=...)` returns them; callers must not change them.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Protocol, TypeVar

from ast_grep_py import SgNode

T = TypeVar("T")

# Declarations: what the registration points, the target's types and the module resolver look up by name.
ITEM_KINDS = (
    "struct_item", "enum_item", "union_item", "impl_item", "trait_item", "function_item", "function_signature_item",
    "type_item", "const_item", "static_item", "mod_item", "macro_definition", "use_declaration",
)
# The node kinds the import and pitfall rules look for in a connector's code (and in macro arguments re-parsed as
# code, rust_macros.py): indexed in one native pass per tree (one `any` search costs about what one single-kind
# search does; a dozen separate searches cost a dozen times that).
INDEXED_KINDS = (
    "struct_expression", "binary_expression", "compound_assignment_expr", "call_expression", "field_expression",
    "macro_invocation", "struct_item", "enum_item", "impl_item", "function_item", "function_signature_item",
    "use_declaration", "generic_type", "scoped_identifier", "let_declaration", "type_item", "trait_item",
    "macro_definition", "match_arm", "string_literal", "raw_string_literal",
)
# A connector's own file is read both ways, so one walk collects both.
CODE_AND_ITEM_KINDS = tuple(dict.fromkeys(ITEM_KINDS + INDEXED_KINDS))


class NodeIndex:
    """The nodes of one tree by kind, each kind collected once (with the kinds of its group, in the same walk),
    and facts derived from a node of the tree, computed once (`memo`)."""

    def __init__(self, root: SgNode, group: tuple[str, ...] = ITEM_KINDS) -> None:
        self.root = root
        self._group = group  # what the first walk for any of these kinds collects
        self._by_kind: dict[str, list[SgNode]] = {}
        self._by_name: dict[str, dict[str, SgNode]] = {}
        self._memo: dict[tuple[object, ...], object] = {}

    def nodes(self, kind: str, group: tuple[str, ...] = ()) -> list[SgNode]:
        """Every node of `kind` in the tree, in source order. The first time, the walk also collects the other
        kinds of the index's group or of `group`, so that one walk serves them all."""
        found = self._by_kind.get(kind)
        if found is not None:
            return found
        if kind in self._group:
            group = self._group
        elif kind not in group:
            group = (kind,)
        buckets: dict[str, list[SgNode]] = {k: [] for k in group if k not in self._by_kind}
        walk = self.root.find_all(any=[{"kind": k} for k in buckets]) if len(buckets) > 1 \
            else self.root.find_all(kind=kind)
        for node in walk:
            buckets[node.kind()].append(node)
        self._by_kind.update(buckets)
        return buckets[kind]

    def named(self, kind: str) -> dict[str, SgNode]:
        """The first node of `kind` for each `name` field (the item a by-name search would find first)."""
        found = self._by_name.get(kind)
        if found is None:
            found = {}
            for node in self.nodes(kind):
                name = node.field("name")
                if name is not None:
                    found.setdefault(name.text(), node)
            self._by_name[kind] = found
        return found

    def memo(self, node: SgNode, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """`compute()` once per node of this tree and key (nodes compare and hash by the tree node they stand for)."""
        full = (node, *key)
        if full not in self._memo:
            self._memo[full] = compute()
        return self._memo[full]  # type: ignore[return-value]


class Indexed(Protocol):
    """What owns a tree and its index (a RustFile)."""

    @property
    def index(self) -> NodeIndex: ...


# The owner of each live file tree, so a helper given only a node can reach its tree's index. Weak: an entry goes
# with its owner, which keeps the tree alive, so a tree's id is never reused while its entry exists.
_OWNERS: weakref.WeakValueDictionary[int, Indexed] = weakref.WeakValueDictionary()


def track(owner: Indexed, root: SgNode) -> None:
    """Make `owner.index` the index of `root`'s tree for `memo`."""
    _OWNERS[id(root.get_root())] = owner


def memo(node: SgNode, key: tuple[object, ...], compute: Callable[[], T]) -> T:
    """`compute()` once per node and key when the node's tree is a tracked file's, else every time."""
    owner = _OWNERS.get(id(node.get_root()))
    return owner.index.memo(node, key, compute) if owner is not None else compute()
