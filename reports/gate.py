"""The CI gate: one exit code from the report (0 pass, 1 a check failed, 3 only infrastructure errors)."""

from __future__ import annotations

from .model import ComplianceReport

EXIT_PASS, EXIT_FAILED, EXIT_INFRA = 0, 1, 3
PYTEST_OWN = (2, 4, 5)  # interrupted, usage error, no tests collected: pytest's verdict stands


def gate_failures(report: ComplianceReport, fail_on: str) -> list[str]:
    """What fails the gate: failed scenarios at or above --fail-on (with a baseline, "failed" means with a new
    finding; a scenario whose findings all pre-exist is "pre-existing" and does not count), harness crashes,
    expired waivers."""
    reasons = []
    owners = [("run", result) for result in report.run_scenarios]
    owners += [(connector.name, result) for connector in report.connectors.values() for result in connector.scenarios]
    for owner, result in owners:
        counts = result.severity == "error" or fail_on == "warning"
        if (result.outcome == "failed" and counts) or (
                result.outcome == "error" and not (result.reason or "").startswith("infrastructure:")):
            reasons.append(f"{owner}: {result.scenario}")
    reasons += [f"harness error: {e}" for e in report.harness_errors]
    reasons += [f"expired waiver: {w['connector']} / {w['scenario'] or w['tag']} (expired {w['expires']})"
                for w in report.waivers if w["status"] == "expired"]
    return reasons


def gate_exit_code(report: ComplianceReport, fail_on: str, pytest_status: int) -> int:
    if pytest_status in PYTEST_OWN:
        return pytest_status
    if gate_failures(report, fail_on):
        return EXIT_FAILED
    if any(r.outcome == "error" for c in report.connectors.values() for r in c.scenarios) or any(
            r.outcome == "error" for r in report.run_scenarios):
        return EXIT_INFRA
    return EXIT_PASS


def _listed(items: list[str], limit: int = 3) -> str:
    shown = "; ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _failed_part(failed: list[str], fail_on: str) -> str:
    """`2 @error scenarios failed (samplepay): A; B`, or by connector when several: `... in 93 connectors: x (5)`."""
    level = "@error or @warning" if fail_on == "warning" else "@error"
    head = f"{len(failed)} {level} scenario{'s' if len(failed) != 1 else ''} failed"
    by_connector: dict[str, list[str]] = {}
    for reason in failed:
        connector, _, scenario = reason.partition(": ")
        by_connector.setdefault(connector, []).append(scenario)
    if len(by_connector) == 1:
        [(connector, scenarios)] = by_connector.items()
        return f"{head} ({connector}): {_listed(scenarios)}"
    return f"{head} in {len(by_connector)} connectors: " + _listed(
        [f"{connector} ({len(scenarios)})" for connector, scenarios in by_connector.items()], 5)


def exit_reason(report: ComplianceReport, fail_on: str, code: int) -> str | None:
    """Why the run exits non-zero, in one line (the terminal prints it last); None for exit 0 or pytest's own."""
    if code == EXIT_FAILED:
        failed, expired, crashed = [], [], []
        for reason in gate_failures(report, fail_on):
            if reason.startswith("expired waiver: "):
                expired.append(reason.removeprefix("expired waiver: "))
            elif reason.startswith("harness error: "):
                crashed.append(reason.removeprefix("harness error: "))
            else:
                failed.append(reason)
        parts = []
        if failed:
            parts.append(_failed_part(failed, fail_on))
        if expired:
            parts.append(f"expired waiver{'s' if len(expired) != 1 else ''}: {_listed(expired)}")
        if crashed:
            parts.append(f"the harness failed on {_listed(crashed)}")
        return f"exit 1: {' · '.join(parts)}" if parts else "exit 1: a test failed (see above)"
    if code == EXIT_INFRA:
        reasons = {}
        for connector in report.connectors.values():
            for result in connector.scenarios:
                if result.outcome == "error":
                    reasons.setdefault(result.reason or "no reason given", []).append(connector.name)
        n = sum(len(v) for v in reasons.values())
        return (f"exit 3: no check failed, but {n} scenario{'s' if n != 1 else ''} could not run: "
                f"{_listed(list(reasons), 2)}")
    return None
