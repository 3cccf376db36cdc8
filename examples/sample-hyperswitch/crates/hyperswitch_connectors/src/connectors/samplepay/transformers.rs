use common_enums::enums;
use common_utils::{pii::IpAddress, request::Method, types::StringMinorUnit};
use hyperswitch_domain_models::{
    payment_method_data::PaymentMethodData,
    router_data::{AccessToken, ConnectorAuthType, ErrorResponse, PaymentMethodToken, RouterData},
    router_flow_types::refunds::{Execute, RSync},
    router_request_types::ResponseId,
    router_response_types::{
        PaymentsResponseData, PreprocessingResponseId, RedirectForm, RefundsResponseData,
    },
    types::{
        PaymentsAuthorizeRouterData, PaymentsCancelRouterData, PaymentsCaptureRouterData,
        PaymentsPreProcessingRouterData, RefundsRouterData, TokenizationRouterData,
    },
};
use hyperswitch_interfaces::{consts, errors};
use hyperswitch_masking::Secret;
use serde_json::{Error as JsonError, FromJson, ToJson, Value};

use crate::{
    types::{RefreshTokenRouterData, RefundsResponseRouterData, ResponseRouterData},
    utils::{self, PaymentsAuthorizeRequestData, RouterData as _},
};

pub struct SamplepayRouterData<T> {
    pub amount: StringMinorUnit,
    pub router_data: T,
}

impl<T> From<(StringMinorUnit, T)> for SamplepayRouterData<T> {
    fn from((amount, item): (StringMinorUnit, T)) -> Self {
        Self {
            amount,
            router_data: item,
        }
    }
}

// Auth Struct
pub struct SamplepayAuthType {
    pub(super) api_key: Secret<String>,
}

impl TryFrom<&ConnectorAuthType> for SamplepayAuthType {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(auth_type: &ConnectorAuthType) -> Result<Self, Self::Error> {
        match auth_type {
            ConnectorAuthType::HeaderKey { api_key } => Ok(Self {
                api_key: api_key.to_owned(),
            }),
            _ => Err(errors::ConnectorError::FailedToObtainAuthType.into()),
        }
    }
}

pub struct SamplepayCard {
    number: cards::CardNumber,
    expiry_month: Secret<String>,
    expiry_year: Secret<String>,
    cvc: Secret<String>,
}

impl ToJson for SamplepayCard {
    fn to_json(&self) -> Value {
        Value::object([
            ("number", self.number.to_json()),
            ("expiry_month", self.expiry_month.to_json()),
            ("expiry_year", self.expiry_year.to_json()),
            ("cvc", self.cvc.to_json()),
        ])
    }
}

fn get_card(
    payment_method_data: &PaymentMethodData,
) -> Result<SamplepayCard, errors::ConnectorError> {
    match payment_method_data {
        PaymentMethodData::Card(card) => Ok(SamplepayCard {
            number: card.card_number.clone(),
            expiry_month: card.card_exp_month.clone(),
            expiry_year: card.card_exp_year.clone(),
            cvc: card.card_cvc.clone(),
        }),
        _ => Err(errors::ConnectorError::NotImplemented(
            "Payment method".to_string(),
        )),
    }
}

// PreProcessing (card enrolment / risk check before authorize)
pub struct SamplepayPreProcessingRequest {
    amount: StringMinorUnit,
    currency: enums::Currency,
    card_bin: String,
    return_url: Option<String>,
}

impl TryFrom<&SamplepayRouterData<&PaymentsPreProcessingRouterData>>
    for SamplepayPreProcessingRequest
{
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: &SamplepayRouterData<&PaymentsPreProcessingRouterData>,
    ) -> Result<Self, Self::Error> {
        let request = &item.router_data.request;
        let card = request
            .payment_method_data
            .as_ref()
            .ok_or(errors::ConnectorError::MissingRequiredField {
                field_name: "payment_method_data",
            })
            .and_then(get_card)?;
        Ok(Self {
            amount: item.amount.clone(),
            currency: request
                .currency
                .ok_or(errors::ConnectorError::MissingRequiredField {
                    field_name: "currency",
                })?,
            card_bin: card.number.get_card_isin(),
            return_url: request.router_return_url.clone(),
        })
    }
}

impl ToJson for SamplepayPreProcessingRequest {
    fn to_json(&self) -> Value {
        Value::object([
            ("amount", self.amount.to_json()),
            ("currency", Value::String(self.currency.to_string())),
            ("card_bin", self.card_bin.to_json()),
            ("return_url", self.return_url.to_json()),
        ])
    }
}

pub enum SamplepayPreProcessingStatus {
    Ready,
    RequiresAuthentication,
    Failed,
}

impl From<SamplepayPreProcessingStatus> for enums::AttemptStatus {
    fn from(item: SamplepayPreProcessingStatus) -> Self {
        match item {
            SamplepayPreProcessingStatus::Ready => Self::AuthenticationSuccessful,
            SamplepayPreProcessingStatus::RequiresAuthentication => Self::AuthenticationPending,
            SamplepayPreProcessingStatus::Failed => Self::AuthenticationFailed,
        }
    }
}

pub struct SamplepayPreProcessingResponse {
    id: String,
    status: SamplepayPreProcessingStatus,
    redirect_url: Option<String>,
}

impl FromJson for SamplepayPreProcessingResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let status = match value.field::<String>("status")?.as_str() {
            "ready" => SamplepayPreProcessingStatus::Ready,
            "requires_authentication" => SamplepayPreProcessingStatus::RequiresAuthentication,
            "failed" => SamplepayPreProcessingStatus::Failed,
            other => return Err(JsonError(format!("unknown preprocessing status {other}"))),
        };
        Ok(Self {
            id: value.field("id")?,
            status,
            redirect_url: value.field("redirect_url")?,
        })
    }
}

impl<F, T> TryFrom<ResponseRouterData<F, SamplepayPreProcessingResponse, T, PaymentsResponseData>>
    for RouterData<F, T, PaymentsResponseData>
{
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: ResponseRouterData<F, SamplepayPreProcessingResponse, T, PaymentsResponseData>,
    ) -> Result<Self, Self::Error> {
        let connector_metadata = item
            .response
            .redirect_url
            .map(|url| Value::object([("redirect_url", Value::String(url))]));
        Ok(Self {
            status: enums::AttemptStatus::from(item.response.status),
            preprocessing_id: Some(item.response.id.clone()),
            response: Ok(PaymentsResponseData::PreProcessingResponse {
                pre_processing_id: PreprocessingResponseId::PreProcessingId(item.response.id),
                connector_metadata,
                connector_response_reference_id: None,
            }),
            ..item.data
        })
    }
}

// Tokenization
pub struct SamplepayTokenRequest {
    card: SamplepayCard,
}

impl TryFrom<&TokenizationRouterData> for SamplepayTokenRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(item: &TokenizationRouterData) -> Result<Self, Self::Error> {
        Ok(Self {
            card: get_card(&item.request.payment_method_data)?,
        })
    }
}

impl ToJson for SamplepayTokenRequest {
    fn to_json(&self) -> Value {
        Value::object([("card", self.card.to_json())])
    }
}

pub struct SamplepayTokenResponse {
    token: String,
}

impl FromJson for SamplepayTokenResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        Ok(Self {
            token: value.field("token")?,
        })
    }
}

impl<F, T> TryFrom<ResponseRouterData<F, SamplepayTokenResponse, T, PaymentsResponseData>>
    for RouterData<F, T, PaymentsResponseData>
{
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: ResponseRouterData<F, SamplepayTokenResponse, T, PaymentsResponseData>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            response: Ok(PaymentsResponseData::TokenizationResponse {
                token: item.response.token,
            }),
            ..item.data
        })
    }
}

// Access token
pub struct SamplepayAccessTokenRequest {
    grant_type: String,
}

impl TryFrom<&RefreshTokenRouterData> for SamplepayAccessTokenRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(_item: &RefreshTokenRouterData) -> Result<Self, Self::Error> {
        Ok(Self {
            grant_type: "client_credentials".to_string(),
        })
    }
}

impl ToJson for SamplepayAccessTokenRequest {
    fn to_json(&self) -> Value {
        Value::object([("grant_type", self.grant_type.to_json())])
    }
}

pub struct SamplepayAccessTokenResponse {
    access_token: Secret<String>,
    expires_in: i64,
}

impl FromJson for SamplepayAccessTokenResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        Ok(Self {
            access_token: value.field("access_token")?,
            expires_in: value.field("expires_in")?,
        })
    }
}

impl<F, T> TryFrom<ResponseRouterData<F, SamplepayAccessTokenResponse, T, AccessToken>>
    for RouterData<F, T, AccessToken>
{
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: ResponseRouterData<F, SamplepayAccessTokenResponse, T, AccessToken>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            response: Ok(AccessToken {
                token: item.response.access_token,
                expires: item.response.expires_in,
            }),
            ..item.data
        })
    }
}

// Authorize
pub struct SamplepayPaymentsRequest {
    amount: StringMinorUnit,
    currency: enums::Currency,
    capture: bool,
    card: Option<SamplepayCard>,
    token: Option<Secret<String>>,
    customer_reference: Option<String>,
    ip: Option<Secret<String, IpAddress>>,
    reference: String,
    preprocessing_id: Option<String>,
}

impl TryFrom<&SamplepayRouterData<&PaymentsAuthorizeRouterData>> for SamplepayPaymentsRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: &SamplepayRouterData<&PaymentsAuthorizeRouterData>,
    ) -> Result<Self, Self::Error> {
        let router_data = item.router_data;
        // A token from the PaymentMethodToken flow replaces the raw card.
        let (card, token) = match router_data.get_payment_method_token() {
            Ok(PaymentMethodToken::Token(token)) => (None, Some(token)),
            Err(_) => (
                Some(get_card(&router_data.request.payment_method_data)?),
                None,
            ),
        };
        Ok(Self {
            amount: item.amount.clone(),
            currency: router_data.request.currency,
            capture: router_data.request.is_auto_capture()?,
            card,
            token,
            customer_reference: router_data
                .request
                .customer_id
                .as_ref()
                .map(|id| id.get_string_repr().to_string()),
            ip: router_data.request.get_ip_address_as_optional(),
            reference: router_data.connector_request_reference_id.clone(),
            // Links the payment to the PreProcessing check, when one ran.
            preprocessing_id: router_data.preprocessing_id.clone(),
        })
    }
}

impl ToJson for SamplepayPaymentsRequest {
    fn to_json(&self) -> Value {
        Value::object([
            ("amount", self.amount.to_json()),
            ("currency", Value::String(self.currency.to_string())),
            ("capture", self.capture.to_json()),
            ("card", self.card.to_json()),
            ("token", self.token.to_json()),
            ("customer_reference", self.customer_reference.to_json()),
            ("ip", self.ip.to_json()),
            ("reference", self.reference.to_json()),
            ("preprocessing_id", self.preprocessing_id.to_json()),
        ])
    }
}

// Capture
pub struct SamplepayCaptureRequest {
    amount: StringMinorUnit,
}

impl TryFrom<&SamplepayRouterData<&PaymentsCaptureRouterData>> for SamplepayCaptureRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: &SamplepayRouterData<&PaymentsCaptureRouterData>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            amount: item.amount.clone(),
        })
    }
}

impl ToJson for SamplepayCaptureRequest {
    fn to_json(&self) -> Value {
        Value::object([("amount", self.amount.to_json())])
    }
}

// Void
pub struct SamplepayVoidRequest {
    reason: Option<String>,
}

impl TryFrom<&PaymentsCancelRouterData> for SamplepayVoidRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(item: &PaymentsCancelRouterData) -> Result<Self, Self::Error> {
        Ok(Self {
            reason: item.request.cancellation_reason.clone(),
        })
    }
}

impl ToJson for SamplepayVoidRequest {
    fn to_json(&self) -> Value {
        Value::object([("reason", self.reason.to_json())])
    }
}

// Payment response (Authorize, PSync, Capture, Void)
#[derive(Debug, Default)]
pub enum SamplepayPaymentStatus {
    Succeeded,
    Authorized,
    #[default]
    Processing,
    RequiresAction,
    Failed,
    Canceled,
    CancelFailed,
    Refunded,
    PartiallyRefunded,
}

impl From<SamplepayPaymentStatus> for enums::AttemptStatus {
    fn from(item: SamplepayPaymentStatus) -> Self {
        match item {
            SamplepayPaymentStatus::Succeeded
            // A refunded payment was charged first.
            | SamplepayPaymentStatus::Refunded
            | SamplepayPaymentStatus::PartiallyRefunded => Self::Charged,
            SamplepayPaymentStatus::Authorized => Self::Authorized,
            SamplepayPaymentStatus::Processing => Self::Pending,
            SamplepayPaymentStatus::RequiresAction => Self::AuthenticationPending,
            SamplepayPaymentStatus::Failed => Self::Failure,
            SamplepayPaymentStatus::Canceled => Self::Voided,
            SamplepayPaymentStatus::CancelFailed => Self::VoidFailed,
        }
    }
}

pub struct SamplepayPaymentsResponse {
    id: String,
    status: SamplepayPaymentStatus,
    reference: Option<String>,
    redirect_url: Option<String>,
    failure_code: Option<String>,
    failure_message: Option<String>,
}

impl FromJson for SamplepayPaymentsResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let status = match value.field::<String>("status")?.as_str() {
            "succeeded" => SamplepayPaymentStatus::Succeeded,
            "authorized" => SamplepayPaymentStatus::Authorized,
            "processing" => SamplepayPaymentStatus::Processing,
            "requires_action" => SamplepayPaymentStatus::RequiresAction,
            "failed" => SamplepayPaymentStatus::Failed,
            "canceled" => SamplepayPaymentStatus::Canceled,
            "cancel_failed" => SamplepayPaymentStatus::CancelFailed,
            "refunded" => SamplepayPaymentStatus::Refunded,
            "partially_refunded" => SamplepayPaymentStatus::PartiallyRefunded,
            // Unknown statuses are treated as still in progress, never as failed.
            _ => SamplepayPaymentStatus::Processing,
        };
        Ok(Self {
            id: value.field("id")?,
            status,
            reference: value.field("reference")?,
            redirect_url: value.field("redirect_url")?,
            failure_code: value.field("failure_code")?,
            failure_message: value.field("failure_message")?,
        })
    }
}

impl<F, T> TryFrom<ResponseRouterData<F, SamplepayPaymentsResponse, T, PaymentsResponseData>>
    for RouterData<F, T, PaymentsResponseData>
{
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: ResponseRouterData<F, SamplepayPaymentsResponse, T, PaymentsResponseData>,
    ) -> Result<Self, Self::Error> {
        let status = enums::AttemptStatus::from(item.response.status);
        let response = if utils::is_payment_failure(status) {
            Err(ErrorResponse {
                code: item
                    .response
                    .failure_code
                    .unwrap_or_else(|| consts::NO_ERROR_CODE.to_string()),
                message: item
                    .response
                    .failure_message
                    .clone()
                    .unwrap_or_else(|| consts::NO_ERROR_MESSAGE.to_string()),
                reason: item.response.failure_message,
                status_code: item.http_code,
                attempt_status: Some(status),
                connector_transaction_id: Some(item.response.id),
                ..Default::default()
            })
        } else {
            let redirection_data = item
                .response
                .redirect_url
                .map(|endpoint| RedirectForm::Form {
                    endpoint,
                    method: Method::Get,
                    form_fields: Vec::new(),
                });
            Ok(PaymentsResponseData::TransactionResponse {
                resource_id: ResponseId::ConnectorTransactionId(item.response.id),
                redirection_data: Box::new(redirection_data),
                mandate_reference: Box::new(None),
                connector_metadata: None,
                network_txn_id: None,
                network_txn_link_id: None,
                connector_response_reference_id: item.response.reference,
                incremental_authorization_allowed: None,
            })
        };
        Ok(Self {
            status,
            response,
            ..item.data
        })
    }
}

// REFUND :
pub struct SamplepayRefundRequest {
    payment_id: String,
    amount: StringMinorUnit,
    reason: Option<String>,
}

impl<F> TryFrom<&SamplepayRouterData<&RefundsRouterData<F>>> for SamplepayRefundRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(item: &SamplepayRouterData<&RefundsRouterData<F>>) -> Result<Self, Self::Error> {
        Ok(Self {
            payment_id: item.router_data.request.connector_transaction_id.clone(),
            amount: item.amount.to_owned(),
            reason: item.router_data.request.reason.clone(),
        })
    }
}

impl ToJson for SamplepayRefundRequest {
    fn to_json(&self) -> Value {
        Value::object([
            ("payment_id", self.payment_id.to_json()),
            ("amount", self.amount.to_json()),
            ("reason", self.reason.to_json()),
        ])
    }
}

#[derive(Debug, Default)]
pub enum RefundStatus {
    Succeeded,
    Failed,
    Review,
    #[default]
    Pending,
}

impl From<RefundStatus> for enums::RefundStatus {
    fn from(item: RefundStatus) -> Self {
        match item {
            RefundStatus::Succeeded => Self::Success,
            RefundStatus::Failed => Self::Failure,
            RefundStatus::Review => Self::ManualReview,
            RefundStatus::Pending => Self::Pending,
        }
    }
}

pub struct RefundResponse {
    id: String,
    status: RefundStatus,
}

impl FromJson for RefundResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let status = match value.field::<String>("status")?.as_str() {
            "succeeded" => RefundStatus::Succeeded,
            "failed" => RefundStatus::Failed,
            "review" => RefundStatus::Review,
            _ => RefundStatus::Pending,
        };
        Ok(Self {
            id: value.field("id")?,
            status,
        })
    }
}

impl TryFrom<RefundsResponseRouterData<Execute, RefundResponse>> for RefundsRouterData<Execute> {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: RefundsResponseRouterData<Execute, RefundResponse>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            response: Ok(RefundsResponseData {
                connector_refund_id: item.response.id,
                refund_status: enums::RefundStatus::from(item.response.status),
            }),
            ..item.data
        })
    }
}

impl TryFrom<RefundsResponseRouterData<RSync, RefundResponse>> for RefundsRouterData<RSync> {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: RefundsResponseRouterData<RSync, RefundResponse>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            response: Ok(RefundsResponseData {
                connector_refund_id: item.response.id,
                refund_status: enums::RefundStatus::from(item.response.status),
            }),
            ..item.data
        })
    }
}

pub struct SamplepayErrorResponse {
    pub status_code: u16,
    pub code: String,
    pub message: String,
    pub reason: Option<String>,
    pub network_advice_code: Option<String>,
    pub network_decline_code: Option<String>,
    pub network_error_message: Option<String>,
}

impl FromJson for SamplepayErrorResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        Ok(Self {
            status_code: 0,
            code: value.field("code")?,
            message: value.field("message")?,
            reason: value.field("reason")?,
            network_advice_code: value.field("network_advice_code")?,
            network_decline_code: value.field("decline_code")?,
            network_error_message: value.field("network_message")?,
        })
    }
}
