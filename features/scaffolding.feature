@scaffolding
Feature: Connector scaffolding
  A connector lives in crates/hyperswitch_connectors/src/connectors/<name>.rs with its request and
  response types in <name>/transformers.rs, and is declared in connectors.rs.

  Background:
    Given the connector under review

  @error
  Scenario: The connector's own files exist
    Then its connector file and transformers file exist

  @error @P1
  Scenario: The connector module is declared and its type re-exported
    Then connectors.rs declares its module and re-exports its type

  @error
  Scenario: The connector file declares its transformers module
    Then its connector file declares "pub mod transformers;"

  @error
  Scenario: The connector's Rust files parse
    Then every one of its Rust files parses

  @error
  Scenario: The files the harness reads are files of the checkout
    Then no file it reads is a symlink out of the checkout or too large to check

  @error
  Scenario: Module and file names read from the tree are plain
    Then every connector module and file name it reads is plain
