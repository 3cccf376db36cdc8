"""Steps of features/flow_selection.feature."""

from __future__ import annotations

from pytest_bdd import then

from .catalogue import ROUTER_INVOKES, rules_for
from .review import ScenarioReview


@then(ROUTER_INVOKES)
def router_invokes_selected_flows(review: ScenarioReview) -> None:
    review.require(rules_for(ROUTER_INVOKES))
