"""Registration point P14: for each `default_imp_for_*!` macro of default_implementations.rs the connector is
listed XOR implements the flow itself (both is E0119; neither is E0277 for a required trait). The three macros
of guide pitfall 3 (PaymentReject, PaymentApprove, PaymentAuthorizeSessionToken) belong to that pitfall."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.default_impls import default_macros
from ...facts.registration import required_traits
from ...target import layout
from ...target.repository import Repository
from ._default_macros import listed_xor_implemented, pitfall_3_macros


def check_default_impls(repo: Repository, name: str) -> list[Finding]:
    pitfall_3 = pitfall_3_macros(default_macros(repo))
    macros = {n: m for n, m in default_macros(repo).items() if n not in pitfall_3}
    return listed_xor_implemented(repo, name, macros, RULE.id, layout.DEFAULT_IMPLEMENTATIONS_RS,
                                  required_traits(repo))


RULE = Rule(
    id="registration.default-impls",
    severity="error",
    title="Each default_imp_for_* macro lists the connector or it implements the flow, never both",
    guide="Default integrations come from default_imp_for_* or the connector, never both.",
    check=check_default_impls,
    tags=("P14",),
    see_also=("pitfall-3",),
)
