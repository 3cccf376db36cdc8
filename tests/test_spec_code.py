"""The spec <-> code comparison (facts/spec_code.py) and its two rules, on a tiny tree written from scratch: the
connector's get_url `format!`s in the shapes real connectors use, the configs' base URLs, and a techspec-style spec."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.facts.spec_code import (
    config_base_urls,
    spec_code_comparisons,
    spec_overview,
    url_templates,
    version_prefix,
)
from connector_compliance.checks.target.repository import Repository

from .minitree import write_tree
from .rule_runner import run_rule

SPEC_REL = "grace/connector_integration/acme_pay/acme_pay_specs.md"
SPEC = """\
# Numbat API Documentation

## Connector Information

**Base URLs:**
- **Sandbox:** `https://sandbox.numbat.test/`
- **Live:** `https://api.numbat.test`

## Complete Endpoint Inventory

### 1. Place a Hold
**Endpoint:** `POST /holds`

### 2. Retrieve a Hold
**Endpoint:** `GET /holds/{hold_id}`

### 3. Capture a Hold
**Endpoint:** `POST /holds/{hold_id}/capture`

### 4. Release a Hold
**Endpoint:** `POST /holds/{hold_id}/release`

### 5. Refund a Hold
**Endpoint:** `POST /holds/{hold_id}/refunds`

### 6. Retrieve a Refund
**Endpoint:** `GET /refunds/{refund_id}`
"""

RUST = """\
pub struct AcmePay;

impl ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> for AcmePay {
    fn get_url(&self, req: &PaymentsAuthorizeRouterData, connectors: &Connectors) -> CustomResult<String, E> {
        let kind = match req.request.capture_method {
            Some(CaptureMethod::Manual) => "holds",
            _ => { "sales" }
        };
        Ok(format!("{}{}", self.base_url(connectors), kind))
    }
    fn build_request(&self) -> R {
        Ok(Some(RequestBuilder::new().method(Method::Post).build()))
    }
}

impl ConnectorIntegration<PSync, PaymentsSyncData, PaymentsResponseData> for AcmePay {
    fn get_url(&self, req: &PaymentsSyncRouterData, connectors: &Connectors) -> CustomResult<String, E> {
        let id = req.request.get_connector_transaction_id()?;
        Ok(format!("{}holds/{id}", self.base_url(connectors)))
    }
    fn build_request(&self) -> R {
        Ok(Some(RequestBuilder::new().method(services::Method::Get).build()))
    }
}

impl ConnectorIntegration<Capture, PaymentsCaptureData, PaymentsResponseData> for AcmePay {
    fn get_url(&self, req: &PaymentsCaptureRouterData, connectors: &Connectors) -> CustomResult<String, E> {
        Ok(format!("{host}holds/{}/capture", req.request.connector_transaction_id, host = self.base_url(connectors)))
    }
    fn build_request(&self) -> R {
        Ok(Some(RequestBuilder::new().method(Method::Post).build()))
    }
}

impl ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData> for AcmePay {
    fn get_url(&self, req: &PaymentsCancelRouterData, connectors: &Connectors) -> CustomResult<String, E> {
        Ok(format!("{}holds/{}/cancel", self.base_url(connectors), req.request.connector_transaction_id))
    }
    fn build_request(&self) -> R {
        Ok(Some(RequestBuilder::new().method(Method::Put).build()))
    }
}

impl ConnectorIntegration<Execute, RefundsData, RefundsResponseData> for AcmePay {
    fn get_url(&self, req: &RefundsRouterData<Execute>, connectors: &Connectors) -> CustomResult<String, E> {
        let base = self.base_url(connectors);
        Ok(format!("{base}v2/holds/{}/refunds", req.request.connector_transaction_id))
    }
    fn build_request(&self) -> R {
        Ok(Some(RequestBuilder::new().method(Method::Put).build()))
    }
}

impl ConnectorIntegration<RSync, RefundsData, RefundsResponseData> for AcmePay {
    fn get_url(&self, req: &RefundSyncRouterData, connectors: &Connectors) -> CustomResult<String, E> {
        Ok(format!("{}/refunds/{}", connectors.acme_pay.secondary_base_url, req.request.get_connector_refund_id()?))
    }
}
"""

DEV = """\
[connectors]
aaa.base_url = "https://aaa.test/"
acme_pay.base_url = "https://sandbox.numbat.test/"
"""

PROD = """\
[connectors]
acme_pay.base_url = "https://live.numbat.test/"
"""


def tree(tmp_path: Path, spec: str = SPEC, rust: str = RUST) -> Repository:
    return Repository(write_tree(tmp_path, rust, {"config/development.toml": DEV,
                                                  "config/deployments/production.toml": PROD, SPEC_REL: spec}))


def line(text: str, needle: str, after: str = "") -> int:
    """The first line containing `needle` (below the first line containing `after`, when given)."""
    start = line(text, after) if after else 0
    return next(n for n, content in enumerate(text.splitlines(), start=1) if n > start and needle in content)


def test_get_url_templates_per_flow(tmp_path: Path) -> None:
    templates = url_templates(tree(tmp_path), "acme_pay")
    assert templates["authorize"][0].suffixes == ("holds", "sales")  # the match arms bound to `kind`
    assert (templates["authorize"][0].method, templates["authorize"][0].method_line) == (
        "POST", line(RUST, "Method::Post"))
    assert templates["psync"][0].suffixes == ("holds/{}",)  # an inline `{id}` is a dynamic part
    assert templates["psync"][0].method == "GET"  # `services::Method::Get`
    assert templates["capture"][0].suffixes == ("holds/{}/capture",)  # `host = self.base_url(..)` named argument
    assert templates["refund"][0].suffixes == ("v2/holds/{}/refunds",)  # `let base = self.base_url(..)`
    assert templates["cancel"][0].line == line(RUST, '"{}holds/{}/cancel"')
    assert "rsync" not in templates  # built on a secondary base URL: not compared


def test_config_base_urls_with_their_lines(tmp_path: Path) -> None:
    found = config_base_urls(tree(tmp_path), "acme_pay")
    assert (found["sandbox"].file, found["sandbox"].line) == ("config/development.toml", 3)
    assert (found["live"].file, found["live"].url, found["live"].line) == (
        "config/deployments/production.toml", "https://live.numbat.test/", 2)


def test_comparisons_name_both_locations(tmp_path: Path) -> None:
    results = {(c.kind, c.subject): c for c in spec_code_comparisons(tree(tmp_path), "acme_pay", SPEC_REL)}
    sandbox, live = results[("base_url", "sandbox")], results[("base_url", "live")]
    assert (sandbox.verdict, sandbox.spec_line, sandbox.code_location) == (
        "match", line(SPEC, "**Sandbox:**"), "config/development.toml:3")  # the trailing slash does not matter
    assert (live.verdict, live.spec_line, live.code_location) == (
        "mismatch", line(SPEC, "**Live:**"), "config/deployments/production.toml:2")
    assert results[("path", "authorize")].verdict == "match"  # "holds" is one of the match arms
    assert results[("path", "psync")].verdict == results[("method", "psync")].verdict == "match"
    assert results[("path", "capture")].verdict == "match"
    cancel = results[("path", "cancel")]
    assert (cancel.verdict, cancel.spec_line) == ("mismatch", line(SPEC, "/release`"))
    assert "/holds/{}/cancel" in cancel.message and cancel.code_location.endswith(f":{line(RUST, '/cancel')}")
    assert results[("method", "cancel")].verdict == "mismatch"  # POST in the spec, Method::Put in the code
    refund = results[("path", "refund")]
    assert refund.verdict == "prefix" and "'/v2'" in refund.note  # only the code has /v2
    assert ("path", "rsync") not in results


def test_rules_report_mismatches_with_spec_and_code_locations(tmp_path: Path) -> None:
    repo = tree(tmp_path)
    selected = "authorize,psync,capture,cancel,refund,rsync"
    findings = run_rule("preparation.spec-endpoint-matches-code", repo, "acme_pay", selected=selected)
    got = sorted((f.line, f.extra["flow"], f.extra["code"]) for f in findings)
    rust_rel = "crates/hyperswitch_connectors/src/connectors/acme_pay.rs"
    assert got == [(line(SPEC, "/release`"), "cancel", f"{rust_rel}:{line(RUST, '/cancel')}"),
                   (line(SPEC, "/release`"), "cancel", f"{rust_rel}:{line(RUST, 'Method::Put')}"),
                   (line(SPEC, "/refunds`"), "refund", f"{rust_rel}:{line(RUST, 'Method::Put', after='Execute')}")]
    # The refund path differs only by the version prefix: no path finding, but the method finding carries the note.
    [refund] = [f for f in findings if f.extra["flow"] == "refund"]
    assert "Method::Put" in refund.message and "'/v2'" in str(refund.extra["note"])
    assert all(f.extra["spec"] == f"{SPEC_REL}:{f.line}" and f.extra["related"] == [f.extra["code"]] for f in findings)
    [base] = run_rule("preparation.spec-base-url-matches-config", repo, "acme_pay")
    assert (base.file, base.line, base.extra["config"]) == (
        SPEC_REL, line(SPEC, "**Live:**"), "config/deployments/production.toml:2")


def test_unmatched_flow_whose_code_url_is_a_path_only_entry(tmp_path: Path) -> None:
    spec = (SPEC.split("### 5. Refund a Hold")[0]
            + "## Other Resource Endpoints Mentioned\n\n### Sales\n- `PUT /sales/{sale_id}/reversals`\n")
    rust = RUST.replace('"{base}v2/holds/{}/refunds"', '"{base}sales/{}/reversals"')
    repo = tree(tmp_path, spec, rust)
    [evidence] = [c for c in spec_code_comparisons(repo, "acme_pay", SPEC_REL) if c.subject == "refund"]
    assert (evidence.verdict, evidence.spec_line) == ("unstated", len(spec.splitlines()))
    [finding] = run_rule("preparation.spec-endpoints", repo, "acme_pay", selected="authorize,refund")
    last = len(spec.splitlines())
    assert (finding.line, finding.extra["candidates"]) == (
        line(spec, "## Complete Endpoint Inventory"), [f"PUT /sales/{{sale_id}}/reversals (line {last})"])
    assert "the code calls exactly that" in finding.hint and finding.extra["matched"] == {
        "authorize": f"POST /holds (line {line(spec, '`POST /holds`')})"}


def test_overview_for_the_report(tmp_path: Path) -> None:
    overview = spec_overview(tree(tmp_path), "acme_pay")
    assert overview["file"] == SPEC_REL
    assert [(b["environment"], b["verdict"]) for b in overview["base_urls"]] == [("sandbox", "match"),
                                                                                  ("live", "mismatch")]
    flows = overview["flows"]
    assert flows["authorize"]["endpoint"] == "POST /holds" and flows["authorize"]["path_verdict"] == "match"
    assert flows["refund"]["path_verdict"] == "prefix" and "note" in flows["refund"]
    assert flows["rsync"]["matched"] is True and "path_verdict" not in flows["rsync"]  # the code is not comparable
    assert flows["access_token"]["matched"] is False


@pytest.mark.parametrize(("a", "b", "prefix"), [
    ("/v2/holds", "/holds", "/v2"), ("/holds", "/api/v1/holds", "/api/v1"), ("/holds", "/sales/holds", None),
    ("/holds", "/holds", None), ("/v2/holds/{}", "/holds", None),
])
def test_version_prefix(a: str, b: str, prefix: str | None) -> None:
    assert version_prefix(a, b) == prefix
