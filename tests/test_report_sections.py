"""The reading order every renderer shares: guide sections, failures first, errors before warnings."""

from __future__ import annotations

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.facts.selection import Selection
from connector_compliance.reports.model import ConnectorReport
from connector_compliance.reports.sections import display_status, failing_findings, sections

from .report_samples import CORE, failing_report, flows_of, scenario


def connector_with(*results: object) -> ConnectorReport:
    connector = ConnectorReport("acme_pay", "AcmePay", Selection(CORE, "default"), flows_of("acme_pay"))
    connector.scenarios = list(results)  # type: ignore[arg-type]
    return connector


def test_one_feature_per_pitfall_goes_in_pitfall_order_before_registration() -> None:
    connector = connector_with(
        scenario("Registration points", "Connectors struct", ["error", "pitfall-8-registration", "registration"],
                 "passed"),
        scenario("Pitfall 9: ErrorResponse", "all fields", ["error", "pitfall-9"], "passed"),
        scenario("Untagged build", "x", ["error"], "passed"),
        scenario("Pitfall 1: Void types", "void uses cancel types", ["error", "pitfall-1"], "passed"),
        scenario("Something else", "y", ["error"], "passed"),
        scenario("Flow implementation", "z", ["error", "flows"], "passed"),
        scenario("Connector scaffolding", "files", ["error", "scaffolding"], "passed"),
    )
    assert [s.label for s in sections(connector)] == [
        "Scaffolding", "Flows", "Pitfall 1", "Pitfall 9", "Registration", "Build (cargo)", "Something else"]
    # "Untagged build" is placed by its name; unknown features keep their own order at the end


def test_failures_first_within_a_section_then_the_features_own_order() -> None:
    connector = connector_with(
        scenario("Registration points", "a", ["error", "registration"], "passed"),
        scenario("Registration points", "b", ["registration", "warning"], "failed", [Finding("r", "f", 1, "m")]),
        scenario("Registration points", "c", ["error", "registration"], "skipped", reason="n/a"),
        scenario("Registration points", "d", ["error", "registration"], "failed", [Finding("r", "f", 2, "m")]),
        scenario("Registration points", "e", ["error", "registration"], "error", reason="infrastructure: x"),
    )
    (section,) = sections(connector)
    assert [r.scenario for r in section.results] == ["d", "e", "b", "c", "a"]
    assert [display_status(r) for r in section.results] == ["failed", "error", "warning", "skipped", "passed"]
    assert section.worst == "failed"


def test_failing_findings_are_errors_first_and_skip_waived() -> None:
    items = failing_findings(failing_report())
    assert [i.severity for i in items] == ["error", "error", "error", "warning"]
    assert [i.finding.rule for i in items] == ["flow.cancel", "pitfall.error-response", "build.compiles",
                                               "registration.sample-auth"]
