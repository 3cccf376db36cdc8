"""Guide pitfall 1: the cancel (Void) flow uses `PaymentsCancelData`, never the capture types."""

from __future__ import annotations

import re

from .findings import Finding
from .flow_checks import connector_impls
from .pitfall_facts import request_structs_of_type, type_aliases
from .repository import Repository
from .rust import line_of

CAPTURE_PREFIX = re.compile(r"^PaymentsCapture")


def capture_type_names(repo: Repository) -> set[str]:
    """The capture flow's request struct and every alias of the target that stands for it."""
    def compute() -> set[str]:
        capture = repo.flows.get("capture")
        if capture is None or capture.triple is None:
            return set()
        request = capture.triple[1]
        names = {request}
        for alias, target in type_aliases(repo).items():
            if request_structs_of_type(repo, target) == {request}:
                names.add(alias)
        return names

    return repo.memo(("capture-type-names",), compute)


def _cancel_counterpart(name: str) -> str:
    """PaymentsCaptureRouterData -> PaymentsCancelRouterData; the dyn alias of Void is PaymentsVoidType."""
    return CAPTURE_PREFIX.sub("PaymentsCancel", name).replace("PaymentsCancelType", "PaymentsVoidType")


def check_void_types(repo: Repository, name: str) -> list[Finding]:
    """Every `ConnectorIntegration<Void, Req, ..>` has Req = the cancel flow's request, and no capture type inside."""
    cancel = repo.flows.get("cancel")
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
                "pitfall-1", impl.file, impl.line,
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
                        "pitfall-1", impl.file, line_of(node),
                        f"`{text}` (a capture type) inside the Void impl ({impl.file}:{impl.line}); cancel uses "
                        f"{cancel_request}",
                        f"replace `{text}` with its cancel counterpart (`{_cancel_counterpart(text)}`)",
                        {"type": text}))
    return sorted(findings, key=lambda f: (f.file, f.line))
