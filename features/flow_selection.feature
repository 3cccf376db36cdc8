@flow-selection
Feature: Flow selection
  The flows the connector is expected to implement come from --flows, else its GRACE plan, else what the tree
  expects of it (its kind, UCS delegation, template stage, what it declares; each with the reason). Flows outside
  the selection are reported (see the flow matrix) but do not fail; the guide's [Ignore] flows never fail. A
  selected flow must also be one the router calls.

  Background:
    Given the connector under review

  @error
  Scenario: The router invokes every selected flow
    Then every selected flow is wired so the router invokes it
