use common_enums::connector_enums::Connector;

/// One `[NAME]` table of `toml/*.toml`. Only the auth type is read here;
/// the real crate deserializes the whole table with `toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectorTomlConfig {
    pub connector_auth: Option<String>,
    pub payment_methods: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ConnectorConfig {
    pub acme_pay: Option<ConnectorTomlConfig>,
    pub adyen: Option<ConnectorTomlConfig>,
    pub samplepay: Option<ConnectorTomlConfig>,
    pub stripe: Option<ConnectorTomlConfig>,
}

/// Reads the `[name]` table and its `[name.connector_auth.<Type>]` subtable.
fn read_section(config: &str, name: &str) -> Option<ConnectorTomlConfig> {
    let header = format!("[{name}]");
    let auth_prefix = format!("[{name}.connector_auth.");
    let mut lines = config.lines().map(str::trim);
    lines.find(|line| *line == header)?;
    let mut section = ConnectorTomlConfig::default();
    let in_section = |l: &&str| {
        !l.starts_with('[')
            || l.starts_with(&format!("[{name}."))
            || l.starts_with(&format!("[[{name}."))
    };
    for line in lines.take_while(in_section) {
        if let Some(auth) = line.strip_prefix(&auth_prefix) {
            section.connector_auth = Some(auth.trim_end_matches(']').to_string());
        } else if let Some(pm) = line.strip_prefix("payment_method_type = ") {
            section
                .payment_methods
                .push(pm.trim_matches('"').to_string());
        }
    }
    Some(section)
}

impl ConnectorConfig {
    fn new() -> Result<Self, String> {
        let config_str = if cfg!(feature = "production") {
            include_str!("../toml/production.toml")
        } else if cfg!(feature = "sandbox") {
            include_str!("../toml/sandbox.toml")
        } else {
            include_str!("../toml/development.toml")
        };
        Ok(Self {
            acme_pay: read_section(config_str, "acme_pay"),
            adyen: read_section(config_str, "adyen"),
            samplepay: read_section(config_str, "samplepay"),
            stripe: read_section(config_str, "stripe"),
        })
    }

    pub fn get_connector_config(
        connector: Connector,
    ) -> Result<Option<ConnectorTomlConfig>, String> {
        let connector_data = Self::new()?;
        match connector {
            Connector::AcmePay => Ok(connector_data.acme_pay),
            Connector::Adyen => Ok(connector_data.adyen),
            Connector::Samplepay => Ok(connector_data.samplepay),
            Connector::Stripe => Ok(connector_data.stripe),
            Connector::Cardinal => Err("Use get_authentication_connector_config".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use common_enums::connector_enums::Connector;

    use super::ConnectorConfig;

    #[test]
    fn samplepay_section_is_loaded() {
        let config = ConnectorConfig::get_connector_config(Connector::Samplepay);
        let auth = config.ok().flatten().and_then(|c| c.connector_auth);
        assert_eq!(auth.as_deref(), Some("HeaderKey"));
    }
}
