"""Registration point P9: connector_validation.rs validates the connector's auth. The match is exhaustive, so a missing
arm does not compile."""

from __future__ import annotations

from ...core.rule import Rule
from ...target import layout
from ._point import exhaustive_match_arm

RULE = Rule(
    id="registration.auth-validation",
    severity="error",
    title="Auth validation has an arm for the connector (connector_validation.rs)",
    guide="connector_validation.rs validates the connector's auth.",
    check=exhaustive_match_arm(
        "registration.auth-validation", layout.CONNECTOR_VALIDATION_RS,
        ("validate_auth_and_metadata_type_with_connector",), "Connector",
        "validate_auth_and_metadata_type_with_connector",
        "add `api_enums::Connector::{camel} => {{ "
        "{name}::transformers::{camel}AuthType::try_from(self.auth_type)?; Ok(()) }}`",
        "P9"),
    tags=("P9",),
)
