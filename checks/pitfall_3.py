"""Guide pitfall 3: the default integrations of PaymentReject, PaymentApprove and PaymentAuthorizeSessionToken
are provided exactly once, by their `default_imp_for_*!` macro or by the connector itself."""

from __future__ import annotations

from dataclasses import replace

from . import layout
from .findings import Finding
from .flow_checks import anchor_of, connector_type
from .registration import listed_xor_implemented
from .registration_model import own_trait_impls, required_traits
from .repository import Repository

# The guide's three names; which macro provides each is read from the target (DefaultMacro.traits).
GUIDE_TRAITS = ("PaymentReject", "PaymentApprove", "PaymentAuthorizeSessionToken")


def check_default_integrations(repo: Repository, name: str) -> list[Finding]:
    """Listed XOR implemented for the macros emitting the three traits; a trait no macro emits is the connector's."""
    macros = {n: m for n, m in repo.default_macros.items() if set(m.traits) & set(GUIDE_TRAITS)}
    findings = [replace(f, rule="pitfall-3") for f in listed_xor_implemented(
        repo, name, macros, "pitfall-3", layout.DEFAULT_IMPLEMENTATIONS_RS, set(GUIDE_TRAITS))]
    camel = connector_type(repo, name) or name
    own = own_trait_impls(repo, name, camel)
    provided = {t for m in macros.values() if m.invocation_line is not None for t in m.traits}
    required = required_traits(repo)
    for trait in GUIDE_TRAITS:
        if trait in required and trait not in provided and trait not in own:
            file, line = anchor_of(repo, name)
            findings.append(Finding(
                "pitfall-3", file, line,
                f"{camel} does not implement {trait} and no default_imp_for_*! macro of the target provides it "
                "(E0277 where api::Payment requires it)",
                f"add `impl api::{trait} for {camel} {{}}` and its empty ConnectorIntegration impl",
                {"trait": trait}))
    return findings
