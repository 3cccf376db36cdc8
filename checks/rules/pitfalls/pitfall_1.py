"""Guide pitfall 1: the cancel (Void) flow uses `PaymentsCancelData`, never the capture types."""

from __future__ import annotations

import re

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, any_of, rustc_matcher
from ...facts.flow_catalog import flow_specs
from ...facts.flow_status import connector_impls
from ...facts.target_types import request_structs_of_type, type_aliases
from ...target.fact_cache import fact
from ...target.repository import Repository
from ...target.rust import line_of

CAPTURE_PREFIX = re.compile(r"^PaymentsCapture")


@fact
def capture_type_names(repo: Repository) -> set[str]:
    """The capture flow's request struct and every alias of the target that stands for it."""
    capture = flow_specs(repo).get("capture")
    if capture is None or capture.triple is None:
        return set()
    request = capture.triple[1]
    names = {request}
    for alias, target in type_aliases(repo).items():
        if request_structs_of_type(repo, target) == {request}:
            names.add(alias)
    return names



def _cancel_counterpart(name: str) -> str:
    """PaymentsCaptureRouterData -> PaymentsCancelRouterData; the dyn alias of Void is PaymentsVoidType."""
    return CAPTURE_PREFIX.sub("PaymentsCancel", name).replace("PaymentsCancelType", "PaymentsVoidType")


def check_void_types(repo: Repository, name: str) -> list[Finding]:
    """Every `ConnectorIntegration<Void, Req, ..>` has Req = the cancel flow's request, and no capture type inside."""
    cancel = flow_specs(repo).get("cancel")
    if cancel is None or cancel.triple is None:
        return []
    void, cancel_request, _ = cancel.triple
    capture_names = capture_type_names(repo)
    findings = []
    for impl in connector_impls(repo, name):
        if impl.triple[0] != void:
            continue
        if impl.triple[1] != cancel_request:
            findings.append(Finding(
                RULE.id, impl.file, impl.line,
                f"the Void impl is keyed with {impl.triple[1]}; the cancel flow's request type is {cancel_request} "
                f"(the target's PaymentVoid requires ConnectorIntegration<{', '.join(cancel.triple)}>)",
                f"write `impl ConnectorIntegration<{', '.join(cancel.triple)}> for {impl.self_type}` and use "
                "PaymentsCancelRouterData / types::PaymentsVoidType in its methods",
                {"request": impl.triple[1]}))
            continue
        seen_lines: set[int] = set()
        for kind in ("type_identifier", "identifier"):
            for node in impl.node.find_all(kind=kind):
                text = node.text()
                if (text in capture_names or CAPTURE_PREFIX.match(text)) and line_of(node) not in seen_lines:
                    seen_lines.add(line_of(node))
                    findings.append(Finding(
                        RULE.id, impl.file, line_of(node),
                        f"`{text}` (a capture type) inside the Void impl ({impl.file}:{impl.line}); cancel uses "
                        f"{cancel_request}",
                        f"replace `{text}` with its cancel counterpart (`{_cancel_counterpart(text)}`)",
                        {"type": text}))
    return sorted(findings, key=lambda f: (f.file, f.line))


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
