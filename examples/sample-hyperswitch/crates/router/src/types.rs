pub mod api;
pub mod connector_transformers;

pub use hyperswitch_domain_models::types::*;

/// Conversions between types of other crates (the orphan rule forbids `TryFrom`).
pub trait ForeignTryFrom<F>: Sized {
    type Error;

    fn foreign_try_from(from: F) -> Result<Self, Self::Error>;
}
