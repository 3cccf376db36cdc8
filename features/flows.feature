@flows
Feature: Flow implementation
  The guide's flow selection: preprocessing, tokenization, authorize, cancel, capture, psync, access_token,
  refund and rsync. A selected flow must have a ConnectorIntegration impl that overrides build_request, builds
  a RequestBuilder and returns a real URL. A flow left empty, listed in a default_imp_for_* macro, stubbed
  with NotImplemented or Ok(None), or missing fails with the file and line to fix. Flows outside the
  selection are reported but do not fail.

  Background:
    Given the connector under review

  @flow-preprocessing @error
  Scenario: Preprocessing flow is implemented when selected
    When the "preprocessing" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-tokenization @error
  Scenario: Tokenization flow is implemented when selected
    When the "tokenization" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-authorize @error
  Scenario: Authorize flow is implemented when selected
    When the "authorize" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-cancel @error
  Scenario: Cancel (Void) flow is implemented when selected
    When the "cancel" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-capture @error
  Scenario: Capture flow is implemented when selected
    When the "capture" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-psync @error
  Scenario: Payment sync (PSync) flow is implemented when selected
    When the "psync" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-access_token @error
  Scenario: Access token flow is implemented when selected
    When the "access_token" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-refund @error
  Scenario: Refund (Execute) flow is implemented when selected
    When the "refund" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

  @flow-rsync @error
  Scenario: Refund sync (RSync) flow is implemented when selected
    When the "rsync" flow is selected for it
    Then its ConnectorIntegration impl builds a real request
