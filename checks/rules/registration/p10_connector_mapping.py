"""Registration point P10: connector_mapping.rs builds the connector. The match is exhaustive, so a missing arm does
not compile."""

from __future__ import annotations

from ...core.rule import Rule
from ...target import layout
from ._point import exhaustive_match_arm

RULE = Rule(
    id="registration.connector-mapping",
    severity="error",
    title="ConnectorData::convert_connector builds the connector (connector_mapping.rs)",
    guide="connector_mapping.rs builds the connector.",
    check=exhaustive_match_arm(
        "registration.connector-mapping", layout.CONNECTOR_MAPPING_RS,
        ("convert_connector",), "Connector",
        "ConnectorData::convert_connector",
        "add `enums::Connector::{camel} => Ok(ConnectorEnum::Old(Box::new(connector::{camel}::new()))),`",
        "P10"),
    tags=("P10",),
)
