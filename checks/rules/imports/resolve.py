"""Guide pitfall 2 (its ExtTraits part) and "Memorize the below types": every `use` of the crate and of the workspace's
crates names an item the target declares or re-exports. Paths into crates outside the workspace are not judged."""


from __future__ import annotations

import difflib
import re

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, any_of, rustc_matcher
from ...facts.use_paths import (
    Module,
    ModuleResolver,
    UseEntry,
    file_use_entries,
    resolver,
)
from ...target.repository import Repository
from ._files import connector_rust_files

IMPORT_NAMES = r"\b(ExtTraits|masking|RouterData|Engine|RefundsRequestData|BytesExt|ValueExt|OptionExt)\b"
RESOLVE_CODES = ("E0405", "E0412", "E0422", "E0425", "E0432", "E0433", "E0603", "E0252", "E0659")


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
    for rust_file in connector_rust_files(repo, name):
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
                RULE.id, rust_file.rel, entry.line,
                f"`use {entry.text()}` does not resolve: `{shown}` — {found.module.describe()} neither declares "
                f"`{missing}` nor re-exports it (E0432)",
                _module_hint(res, found.module, missing, entries),
                {"path": "::".join(entry.path), "missing": missing}))
    return findings


RULE = Rule(
    id="imports.resolve",
    severity="error",
    title="Every import of the crate and of the workspace's crates resolves in the target",
    guide="Every `use crate::…` / `use hyperswitch_domain_models::…` (any workspace crate) names an item the target "
          "declares or re-exports; `crate::utils::ExtTraits` does not exist, the helpers are in "
          "`common_utils::ext_traits`.",
    check=check_resolve,
    tags=("imports",),
    see_also=("pitfall-2",),
    rustc=RustcHint(
        title="Incorrect imports",
        fix="RouterData is hyperswitch_domain_models::router_data::RouterData (import the utils trait as "
            "`RouterData as _`); parse helpers are in common_utils::ext_traits (there is no crate::utils::ExtTraits); "
            "`use base64::Engine;` for encode/decode; masking is the hyperswitch_masking crate",
        matches=any_of(
            rustc_matcher(*RESOLVE_CODES, text=(IMPORT_NAMES,)),
            rustc_matcher("E0599", text=(r"\b(Engine|RefundsRequestData|BytesExt|ByteSliceExt|ValueExt)\b",
                                         r"not in scope|is implemented but"))),
        priority=90,
        guide_tag="pitfall-2"),
)
