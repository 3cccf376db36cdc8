"""Per connector, the outcome of a finished scenario: passed, failed, waived, skipped or error, and its steps."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.finding import Finding
from .baseline import NEW, Comparison
from .context import RUN_LEVEL
from .scenario import ScenarioRun


@dataclass(frozen=True)
class ConnectorVerdict:
    connector: str
    outcome: str  # passed | failed | pre-existing | waived | skipped | error
    findings: list[Finding]
    reason: str | None
    step_statuses: list[str]  # per step: passed | failed | skipped
    comparison: Comparison | None = None  # with a baseline: each finding's status, and the fixed ones


def connector_verdicts(scenario: ScenarioRun, step_count: int, crash: str | None) -> list[ConnectorVerdict]:
    """`crash` is the reason the scenario stopped before any verdict (a harness or infrastructure error)."""
    verdicts = []
    for name, outcome in scenario.outcomes.items():
        if outcome.skipped is not None:
            verdict, reason = "skipped", outcome.skipped
        elif outcome.findings and outcome.waived is not None:
            verdict, reason = "waived", outcome.waived
        elif outcome.new_findings():
            verdict, reason = "failed", None
        elif outcome.findings:
            verdict, reason = "pre-existing", None
        elif crash is not None:
            verdict, reason = "error", crash
        else:
            verdict, reason = "passed", None
        verdicts.append(ConnectorVerdict(name, verdict, list(outcome.findings), reason,
                                         step_statuses(step_count, verdict, outcome.stopped_at),
                                         outcome.comparison))
    return verdicts


def step_statuses(step_count: int, verdict: str, stopped_at: int | None) -> list[str]:
    """Steps before the one that stopped a connector passed; that one failed (or skipped); later ones skipped."""
    statuses = []
    for index in range(step_count):
        if stopped_at is None or index < stopped_at:
            status = "passed" if verdict in ("passed", "failed", "pre-existing", "skipped") else "skipped"
        elif index == stopped_at:
            status = "failed" if verdict in ("failed", "pre-existing", "waived", "error") else "skipped"
        else:
            status = "skipped"
        statuses.append(status)
    return statuses


def run_level_verdict(scenario: ScenarioRun, step_count: int) -> ConnectorVerdict | None:
    """The run-level findings the scenario's rules raised for any of its connectors (a missing shared file), once:
    failed when one is new (every one without a baseline), pre-existing otherwise; None when there are none."""
    seen: dict[tuple[str, str, int, str], int] = {}
    findings: list[Finding] = []
    merged = Comparison() if scenario.run.baseline is not None else None
    for outcome in scenario.outcomes.values():
        comparison = outcome.shared_comparison
        for index, finding in enumerate(outcome.shared):
            key = (finding.rule, finding.file, finding.line, finding.message)
            if key in seen:
                continue
            seen[key] = len(findings)
            findings.append(finding)
            if merged is not None and comparison is not None:
                merged.statuses.append(comparison.statuses[index])
                merged.fingerprints.append(comparison.fingerprints[index])
        if merged is not None and comparison is not None:
            for finding, fingerprint in zip(comparison.fixed, comparison.fixed_fingerprints, strict=True):
                if fingerprint not in merged.fixed_fingerprints:
                    merged.fixed.append(finding)
                    merged.fixed_fingerprints.append(fingerprint)
    if not findings and not (merged and merged.fixed):
        return None
    new = merged is None or NEW in merged.statuses
    outcome = ("failed" if new else "pre-existing") if findings else "passed"
    return ConnectorVerdict(RUN_LEVEL, outcome, findings, None,
                            step_statuses(step_count, outcome, step_count - 1 if findings else None), merged)
