"""Report models for the renderer tests, built in Python: a passing and a failing connector of the bundled sample
(flow statuses assessed on `examples/sample-hyperswitch`, excerpts read from its files), a report whose every
target-derived string is an XSS probe, and a synthetic fleet."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.facts.flow_status import FlowAssessment, FlowStatus, assess_flows
from connector_compliance.checks.facts.selection import Selection
from connector_compliance.checks.target.repository import Repository
from connector_compliance.reports.excerpts import attach_excerpts
from connector_compliance.reports.model import ComplianceReport, ConnectorReport, Excerpt, ScenarioResult, StepResult

HARNESS = Path(__file__).resolve().parent.parent
SAMPLE = HARNESS / "examples" / "sample-hyperswitch"
CORE = ("authorize", "psync", "capture", "cancel", "refund", "rsync")
GUIDE_FLOWS = ("preprocessing", "tokenization", "authorize", "cancel", "capture", "psync", "access_token", "refund",
               "rsync")
XSS = "</script><script>alert(1)</script>"
ACME_RS = "crates/hyperswitch_connectors/src/connectors/acme_pay.rs"
VOID_IMPL_LINE = 414  # `impl ConnectorIntegration<Void, ...> for AcmePay {` in the sample
VOID_BUILD_LINE = 440  # its `fn build_request(`
SAMPLE_AUTH = "crates/router/tests/connectors/sample_auth.toml"

RULES: dict[str, dict[str, str]] = {
    "scaffolding.files": {"severity": "error", "guide": "A connector is <name>.rs plus <name>/transformers.rs."},
    "flow.cancel": {
        "severity": "error",
        "guide": "Every selected flow has a ConnectorIntegration impl that builds a real request. (cancel)"},
    "registration.sample-auth": {"severity": "warning", "guide": "sample_auth.toml has a [NAME] table."},
    "build.compiles": {"severity": "error", "guide": "cargo check reports no error in the connector's own files."},
    "pitfall.error-response": {"severity": "error", "guide": "Guide pitfall 9: ErrorResponse lists every field."},
}

_repo: Repository | None = None


def sample_repo() -> Repository:
    global _repo
    if _repo is None:
        _repo = Repository(SAMPLE)
    return _repo


def steps_for(outcome: str, texts: tuple[tuple[str, str], ...] | None = None) -> list[StepResult]:
    texts = texts or (("Given", "the connector under review"), ("Then", "the check holds"))
    last = {"passed": "passed", "failed": "failed", "waived": "failed", "skipped": "skipped"}.get(outcome, "skipped")
    first = "skipped" if outcome == "error" else "passed"
    return [StepResult(k, t, first if i < len(texts) - 1 else last) for i, (k, t) in enumerate(texts)]


def scenario(feature: str, name: str, tags: list[str], outcome: str, findings: list[Finding] | None = None,
             reason: str | None = None) -> ScenarioResult:
    severity = "warning" if "warning" in tags else "error"
    return ScenarioResult(feature, name, sorted(tags), outcome, list(findings or []), reason, severity,
                          steps_for(outcome))


def flows_of(name: str, overrides: dict[str, tuple[FlowStatus, str, int]] | None = None) -> list[FlowAssessment]:
    """The sample connector's real flow assessments, with some replaced: flow -> (status, cause, evidence line)."""
    flows = list(assess_flows(sample_repo(), name).values())
    for flow, (status, cause, line) in (overrides or {}).items():
        flows = [dataclasses.replace(a, status=status, cause=cause, evidence_line=line, reason=f"{cause} (test)")
                 if a.flow == flow else a for a in flows]
    return flows


def flow_scenarios(connector: ConnectorReport, findings: dict[str, list[Finding]]) -> list[ScenarioResult]:
    results = []
    for flow in GUIDE_FLOWS:
        tags = ["error", "flows", f"flow-{flow}"]
        name = f"{flow.capitalize()} flow is implemented when selected"
        if flow not in connector.selection.flows:
            results.append(scenario("Flow implementation", name, tags, "skipped", reason=f"{flow}: not selected"))
        elif findings.get(flow):
            results.append(scenario("Flow implementation", name, tags, "failed", findings[flow]))
        else:
            results.append(scenario("Flow implementation", name, tags, "passed"))
    return results


def passing_report() -> ComplianceReport:
    """samplepay: every selected flow implemented, every scenario passed or skipped."""
    report = ComplianceReport(str(SAMPLE), "0123456789abcdef0123456789abcdef01234567", rules=dict(RULES))
    connector = ConnectorReport("samplepay", "Samplepay", Selection(CORE, "default"), flows_of("samplepay"))
    connector.scenarios = [
        scenario("Connector scaffolding", "The connector's own files exist", ["error", "scaffolding"], "passed"),
        *flow_scenarios(connector, {}),
        scenario("Registration points", "sample_auth.toml has a table for the connector",
                 ["P19", "registration", "warning"], "passed"),
        scenario("Build with cargo", "The connector compiles", ["build-check", "cargo", "error"], "skipped",
                 reason="--no-cargo"),
    ]
    report.connectors[connector.name] = connector
    return report


def failing_report() -> ComplianceReport:
    """acme_pay with a stubbed Void flow, a warning, a compiler error with a column, an infrastructure error, a
    waived failure, skipped preparation, a pitfall and an unknown feature; features deliberately out of order."""
    report = ComplianceReport(str(SAMPLE), None, rules=dict(RULES))
    report.notes.append({"kind": "guide-drift", "topic": "pitfall 9: ErrorResponse fields",
                         "guide": "ErrorResponse has these 9 fields", "tree": "it has 11"})
    report.waivers = [
        {"connector": "acme_pay", "scenario": "The connector's own files exist", "tag": None,
         "justification": "vendor files land next sprint", "expires": "2099-01-01", "status": "used"},
        {"connector": "acme_pay", "scenario": None, "tag": "cargo", "justification": "old",
         "expires": "2000-01-01", "status": "expired"},
    ]
    connector = ConnectorReport("acme_pay", "AcmePay", Selection(CORE, "grace/acme_pay_plan.md"),
                                flows_of("acme_pay", {"cancel": (FlowStatus.STUB, "stub_err", VOID_BUILD_LINE)}))
    void = Finding("flow.cancel", ACME_RS, VOID_BUILD_LINE, "cancel flow is stub: build_request returns an error",
                   "override build_request returning Ok(Some(RequestBuilder::new()...build()))",
                   {"status": "stub", "models": ["tsys", "placetopay"]})
    sample_auth = Finding("registration.sample-auth", SAMPLE_AUTH, 1, "sample_auth.toml has no [acme_pay] table",
                          'add `[acme_pay]` with `api_key = "API Key"`')
    compile_error = Finding("build.compiles", ACME_RS, VOID_IMPL_LINE, "mismatched types: expected `i64`",
                            "use MinorUnit", {"column": 5, "code": "E0308", "pitfall": "pitfall-4"})
    pitfall = Finding("pitfall.error-response", ACME_RS, 209, "ErrorResponse literal misses 2 fields",
                      "end the literal with ..Default::default()")
    connector.scenarios = [
        scenario("Build with cargo", "The connector compiles", ["build-check", "cargo", "error"], "failed",
                 [compile_error]),
        scenario("Build with cargo", "The connector's unit tests pass", ["build-unit-tests", "cargo", "error"],
                 "error", reason="infrastructure: cargo is not on PATH"),
        scenario("Custom checks", "A check no section knows", ["error", "custom"], "passed"),
        scenario("Registration points", "connectors.rs declares the module", ["P1", "error", "registration"],
                 "passed"),
        scenario("Registration points", "sample_auth.toml has a table for the connector",
                 ["P19", "registration", "warning"], "failed", [sample_auth]),
        scenario("Guide pitfalls", "ErrorResponse lists every field", ["error", "pitfall-9", "pitfalls"], "failed",
                 [pitfall]),
        scenario("Guide pitfalls", "Amounts use the connector's unit", ["error", "pitfall-4", "pitfalls"], "passed"),
        *flow_scenarios(connector, {"cancel": [void]}),
        scenario("Preparation documents", "The tech spec exists", ["error", "preparation"], "skipped",
                 reason="the checkout has no grace/connector_integration/ folder"),
        scenario("Preparation documents", "The implementation plan exists", ["error", "preparation"], "skipped",
                 reason="the checkout has no grace/connector_integration/ folder"),
        scenario("Imports", "The connector imports from the right crates", ["error", "imports"], "passed"),
        scenario("Connector scaffolding", "The connector's own files exist", ["error", "scaffolding"], "waived",
                 [Finding("scaffolding.files", ACME_RS, 1, "transformers.rs is missing", "create it")],
                 reason="vendor files land next sprint"),
    ]
    report.connectors[connector.name] = connector
    attach_excerpts(report, SAMPLE)
    return report


def xss_report() -> ComplianceReport:
    """Every string that comes from the target or the run carries the probe."""
    report = ComplianceReport(f"/tmp/{XSS}", XSS, rules={
        f"rule.{XSS}": {"severity": "error", "guide": f"guide {XSS}"}})
    report.notes.append({"kind": "guide-drift", "topic": XSS, "guide": XSS, "tree": XSS})
    report.waivers = [{"connector": XSS, "scenario": XSS, "tag": None, "justification": XSS, "expires": None,
                       "status": "unused"}]
    report.harness_errors.append(f"features/x.py::{XSS}")
    file = f"crates/{XSS}/x.rs"
    finding = Finding(f"rule.{XSS}", file, 2, f"message {XSS}", f"hint {XSS}", {XSS: XSS})
    report.excerpts[(file, 2)] = Excerpt(1, ["fn a() {", f'    let s = "{XSS}";', "}"])
    flows = [dataclasses.replace(a, file=f"{XSS}.rs", reason=XSS) for a in flows_of("acme_pay")]
    connector = ConnectorReport(XSS, XSS, Selection(CORE, XSS), flows)
    failed = ScenarioResult(f"Feature {XSS}", f"Scenario {XSS}", ["error", "flows"], "failed", [finding], None,
                            "error", [StepResult("Given", XSS, "passed"), StepResult("Then", XSS, "failed")])
    skipped = ScenarioResult(f"Feature {XSS}", f"Skipped {XSS}", ["error", "flows"], "skipped", [], XSS, "error",
                             steps_for("skipped"))
    connector.scenarios = [failed, skipped]
    report.connectors[XSS] = connector
    return report


def fleet_report(count: int, scenarios_each: int = 47) -> ComplianceReport:
    """`count` connectors shaped like a real --all-connectors run: about 7 % of scenarios failing, a third skipped."""
    template = failing_report()
    base = template.connectors["acme_pay"]
    report = ComplianceReport(str(SAMPLE), None, rules=dict(RULES), notes=list(template.notes),
                              excerpts=dict(template.excerpts))
    for index in range(count):
        name = f"connector_{index:03d}"
        connector = ConnectorReport(name, f"Connector{index:03d}", base.selection, base.flows)
        results = []
        for i in range(scenarios_each):
            source = base.scenarios[i % len(base.scenarios)]
            outcome = source.outcome
            if outcome == "failed" and (index + i) % 3:
                outcome = "passed"
            results.append(dataclasses.replace(source, scenario=f"{source.scenario} #{i}", outcome=outcome,
                                               findings=source.findings if outcome != "passed" else [],
                                               steps=steps_for(outcome)))
        connector.scenarios = results
        report.connectors[name] = connector
    return report


BASE_COMMIT = "b" * 40
TOML_ERROR = Finding("registration.embedded-toml-parses", "crates/connector_configs/toml/production.toml", 8,
                     "crates/connector_configs/toml/production.toml is not valid TOML: Cannot overwrite a value",
                     "fix the file (a duplicated key is the usual cause)")


def baseline_report() -> ComplianceReport:
    """failing_report judged against a base commit: the Void stub is new (a regression), the pitfall and the
    sample_auth warning pre-exist, one finding was fixed, capture became implemented; a run-level TOML error is
    new; acme_pay was selected for a changed own file and an enum entry."""
    report = failing_report()
    report.baseline = {"option": "--changed-since", "ref": "origin/main", "commit": BASE_COMMIT, "changed_files": 3,
                       "notes": ["default_imp_for_x! added for 140 connectors at once: core work"]}
    connector = report.connectors["acme_pay"]
    connector.why = [f"own file changed: {ACME_RS}", "added to enum Connector"]
    connector.flow_deltas = [{"flow": "capture", "before": "stub", "after": "implemented"},
                             {"flow": "cancel", "before": "implemented", "after": "stub"}]
    for result in connector.scenarios:
        if result.outcome != "failed":
            continue
        result.fingerprints = [f"fp-{result.scenario}-{i}" for i in range(len(result.findings))]
        if "pitfall-9" in result.tags or "P19" in result.tags:
            result.statuses = ["pre-existing"] * len(result.findings)
            result.outcome = "pre-existing"
        else:
            result.statuses = ["new"] * len(result.findings)
        if "pitfall-4" in result.tags:
            result.outcome = "passed"
    pitfall4 = next(r for r in connector.scenarios if "pitfall-4" in r.tags)
    pitfall4.fixed = [Finding("pitfall-4", ACME_RS, 120, "amount scaled by hand: * 100", "use the AmountConvertor")]
    pitfall4.fixed_fingerprints = ["fp-fixed"]
    run_level = ScenarioResult("Shared files", "The TOML files the code embeds parse",
                               ["error", "registration-toml-embedded", "run-level", "shared-files"], "failed",
                               [TOML_ERROR], None, "error", steps_for("failed"), ["new"], ["fp-toml"])
    report.run_scenarios = [run_level]
    return report
