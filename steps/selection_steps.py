"""Steps of features/flow_selection.feature."""

from __future__ import annotations

from pytest_bdd import then

from .review import ScenarioReview


@then("every selected flow is wired so the router invokes it")
def router_invokes_selected_flows(review: ScenarioReview) -> None:
    review.require("selection.router-invokes", with_selection=True)
