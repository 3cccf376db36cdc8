pub use common_utils::errors::CustomResult;
pub use hyperswitch_interfaces::errors::ConnectorError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiErrorResponse {
    InternalServerError,
    InvalidRequestData { message: String },
}
