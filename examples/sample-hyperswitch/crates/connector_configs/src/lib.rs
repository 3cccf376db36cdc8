//! Connector configuration for the dashboard (mirrors `connector_configs`).

pub mod connector;
