use std::{fmt, str::FromStr};

use crate::enums::PaymentMethod;

/// All connectors known to the switch. As in Hyperswitch, a variant may have
/// no connector module (`Adyen`, `Stripe` and `Cardinal` here).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum Connector {
    AcmePay,
    Adyen,
    Cardinal,
    Samplepay,
    Stripe,
}

impl Connector {
    pub fn supports_access_token(self, payment_method: PaymentMethod) -> bool {
        matches!(
            (self, payment_method),
            (Self::Samplepay, _) | (Self::Adyen, PaymentMethod::BankTransfer)
        )
    }

    pub fn is_separate_authentication_supported(self) -> bool {
        match self {
            Self::AcmePay
            // Add Separate authentication support for connectors
            | Self::Cardinal
            | Self::Samplepay => false,
            Self::Stripe | Self::Adyen => true,
        }
    }

    /// The snake_case name used in configs and APIs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AcmePay => "acme_pay",
            Self::Adyen => "adyen",
            Self::Cardinal => "cardinal",
            Self::Samplepay => "samplepay",
            Self::Stripe => "stripe",
        }
    }
}

impl fmt::Display for Connector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Connector {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Self::AcmePay,
            Self::Adyen,
            Self::Cardinal,
            Self::Samplepay,
            Self::Stripe,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
        .ok_or_else(|| format!("unknown connector {s}"))
    }
}
