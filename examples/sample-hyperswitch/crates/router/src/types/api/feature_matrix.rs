use std::str::FromStr;

use error_stack::{report, ResultExt};

use crate::{
    connector,
    core::errors::{self, CustomResult},
    services::connector_integration_interface::ConnectorEnum,
    types::api::enums,
};

#[derive(Clone)]
pub struct FeatureMatrixConnectorData {}

impl FeatureMatrixConnectorData {
    pub fn convert_connector(
        connector_name: &str,
    ) -> CustomResult<ConnectorEnum, errors::ApiErrorResponse> {
        match enums::Connector::from_str(connector_name) {
            Ok(name) => match name {
                enums::Connector::AcmePay => {
                    Ok(ConnectorEnum::Old(Box::new(connector::AcmePay::new())))
                }
                enums::Connector::Samplepay => {
                    Ok(ConnectorEnum::Old(Box::new(connector::Samplepay::new())))
                }
                enums::Connector::Adyen | enums::Connector::Cardinal | enums::Connector::Stripe => {
                    Err(report!(errors::ConnectorError::InvalidConnectorName)
                        .attach_printable(format!("invalid connector name: {connector_name}")))
                    .change_context(errors::ApiErrorResponse::InternalServerError)
                }
            },
            Err(_) => Err(report!(errors::ConnectorError::InvalidConnectorName)
                .attach_printable(format!("invalid connector name: {connector_name}")))
            .change_context(errors::ApiErrorResponse::InternalServerError),
        }
    }
}
