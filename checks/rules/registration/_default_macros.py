"""Listed XOR implemented: the shared judgement of the default_imp_for_* macros (P14, P15 and pitfall 3).

"Neither" is judged only where it means something: for a connector with a Connector variant (nothing requires the
traits of a type no `ConnectorEnum` is built from), and only for macros the tree itself follows, that is where
every other registered connector is listed or implements the traits (the v2 and feature-gated macros leave out
29 to 31 connectors upstream, and the tree compiles).
"""

from __future__ import annotations

from ...core.finding import Finding
from ...facts.connectors import connector_type
from ...facts.default_impls import DefaultMacro, default_macros
from ...facts.locations import crate_sources
from ...facts.registration import own_trait_impls, v2_default_macros
from ...facts.stage import connector_stage, connector_variant
from ...target import layout
from ...target.fact_cache import fact
from ...target.repository import Repository

# The guide's pitfall 3 names these; the macros that emit them belong to that pitfall, not to P14.
PITFALL_3_TRAITS = ("PaymentReject", "PaymentApprove", "PaymentAuthorizeSessionToken")


@fact
def macro_gaps(repo: Repository, rel: str) -> dict[str, frozenset[str]]:
    """Per macro of the file, the registered connectors neither listed in it nor naming one of its traits in their
    own files (a byte search: nothing is parsed for connectors other than the one under review)."""
    macros = default_macros(repo) if rel == layout.DEFAULT_IMPLEMENTATIONS_RS else v2_default_macros(repo)
    sources = crate_sources(repo)
    registered = {}
    for other in repo.modules:
        camel = connector_type(repo, other)
        if camel is not None and connector_variant(repo, other) is not None:
            registered[camel] = b"".join(sources.get(f, b"") for f in repo.connector_files(other))
    gaps = {}
    for macro in macros.values():
        names = [t.encode() for t in macro.traits] or [t[1].encode() for t in macro.triples]
        gaps[macro.name] = frozenset(c for c, text in registered.items()
                                     if c not in macro.listed and not any(n in text for n in names))
    return gaps


def listed_xor_implemented(repo: Repository, name: str, macros: dict[str, DefaultMacro], rule: str, rel: str,
                           required: set[str] | None) -> list[Finding]:
    """Per macro: listed and self-implemented is E0119; neither is E0277 when a required trait is left out."""
    camel = connector_type(repo, name) or name
    own = own_trait_impls(repo, name, camel)
    judge_neither = connector_stage(repo, name).live
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
        elif (not listed and not implemented and judge_neither
              and (required is None or any(t in required for t in macro.traits))
              # Last: the gaps read every registered connector's files, which most runs never need.
              and not macro_gaps(repo, rel).get(macro.name, frozenset()) - {camel}):
            why = "E0277: a required trait is not implemented" if required is not None else "convention"
            findings.append(Finding(rule, rel, macro.invocation_line,
                                    f"{camel} is neither listed in {macro.name}! nor implements it ({why})",
                                    f"add `connectors::{camel},` to {macro.name}!( ... )"))
    return findings


def pitfall_3_macros(macros: dict[str, DefaultMacro]) -> dict[str, DefaultMacro]:
    return {n: m for n, m in macros.items() if set(m.traits) & set(PITFALL_3_TRAITS)}
