pub mod connector_validation;
pub mod errors;
