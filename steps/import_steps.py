"""Steps of features/imports.feature."""

from __future__ import annotations

from pytest_bdd import parsers, then

from .review import ScenarioReview


@then(parsers.parse('the import rule "{rule}" holds'))
def import_rule_holds(review: ScenarioReview, rule: str) -> None:
    review.require(f"imports.{rule}")
