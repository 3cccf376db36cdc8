"""Registration point P8: the router's `ForeignTryFrom<api_enums::Connector> for RoutableConnectors`
(connector_transformers.rs; types/transformers.rs in mid-2025 trees) has the connector's arm."""

from __future__ import annotations

from ...core.rule import Rule
from ...facts.locations import router_routable_conversion
from ._point import exhaustive_match_arm, point_applies

RULE = Rule(
    id="registration.connector-transformers",
    severity="error",
    title="The router's RoutableConnectors conversion has an arm",
    guide="connector_transformers.rs has the connector's arm.",
    check=exhaustive_match_arm(
        "registration.connector-transformers", router_routable_conversion,
        "ForeignTryFrom<api_enums::Connector> for RoutableConnectors",
        "add `api_enums::Connector::{camel} => Self::{camel},`"),
    tags=("P8",),
    locate=router_routable_conversion,
    applies=point_applies(router_routable_conversion, "router conversion from Connector to RoutableConnectors",
                          variant_point=True),
)
