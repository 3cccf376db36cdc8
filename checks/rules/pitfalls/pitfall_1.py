"""Guide pitfall 1: the cancel (Void) flow uses `PaymentsCancelData`, never the capture types.

(What the Void impls contain is the fact `facts/cancel_types.py`; the flow matrix shows such a cancel flow as
flawed, not as implemented or missing, so this rule's finding is the only one.)"""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, any_of, rustc_matcher
from ...facts.cancel_types import CAPTURE_PREFIX, cancel_misuses
from ...facts.flow_catalog import flow_specs
from ...target.repository import Repository


def _cancel_counterpart(name: str) -> str:
    """PaymentsCaptureRouterData -> PaymentsCancelRouterData; the dyn alias of Void is PaymentsVoidType."""
    return CAPTURE_PREFIX.sub("PaymentsCancel", name).replace("PaymentsCancelType", "PaymentsVoidType")


def check_void_types(repo: Repository, name: str) -> list[Finding]:
    """Every `ConnectorIntegration<Void, Req, ..>` has Req = the cancel flow's request, and no capture type inside."""
    cancel = flow_specs(repo).get("cancel")
    if cancel is None or cancel.triple is None:
        return []
    cancel_request = cancel.triple[1]
    findings = []
    for misuse in cancel_misuses(repo, name):
        impl = misuse.impl
        if misuse.keyed:
            findings.append(Finding(
                RULE.id, impl.file, impl.line,
                f"the Void impl is keyed with {misuse.type_name}; the cancel flow's request type is {cancel_request} "
                f"(the target's PaymentVoid requires ConnectorIntegration<{', '.join(cancel.triple)}>)",
                f"write `impl ConnectorIntegration<{', '.join(cancel.triple)}> for {impl.self_type}` and use "
                "PaymentsCancelRouterData / types::PaymentsVoidType in its methods",
                {"request": misuse.type_name}))
            continue
        findings.append(Finding(
            RULE.id, impl.file, misuse.line,
            f"`{misuse.type_name}` (a capture type) inside the Void impl ({impl.file}:{impl.line}); cancel uses "
            f"{cancel_request}",
            f"replace `{misuse.type_name}` with its cancel counterpart (`{_cancel_counterpart(misuse.type_name)}`)",
            {"type": misuse.type_name}))
    return findings


CAPTURE_TYPES = r"PaymentsCapture(Data|RouterData|Type)\b"

RULE = Rule(
    id="pitfall-1",
    severity="error",
    title="Cancel uses PaymentsCancelData, never the capture types",
    guide="Use `PaymentsCancelData` for cancel operations, not `PaymentsCaptureData`.",
    check=check_void_types,
    tags=("pitfall-1",),
    rustc=RustcHint(
        title="Incorrect type for Cancel",
        fix="the Void flow is `ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData>` with "
            "`PaymentsCancelRouterData` and `PaymentsVoidType`, not the capture types",
        matches=any_of(rustc_matcher(text=(CAPTURE_TYPES, r"\bVoid\b")),
                       rustc_matcher(text=(CAPTURE_TYPES, r"\bPaymentsCancel(Data|RouterData)\b"))),
        priority=40),
)
