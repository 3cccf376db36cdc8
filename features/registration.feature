@registration
Feature: Registration points
  A connector must be registered in about twenty places outside its own folder. scripts/add_connector.sh no
  longer covers all of them: it never adds the Connector enum variant nor the exhaustive-match arms. Points
  tagged @error break compilation or start-up when missing; points tagged @warning are conventions.

  Background:
    Given the connector under review

  @error @P1
  Scenario: connectors.rs declares the module and re-exports its type
    Then the registration point "module" holds

  @error @P2
  Scenario: The router re-exports the connector (crates/router/src/connector.rs)
    Then the registration point "router-reexport" holds

  @error @P3 @pitfall-8-registration
  Scenario: The Connectors struct has a field for the connector (connector_endpoints.rs)
    Then the registration point "connectors-struct" holds

  @error @P4
  Scenario: Every config with a [connectors] table sets the connector's base_url
    Then the registration point "base-url" holds

  @error @P5 @P6
  Scenario: The Connector enum has the variant and is_separate_authentication_supported its arm
    Then the registration point "connector-enum" holds

  @error @P7
  Scenario: euclid's RoutableConnectors and both conversions know the connector
    Then the registration point "routable-connectors" holds

  @error @P8
  Scenario: The router's RoutableConnectors conversion has an arm (connector_transformers.rs)
    Then the registration point "connector-transformers" holds

  @error @P9
  Scenario: Auth validation has an arm for the connector (connector_validation.rs)
    Then the registration point "auth-validation" holds

  @error @P10
  Scenario: ConnectorData::convert_connector builds the connector (connector_mapping.rs)
    Then the registration point "connector-mapping" holds

  @error @P11
  Scenario: The feature matrix builds the connector (feature_matrix.rs)
    Then the registration point "feature-matrix" holds

  @error @P12
  Scenario: connector_configs has the field and the get_connector_config arm
    Then the registration point "connector-configs" holds

  @error @P14
  Scenario: Each default_imp_for_* macro lists the connector or it implements the flow, never both
    Then the registration point "default-impls" holds

  @warning @P15
  Scenario: The ConnectorV2 default macros list the connector or it implements them
    Then the registration point "v2-defaults" holds

  @warning @P13
  Scenario: The Control Center configs have the connector's table with connector_auth
    Then the registration point "connector-configs-toml" holds

  @warning @P16
  Scenario: The sandbox tests declare the connector's test module
    Then the registration point "test-module" holds

  @warning @P18
  Scenario: The test credentials struct has a field for the connector
    Then the registration point "test-auth" holds

  @warning @P19
  Scenario: sample_auth.toml has a table for the connector
    Then the registration point "sample-auth" holds

  @warning
  Scenario: The TOML files the registration points live in parse
    Then the registration point "toml-parses" holds
