use common_enums::enums::{AttemptStatus, RefundStatus};
use common_utils::request::Method;
use hyperswitch_domain_models::{
    router_data::ConnectorAuthType,
    router_request_types::{PaymentsCancelData, RefundsData},
    types::{PaymentsAuthorizeRouterData, PaymentsCancelRouterData, RefundSyncRouterData},
};
use hyperswitch_interfaces::{api::ConnectorCommon as _, types};
use router::{
    connector::Samplepay,
    core::connector_validation::ConnectorAuthTypeAndMetadataValidation,
    types::api::{enums, ConnectorData},
};

use crate::utils::{self, Connector};

struct SamplepayTest;

impl Connector for SamplepayTest {
    fn get_data(&self) -> Result<ConnectorData, String> {
        Ok(utils::construct_connector_data_old(
            Box::new(Samplepay::new()),
            enums::Connector::Samplepay,
        ))
    }

    fn get_auth_token(&self) -> ConnectorAuthType {
        utils::sample_auth()
            .samplepay
            .map(ConnectorAuthType::from)
            .unwrap_or_default()
    }

    fn get_name(&self) -> String {
        "samplepay".to_string()
    }
}

#[test]
fn should_build_authorize_request() -> Result<(), String> {
    let connectors = utils::connectors();
    let req: PaymentsAuthorizeRouterData = utils::router_data(
        &SamplepayTest.get_name(),
        SamplepayTest.get_auth_token(),
        utils::payment_authorize_data()?,
    );
    let request = types::PaymentsAuthorizeType::build_request(Samplepay::new(), &req, &connectors)
        .map_err(|e| format!("{e:?}"))?
        .ok_or("no request built")?;
    assert_eq!(request.url, "https://api.samplepay.test/v1/payments");
    assert_eq!(request.method, Method::Post);
    let body = request
        .body
        .map(|b| b.get_inner_value())
        .unwrap_or_default();
    assert!(body.contains(r#""amount":"1000""#), "{body}");
    assert!(body.contains(r#""number":"4111111111111111""#), "{body}");
    assert!(body.contains(r#""customer_reference":"cus_123""#), "{body}");
    assert!(body.contains(r#""ip":"127.0.0.1""#), "{body}");
    Ok(())
}

#[test]
fn should_map_authorize_response() -> Result<(), String> {
    let req: PaymentsAuthorizeRouterData = utils::router_data(
        "samplepay",
        SamplepayTest.get_auth_token(),
        utils::payment_authorize_data()?,
    );
    let res = utils::response(200, r#"{"id": "sp_pay_1", "status": "succeeded"}"#);
    let data = types::PaymentsAuthorizeType::handle_response(Samplepay::new(), &req, None, res)
        .map_err(|e| format!("{e:?}"))?;
    assert_eq!(data.status, AttemptStatus::Charged);
    Ok(())
}

#[test]
fn should_build_void_and_rsync_urls() -> Result<(), String> {
    let connectors = utils::connectors();
    let auth = SamplepayTest.get_auth_token();
    let void: PaymentsCancelRouterData = utils::router_data(
        "samplepay",
        auth.clone(),
        PaymentsCancelData {
            connector_transaction_id: "sp_pay_1".to_string(),
            ..Default::default()
        },
    );
    let url = types::PaymentsVoidType::get_url(Samplepay::new(), &void, &connectors);
    assert_eq!(
        url.ok().as_deref(),
        Some("https://api.samplepay.test/v1/payments/sp_pay_1/cancel")
    );
    let rsync: RefundSyncRouterData = utils::router_data(
        "samplepay",
        auth,
        RefundsData {
            connector_refund_id: Some("sp_ref_1".to_string()),
            ..Default::default()
        },
    );
    let res = utils::response(200, r#"{"id": "sp_ref_1", "status": "succeeded"}"#);
    let data = types::RefundSyncType::handle_response(Samplepay::new(), &rsync, None, res)
        .map_err(|e| format!("{e:?}"))?;
    assert_eq!(
        data.response.map(|r| r.refund_status).ok(),
        Some(RefundStatus::Success)
    );
    Ok(())
}

#[test]
fn should_parse_error_response() {
    let res = utils::response(400, r#"{"code": "card_declined", "message": "Declined"}"#);
    let err = Samplepay::new().build_error_response(res, None);
    assert_eq!(err.ok().map(|e| e.code), Some("card_declined".to_string()));
}

#[test]
fn should_validate_auth_and_mapping() -> Result<(), String> {
    let auth = SamplepayTest.get_auth_token();
    let validation = ConnectorAuthTypeAndMetadataValidation {
        connector_name: &enums::Connector::Samplepay,
        auth_type: &auth,
        connector_meta_data: &None,
    };
    assert!(validation.validate_auth_and_metadata_type().is_ok());
    let data = ConnectorData::get_connector_by_name("samplepay").map_err(|e| format!("{e:?}"))?;
    assert_eq!(data.connector.id(), "samplepay");
    assert_eq!(
        SamplepayTest.get_data()?.connector_name,
        data.connector_name
    );
    Ok(())
}
