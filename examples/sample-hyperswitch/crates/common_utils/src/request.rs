//! Outgoing HTTP request description (mirrors `common_utils::request`).

use hyperswitch_masking::{ErasedMaskSerialize, Maskable};

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
    Patch,
}

pub type Headers = Vec<(String, Maskable<String>)>;

pub enum RequestContent {
    Json(Box<dyn ErasedMaskSerialize + Send>),
    FormUrlEncoded(Box<dyn ErasedMaskSerialize + Send>),
    RawBytes(Vec<u8>),
}

impl RequestContent {
    /// The body as it would go on the wire.
    pub fn get_inner_value(&self) -> String {
        match self {
            Self::Json(body) => body.raw_serialize().to_string(),
            Self::FormUrlEncoded(body) => match body.raw_serialize() {
                serde_json::Value::Object(members) => members
                    .iter()
                    .map(|(k, v)| match v {
                        serde_json::Value::String(s) => format!("{k}={s}"),
                        other => format!("{k}={other}"),
                    })
                    .collect::<Vec<_>>()
                    .join("&"),
                other => other.to_string(),
            },
            Self::RawBytes(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        }
    }
}

impl std::fmt::Debug for RequestContent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Json(_) => "JsonRequestBody",
            Self::FormUrlEncoded(_) => "FormUrlEncodedRequestBody",
            Self::RawBytes(_) => "RawBytes",
        })
    }
}

#[derive(Debug)]
pub struct Request {
    pub url: String,
    pub headers: Headers,
    pub method: Method,
    pub body: Option<RequestContent>,
}

#[derive(Debug)]
pub struct RequestBuilder {
    pub url: String,
    pub headers: Headers,
    pub method: Method,
    pub body: Option<RequestContent>,
}

impl RequestBuilder {
    pub fn new() -> Self {
        Self {
            url: String::new(),
            headers: Vec::new(),
            method: Method::Get,
            body: None,
        }
    }

    pub fn url(mut self, url: &str) -> Self {
        self.url = url.into();
        self
    }

    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    pub fn attach_default_headers(mut self) -> Self {
        self.headers.push(("via".to_string(), "HyperSwitch".into()));
        self
    }

    pub fn header(mut self, header: &str, value: &str) -> Self {
        self.headers.push((header.into(), value.into()));
        self
    }

    pub fn headers(mut self, headers: Vec<(String, Maskable<String>)>) -> Self {
        self.headers.extend(headers);
        self
    }

    pub fn set_body<T: Into<RequestContent>>(mut self, body: T) -> Self {
        self.body.replace(body.into());
        self
    }

    pub fn build(self) -> Request {
        Request {
            url: self.url,
            headers: self.headers,
            method: self.method,
            body: self.body,
        }
    }
}

impl Default for RequestBuilder {
    fn default() -> Self {
        Self::new()
    }
}
