@flows
Feature: Flow implementation
  The guide's flow selection: preprocessing, tokenization, authorize, cancel, capture, psync, access_token,
  refund and rsync. An expected flow must have a ConnectorIntegration impl that overrides build_request, builds
  a RequestBuilder and returns a real URL. A flow left empty, listed in a default_imp_for_* macro, stubbed
  with NotImplemented or Ok(None), or missing fails with the file and line to fix. What is expected comes from
  the tree (the connector's kind, UCS delegation, template stage, what it declares) unless a GRACE plan or
  --flows says otherwise; flows not expected are reported with the reason but do not fail. The flows every
  payment goes through are errors; capture, void and refunds, which only some payments use, are warnings.

  Background:
    Given the connector under review

  @error
  Scenario Outline: <title> flow is implemented when expected
    When the "<flow>" flow is expected of it
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

    @flow-psync
    Examples: Payment sync (PSync)
      | flow | title |
      | psync | Payment sync (PSync) |

    @flow-access_token
    Examples: Access token
      | flow | title |
      | access_token | Access token |

  @warning
  Scenario Outline: <title> flow is implemented when its features call for it
    When the "<flow>" flow is expected of it for a feature
    Then its ConnectorIntegration impl builds a real request for that feature

    @flow-cancel
    Examples: Cancel (Void)
      | flow | title |
      | cancel | Cancel (Void) |

    @flow-capture
    Examples: Capture
      | flow | title |
      | capture | Capture |

    @flow-refund
    Examples: Refund (Execute)
      | flow | title |
      | refund | Refund (Execute) |

    @flow-rsync
    Examples: Refund sync (RSync)
      | flow | title |
      | rsync | Refund sync (RSync) |
