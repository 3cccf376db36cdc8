//! Flow request data carried in `RouterData::request`.

use common_enums::enums::{CaptureMethod, Currency};
use common_utils::{id_type, pii, types::MinorUnit};
use hyperswitch_masking::Secret;

use crate::payment_method_data::PaymentMethodData;

#[derive(Clone, Debug)]
pub struct PaymentsAuthorizeData {
    pub payment_method_data: PaymentMethodData,
    pub amount: i64,
    pub minor_amount: MinorUnit,
    pub currency: Currency,
    pub email: Option<pii::Email>,
    pub customer_name: Option<Secret<String>>,
    pub customer_id: Option<id_type::CustomerId>,
    pub capture_method: Option<CaptureMethod>,
    pub browser_info: Option<BrowserInformation>,
    pub router_return_url: Option<String>,
    pub webhook_url: Option<String>,
    pub statement_descriptor: Option<String>,
}

#[derive(Clone, Debug)]
pub struct PaymentsCaptureData {
    pub amount_to_capture: i64,
    pub currency: Currency,
    pub connector_transaction_id: String,
    pub payment_amount: i64,
    pub minor_payment_amount: MinorUnit,
    pub minor_amount_to_capture: MinorUnit,
    pub capture_method: Option<CaptureMethod>,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsCancelData {
    pub amount: Option<i64>,
    pub currency: Option<Currency>,
    pub connector_transaction_id: String,
    pub cancellation_reason: Option<String>,
    pub minor_amount: Option<MinorUnit>,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsSyncData {
    pub connector_transaction_id: ResponseId,
    pub encoded_data: Option<String>,
    pub capture_method: Option<CaptureMethod>,
    pub currency: Currency,
    pub amount: MinorUnit,
}

#[derive(Clone, Debug, Default)]
pub struct RefundsData {
    pub refund_id: String,
    pub connector_transaction_id: String,
    pub connector_refund_id: Option<String>,
    pub currency: Currency,
    pub payment_amount: i64,
    pub reason: Option<String>,
    pub refund_amount: i64,
    pub minor_payment_amount: MinorUnit,
    pub minor_refund_amount: MinorUnit,
}

#[derive(Clone, Debug, Default)]
pub struct AccessTokenRequestData {
    pub app_id: Secret<String>,
    pub id: Option<Secret<String>>,
}

#[derive(Clone, Debug)]
pub struct PaymentMethodTokenizationData {
    pub payment_method_data: PaymentMethodData,
    pub browser_info: Option<BrowserInformation>,
    pub currency: Currency,
    pub amount: Option<i64>,
    pub capture_method: Option<CaptureMethod>,
}

#[derive(Clone, Debug)]
pub struct PaymentsPreProcessingData {
    pub payment_method_data: Option<PaymentMethodData>,
    pub amount: i64,
    pub minor_amount: Option<MinorUnit>,
    pub email: Option<pii::Email>,
    pub currency: Option<Currency>,
    pub capture_method: Option<CaptureMethod>,
    pub router_return_url: Option<String>,
    pub browser_info: Option<BrowserInformation>,
    pub connector_transaction_id: Option<String>,
    pub enrolled_for_3ds: bool,
}

#[derive(Clone, Debug)]
pub struct SetupMandateRequestData {
    pub currency: Currency,
    pub payment_method_data: PaymentMethodData,
    pub email: Option<pii::Email>,
    pub customer_id: Option<id_type::CustomerId>,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsSessionData {
    pub amount: i64,
    pub currency: Currency,
    pub minor_amount: MinorUnit,
}

#[derive(Clone, Debug)]
pub struct CompleteAuthorizeData {
    pub payment_method_data: Option<PaymentMethodData>,
    pub amount: i64,
    pub minor_amount: MinorUnit,
    pub currency: Currency,
    pub connector_transaction_id: Option<String>,
    pub redirect_response: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsIncrementalAuthorizationData {
    pub total_amount: i64,
    pub additional_amount: i64,
    pub currency: Currency,
    pub reason: Option<String>,
    pub connector_transaction_id: String,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsPostSessionTokensData {
    pub amount: MinorUnit,
    pub currency: Currency,
    pub connector_transaction_id: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsRejectData {
    pub amount: Option<i64>,
    pub currency: Option<Currency>,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsApproveData {
    pub amount: Option<i64>,
    pub currency: Option<Currency>,
}

#[derive(Clone, Debug, Default)]
pub struct AuthorizeSessionTokenData {
    pub amount_to_capture: Option<i64>,
    pub currency: Currency,
    pub connector_transaction_id: String,
    pub amount: Option<i64>,
}

#[derive(Clone, Debug, Default)]
pub struct SdkPaymentsSessionUpdateData {
    pub net_amount: MinorUnit,
    pub amount: MinorUnit,
    pub currency: Currency,
    pub session_id: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct PaymentsUpdateMetadataData {
    pub metadata: Option<Secret<serde_json::Value>>,
    pub connector_transaction_id: String,
}

#[derive(Clone, Debug, Default)]
pub struct ConnectorCustomerData {
    pub description: Option<String>,
    pub email: Option<pii::Email>,
    pub phone: Option<Secret<String>>,
    pub name: Option<Secret<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct BrowserInformation {
    pub color_depth: Option<u8>,
    pub java_enabled: Option<bool>,
    pub java_script_enabled: Option<bool>,
    pub language: Option<String>,
    pub screen_height: Option<u32>,
    pub screen_width: Option<u32>,
    pub time_zone: Option<i32>,
    pub ip_address: Option<std::net::IpAddr>,
    pub accept_header: Option<String>,
    pub user_agent: Option<String>,
}

#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub enum ResponseId {
    ConnectorTransactionId(String),
    EncodedData(String),
    #[default]
    NoResponseId,
}

impl ResponseId {
    pub fn get_connector_transaction_id(&self) -> Result<String, ValidationError> {
        match self {
            Self::ConnectorTransactionId(txn_id) => Ok(txn_id.to_string()),
            Self::EncodedData(_) | Self::NoResponseId => {
                Err(ValidationError::IncorrectValueProvided {
                    field_name: "connector_transaction_id",
                })
            }
        }
    }
}

#[derive(Clone, Debug, Eq, PartialEq)]
pub enum ValidationError {
    IncorrectValueProvided { field_name: &'static str },
}
