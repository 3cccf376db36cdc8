"""The CI gate: one exit code from the report (0 pass, 1 a check failed, 3 only infrastructure errors)."""

from __future__ import annotations

from .model import ComplianceReport

EXIT_PASS, EXIT_FAILED, EXIT_INFRA = 0, 1, 3
PYTEST_OWN = (2, 4, 5)  # interrupted, usage error, no tests collected: pytest's verdict stands


def gate_failures(report: ComplianceReport, fail_on: str) -> list[str]:
    """What fails the gate: failed scenarios at or above --fail-on, harness crashes, expired waivers."""
    reasons = []
    for connector in report.connectors.values():
        for result in connector.scenarios:
            counts = result.severity == "error" or fail_on == "warning"
            if (result.outcome == "failed" and counts) or (
                    result.outcome == "error" and not (result.reason or "").startswith("infrastructure:")):
                reasons.append(f"{connector.name}: {result.scenario}")
    reasons += [f"harness error: {e}" for e in report.harness_errors]
    reasons += [f"expired waiver: {w['connector']} / {w['scenario'] or w['tag']} (expired {w['expires']})"
                for w in report.waivers if w["status"] == "expired"]
    return reasons


def gate_exit_code(report: ComplianceReport, fail_on: str, pytest_status: int) -> int:
    if pytest_status in PYTEST_OWN:
        return pytest_status
    if gate_failures(report, fail_on):
        return EXIT_FAILED
    if any(r.outcome == "error" for c in report.connectors.values() for r in c.scenarios):
        return EXIT_INFRA
    return EXIT_PASS
