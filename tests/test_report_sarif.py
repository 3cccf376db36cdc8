"""compliance.sarif: SARIF 2.1.0 structure, rules from the catalogue, results only for failed scenarios, physical
locations in the target, stable fingerprints."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from connector_compliance.checks.core.finding import Finding
from connector_compliance.reports.sarif import render_sarif, sarif_document, write_sarif

from .report_samples import (
    ACME_RS,
    SAMPLE_AUTH,
    TOML_ERROR,
    VOID_BUILD_LINE,
    XSS,
    baseline_report,
    failing_report,
    passing_report,
    xss_report,
)


def check_structure(doc: dict) -> list[dict]:
    """The minimal structure GitHub code scanning needs (tooling_notes §5); returns the run's results."""
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    assert len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "connector-compliance"
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
        assert isinstance(rule["properties"]["tags"], list)
    assert run["automationDetails"]["id"].startswith("connector-compliance/")
    for result in run["results"]:
        assert result["ruleId"] in ids and ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning")
        assert result["message"]["text"]
        assert result["partialFingerprints"]["primaryLocationLineHash"]
        for location in result["locations"]:
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert not uri.startswith("/") and physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert isinstance(physical["region"]["startLine"], int) and physical["region"]["startLine"] >= 1
            assert physical["region"].get("startColumn", 1) >= 1
    assert {result["ruleId"] for result in run["results"]} == set(ids)  # only rules that appear
    return run["results"]


def test_passing_report_has_no_results() -> None:
    doc = json.loads(render_sarif(passing_report(), run_id="42"))
    assert check_structure(doc) == []
    assert doc["runs"][0]["tool"]["driver"]["rules"] == []
    assert doc["runs"][0]["automationDetails"]["id"] == "connector-compliance/42"


def test_failing_report_results_point_into_the_target() -> None:
    report = failing_report()
    doc = sarif_document(report)
    results = check_structure(doc)
    by_rule = {r["ruleId"]: r for r in results}
    assert set(by_rule) == {"flow.cancel", "registration.sample-auth", "build.compiles", "pitfall.error-response"}
    void = by_rule["flow.cancel"]
    assert void["level"] == "error"
    assert void["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": ACME_RS, "uriBaseId": "%SRCROOT%"}, "region": {"startLine": VOID_BUILD_LINE}}
    assert void["message"]["text"] == (
        "acme_pay: cancel flow is stub: build_request returns an error "
        "Fix: override build_request returning Ok(Some(RequestBuilder::new()...build()))")
    warning = by_rule["registration.sample-auth"]
    assert warning["level"] == "warning"
    assert warning["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == SAMPLE_AUTH
    compile_error = by_rule["build.compiles"]["locations"][0]["physicalLocation"]["region"]
    assert compile_error == {"startLine": 414, "startColumn": 5}
    rules = {rule["id"]: rule for rule in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["registration.sample-auth"]["defaultConfiguration"]["level"] == "warning"
    assert rules["flow.cancel"]["fullDescription"]["text"].startswith("Every selected flow has a ConnectorIntegration")
    assert "**Fix:** override build_request" in rules["flow.cancel"]["help"]["markdown"]  # one hint: uniform
    assert {"flows", "flow-cancel"} <= set(rules["flow.cancel"]["properties"]["tags"])
    assert "scaffolding.files" not in rules  # the waived scenario's finding is no result
    assert doc["runs"][0]["automationDetails"]["id"] == "connector-compliance/local"
    assert doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/sample-hyperswitch/")


def test_help_has_no_single_fix_when_hints_differ_and_rules_missing_from_the_catalogue_still_appear() -> None:
    report = failing_report()
    connector = report.connectors["acme_pay"]
    result = next(r for r in connector.scenarios if r.findings and r.findings[0].rule == "flow.cancel")
    result.findings.append(Finding("flow.cancel", ACME_RS, 500, "other", "another fix"))
    result.findings.append(Finding("not.in.catalogue", ACME_RS, 0, "no catalogue entry"))
    doc = sarif_document(report)
    results = check_structure(doc)
    rules = {rule["id"]: rule for rule in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert "each result's message ends with the fix" in rules["flow.cancel"]["help"]["markdown"]
    assert rules["not.in.catalogue"]["defaultConfiguration"]["level"] == "error"
    zero = next(r for r in results if r["ruleId"] == "not.in.catalogue")
    assert zero["locations"][0]["physicalLocation"]["region"]["startLine"] == 1  # clamped to 1-based


def test_fingerprints_are_stable_and_follow_the_line_text_not_its_number() -> None:
    first = sarif_document(failing_report())["runs"][0]["results"]
    again = sarif_document(failing_report())["runs"][0]["results"]
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in first]
    assert hashes == [r["partialFingerprints"]["primaryLocationLineHash"] for r in again]
    assert len(set(hashes)) == len(hashes)
    moved = failing_report()  # the same code two lines lower: same fingerprint
    excerpt = moved.excerpts[(ACME_RS, VOID_BUILD_LINE)]
    moved.excerpts[(ACME_RS, VOID_BUILD_LINE + 2)] = dataclasses.replace(excerpt, start=excerpt.start + 2)
    for result in moved.connectors["acme_pay"].scenarios:
        result.findings = [dataclasses.replace(f, line=f.line + 2) if f.rule == "flow.cancel" else f
                           for f in result.findings]
    moved_hash = next(r for r in sarif_document(moved)["runs"][0]["results"] if r["ruleId"] == "flow.cancel")
    original = next(r for r in first if r["ruleId"] == "flow.cancel")
    assert moved_hash["partialFingerprints"] == original["partialFingerprints"]


def test_xss_strings_survive_as_json_text() -> None:
    doc = json.loads(render_sarif(xss_report()))
    results = check_structure(doc)
    assert results[0]["message"]["text"] == f"{XSS}: message {XSS} Fix: hint {XSS}"


def test_write_sarif(tmp_path: Path) -> None:
    path = write_sarif(failing_report(), tmp_path, run_id="7-1")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == "compliance.sarif" and doc["runs"][0]["automationDetails"]["id"] == "connector-compliance/7-1"


def test_related_locations_from_the_finding() -> None:
    """A finding about two places (a spec line and the code it disagrees with) carries the second as related."""
    report = failing_report()
    result = next(r for r in report.connectors["acme_pay"].scenarios if r.findings)
    finding = result.findings[0]
    result.findings[0] = dataclasses.replace(finding, extra={"related": ["config/development.toml:12", "bad"]})
    [related] = [r["relatedLocations"] for r in check_structure(sarif_document(report)) if "relatedLocations" in r]
    assert related == [{"id": 0, "physicalLocation": {"artifactLocation": {
        "uri": "config/development.toml", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 12}},
        "message": {"text": "config/development.toml:12"}}]
def test_with_a_baseline_results_carry_their_state_and_a_run_level_finding_is_one_result() -> None:
    from connector_compliance.reports.links import SourceLinks

    report = baseline_report()
    report.links = SourceLinks("https://forge/x/blob/{commit}/{path}#L{line}", "h" * 40)
    results = check_structure(sarif_document(report))
    states = {(r["ruleId"], r["baselineState"]) for r in results}
    assert ("flow.cancel", "new") in states and ("pitfall.error-response", "unchanged") in states
    [toml] = [r for r in results if r["ruleId"] == TOML_ERROR.rule]
    assert toml["properties"]["connector"] is None and toml["message"]["text"].startswith(TOML_ERROR.message)
    assert toml["hostedViewerUri"] == f"https://forge/x/blob/{'h' * 40}/{TOML_ERROR.file}#L8"
    assert all(r["ruleId"] != "pitfall-4" for r in results)  # a fixed finding is not in the tree any more
