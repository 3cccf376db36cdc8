@pitfalls
Feature: Common issues to avoid
  The guide's nine "Common Issues to Avoid", each checked against what the target declares today: the
  request data structs and their fields, the helper traits of hyperswitch_connectors/src/utils.rs, the
  AmountConvertor outputs of common_utils, the fields of ErrorResponse and the default_imp_for_* macros.
  Each failure names the file and line to change and how. Where a pitfall is also a registration point
  (pitfall 8's Connectors field is P3) or an import rule (pitfall 2's ExtTraits is "every import resolves"),
  the other scenario owns that half, so one mistake fails one scenario.
  The last four scenarios are mistakes that compile and that no guide pitfall names: rustc cannot catch them.

  Background:
    Given the connector under review

  @error @pitfall-1
  Scenario: Cancel uses PaymentsCancelData, never the capture types
    Then the guide's pitfall 1 is avoided

  @error @pitfall-2
  Scenario: RouterData, base64::Engine and RefundsRequestData are imported as the guide says
    Then the guide's pitfall 2 is avoided

  @error @pitfall-3
  Scenario: PaymentReject, PaymentApprove and PaymentAuthorizeSessionToken are provided exactly once
    Then the guide's pitfall 3 is avoided

  @error @pitfall-4
  Scenario: One amount unit runs from the AmountConvertor to the request, with no hand-made scaling
    Then the guide's pitfall 4 is avoided

  @error @pitfall-5
  Scenario: The card number stays a cards::CardNumber and the CVC a Secret, never exposed text
    Then the guide's pitfall 5 is avoided

  @error @pitfall-6
  Scenario: Helper methods exist: get_ip_address_as_optional, never get_optional_ip
    Then the guide's pitfall 6 is avoided

  @error @pitfall-7
  Scenario: Request fields exist on the flow's request data: customer_id, not connector_customer
    Then the guide's pitfall 7 is avoided

  @error @pitfall-8
  Scenario: base_url reads the connector's own entry of the Connectors struct
    Then the guide's pitfall 8 is avoided

  @error @pitfall-9
  Scenario: Every ErrorResponse literal has all of the target's fields
    Then the guide's pitfall 9 is avoided

  @error
  Scenario: A refund or capture converts its own amount, never the payment's
    Then the pitfall rule "partial-amount" holds

  @error
  Scenario: Every URL starts from the connector's configured base_url
    Then the pitfall rule "base-url-used" holds

  @warning
  Scenario: ErrorResponse keeps the connector's error code and message
    Then the pitfall rule "error-code-kept" holds

  @error
  Scenario: An unknown connector status never maps to a success status
    Then the pitfall rule "unknown-status" holds
