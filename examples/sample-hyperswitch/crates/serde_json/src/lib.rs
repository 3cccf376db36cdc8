//! Minimal local stand-in for `serde` + `serde_json`: a JSON [`Value`], a
//! small parser, and the [`ToJson`] / [`FromJson`] traits that take the
//! place of `#[derive(Serialize, Deserialize)]` in this workspace.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Raw number text, kept as written.
    Number(String),
    String(String),
    Array(Vec<Self>),
    Object(Vec<(String, Self)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl Value {
    /// Builds an object, dropping `Null` members (like `skip_serializing_none`).
    pub fn object<const N: usize>(members: [(&str, Self); N]) -> Self {
        Self::Object(
            members
                .into_iter()
                .filter(|(_, v)| *v != Self::Null)
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    pub fn get(&self, key: &str) -> Option<&Self> {
        match self {
            Self::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// Reads a required member.
    pub fn field<T: FromJson>(&self, key: &str) -> Result<T, Error> {
        T::from_json(self.get(key).unwrap_or(&Self::Null))
            .map_err(|Error(e)| Error(format!("{key}: {e}")))
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => f.write_str("null"),
            Self::Bool(b) => write!(f, "{b}"),
            Self::Number(n) => f.write_str(n),
            Self::String(s) => write!(f, "{s:?}"),
            Self::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    write!(f, "{}{item}", if i == 0 { "" } else { "," })?;
                }
                f.write_str("]")
            }
            Self::Object(members) => {
                f.write_str("{")?;
                for (i, (k, v)) in members.iter().enumerate() {
                    write!(f, "{}{k:?}:{v}", if i == 0 { "" } else { "," })?;
                }
                f.write_str("}")
            }
        }
    }
}

/// Stand-in for `Serialize`.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

/// Stand-in for `Deserialize`.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Error>;
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}
impl FromJson for Value {
    fn from_json(value: &Value) -> Result<Self, Error> {
        Ok(value.clone())
    }
}
impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}
impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::String(s) | Value::Number(s) => Ok(s.clone()),
            other => Err(Error(format!("expected string, found {other}"))),
        }
    }
}
impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}
impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Bool(b) => Ok(*b),
            other => Err(Error(format!("expected bool, found {other}"))),
        }
    }
}
impl ToJson for i64 {
    fn to_json(&self) -> Value {
        Value::Number(self.to_string())
    }
}
impl FromJson for i64 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Number(n) => n.parse().map_err(|_| Error(format!("bad integer {n}"))),
            other => Err(Error(format!("expected integer, found {other}"))),
        }
    }
}
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    value.to_json().to_string()
}

pub fn from_slice<T: FromJson>(bytes: &[u8]) -> Result<T, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error(e.to_string()))?;
    let mut parser = Parser {
        chars: text.chars().collect(),
        pos: 0,
    };
    let value = parser.value()?;
    parser.skip_ws();
    match parser.peek() {
        None => T::from_json(&value),
        Some(c) => Err(Error(format!("trailing character {c:?}"))),
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Result<char, Error> {
        let c = self
            .peek()
            .ok_or_else(|| Error("unexpected end of input".into()))?;
        self.pos += 1;
        Ok(c)
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, word: &str) -> Result<(), Error> {
        word.chars().try_for_each(|w| match self.next()? {
            c if c == w => Ok(()),
            c => Err(Error(format!("unexpected {c:?}, expected {w:?}"))),
        })
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.skip_ws();
        match self.peek() {
            Some('n') => self.expect("null").map(|()| Value::Null),
            Some('t') => self.expect("true").map(|()| Value::Bool(true)),
            Some('f') => self.expect("false").map(|()| Value::Bool(false)),
            Some('"') => self.string().map(Value::String),
            Some('[') => {
                self.pos += 1;
                let mut items = Vec::new();
                while self.separator(']', items.is_empty())? {
                    items.push(self.value()?);
                }
                Ok(Value::Array(items))
            }
            Some('{') => {
                self.pos += 1;
                let mut members = Vec::new();
                while self.separator('}', members.is_empty())? {
                    self.skip_ws();
                    let key = self.string()?;
                    self.skip_ws();
                    self.expect(":")?;
                    members.push((key, self.value()?));
                }
                Ok(Value::Object(members))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let start = self.pos;
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_digit() || "+-.eE".contains(c))
                {
                    self.pos += 1;
                }
                Ok(Value::Number(
                    self.chars
                        .get(start..self.pos)
                        .unwrap_or_default()
                        .iter()
                        .collect(),
                ))
            }
            other => Err(Error(format!("unexpected {other:?}"))),
        }
    }

    /// Returns `true` if another element follows, `false` at the closing bracket.
    fn separator(&mut self, close: char, first: bool) -> Result<bool, Error> {
        self.skip_ws();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(false);
        }
        if !first {
            self.expect(",")?;
        }
        Ok(true)
    }

    fn string(&mut self) -> Result<String, Error> {
        self.expect("\"")?;
        let mut out = String::new();
        loop {
            match self.next()? {
                '"' => return Ok(out),
                '\\' => match self.next()? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    c => out.push(c),
                },
                c => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{from_slice, Value};

    #[test]
    fn parse_and_print() {
        let v: Result<Value, _> = from_slice(br#"{"a": [1, true, null], "b": "x\"y"}"#);
        assert_eq!(
            v.map(|v| v.to_string()),
            Ok(r#"{"a":[1,true,null],"b":"x\"y"}"#.to_string())
        );
    }
}
