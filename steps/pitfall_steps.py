"""Steps of features/pitfalls.feature: a pitfall runs every rule tagged with it (pitfall 2 has three)."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .catalogue import PITFALL, rules_for
from .review import ScenarioReview


@then(parsers.parse(PITFALL))
def pitfall_avoided(review: ScenarioReview, number: int) -> None:
    review.require(rules_for(PITFALL, number=number))
