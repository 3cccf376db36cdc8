"""What kind of connector each module is (payment, payout, fraud, tax, authentication, vault, billing, ...), read
from the tree: the kind enums (`PayoutConnectors`, `FrmConnectors`, ...), the kind traits whose flows the connector
implements itself, its declared SupportedPaymentMethods, and as a last resort its `ConnectorInfo.connector_type`.

A connector may be of several kinds (adyen is payment and payout). `RoutableConnectors` is not a kind: it also
holds fraud, billing, payout and 3DS connectors, so it only counts for payment when no other kind enum names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..target import layout
from ..target.fact_cache import fact
from ..target.rust import line_of
from .capabilities import declarations
from .connectors import connector_type
from .flow_catalog import flow_specs, read_marker_traits
from .flow_status import FlowStatus, assess_flows, classify_impl, connector_impls
from .locations import Place, connector_enum, enum_variants, routable_connectors, rust_files_containing
from .registration import traits_under

if TYPE_CHECKING:
    from ..target.repository import Repository

PAYMENT = "payment"
KIND_ENUM = re.compile(r"\benum\s+(\w+)Connectors\s*\{")
# Readable names for the enums' prefixes (`FrmConnectors` holds fraud checkers, `PmAuthConnectors` bank-account
# verification); any other `<X>Connectors` enum becomes kind x.
KIND_NAMES = {"Frm": "fraud", "PmAuth": "pm_auth"}
# The api trait whose flows make each kind (hyperswitch_interfaces); its marker traits are read from the tree.
KIND_TRAITS = {
    "payout": ("Payouts",), "fraud": ("FraudCheck",), "tax": ("TaxCalculation",),
    "authentication": ("ExternalAuthentication", "UnifiedAuthenticationService"), "vault": ("ExternalVault",),
    "billing": ("RevenueRecovery", "Subscriptions"), "surcharge": ("SurchargeCalculation",),
}
# ConnectorInfo.connector_type, for a module no enum and no impl places (template code).
CATEGORY_KINDS = {
    "PayoutProcessor": "payout", "AuthenticationProvider": "authentication",
    "FraudAndRiskManagementProvider": "fraud", "TaxCalculationProvider": "tax",
    "SurchargeCalculationProvider": "surcharge", "RevenueGrowthManagementPlatform": "billing",
}


@dataclass(frozen=True)
class Kind:
    name: str
    because: str
    file: str
    line: int

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.name, "because": self.because, "file": self.file, "line": self.line}


@dataclass(frozen=True)
class KindEnum:
    kind: str
    name: str
    file: str
    line: int
    variants: dict[str, int]  # variant -> line


@fact
def kind_enums(repo: Repository) -> list[KindEnum]:
    """Every `pub enum <X>Connectors` of the enum files whose variants are `Connector` variants."""
    enum = connector_enum(repo)
    registered = set(enum_variants(enum)) if enum is not None else set()
    found = []
    for rel in rust_files_containing(repo, layout.CRATES, "Connectors {", "enums.rs"):
        rust_file = repo.rust(rel)
        for item in rust_file.index.nodes("enum_item") if rust_file is not None else []:
            match = KIND_ENUM.search(item.text().split("{", 1)[0] + "{")
            if match is None or match.group(1) == "Routable" or not match.group(1):
                continue
            variants = enum_variants(Place(rel, item))
            if registered and not set(variants) & registered:
                continue  # an enum of something else (dummy connector names, vault providers of another crate)
            prefix = match.group(1)
            kind = KIND_NAMES.get(prefix, re.sub(r"(?<!^)(?=[A-Z])", "_", prefix).lower())
            found.append(KindEnum(kind, f"{prefix}Connectors", rel, line_of(item), variants))
    return found


@fact
def kind_flows(repo: Repository) -> dict[str, set[tuple[str, str, str]]]:
    """Per kind, the ConnectorIntegration triples of the marker traits its api trait requires."""
    api_files = [rel for rel in rust_files_containing(repo, layout.INTERFACES_SRC, "ConnectorIntegration<")]
    markers = read_marker_traits([f for f in (repo.rust(rel) for rel in api_files) if f is not None])
    flows: dict[str, set[tuple[str, str, str]]] = {}
    for kind, traits in KIND_TRAITS.items():
        reachable = set().union(*(traits_under(repo, t) for t in traits))
        flows[kind] = {markers[t].triple for t in reachable if t in markers}
    return flows


def payment_flow_triples(repo: Repository) -> set[tuple[str, str, str]]:
    """The guide's payment flows (access_token aside: payouts fetch tokens too)."""
    return {s.triple for n, s in flow_specs(repo).items() if s.triple is not None and n != "access_token"}


def enum_variant_of(repo: Repository, name: str, variants: dict[str, int]) -> str | None:
    """The connector's variant in an enum: its type name, or `Type<N>` variants of a const-generic type."""
    camel = connector_type(repo, name)
    if camel is None:
        return None
    if camel in variants:
        return camel
    numbered = [v for v in variants if re.fullmatch(rf"{re.escape(camel)}\d+", v)]
    return numbered[0] if numbered else None


@fact
def connector_kinds(repo: Repository, name: str) -> tuple[Kind, ...]:
    """The connector's kinds, each with the evidence that makes it one."""
    kinds: dict[str, Kind] = {}
    in_other_enum = False
    for enum in kind_enums(repo):
        variant = enum_variant_of(repo, name, enum.variants)
        if variant is not None:
            in_other_enum = True
            line = enum.variants[variant]
            kinds.setdefault(enum.kind, Kind(enum.kind, f"{enum.name} lists {variant} ({enum.file}:{line})",
                                             enum.file, line))
    for kind, triples in kind_flows(repo).items():
        own = [i for i in connector_impls(repo, name)
               if i.triple in triples and classify_impl(i)[0] is FlowStatus.IMPLEMENTED]
        if own and kind not in kinds:
            kinds[kind] = Kind(kind, f"it implements {own[0].triple[0]} itself ({own[0].file}:{own[0].line})",
                               own[0].file, own[0].line)
    payment = _payment_evidence(repo, name, in_other_enum)
    if payment is not None:
        kinds = {PAYMENT: payment, **kinds}
    if not kinds:
        declared = declarations(repo, name).category
        kind = CATEGORY_KINDS.get(declared[0]) if declared is not None else None
        if declared is not None and kind is not None:
            kinds[kind] = Kind(kind, f"no kind enum lists it; its ConnectorInfo says connector_type "
                                     f"{declared[0]} ({declared[1]}:{declared[2]})", declared[1], declared[2])
        else:
            file, line = (declared[1], declared[2]) if declared is not None else (layout.CONNECTORS_RS, 1)
            kinds[PAYMENT] = Kind(PAYMENT, "no kind enum lists it and it implements no flow: a payment connector, "
                                           "as the connector template is", file, line)
    return tuple(kinds.values())


def _payment_evidence(repo: Repository, name: str, in_other_enum: bool) -> Kind | None:
    """Payment when it declares payment methods, implements a payment flow (authorize first), or is routable and
    in no other kind enum."""
    declared = declarations(repo, name)
    if declared.declares_payment_methods and declared.payment_methods is not None:
        methods = declared.payment_methods
        return Kind(PAYMENT, f"it declares {declared.adds} supported payment method(s) in {methods.name} "
                             f"({methods.file}:{methods.line})", methods.file, methods.line)
    triples = payment_flow_triples(repo)
    flows = assess_flows(repo, name)
    for flow in sorted(flows, key=lambda f: f != "authorize"):
        assessment, spec = flows[flow], flow_specs(repo)[flow]
        if spec.triple in triples and assessment.status is FlowStatus.IMPLEMENTED:
            return Kind(PAYMENT, f"it implements the {flow} flow ({assessment.file}:{assessment.line})",
                        assessment.file, assessment.line)
    routable = routable_connectors(repo)
    variant = enum_variant_of(repo, name, enum_variants(routable)) if routable is not None else None
    if routable is not None and variant is not None and not in_other_enum:
        line = enum_variants(routable)[variant]
        return Kind(PAYMENT, f"RoutableConnectors lists {variant} ({routable.rel}:{line}) and no other kind enum "
                             "does", routable.rel, line)
    return None


def kind_names(repo: Repository, name: str) -> tuple[str, ...]:
    return tuple(k.name for k in connector_kinds(repo, name))

