//! Flow-common data used by `ConnectorIntegrationV2` (kept trivial here).

#[derive(Clone, Debug, Default)]
pub struct PaymentFlowData {
    pub payment_id: String,
}

#[derive(Clone, Debug, Default)]
pub struct RefundFlowData {
    pub refund_id: String,
}

#[derive(Clone, Debug, Default)]
pub struct AccessTokenFlowData;
