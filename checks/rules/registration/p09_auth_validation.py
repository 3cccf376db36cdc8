"""Registration point P9: `validate_auth_and_metadata_type_with_connector` (connector_validation.rs; admin.rs in
mid-2025 trees) validates the connector's auth."""

from __future__ import annotations

from ...core.rule import Rule
from ...facts.locations import auth_validation
from ._point import exhaustive_match_arm, point_applies

RULE = Rule(
    id="registration.auth-validation",
    severity="error",
    title="Auth validation has an arm for the connector",
    guide="connector_validation.rs validates the connector's auth.",
    check=exhaustive_match_arm(
        "registration.auth-validation", auth_validation, "validate_auth_and_metadata_type_with_connector",
        "add `api_enums::Connector::{camel} => {{ {name}::transformers::{camel}AuthType::try_from(self.auth_type)?; "
        "Ok(()) }}`"),
    tags=("P9",),
    locate=auth_validation,
    applies=point_applies(auth_validation, "validate_auth_and_metadata_type_with_connector", variant_point=True),
)
