use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectorError {
    FailedToObtainIntegrationUrl,
    RequestEncodingFailed,
    RequestEncodingFailedWithReason(String),
    ParsingFailed,
    ResponseDeserializationFailed,
    ResponseHandlingFailed,
    InvalidConnectorName,
    MissingRequiredField {
        field_name: &'static str,
    },
    FailedToObtainAuthType,
    NotImplemented(String),
    NotSupported {
        message: String,
        connector: &'static str,
    },
    FlowNotSupported {
        flow: String,
        connector: String,
    },
    CaptureMethodNotSupported,
    MissingConnectorTransactionID,
    MissingConnectorRefundID,
    WebhooksNotImplemented,
    WebhookReferenceIdNotFound,
    AmountConversionFailed,
}

impl fmt::Display for ConnectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotImplemented(what) => write!(f, "{what} is not implemented"),
            Self::NotSupported { message, connector } => {
                write!(f, "{message} is not supported by {connector}")
            }
            Self::FlowNotSupported { flow, connector } => {
                write!(f, "{flow} flow not supported by {connector} connector")
            }
            Self::MissingRequiredField { field_name } => {
                write!(f, "Missing required field: {field_name}")
            }
            other => write!(f, "{other:?}"),
        }
    }
}
