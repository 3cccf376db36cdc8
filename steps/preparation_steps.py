"""Steps of features/preparation.feature."""

from __future__ import annotations

from pytest_bdd import given, parsers, then

from .review import ScenarioReview


@given("its GRACE preparation documents are expected")
def grace_documents_expected(review: ScenarioReview) -> None:
    review.only_where_grace_documents_apply()


@then(parsers.parse('the preparation rule "{rule}" holds'))
def preparation_rule_holds(review: ScenarioReview, rule: str) -> None:
    review.require(f"preparation.{rule}")


@then(parsers.parse('the preparation rule "{rule}" holds for the selected flows'))
def preparation_rule_holds_for_selection(review: ScenarioReview, rule: str) -> None:
    review.require(f"preparation.{rule}", with_selection=True)
