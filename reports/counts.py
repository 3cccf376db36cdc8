"""The one place a run's numbers are computed, so the terminal, compliance.json, compliance.html and summary.md
never disagree: a scenario's display status (a failed @warning scenario is a warning, not a failure), the
scenarios per status, and the findings of failing scenarios per severity.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import ComplianceReport, ScenarioResult

# In the order every renderer lists them: what fails the gate first. "pre-existing": with a baseline
# (--changed-since, --baseline), a scenario whose findings were all in the base tree (reported, never gating).
STATUSES = ("failed", "error", "warning", "pre-existing", "waived", "skipped", "passed")
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}
# The words every renderer uses for a count: (one, several).
STATUS_WORDS = {
    "failed": ("failed", "failed"),
    "error": ("could not run", "could not run"),
    "warning": ("warning", "warnings"),
    "pre-existing": ("pre-existing", "pre-existing"),
    "waived": ("waived", "waived"),
    "skipped": ("skipped", "skipped"),
    "passed": ("passed", "passed"),
}
SEVERITIES = ("error", "warning")


def shown_statuses(report: ComplianceReport) -> tuple[str, ...]:
    """The statuses a report's tables and chips list: "pre-existing" only when the run has a baseline."""
    return STATUSES if report.baseline is not None else tuple(s for s in STATUSES if s != "pre-existing")


def display_status(result: ScenarioResult) -> str:
    """failed | error | warning | pre-existing | waived | skipped | passed: how a reviewer reads the scenario's
    outcome."""
    if result.outcome == "failed" and result.severity == "warning":
        return "warning"
    return result.outcome if result.outcome in STATUS_RANK else "error"


def status_counts(results: Iterable[ScenarioResult]) -> dict[str, int]:
    """Scenarios per display status, every status present (0 when none)."""
    counts = dict.fromkeys(STATUSES, 0)
    for result in results:
        counts[display_status(result)] += 1
    return counts


def report_counts(report: ComplianceReport) -> dict[str, int]:
    """Scenarios per display status over every connector of the run."""
    return status_counts(r for c in report.connectors.values() for r in c.scenarios)


def finding_counts(results: Iterable[ScenarioResult]) -> dict[str, int]:
    """Findings of failing scenarios per severity: those of failed @error scenarios under "error", those of
    failed @warning scenarios under "warning" (waived and passed scenarios' findings are not problems)."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for result in results:
        status = display_status(result)
        if status == "failed":
            counts["error"] += len(result.findings)
        elif status == "warning":
            counts["warning"] += len(result.findings)
    return counts


def count_word(status: str, n: int) -> str:
    one, several = STATUS_WORDS[status]
    return f"{n} {one if n == 1 else several}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts_text(results: Iterable[ScenarioResult]) -> str:
    """The non-zero counts in one phrase, with the findings behind failures and warnings:
    `1 failed (3 findings), 2 warnings (5 findings), 1 waived, 40 passed`."""
    results = list(results)
    counts, findings = status_counts(results), finding_counts(results)
    parts = []
    for status in STATUSES:
        if not counts[status]:
            continue
        part = count_word(status, counts[status])
        behind = findings.get({"failed": "error", "warning": "warning"}.get(status, ""), 0)
        parts.append(f"{part} ({plural(behind, 'finding')})" if behind else part)
    return ", ".join(parts) or "no scenarios"
