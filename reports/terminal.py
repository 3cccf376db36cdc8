"""The end-of-run checklist in the terminal: one table per connector (or one row each in a fleet run), every
finding, the counts and one line for guide drift.

Everything from the target goes in as rich `Text` (never parsed as markup, so `[stripe]` stays `[stripe]`), and
the rendered block is made inert line by line (checks/core/text.py): no terminal control sequence and no GitHub
workflow command can come out of a connector's file, message or waiver.
File names are shown with their control characters escaped (`\n`, `\x1b`).
"""

from __future__ import annotations

from io import StringIO

from connector_compliance.checks.core.names import printable
from connector_compliance.checks.core.text import inert_lines, one_line
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .counts import (
    STATUSES,
    count_word,
    counts_text,
    display_status,
    report_counts,
    shown_statuses,
    status_counts,
)
from .model import FIXED, NEW, PRE_EXISTING, ComplianceReport, ConnectorReport, ScenarioResult
from .sections import condensed_why, judged_findings

STATUS_STYLE = {"implemented": "green", "flawed": "magenta", "default": "yellow", "stub": "red", "missing": "bold red"}
CRATE_PREFIX = "crates/hyperswitch_connectors/src/"  # shortened in the table; the JSON keeps full paths
MAX_DETAILED = 12  # beyond this many connectors, one summary row each keeps the terminal readable
FINDING_LABEL = {"failed": "ERROR", "warning": "WARNING", "waived": "WAIVED", "error": "ERROR", "passed": "NOTE",
                 "skipped": "NOTE", "pre-existing": "KNOWN"}
# The fleet table's count columns: the same statuses, in the same order and words, as the HTML report's.
FLEET_COLUMNS = tuple((status, count_word(status, 2).split(" ", 1)[1]) for status in STATUSES)


def _text(value: object) -> Text:
    return Text(one_line(str(value)))


def _fleet_table(report: ComplianceReport) -> Table:
    table = Table(title=Text(f"connector-compliance: {len(report.connectors)} connectors"))
    table.add_column("connector")
    table.add_column("flows done")
    columns = [(status, word) for status, word in FLEET_COLUMNS if status in shown_statuses(report)]
    for _, word in columns:
        table.add_column(word, justify="right")
    for c in report.connectors.values():
        done, total = c.completion()
        counts = status_counts(c.scenarios)
        table.add_row(_text(c.name), Text(f"{done}/{total}"), *(Text(str(counts[s])) for s, _ in columns))
    return table


def _connector_table(connector: ConnectorReport) -> Table:
    done, total = connector.completion()
    title = (f"{connector.name} ({connector.type_name}): {done}/{total} selected flows implemented "
             f"[selection: {connector.selection.source}]")
    table = Table(title=_text(title))
    for column in ("flow", "status", "selected", "where", "expected because"):
        table.add_column(column, no_wrap=column == "expected because", max_width=60)
    for row in connector.flow_rows():
        status = str(row["status"])
        selected = "yes" if row["selected"] else ("ignored" if row["ignored"] else "no")
        where = f"{printable(str(row['file'])).removeprefix(CRATE_PREFIX)}:{row['line']}"
        table.add_row(_text(row["flow"]), Text(one_line(status), style=STATUS_STYLE.get(status, "")), Text(selected),
                      _text(where), _text(row.get("because", "")))
    return table


def _print_findings(console: Console, result: ScenarioResult, prefix: str = "") -> None:
    label = FINDING_LABEL.get(display_status(result), "NOTE")
    for index, f in enumerate(result.findings):
        status = f" ({result.status_of(index)})" if result.statuses else ""
        console.print(_text(f"  {prefix}{label:7} {printable(f.file)}:{f.line} {f.message}{status}"), soft_wrap=True)


def drift_lines(report: ComplianceReport, show_drift: bool) -> list[str]:
    """One summary line with the count, or (with --show-drift) one line per note."""
    if not report.notes:
        return []
    if not show_drift:
        n = len(report.notes)
        return [f"guide drift: {n} place{'s' if n != 1 else ''} where the integration guide and this tree disagree "
                "(the checks follow the tree; listed in compliance.html and compliance.json, or rerun with "
                "--show-drift)"]
    return [f"guide drift ({note.get('topic', '')}): the guide says {note.get('guide', '')}; the tree: "
            f"{note.get('tree', '')}" for note in report.notes]


def render_terminal(report: ComplianceReport, width: int = 120, show_drift: bool = False) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None, highlight=False,
                      emoji=False, markup=False)
    if len(report.connectors) > MAX_DETAILED:
        console.print(_fleet_table(report))
    else:
        for c in report.connectors.values():
            console.print(_connector_table(c))
            if c.why:
                console.print(_text(f"  why checked: {'; '.join(condensed_why(c.why))}"), soft_wrap=True)
            if c.stage is not None and c.stage.template:
                console.print(_text(f"  {c.stage.because}"), soft_wrap=True)
                for item in c.stage.todo:
                    console.print(_text(f"    to do: {item}"), soft_wrap=True)
            for s in c.scenarios:
                _print_findings(console, s)
            console.print(_text(f"{c.name}: {counts_text(c.scenarios)}"), soft_wrap=True)
    for s in report.run_scenarios:
        _print_findings(console, s, "run level: ")
    if not report.connectors:
        console.print(_text("no connector is concerned by the change: only the run-level scenarios ran"))
    if report.baseline is not None:
        judged = {status: len(judged_findings(report, (status,))) for status in (NEW, PRE_EXISTING, FIXED)}
        console.print(_text(f"judged against {str(report.baseline['commit'])[:12]} (git merge-base "
                            f"{report.baseline['ref']} HEAD): {judged[NEW]} new, {judged[PRE_EXISTING]} "
                            f"pre-existing, {judged[FIXED]} fixed"), soft_wrap=True)
    if len(report.connectors) != 1:
        results = [r for c in report.connectors.values() for r in c.scenarios]
        total = report_counts(report)
        failing = sum(1 for c in report.connectors.values() if status_counts(c.scenarios)["failed"])
        console.print(_text(f"{len(report.connectors)} connectors ({failing} failing): {counts_text(results)}"
                            if any(total.values()) else f"{len(report.connectors)} connectors: no scenario ran"))
    for line in drift_lines(report, show_drift):
        console.print(_text(line), soft_wrap=True)
    for line in report.policy:
        console.print(_text(f"REVIEW  {line}"), soft_wrap=True)
    if report.not_shown:
        console.print(_text(f"{report.not_shown} more findings not shown (caps per rule, file and report); every "
                            "failing scenario still fails the run"), soft_wrap=True)
    return inert_lines(buffer.getvalue())
