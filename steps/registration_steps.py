"""Steps of features/registration.feature."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .review import ScenarioReview


@then(parsers.parse('the registration point "{point}" holds'))
def registration_point_holds(review: ScenarioReview, point: str) -> None:
    review.require("scaffolding.module" if point == "module" else f"registration.{point}")
