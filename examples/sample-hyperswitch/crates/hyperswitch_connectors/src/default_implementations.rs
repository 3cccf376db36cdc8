//! Empty `ConnectorIntegration` impls for the flows a connector does not
//! implement itself. Each macro emits the marker trait impl *and* the empty
//! integration impl, so a connector is listed in a macro XOR has its own impl.
//! The invocation lists are kept one connector per line, as in Hyperswitch.

use hyperswitch_domain_models::{
    router_flow_types::payments::{
        Approve, AuthorizeSessionToken, CompleteAuthorize, CreateConnectorCustomer,
        IncrementalAuthorization, PostSessionTokens, PreProcessing, Reject, SdkSessionUpdate,
        UpdateMetadata,
    },
    router_request_types::{
        AuthorizeSessionTokenData, CompleteAuthorizeData, ConnectorCustomerData,
        PaymentsApproveData, PaymentsIncrementalAuthorizationData, PaymentsPostSessionTokensData,
        PaymentsPreProcessingData, PaymentsRejectData, PaymentsUpdateMetadataData,
        SdkPaymentsSessionUpdateData,
    },
    router_response_types::PaymentsResponseData,
};
use hyperswitch_interfaces::api::{
    ConnectorCustomer, ConnectorIntegration, PaymentApprove, PaymentAuthorizeSessionToken,
    PaymentIncrementalAuthorization, PaymentPostSessionTokens, PaymentReject, PaymentSessionUpdate,
    PaymentUpdateMetadata, PaymentsCompleteAuthorize, PaymentsPreProcessing,
};

use crate::connectors;

macro_rules! default_imp_for_pre_processing_steps {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentsPreProcessing for $path::$connector {}
            impl
            ConnectorIntegration<
                PreProcessing,
                PaymentsPreProcessingData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_pre_processing_steps!(
    connectors::AcmePay
);

macro_rules! default_imp_for_complete_authorize {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentsCompleteAuthorize for $path::$connector {}
            impl
            ConnectorIntegration<
                CompleteAuthorize,
                CompleteAuthorizeData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_complete_authorize!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_incremental_authorization {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentIncrementalAuthorization for $path::$connector {}
            impl
            ConnectorIntegration<
                IncrementalAuthorization,
                PaymentsIncrementalAuthorizationData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_incremental_authorization!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_create_customer {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl ConnectorCustomer for $path::$connector {}
            impl
            ConnectorIntegration<
                CreateConnectorCustomer,
                ConnectorCustomerData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_create_customer!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_post_session_tokens {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentPostSessionTokens for $path::$connector {}
            impl
            ConnectorIntegration<
                PostSessionTokens,
                PaymentsPostSessionTokensData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_post_session_tokens!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_session_update {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentSessionUpdate for $path::$connector {}
            impl
            ConnectorIntegration<
                SdkSessionUpdate,
                SdkPaymentsSessionUpdateData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_session_update!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_update_metadata {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentUpdateMetadata for $path::$connector {}
            impl
            ConnectorIntegration<
                UpdateMetadata,
                PaymentsUpdateMetadataData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_update_metadata!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_authorize_session_token {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentAuthorizeSessionToken for $path::$connector {}
            impl
            ConnectorIntegration<
                AuthorizeSessionToken,
                AuthorizeSessionTokenData,
                PaymentsResponseData,
            >
            for $path::$connector {}
        )*
    };
}

default_imp_for_authorize_session_token!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_approve {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentApprove for $path::$connector {}
            impl ConnectorIntegration<Approve, PaymentsApproveData, PaymentsResponseData>
            for $path::$connector {}
        )*
    };
}

default_imp_for_approve!(
    connectors::AcmePay,
    connectors::Samplepay
);

macro_rules! default_imp_for_reject {
    ($($path:ident::$connector:ident),*) => {
        $(
            impl PaymentReject for $path::$connector {}
            impl ConnectorIntegration<Reject, PaymentsRejectData, PaymentsResponseData>
            for $path::$connector {}
        )*
    };
}

default_imp_for_reject!(
    connectors::AcmePay,
    connectors::Samplepay
);
