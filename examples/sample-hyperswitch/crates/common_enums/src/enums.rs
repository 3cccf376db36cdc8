//! Core enums. Variant names follow `common_enums::enums` of Hyperswitch.

#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum AttemptStatus {
    Started,
    AuthenticationFailed,
    RouterDeclined,
    AuthenticationPending,
    AuthenticationSuccessful,
    Authorized,
    AuthorizationFailed,
    Charged,
    Authorizing,
    CodInitiated,
    Voided,
    VoidedPostCharge,
    VoidInitiated,
    CaptureInitiated,
    CaptureFailed,
    VoidFailed,
    AutoRefunded,
    PartialCharged,
    PartiallyAuthorized,
    PartialChargedAndChargeable,
    Unresolved,
    #[default]
    Pending,
    Failure,
    PaymentMethodAwaited,
    ConfirmationAwaited,
    DeviceDataCollectionPending,
    IntegrityFailure,
    Expired,
    CaptureReview,
}

#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum RefundStatus {
    Failure,
    ManualReview,
    #[default]
    Pending,
    Success,
    TransactionFailure,
}

#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum CaptureMethod {
    #[default]
    Automatic,
    Manual,
    ManualMultiple,
    Scheduled,
    SequentialAutomatic,
}

#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum PaymentMethod {
    #[default]
    Card,
    Wallet,
    BankRedirect,
    BankTransfer,
}

#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub enum Currency {
    EUR,
    GBP,
    INR,
    JPY,
    #[default]
    USD,
}

impl Currency {
    pub fn number_of_digits_after_decimal_point(self) -> u8 {
        match self {
            Self::JPY => 0,
            Self::EUR | Self::GBP | Self::INR | Self::USD => 2,
        }
    }

    pub fn to_currency_base_unit_code(self) -> &'static str {
        match self {
            Self::EUR => "EUR",
            Self::GBP => "GBP",
            Self::INR => "INR",
            Self::JPY => "JPY",
            Self::USD => "USD",
        }
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.to_currency_base_unit_code())
    }
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum ConnectorIntegrationStatus {
    Live,
    Sandbox,
    Beta,
    Alpha,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum EventClass {
    Payments,
    Refunds,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum PaymentConnectorCategory {
    PaymentGateway,
    AlternativePaymentMethod,
    BankAcquirer,
}
