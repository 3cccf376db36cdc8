//! Typed identifiers (mirrors `common_utils::id_type`).

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Clone, Debug, Default, Eq, Hash, PartialEq)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn get_string_repr(&self) -> &str {
                &self.0
            }
        }
    )*};
}

id_type!(CustomerId, MerchantId);
