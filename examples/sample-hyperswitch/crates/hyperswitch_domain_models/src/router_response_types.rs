//! Flow response data carried in `RouterData::response`.

use common_enums::enums;

use crate::router_request_types::ResponseId;

#[derive(Clone, Debug)]
pub enum PaymentsResponseData {
    TransactionResponse {
        resource_id: ResponseId,
        redirection_data: Box<Option<RedirectForm>>,
        mandate_reference: Box<Option<MandateReference>>,
        connector_metadata: Option<serde_json::Value>,
        network_txn_id: Option<String>,
        network_txn_link_id: Option<String>,
        connector_response_reference_id: Option<String>,
        incremental_authorization_allowed: Option<bool>,
    },
    SessionTokenResponse {
        session_token: String,
    },
    TransactionUnresolvedResponse {
        resource_id: ResponseId,
        connector_response_reference_id: Option<String>,
    },
    TokenizationResponse {
        token: String,
    },
    ConnectorCustomerResponse {
        connector_customer_id: String,
    },
    PreProcessingResponse {
        pre_processing_id: PreprocessingResponseId,
        connector_metadata: Option<serde_json::Value>,
        connector_response_reference_id: Option<String>,
    },
}

#[derive(Clone, Debug, Eq, PartialEq)]
pub enum PreprocessingResponseId {
    PreProcessingId(String),
    ConnectorTransactionId(String),
}

#[derive(Clone, Debug, Eq, PartialEq)]
pub enum RedirectForm {
    Form {
        endpoint: String,
        method: common_utils::request::Method,
        form_fields: Vec<(String, String)>,
    },
}

#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct MandateReference {
    pub connector_mandate_id: Option<String>,
    pub payment_method_id: Option<String>,
}

#[derive(Clone, Debug, Eq, PartialEq)]
pub struct RefundsResponseData {
    pub connector_refund_id: String,
    pub refund_status: enums::RefundStatus,
}

/// Static description of a connector, returned by `ConnectorSpecifications`.
#[derive(Clone, Debug)]
pub struct ConnectorInfo {
    pub display_name: &'static str,
    pub description: &'static str,
    pub connector_type: enums::PaymentConnectorCategory,
    pub integration_status: enums::ConnectorIntegrationStatus,
}

/// Payment methods a connector supports (kept as a flat list here).
pub type SupportedPaymentMethods = Vec<(enums::PaymentMethod, Vec<enums::CaptureMethod>)>;
