"""summary.md: per-connector line and flow table, failing findings errors first, escaping, the 1 MiB budget."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from connector_compliance.checks.core.finding import Finding
from connector_compliance.reports.markdown import MAX_BYTES, code, render_markdown, text, write_markdown

from .report_samples import ACME_RS, SAMPLE_AUTH, VOID_BUILD_LINE, XSS, failing_report, fleet_report, passing_report


def test_passing_summary_has_the_connector_line_and_flow_table() -> None:
    summary = render_markdown(passing_report())
    assert "1 connector checked" in summary and "**0 failing**" in summary
    assert "✅ **samplepay** (Samplepay): **6/6** selected flows implemented" in summary
    assert re.search(r"^\| authorize \| yes \| ✅ implemented \| `connectors/samplepay\.rs:\d+` \|", summary, re.M)
    assert re.search(r"^\| preprocessing \| no \| \*implemented\* \|", summary, re.M)
    assert "<details><summary>Flows: every selected flow implemented</summary>" in summary  # collapsed
    assert "No failing check. ✅" in summary
    assert "### Errors" not in summary and "### Warnings" not in summary
    assert "`compliance.html`" in summary


def test_failing_summary_lists_findings_errors_first_with_location_and_fix() -> None:
    summary = render_markdown(failing_report())
    assert "❌ **acme\\_pay** (AcmePay): **5/6** selected flows implemented" in summary
    assert re.search(r"^\| cancel \| yes \| 🟠 stub \| `connectors/acme_pay\.rs:440` \|", summary, re.M)
    assert "<details open><summary>Flows: cancel not implemented</summary>" in summary
    errors = summary.index("### Errors: 3 scenarios, 3 findings")
    warnings = summary.index("### Warnings: 1 scenario, 1 finding")
    assert errors < warnings
    void = summary.index(f"`{ACME_RS}:{VOID_BUILD_LINE}` cancel flow is stub")
    assert errors < void < warnings
    assert "**Fix:** override build\\_request returning Ok(Some(RequestBuilder::new()...build()))" in summary
    assert summary.index(f"`{SAMPLE_AUTH}:1`") > warnings
    assert "transformers.rs is missing" not in summary  # waived: not a failing finding
    assert "### Could not run" in summary and "infrastructure: cargo is not on PATH" in summary
    assert "<details><summary>Guide drift: 1 place(s)" in summary
    assert "expired waiver: acme\\_pay" in summary


def test_artifact_link_when_the_run_url_is_known() -> None:
    summary = render_markdown(passing_report(), artifact_url="https://github.com/o/r/actions/runs/1")
    assert "[the run's artifacts](https://github.com/o/r/actions/runs/1)" in summary


def test_target_text_is_inert_markdown() -> None:
    assert text(XSS) == "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert text("a | b *c* `d` [e](f) @octocat\nx") == "a \\| b \\*c\\* \\`d\\` \\[e\\](f) @\u2060octocat x"
    assert code("a`b|c") == "``a`b\\|c``"
    report = failing_report()
    connector = report.connectors["acme_pay"]
    result = next(r for r in connector.scenarios if r.outcome == "failed" and r.severity == "warning")
    result.findings = [dataclasses.replace(result.findings[0], message=f"{XSS} | pipe", hint=f"<b>{XSS}</b>")]
    summary = render_markdown(report)
    assert XSS not in summary and "<script>" not in summary and "<b>&lt;" not in summary
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\| pipe" in summary


def test_huge_report_is_cut_to_the_budget_errors_before_warnings() -> None:
    report = fleet_report(30, scenarios_each=12)
    for connector in report.connectors.values():
        for result in connector.scenarios:
            if result.outcome == "failed":
                result.findings = [Finding(f.rule, f.file, f.line, f.message + " x" * 5000, f.hint)
                                   for f in result.findings for _ in range(20)]
    summary = render_markdown(report)
    size = len(summary.encode("utf-8"))
    assert size <= MAX_BYTES < 1024 * 1024
    assert "more finding(s) not shown** to stay within GitHub's 1 MiB" in summary
    assert "### Errors" in summary and "### Warnings" not in summary  # the errors alone fill the budget
    assert summary.rstrip().endswith("`compliance.json` for machines.")  # the footer always survives
    small = render_markdown(report, max_bytes=60_000)
    assert len(small.encode("utf-8")) <= 60_000 and "connector\\_029" in small  # tables survive, findings cut


def test_fleet_summary_has_one_row_per_connector() -> None:
    summary = render_markdown(fleet_report(12, scenarios_each=10))
    assert len(re.findall(r"^\| [❌⚠️🟡✅]+ \| connector\\_\d{3} \|", summary, re.M)) == 12
    assert "| connector | done | preprocessing | tokenization | authorize |" in summary


def test_write_markdown(tmp_path: Path) -> None:
    path = write_markdown(failing_report(), tmp_path)
    assert path.name == "summary.md" and "### Errors" in path.read_text(encoding="utf-8")
