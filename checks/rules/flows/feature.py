"""An expected feature flow (capture, void, refund, refund sync) is implemented: the same check as
flows/implemented.py, at warning severity, because only payments that use the feature go through these flows.

A connector whose declarations call for one of them (`CaptureMethod::Manual`, refunds Supported) while its code
is still a stub is inconsistent, and the finding says so; but it still takes payments, so the gate stays green
unless run with `--fail-on warning`. The flows every payment needs are errors (flows/implemented.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target.repository import Repository
from .implemented import check_flow, expected_here


def check_feature_flow(repo: Repository, name: str, flow: str) -> list[Finding]:
    return check_flow(repo, name, flow, rule_id=RULE.id)


RULE = Rule(
    id="flow-feature",
    severity="warning",
    title="Every expected feature flow (capture, void, refund, refund sync) is implemented",
    guide="Every selected flow has a ConnectorIntegration impl that builds a real request.",
    check=check_feature_flow,
    tags=("flows",),
    params=("flow",),
    applies=expected_here(every_payment=False),
)
