"""Steps of features/scaffolding.feature."""

from __future__ import annotations

from pytest_bdd import then

from .catalogue import (
    FILES_EXIST,
    INSIDE_CHECKOUT,
    MODULE_DECLARED,
    PLAIN_NAMES,
    SOURCES_PARSE,
    TRANSFORMERS_DECLARED,
    rules_for,
)
from .review import ScenarioReview


@then(FILES_EXIST)
def files_exist(review: ScenarioReview) -> None:
    review.require(rules_for(FILES_EXIST))


@then(MODULE_DECLARED)
def module_declared(review: ScenarioReview) -> None:
    review.require(rules_for(MODULE_DECLARED))


@then(TRANSFORMERS_DECLARED)
def transformers_declared(review: ScenarioReview) -> None:
    review.require(rules_for(TRANSFORMERS_DECLARED))


@then(SOURCES_PARSE)
def sources_parse(review: ScenarioReview) -> None:
    review.require(rules_for(SOURCES_PARSE))


@then(INSIDE_CHECKOUT)
def inside_checkout(review: ScenarioReview) -> None:
    review.require(rules_for(INSIDE_CHECKOUT))


@then(PLAIN_NAMES)
def plain_names(review: ScenarioReview) -> None:
    review.require(rules_for(PLAIN_NAMES))
