@registration
Feature: Registration points
  A connector must be registered in about twenty places outside its own folder. scripts/add_connector.sh no
  longer covers all of them: it never adds the Connector enum variant nor the exhaustive-match arms. Points
  tagged @error break compilation or start-up when missing; points tagged @warning are conventions.
  Whether the TOML files they live in parse is judged once per run (features/shared_files.feature).
  P1 (connectors.rs declares the module) is owned by features/scaffolding.feature, and the default
  implementations of pitfall 3's three traits by features/pitfalls.feature: one mistake fails one scenario.
  Each point is found by what it is, wherever this tree keeps it (RoutableConnectors lived in common_enums
  before December 2025, the auth validation in admin.rs before July 2025, ...); a point this tree does not
  have is skipped. A connector without a Connector variant (template stage, or kept out of the enum on
  purpose) is not asked for the points that hang off the variant: they become due with the variant.

  Background:
    Given the connector under review

  @error @P2
  Scenario: The router re-exports the connector
    Then registration point P2 holds

  @error @P3
  Scenario: The Connectors struct has a field for the connector
    Then registration point P3 holds

  @error @P4
  Scenario: Every config with a [connectors] table sets the connector's base_url
    Then registration point P4 holds

  @error @P5 @P6
  Scenario: The Connector enum has the variant and is_separate_authentication_supported its arm
    Then registration point P5 holds

  @error @P7
  Scenario: RoutableConnectors and both conversions know the connector
    Then registration point P7 holds

  @error @P8
  Scenario: The router's RoutableConnectors conversion has an arm
    Then registration point P8 holds

  @error @P9
  Scenario: Auth validation has an arm for the connector
    Then registration point P9 holds

  @error @P10
  Scenario: ConnectorData::convert_connector builds the connector
    Then registration point P10 holds

  @error @P11
  Scenario: The feature matrix builds the connector
    Then registration point P11 holds

  @error @P12
  Scenario: connector_configs has the field and the get_connector_config arm
    Then registration point P12 holds

  @error @P14
  Scenario: Each default_imp_for_* macro lists the connector or it implements the flow, never both
    Then registration point P14 holds

  @warning @P15
  Scenario: The ConnectorV2 default macros list the connector or it implements them
    Then registration point P15 holds

  @warning @P13
  Scenario: The Control Center configs have the connector's table with connector_auth
    Then registration point P13 holds

  @warning @P16
  Scenario: The sandbox tests declare the connector's test module
    Then registration point P16 holds

  @warning @P17
  Scenario: The connector has its sandbox test file (crates/router/tests/connectors/NAME.rs)
    Then registration point P17 holds

  @warning @P18
  Scenario: The test credentials struct has a field for the connector
    Then registration point P18 holds

  @warning @P19
  Scenario: sample_auth.toml has a table for the connector
    Then registration point P19 holds
