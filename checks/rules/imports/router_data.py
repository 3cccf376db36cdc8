"""Guide pitfall 2: `RouterData` the struct comes from hyperswitch_domain_models::router_data; the helper trait of the
same name is imported under an alias."""


from __future__ import annotations

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.target_types import helper_traits
from ...facts.use_paths import (
    file_bindings_all,
    file_use_entries,
    resolver,
)
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_macros import file_view
from ...target.rust_syntax import norm
from ._files import connector_rust_files


def _struct_uses(repo: Repository, rust_file: RustFile, name: str, trait_methods: set[str]) -> list[SgNode]:
    """Places that use `name` as the RouterData struct: `name<..>`, `name { .. }`, `name::try_from(..)`."""
    uses = []
    view = file_view(repo, rust_file)
    for node in view.nodes("generic_type"):
        base = node.field("type")
        if base is not None and base.text() == name:
            uses.append(node)
    for node in view.nodes("struct_expression"):
        if node.field("name") is not None and node.field("name").text() == name:
            uses.append(node)
    for node in view.nodes("scoped_identifier"):
        path, member = node.field("path"), node.field("name")
        if path is not None and member is not None and path.text() == name and member.text() not in trait_methods:
            uses.append(node)
    return sorted(uses, key=line_of)


def _unimported_struct(repo: Repository, rust_file: RustFile) -> list[Finding]:
    """The struct used with no `RouterData` in scope (only `RouterData as _`): E0412, unless a glob may bring it."""
    if any(e.glob for e in file_use_entries(repo, rust_file)):
        return []
    if any(s.field("name") is not None and s.field("name").text() == "RouterData"
           for s in file_view(repo, rust_file).nodes("struct_item")):
        return []
    uses = _struct_uses(repo, rust_file, "RouterData", set())
    if not uses:
        return []
    return [Finding(
        RULE.id, rust_file.rel, line_of(uses[0]),
        f"`{norm(uses[0].text())[:60]}` uses the RouterData struct, but {rust_file.rel} imports no `RouterData` "
        "(E0412)", "add `RouterData` to `use hyperswitch_domain_models::router_data::{..};` (keep the helper trait "
        "as `crate::utils::RouterData as _`)", {"struct_use_line": line_of(uses[0])})]


def check_router_data(repo: Repository, name: str) -> list[Finding]:
    """Where a file uses the RouterData struct, the name `RouterData` is bound to it, not to the helper trait."""
    res = resolver(repo)
    findings = []
    for rust_file in connector_rust_files(repo, name):
        module = res.module_of_file(rust_file.rel)
        entries = file_bindings_all(repo, rust_file).get("RouterData", [])
        if module is None:
            continue
        if not entries:
            findings += _unimported_struct(repo, rust_file)
            continue
        resolved = [(entry, res.resolve(module, entry.path)) for entry in entries]
        for entry, found in resolved:
            if found.kind != "item" or found.item is None or found.item.kind() == "struct_item":
                continue
            trait_name = found.item.field("name").text() if found.item.field("name") is not None else ""
            where = found.module.describe() if found.module is not None else "?"
            kind = found.item.kind().replace("_item", "")
            hint = (f"import the helper as `{'::'.join(entry.path)} as _` (or `as OtherRouterData`) and the struct "
                    "with `use hyperswitch_domain_models::router_data::RouterData;`")
            if len(entries) > 1:
                findings.append(Finding(
                    RULE.id, rust_file.rel, entry.line,
                    f"`use {entry.text()}` binds RouterData a second time, to the helper {kind} in {where}, next to "
                    "the struct (E0252: the name `RouterData` is defined multiple times)",
                    hint, {"path": "::".join(entry.path)}))
                continue
            uses = _struct_uses(repo, rust_file, "RouterData", helper_traits(repo).methods.get(trait_name, set()))
            if not uses:
                continue  # the trait imported by its own name for its methods only: legal
            findings.append(Finding(
                RULE.id, rust_file.rel, entry.line,
                f"`use {entry.text()}` binds RouterData to the helper {kind} in {where}, but line "
                f"{line_of(uses[0])} uses the struct (`{norm(uses[0].text())[:60]}`), which is "
                "hyperswitch_domain_models::router_data::RouterData",
                hint, {"path": "::".join(entry.path), "struct_use_line": line_of(uses[0])}))
    return findings


RULE = Rule(
    id="imports.router-data",
    severity="error",
    title="RouterData the struct comes from hyperswitch_domain_models::router_data",
    guide="Use `RouterData` from `hyperswitch_domain_models::router_data::RouterData`; the helper trait "
          "`crate::utils::RouterData` is imported as `RouterData as _` or `as OtherRouterData`.",
    check=check_router_data,
    tags=("pitfall-2",),
    see_also=(),
)
