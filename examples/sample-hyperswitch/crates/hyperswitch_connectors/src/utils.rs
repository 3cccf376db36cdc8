//! Helpers shared by connectors (mirrors `hyperswitch_connectors::utils`).

use common_enums::enums;
use common_utils::{
    errors::CustomResult,
    ext_traits::OptionExt,
    id_type,
    pii::IpAddress,
    types::{AmountConvertor, MinorUnit},
};
use error_stack::{report, ResultExt};
use hyperswitch_domain_models::{
    router_data::{AccessToken, PaymentMethodToken},
    router_request_types::{PaymentsAuthorizeData, PaymentsSyncData, RefundsData},
};
use hyperswitch_interfaces::errors;
use hyperswitch_masking::Secret;

type Error = error_stack::Report<errors::ConnectorError>;

pub(crate) fn convert_amount<T>(
    amount_convertor: &dyn AmountConvertor<Output = T>,
    amount: MinorUnit,
    currency: enums::Currency,
) -> Result<T, error_stack::Report<errors::ConnectorError>> {
    amount_convertor
        .convert(amount, currency)
        .change_context(errors::ConnectorError::AmountConversionFailed)
}

pub(crate) fn missing_field_err(
    message: &'static str,
) -> Box<dyn Fn() -> error_stack::Report<errors::ConnectorError> + 'static> {
    Box::new(move || {
        errors::ConnectorError::MissingRequiredField {
            field_name: message,
        }
        .into()
    })
}

pub(crate) fn is_payment_failure(status: enums::AttemptStatus) -> bool {
    matches!(
        status,
        enums::AttemptStatus::AuthenticationFailed
            | enums::AttemptStatus::AuthorizationFailed
            | enums::AttemptStatus::CaptureFailed
            | enums::AttemptStatus::VoidFailed
            | enums::AttemptStatus::Failure
    )
}

// Named like the struct `hyperswitch_domain_models::router_data::RouterData`;
// connectors import it as `RouterData as _` or `RouterData as OtherRouterData`.
pub trait RouterData {
    fn get_customer_id(&self) -> Result<id_type::CustomerId, Error>;
    fn get_optional_customer_id(&self) -> Option<id_type::CustomerId>;
    fn get_connector_customer_id(&self) -> Result<String, Error>;
    fn get_payment_method_token(&self) -> Result<PaymentMethodToken, Error>;
    fn get_access_token(&self) -> Result<AccessToken, Error>;
    fn get_preprocessing_id(&self) -> Result<String, Error>;
}

impl<Flow, Request, Response> RouterData
    for hyperswitch_domain_models::router_data::RouterData<Flow, Request, Response>
{
    fn get_customer_id(&self) -> Result<id_type::CustomerId, Error> {
        self.customer_id
            .to_owned()
            .ok_or_else(missing_field_err("customer_id"))
    }

    fn get_optional_customer_id(&self) -> Option<id_type::CustomerId> {
        self.customer_id.clone()
    }

    fn get_connector_customer_id(&self) -> Result<String, Error> {
        self.connector_customer
            .to_owned()
            .ok_or_else(missing_field_err("connector_customer_id"))
    }

    fn get_payment_method_token(&self) -> Result<PaymentMethodToken, Error> {
        self.payment_method_token
            .clone()
            .ok_or_else(missing_field_err("payment_method_token"))
    }

    fn get_access_token(&self) -> Result<AccessToken, Error> {
        self.access_token
            .clone()
            .ok_or_else(|| report!(errors::ConnectorError::FailedToObtainAuthType))
    }

    fn get_preprocessing_id(&self) -> Result<String, Error> {
        self.preprocessing_id
            .to_owned()
            .ok_or_else(missing_field_err("preprocessing_id"))
    }
}

pub trait PaymentsAuthorizeRequestData {
    fn is_auto_capture(&self) -> Result<bool, Error>;
    fn get_email(&self) -> Result<common_utils::pii::Email, Error>;
    fn get_ip_address_as_optional(&self) -> Option<Secret<String, IpAddress>>;
    fn get_ip_address(&self) -> Result<Secret<String, IpAddress>, Error>;
}

impl PaymentsAuthorizeRequestData for PaymentsAuthorizeData {
    fn is_auto_capture(&self) -> Result<bool, Error> {
        match self.capture_method {
            Some(enums::CaptureMethod::Automatic)
            | Some(enums::CaptureMethod::SequentialAutomatic)
            | None => Ok(true),
            Some(enums::CaptureMethod::Manual) => Ok(false),
            Some(_) => Err(errors::ConnectorError::CaptureMethodNotSupported.into()),
        }
    }

    fn get_email(&self) -> Result<common_utils::pii::Email, Error> {
        self.email.clone().ok_or_else(missing_field_err("email"))
    }

    fn get_ip_address_as_optional(&self) -> Option<Secret<String, IpAddress>> {
        self.browser_info.clone().and_then(|browser_info| {
            browser_info
                .ip_address
                .map(|ip| Secret::new(ip.to_string()))
        })
    }

    fn get_ip_address(&self) -> Result<Secret<String, IpAddress>, Error> {
        let ip_address = self
            .browser_info
            .clone()
            .and_then(|browser_info| browser_info.ip_address);
        let val = ip_address.ok_or_else(missing_field_err("browser_info.ip_address"))?;
        Ok(Secret::new(val.to_string()))
    }
}

pub trait PaymentsSyncRequestData {
    fn is_auto_capture(&self) -> Result<bool, Error>;
    fn get_connector_transaction_id(&self) -> CustomResult<String, errors::ConnectorError>;
}

impl PaymentsSyncRequestData for PaymentsSyncData {
    fn is_auto_capture(&self) -> Result<bool, Error> {
        match self.capture_method {
            Some(enums::CaptureMethod::Manual) => Ok(false),
            _ => Ok(true),
        }
    }

    fn get_connector_transaction_id(&self) -> CustomResult<String, errors::ConnectorError> {
        self.connector_transaction_id
            .get_connector_transaction_id()
            .map_err(|_| report!(errors::ConnectorError::MissingConnectorTransactionID))
    }
}

pub trait RefundsRequestData {
    fn get_connector_refund_id(&self) -> Result<String, Error>;
}

impl RefundsRequestData for RefundsData {
    fn get_connector_refund_id(&self) -> Result<String, Error> {
        self.connector_refund_id
            .clone()
            .get_required_value("connector_refund_id")
            .change_context(errors::ConnectorError::MissingConnectorRefundID)
    }
}
