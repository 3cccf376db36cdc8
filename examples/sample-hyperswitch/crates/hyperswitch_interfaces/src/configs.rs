pub use hyperswitch_domain_models::connector_endpoints::{
    ConnectorParams, ConnectorParamsWithFileUploadUrl, Connectors, NoParams,
};
