"""Steps of features/pitfalls.feature."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .review import ScenarioReview


@then(parsers.parse("the guide's pitfall {number:d} is avoided"))
def pitfall_avoided(review: ScenarioReview, number: int) -> None:
    review.require(f"pitfall-{number}")
