"""Where a connector's Void (cancel) impl uses the capture flow's types (guide pitfall 1): keyed with the capture
request, or naming a capture type inside. A fact, because two readers need it: the pitfall-1 rule reports it, and
the flow classification shows such a cancel flow as flawed rather than as a clean implementation or a missing one
(one mistake, one finding)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import line_of
from .connectors import connector_impls
from .flow_catalog import flow_specs
from .impls import IntegrationImpl
from .target_types import request_structs_of_type, type_aliases

CAPTURE_PREFIX = re.compile(r"^PaymentsCapture")


@dataclass(frozen=True)
class CancelMisuse:
    """One capture type where the cancel flow's belongs."""

    impl: IntegrationImpl
    line: int  # the header (keyed wrong) or the line naming the capture type
    type_name: str
    keyed: bool  # the impl's request type itself is the capture request


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


@fact
def cancel_misuses(repo: Repository, name: str) -> list[CancelMisuse]:
    """Every `ConnectorIntegration<Void, ..>` impl of the connector keyed with another request type, or naming a
    capture type inside (one entry per line)."""
    cancel = flow_specs(repo).get("cancel")
    if cancel is None or cancel.triple is None:
        return []
    void, cancel_request, _ = cancel.triple
    capture_names = capture_type_names(repo)
    found = []
    for impl in connector_impls(repo, name):
        if impl.triple[0] != void:
            continue
        if impl.triple[1] != cancel_request:
            found.append(CancelMisuse(impl, impl.line, impl.triple[1], True))
            continue
        seen: set[int] = set()
        for kind in ("type_identifier", "identifier"):
            for node in impl.node.find_all(kind=kind):
                text = node.text()
                if (text in capture_names or CAPTURE_PREFIX.match(text)) and line_of(node) not in seen:
                    seen.add(line_of(node))
                    found.append(CancelMisuse(impl, line_of(node), text, False))
    return sorted(found, key=lambda m: (m.impl.file, m.line))
