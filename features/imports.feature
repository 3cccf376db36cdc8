@imports
Feature: Imports
  The guide's "Memorize the below types and import accordingly" list, and its pitfall 2. Every
  `use crate::…` and `use hyperswitch_domain_models::…` (any crate of the workspace) must name an item the
  target declares or re-exports: `crate::utils::ExtTraits` does not exist, the parse and encode helpers are
  in `common_utils::ext_traits`. Paths into crates outside the workspace are not judged. The names pitfall 2
  warns about (RouterData, base64::Engine, RefundsRequestData) are checked by features/pitfalls.feature.

  Background:
    Given the connector under review

  @error
  Scenario: Every import of the crate and of the workspace's crates resolves in the target
    Then the import rule "resolve" holds
