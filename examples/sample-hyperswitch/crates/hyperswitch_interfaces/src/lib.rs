//! Traits a connector implements (mirrors `hyperswitch_interfaces`).

pub mod api;
pub mod configs;
pub mod connector_integration_v2;
pub mod consts;
pub mod errors;
pub mod events;
pub mod types;
pub mod webhooks;
