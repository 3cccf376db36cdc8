"""Steps of features/registration.feature (a registration point is named as the guide and the anatomy name it)
and of features/shared_files.feature (the files the points live in, judged once per run)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then

from .catalogue import EMBEDDED_TOMLS_PARSE, REGISTRATION_POINT, TOMLS_PARSE, rules_for
from .review import ScenarioReview


@then(parsers.parse(REGISTRATION_POINT))
def registration_point_holds(review: ScenarioReview, point: str) -> None:
    review.require(rules_for(REGISTRATION_POINT, point=point))


@then(TOMLS_PARSE)
def registration_tomls_parse(review: ScenarioReview) -> None:
    review.require(rules_for(TOMLS_PARSE))


@given("the shared files of the tree")
def shared_files(review: ScenarioReview) -> ScenarioReview:
    return review


@then(EMBEDDED_TOMLS_PARSE)
def embedded_tomls_parse(review: ScenarioReview) -> None:
    review.require(rules_for(EMBEDDED_TOMLS_PARSE))
