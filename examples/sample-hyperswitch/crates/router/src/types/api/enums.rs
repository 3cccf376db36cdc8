pub use common_enums::{connector_enums::Connector, enums::*};
pub use euclid::enums::RoutableConnectors;
