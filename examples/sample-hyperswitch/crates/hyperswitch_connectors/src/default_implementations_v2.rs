//! Empty `ConnectorIntegrationV2` impls (kept trivial: the core flows only).

use hyperswitch_domain_models::{
    router_data_v2::{PaymentFlowData, RefundFlowData},
    router_flow_types::{
        payments::{Authorize, Capture, PSync, Void},
        refunds::{Execute, RSync},
    },
    router_request_types::{
        PaymentsAuthorizeData, PaymentsCancelData, PaymentsCaptureData, PaymentsSyncData,
        RefundsData,
    },
    router_response_types::{PaymentsResponseData, RefundsResponseData},
};
use hyperswitch_interfaces::{
    api::{
        PaymentAuthorizeV2, PaymentCaptureV2, PaymentSyncV2, PaymentV2, PaymentVoidV2,
        RefundExecuteV2, RefundSyncV2, RefundV2,
    },
    connector_integration_v2::ConnectorIntegrationV2,
};

use crate::connectors;

macro_rules! default_imp_for_new_connector_integration_payment {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentV2 for $path::$connector{}
            impl PaymentAuthorizeV2 for $path::$connector{}
            impl PaymentSyncV2 for $path::$connector{}
            impl PaymentVoidV2 for $path::$connector{}
            impl PaymentCaptureV2 for $path::$connector{}
            impl
            ConnectorIntegrationV2<Authorize, PaymentFlowData, PaymentsAuthorizeData, PaymentsResponseData>
            for $path::$connector{}
            impl
            ConnectorIntegrationV2<PSync, PaymentFlowData, PaymentsSyncData, PaymentsResponseData>
            for $path::$connector{}
            impl
            ConnectorIntegrationV2<Void, PaymentFlowData, PaymentsCancelData, PaymentsResponseData>
            for $path::$connector{}
            impl
            ConnectorIntegrationV2<Capture, PaymentFlowData, PaymentsCaptureData, PaymentsResponseData>
            for $path::$connector{}
    )*
    };
}

default_imp_for_new_connector_integration_payment!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_new_connector_integration_refund {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl RefundV2 for $path::$connector{}
            impl RefundExecuteV2 for $path::$connector{}
            impl RefundSyncV2 for $path::$connector{}
            impl
            ConnectorIntegrationV2<Execute, RefundFlowData, RefundsData, RefundsResponseData>
            for $path::$connector{}
            impl
            ConnectorIntegrationV2<RSync, RefundFlowData, RefundsData, RefundsResponseData>
            for $path::$connector{}
    )*
    };
}

default_imp_for_new_connector_integration_refund!(
    connectors::AcmePay,
    connectors::Samplepay
);
