"""Steps of features/build.feature: each When step runs its rule's cargo command through the run's session and
skips the connectors the build cannot judge; each Then step gives the verdict. An InfraError from cargo
propagates, so the scenario ends as an error, not a verdict."""

from __future__ import annotations

import pytest
from connector_compliance.checks.rules.build import sandbox_tests, unit_tests
from pytest_bdd import given, then, when

from .cargo_wiring import session_of_run
from .catalogue import (
    NO_LINTS,
    NO_OWN_ERRORS,
    NO_REGISTRATION_ERRORS,
    SANDBOX_TESTS_PASS,
    UNIT_TESTS_PASS,
    WHEN_STEPS,
    rules_for,
)
from .review import ScenarioReview

CHECK, REGISTRATION, CLIPPY, UNIT, SANDBOX = [step for step, rule in WHEN_STEPS.items() if rule.startswith("build.")]


@given("cargo may run")
def cargo_may_run(request: pytest.FixtureRequest, review: ScenarioReview) -> None:
    session_of_run(request.config, review.run)


@when(CHECK)
def cargo_check(review: ScenarioReview) -> None:
    review.only_where_applies(rules_for(CHECK))


@when(REGISTRATION)
def cargo_check_registration(review: ScenarioReview) -> None:
    review.only_where_applies(rules_for(REGISTRATION))


@when(CLIPPY)
def cargo_clippy(review: ScenarioReview) -> None:
    review.only_where_applies(rules_for(CLIPPY))


@when(UNIT)
def cargo_unit_tests(review: ScenarioReview) -> None:
    review.only_where_applies(rules_for(UNIT))


@when(SANDBOX)
def cargo_sandbox_tests(review: ScenarioReview) -> None:
    review.only_where_applies(rules_for(SANDBOX))


@then(NO_OWN_ERRORS)
def no_own_errors(review: ScenarioReview) -> None:
    review.require(rules_for(NO_OWN_ERRORS))


@then(NO_REGISTRATION_ERRORS)
def no_registration_errors(review: ScenarioReview) -> None:
    review.require(rules_for(NO_REGISTRATION_ERRORS))


@then(NO_LINTS)
def no_lints(review: ScenarioReview) -> None:
    review.require(rules_for(NO_LINTS))


@then(UNIT_TESTS_PASS)
def unit_tests_pass(request: pytest.FixtureRequest, review: ScenarioReview) -> None:
    review.require(rules_for(UNIT_TESTS_PASS))
    for name in review.active():
        counts = unit_tests.counts(review.run.cargo, name)  # type: ignore[arg-type]
        request.node.user_properties.append((f"unit-tests[{name}]", counts.summary()))


@then(SANDBOX_TESTS_PASS)
def sandbox_tests_pass(request: pytest.FixtureRequest, review: ScenarioReview) -> None:
    review.require(rules_for(SANDBOX_TESTS_PASS))
    for name in review.active():
        counts = sandbox_tests.counts(review.run.cargo, name)  # type: ignore[arg-type]
        request.node.user_properties.append((f"sandbox-tests[{name}]", counts.summary()))
