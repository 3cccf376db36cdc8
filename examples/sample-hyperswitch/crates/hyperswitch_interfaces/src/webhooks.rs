//! Incoming webhook interface (minimal).

use common_utils::errors::CustomResult;

use crate::{api::ConnectorCommon, errors};

pub struct IncomingWebhookRequestDetails<'a> {
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// Extra information about the object a webhook refers to.
#[derive(Debug, Default)]
pub struct WebhookContext {
    pub connector_transaction_id: Option<String>,
}

#[derive(Debug, Eq, PartialEq)]
pub enum ObjectReferenceId {
    PaymentId(String),
    RefundId(String),
}

#[derive(Debug, Eq, PartialEq)]
pub enum IncomingWebhookEvent {
    PaymentIntentSuccess,
    PaymentIntentFailure,
    RefundSuccess,
    RefundFailure,
    EventNotSupported,
}

pub trait IncomingWebhook: ConnectorCommon + Sync {
    fn get_webhook_object_reference_id(
        &self,
        _request: &IncomingWebhookRequestDetails<'_>,
    ) -> CustomResult<ObjectReferenceId, errors::ConnectorError>;

    fn get_webhook_event_type(
        &self,
        _request: &IncomingWebhookRequestDetails<'_>,
        _context: Option<&WebhookContext>,
    ) -> CustomResult<IncomingWebhookEvent, errors::ConnectorError>;

    fn get_webhook_resource_object(
        &self,
        _request: &IncomingWebhookRequestDetails<'_>,
    ) -> CustomResult<Box<dyn hyperswitch_masking::ErasedMaskSerialize>, errors::ConnectorError>;
}
