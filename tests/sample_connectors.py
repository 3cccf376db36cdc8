"""Small connectors of other kinds and stages, added to a copy of the bundled sample (tests/sample_copy.py)."""

from __future__ import annotations

from pathlib import Path

from .sample_copy import edit

CONNECTORS_RS = "crates/hyperswitch_connectors/src/connectors.rs"
CONNECTOR_ENUMS_RS = "crates/common_enums/src/connector_enums.rs"
ENUM_HEAD = "pub enum Connector {\n"

# A flow whose get_url is still the connector template's, and one that builds a real request.
TEMPLATE_FLOW = """\
impl ConnectorIntegration<{flow}, {req}, {resp}> for {camel} {{
    fn get_url(&self, _req: &R, _connectors: &Connectors) -> CustomResult<String, errors::ConnectorError> {{
        Err(errors::ConnectorError::NotImplemented("get_url method".to_string()).into())
    }}
    fn build_request(&self, req: &R, connectors: &Connectors) -> CustomResult<Option<Request>, Error> {{
        Ok(Some(RequestBuilder::new().url(&types::XType::get_url(self, req, connectors)?).build()))
    }}
}}
"""
REAL_FLOW = """\
impl ConnectorIntegration<{flow}, {req}, {resp}> for {camel} {{
    fn get_url(&self, _req: &R, connectors: &Connectors) -> CustomResult<String, errors::ConnectorError> {{
        Ok(format!("{{}}v1/x", self.base_url(connectors)))
    }}
    fn build_request(&self, req: &R, connectors: &Connectors) -> CustomResult<Option<Request>, Error> {{
        Ok(Some(RequestBuilder::new().url(&types::XType::get_url(self, req, connectors)?).build()))
    }}
}}
"""
AUTHORIZE = ("Authorize", "PaymentsAuthorizeData", "PaymentsResponseData")
PSYNC = ("PSync", "PaymentsSyncData", "PaymentsResponseData")
CAPTURE = ("Capture", "PaymentsCaptureData", "PaymentsResponseData")
VOID = ("Void", "PaymentsCancelData", "PaymentsResponseData")
REFUND = ("Execute", "RefundsData", "RefundsResponseData")
RSYNC = ("RSync", "RefundsData", "RefundsResponseData")


def flow(template: str, triple: tuple[str, str, str], camel: str) -> str:
    return template.format(flow=triple[0], req=triple[1], resp=triple[2], camel=camel)


def template_code(camel: str) -> str:
    """What the connector template generates: five get_url stubs and an empty Void."""
    stubs = "\n".join(flow(TEMPLATE_FLOW, t, camel) for t in (AUTHORIZE, PSYNC, CAPTURE, REFUND, RSYNC))
    return (f"pub mod transformers;\n\npub struct {camel};\n\n{stubs}\n"
            f"impl ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData> for {camel} {{}}\n")


def add_connector(root: Path, name: str, camel: str, body: str, registered: bool = False) -> Path:
    """A module in connectors.rs with its main file and transformers; `registered` adds the Connector variant."""
    edit(root, CONNECTORS_RS, "pub mod acme_pay;\n", f"pub mod acme_pay;\npub mod {name};\n")
    edit(root, CONNECTORS_RS, "pub use self::{", f"pub use self::{name}::{camel};\npub use self::{{")
    folder = root / "crates/hyperswitch_connectors/src/connectors"
    (folder / f"{name}.rs").write_text(body, encoding="utf-8")
    (folder / name).mkdir()
    (folder / name / "transformers.rs").write_text(f"pub struct {camel}Request;\n", encoding="utf-8")
    if registered:
        edit(root, CONNECTOR_ENUMS_RS, ENUM_HEAD, f"{ENUM_HEAD}    {camel},\n")
    return root

