use std::marker::PhantomData;

use common_enums::enums::{AttemptStatus, Currency, PaymentMethod};
use common_utils::{id_type, types::MinorUnit};
use hyperswitch_domain_models::{
    connector_endpoints::{ConnectorParams, Connectors},
    payment_method_data::{Card, PaymentMethodData},
    router_data::{AccessToken, ConnectorAuthType, RouterData},
    router_request_types::{BrowserInformation, PaymentsAuthorizeData},
};
use hyperswitch_interfaces::types::Response;
use hyperswitch_masking::Secret;
use router::types::api::{self, enums, ConnectorData};
use test_utils::connector_auth::ConnectorAuthentication;

pub trait Connector {
    fn get_data(&self) -> Result<ConnectorData, String>;
    fn get_auth_token(&self) -> ConnectorAuthType;
    fn get_name(&self) -> String;
}

pub fn construct_connector_data_old(
    connector: api::BoxedConnector,
    connector_name: enums::Connector,
) -> ConnectorData {
    ConnectorData {
        connector: router::services::connector_integration_interface::ConnectorEnum::Old(connector),
        connector_name,
    }
}

/// Credentials from `sample_auth.toml` (no environment variable needed).
pub fn sample_auth() -> ConnectorAuthentication {
    ConnectorAuthentication::from_toml_str(include_str!("sample_auth.toml"))
}

/// Base URLs as in `config/development.toml`.
pub fn connectors() -> Connectors {
    Connectors {
        acme_pay: ConnectorParams {
            base_url: "https://sandbox.acmepay.test/".to_string(),
            secondary_base_url: None,
        },
        samplepay: ConnectorParams {
            base_url: "https://api.samplepay.test/".to_string(),
            secondary_base_url: None,
        },
        ..Default::default()
    }
}

pub fn router_data<F, Req, Resp>(
    connector: &str,
    auth: ConnectorAuthType,
    request: Req,
) -> RouterData<F, Req, Resp> {
    RouterData {
        flow: PhantomData,
        merchant_id: id_type::MerchantId::new("merchant_1"),
        customer_id: Some(id_type::CustomerId::new("cus_123")),
        connector_customer: None,
        connector: connector.to_string(),
        payment_id: "pay_1".to_string(),
        attempt_id: "pay_1_1".to_string(),
        status: AttemptStatus::Started,
        payment_method: PaymentMethod::Card,
        connector_auth_type: auth,
        description: None,
        access_token: Some(AccessToken {
            token: Secret::new("tok_access".to_string()),
            expires: 3600,
        }),
        payment_method_token: None,
        preprocessing_id: None,
        request,
        response: Err(Default::default()),
        connector_request_reference_id: "ref_1".to_string(),
    }
}

pub fn card() -> Result<Card, String> {
    Ok(Card {
        card_number: "4111111111111111"
            .parse::<cards::CardNumber>()
            .map_err(|e| e.0.to_string())?,
        card_exp_month: Secret::new("03".to_string()),
        card_exp_year: Secret::new("2030".to_string()),
        card_cvc: Secret::new("123".to_string()),
        card_holder_name: None,
        card_issuer: None,
        nick_name: None,
    })
}

pub fn payment_authorize_data() -> Result<PaymentsAuthorizeData, String> {
    Ok(PaymentsAuthorizeData {
        payment_method_data: PaymentMethodData::Card(card()?),
        amount: 1000,
        minor_amount: MinorUnit::new(1000),
        currency: Currency::USD,
        email: None,
        customer_name: None,
        customer_id: Some(id_type::CustomerId::new("cus_123")),
        capture_method: None,
        browser_info: Some(BrowserInformation {
            ip_address: "127.0.0.1".parse().ok(),
            ..Default::default()
        }),
        router_return_url: None,
        webhook_url: None,
        statement_descriptor: None,
    })
}

pub fn response(status_code: u16, body: &str) -> Response {
    Response {
        headers: Vec::new(),
        response: body.as_bytes().to_vec(),
        status_code,
    }
}
