//! Amount types and converters (mirrors `common_utils::types`).

use common_enums::enums::Currency;
use error_stack::report;
use serde_json::{Error, FromJson, ToJson, Value};

use crate::errors::ParsingError;

/// Converts a [`MinorUnit`] into the amount representation a connector expects.
pub trait AmountConvertor: Send {
    type Output;

    fn convert(
        &self,
        amount: MinorUnit,
        currency: Currency,
    ) -> Result<Self::Output, error_stack::Report<ParsingError>>;

    fn convert_back(
        &self,
        amount: Self::Output,
        currency: Currency,
    ) -> Result<MinorUnit, error_stack::Report<ParsingError>>;
}

#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct MinorUnit(i64);

impl MinorUnit {
    pub fn new(value: i64) -> Self {
        Self(value)
    }

    pub fn get_amount_as_i64(self) -> i64 {
        self.0
    }

    fn to_major_unit_as_string(self, currency: Currency) -> String {
        let digits = u32::from(currency.number_of_digits_after_decimal_point());
        let factor = 10_i64.pow(digits);
        match digits {
            0 => self.0.to_string(),
            _ => format!(
                "{}{}.{:0width$}",
                if self.0 < 0 { "-" } else { "" },
                (self.0 / factor).abs(),
                (self.0 % factor).abs(),
                width = usize::try_from(digits).unwrap_or(2)
            ),
        }
    }

    fn from_major_unit_str(
        major: &str,
        currency: Currency,
    ) -> Result<Self, error_stack::Report<ParsingError>> {
        let digits = usize::from(currency.number_of_digits_after_decimal_point());
        let (whole, frac) = major.split_once('.').unwrap_or((major, ""));
        let frac = format!("{frac:0<digits$}");
        format!("{whole}{}", frac.get(..digits).unwrap_or_default())
            .parse::<i64>()
            .map(Self)
            .map_err(|_| report!(ParsingError::StringToFloatConversionFailure))
    }
}

#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct StringMinorUnit(String);

#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct StringMajorUnit(String);

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FloatMajorUnit(f64);

impl StringMinorUnit {
    pub fn get_amount_as_string(&self) -> &str {
        &self.0
    }
}

impl StringMajorUnit {
    pub fn get_amount_as_string(&self) -> &str {
        &self.0
    }
}

impl FloatMajorUnit {
    pub fn get_amount_as_f64(self) -> f64 {
        self.0
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct MinorUnitForConnector;
#[derive(Clone, Copy, Debug, Default)]
pub struct StringMinorUnitForConnector;
#[derive(Clone, Copy, Debug, Default)]
pub struct StringMajorUnitForConnector;
#[derive(Clone, Copy, Debug, Default)]
pub struct FloatMajorUnitForConnector;

impl AmountConvertor for MinorUnitForConnector {
    type Output = MinorUnit;
    fn convert(
        &self,
        amount: MinorUnit,
        _: Currency,
    ) -> Result<MinorUnit, error_stack::Report<ParsingError>> {
        Ok(amount)
    }
    fn convert_back(
        &self,
        amount: MinorUnit,
        _: Currency,
    ) -> Result<MinorUnit, error_stack::Report<ParsingError>> {
        Ok(amount)
    }
}

impl AmountConvertor for StringMinorUnitForConnector {
    type Output = StringMinorUnit;
    fn convert(
        &self,
        amount: MinorUnit,
        _: Currency,
    ) -> Result<StringMinorUnit, error_stack::Report<ParsingError>> {
        Ok(StringMinorUnit(amount.0.to_string()))
    }
    fn convert_back(
        &self,
        amount: StringMinorUnit,
        _: Currency,
    ) -> Result<MinorUnit, error_stack::Report<ParsingError>> {
        amount
            .0
            .parse()
            .map(MinorUnit)
            .map_err(|_| report!(ParsingError::I64ToStringConversionFailure))
    }
}

impl AmountConvertor for StringMajorUnitForConnector {
    type Output = StringMajorUnit;
    fn convert(
        &self,
        amount: MinorUnit,
        currency: Currency,
    ) -> Result<StringMajorUnit, error_stack::Report<ParsingError>> {
        Ok(StringMajorUnit(amount.to_major_unit_as_string(currency)))
    }
    fn convert_back(
        &self,
        amount: StringMajorUnit,
        currency: Currency,
    ) -> Result<MinorUnit, error_stack::Report<ParsingError>> {
        MinorUnit::from_major_unit_str(&amount.0, currency)
    }
}

impl AmountConvertor for FloatMajorUnitForConnector {
    type Output = FloatMajorUnit;
    fn convert(
        &self,
        amount: MinorUnit,
        currency: Currency,
    ) -> Result<FloatMajorUnit, error_stack::Report<ParsingError>> {
        amount
            .to_major_unit_as_string(currency)
            .parse()
            .map(FloatMajorUnit)
            .map_err(|_| report!(ParsingError::FloatToStringConversionFailure))
    }
    fn convert_back(
        &self,
        amount: FloatMajorUnit,
        currency: Currency,
    ) -> Result<MinorUnit, error_stack::Report<ParsingError>> {
        MinorUnit::from_major_unit_str(&amount.0.to_string(), currency)
    }
}

impl ToJson for MinorUnit {
    fn to_json(&self) -> Value {
        self.0.to_json()
    }
}
impl FromJson for MinorUnit {
    fn from_json(value: &Value) -> Result<Self, Error> {
        i64::from_json(value).map(Self)
    }
}
impl ToJson for StringMinorUnit {
    fn to_json(&self) -> Value {
        self.0.to_json()
    }
}
impl FromJson for StringMinorUnit {
    fn from_json(value: &Value) -> Result<Self, Error> {
        String::from_json(value).map(Self)
    }
}
impl ToJson for StringMajorUnit {
    fn to_json(&self) -> Value {
        self.0.to_json()
    }
}
impl ToJson for FloatMajorUnit {
    fn to_json(&self) -> Value {
        Value::Number(self.0.to_string())
    }
}

#[cfg(test)]
mod tests {
    use common_enums::enums::Currency;

    use super::{AmountConvertor, MinorUnit, StringMajorUnitForConnector};

    #[test]
    fn major_unit_round_trip() {
        let major = StringMajorUnitForConnector.convert(MinorUnit::new(1005), Currency::USD);
        assert_eq!(
            major.as_ref().map(|m| m.get_amount_as_string()).ok(),
            Some("10.05")
        );
        let back = major.and_then(|m| StringMajorUnitForConnector.convert_back(m, Currency::USD));
        assert_eq!(back.ok(), Some(MinorUnit::new(1005)));
    }
}
