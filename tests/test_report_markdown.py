"""summary.md: the verdict first, failing findings errors first, per-connector line and flow table, escaping, the
65,536-character budget of a PR comment."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from connector_compliance.checks.core.finding import Finding
from connector_compliance.reports.markdown import MAX_CHARS, code, render_markdown, text, write_markdown

from .report_samples import (
    ACME_RS,
    SAMPLE_AUTH,
    VOID_BUILD_LINE,
    XSS,
    baseline_report,
    failing_report,
    fleet_report,
    passing_report,
)


def test_passing_summary_has_the_connector_line_and_flow_table() -> None:
    summary = render_markdown(passing_report())
    assert summary.startswith("## connector-compliance: ✅ PASSED\n")
    assert "1 connector checked" in summary and "**0 errors · 0 warnings**" in summary
    assert "✅ **samplepay** (Samplepay): **6/6** selected flows implemented" in summary
    assert re.search(r"^\| authorize \| yes \| ✅ implemented \| `connectors/samplepay\.rs:\d+` \|", summary, re.M)
    assert re.search(r"^\| preprocessing \| no \| \*implemented\* \|", summary, re.M)
    assert "<details><summary>samplepay flows: every selected flow implemented</summary>" in summary  # collapsed
    assert "No failing check. ✅" in summary
    assert "### Findings" not in summary and "**Errors**" not in summary
    assert "`compliance.html`" in summary


def test_failing_summary_lists_findings_errors_first_with_location_and_fix() -> None:
    summary = render_markdown(failing_report())
    assert summary.startswith("## connector-compliance: ❌ FAILED\n")
    assert "**3 errors · 1 warning**" in summary
    assert "❌ **acme\\_pay** (AcmePay): **5/6** selected flows implemented" in summary
    assert re.search(r"^\| cancel \| yes \| 🟠 stub \| `connectors/acme_pay\.rs:440` \|", summary, re.M)
    assert "<details><summary>acme_pay flows: cancel not implemented</summary>" in summary
    findings, errors, warnings = (summary.index("### Findings (4)"), summary.index("**Errors**"),
                                  summary.index("**Warnings**"))
    assert findings < errors < warnings < summary.index("### Connectors")
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


def test_huge_report_is_cut_to_a_pr_comment_errors_before_warnings() -> None:
    report = fleet_report(30, scenarios_each=12)
    for connector in report.connectors.values():
        for result in connector.scenarios:
            if result.outcome == "failed":
                result.findings = [Finding(f.rule, f.file, f.line, f.message + " x" * 500, f.hint)
                                   for f in result.findings for _ in range(20)]
    summary = render_markdown(report)
    assert len(summary) <= MAX_CHARS == 65_536
    assert summary.startswith("## connector-compliance: ❌ FAILED")  # the verdict always leads
    assert "more item(s) not shown** to fit a PR comment (65,536 characters)" in summary
    assert "**Errors**" in summary and "**Warnings**" not in summary  # the errors alone fill the budget
    assert "### Connectors" not in summary  # lower priority than the findings
    assert summary.rstrip().endswith("`compliance.json` for machines.")  # the pointer to the report survives
    small = render_markdown(report, max_chars=20_000)
    assert len(small) <= 20_000 and "**Summary truncated" in small


def test_fleet_summary_has_one_row_per_connector() -> None:
    summary = render_markdown(fleet_report(12, scenarios_each=10))
    assert len(re.findall(r"^\| [❌⚠️🟡✅]+ \| connector\\_\d{3} \|", summary, re.M)) == 12
    assert "| connector | done | preprocessing | tokenization | authorize |" in summary


def test_write_markdown(tmp_path: Path) -> None:
    path = write_markdown(failing_report(), tmp_path)
    assert path.name == "summary.md" and "### Findings (4)" in path.read_text(encoding="utf-8")


def test_with_a_baseline_the_summary_leads_with_the_new_findings_then_progress_fixed_and_pre_existing() -> None:
    summary = render_markdown(baseline_report())
    assert summary.startswith("## connector-compliance: ❌ FAILED\n")
    assert "judged against `bbbbbbbbbbbb` (`git merge-base origin/main HEAD`, --changed-since" in summary
    assert "**3 new errors · 0 new warnings · 1 fixed · 2 pre-existing**" in summary
    order = [summary.index(s) for s in ("### New findings (3)", "*run level*", "cancel flow is stub",
                                        "### Progress", "### Fixed (1)", "<details><summary>Pre-existing: 2",
                                        "### Connectors")]
    assert order == sorted(order)
    assert "capture: stub → **implemented**" in summary and "cancel: implemented → **stub** (regression)" in summary
    assert f"own file changed: {ACME_RS}".replace("_", "\\_") in summary  # one own file: named, not counted
    assert "| ❌ | acme\\_pay | 5/6 | 2 | 2 | 1 |" in summary  # new, pre-existing, fixed per connector


def test_links_go_to_the_blob_and_fixed_ones_to_the_base() -> None:
    from connector_compliance.reports.links import SourceLinks

    report = baseline_report()
    report.links = SourceLinks("https://forge/x/blob/{commit}/{path}#L{line}", "h" * 40)
    summary = render_markdown(report)
    assert f"](https://forge/x/blob/{'h' * 40}/{ACME_RS}#L{VOID_BUILD_LINE})" in summary
    assert f"](https://forge/x/blob/{'b' * 40}/{ACME_RS}#L120)" in summary  # the fixed one, where it still is
