@imports
Feature: Imports
  The guide's "Memorize the below types and import accordingly" list, and its pitfall 2. Every
  `use crate::…` and `use hyperswitch_domain_models::…` (any crate of the workspace) must name an item the
  target declares or re-exports: `crate::utils::ExtTraits` does not exist, the parse and encode helpers are
  in `common_utils::ext_traits`. The `RouterData` struct comes from `hyperswitch_domain_models::router_data`,
  and the helper trait of the same name is imported under an alias. `base64::Engine` and
  `crate::utils::RefundsRequestData` are imported where their methods are called. Paths into crates outside
  the workspace are not judged.

  Background:
    Given the connector under review

  @error
  Scenario: Every import of the crate and of the workspace's crates resolves in the target
    Then the import rule "resolve" holds

  @error
  Scenario: RouterData the struct comes from hyperswitch_domain_models::router_data
    Then the import rule "router-data" holds

  @error
  Scenario: base64::Engine is imported where a base64 engine encodes or decodes
    Then the import rule "base64-engine" holds

  @error
  Scenario: RefundsRequestData is imported where its methods are called
    Then the import rule "refunds-request-data" holds
