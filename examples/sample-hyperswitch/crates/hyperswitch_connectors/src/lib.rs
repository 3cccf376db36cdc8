//! Connector implementations (mirrors `hyperswitch_connectors`).

pub mod connectors;
pub mod constants;
// Not rustfmt-ed: rustfmt would fold the one-connector-per-line invocation
// lists of the `default_imp_for_*!` macros onto one line.
#[rustfmt::skip]
pub mod default_implementations;
#[rustfmt::skip]
pub mod default_implementations_v2;
pub mod types;
pub mod utils;
