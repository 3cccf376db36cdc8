"""The terminal summary takes target text as text: rich markup in it cannot crash the run, and no line that rich
folds can start with a GitHub workflow command."""

from __future__ import annotations

from connector_compliance.checks.core.finding import Finding
from connector_compliance.reports.terminal import render_terminal

from .report_samples import failing_report


def test_markup_and_workflow_commands_in_findings_stay_inert() -> None:
    report = failing_report()
    connector = next(iter(report.connectors.values()))
    result = connector.scenarios[0]
    result.findings.append(Finding("preparation.status", "x\n::error::NAME.md", 3,
                                   "unknown status `Charged[/]` [bold]x[/bold]"))
    result.findings.append(Finding("imports.resolve", "t.rs", 4,
                                   "use crate::utils::" + "A" * 97 + "::error::INJECTED_FOLD does not resolve"))
    for width in (60, 80, 120, 200):
        text = render_terminal(report, width=width)
        assert "Charged[/]" in text and "[bold]x[/bold]" in text
        assert "x\\n::error::NAME.md:3" in text
        assert not any(line.lstrip().startswith("::") for line in text.splitlines())
