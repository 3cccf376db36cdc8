pub use common_enums::connector_enums::Connector;

/// RoutableConnectors are the subset of Connectors that are eligible for payments routing
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum RoutableConnectors {
    AcmePay,
    Adyen,
    Samplepay,
    Stripe,
}

impl TryFrom<Connector> for RoutableConnectors {
    type Error = &'static str;

    fn try_from(connector: Connector) -> Result<Self, Self::Error> {
        match connector {
            Connector::AcmePay => Ok(Self::AcmePay),
            Connector::Adyen => Ok(Self::Adyen),
            Connector::Samplepay => Ok(Self::Samplepay),
            Connector::Stripe => Ok(Self::Stripe),
            Connector::Cardinal => Err("Invalid conversion. Not a routable connector"),
        }
    }
}

/// Convert the RoutableConnectors to Connector
impl From<RoutableConnectors> for Connector {
    fn from(routable_connector: RoutableConnectors) -> Self {
        match routable_connector {
            RoutableConnectors::AcmePay => Self::AcmePay,
            RoutableConnectors::Adyen => Self::Adyen,
            RoutableConnectors::Samplepay => Self::Samplepay,
            RoutableConnectors::Stripe => Self::Stripe,
        }
    }
}
