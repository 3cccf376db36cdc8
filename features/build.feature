@cargo
Feature: Build with cargo
  The design card's build checks, run with the configuration the target's own pull-request CI builds
  (.github/workflows/CI-pr.yml and its justfile; -p hyperswitch_connectors --features v1 when the tree says
  nothing): cargo check of the connector's crate and of the crates that hold the registration points (one shared
  build), clippy with -D warnings as PR CI does, the connector's unit tests, and the router's sandbox tests when
  credentials are given. An error outside the connector's files is not the connector's: the scenario says its code
  was not reached, and, against a base commit, whether the error is pre-existing or new. Every compiler error is a finding at its file, line and column with
  the rustc code; errors the guide warns about ("Common Issues to Avoid") name the pitfall. A machine that
  cannot build (cargo missing, a pinned toolchain absent, dependencies that cannot be fetched, a timeout) ends
  the scenario as an error, never as a verdict. --no-cargo skips these scenarios; clippy runs only with
  --clippy, and the sandbox tests only with credentials (--auth-file or CONNECTOR_AUTH_FILE_PATH).

  Background:
    Given the connector under review
    And cargo may run

  @build-check @error
  Scenario: The connector compiles
    When cargo checks the connector's crate
    Then no compiler error is in the connector's own files

  @build-registration @error
  Scenario: The connector's registration compiles
    When cargo checks the crates that hold the registration points
    Then no compiler error at a registration point names the connector

  @build-clippy @error
  Scenario: The connector passes clippy with -D warnings
    When cargo clippy lints the connector's crate
    Then no lint fires in the connector's own files

  @build-unit-tests @error
  Scenario: The connector's unit tests pass
    When cargo test runs the connector's unit tests
    Then every unit test of the connector passes

  @build-sandbox-tests @error
  Scenario: The connector's sandbox tests pass
    When cargo test runs the router's sandbox tests for the connector
    Then every sandbox test of the connector passes
