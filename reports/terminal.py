"""The end-of-run checklist in the terminal: one table per connector, flows and scenario counts."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.table import Table

from .model import ComplianceReport

STATUS_STYLE = {"implemented": "green", "default": "yellow", "stub": "red", "missing": "bold red"}
CRATE_PREFIX = "crates/hyperswitch_connectors/src/"  # shortened in the table; the JSON keeps full paths
MAX_DETAILED = 12  # beyond this many connectors, one summary row each keeps the terminal readable


def render_terminal(report: ComplianceReport, width: int = 120) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    if len(report.connectors) > MAX_DETAILED:
        table = Table(title=f"connector-compliance: {len(report.connectors)} connectors")
        for column in ("connector", "flows done", "passed", "failed", "skipped", "error"):
            table.add_column(column)
        for c in report.connectors.values():
            done, total = c.completion()
            counts = c.counts()
            outcomes = (str(counts[k]) for k in ("passed", "failed", "skipped", "error"))
            table.add_row(c.name, f"{done}/{total}", *outcomes)
        console.print(table)
    else:
        for c in report.connectors.values():
            done, total = c.completion()
            table = Table(title=f"{c.name} ({c.type_name}): {done}/{total} selected flows implemented "
                                f"[selection: {c.selection.source}]")
            for column in ("flow", "status", "selected", "where"):
                table.add_column(column)
            for row in c.flow_rows():
                status = str(row["status"])
                selected = "yes" if row["selected"] else ("ignored" if row["ignored"] else "no")
                table.add_row(str(row["flow"]), f"[{STATUS_STYLE.get(status, '')}]{status}[/]", selected,
                              f"{str(row['file']).removeprefix(CRATE_PREFIX)}:{row['line']}")
            console.print(table)
            for s in c.scenarios:
                label = "WARNING" if s.severity == "warning" else s.outcome.upper()
                for f in s.findings:
                    console.print(f"  {label:7} {f.file}:{f.line} {f.message}")
    for note in report.notes:
        console.print(f"guide drift ({note['topic']}): the guide says {note['guide']}; the tree: {note['tree']}")
    return buffer.getvalue()
