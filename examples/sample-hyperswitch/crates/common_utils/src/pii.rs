//! Personal information types (mirrors `common_utils::pii`).

use hyperswitch_masking::{PeekInterface, Secret, Strategy};
use serde_json::{Error, FromJson, ToJson, Value};

/// Masking strategy for IP addresses; used as `Secret<String, IpAddress>`.
pub enum IpAddress {}

impl<T: AsRef<str>> Strategy<T> for IpAddress {
    fn fmt(value: &T, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let first = value.as_ref().split('.').next().unwrap_or_default();
        write!(f, "{first}.**.**.**")
    }
}

/// Masking strategy for e-mail addresses.
pub enum EmailStrategy {}

impl<T: AsRef<str>> Strategy<T> for EmailStrategy {
    fn fmt(value: &T, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let domain = value.as_ref().split('@').nth(1).unwrap_or_default();
        write!(f, "*****@{domain}")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Email(Secret<String, EmailStrategy>);

impl Email {
    pub fn from_string(email: String) -> Self {
        Self(Secret::new(email))
    }
}

impl PeekInterface<String> for Email {
    fn peek(&self) -> &String {
        self.0.peek()
    }
}

impl ToJson for Email {
    fn to_json(&self) -> Value {
        self.0.to_json()
    }
}

impl FromJson for Email {
    fn from_json(value: &Value) -> Result<Self, Error> {
        String::from_json(value).map(Self::from_string)
    }
}

/// A secret JSON value.
pub type SecretSerdeValue = Secret<Value>;
