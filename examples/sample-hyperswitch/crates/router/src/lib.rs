//! The payment switch (mirrors `router`): only the connector registration
//! points are modelled.

pub mod connector;
pub mod core;
pub mod services;
pub mod types;
