use hyperswitch_domain_models::router_data::ConnectorAuthType;

use crate::{
    core::errors::{self, ApiErrorResponse},
    types::api::enums as api_enums,
};

pub struct ConnectorAuthTypeAndMetadataValidation<'a> {
    pub connector_name: &'a api_enums::Connector,
    pub auth_type: &'a ConnectorAuthType,
    pub connector_meta_data: &'a Option<common_utils::pii::SecretSerdeValue>,
}

impl ConnectorAuthTypeAndMetadataValidation<'_> {
    pub fn validate_auth_and_metadata_type(
        &self,
    ) -> Result<(), error_stack::Report<ApiErrorResponse>> {
        self.validate_auth_and_metadata_type_with_connector()
            .map_err(|err| {
                let message = match err.current_context() {
                    errors::ConnectorError::FailedToObtainAuthType => {
                        "The auth type is invalid for the connector"
                    }
                    _ => "The request body is invalid",
                };
                err.change_context(ApiErrorResponse::InvalidRequestData {
                    message: message.to_string(),
                })
            })
    }

    fn validate_auth_and_metadata_type_with_connector(
        &self,
    ) -> Result<(), error_stack::Report<errors::ConnectorError>> {
        use crate::connector::*;

        match self.connector_name {
            api_enums::Connector::AcmePay => {
                acme_pay::transformers::AcmePayAuthType::try_from(self.auth_type)?;
                Ok(())
            }
            api_enums::Connector::Adyen | api_enums::Connector::Stripe => Ok(()),
            api_enums::Connector::Cardinal => Ok(()),
            api_enums::Connector::Samplepay => {
                samplepay::transformers::SamplepayAuthType::try_from(self.auth_type)?;
                Ok(())
            }
        }
    }
}
