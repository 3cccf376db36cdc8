"""The guide's nine pitfalls: the untouched sample passes; making each mistake in a copy fails exactly that
pitfall, at the file and line to fix; the legitimate variants the real tree uses pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from connector_compliance.checks.facts.flow_status import FlowStatus, assess_flows
from connector_compliance.checks.target.repository import Repository

from .rule_runner import new_findings, rules_named, run_rule
from .sample_copy import SAMPLE, copy_sample, edit, line_containing

HARNESS = Path(__file__).resolve().parent.parent
PITFALLS = [f"pitfall-{n}" for n in range(1, 10)]
CONNECTORS_DIR = "crates/hyperswitch_connectors/src/connectors"
MAIN = f"{CONNECTORS_DIR}/samplepay.rs"
TRANSFORMERS = f"{CONNECTORS_DIR}/samplepay/transformers.rs"
ACME_TRANSFORMERS = f"{CONNECTORS_DIR}/acme_pay/transformers.rs"
DEFAULTS = "crates/hyperswitch_connectors/src/default_implementations.rs"
VOID_HEADER = "impl api::ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData> for Samplepay {"
EDITED = None  # the anchor is the edited line itself


def _edited_line(root: Path, rel: str, new: str) -> int:
    text = (root / rel).read_text(encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1


# (rule, file edited, text replaced, replacement, (file, text on the line the finding points at) or EDITED)
CASES = [
    ("pitfall-1", MAIN, VOID_HEADER, VOID_HEADER.replace("PaymentsCancelData", "PaymentsCaptureData"), EDITED),
    ("pitfall-1", MAIN,
     "                .url(&types::PaymentsVoidType::get_url(self, req, connectors)?)",
     "                .url(&types::PaymentsCaptureType::get_url(self, req, connectors)?) // void", EDITED),
    ("pitfall-2", MAIN, "use base64::Engine;\n", "", (MAIN, "BASE64_ENGINE.encode(")),
    ("pitfall-3", DEFAULTS, "default_imp_for_approve!(\n    connectors::AcmePay,\n    connectors::Samplepay\n);",
     "default_imp_for_approve!(\n    connectors::AcmePay\n);", (DEFAULTS, "default_imp_for_approve!(")),
    ("pitfall-4", MAIN, "            amount_converter: &StringMinorUnitForConnector,",
     "            amount_converter: &MinorUnitForConnector,", EDITED),
    ("pitfall-4", TRANSFORMERS, "pub struct SamplepayRouterData<T> {\n    pub amount: StringMinorUnit,",
     "pub struct SamplepayRouterData<T> {\n    pub amount: MinorUnit,", (TRANSFORMERS, "    pub amount: MinorUnit,")),
    ("pitfall-4", TRANSFORMERS, "pub struct SamplepayCaptureRequest {\n    amount: StringMinorUnit,",
     "pub struct SamplepayCaptureRequest {\n    amount: FloatMajorUnit,", (TRANSFORMERS, "amount: FloatMajorUnit,")),
    ("pitfall-4", TRANSFORMERS, "        let router_data = item.router_data;\n",
     "        let router_data = item.router_data;\n        let cents = router_data.request.amount * 100;\n",
     (TRANSFORMERS, "let cents")),
    ("pitfall-5", TRANSFORMERS, "    number: cards::CardNumber,", "    number: Secret<String>,", EDITED),
    ("pitfall-5", ACME_TRANSFORMERS, "    pan: cards::CardNumber,", "    pan: Option<Secret<String>>,", EDITED),
    ("pitfall-6", TRANSFORMERS, "get_ip_address_as_optional()", "get_optional_ip()", EDITED),
    ("pitfall-7", TRANSFORMERS, "                .customer_id\n", "                .connector_customer\n", EDITED),
    ("pitfall-7", ACME_TRANSFORMERS, "currency: item.router_data.request.currency,",
     "currency: item.router_data.request.minor_amount_to_capture,", EDITED),
    ("pitfall-8", MAIN, "connectors.samplepay.base_url.as_ref()", "connectors.acme_pay.base_url.as_ref()", EDITED),
    ("pitfall-9", MAIN, "            connector_response_reference_id: None,\n            network_advice_code",
     "            network_advice_code", (MAIN, "Ok(ErrorResponse {")),
]


def _run(repo: Repository, rule: str) -> list:
    return [f for name in ("samplepay", "acme_pay") for f in run_rule(rule, repo, name)]


def _broken(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    root = copy_sample(tmp_path / "hs")
    edit(root, rel, old, new)
    return root


def test_untouched_sample_avoids_every_pitfall() -> None:
    repo = Repository(SAMPLE)
    for name in ("samplepay", "acme_pay"):
        for rule in PITFALLS:
            assert run_rule(rule, repo, name) == [], (name, rule)


def test_every_pitfall_has_a_failing_case() -> None:
    assert {case[0] for case in CASES} == set(PITFALLS)
    assert all(r.guide for rule in PITFALLS for r in rules_named(rule))


@pytest.mark.parametrize(("rule", "rel", "old", "new", "anchor"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_mistake_fails_exactly_its_pitfall_there(tmp_path: Path, rule: str, rel: str, old: str, new: str,
                                                     anchor: tuple[str, str] | None) -> None:
    root = _broken(tmp_path, rel, old, new)
    repo = Repository(root)
    expected_file = anchor[0] if anchor else rel
    expected_line = line_containing(root, *anchor) if anchor else _edited_line(root, rel, new)
    [finding] = _run(repo, rule)
    assert (finding.file, finding.line) == (expected_file, expected_line), finding
    assert finding.message and finding.hint
    for other in PITFALLS:
        if other != rule:
            assert _run(repo, other) == [], other


@pytest.mark.slow  # every static rule over a whole edited sample, per case
@pytest.mark.parametrize(("rule", "rel", "old", "new", "anchor"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_one_mistake_is_one_finding_across_every_static_rule(tmp_path: Path, rule: str, rel: str, old: str,
                                                             new: str, anchor: tuple[str, str] | None) -> None:
    """No other rule (registration, flows, imports, the compiling-mistake rules) reports the same mistake again."""
    found = new_findings(Repository(_broken(tmp_path, rel, old, new)), Repository(SAMPLE))
    assert len(found) == 1 and found[0].rule in {r.id for r in rules_named(rule)}, found


def test_a_flawed_void_is_not_a_clean_flow(tmp_path: Path) -> None:
    """A capture type in the sample's Void impl: pitfall 1 reports it; the flow matrix shows cancel as flawed, at the
    line naming the capture type (the flow rule adds nothing: see the test above)."""
    old = "                .url(&types::PaymentsVoidType::get_url(self, req, connectors)?)"
    new = old.replace("PaymentsVoidType", "PaymentsCaptureType") + " // void"
    root = _broken(tmp_path, MAIN, old, new)
    cancel = assess_flows(Repository(root), "samplepay")["cancel"]
    assert (cancel.status, cancel.evidence_line) == (FlowStatus.FLAWED, _edited_line(root, MAIN, new))
    assert "PaymentsCaptureType" in cancel.reason and "pitfall 1" in cancel.reason


def test_hints_name_the_right_fix(tmp_path: Path) -> None:
    root = _broken(tmp_path, TRANSFORMERS, "get_ip_address_as_optional()", "get_optional_ip()")
    [finding] = run_rule("pitfall-6", Repository(root), "samplepay")
    assert "get_ip_address_as_optional" in finding.hint and "E0599" in finding.message

    root = _broken(tmp_path / "b", TRANSFORMERS, "                .customer_id\n",
                   "                .connector_customer\n")
    [finding] = run_rule("pitfall-7", Repository(root), "samplepay")
    assert "router_data.connector_customer" in finding.hint and "customer_id" in finding.hint

    root = _broken(tmp_path / "c", ACME_TRANSFORMERS, "currency: item.router_data.request.currency,",
                   "currency: item.router_data.request.minor_amount_to_capture,")
    [finding] = run_rule("pitfall-7", Repository(root), "acme_pay")
    assert "PaymentsAuthorizeData has no field `minor_amount_to_capture`" in finding.message

    root = _broken(tmp_path / "d", MAIN,
                   "            connector_response_reference_id: None,\n            network_advice",
                   "            network_advice")
    [finding] = run_rule("pitfall-9", Repository(root), "samplepay")
    assert finding.extra["missing"] == ["connector_response_reference_id"]
    assert "..Default::default()" in finding.hint

    root = _broken(tmp_path / "e", MAIN, "            amount_converter: &StringMinorUnitForConnector,",
                   "            amount_converter: &MinorUnitForConnector,")
    [finding] = run_rule("pitfall-4", Repository(root), "samplepay")
    assert "StringMinorUnitForConnector" in finding.hint and "MinorUnit" in finding.message


def test_a_helper_of_another_flow_is_pitfall_6(tmp_path: Path) -> None:
    # PaymentsSyncRequestData::get_connector_transaction_id does not exist for the Capture flow's request; the call
    # sits inside format!(..), whose arguments the rules read too.
    url = '            "{}v1/payments/{}/capture",\n            self.base_url(connectors),\n'
    root = _broken(tmp_path, MAIN, url + "            req.request.connector_transaction_id",
                   url + "            req.request.get_connector_transaction_id()?")
    [finding] = run_rule("pitfall-6", Repository(root), "samplepay")
    assert finding.line == _edited_line(root, MAIN, url) + 2
    assert "PaymentsCaptureData has no method `get_connector_transaction_id`" in finding.message
    assert "PaymentsSyncRequestData" in finding.message


def test_listed_and_implemented_is_pitfall_3(tmp_path: Path) -> None:
    root = _broken(tmp_path, MAIN, "impl api::PaymentsPreProcessing for Samplepay {}",
                   "impl api::PaymentsPreProcessing for Samplepay {}\nimpl api::PaymentReject for Samplepay {}")
    [finding] = run_rule("pitfall-3", Repository(root), "samplepay")
    assert finding.file == DEFAULTS
    assert finding.line == line_containing(root, DEFAULTS, "default_imp_for_reject!(") + 2
    assert "E0119" in finding.message


# -- the legitimate variants (hyperswitch_anatomy §5) pass -----------------------------------------------------
def test_amount_variants_of_the_real_tree_pass(tmp_path: Path) -> None:
    # `amount_convertor` spelling (helcim and eight others): still checked, and consistent here.
    root = copy_sample(tmp_path / "spelling")
    path = root / MAIN
    path.write_text(path.read_text().replace("amount_converter", "amount_convertor"))
    assert run_rule("pitfall-4", Repository(root), "samplepay") == []
    edit(root, MAIN, "amount_convertor: &StringMinorUnitForConnector", "amount_convertor: &FloatMajorUnitForConnector")
    assert [f.line for f in run_rule("pitfall-4", Repository(root), "samplepay")] == [
        line_containing(root, MAIN, "amount_convertor: &FloatMajorUnitForConnector")]

    # No converter at all (square, stax, worldline): nothing to compare, even with an odd wrapper type.
    root = copy_sample(tmp_path / "none")
    edit(root, MAIN, "    amount_converter: &'static (dyn AmountConvertor<Output = StringMinorUnit> + Sync),\n", "")
    edit(root, TRANSFORMERS, "pub struct SamplepayRouterData<T> {\n    pub amount: StringMinorUnit,",
         "pub struct SamplepayRouterData<T> {\n    pub amount: i64,")
    assert run_rule("pitfall-4", Repository(root), "samplepay") == []

    # A percentage of an amount is not a unit change; scaling a timestamp is not an amount.
    root = copy_sample(tmp_path / "ratio")
    edit(root, TRANSFORMERS, "        let router_data = item.router_data;\n",
         "        let router_data = item.router_data;\n"
         "        let _fee = router_data.request.amount * rate / 100;\n"
         "        let _share = part_amount * 100 / total_amount;\n"
         "        let _millis = expires_at * 1000;\n"
         "        // let cents = router_data.request.amount * 100;\n")
    assert run_rule("pitfall-4", Repository(root), "samplepay") == []


def test_text_numbers_that_are_not_the_domain_pan_pass(tmp_path: Path) -> None:
    # A connector's own masked number copied into another text field (novalnet, mollie responses) is fine.
    root = _broken(tmp_path, TRANSFORMERS, "// PreProcessing (card enrolment / risk check before authorize)\n",
                   "pub struct SamplepayCardResponse {\n    card_number: Secret<String>,\n}\n"
                   "pub struct SamplepayCardEcho {\n    number: Secret<String>,\n}\n"
                   "fn echo(resp: &SamplepayCardResponse) -> SamplepayCardEcho {\n"
                   "    SamplepayCardEcho { number: resp.card_number.clone() }\n}\n"
                   "// PreProcessing (card enrolment / risk check before authorize)\n")
    assert run_rule("pitfall-5", Repository(root), "samplepay") == []


def test_comments_strings_and_other_owners_do_not_count(tmp_path: Path) -> None:
    root = _broken(tmp_path, TRANSFORMERS, "            ip: router_data.request.get_ip_address_as_optional(),\n",
                   "            // ip: router_data.request.get_optional_ip(), .request.connector_customer\n"
                   "            ip: router_data.request.get_ip_address_as_optional(),\n")
    edit(root, TRANSFORMERS, '"client_credentials".to_string()', '"req.request.get_optional_ip()".to_string()')
    # RouterData's own connector_customer is read on RouterData, not through `.request`.
    edit(root, TRANSFORMERS, "            reference: router_data.connector_request_reference_id.clone(),",
         "            reference: router_data.connector_customer.clone().unwrap_or_default(),")
    repo = Repository(root)
    for rule in ("pitfall-6", "pitfall-7"):
        assert run_rule(rule, repo, "samplepay") == [], rule


def test_unknown_owner_accepts_a_field_of_any_request_struct(tmp_path: Path) -> None:
    # A closure's argument has no declared type here, so the flow is unknown: a field PaymentsCaptureData declares
    # is accepted, a field no request struct declares is not.
    root = _broken(tmp_path, TRANSFORMERS, "            reference: router_data.connector_request_reference_id.clone(),",
                   "            reference: Some(router_data).map(|rd| rd.request.minor_amount_to_capture).map(|_| "
                   "router_data.connector_request_reference_id.clone()).unwrap_or_default(),")
    assert run_rule("pitfall-7", Repository(root), "samplepay") == []
    edit(root, TRANSFORMERS, "rd.request.minor_amount_to_capture", "rd.request.connector_customer")
    [finding] = run_rule("pitfall-7", Repository(root), "samplepay")
    assert "no request data struct has a field `connector_customer`" in finding.message


def test_a_let_from_a_parameter_keeps_the_flow(tmp_path: Path) -> None:
    # `let router_data = item.router_data;` with `item: &SamplepayRouterData<&PaymentsAuthorizeRouterData>`.
    root = _broken(tmp_path, TRANSFORMERS, "                .customer_id\n",
                   "                .minor_amount_to_capture\n")
    [finding] = run_rule("pitfall-7", Repository(root), "samplepay")
    assert "PaymentsAuthorizeData has no field `minor_amount_to_capture`" in finding.message


def test_no_params_base_url_and_a_local_error_response_pass(tmp_path: Path) -> None:
    root = _broken(tmp_path, f"{CONNECTORS_DIR}/acme_pay.rs", "connectors.acme_pay.base_url.as_ref()", '""')
    edit(root, ACME_TRANSFORMERS, "pub struct AcmePayAuthType {",
         "pub struct ErrorResponse {\n    pub code: String,\n}\n\n"
         "fn local_error() -> ErrorResponse {\n    ErrorResponse { code: String::new() }\n}\n\n"
         "pub struct AcmePayAuthType {")
    repo = Repository(root)
    assert run_rule("pitfall-8", repo, "acme_pay") == []
    assert run_rule("pitfall-9", repo, "acme_pay") == []


# -- the scenarios: each mistake fails exactly its @pitfall-N scenario ------------------------------------------
E2E = {case[0]: case for case in reversed(CASES)}  # the first case of each pitfall


@pytest.mark.slow  # a whole feature run per pitfall
@pytest.mark.parametrize("pitfall", PITFALLS)
def test_feature_run_fails_exactly_the_matching_pitfall_scenario(pytester: pytest.Pytester, tmp_path: Path,
                                                                 pitfall: str) -> None:
    # In-process (pytester), as pytest-bdd's own suite runs scenarios: no interpreter start-up per case.
    _, rel, old, new, _anchor = E2E[pitfall]
    root = _broken(tmp_path, rel, old, new)
    report_dir = tmp_path / "report"
    marks = " or ".join(PITFALLS)
    result = pytester.runpytest_inprocess(str(HARNESS / "features"), "--hs-repo", str(root), "--connector",
                                          "samplepay", "--no-cargo", "-m", marks, "--report-dir", str(report_dir))
    assert result.ret == 1, result.outlines
    [connector] = json.loads((report_dir / "compliance.json").read_text())["connectors"]
    failed = {tag for s in connector["scenarios"] if s["outcome"] == "failed" for tag in s["tags"]
              if tag.startswith("pitfall-")}
    assert failed == {pitfall}
    [scenario] = [s for s in connector["scenarios"] if s["outcome"] == "failed"]
    assert all(f["file"] and f["line"] >= 1 and f["hint"] for f in scenario["findings"])


def test_a_missing_connectors_field_fails_p3_not_pitfall_8(tmp_path: Path) -> None:
    """One mistake, one scenario: the field belongs to registration point P3; pitfall 8 judges what base_url reads."""
    root = _broken(tmp_path, "crates/hyperswitch_domain_models/src/connector_endpoints.rs",
                   "    pub samplepay: ConnectorParams,\n", "")
    repo = Repository(root)
    [finding] = run_rule("P3", repo, "samplepay")
    assert finding.rule == "registration.connectors-struct"
    assert run_rule("pitfall-8", repo, "samplepay") == []
