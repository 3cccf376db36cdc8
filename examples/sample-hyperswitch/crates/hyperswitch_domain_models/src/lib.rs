//! Domain models shared by the router and the connectors
//! (mirrors `hyperswitch_domain_models`).

pub mod connector_endpoints;
pub mod payment_method_data;
pub mod router_data;
pub mod router_data_v2;
pub mod router_flow_types;
pub mod router_request_types;
pub mod router_response_types;
pub mod types;
