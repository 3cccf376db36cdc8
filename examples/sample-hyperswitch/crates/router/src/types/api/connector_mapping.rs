use std::str::FromStr;

use error_stack::{report, ResultExt};

use crate::{
    connector,
    core::errors::{self, CustomResult},
    services::connector_integration_interface::ConnectorEnum,
    types::api::enums,
};

pub struct ConnectorData {
    pub connector: ConnectorEnum,
    pub connector_name: enums::Connector,
}

impl ConnectorData {
    pub fn get_connector_by_name(name: &str) -> CustomResult<Self, errors::ApiErrorResponse> {
        let connector = Self::convert_connector(name)?;
        let connector_name = enums::Connector::from_str(name)
            .map_err(|_| report!(errors::ApiErrorResponse::InternalServerError))?;
        Ok(Self {
            connector,
            connector_name,
        })
    }

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
