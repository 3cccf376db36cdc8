//! Per-connector endpoint configuration, filled from the `[connectors]`
//! table of the config TOMLs.

#[derive(Clone, Debug, Default)]
pub struct Connectors {
    pub acme_pay: ConnectorParams,
    pub adyen: ConnectorParams,
    pub cardinal: NoParams,
    pub samplepay: ConnectorParams,
    pub stripe: ConnectorParamsWithFileUploadUrl,
}

#[derive(Clone, Debug, Default)]
pub struct ConnectorParams {
    pub base_url: String,
    pub secondary_base_url: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ConnectorParamsWithFileUploadUrl {
    pub base_url: String,
    pub base_url_file_upload: String,
}

#[derive(Clone, Debug, Default)]
pub struct NoParams;
