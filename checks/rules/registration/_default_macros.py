"""Listed XOR implemented: the shared judgement of the default_imp_for_* macros (P14, P15 and pitfall 3)."""

from __future__ import annotations

from ...core.finding import Finding
from ...facts.connectors import connector_type
from ...facts.default_impls import DefaultMacro
from ...facts.registration import own_trait_impls
from ...target.repository import Repository

# The guide's pitfall 3 names these; the macros that emit them belong to that pitfall, not to P14.
PITFALL_3_TRAITS = ("PaymentReject", "PaymentApprove", "PaymentAuthorizeSessionToken")


def listed_xor_implemented(repo: Repository, name: str, macros: dict[str, DefaultMacro], rule: str, rel: str,
                           required: set[str] | None) -> list[Finding]:
    """Per macro: listed and self-implemented is E0119; neither is E0277 when a required trait is left out."""
    camel = connector_type(repo, name) or name
    own = own_trait_impls(repo, name, camel)
    findings = []
    for macro in macros.values():
        if macro.invocation_line is None:
            continue
        provided: list[object] = [*macro.traits, *macro.triples]
        implemented = [key for key in provided if key in own]
        listed = camel in macro.listed
        if listed and implemented:
            where = sorted(own[implemented[0]])[0]
            findings.append(Finding(rule, rel, macro.listed[camel], f"{camel} is listed in {macro.name}! and also "
                                    f"implements it itself at {where} (E0119 conflicting implementations)",
                                    f"remove `connectors::{camel},` from {macro.name}!"))
        elif not listed and not implemented and (required is None or any(t in required for t in macro.traits)):
            why = "E0277: a required trait is not implemented" if required is not None else "convention"
            findings.append(Finding(rule, rel, macro.invocation_line,
                                    f"{camel} is neither listed in {macro.name}! nor implements it ({why})",
                                    f"add `connectors::{camel},` to {macro.name}!( ... )"))
    return findings


def pitfall_3_macros(macros: dict[str, DefaultMacro]) -> dict[str, DefaultMacro]:
    return {n: m for n, m in macros.items() if set(m.traits) & set(PITFALL_3_TRAITS)}
