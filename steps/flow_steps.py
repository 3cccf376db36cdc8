"""Steps of features/flows.feature."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from .catalogue import FLOW_IMPLEMENTED, rules_for
from .review import ScenarioReview

FLOW_SELECTED = 'the "{flow}" flow is selected for it'


@when(parsers.parse(FLOW_SELECTED), target_fixture="flow")
def flow_selected(review: ScenarioReview, flow: str) -> str:
    review.only_where_applies(rules_for(FLOW_SELECTED, flow=flow), flow=flow)
    return flow


@then(FLOW_IMPLEMENTED)
def flow_implemented(review: ScenarioReview, flow: str) -> None:
    review.require(rules_for(FLOW_IMPLEMENTED), flow=flow)
