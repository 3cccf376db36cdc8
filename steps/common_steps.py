"""Steps shared by every feature."""

from __future__ import annotations

from pytest_bdd import given

from .review import ScenarioReview


@given("the connector under review")
def connector_under_review(review: ScenarioReview) -> ScenarioReview:
    return review
