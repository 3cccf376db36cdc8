use common_enums::enums::AttemptStatus;
use common_utils::request::Method;
use hyperswitch_domain_models::{
    router_data::ConnectorAuthType,
    router_request_types::{PaymentsSyncData, ResponseId},
    types::{PaymentsAuthorizeRouterData, PaymentsSyncRouterData},
};
use hyperswitch_interfaces::types;
use router::{
    connector::AcmePay,
    types::api::{enums, ConnectorData},
};

use crate::utils::{self, Connector};

struct AcmePayTest;

impl Connector for AcmePayTest {
    fn get_data(&self) -> Result<ConnectorData, String> {
        Ok(utils::construct_connector_data_old(
            Box::new(AcmePay::new()),
            enums::Connector::AcmePay,
        ))
    }

    fn get_auth_token(&self) -> ConnectorAuthType {
        utils::sample_auth()
            .acme_pay
            .map(ConnectorAuthType::from)
            .unwrap_or_default()
    }

    fn get_name(&self) -> String {
        "acme_pay".to_string()
    }
}

#[test]
fn should_build_authorize_request() -> Result<(), String> {
    let connectors = utils::connectors();
    let req: PaymentsAuthorizeRouterData = utils::router_data(
        &AcmePayTest.get_name(),
        AcmePayTest.get_auth_token(),
        utils::payment_authorize_data()?,
    );
    let request = types::PaymentsAuthorizeType::build_request(AcmePay::new(), &req, &connectors)
        .map_err(|e| format!("{e:?}"))?
        .ok_or("no request built")?;
    assert_eq!(request.url, "https://sandbox.acmepay.test/v2/charges");
    assert_eq!(request.method, Method::Post);
    let body = request
        .body
        .map(|b| b.get_inner_value())
        .unwrap_or_default();
    assert!(body.contains(r#""amount":1000"#), "{body}");
    Ok(())
}

#[test]
fn should_sync_payment() -> Result<(), String> {
    let connectors = utils::connectors();
    let req: PaymentsSyncRouterData = utils::router_data(
        "acme_pay",
        AcmePayTest.get_auth_token(),
        PaymentsSyncData {
            connector_transaction_id: ResponseId::ConnectorTransactionId("ch_1".to_string()),
            ..Default::default()
        },
    );
    let url = types::PaymentsSyncType::get_url(AcmePay::new(), &req, &connectors);
    assert_eq!(
        url.ok().as_deref(),
        Some("https://sandbox.acmepay.test/v2/charges/ch_1")
    );
    let res = utils::response(200, r#"{"charge_id": "ch_1", "status": "AUTHORISED"}"#);
    let data = types::PaymentsSyncType::handle_response(AcmePay::new(), &req, None, res)
        .map_err(|e| format!("{e:?}"))?;
    assert_eq!(data.status, AttemptStatus::Authorized);
    assert_eq!(AcmePayTest.get_data()?.connector.id(), "acme_pay");
    Ok(())
}
