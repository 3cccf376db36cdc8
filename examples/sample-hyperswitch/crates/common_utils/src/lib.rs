//! Shared utilities (mirrors `common_utils`).

pub mod consts;
pub mod errors;
pub mod ext_traits;
pub mod id_type;
pub mod pii;
pub mod request;
pub mod types;
