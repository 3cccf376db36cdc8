//! Payments V2 interface (only the core flows are modelled here)

use hyperswitch_domain_models::{
    router_data_v2::PaymentFlowData,
    router_flow_types::payments::{Authorize, Capture, PSync, Void},
    router_request_types::{
        PaymentsAuthorizeData, PaymentsCancelData, PaymentsCaptureData, PaymentsSyncData,
    },
    router_response_types::PaymentsResponseData,
};

use crate::connector_integration_v2::ConnectorIntegrationV2;

/// trait PaymentAuthorizeV2
pub trait PaymentAuthorizeV2:
    ConnectorIntegrationV2<Authorize, PaymentFlowData, PaymentsAuthorizeData, PaymentsResponseData>
{
}

/// trait PaymentSyncV2
pub trait PaymentSyncV2:
    ConnectorIntegrationV2<PSync, PaymentFlowData, PaymentsSyncData, PaymentsResponseData>
{
}

/// trait PaymentCaptureV2
pub trait PaymentCaptureV2:
    ConnectorIntegrationV2<Capture, PaymentFlowData, PaymentsCaptureData, PaymentsResponseData>
{
}

/// trait PaymentVoidV2
pub trait PaymentVoidV2:
    ConnectorIntegrationV2<Void, PaymentFlowData, PaymentsCancelData, PaymentsResponseData>
{
}

/// trait PaymentV2
pub trait PaymentV2: PaymentAuthorizeV2 + PaymentSyncV2 + PaymentCaptureV2 + PaymentVoidV2 {}
