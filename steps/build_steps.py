"""Steps of features/build.feature: each asks the run's cargo session through a build rule and lets the review
give the verdict. An InfraError from cargo propagates, so the scenario ends as an error, not a verdict."""

from __future__ import annotations

import pytest
from pytest_bdd import given, then, when

from checks.build_rules import cannot_judge, libtest_counts
from checks.cargo_session import CargoSession

from .review import ScenarioReview


def _skip_all(review: ScenarioReview, reason: str) -> None:
    for name in review.active():
        review.skip(name, reason)
    review.verdict()


def _judge(review: ScenarioReview, rule_id: str) -> None:
    """Run the rule's cargo command; skip each connector the build cannot judge (it fails elsewhere, no tests)."""
    for name in review.active():
        reason = cannot_judge(review.run.repo, name, rule_id)
        if reason is not None:
            review.skip(name, reason)
    if not review.active():
        review.verdict()


@given("cargo may run")
def cargo_may_run(review: ScenarioReview, cargo_session: CargoSession) -> None:
    if review.run.no_cargo:
        _skip_all(review, "--no-cargo: the build scenarios are skipped")


@given("clippy was requested with --clippy")
def clippy_requested(review: ScenarioReview, cargo_session: CargoSession) -> None:
    if not cargo_session.settings.clippy:
        _skip_all(review, "clippy not requested (pass --clippy to lint with -D warnings as Hyperswitch CI does)")


@given("connector credentials were given with --auth-file or CONNECTOR_AUTH_FILE_PATH")
def credentials_given(review: ScenarioReview, cargo_session: CargoSession) -> None:
    if cargo_session.settings.auth_file is None:
        _skip_all(review, "no connector credentials: the router's sandbox tests need --auth-file or "
                          "CONNECTOR_AUTH_FILE_PATH (a TOML with a [NAME] table, see sample_auth.toml)")


@when("cargo checks the connector's crate")
def cargo_check(review: ScenarioReview) -> None:
    _judge(review, "build.compiles")


@when("cargo checks the crates that hold the registration points")
def cargo_check_registration(review: ScenarioReview) -> None:
    _judge(review, "build.registration")


@when("cargo clippy lints the connector's crate")
def cargo_clippy(review: ScenarioReview) -> None:
    _judge(review, "build.clippy")


@when("cargo test runs the connector's unit tests")
def cargo_unit_tests(review: ScenarioReview) -> None:
    _judge(review, "build.unit-tests")


@when("cargo test runs the router's sandbox tests for the connector")
def cargo_sandbox_tests(review: ScenarioReview) -> None:
    _judge(review, "build.sandbox-tests")


@then("no compiler error is in the connector's own files")
def no_own_errors(review: ScenarioReview) -> None:
    review.require("build.compiles")


@then("no compiler error at a registration point names the connector")
def no_registration_errors(review: ScenarioReview) -> None:
    review.require("build.registration")


@then("no lint fires in the connector's own files")
def no_lints(review: ScenarioReview) -> None:
    review.require("build.clippy")


def _record_counts(request: pytest.FixtureRequest, review: ScenarioReview, purpose: str) -> None:
    for name in review.active():
        counts = libtest_counts(review.run.repo, name, purpose)
        request.node.user_properties.append((f"{purpose}[{name}]", counts.summary()))


@then("every unit test of the connector passes")
def unit_tests_pass(request: pytest.FixtureRequest, review: ScenarioReview) -> None:
    review.require("build.unit-tests")
    _record_counts(request, review, "unit-tests")


@then("every sandbox test of the connector passes")
def sandbox_tests_pass(request: pytest.FixtureRequest, review: ScenarioReview) -> None:
    review.require("build.sandbox-tests")
    _record_counts(request, review, "sandbox-tests")
