"""What the tree expects of each connector, and why: kinds, UCS delegation, declared capabilities, deliberate
opt-outs, the flows the router invokes. Each case is a copy of the bundled sample with one thing added or changed,
asserting the code's status, the expectation, its reason and the file:line the reason cites."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.registry import rule
from connector_compliance.checks.core.rule import Scope
from connector_compliance.checks.facts.expectation import flow_expectations
from connector_compliance.checks.facts.flow_status import FlowStatus, assess_flows
from connector_compliance.checks.facts.kinds import connector_kinds
from connector_compliance.checks.facts.selection import select_flows
from connector_compliance.checks.target.repository import Repository

from .sample_connectors import AUTHORIZE, PSYNC, REAL_FLOW, add_connector, flow
from .sample_copy import copy_sample, edit, line_containing

ACME = "crates/hyperswitch_connectors/src/connectors/acme_pay.rs"
DEV = "config/development.toml"
API_ENUMS = "crates/api_models/src/enums.rs"
CAPTURE_GET_URL = ('        Ok(format!(\n            "{}v2/charges/{}/capture",\n'
                   "            self.base_url(connectors),\n"
                   "            req.request.connector_transaction_id\n        ))")
DECLARED = """
static ACME_PAY_SUPPORTED_PAYMENT_METHODS: LazyLock<SupportedPaymentMethods> = LazyLock::new(|| {{
    let supported_capture_methods = vec![{capture}];
    let mut methods = SupportedPaymentMethods::new();
    methods.add(
        enums::PaymentMethod::Card,
        enums::PaymentMethodType::Credit,
        PaymentMethodDetails {{
            mandates: enums::FeatureStatus::NotSupported,
            refunds: enums::FeatureStatus::{refunds},
            supported_capture_methods: supported_capture_methods.clone(),
            specific_features: None,
        }},
    );
    methods
}});
"""
WEBHOOKS = "static ACME_PAY_SUPPORTED_WEBHOOK_FLOWS: [enums::EventClass; 0] = [];"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "hs")


def declare(root: Path, capture: str, refunds: str = "Supported", events: tuple[str, ...] = ()) -> int:
    """Append acme_pay's declarations; returns the line of its SupportedPaymentMethods static."""
    path = root / ACME
    path.write_text(path.read_text(encoding="utf-8") + DECLARED.format(capture=capture, refunds=refunds),
                    encoding="utf-8")
    listed = ", ".join(f"enums::EventClass::{e}" for e in events)
    edit(root, ACME, WEBHOOKS, f"static ACME_PAY_SUPPORTED_WEBHOOK_FLOWS: [enums::EventClass; {len(events)}] = "
                               f"[{listed}];")
    return line_containing(root, ACME, "static ACME_PAY_SUPPORTED_PAYMENT_METHODS")


def test_a_tax_connector_is_not_asked_for_payment_flows(sample: Path) -> None:
    add_connector(sample, "taxly", "Taxly", "pub mod transformers;\npub struct Taxly;\n", registered=True)
    (sample / API_ENUMS).parent.mkdir(parents=True)
    (sample / API_ENUMS).write_text("pub enum TaxConnectors {\n    Taxly,\n}\n", encoding="utf-8")
    repo = Repository(sample)
    [kind] = connector_kinds(repo, "taxly")
    assert (kind.name, kind.file, kind.line) == ("tax", API_ENUMS, 2)
    authorize = flow_expectations(repo, "taxly")["authorize"]
    assert assess_flows(repo, "taxly")["authorize"].status is FlowStatus.MISSING
    assert not authorize.expected
    assert authorize.because == f"not a payment connector (tax: TaxConnectors lists Taxly ({API_ENUMS}:2))"
    assert (authorize.file, authorize.line) == (API_ENUMS, 2)
    selection = select_flows(repo, "taxly", None)
    assert (selection.flows, selection.source) == ((), "tree")
    scope = Scope(repo, "taxly", selection.flows, selection.source)
    reason = rule("flow").skip_reason(scope, flow="authorize")
    assert reason is not None and "TaxConnectors lists Taxly" in reason and "status: missing" in reason


def test_a_fraud_connector_is_known_by_the_flows_it_implements(sample: Path) -> None:
    """No kind enum names it; its own Sale impl, a flow of api::FraudCheck, makes it a fraud connector."""
    (sample / "crates/hyperswitch_interfaces/src/api/fraud_check.rs").write_text(
        "pub trait FraudCheckSale: ConnectorIntegration<Sale, FraudCheckSaleData, FraudCheckResponseData> {}\n"
        "pub trait FraudCheck: super::ConnectorCommon + FraudCheckSale {}\n", encoding="utf-8")
    sale = ("Sale", "FraudCheckSaleData", "FraudCheckResponseData")
    body = "pub mod transformers;\npub struct Fraudly;\n\n" + flow(REAL_FLOW, sale, "Fraudly")
    add_connector(sample, "fraudly", "Fraudly", body)
    repo = Repository(sample)
    rel = "crates/hyperswitch_connectors/src/connectors/fraudly.rs"
    [kind] = connector_kinds(repo, "fraudly")
    assert (kind.name, kind.because, kind.line) == ("fraud", f"it implements Sale itself ({rel}:4)", 4)
    psync = flow_expectations(repo, "fraudly")["psync"]
    assert not psync.expected and psync.because.startswith("not a payment connector (fraud: it implements Sale")


def test_a_routable_connector_in_no_other_kind_enum_is_a_payment_connector(sample: Path) -> None:
    add_connector(sample, "routy", "Routy", "pub mod transformers;\npub struct Routy;\n", registered=True)
    edit(sample, "crates/euclid/src/enums.rs", "pub enum RoutableConnectors {\n",
         "pub enum RoutableConnectors {\n    Routy,\n")
    repo = Repository(sample)
    [kind] = connector_kinds(repo, "routy")
    line = line_containing(sample, "crates/euclid/src/enums.rs", "    Routy,")
    assert (kind.name, kind.file, kind.line) == ("payment", "crates/euclid/src/enums.rs", line)
    assert "and no other kind enum does" in kind.because
    assert flow_expectations(repo, "routy")["authorize"].expected


def test_ucs_only_connectors_are_not_asked_for_payment_flows(sample: Path) -> None:
    path = sample / DEV
    path.write_text(path.read_text(encoding="utf-8") + '\n[grpc_client.unified_connector_service]\n'
                    'ucs_only_connectors = "paytm, acme_pay"\n', encoding="utf-8")
    repo = Repository(sample)
    line = line_containing(sample, DEV, "ucs_only_connectors")
    for name, expectation in flow_expectations(repo, "acme_pay").items():
        if name not in ("complete_authorize", "incremental_authorization", "post_session_tokens", "reject",
                        "session_update", "setup_mandate", "update_metadata"):
            assert not expectation.expected, name
            assert expectation.because == f"delegated to UCS: ucs_only_connectors in {DEV}:{line}"
            assert (expectation.file, expectation.line) == (DEV, line)
    # acme_pay's code still implements authorize: the status stays the code's
    assert assess_flows(repo, "acme_pay")["authorize"].status is FlowStatus.IMPLEMENTED
    assert flow_expectations(repo, "samplepay")["authorize"].expected


def test_declared_automatic_capture_and_refund_webhooks_narrow_the_flows(sample: Path) -> None:
    line = declare(sample, "enums::CaptureMethod::Automatic", events=("Payments", "Refunds"))
    repo = Repository(sample)
    expected = flow_expectations(repo, "acme_pay")
    capture, refund, rsync = expected["capture"], expected["refund"], expected["rsync"]
    assert not capture.expected
    assert capture.because == f"it declares automatic capture only (Automatic; {ACME}:{line}), so nothing is left " \
                              "to capture"
    assert not expected["cancel"].expected and expected["cancel"].because.endswith("nothing is left to void")
    assert refund.expected and refund.because == f"it declares refunds Supported ({ACME}:{line})"
    hooks = line_containing(sample, ACME, "static ACME_PAY_SUPPORTED_WEBHOOK_FLOWS")
    assert not rsync.expected
    assert rsync.because == (f"refund status arrives by webhook: EventClass::Refunds in "
                             f"ACME_PAY_SUPPORTED_WEBHOOK_FLOWS ({ACME}:{hooks})")
    assert (rsync.file, rsync.line) == (ACME, hooks)


def test_declared_manual_capture_expects_capture_and_void(sample: Path) -> None:
    line = declare(sample, "enums::CaptureMethod::Automatic, enums::CaptureMethod::Manual", refunds="NotSupported")
    expected = flow_expectations(Repository(sample), "acme_pay")
    assert expected["capture"].expected and expected["cancel"].expected
    assert expected["capture"].because == f"it declares CaptureMethod::Manual ({ACME}:{line})"
    assert not expected["refund"].expected
    assert expected["refund"].because == f"it declares refunds NotSupported for every payment method ({ACME}:{line})"


def test_a_deliberate_flow_not_supported_is_a_stub_and_not_expected(sample: Path) -> None:
    """calida's Capture: get_url raises FlowNotSupported, so however real the request, the flow is not
    implemented, its cause is not_supported, and it is not expected of the connector."""
    edit(sample, ACME, CAPTURE_GET_URL, '        let _ = (req, connectors);\n        Err(errors::ConnectorError::'
                                        'FlowNotSupported { flow: "Capture".to_string(), connector: "AcmePay"'
                                        '.to_string() }.into())')
    manual = declare(sample, "enums::CaptureMethod::Manual")
    repo = Repository(sample)
    capture = assess_flows(repo, "acme_pay")["capture"]
    get_url = capture.evidence_line
    assert (capture.status, capture.cause, capture.file) == (FlowStatus.STUB, "not_supported", ACME)
    assert "get_url it calls returns NotSupported/FlowNotSupported" in capture.reason
    expectation = flow_expectations(repo, "acme_pay")["capture"]
    assert not expectation.expected
    assert expectation.because == (f"the connector does not support it: {ACME}:{get_url} raises NotSupported/"
                                   f"FlowNotSupported on every path, although it declares CaptureMethod::Manual "
                                   f"({ACME}:{manual})")
    assert (expectation.file, expectation.line) == (ACME, get_url)


def test_a_sync_flow_replaced_by_a_no_op_is_deliberate_only_against_the_template(sample: Path) -> None:
    """An own RSync that sends nothing, where the connector template has a get_url stub, is the author's choice
    (status from the response or a webhook); without a template to compare with, it is just not implemented."""
    text = (sample / ACME).read_text(encoding="utf-8")
    start = text.index("impl ConnectorIntegration<RSync, RefundsData, RefundsResponseData> for AcmePay {")
    end = text.index("\n}\n", start) + 3
    (sample / ACME).write_text(text[:start] + "impl ConnectorIntegration<RSync, RefundsData, RefundsResponseData> "
                               "for AcmePay {}\n" + text[end:], encoding="utf-8")
    assert flow_expectations(Repository(sample), "acme_pay")["rsync"].expected
    template = sample / "connector-template/mod.rs"
    template.parent.mkdir()
    template.write_text("pub struct {{project-name | downcase | pascal_case}};\n"
                        + flow(REAL_FLOW, ("RSync", "RefundsData", "RefundsResponseData"),
                               "{{project-name | downcase | pascal_case}}"), encoding="utf-8")
    repo = Repository(sample)
    rsync = assess_flows(repo, "acme_pay")["rsync"]
    expectation = flow_expectations(repo, "acme_pay")["rsync"]
    assert (rsync.status, rsync.cause) == (FlowStatus.DEFAULT, "empty")
    assert not expectation.expected
    assert expectation.because.startswith(f"its own impl at {ACME}:{rsync.line} sends no request")


def test_the_router_decides_tokenization_access_token_and_preprocessing(sample: Path) -> None:
    repo = Repository(sample)
    samplepay, acme = flow_expectations(repo, "samplepay"), flow_expectations(repo, "acme_pay")
    token_line = line_containing(sample, DEV, "samplepay = { long_lived_token")
    assert samplepay["tokenization"].expected
    assert samplepay["tokenization"].because == f"[tokenization] lists it ({DEV}:{token_line})"
    assert not acme["tokenization"].expected
    enums = "crates/common_enums/src/connector_enums.rs"
    listed = line_containing(sample, enums, "(Self::Samplepay, _)")
    assert samplepay["access_token"].because == f"Connector::supports_access_token lists it ({enums}:{listed})"
    assert (samplepay["access_token"].file, samplepay["access_token"].line) == (enums, listed)
    function = line_containing(sample, enums, "pub fn supports_access_token")
    assert not acme["access_token"].expected
    assert acme["access_token"].because.startswith(f"Connector::supports_access_token ({enums}:{function}) does not")
    assert not samplepay["preprocessing"].expected
    assert samplepay["preprocessing"].because.startswith("the router no longer calls it")


def test_a_grace_plan_still_overrides_the_tree(sample: Path) -> None:
    """samplepay's plan names all nine flows: that is its selection, whatever the tree would expect."""
    selection = select_flows(Repository(sample), "samplepay", None)
    assert selection.source.endswith("samplepay_plan.md")
    assert "preprocessing" in selection.flows


def test_kinds_and_expectation_are_in_the_report(sample: Path) -> None:
    from connector_compliance.checks.run.context import build_run_context
    from connector_compliance.checks.run.options import RunOptions
    from connector_compliance.steps.harness import new_report

    add_connector(sample, "taxly", "Taxly", "pub mod transformers;\npub struct Taxly;\n" +
                  flow(REAL_FLOW, AUTHORIZE, "Taxly") + flow(REAL_FLOW, PSYNC, "Taxly"), registered=True)
    (sample / API_ENUMS).parent.mkdir(parents=True)
    (sample / API_ENUMS).write_text("pub enum TaxConnectors {\n    Taxly,\n}\n", encoding="utf-8")
    run = build_run_context(RunOptions(hs_repo=sample, connectors=("taxly",)))
    data = new_report(run).as_dict()["connectors"][0]
    assert [k["kind"] for k in data["kinds"]] == ["payment", "tax"]
    assert data["stage"]["stage"] == "live"
    rows = {r["flow"]: r for r in data["flows"]}
    assert (rows["authorize"]["status"], rows["authorize"]["expected"]) == ("implemented", True)
    assert rows["capture"]["expected"] is True and "guide's default" in rows["capture"]["because"]
    assert rows["access_token"]["expected"] is False and rows["access_token"]["evidence"]["line"] > 0


UCS_CONFIG = "crates/router/src/core/unified_connector_service/connector_config.rs"
UCS_ARMS = """pub fn ucs_auth(connector: Connector) -> Result<(), ()> {
    match connector {
        Connector::Samplepay => Ok(()),
        Connector::Paytm | Connector::AcmePay => Ok(()),
        _ => Err(()),
    }
}
"""
AUTHORIZE_GET_URL = '        Ok(format!("{}v2/charges", self.base_url(connectors)))'


def test_payins_run_in_ucs_when_authorize_is_left_here_and_the_ucs_layer_maps_the_connector(sample: Path) -> None:
    """truelayer and trustly in June 2026: out of ucs_only_connectors, payouts here, payins in UCS (#11780)."""
    (sample / UCS_CONFIG).parent.mkdir(parents=True)
    (sample / UCS_CONFIG).write_text(UCS_ARMS, encoding="utf-8")
    # the mapping alone delegates nothing: acme_pay's Authorize is implemented here
    assert flow_expectations(Repository(sample), "acme_pay")["authorize"].expected
    edit(sample, ACME, AUTHORIZE_GET_URL, '        let _ = connectors;\n        Err(errors::ConnectorError::'
                                          'NotImplemented("get_url method".to_string()).into())')
    repo = Repository(sample)
    authorize = assess_flows(repo, "acme_pay")["authorize"]
    assert authorize.status is FlowStatus.STUB
    arm = line_containing(sample, UCS_CONFIG, "Connector::AcmePay")
    expected = flow_expectations(repo, "acme_pay")
    for flow_name in ("authorize", "psync", "capture", "refund"):
        assert not expected[flow_name].expected, flow_name
        assert (expected[flow_name].file, expected[flow_name].line) == (UCS_CONFIG, arm)
        assert expected[flow_name].because.startswith(
            f"payins run in UCS: Authorize is not implemented here ({ACME}:{authorize.evidence_line}) while the "
            f"router's UCS layer maps the connector ({UCS_CONFIG}:{arm})")
    assert expected["access_token"].because != expected["authorize"].because  # payouts fetch tokens too


def test_a_stub_authorize_without_a_ucs_mapping_stays_expected(sample: Path) -> None:
    edit(sample, ACME, AUTHORIZE_GET_URL, '        let _ = connectors;\n        Err(errors::ConnectorError::'
                                          'NotImplemented("get_url method".to_string()).into())')
    expectation = flow_expectations(Repository(sample), "acme_pay")["authorize"]
    assert expectation.expected
    assert expectation.because.startswith("a payment connector needs it")
