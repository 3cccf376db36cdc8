"""Builds tiny Hyperswitch-shaped trees in a temp dir, so each check case has an exact, readable fixture."""

from __future__ import annotations

from pathlib import Path

CONNECTORS_RS = """\
pub mod acme_pay;
pub mod zeta;

pub use self::{acme_pay::AcmePay, zeta::Zeta};
"""

API_RS = """\
pub trait ConnectorIntegration<T, Req, Resp> {}
pub trait ConnectorAccessToken:
    ConnectorIntegration<AccessTokenAuth, AccessTokenRequestData, AccessToken>
{
}
"""

PAYMENTS_RS = """\
use crate::api;
pub trait PaymentAuthorize: api::ConnectorIntegration<Authorize, PaymentsAuthorizeData, PaymentsResponseData> {}
pub trait PaymentSync: api::ConnectorIntegration<PSync, PaymentsSyncData, PaymentsResponseData> {}
pub trait PaymentCapture: api::ConnectorIntegration<Capture, PaymentsCaptureData, PaymentsResponseData> {}
pub trait PaymentVoid: api::ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData> {}
pub trait PaymentsPreProcessing:
    api::ConnectorIntegration<PreProcessing, PaymentsPreProcessingData, PaymentsResponseData>
{
}
pub trait PaymentToken:
    api::ConnectorIntegration<PaymentMethodToken, PaymentMethodTokenizationData, PaymentsResponseData>
{
}
pub trait PaymentReject: api::ConnectorIntegration<Reject, PaymentsRejectData, PaymentsResponseData> {}
"""

REFUNDS_RS = """\
use crate::api;
pub trait RefundExecute: api::ConnectorIntegration<Execute, RefundsData, RefundsResponseData> {}
pub trait RefundSync: api::ConnectorIntegration<RSync, RefundsData, RefundsResponseData> {}
"""

DEFAULTS_RS = """\
macro_rules! default_imp_for_pre_processing_steps {
    ($($path:ident::$connector:ident),*) => {
        $( impl PaymentsPreProcessing for $path::$connector {}
            impl
            ConnectorIntegration<
                PreProcessing,
                PaymentsPreProcessingData,
                PaymentsResponseData,
            > for $path::$connector
            {}
        )*
    };
}

default_imp_for_pre_processing_steps!(
    // connectors::Zeta,
    connectors::AcmePay
);
"""

REAL_IMPL = """\
impl ConnectorIntegration<{flow}, {req}, {resp}> for AcmePay {{
    fn get_url(&self, _req: &R, connectors: &Connectors) -> CustomResult<String, ConnectorError> {{
        Ok(format!("{{}}v1/x", self.base_url(connectors)))
    }}
    fn build_request(&self, req: &R, connectors: &Connectors) -> CustomResult<Option<Request>, ConnectorError> {{
        Ok(Some(RequestBuilder::new().url(&types::XType::get_url(self, req, connectors)?).build()))
    }}
}}
"""


def write_tree(root: Path, connector_body: str, files: dict[str, str] | None = None) -> Path:
    """A checkout whose `acme_pay.rs` is `connector_body`; `files` adds or replaces other files."""
    base = {
        "crates/hyperswitch_connectors/src/connectors.rs": CONNECTORS_RS,
        "crates/hyperswitch_connectors/src/connectors/acme_pay.rs": connector_body,
        "crates/hyperswitch_connectors/src/connectors/acme_pay/transformers.rs": "pub struct AcmePayRequest;\n",
        "crates/hyperswitch_connectors/src/connectors/zeta.rs": "pub mod transformers;\npub struct Zeta;\n",
        "crates/hyperswitch_connectors/src/connectors/zeta/transformers.rs": "\n",
        "crates/hyperswitch_connectors/src/default_implementations.rs": DEFAULTS_RS,
        "crates/hyperswitch_interfaces/src/api.rs": API_RS,
        "crates/hyperswitch_interfaces/src/api/payments.rs": PAYMENTS_RS,
        "crates/hyperswitch_interfaces/src/api/refunds.rs": REFUNDS_RS,
    }
    base.update(files or {})
    for rel, text in base.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
