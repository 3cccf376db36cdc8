"""Steps of features/preparation.feature (the rules skip themselves when the checkout has no grace/ folder)."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .catalogue import PREPARATION_RULE, PREPARATION_RULE_FOR_SELECTION, rules_for
from .review import ScenarioReview


@then(parsers.parse(PREPARATION_RULE))
def preparation_rule_holds(review: ScenarioReview, rule: str) -> None:
    review.require(rules_for(PREPARATION_RULE, rule=rule))


@then(parsers.parse(PREPARATION_RULE_FOR_SELECTION))
def preparation_rule_holds_for_selection(review: ScenarioReview, rule: str) -> None:
    review.require(rules_for(PREPARATION_RULE_FOR_SELECTION, rule=rule))
