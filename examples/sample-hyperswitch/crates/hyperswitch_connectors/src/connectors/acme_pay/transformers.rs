use common_enums::enums;
use common_utils::types::MinorUnit;
use hyperswitch_domain_models::{
    payment_method_data::PaymentMethodData,
    router_data::{ConnectorAuthType, RouterData},
    router_flow_types::refunds::{Execute, RSync},
    router_request_types::ResponseId,
    router_response_types::{PaymentsResponseData, RefundsResponseData},
    types::{PaymentsAuthorizeRouterData, PaymentsCaptureRouterData, RefundsRouterData},
};
use hyperswitch_interfaces::errors;
use hyperswitch_masking::Secret;
use serde_json::{Error as JsonError, FromJson, ToJson, Value};

use crate::{
    types::{RefundsResponseRouterData, ResponseRouterData},
    utils::PaymentsAuthorizeRequestData,
};

pub struct AcmePayRouterData<T> {
    pub amount: MinorUnit,
    pub router_data: T,
}

impl<T> From<(MinorUnit, T)> for AcmePayRouterData<T> {
    fn from((amount, item): (MinorUnit, T)) -> Self {
        Self {
            amount,
            router_data: item,
        }
    }
}

pub struct AcmePayAuthType {
    pub(super) api_key: Secret<String>,
}

impl TryFrom<&ConnectorAuthType> for AcmePayAuthType {
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

pub struct AcmePayCard {
    pan: cards::CardNumber,
    exp_month: Secret<String>,
    exp_year: Secret<String>,
    security_code: Secret<String>,
}

pub struct AcmePayPaymentsRequest {
    amount: MinorUnit,
    currency: enums::Currency,
    auto_capture: bool,
    card: AcmePayCard,
    merchant_reference: String,
}

impl TryFrom<&AcmePayRouterData<&PaymentsAuthorizeRouterData>> for AcmePayPaymentsRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: &AcmePayRouterData<&PaymentsAuthorizeRouterData>,
    ) -> Result<Self, Self::Error> {
        match &item.router_data.request.payment_method_data {
            PaymentMethodData::Card(card) => Ok(Self {
                amount: item.amount,
                currency: item.router_data.request.currency,
                auto_capture: item.router_data.request.is_auto_capture()?,
                card: AcmePayCard {
                    pan: card.card_number.clone(),
                    exp_month: card.card_exp_month.clone(),
                    exp_year: card.card_exp_year.clone(),
                    security_code: card.card_cvc.clone(),
                },
                merchant_reference: item.router_data.connector_request_reference_id.clone(),
            }),
            _ => Err(errors::ConnectorError::NotImplemented("Payment method".to_string()).into()),
        }
    }
}

impl ToJson for AcmePayPaymentsRequest {
    fn to_json(&self) -> Value {
        Value::object([
            ("amount", self.amount.to_json()),
            ("currency", Value::String(self.currency.to_string())),
            ("auto_capture", self.auto_capture.to_json()),
            (
                "card",
                Value::object([
                    ("pan", self.card.pan.to_json()),
                    ("exp_month", self.card.exp_month.to_json()),
                    ("exp_year", self.card.exp_year.to_json()),
                    ("security_code", self.card.security_code.to_json()),
                ]),
            ),
            ("merchant_reference", self.merchant_reference.to_json()),
        ])
    }
}

/// Body of capture and refund requests.
pub struct AcmePayAmountRequest {
    amount: MinorUnit,
}

impl TryFrom<&AcmePayRouterData<&PaymentsCaptureRouterData>> for AcmePayAmountRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(item: &AcmePayRouterData<&PaymentsCaptureRouterData>) -> Result<Self, Self::Error> {
        Ok(Self {
            amount: item.amount,
        })
    }
}

impl<F> TryFrom<&AcmePayRouterData<&RefundsRouterData<F>>> for AcmePayAmountRequest {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(item: &AcmePayRouterData<&RefundsRouterData<F>>) -> Result<Self, Self::Error> {
        Ok(Self {
            amount: item.amount,
        })
    }
}

impl ToJson for AcmePayAmountRequest {
    fn to_json(&self) -> Value {
        Value::object([("amount", self.amount.to_json())])
    }
}

pub enum AcmePayPaymentStatus {
    Authorised,
    Captured,
    Declined,
    Pending,
    Voided,
    Refunded,
}

impl From<AcmePayPaymentStatus> for enums::AttemptStatus {
    fn from(item: AcmePayPaymentStatus) -> Self {
        match item {
            AcmePayPaymentStatus::Authorised => Self::Authorized,
            AcmePayPaymentStatus::Captured | AcmePayPaymentStatus::Refunded => Self::Charged,
            AcmePayPaymentStatus::Declined => Self::Failure,
            AcmePayPaymentStatus::Pending => Self::Pending,
            AcmePayPaymentStatus::Voided => Self::Voided,
        }
    }
}

pub struct AcmePayPaymentsResponse {
    charge_id: String,
    status: AcmePayPaymentStatus,
    merchant_reference: Option<String>,
}

impl FromJson for AcmePayPaymentsResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let status = match value.field::<String>("status")?.as_str() {
            "AUTHORISED" => AcmePayPaymentStatus::Authorised,
            "CAPTURED" => AcmePayPaymentStatus::Captured,
            "DECLINED" => AcmePayPaymentStatus::Declined,
            "PENDING" => AcmePayPaymentStatus::Pending,
            "VOIDED" => AcmePayPaymentStatus::Voided,
            "REFUNDED" => AcmePayPaymentStatus::Refunded,
            other => return Err(JsonError(format!("unknown charge status {other}"))),
        };
        Ok(Self {
            charge_id: value.field("charge_id")?,
            status,
            merchant_reference: value.field("merchant_reference")?,
        })
    }
}

impl<F, T> TryFrom<ResponseRouterData<F, AcmePayPaymentsResponse, T, PaymentsResponseData>>
    for RouterData<F, T, PaymentsResponseData>
{
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: ResponseRouterData<F, AcmePayPaymentsResponse, T, PaymentsResponseData>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            status: enums::AttemptStatus::from(item.response.status),
            response: Ok(PaymentsResponseData::TransactionResponse {
                resource_id: ResponseId::ConnectorTransactionId(item.response.charge_id),
                redirection_data: Box::new(None),
                mandate_reference: Box::new(None),
                connector_metadata: None,
                network_txn_id: None,
                network_txn_link_id: None,
                connector_response_reference_id: item.response.merchant_reference,
                incremental_authorization_allowed: None,
            }),
            ..item.data
        })
    }
}

pub enum AcmePayRefundStatus {
    Success,
    Pending,
    Failed,
}

pub struct AcmePayRefundResponse {
    refund_id: String,
    status: AcmePayRefundStatus,
}

impl FromJson for AcmePayRefundResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let status = match value.field::<String>("status")?.as_str() {
            "SUCCESS" => AcmePayRefundStatus::Success,
            "PENDING" => AcmePayRefundStatus::Pending,
            "FAILED" => AcmePayRefundStatus::Failed,
            other => return Err(JsonError(format!("unknown refund status {other}"))),
        };
        Ok(Self {
            refund_id: value.field("refund_id")?,
            status,
        })
    }
}

impl From<AcmePayRefundStatus> for enums::RefundStatus {
    fn from(item: AcmePayRefundStatus) -> Self {
        match item {
            AcmePayRefundStatus::Success => Self::Success,
            AcmePayRefundStatus::Pending => Self::Pending,
            AcmePayRefundStatus::Failed => Self::Failure,
        }
    }
}

impl TryFrom<RefundsResponseRouterData<Execute, AcmePayRefundResponse>>
    for RefundsRouterData<Execute>
{
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: RefundsResponseRouterData<Execute, AcmePayRefundResponse>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            response: Ok(RefundsResponseData {
                connector_refund_id: item.response.refund_id,
                refund_status: enums::RefundStatus::from(item.response.status),
            }),
            ..item.data
        })
    }
}

impl TryFrom<RefundsResponseRouterData<RSync, AcmePayRefundResponse>> for RefundsRouterData<RSync> {
    type Error = error_stack::Report<errors::ConnectorError>;
    fn try_from(
        item: RefundsResponseRouterData<RSync, AcmePayRefundResponse>,
    ) -> Result<Self, Self::Error> {
        Ok(Self {
            response: Ok(RefundsResponseData {
                connector_refund_id: item.response.refund_id,
                refund_status: enums::RefundStatus::from(item.response.status),
            }),
            ..item.data
        })
    }
}

pub struct AcmePayErrorResponse {
    pub error_code: String,
    pub error_message: String,
    pub detail: Option<String>,
}

impl FromJson for AcmePayErrorResponse {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        Ok(Self {
            error_code: value.field("error_code")?,
            error_message: value.field("error_message")?,
            detail: value.field("detail")?,
        })
    }
}
