"""Guide pitfall 3: the default integrations of PaymentReject, PaymentApprove and PaymentAuthorizeSessionToken
are provided exactly once, by their `default_imp_for_*!` macro or by the connector itself."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, rustc_matcher
from ...facts.connectors import anchor_of, connector_type
from ...facts.default_impls import default_macros
from ...facts.registration import own_trait_impls, required_traits
from ...target import layout
from ...target.repository import Repository
from ..registration._default_macros import PITFALL_3_TRAITS, listed_xor_implemented, pitfall_3_macros

# The guide's three names; which macro provides each is read from the target (DefaultMacro.traits).
GUIDE_TRAITS = PITFALL_3_TRAITS


def check_default_integrations(repo: Repository, name: str) -> list[Finding]:
    """Listed XOR implemented for the macros emitting the three traits; a trait no macro emits is the connector's."""
    macros = pitfall_3_macros(default_macros(repo))
    findings = listed_xor_implemented(repo, name, macros, RULE.id, layout.DEFAULT_IMPLEMENTATIONS_RS,
                                      set(GUIDE_TRAITS))
    camel = connector_type(repo, name) or name
    own = own_trait_impls(repo, name, camel)
    provided = {t for m in macros.values() if m.invocation_line is not None for t in m.traits}
    required = required_traits(repo)
    for trait in GUIDE_TRAITS:
        if trait in required and trait not in provided and trait not in own:
            file, line = anchor_of(repo, name)
            findings.append(Finding(
                RULE.id, file, line,
                f"{camel} does not implement {trait} and no default_imp_for_*! macro of the target provides it "
                "(E0277 where api::Payment requires it)",
                f"add `impl api::{trait} for {camel} {{}}` and its empty ConnectorIntegration impl",
                {"trait": trait}))
    return findings


RULE = Rule(
    id="pitfall-3",
    severity="error",
    title="PaymentReject, PaymentApprove and PaymentAuthorizeSessionToken are provided exactly once",
    guide="PaymentReject, PaymentApprove and PaymentAuthorizeSessionToken get their default implementation exactly "
          "once: from their default_imp_for_* macro or from the connector.",
    check=check_default_integrations,
    tags=("pitfall-3",),
    see_also=('P14',),
    rustc=RustcHint(
        title="Default implementations for PaymentReject, PaymentApprove, PaymentAuthorizeSessionToken",
        fix="these come from the default_imp_for_reject / _approve / _authorize_session_token macros in "
            "default_implementations.rs: list the connector there, or implement them yourself, never both",
        matches=rustc_matcher("E0119", "E0277", "E0046", text=(
            r"\b(PaymentReject|PaymentApprove|PaymentAuthorizeSessionToken|Reject|Approve|AuthorizeSessionToken)\b",)),
        priority=50),
)
