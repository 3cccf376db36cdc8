"""Per connector, the outcome of a finished scenario: passed, failed, waived, skipped or error, and its steps."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.finding import Finding
from .scenario import ScenarioRun


@dataclass(frozen=True)
class ConnectorVerdict:
    connector: str
    outcome: str  # passed | failed | waived | skipped | error
    findings: list[Finding]
    reason: str | None
    step_statuses: list[str]  # per step: passed | failed | skipped


def connector_verdicts(scenario: ScenarioRun, step_count: int, crash: str | None) -> list[ConnectorVerdict]:
    """`crash` is the reason the scenario stopped before any verdict (a harness or infrastructure error)."""
    verdicts = []
    for name, outcome in scenario.outcomes.items():
        if outcome.skipped is not None:
            verdict, reason = "skipped", outcome.skipped
        elif outcome.findings and outcome.waived is not None:
            verdict, reason = "waived", outcome.waived
        elif outcome.findings:
            verdict, reason = "failed", None
        elif crash is not None:
            verdict, reason = "error", crash
        else:
            verdict, reason = "passed", None
        verdicts.append(ConnectorVerdict(name, verdict, list(outcome.findings), reason,
                                         step_statuses(step_count, verdict, outcome.stopped_at)))
    return verdicts


def step_statuses(step_count: int, verdict: str, stopped_at: int | None) -> list[str]:
    """Steps before the one that stopped a connector passed; that one failed (or skipped); later ones skipped."""
    statuses = []
    for index in range(step_count):
        if stopped_at is None or index < stopped_at:
            status = "passed" if verdict in ("passed", "failed", "skipped") else "skipped"
        elif index == stopped_at:
            status = "failed" if verdict in ("failed", "waived", "error") else "skipped"
        else:
            status = "skipped"
        statuses.append(status)
    return statuses
