"""Steps of features/imports.feature."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .catalogue import IMPORT_RULE, rules_for
from .review import ScenarioReview


@then(parsers.parse(IMPORT_RULE))
def import_rule_holds(review: ScenarioReview, rule: str) -> None:
    review.require(rules_for(IMPORT_RULE, rule=rule))
