use hyperswitch_domain_models::router_data::ConnectorAuthType;
use hyperswitch_masking::Secret;

/// Credentials per connector, read from the file named by
/// `CONNECTOR_AUTH_FILE_PATH` (see `crates/router/tests/connectors/sample_auth.toml`).
#[derive(Clone, Debug, Default)]
pub struct ConnectorAuthentication {
    pub acme_pay: Option<HeaderKey>,
    pub adyen: Option<BodyKey>,
    pub samplepay: Option<HeaderKey>,
    pub stripe: Option<HeaderKey>,
}

impl ConnectorAuthentication {
    /// # Errors
    /// When `CONNECTOR_AUTH_FILE_PATH` is unset or the file cannot be read.
    pub fn new() -> Result<Self, String> {
        let path = std::env::var("CONNECTOR_AUTH_FILE_PATH")
            .map_err(|_| "Connector authentication file path not set".to_string())?;
        let contents = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        Ok(Self::from_toml_str(&contents))
    }

    /// Parses `[name]` tables of `key = "value"` lines (a tiny TOML subset).
    pub fn from_toml_str(contents: &str) -> Self {
        let mut tables: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in contents.lines().map(str::trim) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                tables.push((name.to_string(), Vec::new()));
            } else if let (Some((key, value)), Some((_, entries))) =
                (line.split_once('='), tables.last_mut())
            {
                entries.push((
                    key.trim().to_string(),
                    value.trim().trim_matches('"').to_string(),
                ));
            }
        }
        let get = |table: &str, key: &str| {
            tables
                .iter()
                .find(|(name, _)| name == table)
                .and_then(|(_, entries)| entries.iter().find(|(k, _)| k == key))
                .map(|(_, v)| Secret::new(v.clone()))
        };
        let header_key = |table: &str| get(table, "api_key").map(|api_key| HeaderKey { api_key });
        Self {
            acme_pay: header_key("acme_pay"),
            adyen: get("adyen", "api_key")
                .zip(get("adyen", "key1"))
                .map(|(api_key, key1)| BodyKey { api_key, key1 }),
            samplepay: header_key("samplepay"),
            stripe: header_key("stripe"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct HeaderKey {
    pub api_key: Secret<String>,
}

impl From<HeaderKey> for ConnectorAuthType {
    fn from(key: HeaderKey) -> Self {
        Self::HeaderKey {
            api_key: key.api_key,
        }
    }
}

#[derive(Clone, Debug)]
pub struct BodyKey {
    pub api_key: Secret<String>,
    pub key1: Secret<String>,
}

impl From<BodyKey> for ConnectorAuthType {
    fn from(key: BodyKey) -> Self {
        Self::BodyKey {
            api_key: key.api_key,
            key1: key.key1,
        }
    }
}
