pub mod connector_enums;
pub mod enums;

pub use connector_enums::*;
pub use enums::*;
