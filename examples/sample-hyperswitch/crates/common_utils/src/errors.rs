/// A `Result` whose error is an `error_stack::Report` of `E`.
pub type CustomResult<T, E> = Result<T, error_stack::Report<E>>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsingError {
    UnknownError,
    StructParseFailure(&'static str),
    EncodeError(&'static str),
    I64ToStringConversionFailure,
    FloatToStringConversionFailure,
    StringToFloatConversionFailure,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidationError {
    MissingRequiredField { field_name: String },
    InvalidValue { message: String },
}
