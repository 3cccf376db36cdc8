"""The terminal report and the numbers every renderer shows: target text stays text (no rich markup, no escape
sequence, no GitHub workflow command), guide drift is one line, and terminal, JSON, HTML and Markdown count alike."""

from __future__ import annotations

import dataclasses
import re

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.core.text import WORD_JOINER, inert_line, inert_lines
from connector_compliance.reports.counts import counts_text, finding_counts, report_counts, status_counts
from connector_compliance.reports.gate import exit_reason
from connector_compliance.reports.html import render_html
from connector_compliance.reports.markdown import render_markdown
from connector_compliance.reports.terminal import render_terminal

from .report_samples import failing_report, fleet_report, passing_report

HOSTILE = "[stripe] [bold red]x[/] :smile: \x1b[2J\x07 ##[error]legacy\n::add-mask::secret\r::error::boom"


def is_command(line: str) -> bool:
    """How the GitHub Actions runner reads a log line: `::cmd` after leading whitespace, or `##[` anywhere."""
    return line.lstrip().startswith("::") or "##[" in line


def test_inert_line_breaks_commands_and_shows_control_characters() -> None:
    assert inert_line("  ::error::x") == f"  {WORD_JOINER}::error::x"
    assert inert_line("a ##[warning]b") == f"a ##{WORD_JOINER}[warning]b"
    assert inert_line("\x1b[2J") == "\u241b[2J" and inert_line("a\tb") == "a\tb"
    assert inert_line("x::y") == "x::y"  # only a line's start makes a command
    block = inert_lines("ok\n::set-output name=a::b\n  ::stop-commands::t")
    assert block.count("\n") == 2 and not any(is_command(line) for line in block.splitlines())


def hostile_report():  # type: ignore[no-untyped-def]
    report = failing_report()
    connector = report.connectors["acme_pay"]
    result = next(r for r in connector.scenarios if r.outcome == "failed")
    result.findings = [Finding("registration.sample-auth", "crates/[connectors]/x.toml", 3, HOSTILE, HOSTILE)]
    report.notes.append({"kind": "guide-drift", "topic": HOSTILE, "guide": HOSTILE, "tree": HOSTILE})
    return report


def test_terminal_keeps_target_text_as_text() -> None:
    for show_drift in (False, True):
        out = render_terminal(hostile_report(), show_drift=show_drift)
        assert "\x1b" not in out and "\x07" not in out and "\r" not in out
        assert not [line for line in out.splitlines() if is_command(line)]
    out = render_terminal(hostile_report(), show_drift=True)
    assert "crates/[connectors]/x.toml:3 [stripe] [bold red]x[/] :smile:" in out  # nothing eaten as markup


def test_terminal_fleet_rows_wrap_no_line_into_a_command() -> None:
    report = fleet_report(20, scenarios_each=5)
    first = next(iter(report.connectors.values()))
    renamed = dataclasses.replace(first, name=" " * 40 + "::error::x" + " " * 40)
    report.connectors = {renamed.name: renamed, **report.connectors}
    assert not [line for line in render_terminal(report, width=60).splitlines() if is_command(line)]


def test_guide_drift_is_one_summary_line_unless_asked() -> None:
    report = passing_report()
    report.notes = [{"kind": "guide-drift", "topic": f"t{i}", "guide": "g", "tree": "t"} for i in range(7)]
    quiet = [line for line in render_terminal(report).splitlines() if "guide drift" in line]
    assert quiet == ["guide drift: 7 places where the integration guide and this tree disagree (the checks follow "
                     "the tree; listed in compliance.html and compliance.json, or rerun with --show-drift)"]
    loud = [line for line in render_terminal(report, show_drift=True).splitlines() if "guide drift" in line]
    assert len(loud) == 7 and loud[0].startswith("guide drift (t0): the guide says g")


def test_counts_separate_errors_warnings_and_waived() -> None:
    report = failing_report()
    counts = report_counts(report)
    assert counts == {"failed": 3, "error": 1, "warning": 1, "pre-existing": 0, "waived": 1, "skipped": 5, "passed": 9}
    results = report.connectors["acme_pay"].scenarios
    assert finding_counts(results) == {"error": 3, "warning": 1}
    assert counts_text(results) == ("3 failed (3 findings), 1 could not run, 1 warning (1 finding), 1 waived, "
                                    "5 skipped, 9 passed")


def test_every_renderer_shows_the_same_counts() -> None:
    report = failing_report()
    text = counts_text(report.connectors["acme_pay"].scenarios)
    assert f"acme_pay: {text}" in render_terminal(report)
    markdown = render_markdown(report)
    assert f"Scenarios: 1 failing connector · {text}." in markdown
    assert "**3 errors · 1 warning**" in markdown and "### Findings (4)" in markdown  # the findings behind them
    assert report.as_dict()["connectors"][0]["summary"] == report_counts(report)  # type: ignore[index]
    page = render_html(report)
    chips = {s: int(n) for s, n in re.findall(r'<button type="button" class="chip s-(\w+)[^"]*" data-s="\w+" '
                                              r'title="[^"]*"><b>(\d+)</b>', page)}
    assert chips == {s: n for s, n in report_counts(report).items() if s != "pre-existing"}  # no baseline: no chip
    assert "3 findings in failed scenarios, 1 in warnings" in page


def test_fleet_columns_match_between_terminal_and_html() -> None:
    report = fleet_report(20, scenarios_each=9)
    terminal = render_terminal(report)
    header = next(line for line in terminal.splitlines() if "connector" in line and "flows done" in line)
    columns = [c.strip() for c in header.strip("┃│ ").split("┃")]
    assert columns == ["connector", "flows done", "failed", "could not run", "warnings", "waived", "skipped",
                       "passed"]
    page = render_html(report)
    for connector in list(report.connectors.values())[:5]:
        counts = status_counts(connector.scenarios)
        row = next(line for line in terminal.splitlines() if f" {connector.name} " in line)
        cells = [c.strip() for c in row.strip("│ ").split("│")]
        assert cells[2:] == [str(counts[s]) for s in ("failed", "error", "warning", "waived", "skipped", "passed")]
        html_row = page[page.index(f'<td data-v="{connector.name}">'):]
        html_row = html_row[:html_row.index("</tr>")]
        numbers = re.findall(r'<td data-v="(\d+)" class="[^"]*">\d+</td>', html_row)[:6]
        assert numbers == cells[2:]


def test_exit_reason_names_what_failed() -> None:
    report = failing_report()
    reason = exit_reason(report, "error", 1)
    assert reason is not None and reason.startswith("exit 1: 3 @error scenarios failed (acme_pay): ")
    assert "expired waiver: acme_pay / cargo (expired 2000-01-01)" in reason
    assert "\n" not in reason
    assert exit_reason(passing_report(), "error", 0) is None
    report.waivers = []
    for connector in report.connectors.values():
        connector.scenarios = [r for r in connector.scenarios if r.outcome != "failed"]
    assert exit_reason(report, "error", 3) == ("exit 3: no check failed, but 1 scenario could not run: "
                                               "infrastructure: cargo is not on PATH")
    fleet = exit_reason(fleet_report(30, scenarios_each=20), "error", 1)
    assert fleet is not None and re.match(r"exit 1: \d+ @error scenarios failed in \d+ connectors: connector_\d+ "
                                          r"\(\d+\)", fleet)
