@flows
Feature: Flow implementation
  The guide's flow selection: preprocessing, tokenization, authorize, cancel, capture, psync, access_token,
  refund and rsync. A selected flow must have a ConnectorIntegration impl that overrides build_request, builds
  a RequestBuilder and returns a real URL. A flow left empty, listed in a default_imp_for_* macro, stubbed
  with NotImplemented or Ok(None), or missing fails with the file and line to fix. Flows outside the
  selection are reported but do not fail.

  Background:
    Given the connector under review

  @error
  Scenario Outline: <title> flow is implemented when selected
    When the "<flow>" flow is selected for it
    Then its ConnectorIntegration impl builds a real request

    @flow-preprocessing
    Examples: Preprocessing
      | flow | title |
      | preprocessing | Preprocessing |

    @flow-tokenization
    Examples: Tokenization
      | flow | title |
      | tokenization | Tokenization |

    @flow-authorize
    Examples: Authorize
      | flow | title |
      | authorize | Authorize |

    @flow-cancel
    Examples: Cancel (Void)
      | flow | title |
      | cancel | Cancel (Void) |

    @flow-capture
    Examples: Capture
      | flow | title |
      | capture | Capture |

    @flow-psync
    Examples: Payment sync (PSync)
      | flow | title |
      | psync | Payment sync (PSync) |

    @flow-access_token
    Examples: Access token
      | flow | title |
      | access_token | Access token |

    @flow-refund
    Examples: Refund (Execute)
      | flow | title |
      | refund | Refund (Execute) |

    @flow-rsync
    Examples: Refund sync (RSync)
      | flow | title |
      | rsync | Refund sync (RSync) |
