"""Registration point P10: `ConnectorData::convert_connector` (connector_mapping.rs; types/api.rs in mid-2025
trees) builds the connector."""

from __future__ import annotations

from ...core.rule import Rule
from ...facts.locations import connector_mapping
from ._point import exhaustive_match_arm, point_applies

RULE = Rule(
    id="registration.connector-mapping",
    severity="error",
    title="ConnectorData::convert_connector builds the connector",
    guide="connector_mapping.rs builds the connector.",
    check=exhaustive_match_arm(
        "registration.connector-mapping", connector_mapping, "ConnectorData::convert_connector",
        "add `enums::Connector::{camel} => Ok(ConnectorEnum::Old(Box::new(connector::{camel}::new()))),`"),
    tags=("P10",),
    locate=connector_mapping,
    applies=point_applies(connector_mapping, "ConnectorData::convert_connector", variant_point=True),
)
