"""Guide pitfall 2: `crate::utils::RefundsRequestData` is imported where its methods are called."""


from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connector_code import connector_fn_names, file_method_calls
from ...facts.target_types import helper_traits
from ...facts.use_paths import (
    UseEntry,
    file_use_entries,
)
from ...target import layout
from ...target.repository import Repository
from ._files import connector_rust_files

REFUNDS_TRAIT = "RefundsRequestData"


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
    for rust_file in connector_rust_files(repo, name) if methods else []:
        if _imports_trait(file_use_entries(repo, rust_file), REFUNDS_TRAIT):
            continue
        for view, call in file_method_calls(repo, rust_file):
            if call.name in methods:
                findings.append(Finding(
                    RULE.id, rust_file.rel, view.line(call.name_node),
                    f"`.{call.name}()` is a method of the helper trait {REFUNDS_TRAIT} "
                    f"({layout.CONNECTORS_UTILS_RS}:{helper_traits(repo).trait_lines.get(REFUNDS_TRAIT, 1)}), "
                    f"which {rust_file.rel} does not import (E0599)",
                    f"add `{REFUNDS_TRAIT}` to `use crate::utils::{{..}};`",
                    {"method": call.name}))
    return findings


RULE = Rule(
    id="imports.refunds-request-data",
    severity="error",
    title="RefundsRequestData is imported where its methods are called",
    guide="Use `crate::utils::RefundsRequestData` for refund operations (`req.request.get_connector_refund_id()`).",
    check=check_refunds_request_data,
    tags=("pitfall-2",),
    see_also=(),
)
