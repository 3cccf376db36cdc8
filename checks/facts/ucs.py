"""Where the router's Unified Connector Service layer knows a connector: a `Connector::Name =>` match arm in a
file of `crates/router/src/core/` whose path names `unified_connector_service` (the credentials it sends to UCS).

Upstream moved truelayer and trustly out of `ucs_only_connectors` (#11780, April 2026) because their payouts run
in Hyperswitch "while payins are handled via UCS": their Hyperswitch payment flows stayed the template's, and
only this mapping, plus a rollout entry in the database, sends payins to UCS. About half the connectors have such
an arm, so the mapping alone says nothing; it matters only for a connector whose Authorize is not implemented here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..target.fact_cache import fact
from ..target.rust import line_of
from .connectors import connector_type
from .deployment import ConfigEntry
from .locations import rust_files_containing

if TYPE_CHECKING:
    from ..target.repository import Repository

ROUTER_CORE = "crates/router/src/core"
UCS_PATH_PART = "unified_connector_service"


@fact
def ucs_mapping(repo: Repository, name: str) -> ConfigEntry | None:
    """The first `Connector::Camel =>` arm of the router's UCS layer for this connector, if any."""
    camel = connector_type(repo, name)
    if camel is None:
        return None
    wanted = f"Connector::{camel}"
    for rel in rust_files_containing(repo, ROUTER_CORE, wanted):
        if UCS_PATH_PART not in rel:
            continue
        rust_file = repo.rust(rel)
        for arm in rust_file.index.nodes("match_arm") if rust_file is not None else []:
            pattern = arm.field("pattern")
            if pattern is not None and any(alt.strip().endswith(wanted) for alt in pattern.text().split("|")):
                return ConfigEntry(rel, line_of(pattern))
    return None
