"""`use` declarations flattened into paths, and those paths resolved through the target's own module tree.

A module is a crate's `src/lib.rs`, a file reached through `mod x;` (`x.rs` or `x/mod.rs`, or `#[path]`), or an
inline `mod x { .. }`. A name exists in a module when the module declares it (struct, enum, trait, fn, type,
const, static, mod, macro) or re-exports it with a visible `use` (`pub use`, `pub(crate) use`, globs included).
Anything that cannot be followed (an external crate, a glob from one) is accepted, never reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ast_grep_py import SgNode

from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import RustFile, attributes_before, line_of
from ..target.rust_macros import file_view
from .locations import crate_sources

ITEM_KINDS = frozenset({
    "struct_item", "enum_item", "union_item", "trait_item", "function_item", "function_signature_item",
    "type_item", "const_item", "static_item", "mod_item", "macro_definition",
})
_CRATE_FILE = re.compile(r"^crates/([^/]+)/src/")


@dataclass(frozen=True)
class UseEntry:
    """One leaf of a `use` tree: `use a::{b::C as D}` gives path ('a', 'b', 'C') with alias 'D'."""

    path: tuple[str, ...]
    alias: str | None
    glob: bool
    public: bool
    line: int
    node: SgNode = field(compare=False, repr=False)

    @property
    def binding(self) -> str | None:
        """The name the entry brings into scope (`_` for `as _`), None for a glob."""
        if self.glob:
            return None
        return self.alias or (self.path[-1] if self.path else None)

    def text(self) -> str:
        return "::".join(self.path) + ("::*" if self.glob else "") + (f" as {self.alias}" if self.alias else "")


def _path_segments(node: SgNode) -> tuple[str, ...]:
    if node.kind() == "scoped_identifier":
        prefix, name = node.field("path"), node.field("name")
        head = _path_segments(prefix) if prefix is not None else ()
        return head + ((name.text(),) if name is not None else ())
    return (node.text(),)


def _walk_use(node: SgNode, prefix: tuple[str, ...], public: bool, out: list[UseEntry]) -> None:
    kind = node.kind()
    if kind in ("identifier", "scoped_identifier", "self", "crate", "super", "metavariable"):
        segments = prefix + _path_segments(node)
        if segments and segments[-1] == "self":  # `utils::{self}` names the module `utils`
            segments = segments[:-1]
        out.append(UseEntry(segments, None, False, public, line_of(node), node))
    elif kind == "use_as_clause":
        path, alias = node.field("path"), node.field("alias")
        if path is not None:
            segments = prefix + _path_segments(path)
            if segments and segments[-1] == "self":
                segments = segments[:-1]
            out.append(UseEntry(segments, alias.text() if alias else None, False, public, line_of(node), node))
    elif kind == "use_wildcard":
        inner = [c for c in node.children() if c.kind() not in ("::", "*")]
        segments = prefix + (_path_segments(inner[0]) if inner else ())
        out.append(UseEntry(segments, None, True, public, line_of(node), node))
    elif kind == "scoped_use_list":
        path, use_list = node.field("path"), node.field("list")
        head = prefix + (_path_segments(path) if path is not None else ())
        if use_list is not None:
            _walk_use(use_list, head, public, out)
    elif kind == "use_list":
        for child in node.children():
            if child.is_named() and child.kind() not in ("ERROR", "attribute_item", "line_comment", "block_comment"):
                _walk_use(child, prefix, public, out)


def use_entries(declaration: SgNode) -> list[UseEntry]:
    """The leaves of one `use_declaration`."""
    argument = declaration.field("argument")
    public = any(c.kind() == "visibility_modifier" for c in declaration.children())
    out: list[UseEntry] = []
    if argument is not None:
        _walk_use(argument, (), public, out)
    return out


@fact
def file_use_entries(repo: Repository, rust_file: RustFile) -> list[UseEntry]:
    """Every `use` leaf of a file (nested modules and fn bodies included), read once per run."""
    return [e for d in file_view(repo, rust_file).nodes("use_declaration") for e in use_entries(d)]


@fact
def file_bindings_all(repo: Repository, rust_file: RustFile) -> dict[str, list[UseEntry]]:
    """Name -> every top-level `use` leaf of the file that binds it (two is E0252)."""
    bindings: dict[str, list[UseEntry]] = {}
    for declaration in rust_file.root.children():
        if declaration.kind() == "use_declaration":
            for entry in use_entries(declaration):
                if entry.binding and entry.binding != "_":
                    bindings.setdefault(entry.binding, []).append(entry)
    return bindings



def file_bindings(repo: Repository, rust_file: RustFile) -> dict[str, UseEntry]:
    """Name -> the first top-level `use` leaf that binds it in the file."""
    return {name: entries[0] for name, entries in file_bindings_all(repo, rust_file).items()}


@dataclass(frozen=True)
class Module:
    """A module of the target: the file it lives in, the node holding its items, where its `mod x;` files are."""

    crate: str
    rel: str
    body: SgNode = field(compare=False, repr=False)
    child_dir: str
    key: tuple[str, int]

    def describe(self) -> str:
        return self.rel if self.key[1] == 0 else f"{self.rel} (inline mod)"


@dataclass(frozen=True)
class Resolved:
    """What a path leads to: an item or module of the target, something outside it, or a missing segment."""

    kind: str  # "module" | "item" | "external" | "missing"
    module: Module | None = None  # the module found, or the one that lacks the missing segment
    item: SgNode | None = None
    missing_index: int | None = None  # index in the path of the segment that does not exist


class ModuleResolver:
    """Resolves `crate::…` and workspace-crate paths through lib.rs, `mod` declarations and re-exports."""

    def __init__(self, repo: Repository, checked_crates: dict[str, str]) -> None:
        self.repo = repo
        self.checked_crates = checked_crates  # crate name as written in paths -> its directory under crates/
        self._items: dict[tuple[str, int], dict[str, list[SgNode]]] = {}
        self._exports: dict[tuple[str, int], list[UseEntry]] = {}
        self._macro_exports: dict[str, set[str]] = {}
        self._macro_names: dict[tuple[object, ...], set[str]] = {}
        self._modules: dict[str, Module] = {}
        self._resolved: dict[tuple[object, ...], Resolved] = {}

    # -- modules ---------------------------------------------------------------------------------------
    def crate_root(self, crate: str) -> Module | None:
        """The root module of a crate, by its directory under crates/."""
        rel = f"crates/{crate}/src/lib.rs"
        rust_file = self.repo.rust(rel)
        return self._file_module(crate, rust_file) if rust_file is not None else None

    def module_of_file(self, rel: str) -> Module | None:
        match = _CRATE_FILE.match(rel)
        rust_file = self.repo.rust(rel)
        if match is None or rust_file is None:
            return None
        return self._file_module(match.group(1), rust_file)

    def crate_of(self, rel: str) -> str | None:
        match = _CRATE_FILE.match(rel)
        return match.group(1) if match else None

    def _file_module(self, crate: str, rust_file: RustFile) -> Module:
        if rust_file.rel in self._modules:
            return self._modules[rust_file.rel]
        path = PurePosixPath(rust_file.rel)
        # `mod x;` in lib.rs or mod.rs is a sibling file; in `a.rs` it is `a/x.rs`.
        root_like = path.name in ("lib.rs", "main.rs", "mod.rs")
        child_dir = str(path.parent) if root_like else str(path.parent / path.stem)
        module = Module(crate, rust_file.rel, rust_file.root, child_dir, (rust_file.rel, 0))
        self._modules[rust_file.rel] = module
        return module

    def _submodule(self, parent: Module, item: SgNode) -> Module | None:
        name = item.field("name")
        if name is None:
            return None
        body = item.field("body")
        if body is not None:  # inline `mod x { .. }`
            return Module(parent.crate, parent.rel, body, f"{parent.child_dir}/{name.text()}",
                          (parent.rel, body.range().start.index))
        for attribute in attributes_before(item):
            match = re.search(r'path\s*=\s*"([^"]+)"', attribute.text())
            if match:
                rel = str(PurePosixPath(parent.rel).parent / match.group(1))
                rust_file = self.repo.rust(rel)
                return self._file_module(parent.crate, rust_file) if rust_file is not None else None
        for candidate in (f"{parent.child_dir}/{name.text()}.rs", f"{parent.child_dir}/{name.text()}/mod.rs"):
            rust_file = self.repo.rust(candidate)
            if rust_file is not None:
                return self._file_module(parent.crate, rust_file)
        return None

    # -- what a module holds ---------------------------------------------------------------------------
    def items(self, module: Module) -> dict[str, list[SgNode]]:
        """Items declared directly in the module, by name (several when cfg-gated variants repeat a name)."""
        if module.key not in self._items:
            found: dict[str, list[SgNode]] = {}
            for child in module.body.children():
                if child.kind() in ITEM_KINDS and child.field("name") is not None:
                    found.setdefault(child.field("name").text(), []).append(child)
            self._items[module.key] = found
        return self._items[module.key]

    def exports(self, module: Module) -> list[UseEntry]:
        """The module's visible `use` leaves (`pub use`, `pub(crate) use`): its re-exports."""
        if module.key not in self._exports:
            self._exports[module.key] = [
                entry for child in module.body.children() if child.kind() == "use_declaration"
                for entry in use_entries(child) if entry.public
            ]
        return self._exports[module.key]

    def macro_exports(self, crate: str) -> set[str]:
        """`#[macro_export]` macros of a crate: they live at the crate root whatever file defines them."""
        if crate not in self._macro_exports:
            names: set[str] = set()
            for rel, source in crate_sources(self.repo).under(f"crates/{crate}/src/"):
                # Cheap pre-filter on the text; the parse below decides (a comment never counts).
                rust_file = self.repo.rust(rel) if b"macro_export" in source else None
                if rust_file is None:
                    continue
                for definition in rust_file.index.nodes("macro_definition"):
                    if any("macro_export" in a.text() for a in attributes_before(definition)):
                        names.add(definition.field("name").text())
            self._macro_exports[crate] = names
        return self._macro_exports[crate]

    # -- resolution ------------------------------------------------------------------------------------
    def start(self, module: Module, first: str) -> Module | str | None:
        """Where a path's first segment leads: a module, "external" (not checked), or None (unknown)."""
        if first == "crate":
            return self.crate_root(module.crate)
        if first == "self":
            return module
        if first in self.checked_crates:
            return self.crate_root(self.checked_crates[first]) or "external"
        return "external"

    def resolve(self, module: Module, path: tuple[str, ...]) -> Resolved:
        """Follow `path` (its first segment `crate`, `self` or a checked crate) from `module`."""
        if not path:
            return Resolved("module", module)
        # Absolute paths resolve the same from every file of a crate: many connectors share the answer.
        key = (module.key if path[0] == "self" else module.crate, path)
        if key not in self._resolved:
            start = self.start(module, path[0])
            self._resolved[key] = self._walk(start, path, 1, set()) if isinstance(start, Module) \
                else Resolved("external")
        return self._resolved[key]

    def _walk(self, current: Module, path: tuple[str, ...], index: int, seen: set[tuple[object, ...]]) -> Resolved:
        while index < len(path):
            found = self.lookup(current, path[index], seen)
            if found.kind == "missing":
                return Resolved("missing", current, missing_index=index)
            if found.kind in ("external", "item"):
                # Past an item (an enum's variant, a trait's method) or outside the workspace: not checked further.
                return found
            assert found.module is not None
            current = found.module
            index += 1
        return Resolved("module", current)

    def lookup(self, module: Module, name: str, seen: set[tuple[object, ...]] | None = None) -> Resolved:
        """One name inside one module: declared, re-exported, or missing."""
        seen = set() if seen is None else seen
        key = (module.key, name)
        if key in seen:
            return Resolved("missing", module)
        seen.add(key)
        for item in self.items(module).get(name, []):
            if item.kind() == "mod_item":
                submodule = self._submodule(module, item)
                if submodule is not None:
                    return Resolved("module", submodule)
                return Resolved("external")  # declared but its file is absent: not ours to judge
            return Resolved("item", module, item)
        exports = self.exports(module)
        for entry in exports:
            if entry.binding == name:
                found = self._follow(module, entry.path, seen)
                # The target compiles, so its own `pub use` is valid even where we cannot follow it (a name made
                # by a macro further down): the re-export alone proves the name exists.
                return found if found.kind != "missing" else Resolved("external")
        for entry in exports:
            if entry.glob:
                target = self._follow(module, entry.path, seen)
                if target.kind == "external":
                    return target  # a glob from outside the workspace may hold anything
                if target.kind == "module" and target.module is not None:
                    found = self.lookup(target.module, name, seen)
                    if found.kind != "missing":
                        return found
                if target.kind == "item" and target.item is not None and target.item.kind() == "enum_item" \
                        and _enum_has_variant(target.item, name):
                    return Resolved("item", target.module, target.item)
        if module.key[1] == 0 and module.rel.endswith("/lib.rs") and name in self.macro_exports(module.crate):
            return Resolved("item", module)
        if name in self.macro_made_names(module):
            return Resolved("external")
        return Resolved("missing", module)

    def macro_made_names(self, module: Module) -> set[str]:
        """Identifiers passed to item-level macro invocations (`id_type!(CustomerId, ..)` may declare them)."""
        key = ("macro-names", *module.key)
        if key not in self._macro_names:
            self._macro_names[key] = {
                token.text() for child in module.body.children() if child.kind() == "macro_invocation"
                for token in child.find_all(kind="identifier")
            }
        return self._macro_names[key]

    def _follow(self, module: Module, path: tuple[str, ...], seen: set[tuple[object, ...]]) -> Resolved:
        """A re-export's path, read from inside `module` (2018 paths: crate, self, super, a crate or a local)."""
        if not path:
            return Resolved("module", module)
        first = path[0]
        if first == "super":
            parent = self._parent(module)
            return self._walk(parent, path, 1, seen) if parent is not None else Resolved("external")
        if first in ("crate", "self") or first in self.checked_crates:
            start = self.start(module, first)
            return self._walk(start, path, 1, seen) if isinstance(start, Module) else Resolved("external")
        if first in self.items(module):  # `pub use submodule::Item;`
            return self._walk(module, path, 0, seen)
        return Resolved("external")

    def _parent(self, module: Module) -> Module | None:
        if module.key[1] != 0:
            return self.module_of_file(module.rel)  # an inline module's parent is its file (one level deep)
        path = PurePosixPath(module.rel)
        directory = path.parent if path.name != "mod.rs" else path.parent.parent
        for candidate in (f"{directory}.rs", f"{directory}/mod.rs", f"{directory}/lib.rs"):
            if candidate != module.rel and self.repo.rust(candidate) is not None:
                return self.module_of_file(candidate)
        return None


def _enum_has_variant(enum: SgNode, name: str) -> bool:
    body = enum.field("body")
    return body is not None and any(
        c.kind() == "enum_variant" and c.field("name") is not None and c.field("name").text() == name
        for c in body.children())


@fact
def workspace_crates(repo: Repository) -> dict[str, str]:
    """Library crates of the checkout: package name (as written in paths) -> directory under crates/."""
    crates: dict[str, str] = {}
    for folder in repo.read.glob_dirs("crates"):
        directory = folder.rsplit("/", 1)[-1]
        if not repo.is_file(f"{folder}/Cargo.toml") or not repo.is_file(f"{folder}/src/lib.rs"):
            continue
        toml_file = repo.toml(f"{folder}/Cargo.toml")
        package = (toml_file.data or {}).get("package", {}) if toml_file is not None else {}
        name = package.get("name") if isinstance(package, dict) else None
        crates[(name if isinstance(name, str) else directory).replace("-", "_")] = directory
    return crates



@fact
def resolver(repo: Repository) -> ModuleResolver:
    """One resolver per run over every workspace crate (its caches are shared by every connector)."""
    return ModuleResolver(repo, workspace_crates(repo))
