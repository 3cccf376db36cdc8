"""Registration point P8: connector_transformers.rs has the connector's arm. The match is exhaustive, so a missing arm
does not compile."""

from __future__ import annotations

from ...core.rule import Rule
from ...target import layout
from ._point import exhaustive_match_arm

RULE = Rule(
    id="registration.connector-transformers",
    severity="error",
    title="The router's RoutableConnectors conversion has an arm (connector_transformers.rs)",
    guide="connector_transformers.rs has the connector's arm.",
    check=exhaustive_match_arm(
        "registration.connector-transformers", layout.CONNECTOR_TRANSFORMERS_RS,
        ("ForeignTryFrom<api_enums::Connector>", "RoutableConnectors"), "Connector",
        "ForeignTryFrom<api_enums::Connector> for RoutableConnectors",
        "add `api_enums::Connector::{camel} => Self::{camel},`",
        "P8"),
    tags=("P8",),
)
