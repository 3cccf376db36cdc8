//! Refunds V2 interface

use hyperswitch_domain_models::{
    router_data_v2::RefundFlowData,
    router_flow_types::{Execute, RSync},
    router_request_types::RefundsData,
    router_response_types::RefundsResponseData,
};

use crate::connector_integration_v2::ConnectorIntegrationV2;

/// trait RefundExecuteV2
pub trait RefundExecuteV2:
    ConnectorIntegrationV2<Execute, RefundFlowData, RefundsData, RefundsResponseData>
{
}

/// trait RefundSyncV2
pub trait RefundSyncV2:
    ConnectorIntegrationV2<RSync, RefundFlowData, RefundsData, RefundsResponseData>
{
}

/// trait RefundV2
pub trait RefundV2: RefundExecuteV2 + RefundSyncV2 {}
