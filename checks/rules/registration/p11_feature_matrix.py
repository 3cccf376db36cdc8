"""Registration point P11: `FeatureMatrixConnectorData::convert_connector` (feature_matrix.rs) builds the
connector. Trees before 2025-08 have no feature matrix, so the point does not apply to them."""

from __future__ import annotations

from ...core.rule import Rule
from ...facts.locations import feature_matrix
from ._point import exhaustive_match_arm, point_applies

RULE = Rule(
    id="registration.feature-matrix",
    severity="error",
    title="The feature matrix builds the connector",
    guide="feature_matrix.rs builds the connector.",
    check=exhaustive_match_arm(
        "registration.feature-matrix", feature_matrix, "FeatureMatrixConnectorData::convert_connector",
        "add `enums::Connector::{camel} => Ok(ConnectorEnum::Old(Box::new(connector::{camel}::new()))),`"),
    tags=("P11",),
    locate=feature_matrix,
    applies=point_applies(feature_matrix, "FeatureMatrixConnectorData::convert_connector (the feature matrix)",
                          variant_point=True),
)
