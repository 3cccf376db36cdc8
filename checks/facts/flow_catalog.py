"""The guide's flows and the (Flow, Request, Response) triple the target declares for each.

The guide names flows in its own words ("cancel_flow", "refund"); the only thing this module fixes is which
Hyperswitch marker trait each word means. The triple itself is read from the target's
`pub trait <Marker>: ConnectorIntegration<Flow, Req, Resp>` declarations in `hyperswitch_interfaces`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..target import layout
from ..target.fact_cache import fact
from ..target.rust import RustFile, last_segment, line_of

if TYPE_CHECKING:
    from ..target.repository import Repository


@dataclass(frozen=True)
class GuideFlow:
    name: str
    marker_trait: str
    ignored: bool  # the guide lists it between its `<|> [Ignore]` markers
    plan_pattern: str  # how a plan step names it (checked in the order of PLAN_MATCH_ORDER)
    # True: every payment the connector takes goes through it (authorize, psync; tokenization and access_token
    # where the router calls them); False: only payments using a feature do (capture, void, refund, refund sync).
    every_payment: bool = True


GUIDE_FLOWS: tuple[GuideFlow, ...] = (
    GuideFlow("preprocessing", "PaymentsPreProcessing", False, r"pre[- ]?processing"),
    GuideFlow("tokenization", "PaymentToken", False, r"tokeni[sz](e|ation)|payment ?method ?token"),
    GuideFlow("authorize", "PaymentAuthorize", False, r"\bauthori[sz](e|ation)\b"),
    GuideFlow("cancel", "PaymentVoid", False, r"\bvoid\b|\bcancel", every_payment=False),
    GuideFlow("capture", "PaymentCapture", False, r"\bcapture", every_payment=False),
    GuideFlow("psync", "PaymentSync", False, r"\bpsync\b|payments? sync|payment status"),
    GuideFlow("access_token", "ConnectorAccessToken", False, r"access ?token|\boauth"),
    GuideFlow("refund", "RefundExecute", False, r"\brefunds?\b", every_payment=False),
    GuideFlow("rsync", "RefundSync", False, r"\brsync\b|refunds? sync|refund status", every_payment=False),
    GuideFlow("complete_authorize", "PaymentsCompleteAuthorize", True, r"complete ?authori[sz]"),
    GuideFlow("incremental_authorization", "PaymentIncrementalAuthorization", True, r"incremental"),
    GuideFlow("post_session_tokens", "PaymentPostSessionTokens", True, r"post ?session ?tokens?"),
    GuideFlow("reject", "PaymentReject", True, r"\breject"),
    GuideFlow("session_update", "PaymentSessionUpdate", True, r"session ?update"),
    GuideFlow("setup_mandate", "MandateSetup", True, r"setup ?mandate|\bmandate"),
    GuideFlow("update_metadata", "PaymentUpdateMetadata", True, r"update ?metadata"),
)
GUIDE_FLOW_NAMES = tuple(f.name for f in GUIDE_FLOWS)
ENFORCED_FLOWS = tuple(f.name for f in GUIDE_FLOWS if not f.ignored)
# The guide's core flows, what a payment connector that declares nothing more specific is expected to implement.
DEFAULT_SELECTION = ("authorize", "psync", "capture", "cancel", "refund", "rsync")
# Specific names first, so "Refund Sync" selects rsync and "Complete Authorize" does not select authorize.
PLAN_MATCH_ORDER = (
    "complete_authorize", "incremental_authorization", "post_session_tokens", "session_update",
    "update_metadata", "setup_mandate", "preprocessing", "tokenization", "access_token", "rsync", "psync",
    "refund", "capture", "cancel", "authorize", "reject",
)


@dataclass(frozen=True)
class MarkerTrait:
    name: str
    triple: tuple[str, str, str]
    file: str
    line: int


@dataclass(frozen=True)
class FlowSpec:
    """A guide flow resolved against the target: its triple, or None when the target lacks the marker trait."""

    guide: GuideFlow
    marker: MarkerTrait | None

    @property
    def name(self) -> str:
        return self.guide.name

    @property
    def triple(self) -> tuple[str, str, str] | None:
        return self.marker.triple if self.marker else None


def read_marker_traits(files: list[RustFile]) -> dict[str, MarkerTrait]:
    """`pub trait X: api::ConnectorIntegration<F, R, S> {}` declarations, by trait name."""
    traits: dict[str, MarkerTrait] = {}
    for rust_file in files:
        for item in rust_file.index.nodes("trait_item"):
            name = item.field("name")
            bounds = item.field("bounds")
            if name is None or bounds is None:
                continue
            for bound in bounds.children():
                if bound.kind() != "generic_type":
                    continue
                base = bound.field("type")
                args = bound.field("type_arguments")
                if base is None or args is None or last_segment(base.text()) != "ConnectorIntegration":
                    continue
                types = [last_segment(a.text()) for a in args.children() if a.kind() not in ("<", ">", ",")]
                if len(types) == 3:
                    traits[name.text()] = MarkerTrait(
                        name.text(), (types[0], types[1], types[2]), rust_file.rel, line_of(item)
                    )
    return traits


def resolve_flows(traits: dict[str, MarkerTrait]) -> dict[str, FlowSpec]:
    return {flow.name: FlowSpec(flow, traits.get(flow.marker_trait)) for flow in GUIDE_FLOWS}


def flows_named_in(text: str) -> list[str]:
    """Guide flows a plan-step title names, most specific first (`Implement Refund Sync` -> rsync only).

    Flow type names are split first, so `PaymentAuthorize` names authorize and `RefundSync` rsync."""
    by_name = {f.name: f for f in GUIDE_FLOWS}
    remaining = re.sub(r"([a-z])([A-Z])", r"\1 \2", text).lower()
    found: list[str] = []
    for name in PLAN_MATCH_ORDER:
        pattern = re.compile(by_name[name].plan_pattern)
        if pattern.search(remaining):
            found.append(name)
            remaining = pattern.sub(" ", remaining)
    return found


def read_dyn_aliases(rust_file: RustFile | None) -> dict[tuple[str, str, str], str]:
    """`pub type PaymentsVoidType = dyn ConnectorIntegration<Void, ...>;` -> {triple: alias}, for fix hints."""
    if rust_file is None:
        return {}
    aliases: dict[tuple[str, str, str], str] = {}
    for item in rust_file.index.nodes("type_item"):
        name = item.field("name")
        target = item.field("type")
        if name is None or target is None:
            continue
        generic = target.find(kind="generic_type")
        if generic is None or generic.field("type") is None or generic.field("type_arguments") is None:
            continue
        if last_segment(generic.field("type").text()) != "ConnectorIntegration":
            continue
        args = generic.field("type_arguments")
        types = [last_segment(a.text()) for a in args.children() if a.kind() not in ("<", ">", ",")]
        if len(types) == 3:
            aliases.setdefault((types[0], types[1], types[2]), name.text())
    return aliases


@fact
def flow_specs(repo: Repository) -> dict[str, FlowSpec]:
    """The guide's flows with the triple and marker trait the target declares for each."""
    api_files = [layout.INTERFACES_API_RS, *repo.walk(layout.INTERFACES_API_DIR, ".rs")]
    parsed = [f for f in (repo.rust(rel) for rel in api_files) if f is not None]
    return resolve_flows(read_marker_traits(parsed))


@fact
def dyn_aliases(repo: Repository) -> dict[tuple[str, str, str], str]:
    return read_dyn_aliases(repo.rust(layout.INTERFACES_TYPES_RS))
