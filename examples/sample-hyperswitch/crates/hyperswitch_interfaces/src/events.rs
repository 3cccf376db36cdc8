pub mod connector_api_logs;
