//! Card number type (mirrors `cards::CardNumber`, validated with the Luhn check).

use std::fmt;

use hyperswitch_masking::{PeekInterface, Strategy, StrongSecret};
use serde_json::{Error, FromJson, ToJson, Value};

/// Debug-prints only the first six and the last four digits.
pub enum CardNumberStrategy {}

impl<T: AsRef<str>> Strategy<T> for CardNumberStrategy {
    fn fmt(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = value.as_ref();
        let (bin, last4) = (
            s.get(..6).unwrap_or_default(),
            s.get(s.len().saturating_sub(4)..).unwrap_or_default(),
        );
        write!(f, "{bin}******{last4}")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CardNumber(StrongSecret<String, CardNumberStrategy>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardNumberValidationErr(pub &'static str);

impl CardNumber {
    pub fn get_card_isin(&self) -> String {
        self.0.peek().chars().take(6).collect()
    }

    pub fn get_last4(&self) -> String {
        let digits = self.0.peek();
        digits
            .chars()
            .skip(digits.len().saturating_sub(4))
            .collect()
    }
}

fn luhn(number: &str) -> bool {
    let digits: Option<Vec<u32>> = number.chars().rev().map(|c| c.to_digit(10)).collect();
    digits.is_some_and(|d| {
        d.len() >= 12
            && d.iter()
                .enumerate()
                .map(|(i, v)| {
                    if i % 2 == 1 {
                        (v * 2) % 9 + u32::from(*v == 9) * 9
                    } else {
                        *v
                    }
                })
                .sum::<u32>()
                % 10
                == 0
    })
}

impl std::str::FromStr for CardNumber {
    type Err = CardNumberValidationErr;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if luhn(&number) {
            Ok(Self(StrongSecret::new(number)))
        } else {
            Err(CardNumberValidationErr("card number invalid"))
        }
    }
}

impl PeekInterface<String> for CardNumber {
    fn peek(&self) -> &String {
        self.0.peek()
    }
}

impl ToJson for CardNumber {
    fn to_json(&self) -> Value {
        self.0.to_json()
    }
}

impl FromJson for CardNumber {
    fn from_json(value: &Value) -> Result<Self, Error> {
        String::from_json(value)?
            .parse()
            .map_err(|CardNumberValidationErr(e)| Error(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::CardNumber;

    #[test]
    fn luhn_validation() {
        let card = "4111 1111 1111 1111".parse::<CardNumber>();
        assert_eq!(card.map(|c| c.get_last4()).ok(), Some("1111".to_string()));
        assert!("4111111111111112".parse::<CardNumber>().is_err());
    }
}
