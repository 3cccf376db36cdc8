"""Which rules each rule-running step reaches: the one table the step definitions and the Gherkin ↔ registry
consistency test (tests/test_consistency.py) both read. A target is a rule id, or `tag:` and a guide name."""

from __future__ import annotations

from connector_compliance.checks.core.registry import rule, tagged
from connector_compliance.checks.core.rule import Rule

FILES_EXIST = "its connector file and transformers file exist"
MODULE_DECLARED = "connectors.rs declares its module and re-exports its type"
TRANSFORMERS_DECLARED = 'its connector file declares "pub mod transformers;"'
SOURCES_PARSE = "every one of its Rust files parses"
INSIDE_CHECKOUT = "no file it reads is a symlink out of the checkout or too large to check"
PLAIN_NAMES = "every connector module and file name it reads is plain"
REGISTRATION_POINT = "registration point {point} holds"
TOMLS_PARSE = "the TOML files the registration points read parse"
EMBEDDED_TOMLS_PARSE = "every TOML file the code embeds with include_str! parses"
PITFALL = "the guide's pitfall {number:d} is avoided"
IMPORT_RULE = 'the import rule "{rule}" holds'
PITFALL_RULE = 'the pitfall rule "{rule}" holds'
PREPARATION_RULE = 'the preparation rule "{rule}" holds'
PREPARATION_RULE_FOR_SELECTION = 'the preparation rule "{rule}" holds for the selected flows'
ROUTER_INVOKES = "every selected flow is wired so the router invokes it"
FLOW_IMPLEMENTED = "its ConnectorIntegration impl builds a real request"
FEATURE_FLOW_IMPLEMENTED = "its ConnectorIntegration impl builds a real request for that feature"
NO_OWN_ERRORS = "no compiler error is in the connector's own files"
NO_REGISTRATION_ERRORS = "no compiler error at a registration point names the connector"
NO_LINTS = "no lint fires in the connector's own files"
UNIT_TESTS_PASS = "every unit test of the connector passes"
SANDBOX_TESTS_PASS = "every sandbox test of the connector passes"

RULE_STEPS: dict[str, str] = {
    FILES_EXIST: "scaffolding.files",
    MODULE_DECLARED: "scaffolding.module",
    TRANSFORMERS_DECLARED: "scaffolding.transformers-module",
    SOURCES_PARSE: "scaffolding.parses",
    INSIDE_CHECKOUT: "scaffolding.inside-checkout",
    PLAIN_NAMES: "scaffolding.module-names",
    REGISTRATION_POINT: "tag:{point}",
    TOMLS_PARSE: "registration.toml-parses",
    EMBEDDED_TOMLS_PARSE: "registration.embedded-toml-parses",
    PITFALL: "tag:pitfall-{number}",
    IMPORT_RULE: "imports.{rule}",
    PITFALL_RULE: "pitfalls.{rule}",
    PREPARATION_RULE: "preparation.{rule}",
    PREPARATION_RULE_FOR_SELECTION: "preparation.{rule}",
    ROUTER_INVOKES: "selection.router-invokes",
    FLOW_IMPLEMENTED: "flow",
    FEATURE_FLOW_IMPLEMENTED: "flow-feature",
    NO_OWN_ERRORS: "build.compiles",
    NO_REGISTRATION_ERRORS: "build.registration",
    NO_LINTS: "build.clippy",
    UNIT_TESTS_PASS: "build.unit-tests",
    SANDBOX_TESTS_PASS: "build.sandbox-tests",
}

# Steps that only prepare a rule's run (their rules are checked by the Then step that follows).
WHEN_STEPS: dict[str, str] = {
    'the "{flow}" flow is expected of it': "flow",
    'the "{flow}" flow is expected of it for a feature': "flow-feature",
    "cargo checks the connector's crate": "build.compiles",
    "cargo checks the crates that hold the registration points": "build.registration",
    "cargo clippy lints the connector's crate": "build.clippy",
    "cargo test runs the connector's unit tests": "build.unit-tests",
    "cargo test runs the router's sandbox tests for the connector": "build.sandbox-tests",
}


def rules_for(template: str, **values: object) -> list[Rule]:
    """The rules a step reaches, its placeholders filled in; unknown ids raise KeyError (a broken step)."""
    target = (RULE_STEPS.get(template) or WHEN_STEPS[template]).format(**values)
    if target.startswith("tag:"):
        found = tagged(target[4:])
        if not found:
            raise KeyError(f"no rule answers to {target[4:]!r}")
        return found
    return [rule(target)]
