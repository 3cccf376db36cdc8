"""Steps of features/flows.feature."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from .review import ScenarioReview


@when(parsers.parse('the "{flow}" flow is selected for it'), target_fixture="flow")
def flow_selected(review: ScenarioReview, flow: str) -> str:
    review.only_where_selected(flow)
    return flow


@then("its ConnectorIntegration impl builds a real request")
def flow_implemented(review: ScenarioReview, flow: str) -> None:
    review.require("flow", flow=flow)
