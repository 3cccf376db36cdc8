use super::ForeignTryFrom;
use crate::types::api::enums as api_enums;

impl ForeignTryFrom<api_enums::Connector> for euclid::enums::RoutableConnectors {
    type Error = error_stack::Report<common_utils::errors::ValidationError>;

    fn foreign_try_from(from: api_enums::Connector) -> Result<Self, Self::Error> {
        Ok(match from {
            api_enums::Connector::AcmePay => Self::AcmePay,
            api_enums::Connector::Adyen => Self::Adyen,
            api_enums::Connector::Cardinal => {
                Err(common_utils::errors::ValidationError::InvalidValue {
                    message: "cardinal is not a routable connector".to_string(),
                })?
            }
            api_enums::Connector::Samplepay => Self::Samplepay,
            api_enums::Connector::Stripe => Self::Stripe,
        })
    }
}
