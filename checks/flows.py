"""Classify each guide flow of a connector as implemented, default, stub or missing (anatomy §3.3-3.4).

- implemented: the impl overrides `build_request`, which builds a `RequestBuilder`, and `get_url` is not the
  connector template's `NotImplemented("get_url method")` stub;
- default: an empty impl (trait defaults; `build_request` returns `Ok(None)`), or the connector is listed in the
  `default_imp_for_*!` macro that provides the flow's triple;
- stub: methods are overridden but `build_request` is not, or it returns an error / `Ok(None)` without building a
  request, or `get_url` is the template stub;
- missing: neither an impl nor a macro entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ast_grep_py import SgNode

from .impls import IntegrationImpl
from .rust import line_of, mentions_identifier, string_literals


class FlowStatus(StrEnum):
    IMPLEMENTED = "implemented"
    DEFAULT = "default"
    STUB = "stub"
    MISSING = "missing"


@dataclass(frozen=True)
class FlowAssessment:
    flow: str
    status: FlowStatus
    file: str
    line: int  # the impl header, or the macro entry; where a reader finds the flow
    reason: str
    ignored: bool
    evidence_line: int  # the line that decides the status (e.g. a stubbed build_request)
    cause: str  # the finer class: implemented, empty, macro, no_build_request, stub_err, stub_none, stub_get_url,
    #             missing, no_marker_trait

    def as_dict(self) -> dict[str, object]:
        return {"flow": self.flow, "status": str(self.status), "cause": self.cause, "file": self.file,
                "line": self.line, "evidence_line": self.evidence_line, "reason": self.reason,
                "ignored": self.ignored}


ERROR_VARIANTS = ("NotImplemented", "NotSupported", "FlowNotSupported")


def _is_template_url_stub(get_url: SgNode) -> bool:
    returns_ok = any(
        call.field("function") is not None and call.field("function").text() == "Ok"
        for call in get_url.find_all(kind="call_expression")
    )
    return not returns_ok and any(s == "get_url method" for s in string_literals(get_url))


def classify_impl(impl: IntegrationImpl) -> tuple[FlowStatus, str, int, str]:
    """Status, cause, the line that decides it, and why."""
    methods = impl.methods
    if not methods:
        return (FlowStatus.DEFAULT, "empty", impl.line,
                "empty impl: the trait defaults apply and build_request returns Ok(None)")
    build_request = methods.get("build_request")
    if build_request is None:
        overridden = ", ".join(sorted(methods))
        return (FlowStatus.STUB, "no_build_request", impl.line,
                f"overrides {overridden} but not build_request, so the trait default returns Ok(None) "
                "and the flow never sends a request")
    if not mentions_identifier(build_request, "RequestBuilder"):
        if any(mentions_identifier(build_request, v) for v in ERROR_VARIANTS):
            cause, why = "stub_err", "build_request returns an error (NotImplemented/NotSupported), no request"
        else:
            cause, why = "stub_none", "build_request builds no RequestBuilder (returns Ok(None) or similar)"
        return FlowStatus.STUB, cause, line_of(build_request), why
    get_url = methods.get("get_url")
    if get_url is not None and _is_template_url_stub(get_url):
        return (FlowStatus.STUB, "stub_get_url", line_of(get_url),
                'get_url is still the connector template\'s NotImplemented("get_url method") stub')
    return FlowStatus.IMPLEMENTED, "implemented", impl.line, "build_request builds a request and get_url is real"


def pick_impl(impls: list[IntegrationImpl]) -> IntegrationImpl:
    """Of several impls of one triple (cfg variants), prefer the one not gated on v2."""
    for impl in impls:
        if not any("v2" in c and "not" not in c for c in impl.cfg):
            return impl
    return impls[0]
