"""Steps of features/scaffolding.feature."""

from __future__ import annotations

from pytest_bdd import then

from .review import ScenarioReview


@then("its connector file and transformers file exist")
def files_exist(review: ScenarioReview) -> None:
    review.require("scaffolding.files")


@then("connectors.rs declares its module and re-exports its type")
def module_declared(review: ScenarioReview) -> None:
    review.require("scaffolding.module")


@then('its connector file declares "pub mod transformers;"')
def transformers_declared(review: ScenarioReview) -> None:
    review.require("scaffolding.transformers-module")


@then("every one of its Rust files parses")
def sources_parse(review: ScenarioReview) -> None:
    review.require("scaffolding.parses")
