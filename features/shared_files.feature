@run-level @shared-files
Feature: Shared files
  Some findings belong to no single connector: a shared file that does not parse breaks every connector at
  once. These scenarios run once per run, not once per connector, and their findings are reported once, in the
  run-level list of every report. A TOML file the code compiles in with include_str! and reads at run time
  (connector_configs' Control Center TOMLs) must parse: that is an error. The other TOML files the registration
  points read (the deployable configs) are checked line by line when they do not parse: that is a warning.

  Background:
    Given the shared files of the tree

  @error @registration-toml-embedded
  Scenario: The TOML files the code embeds parse
    Then every TOML file the code embeds with include_str! parses

  @warning @registration-toml
  Scenario: The other TOML files the registration points read parse
    Then the TOML files the registration points read parse
