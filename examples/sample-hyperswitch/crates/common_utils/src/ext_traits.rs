//! Parse / encode helpers (mirrors `common_utils::ext_traits`).

use error_stack::{report, ResultExt};
use serde_json::{FromJson, ToJson, Value};

use crate::errors::{CustomResult, ParsingError, ValidationError};

pub trait BytesExt {
    fn parse_struct<T: FromJson>(&self, type_name: &'static str) -> CustomResult<T, ParsingError>;
}

impl BytesExt for Vec<u8> {
    fn parse_struct<T: FromJson>(&self, type_name: &'static str) -> CustomResult<T, ParsingError> {
        self.as_slice().parse_struct(type_name)
    }
}

impl BytesExt for [u8] {
    fn parse_struct<T: FromJson>(&self, type_name: &'static str) -> CustomResult<T, ParsingError> {
        serde_json::from_slice(self)
            .map_err(|e| report!(ParsingError::StructParseFailure(type_name)).attach_printable(e.0))
    }
}

pub trait StringExt {
    fn parse_struct<T: FromJson>(&self, type_name: &'static str) -> CustomResult<T, ParsingError>;
}

impl StringExt for String {
    fn parse_struct<T: FromJson>(&self, type_name: &'static str) -> CustomResult<T, ParsingError> {
        self.as_bytes().parse_struct(type_name)
    }
}

pub trait ValueExt {
    fn parse_value<T: FromJson>(self, type_name: &'static str) -> CustomResult<T, ParsingError>;
}

impl ValueExt for Value {
    fn parse_value<T: FromJson>(self, type_name: &'static str) -> CustomResult<T, ParsingError> {
        T::from_json(&self)
            .map_err(|e| report!(ParsingError::StructParseFailure(type_name)).attach_printable(e.0))
    }
}

pub trait OptionExt<T> {
    fn get_required_value(self, field_name: &'static str) -> CustomResult<T, ValidationError>;
}

impl<T> OptionExt<T> for Option<T> {
    fn get_required_value(self, field_name: &'static str) -> CustomResult<T, ValidationError> {
        self.ok_or_else(|| {
            report!(ValidationError::MissingRequiredField {
                field_name: field_name.to_string()
            })
        })
    }
}

pub trait Encode {
    fn encode_to_string_of_json(&self) -> CustomResult<String, ParsingError>;
    fn encode_to_value(&self) -> CustomResult<Value, ParsingError>;
}

impl<T: ToJson> Encode for T {
    fn encode_to_string_of_json(&self) -> CustomResult<String, ParsingError> {
        self.encode_to_value().map(|v| v.to_string())
    }

    fn encode_to_value(&self) -> CustomResult<Value, ParsingError> {
        Ok(self.to_json()).attach_printable("encoding to json")
    }
}
