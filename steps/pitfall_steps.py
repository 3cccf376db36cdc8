"""Steps of features/pitfalls.feature: a pitfall runs every rule tagged with it (pitfall 2 has three); the
compiling mistakes no guide pitfall names run one rule each."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .catalogue import PITFALL, PITFALL_RULE, rules_for
from .review import ScenarioReview


@then(parsers.parse(PITFALL))
def pitfall_avoided(review: ScenarioReview, number: int) -> None:
    review.require(rules_for(PITFALL, number=number))


@then(parsers.parse(PITFALL_RULE))
def pitfall_rule_holds(review: ScenarioReview, rule: str) -> None:
    review.require(rules_for(PITFALL_RULE, rule=rule))
