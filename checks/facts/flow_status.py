"""Classify each guide flow of a connector as implemented, default, stub or missing.

- implemented: the impl overrides `build_request`, which builds a `RequestBuilder`, and neither the `get_url` nor
  the `get_request_body` it calls fails on every path;
- default: an empty impl (trait defaults; `build_request` returns `Ok(None)`), or the connector is listed in the
  `default_imp_for_*!` macro that provides the flow's triple;
- stub: methods are overridden but `build_request` is not, or it returns an error / `Ok(None)` without building a
  request, or a key method (`get_url`, `get_request_body`) errors on every path (the template's
  `NotImplemented("get_url method")` included);
- missing: neither an impl nor a macro entry;
- flawed: implemented, but a pitfall rule fails on that very impl (a Void impl with the capture types, pitfall 1):
  not a clean implementation, and not a second finding either: the pitfall's scenario owns the mistake.

The `cause` separates a deliberate `not_supported` (a `NotSupported` / `FlowNotSupported` error on every path,
wherever it is raised) from a template or `NotImplemented` stub. `evidence_line` is the line that decides the status
(the `Err(..)` / `Ok(None)` a stubbed method returns, the capture type in a flawed Void impl); the reason quotes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ast_grep_py import SgNode

from ..facts.cancel_types import cancel_misuses
from ..facts.connectors import anchor_of, connector_impls, connector_type
from ..facts.default_impls import default_macros, macros_for_triple
from ..facts.flow_catalog import FlowSpec, flow_specs
from ..facts.impls import IntegrationImpl
from ..target import layout
from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import line_of, mentions_identifier, string_literals


class FlowStatus(StrEnum):
    IMPLEMENTED = "implemented"
    DEFAULT = "default"
    STUB = "stub"
    MISSING = "missing"
    FLAWED = "flawed"


# The statuses of a flow whose impl builds a real request (a flawed one's mistake is another rule's finding).
BUILDS_REQUEST = (FlowStatus.IMPLEMENTED, FlowStatus.FLAWED)


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
    #             not_supported, missing, no_marker_trait

    def as_dict(self) -> dict[str, object]:
        return {"flow": self.flow, "status": str(self.status), "cause": self.cause, "file": self.file,
                "line": self.line, "evidence_line": self.evidence_line, "reason": self.reason,
                "ignored": self.ignored}


ERROR_VARIANTS = ("NotImplemented", "NotSupported", "FlowNotSupported")
DELIBERATE_VARIANTS = ("NotSupported", "FlowNotSupported")  # the connector says it does not support the flow
KEY_METHODS = ("get_url", "get_request_body")  # what build_request calls to build the request


def _returns_ok(function: SgNode) -> bool:
    return any(
        call.field("function") is not None and call.field("function").text() == "Ok"
        for call in function.find_all(kind="call_expression")
    )


def _always_errs(function: SgNode) -> bool:
    """No path returns `Ok(..)` and the body raises one of the connector error variants."""
    return not _returns_ok(function) and any(mentions_identifier(function, v) for v in ERROR_VARIANTS)


def _error_cause(function: SgNode) -> str:
    """`not_supported` when the error is a deliberate NotSupported/FlowNotSupported, else `stub_err`."""
    if mentions_identifier(function, "NotImplemented"):
        return "stub_err"
    return "not_supported" if any(mentions_identifier(function, v) for v in DELIBERATE_VARIANTS) else "stub_err"


def _calls(function: SgNode, method: str) -> bool:
    """`Type::get_url(self, ..)` or `self.get_url(..)` inside the function."""
    return any(function.find(kind=kind, regex=f"^{method}$") is not None
               for kind in ("identifier", "field_identifier"))


def _is_template_url_stub(get_url: SgNode) -> bool:
    return not _returns_ok(get_url) and any(s == "get_url method" for s in string_literals(get_url))


def _quoted(node: SgNode) -> str:
    """The first line of a node's text, for a reason that quotes its evidence."""
    first = node.text().strip().splitlines()[0].strip() if node.text().strip() else ""
    return first if len(first) <= 100 else first[:97] + "..."


def _deciding_node(build_request: SgNode, error: bool) -> SgNode:
    """What a stubbed build_request returns: its `Err(..)` (or the error variant named), or its `Ok(None)` / tail."""
    calls = build_request.find_all(kind="call_expression")
    wanted = "Err" if error else "Ok"
    for call in calls:
        function, args = call.field("function"), call.field("arguments")
        if function is None or function.text() != wanted:
            continue
        if error or (args is not None and "".join(args.text().split()) == "(None)"):
            return call
    if error:
        for variant in ERROR_VARIANTS:
            node = build_request.find(kind="identifier", regex=f"^{variant}$")
            if node is not None:
                return node
    body = build_request.field("body")
    named = [c for c in body.children() if c.is_named() and "comment" not in c.kind()] if body is not None else []
    return named[-1] if named else build_request


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
        error = any(mentions_identifier(build_request, v) for v in ERROR_VARIANTS)
        node = _deciding_node(build_request, error)
        if error:
            cause = _error_cause(build_request)
            why = ("build_request raises NotSupported/FlowNotSupported: the connector does not support the flow"
                   if cause == "not_supported" else "build_request returns an error (NotImplemented), no request")
        else:
            cause, why = "stub_none", "build_request builds no RequestBuilder (returns Ok(None) or similar)"
        return FlowStatus.STUB, cause, line_of(node), f"{why}: `{_quoted(node)}`"
    get_url = methods.get("get_url")
    if get_url is not None and _is_template_url_stub(get_url):
        return (FlowStatus.STUB, "stub_get_url", line_of(get_url),
                'get_url is still the connector template\'s NotImplemented("get_url method") stub')
    for name in KEY_METHODS:
        method = methods.get(name)
        if method is not None and _calls(build_request, name) and _always_errs(method):
            cause = _error_cause(method)
            what = ("NotSupported/FlowNotSupported on every path: the connector does not support the flow"
                    if cause == "not_supported" else "an error (NotImplemented) on every path")
            node = _deciding_node(method, True)
            return (FlowStatus.STUB, cause, line_of(node),
                    f"build_request builds a request, but the {name} it calls returns {what}: `{_quoted(node)}`")
    return FlowStatus.IMPLEMENTED, "implemented", impl.line, "build_request builds a request and get_url is real"


def pick_impl(impls: list[IntegrationImpl]) -> IntegrationImpl:
    """Of several impls of one triple (cfg variants), prefer the one not gated on v2."""
    for impl in impls:
        if not any("v2" in c and "not" not in c for c in impl.cfg):
            return impl
    return impls[0]


def assess_flow(repo: Repository, name: str, spec: FlowSpec) -> FlowAssessment:
    ignored = spec.guide.ignored
    if spec.triple is None:
        file, line = layout.INTERFACES_API_RS, 1
        return FlowAssessment(spec.name, FlowStatus.MISSING, file, line,
                              f"the target declares no marker trait {spec.guide.marker_trait}", ignored, line,
                              "no_marker_trait")
    matching = [i for i in connector_impls(repo, name) if i.triple == spec.triple]
    misuses = cancel_misuses(repo, name) if spec.name == "cancel" else []
    if not matching:  # a Void impl keyed with the capture request is this flow's impl, flawed (pitfall 1)
        matching = [m.impl for m in misuses if m.keyed]
    if matching:
        impl = pick_impl(matching)
        status, cause, evidence, reason = classify_impl(impl)
        flaw = next((m for m in misuses if m.impl.node == impl.node), None)
        if flaw is not None and status is FlowStatus.IMPLEMENTED:
            what = "keyed with" if flaw.keyed else "uses"
            return FlowAssessment(spec.name, FlowStatus.FLAWED, impl.file, impl.line,
                                  f"builds a request but {what} the capture type {flaw.type_name} (guide pitfall 1,"
                                  f" reported by that scenario): `{_line_text(repo, impl.file, flaw.line)}`",
                                  ignored, flaw.line, "pitfall_1")
        return FlowAssessment(spec.name, status, impl.file, impl.line, reason, ignored, evidence, cause)
    camel = connector_type(repo, name)
    for macro in macros_for_triple(default_macros(repo), spec.triple):
        if camel is not None and camel in macro.listed:
            return FlowAssessment(spec.name, FlowStatus.DEFAULT, layout.DEFAULT_IMPLEMENTATIONS_RS,
                                  macro.listed[camel], f"listed in {macro.name}! (an empty default impl)", ignored,
                                  macro.listed[camel], "macro")
    file, line = anchor_of(repo, name)
    reason = f"no impl of ConnectorIntegration<{', '.join(spec.triple)}> and no default macro entry"
    generator = _local_impl_macro(repo, name)
    if generator is not None:
        reason += (f"; {generator[0]}:{generator[1]} defines macro {generator[2]}! that generates ConnectorIntegration "
                   "impls, which the harness does not expand: check that flow by hand")
    return FlowAssessment(spec.name, FlowStatus.MISSING, file, line, reason, ignored, line, "missing")


def _local_impl_macro(repo: Repository, name: str) -> tuple[str, int, str] | None:
    """A `macro_rules!` in the connector's own files whose body writes ConnectorIntegration impls (chargebee)."""
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for macro in rust_file.index.nodes("macro_definition") if rust_file is not None else []:
            if macro.find(regex="^ConnectorIntegration$") is not None and macro.field("name") is not None:
                return rel, macro.range().start.line + 1, macro.field("name").text()
    return None


@fact
def assess_flows(repo: Repository, name: str) -> dict[str, FlowAssessment]:
    """Every flow of the target's catalogue, classified for one connector."""
    return {f: assess_flow(repo, name, s) for f, s in flow_specs(repo).items()}


def implemented_at(repo: Repository, name: str, flow: str) -> tuple[str, int] | None:
    """Where the flow builds its request (file, line), or None for a stub, default or missing flow."""
    assessment = assess_flows(repo, name).get(flow)
    if assessment is None or assessment.status not in BUILDS_REQUEST:
        return None
    return assessment.file, assessment.line


def _line_text(repo: Repository, rel: str, line: int) -> str:
    rust_file = repo.rust(rel)
    lines = rust_file.text.splitlines() if rust_file is not None else []
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return text if len(text) <= 100 else text[:97] + "..."
