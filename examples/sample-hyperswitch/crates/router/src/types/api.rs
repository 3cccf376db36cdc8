pub mod connector_mapping;
pub mod enums;
pub mod feature_matrix;

pub use hyperswitch_interfaces::api::*;

pub use self::{connector_mapping::ConnectorData, feature_matrix::FeatureMatrixConnectorData};

pub type BoxedConnector = Box<&'static (dyn Connector + Sync)>;
