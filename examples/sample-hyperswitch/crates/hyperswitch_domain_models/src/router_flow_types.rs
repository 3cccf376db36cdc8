pub mod access_token_auth;
pub mod payments;
pub mod refunds;

pub use access_token_auth::*;
pub use payments::*;
pub use refunds::*;
