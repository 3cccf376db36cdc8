"""Each flow status (anatomy §3.3-3.4) has a fixture that produces it, asserted with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.facts.flow_catalog import flow_specs
from connector_compliance.checks.facts.flow_status import FlowStatus, assess_flows
from connector_compliance.checks.rules.flows.implemented import check_flow as flow_findings
from connector_compliance.checks.target.repository import Repository

from .minitree import REAL_IMPL, write_tree

MAIN = "crates/hyperswitch_connectors/src/connectors/acme_pay.rs"
DEFAULTS = "crates/hyperswitch_connectors/src/default_implementations.rs"
HEAD = "pub mod transformers;\n\npub struct AcmePay;\n\n"  # the impl under test starts on line 5
AUTH = {"flow": "Authorize", "req": "PaymentsAuthorizeData", "resp": "PaymentsResponseData"}


def assess(tmp_path: Path, body: str, flow: str = "authorize"):
    repo = Repository(write_tree(tmp_path, HEAD + body))
    return repo, assess_flows(repo, "acme_pay")[flow]


def test_real_impl_is_implemented(tmp_path: Path) -> None:
    repo, result = assess(tmp_path, REAL_IMPL.format(**AUTH))
    assert (result.status, result.file, result.line) == (FlowStatus.IMPLEMENTED, MAIN, 5)
    assert flow_findings(repo, "acme_pay", "authorize") == []


@pytest.mark.parametrize(
    "header",
    [
        "impl api::ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> for AcmePay {",
        "impl\n    ConnectorIntegration<\n        Authorize,\n        PaymentsAuthorizeData,\n"
        "        PaymentsResponseData,\n    > for AcmePay\n{",
        "impl<T> ConnectorIntegration<Authorize, router_request_types::PaymentsAuthorizeData, PaymentsResponseData>"
        " for AcmePay where T: Send {",
    ],
    ids=["path-qualified", "multi-line", "generic-and-qualified-types"],
)
def test_header_forms_are_recognised(tmp_path: Path, header: str) -> None:
    body = REAL_IMPL.format(**AUTH).replace(REAL_IMPL.format(**AUTH).splitlines()[0], header, 1)
    _, result = assess(tmp_path, body)
    assert (result.status, result.line) == (FlowStatus.IMPLEMENTED, 5)


def test_empty_impl_is_default(tmp_path: Path) -> None:
    body = "impl ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> for AcmePay {\n" \
           "    // Not Implemented (R)\n}\n"
    repo, result = assess(tmp_path, body)
    assert (result.status, result.file, result.line) == (FlowStatus.DEFAULT, MAIN, 5)
    [finding] = flow_findings(repo, "acme_pay", "authorize")
    assert (finding.file, finding.line) == (MAIN, 5)
    assert "build_request" in finding.hint


def test_macro_listed_flow_is_default_at_the_macro_entry(tmp_path: Path) -> None:
    repo, result = assess(tmp_path, "", flow="preprocessing")
    assert (result.status, result.file, result.line) == (FlowStatus.DEFAULT, DEFAULTS, 17)
    [finding] = flow_findings(repo, "acme_pay", "preprocessing")
    assert "remove `connectors::AcmePay,`" in finding.hint


def test_commented_macro_entry_does_not_count(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, HEAD))
    result = assess_flows(repo, "zeta")["preprocessing"]
    assert result.status is FlowStatus.MISSING


def test_no_build_request_is_stub(tmp_path: Path) -> None:
    body = ("impl ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> for AcmePay {\n"
            "    fn get_url(&self) -> String { String::new() }\n}\n")
    repo, result = assess(tmp_path, body)
    assert (result.status, result.cause) == (FlowStatus.STUB, "no_build_request")
    assert (result.line, result.evidence_line) == (5, 5)
    assert "not build_request" in result.reason
    [finding] = flow_findings(repo, "acme_pay", "authorize")
    assert "build_request returning Ok(Some(RequestBuilder::new()" in finding.hint


def test_build_request_returning_not_implemented_is_stub(tmp_path: Path) -> None:
    body = ("impl ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> for AcmePay {\n"
            "    fn build_request(&self) -> R {\n"
            "        Err(ConnectorError::NotImplemented(\"Setup Mandate flow\".to_string()).into())\n"
            "        // Ok(Some(RequestBuilder::new().build()))\n"
            "    }\n}\n")
    repo, result = assess(tmp_path, body)
    # the evidence is the `Err(..)` the stub returns, not the `fn build_request(` line, and the reason quotes it
    assert (result.status, result.line, result.evidence_line) == (FlowStatus.STUB, 5, 7)
    assert 'Err(ConnectorError::NotImplemented("Setup Mandate flow".to_string()).into())' in result.reason
    [finding] = flow_findings(repo, "acme_pay", "authorize")
    assert (finding.file, finding.line) == (MAIN, 7)  # the commented-out RequestBuilder does not count


def test_build_request_returning_ok_none_is_stub(tmp_path: Path) -> None:
    body = ("impl ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> for AcmePay {\n"
            "    fn build_request(&self) -> R { Ok(None) }\n}\n")
    _, result = assess(tmp_path, body)
    assert (result.status, result.evidence_line) == (FlowStatus.STUB, 6)
    assert "Ok(None)" in result.reason


def test_build_request_returning_ok_none_points_at_it(tmp_path: Path) -> None:
    body = ("impl ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> for AcmePay {\n"
            "    fn build_request(\n        &self,\n    ) -> R {\n        // not supported by the PSP\n"
            "        Ok(None)\n    }\n}\n")
    _, result = assess(tmp_path, body)
    assert (result.status, result.cause, result.evidence_line) == (FlowStatus.STUB, "stub_none", 10)
    assert result.reason.endswith("`Ok(None)`")


def test_template_get_url_is_stub(tmp_path: Path) -> None:
    body = REAL_IMPL.format(**AUTH).replace(
        'Ok(format!("{}v1/x", self.base_url(connectors)))',
        'Err(errors::ConnectorError::NotImplemented("get_url method".to_string()).into())')
    repo, result = assess(tmp_path, body)
    assert (result.status, result.cause, result.evidence_line) == (FlowStatus.STUB, "stub_get_url", 6)
    assert "template" in result.reason
    [finding] = flow_findings(repo, "acme_pay", "authorize")
    assert finding.hint.startswith("return the endpoint")


def test_absent_flow_without_macro_is_missing_at_the_struct(tmp_path: Path) -> None:
    repo, result = assess(tmp_path, "", flow="capture")
    assert (result.status, result.file, result.line) == (FlowStatus.MISSING, MAIN, 3)
    [finding] = flow_findings(repo, "acme_pay", "capture")
    assert "impl ConnectorIntegration<Capture, PaymentsCaptureData, PaymentsResponseData> for AcmePay" in finding.hint


def test_void_keyed_with_the_capture_request_is_flawed_not_missing(tmp_path: Path) -> None:
    # The router calls Void with PaymentsCancelData, so this impl is wrong: pitfall 1's finding, not a missing flow
    # as well (one mistake, one finding), and not a clean implementation in the matrix either.
    body = REAL_IMPL.format(flow="Void", req="PaymentsCaptureData", resp="PaymentsResponseData")
    repo, result = assess(tmp_path, body, flow="cancel")
    assert (result.status, result.cause, result.line, result.evidence_line) == (FlowStatus.FLAWED, "pitfall_1", 5, 5)
    assert "PaymentsCaptureData" in result.reason
    assert flow_findings(repo, "acme_pay", "cancel") == []


def test_void_naming_a_capture_type_inside_is_flawed(tmp_path: Path) -> None:
    body = REAL_IMPL.format(flow="Void", req="PaymentsCancelData", resp="PaymentsResponseData").replace(
        "types::XType::get_url", "types::PaymentsCaptureType::get_url")
    repo, result = assess(tmp_path, body, flow="cancel")
    assert (result.status, result.evidence_line) == (FlowStatus.FLAWED, 10)
    assert "PaymentsCaptureType" in result.reason
    assert flow_findings(repo, "acme_pay", "cancel") == []


def test_impl_for_another_type_does_not_count(tmp_path: Path) -> None:
    body = REAL_IMPL.format(**AUTH).replace("for AcmePay", "for OtherConnector")
    _, result = assess(tmp_path, body)
    assert result.status is FlowStatus.MISSING


def test_flow_triples_come_from_the_target(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, HEAD))
    assert flow_specs(repo)["cancel"].triple == ("Void", "PaymentsCancelData", "PaymentsResponseData")
    assert flow_specs(repo)["access_token"].marker is not None
    assert flow_specs(repo)["access_token"].marker.file == "crates/hyperswitch_interfaces/src/api.rs"
    # The mini tree declares no PaymentsCompleteAuthorize trait: the flow resolves to no triple.
    assert flow_specs(repo)["complete_authorize"].triple is None


def test_failing_flow_hint_names_a_complete_model_connector(tmp_path: Path) -> None:
    from .sample_copy import copy_sample, line_containing

    root = copy_sample(tmp_path / "hs")
    main = root / "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
    text = main.read_text()
    header = "impl ConnectorIntegration<Capture, PaymentsCaptureData, PaymentsResponseData> for Samplepay"
    start = text.index(header)
    main.write_text(text[:start] + header + " {}" + text[text.index("\n}\n", start) + 2:])
    [finding] = flow_findings(Repository(root), "samplepay", "capture")
    acme = "crates/hyperswitch_connectors/src/connectors/acme_pay.rs"
    line = line_containing(root, acme, "ConnectorIntegration<Capture, PaymentsCaptureData")
    assert f"acme_pay ({acme}:{line})" in finding.hint
    assert finding.extra["models"] == ["acme_pay"]
