"""The rule registry: each rule's id, severity, the guide text it enforces, and its check function."""

from __future__ import annotations

from . import (
        build_rules,
        flow_checks,
        import_rules,
        pitfall_rules,
        preparation_rules,
        registration,
        scaffolding,
        selection_rules,
)
from .rule import Rule

CORE_RULES: tuple[Rule, ...] = (
        Rule("scaffolding.files", "error",
             "A connector is crates/hyperswitch_connectors/src/connectors/<name>.rs plus <name>/transformers.rs.",
             scaffolding.check_files_exist),
        Rule("scaffolding.module", "error",
             "The connector is declared in connectors.rs and its type re-exported there.",
             scaffolding.check_module_declared),
        Rule("scaffolding.transformers-module", "error",
             "The connector file declares `pub mod transformers;`.",
             scaffolding.check_transformers_declared),
        Rule("scaffolding.parses", "error",
             "The connector's Rust files are syntactically valid.",
             scaffolding.check_sources_parse),
        Rule("registration.router-reexport", "error", "crates/router/src/connector.rs re-exports NAME::Camel.",
             registration.check_router_reexport),
        Rule("registration.connectors-struct", "error",
             "Guide pitfall 8: the connector is in the Connectors struct (for its base_url).",
             registration.check_connectors_struct),
        Rule("registration.base-url", "error", "NAME.base_url is set in every config with a [connectors] table.",
             registration.check_base_urls),
        Rule("registration.connector-enum", "error",
             "common_enums' Connector has the variant and is_separate_authentication_supported its arm.",
             registration.check_connector_enum),
        Rule("registration.routable-connectors", "error",
             "euclid's RoutableConnectors has the variant and both conversions (or the non-routable arm).",
             registration.check_routable_connectors),
        Rule("registration.connector-transformers", "error", "connector_transformers.rs has the connector's arm.",
             registration.check_connector_transformers),
        Rule("registration.auth-validation", "error", "connector_validation.rs validates the connector's auth.",
             registration.check_auth_validation),
        Rule("registration.connector-mapping", "error", "connector_mapping.rs builds the connector.",
             registration.check_connector_mapping),
        Rule("registration.feature-matrix", "error", "feature_matrix.rs builds the connector.",
             registration.check_feature_matrix),
        Rule("registration.connector-configs", "error",
             "connector_configs/src/connector.rs has the field and the get_connector_config arm.",
             registration.check_connector_configs),
        Rule("registration.default-impls", "error",
             "Guide pitfall 3: default integrations come from default_imp_for_* or the connector, never both.",
             registration.check_default_impls),
        Rule("registration.v2-defaults", "warning", "default_implementations_v2.rs lists the connector.",
             registration.check_v2_defaults),
        Rule("registration.connector-configs-toml", "warning",
             "connector_configs/toml/{development,sandbox}.toml have [NAME] and [NAME.connector_auth.*].",
             registration.check_connector_configs_toml),
        Rule("registration.test-module", "warning", "router/tests/connectors/main.rs declares `mod NAME;`.",
             registration.check_test_module),
        Rule("registration.test-auth", "warning", "test_utils' ConnectorAuthentication has a field for NAME.",
             registration.check_test_auth),
        Rule("registration.sample-auth", "warning", "sample_auth.toml has a [NAME] table.",
             registration.check_sample_auth),
        Rule("registration.toml-parses", "warning", "The TOML files the registration points use parse.",
             registration.check_config_files_parse),
        Rule("flow", "error",
             "Every selected flow has a ConnectorIntegration impl that builds a real request.",
             flow_checks.flow_findings),
)

# Each area keeps its rules in its own module; this is the one place they meet.
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (*CORE_RULES, *preparation_rules.RULES, *import_rules.RULES, *selection_rules.RULES,
                 *pitfall_rules.RULES, *build_rules.RULES)
}
