//! Helpers for the connector tests (mirrors `test_utils`).

pub mod connector_auth;
