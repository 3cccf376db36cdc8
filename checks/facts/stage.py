"""Whether a connector is live, at template stage, or deliberately unregistered, read from the `Connector` enum.

Upstream merges a new connector's template code first, deliberately without a `Connector` variant
(`// Hyperwallet, added as template code for future usage`). Without a variant no exhaustive match over
`Connector` needs an arm, so nothing that hangs off the variant is due yet: the connector is at template stage
while its flows are still the template's, and live once the variant exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..target.fact_cache import fact
from ..target.rust import line_of
from .connectors import connector_type
from .flow_catalog import flow_specs
from .flow_status import FlowStatus, assess_flows
from .kinds import enum_variant_of
from .locations import connector_enum, enum_variants

if TYPE_CHECKING:
    from ..target.repository import Repository

LIVE = "live"
TEMPLATE = "template"
UNREGISTERED = "unregistered"


@dataclass(frozen=True)
class Stage:
    name: str  # live | template | unregistered
    because: str
    file: str
    line: int
    deliberate: bool = False  # unregistered, and the enum itself says so in a commented-out variant

    @property
    def live(self) -> bool:
        return self.name == LIVE

    def as_dict(self) -> dict[str, object]:
        return {"stage": self.name, "because": self.because, "file": self.file, "line": self.line}


@fact
def connector_variant(repo: Repository, name: str) -> str | None:
    """The connector's `Connector` variant (`DummyConnector1` for the const-generic DummyConnector<1..7>)."""
    enum = connector_enum(repo)
    return enum_variant_of(repo, name, enum_variants(enum)) if enum is not None else None


def commented_variant(repo: Repository, name: str) -> tuple[int, str] | None:
    """A `// Camel, ...` line comment inside the Connector enum: the tree keeping the variant out on purpose."""
    enum, camel = connector_enum(repo), connector_type(repo, name)
    body = enum.node.field("body") if enum is not None else None
    if body is None or camel is None:
        return None
    for comment in body.children():
        text = comment.text().lstrip("/ ").strip() if comment.kind() == "line_comment" else ""
        if re.match(rf"{re.escape(camel)}\b", text):
            return line_of(comment), text
    return None


def is_template_code(repo: Repository, name: str) -> bool:
    """No guide flow implemented and at least one still the template's `NotImplemented("get_url method")`."""
    flows = [a for a in assess_flows(repo, name).values() if not a.ignored]
    return (not any(a.status is FlowStatus.IMPLEMENTED for a in flows)
            and any(a.cause == "stub_get_url" for a in flows))


@fact
def connector_stage(repo: Repository, name: str) -> Stage:
    enum = connector_enum(repo)
    if enum is None:
        return Stage(LIVE, "the tree has no Connector enum to register in", "", 0)
    variant = connector_variant(repo, name)
    if variant is not None:
        line = enum_variants(enum)[variant]
        return Stage(LIVE, f"Connector::{variant} exists ({enum.rel}:{line})", enum.rel, line)
    camel = connector_type(repo, name) or name
    comment = commented_variant(repo, name)
    where = f"{enum.rel}:{comment[0] if comment else enum.line}"
    noted = f" (the enum says `// {comment[1]}` at {where})" if comment else ""
    if is_template_code(repo, name):
        authorize = assess_flows(repo, name).get("authorize") if "authorize" in flow_specs(repo) else None
        template_at = f"; {authorize.file}:{authorize.evidence_line} is still the template's get_url" \
            if authorize is not None and authorize.cause == "stub_get_url" else ""
        return Stage(TEMPLATE, f"template stage: `enum Connector` ({enum.rel}:{enum.line}) has no {camel} "
                               f"variant{noted} and its flows are the connector template's{template_at}",
                     enum.rel, comment[0] if comment else enum.line, comment is not None)
    if comment is not None:
        return Stage(UNREGISTERED, f"not registered on purpose: `enum Connector` has no {camel} variant{noted}",
                     enum.rel, comment[0], True)
    return Stage(UNREGISTERED, f"not registered: `enum Connector` ({enum.rel}:{enum.line}) has no {camel} variant",
                 enum.rel, enum.line)
