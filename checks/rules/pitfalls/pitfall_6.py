"""Guide pitfall 6: helper methods called on `.request` and on browser info exist in the target
(`get_ip_address_as_optional()`, never the invented `get_optional_ip()`)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, rustc_matcher
from ...core.suggest import similar
from ...facts.connector_code import connector_fn_names, file_method_calls, request_owner
from ...facts.target_types import HelperTraits, fn_defined_anywhere, helper_traits, request_methods
from ...target import layout
from ...target.repository import Repository
from ...target.rust_syntax import MethodCall, field_chain

# Methods of std / core (Clone, ToOwned, Into, AsRef, Option, Result, String) that no file of the target
# defines: the one fact the checkout cannot tell us.
STD_METHODS = frozenset({
    "clone", "clone_from", "to_owned", "to_string", "into", "try_into", "as_ref", "as_mut", "as_deref", "borrow",
    "map", "map_err", "and_then", "or_else", "ok", "err", "ok_or", "ok_or_else", "unwrap_or", "unwrap_or_default",
    "unwrap_or_else", "is_some", "is_none", "is_ok", "is_err", "transpose", "filter", "flatten", "zip", "as_str",
    "iter", "into_iter", "len", "is_empty", "eq", "ne", "cmp", "partial_cmp", "hash", "fmt", "take", "replace",
    "get", "contains", "to_uppercase", "to_lowercase", "trim", "split", "parse", "chars", "bytes", "copied",
    "cloned", "inspect", "and", "or", "xor", "expect", "unwrap", "map_or", "map_or_else", "is_some_and",
})


def _targets(call: MethodCall) -> tuple[list[str], str] | None:
    """The receiver chain and what it is (`request` or `browser_info`), for calls this rule checks."""
    chain = field_chain(call.receiver)
    if len(chain) >= 2 and chain[-1] == "request":
        return chain, "request"
    if chain and chain[-1] == "browser_info":
        return chain, "browser_info"
    return None


def check_helper_methods(repo: Repository, name: str) -> list[Finding]:
    """A method called on `x.request` / `browser_info` exists: defined somewhere in the target at all, and, when the
    flow's request struct is known, one that struct has (a utils.rs helper of another flow's request does not)."""
    traits = helper_traits(repo)
    helper_methods = set().union(*traits.methods.values()) if traits.methods else set()
    by_struct, blanket = request_methods(repo)
    own = connector_fn_names(repo, name)
    findings = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for view, call in file_method_calls(repo, rust_file) if rust_file is not None else []:
            target = _targets(call)
            method = call.name
            if target is None or method in own or method in STD_METHODS:
                continue
            chain, what = target
            receiver = ".".join(chain)
            owner = request_owner(repo, name, chain, view.context(call.node)) if what == "request" else None
            struct = owner.struct if owner is not None and owner.kind == "struct" else None
            has = by_struct.get(struct or "", set()) | blanket
            if struct is not None and method in helper_methods and method not in has:
                near = similar(method, has, 2)
                holders = sorted(t for t, m in traits.methods.items() if method in m)
                findings.append(Finding(
                    RULE.id, rel, view.line(call.name_node),
                    f"`{receiver}.{method}()`: {struct} has no method `{method}`; it belongs to "
                    f"{', '.join(holders)}, implemented for {_implemented_for(holders, traits)} (E0599)",
                    (f"call `{receiver}.{near[0]}()` or " if near else "")
                    + f"read the field from {struct} directly ({layout.CONNECTORS_UTILS_RS} lists its helpers)",
                    {"method": method, "request": struct, "suggestions": near}))
                continue
            if method in traits.all_fns or fn_defined_anywhere(repo, method):
                continue
            near = similar(method, _candidates(repo, struct, what), 2)
            hint = (f"call `{receiver}.{near[0]}()`" + (f" (or {', '.join(near[1:])})" if near[1:] else "")
                    + f"; it is declared in {layout.CONNECTORS_UTILS_RS}"
                    if near else f"use one of the helper methods in {layout.CONNECTORS_UTILS_RS}")
            findings.append(Finding(
                RULE.id, rel, view.line(call.name_node),
                f"`{receiver}.{method}()`: no trait or type of the target defines `{method}` (E0599)",
                hint, {"method": method, "suggestions": near}))
    return findings


def _implemented_for(holders: list[str], traits: HelperTraits) -> str:
    types = sorted({t for h in holders for t in traits.implemented_for.get(h, set())})
    return ", ".join(types) or "no request struct"


def _candidates(repo: Repository, struct: str | None, what: str) -> set[str]:
    """Helper methods that apply: those of the utils.rs traits implemented for the request struct when known."""
    traits = helper_traits(repo)
    if what == "browser_info":
        wanted = {t for t, types in traits.implemented_for.items() if "BrowserInformation" in types}
    elif struct is not None:
        wanted = {t for t, types in traits.implemented_for.items() if struct in types}
    else:
        wanted = set()
    methods = set().union(*(traits.methods.get(t, set()) for t in wanted)) if wanted else set()
    return methods or traits.all_fns


RULE = Rule(
    id="pitfall-6",
    severity="error",
    title="Helper methods exist: get_ip_address_as_optional, never get_optional_ip",
    guide="Use `get_ip_address_as_optional()`, not `get_optional_ip()`: call only helper methods the target defines.",
    check=check_helper_methods,
    tags=("pitfall-6",),
    rustc=RustcHint(
        title="Incorrect function name",
        fix="use `get_ip_address_as_optional()` (PaymentsAuthorizeRequestData); `get_optional_ip()` does not exist",
        matches=rustc_matcher("E0599", text=(r"`get_optional_ip`",)),
        priority=20),
)
