//! Routing DSL enums (only `RoutableConnectors` is mirrored here).

pub mod enums;
