//! Connector-facing API traits.

pub mod payments;
pub mod payments_v2;
pub mod refunds;
pub mod refunds_v2;

use common_utils::{
    errors::CustomResult,
    request::{Method, Request, RequestContent},
};
use hyperswitch_domain_models::{
    router_data::{AccessToken, ConnectorAuthType, ErrorResponse, RouterData},
    router_flow_types::AccessTokenAuth,
    router_request_types::AccessTokenRequestData,
    router_response_types::{ConnectorInfo, SupportedPaymentMethods},
};
use hyperswitch_masking::Maskable;

pub use self::{payments::*, payments_v2::*, refunds::*, refunds_v2::*};
use crate::{
    configs::Connectors, consts, errors, events::connector_api_logs::ConnectorEvent,
    types::Response, webhooks::IncomingWebhook,
};

/// type BoxedConnectorIntegration
pub type BoxedConnectorIntegration<'a, T, Req, Resp> =
    Box<&'a (dyn ConnectorIntegration<T, Req, Resp> + Send + Sync)>;

/// trait ConnectorIntegrationAny
pub trait ConnectorIntegrationAny<T, Req, Resp>: Send + Sync + 'static {
    fn get_connector_integration(&self) -> BoxedConnectorIntegration<'_, T, Req, Resp>;
}

impl<S, T, Req, Resp> ConnectorIntegrationAny<T, Req, Resp> for S
where
    S: ConnectorIntegration<T, Req, Resp> + Send + Sync,
{
    fn get_connector_integration(&self) -> BoxedConnectorIntegration<'_, T, Req, Resp> {
        Box::new(self)
    }
}

/// One flow of a connector: how to build its request and read its response.
pub trait ConnectorIntegration<T, Req, Resp>:
    ConnectorIntegrationAny<T, Req, Resp> + Sync + ConnectorCommon
{
    fn get_headers(
        &self,
        _req: &RouterData<T, Req, Resp>,
        _connectors: &Connectors,
    ) -> CustomResult<Vec<(String, Maskable<String>)>, errors::ConnectorError> {
        Ok(vec![])
    }

    fn get_content_type(&self) -> &'static str {
        "application/json"
    }

    fn get_http_method(&self) -> Method {
        Method::Post
    }

    fn get_url(
        &self,
        _req: &RouterData<T, Req, Resp>,
        _connectors: &Connectors,
    ) -> CustomResult<String, errors::ConnectorError> {
        Ok(String::new())
    }

    fn get_request_body(
        &self,
        _req: &RouterData<T, Req, Resp>,
        _connectors: &Connectors,
    ) -> CustomResult<RequestContent, errors::ConnectorError> {
        Ok(RequestContent::Json(Box::new(serde_json::Value::String(
            "{}".to_string(),
        ))))
    }

    /// The default does nothing: a flow without this override never calls the connector.
    fn build_request(
        &self,
        _req: &RouterData<T, Req, Resp>,
        _connectors: &Connectors,
    ) -> CustomResult<Option<Request>, errors::ConnectorError> {
        Ok(None)
    }

    fn handle_response(
        &self,
        data: &RouterData<T, Req, Resp>,
        _event_builder: Option<&mut ConnectorEvent>,
        _res: Response,
    ) -> CustomResult<RouterData<T, Req, Resp>, errors::ConnectorError>
    where
        T: Clone,
        Req: Clone,
        Resp: Clone,
    {
        Ok(data.clone())
    }

    fn get_error_response(
        &self,
        _res: Response,
        _event_builder: Option<&mut ConnectorEvent>,
    ) -> CustomResult<ErrorResponse, errors::ConnectorError> {
        Ok(ErrorResponse::get_not_implemented())
    }
}

/// Connector accepted currency unit as either "Base" or "Minor"
#[derive(Debug)]
pub enum CurrencyUnit {
    Base,
    Minor,
}

pub trait ConnectorCommon {
    /// Name of the connector (in lowercase).
    fn id(&self) -> &'static str;

    fn get_currency_unit(&self) -> CurrencyUnit {
        CurrencyUnit::Minor
    }

    fn get_auth_header(
        &self,
        _auth_type: &ConnectorAuthType,
    ) -> CustomResult<Vec<(String, Maskable<String>)>, errors::ConnectorError> {
        Ok(Vec::new())
    }

    fn common_get_content_type(&self) -> &'static str {
        "application/json"
    }

    fn base_url<'a>(&self, connectors: &'a Connectors) -> &'a str;

    fn build_error_response(
        &self,
        res: Response,
        _event_builder: Option<&mut ConnectorEvent>,
    ) -> CustomResult<ErrorResponse, errors::ConnectorError> {
        Ok(ErrorResponse {
            status_code: res.status_code,
            code: consts::NO_ERROR_CODE.to_string(),
            message: consts::NO_ERROR_MESSAGE.to_string(),
            reason: None,
            attempt_status: None,
            connector_transaction_id: None,
            connector_response_reference_id: None,
            network_advice_code: None,
            network_decline_code: None,
            network_error_message: None,
            connector_metadata: None,
        })
    }
}

/// Headers shared by all flows of a connector.
pub trait ConnectorCommonExt<Flow, Req, Resp>:
    ConnectorCommon + ConnectorIntegration<Flow, Req, Resp>
{
    fn build_headers(
        &self,
        _req: &RouterData<Flow, Req, Resp>,
        _connectors: &Connectors,
    ) -> CustomResult<Vec<(String, Maskable<String>)>, errors::ConnectorError> {
        Ok(Vec::new())
    }
}

/// Static facts about a connector (shown in the feature matrix).
pub trait ConnectorSpecifications {
    fn get_connector_about(&self) -> Option<&'static ConnectorInfo> {
        None
    }

    fn get_supported_payment_methods(&self) -> Option<&'static SupportedPaymentMethods> {
        None
    }

    fn get_supported_webhook_flows(&self) -> Option<&'static [common_enums::enums::EventClass]> {
        None
    }
}

pub trait ConnectorValidation: ConnectorCommon + ConnectorSpecifications {
    fn validate_connector_against_payment_request(
        &self,
        capture_method: Option<common_enums::enums::CaptureMethod>,
    ) -> CustomResult<(), errors::ConnectorError> {
        match capture_method.unwrap_or_default() {
            common_enums::enums::CaptureMethod::Automatic
            | common_enums::enums::CaptureMethod::Manual => Ok(()),
            other => Err(errors::ConnectorError::NotSupported {
                message: format!("{other:?}"),
                connector: self.id(),
            }
            .into()),
        }
    }

    fn validate_psync_reference_id(
        &self,
        _data: &hyperswitch_domain_models::router_request_types::PaymentsSyncData,
    ) -> CustomResult<(), errors::ConnectorError> {
        Ok(())
    }
}

/// trait ConnectorAccessToken
pub trait ConnectorAccessToken:
    ConnectorIntegration<AccessTokenAuth, AccessTokenRequestData, AccessToken>
{
}

/// Everything the router needs from a connector.
pub trait Connector:
    Send + Refund + Payment + ConnectorAccessToken + IncomingWebhook + ConnectorValidation
{
}

impl<T> Connector for T where
    T: Send + Refund + Payment + ConnectorAccessToken + IncomingWebhook + ConnectorValidation
{
}
