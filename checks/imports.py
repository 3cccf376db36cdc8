"""Guide pitfall 2, the imports: each `use` of the workspace resolves, and the names the guide warns about come
from the right place (`RouterData` the struct, `base64::Engine`, `RefundsRequestData`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from ast_grep_py import SgNode

from . import layout
from .findings import Finding
from .import_resolution import (
    Module,
    ModuleResolver,
    UseEntry,
    file_bindings,
    file_bindings_all,
    file_use_entries,
    resolver,
)
from .macro_args import file_view
from .pitfall_facts import connector_fn_names, file_method_calls, helper_traits, norm
from .repository import Repository
from .rust import RustFile, line_of

ENGINE_RECEIVER = re.compile(r"(^|::)BASE64_ENGINE\w*$|(^|::)general_purpose::\w+$")
REFUNDS_TRAIT = "RefundsRequestData"


def _files(repo: Repository, name: str) -> list[RustFile]:
    return [f for f in (repo.rust(rel) for rel in repo.connector_files(name)) if f is not None]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _names_in(res: ModuleResolver, module: Module) -> list[str]:
    return sorted(set(res.items(module)) | {e.binding for e in res.exports(module) if e.binding})


def _module_hint(res: ModuleResolver, module: Module, missing: str, entries: list[UseEntry]) -> str:
    """Near names in the module, or a module of a crate the file already uses that is named after the name."""
    hints = []
    near = difflib.get_close_matches(missing, _names_in(res, module), n=3, cutoff=0.75)
    if near:
        hints.append(f"did you mean {', '.join(near)} (in {module.describe()})?")
    snake = _snake(missing)
    crates = [c for c in dict.fromkeys(e.path[0] for e in entries if e.path) if c in res.checked_crates]
    for crate in crates:
        root = res.crate_root(res.checked_crates[crate])
        found = res.lookup(root, snake) if root is not None else None
        if found is not None and found.kind == "module" and found.module is not None:
            traits = sorted(n for n, items in res.items(found.module).items()
                            if any(i.kind() == "trait_item" for i in items))
            listed = f" ({', '.join(traits)})" if traits else ""
            hints.append(f"there is no `{missing}` item: import what you need from `{crate}::{snake}`{listed}, "
                         f"e.g. `use {crate}::{snake}::{traits[0] if traits else '...'};`")
            break
    return " ".join(hints) or f"{module.describe()} has these names: {', '.join(_names_in(res, module)[:12])}"


def check_resolve(repo: Repository, name: str) -> list[Finding]:
    """Every `use crate::…` / `use <workspace crate>::…` in the connector's files names something that exists."""
    res = resolver(repo)
    findings = []
    for rust_file in _files(repo, name):
        module = res.module_of_file(rust_file.rel)
        if module is None:
            continue
        entries = file_use_entries(repo, rust_file)
        for entry in entries:
            if not entry.path or (entry.path[0] != "crate" and entry.path[0] not in res.checked_crates):
                continue
            found = res.resolve(module, entry.path)
            if found.kind != "missing" or found.module is None or found.missing_index is None:
                continue
            missing = entry.path[found.missing_index]
            shown = "::".join(entry.path[:found.missing_index + 1])
            findings.append(Finding(
                "imports.resolve", rust_file.rel, entry.line,
                f"`use {entry.text()}` does not resolve: `{shown}` — {found.module.describe()} neither declares "
                f"`{missing}` nor re-exports it (E0432)",
                _module_hint(res, found.module, missing, entries),
                {"path": "::".join(entry.path), "missing": missing}))
    return findings


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
        "imports.router-data", rust_file.rel, line_of(uses[0]),
        f"`{norm(uses[0].text())[:60]}` uses the RouterData struct, but {rust_file.rel} imports no `RouterData` "
        "(E0412)", "add `RouterData` to `use hyperswitch_domain_models::router_data::{..};` (keep the helper trait "
        "as `crate::utils::RouterData as _`)", {"struct_use_line": line_of(uses[0])})]


def check_router_data(repo: Repository, name: str) -> list[Finding]:
    """Where a file uses the RouterData struct, the name `RouterData` is bound to it, not to the helper trait."""
    res = resolver(repo)
    findings = []
    for rust_file in _files(repo, name):
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
                    "imports.router-data", rust_file.rel, entry.line,
                    f"`use {entry.text()}` binds RouterData a second time, to the helper {kind} in {where}, next to "
                    "the struct (E0252: the name `RouterData` is defined multiple times)",
                    hint, {"path": "::".join(entry.path)}))
                continue
            uses = _struct_uses(repo, rust_file, "RouterData", helper_traits(repo).methods.get(trait_name, set()))
            if not uses:
                continue  # the trait imported by its own name for its methods only: legal
            findings.append(Finding(
                "imports.router-data", rust_file.rel, entry.line,
                f"`use {entry.text()}` binds RouterData to the helper {kind} in {where}, but line "
                f"{line_of(uses[0])} uses the struct (`{norm(uses[0].text())[:60]}`), which is "
                "hyperswitch_domain_models::router_data::RouterData",
                hint, {"path": "::".join(entry.path), "struct_use_line": line_of(uses[0])}))
    return findings


def _is_engine_receiver(receiver: SgNode, bindings: dict[str, UseEntry]) -> bool:
    """`BASE64_ENGINE`, `consts::BASE64_ENGINE_URL_SAFE`, `general_purpose::STANDARD`, or a name from base64."""
    if receiver.kind() not in ("identifier", "scoped_identifier"):
        return False
    text = norm(receiver.text())
    if ENGINE_RECEIVER.search(text):
        return True
    entry = bindings.get(text) if receiver.kind() == "identifier" else None
    return entry is not None and entry.path[:1] == ("base64",)


def _imports_engine(entries: list[UseEntry]) -> bool:
    return any(e.path[:1] == ("base64",) and (e.glob or e.path[-1] == "Engine") for e in entries if e.path)


def check_base64_engine(repo: Repository, name: str) -> list[Finding]:
    """`.encode(..)` / `.decode(..)` on a base64 engine needs `use base64::Engine;` in that file."""
    findings = []
    for rust_file in _files(repo, name):
        entries = file_use_entries(repo, rust_file)
        if _imports_engine(entries):
            continue
        bindings = file_bindings(repo, rust_file)
        for view, call in file_method_calls(repo, rust_file):
            if call.name in ("encode", "decode") and _is_engine_receiver(call.receiver, bindings):
                findings.append(Finding(
                    "imports.base64-engine", rust_file.rel, view.line(call.name_node),
                    f"`{norm(call.receiver.text())}.{call.name}(..)` needs the trait base64::Engine in scope, and "
                    f"{rust_file.rel} does not import it (E0599)",
                    "add `use base64::Engine;` to the file's imports",
                    {"receiver": norm(call.receiver.text())}))
    return findings


def refunds_trait_methods(repo: Repository) -> set[str]:
    """RefundsRequestData's methods that no other helper trait of utils.rs declares (so the call names it)."""
    traits = helper_traits(repo)
    own = traits.methods.get(REFUNDS_TRAIT, set())
    others = set().union(*(m for t, m in traits.methods.items() if t != REFUNDS_TRAIT)) if traits.methods else set()
    return own - others


def _imports_trait(entries: list[UseEntry], trait: str) -> bool:
    return any(e.path and (e.path[-1] == trait or (e.glob and e.path[-1] == "utils")) for e in entries)


def check_refunds_request_data(repo: Repository, name: str) -> list[Finding]:
    """A file calling a method only RefundsRequestData has (`get_connector_refund_id`) imports that trait."""
    methods = refunds_trait_methods(repo) - connector_fn_names(repo, name)
    findings = []
    for rust_file in _files(repo, name) if methods else []:
        if _imports_trait(file_use_entries(repo, rust_file), REFUNDS_TRAIT):
            continue
        for view, call in file_method_calls(repo, rust_file):
            if call.name in methods:
                findings.append(Finding(
                    "imports.refunds-request-data", rust_file.rel, view.line(call.name_node),
                    f"`.{call.name}()` is a method of the helper trait {REFUNDS_TRAIT} "
                    f"({layout.CONNECTORS_UTILS_RS}:{helper_traits(repo).trait_lines.get(REFUNDS_TRAIT, 1)}), "
                    f"which {rust_file.rel} does not import (E0599)",
                    f"add `{REFUNDS_TRAIT}` to `use crate::utils::{{..}};`",
                    {"method": call.name}))
    return findings


def once(check: Callable[[Repository, str], list[Finding]]) -> Callable[[Repository, str], list[Finding]]:
    """The check, run at most once per connector and run (the imports scenarios and pitfall 2 share it)."""
    def run(repo: Repository, name: str) -> list[Finding]:
        return repo.memo(("import-check", check.__name__, name), lambda: check(repo, name))

    run.__name__, run.__doc__ = check.__name__, check.__doc__
    return run


# Rule id -> its check, each run once per connector (the imports scenarios and pitfall 2 share the results).
CHECKS: dict[str, Callable[[Repository, str], list[Finding]]] = {
    "imports.resolve": once(check_resolve),
    "imports.router-data": once(check_router_data),
    "imports.base64-engine": once(check_base64_engine),
    "imports.refunds-request-data": once(check_refunds_request_data),
}


def check_all(repo: Repository, name: str) -> list[Finding]:
    """Guide pitfall 2 as one rule: every import check (findings keep their own rule ids)."""
    return [finding for check in CHECKS.values() for finding in check(repo, name)]
