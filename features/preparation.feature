@preparation
Feature: Preparation documents
  Before any code, the guide asks for a tech spec (grace/connector_integration/template/tech_spec.md) and an
  implementation plan (planner_steps.md), stored under grace/connector_integration/<name>/. The documents are
  read by meaning, in any dialect (the template's tables, GRACE's techspec sections, hand-written notes), and
  compared with the code where both speak. Real connectors upstream have no GRACE documents: without a grace/
  folder these scenarios are skipped, unless --require-docs is given.

  Background:
    Given the connector under review

  @error
  Scenario: The tech spec exists
    Then the preparation rule "spec-exists" holds

  @error
  Scenario: The implementation plan exists
    Then the preparation rule "plan-exists" holds

  @warning
  Scenario: The tech spec has the template's sections
    Then the preparation rule "spec-sections" holds

  @error
  Scenario: The tech spec names a real base URL
    Then the preparation rule "spec-base-url" holds

  @error
  Scenario: The tech spec has an endpoint for every selected flow
    Then the preparation rule "spec-endpoints" holds for the selected flows

  @warning
  Scenario: The tech spec's base URLs are the configured ones
    Then the preparation rule "spec-base-url-matches-config" holds

  @warning
  Scenario: Each selected flow's spec endpoint is the one its get_url builds
    Then the preparation rule "spec-endpoint-matches-code" holds for the selected flows

  @error
  Scenario: The status mappings use real AttemptStatus and RefundStatus variants
    Then the preparation rule "spec-status-mapping" holds

  @warning
  Scenario: No template placeholder is left in the tech spec
    Then the preparation rule "spec-placeholders" holds

  @error
  Scenario: Every step ticked done is backed by an implemented flow
    Then the preparation rule "plan-claims" holds

  @warning
  Scenario: Every endpoint of the spec is covered by a plan step
    Then the preparation rule "plan-covers-spec" holds

  @warning
  Scenario: Every plan step has a task, files, dependencies and user instructions
    Then the preparation rule "plan-step-fields" holds
