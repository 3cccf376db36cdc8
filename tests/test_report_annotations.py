"""GitHub annotations: `::error`/`::warning` lines, escaped, errors first, capped at 10 of each with a notice."""

from __future__ import annotations

from connector_compliance.checks.core.finding import Finding
from connector_compliance.reports.annotations import (
    escape_data,
    escape_property,
    github_annotations,
    render_annotations,
)

from .report_samples import (
    ACME_RS,
    SAMPLE_AUTH,
    VOID_BUILD_LINE,
    baseline_report,
    failing_report,
    fleet_report,
    passing_report,
)


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_failing_report_annotations_point_at_the_target_errors_first() -> None:
    lines = render_annotations(failing_report())
    levels = [line.split(" ", 1)[0] for line in lines]
    assert levels == ["::error", "::error", "::error", "::warning"]  # no notice: nothing left out
    cancel = next(line for line in lines if "flow.cancel" in line)
    assert cancel.startswith(f"::error file={ACME_RS},line={VOID_BUILD_LINE},title=acme_pay%3A Cancel flow is "
                             "implemented when selected [flow.cancel]::")
    assert cancel.endswith("::cancel flow is stub: build_request returns an error%0AFix: override build_request "
                           "returning Ok(Some(RequestBuilder::new()...build()))")
    compiled = next(line for line in lines if "build.compiles" in line)
    assert f"file={ACME_RS},line=414,col=5,title=" in compiled
    assert lines[-1].startswith(f"::warning file={SAMPLE_AUTH},line=1,")
    assert all("\n" not in line for line in lines)


def test_prefix_places_paths_inside_the_workspace() -> None:
    lines = render_annotations(failing_report(), prefix="hyperswitch")
    assert all(line.split(" ", 1)[1].startswith("file=hyperswitch/crates/") for line in lines)


def test_properties_and_messages_are_escaped() -> None:
    report = failing_report()
    connector = report.connectors["acme_pay"]
    result = next(r for r in connector.scenarios if r.outcome == "failed" and r.severity == "warning")
    result.scenario = "a, b: c"
    result.findings = [Finding("r", "dir,x/a:b.rs", 3, "50%\nsecond line", "")]
    line = render_annotations(report)[-1]
    assert line == "::warning file=dir%2Cx/a%3Ab.rs,line=3,title=acme_pay%3A a%2C b%3A c [r]::50%25%0Asecond line"


def test_at_most_ten_of_each_level_then_a_notice() -> None:
    report = fleet_report(40, scenarios_each=12)
    lines = render_annotations(report)
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 10 and len(warnings) == 10
    assert lines.index(warnings[0]) > lines.index(errors[-1])
    total = {"error": 0, "warning": 0}
    for connector in report.connectors.values():
        for result in connector.scenarios:
            if result.outcome == "failed":
                total[result.severity] += len(result.findings)
    notice = lines[-1]
    assert notice.startswith("::notice title=connector-compliance::")
    assert f"{total['error'] - 10} more errors and {total['warning'] - 10} more warnings not annotated" in notice
    assert "compliance.sarif" in notice


def test_absolute_paths_stay_in_the_message() -> None:
    report = failing_report()
    result = next(r for r in report.connectors["acme_pay"].scenarios if r.outcome == "failed")
    result.findings = [Finding("build.compiles", "/home/u/.cargo/registry/x.rs", 9, "boom")]
    line = next(line for line in render_annotations(report, prefix="hyperswitch/") if "boom" in line)
    assert line.startswith("::error title=") and line.endswith("::/home/u/.cargo/registry/x.rs:9: boom")


def test_only_in_github_actions() -> None:
    report = failing_report()
    assert github_annotations(report, {}) == []
    assert github_annotations(report, {"GITHUB_ACTIONS": "false"}) == []
    assert github_annotations(report, {"GITHUB_ACTIONS": "true"}, "hs/") == render_annotations(report, "hs/")
    assert render_annotations(passing_report()) == []


def test_with_a_baseline_only_new_findings_are_annotated() -> None:
    lines = render_annotations(baseline_report())
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::error", "::error"]
    assert "title=run%3A The TOML files the code embeds parse" in lines[0]
    assert not any("pitfall.error-response" in line or SAMPLE_AUTH in line for line in lines)
