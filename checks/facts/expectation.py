"""Which guide flows the tree expects of a connector, and why (each reason names the file:line that decides it).

In order, the first that applies decides:
1. the guide marks the flow [Ignore];
2. the connector is at template stage, or deliberately kept out of the `Connector` enum (facts/stage.py);
3. it is not a payment connector (facts/kinds.py): payment flows are not asked of a tax or fraud connector;
4. the configs list it in `ucs_only_connectors`: its payment flows run in the Unified Connector Service; or its
   Authorize is not implemented here while the router's UCS layer maps it (facts/ucs.py): payins in UCS;
5. the router never invokes the flow for it: PreProcessing once `api::Connector` stopped requiring it,
   PaymentMethodToken without a [tokenization] entry, AccessTokenAuth without a `supports_access_token` arm;
6. its own code says it does not do the flow: a NotSupported/FlowNotSupported error on every path, or, for a
   sync flow, an impl of its own that sends no request where the connector template has a stub (status comes
   with the response or by webhook);
7. what it declares: capture and void only with a manual capture method, refund with refunds Supported, rsync
   unless refund status arrives by webhook (`EventClass::Refunds`); with nothing declared, the guide's defaults.
Authorize and psync are expected of every live payment connector that does not opt out as in 6.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..target import layout
from ..target.fact_cache import fact
from ..target.rust import RustFile, line_of
from ..target.rust_tokens import leaves
from .capabilities import MANUAL_CAPTURE, Declarations, declarations
from .connectors import connector_type
from .deployment import ConfigEntry, tokenization_listing, ucs_only
from .flow_catalog import GUIDE_FLOWS, flow_specs
from .flow_status import FlowAssessment, FlowStatus, assess_flows
from .impls import integration_impls
from .kinds import PAYMENT, connector_kinds
from .locations import connector_enum, connector_enum_fn
from .registration import required_traits
from .stage import connector_stage
from .ucs import ucs_mapping

PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}")
SYNC_FLOWS = ("psync", "rsync")
NO_REQUEST_CAUSES = ("empty", "no_build_request", "stub_none")  # own impls that send nothing, deliberately or not


@dataclass(frozen=True)
class Expectation:
    expected: bool
    because: str
    file: str | None = None  # the evidence: where the reason can be read
    line: int | None = None

    def as_dict(self) -> dict[str, object]:
        evidence = {"file": self.file, "line": self.line} if self.file else None
        return {"expected": self.expected, "because": self.because, "evidence": evidence}


if TYPE_CHECKING:
    from ..target.repository import Repository


@fact
def access_token_listing(repo: Repository) -> dict[str, tuple[str, int]]:
    """Variants named in a `Connector::supports_access_token*` fn (token level: its body is a `matches!`)."""
    listed: dict[str, tuple[str, int]] = {}
    enum = connector_enum(repo)
    rust_file = repo.rust(enum.rel) if enum is not None else None
    for function in rust_file.index.nodes("function_item") if rust_file is not None else []:
        name = function.field("name")
        if name is None or not name.text().startswith("supports_access_token"):
            continue
        tokens = list(leaves(function))
        for index in range(len(tokens) - 2):
            if tokens[index].text() == "Self" and tokens[index + 1].text() == "::":
                listed.setdefault(tokens[index + 2].text(), (rust_file.rel, line_of(tokens[index + 2])))
    return listed


@fact
def template_stub_flows(repo: Repository) -> frozenset[tuple[str, str, str]]:
    """Triples the connector template writes as a full impl with a get_url (the stub), not as an empty impl.

    The template is a cargo-generate file: its `{{project-name | ...}}` placeholders become an identifier first,
    so that it parses as Rust.
    """
    raw = repo.text(layout.CONNECTOR_TEMPLATE_RS)
    if raw is None:
        return frozenset()
    text = PLACEHOLDER.sub("Template", raw)
    template = RustFile.from_text(layout.CONNECTOR_TEMPLATE_RS, text)
    return frozenset(i.triple for i in integration_impls(template) if "get_url" in i.methods)


def _opts_out(repo: Repository, flow: str, assessment: FlowAssessment) -> Expectation | None:
    """The connector's own code says it does not do the flow."""
    where = f"{assessment.file}:{assessment.evidence_line}"
    if assessment.cause == "not_supported":
        return Expectation(False, f"the connector does not support it: {where} raises NotSupported/"
                                  "FlowNotSupported on every path", assessment.file, assessment.evidence_line)
    spec = flow_specs(repo)[flow]
    template_has_stub = spec.triple in template_stub_flows(repo)
    if flow in SYNC_FLOWS and assessment.cause in NO_REQUEST_CAUSES and template_has_stub:
        return Expectation(False, f"its own impl at {where} sends no request (the connector template's has a "
                                  "get_url stub there): it takes the status from the response or a webhook",
                           assessment.file, assessment.evidence_line)
    return None


def _payins_in_ucs(repo: Repository, name: str) -> Expectation | None:
    """Authorize left unimplemented here while the UCS layer maps the connector: payins run in UCS (facts/ucs.py)."""
    authorize = assess_flows(repo, name).get("authorize")
    if authorize is None or authorize.status is FlowStatus.IMPLEMENTED:
        return None
    mapping = ucs_mapping(repo, name)
    if mapping is None:
        return None
    return Expectation(False, f"payins run in UCS: Authorize is not implemented here ({authorize.file}:"
                              f"{authorize.evidence_line}) while the router's UCS layer maps the connector "
                              f"({mapping.where()}); ucs_only_connectors does not list it, so UCS runs them where a "
                              "rollout config says so", mapping.file, mapping.line)


def _router_invokes(repo: Repository, name: str, flow: str) -> Expectation | None:
    """Flows the router calls only for some connectors: None when it calls this one (or for any other flow)."""
    spec = flow_specs(repo)[flow]
    if flow == "preprocessing":
        if spec.marker is not None and spec.marker.name not in required_traits(repo):
            return Expectation(False, f"the router no longer calls it: api::Connector does not require "
                                      f"{spec.marker.name} ({spec.marker.file}:{spec.marker.line})",
                               spec.marker.file, spec.marker.line)
        return Expectation(False, "a pre-step only some processors need; nothing in the tree asks it of this one "
                                  "(a GRACE plan or --flows selects it)")
    if flow == "tokenization":
        entry = tokenization_listing(repo).get(name)
        if entry is None:
            return Expectation(False, "the router runs PaymentMethodToken only for connectors in a [tokenization] "
                                      "config table, and none lists it")
        return Expectation(True, f"[tokenization] lists it ({entry.where()})", entry.file, entry.line)
    if flow == "access_token":
        camel = connector_type(repo, name) or name
        listed = access_token_listing(repo).get(camel)
        function = connector_enum_fn(repo, "supports_access_token")
        if listed is None:
            where = f" ({function.where()})" if function is not None else ""
            return Expectation(False, f"Connector::supports_access_token{where} does not list it, so the router "
                                      "never fetches a token for it", function.rel if function else None,
                               function.line if function else None)
        return Expectation(True, f"Connector::supports_access_token lists it ({listed[0]}:{listed[1]})", *listed)
    return None


def _declared(flow: str, declared: Declarations) -> Expectation:
    """Capture, cancel, refund and rsync as the connector's declarations say; the guide's default without any."""
    methods = declared.payment_methods
    if methods is None or not declared.declares_payment_methods:
        return Expectation(True, "it declares no supported payment methods, so the guide's default flows apply")
    where = declared.where(methods)
    if flow in ("capture", "cancel"):
        manual = sorted(set(MANUAL_CAPTURE) & declared.capture_methods)
        if manual:
            return Expectation(True, f"it declares CaptureMethod::{manual[0]} ({where})", methods.file, methods.line)
        shown = ", ".join(sorted(declared.capture_methods)) or "no capture method"
        return Expectation(False, f"it declares automatic capture only ({shown}; {where}), so nothing is "
                                  f"left to {'capture' if flow == 'capture' else 'void'}", methods.file, methods.line)
    if "Supported" not in declared.refunds:
        return Expectation(False, f"it declares refunds NotSupported for every payment method ({where})",
                           methods.file, methods.line)
    hooks = declared.webhook_flows
    if flow == "rsync" and "Refunds" in declared.events and hooks is not None:
        return Expectation(False, f"refund status arrives by webhook: EventClass::Refunds in {hooks.name} "
                                  f"({declared.where(hooks)})", hooks.file, hooks.line)
    return Expectation(True, f"it declares refunds Supported ({where})", methods.file, methods.line)


def expect_flow(repo: Repository, name: str, flow: str, as_live: bool = False) -> Expectation:
    """`as_live`: what will be expected once the connector has its Connector variant (a template's to-do list)."""
    spec = flow_specs(repo)[flow]
    if spec.guide.ignored:
        return Expectation(False, "the guide marks it [Ignore]")
    stage = connector_stage(repo, name)
    if not as_live and (stage.name == "template" or (not stage.live and stage.deliberate)):
        return Expectation(False, stage.because, stage.file, stage.line)
    kinds = connector_kinds(repo, name)
    if PAYMENT not in {k.name for k in kinds}:
        shown = "; ".join(f"{k.name}: {k.because}" for k in kinds)
        return Expectation(False, f"not a payment connector ({shown})", kinds[0].file, kinds[0].line)
    delegated: ConfigEntry | None = ucs_only(repo, name)
    if delegated is not None:
        return Expectation(False, f"delegated to UCS: ucs_only_connectors in {delegated.where()}",
                           delegated.file, delegated.line)
    payins = _payins_in_ucs(repo, name) if flow != "access_token" else None  # payouts use the token too
    if payins is not None:
        return payins
    invoked = _router_invokes(repo, name, flow)
    if invoked is not None and not invoked.expected:
        return invoked
    assessment = assess_flows(repo, name)[flow]
    opted_out = _opts_out(repo, flow, assessment) if assessment.status is not FlowStatus.IMPLEMENTED else None
    if opted_out is not None:
        declared = _declared(flow, declarations(repo, name)) if flow not in ("authorize", "psync") else None
        if declared is not None and declared.expected and declared.file is not None:
            return Expectation(False, f"{opted_out.because}, although {declared.because}", opted_out.file,
                               opted_out.line)
        return opted_out
    if invoked is not None:
        return invoked
    if flow in ("authorize", "psync"):
        payment = next(k for k in kinds if k.name == PAYMENT)
        return Expectation(True, f"a payment connector needs it, and this is one: {payment.because}", payment.file,
                           payment.line)
    return _declared(flow, declarations(repo, name))


@fact
def flow_expectations(repo: Repository, name: str) -> dict[str, Expectation]:
    """Every guide flow of the target's catalogue: expected of this connector or not, and why."""
    return {flow.name: expect_flow(repo, name, flow.name) for flow in GUIDE_FLOWS if flow.name in flow_specs(repo)}


def expected_flows(repo: Repository, name: str) -> tuple[str, ...]:
    return tuple(f for f, e in flow_expectations(repo, name).items() if e.expected)
