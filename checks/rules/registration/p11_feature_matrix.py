"""Registration point P11: feature_matrix.rs builds the connector. The match is exhaustive, so a missing arm does not
compile."""

from __future__ import annotations

from ...core.rule import Rule
from ...target import layout
from ._point import exhaustive_match_arm

RULE = Rule(
    id="registration.feature-matrix",
    severity="error",
    title="The feature matrix builds the connector (feature_matrix.rs)",
    guide="feature_matrix.rs builds the connector.",
    check=exhaustive_match_arm(
        "registration.feature-matrix", layout.FEATURE_MATRIX_RS,
        ("convert_connector",), "Connector",
        "FeatureMatrixConnectorData::convert_connector",
        "add `enums::Connector::{camel} => Ok(ConnectorEnum::Old(Box::new(connector::{camel}::new()))),`",
        "P11"),
    tags=("P11",),
)
