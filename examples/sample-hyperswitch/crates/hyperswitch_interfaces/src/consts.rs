/// Error message used when the connector does not send one.
pub const NO_ERROR_MESSAGE: &str = "No error message";

/// Error code used when the connector does not send one.
pub const NO_ERROR_CODE: &str = "No error code";
