"""Steps of features/flows.feature."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from .catalogue import FEATURE_FLOW_IMPLEMENTED, FLOW_IMPLEMENTED, rules_for
from .review import ScenarioReview

FLOW_EXPECTED = 'the "{flow}" flow is expected of it'
FEATURE_FLOW_EXPECTED = 'the "{flow}" flow is expected of it for a feature'


@when(parsers.parse(FLOW_EXPECTED), target_fixture="flow")
def flow_expected(review: ScenarioReview, flow: str) -> str:
    review.only_where_applies(rules_for(FLOW_EXPECTED, flow=flow), flow=flow)
    return flow


@when(parsers.parse(FEATURE_FLOW_EXPECTED), target_fixture="flow")
def feature_flow_expected(review: ScenarioReview, flow: str) -> str:
    review.only_where_applies(rules_for(FEATURE_FLOW_EXPECTED, flow=flow), flow=flow)
    return flow


@then(FLOW_IMPLEMENTED)
def flow_implemented(review: ScenarioReview, flow: str) -> None:
    review.require(rules_for(FLOW_IMPLEMENTED), flow=flow)


@then(FEATURE_FLOW_IMPLEMENTED)
def feature_flow_implemented(review: ScenarioReview, flow: str) -> None:
    review.require(rules_for(FEATURE_FLOW_IMPLEMENTED), flow=flow)
