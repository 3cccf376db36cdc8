use crate::types::api::BoxedConnector;

/// A connector as the router holds it. The real enum also has a `New`
/// variant for `ConnectorIntegrationV2` connectors.
pub enum ConnectorEnum {
    Old(BoxedConnector),
}

impl ConnectorEnum {
    pub fn id(&self) -> &'static str {
        match self {
            Self::Old(connector) => connector.id(),
        }
    }
}
