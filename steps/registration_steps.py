"""Steps of features/registration.feature: a registration point is named as the guide and the anatomy name it."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .catalogue import REGISTRATION_POINT, TOMLS_PARSE, rules_for
from .review import ScenarioReview


@then(parsers.parse(REGISTRATION_POINT))
def registration_point_holds(review: ScenarioReview, point: str) -> None:
    review.require(rules_for(REGISTRATION_POINT, point=point))


@then(TOMLS_PARSE)
def registration_tomls_parse(review: ScenarioReview) -> None:
    review.require(rules_for(TOMLS_PARSE))
