//! Secret values that do not leak through `Debug` (mirrors `hyperswitch_masking`).

use std::{fmt, marker::PhantomData};

use serde_json::{Error, FromJson, ToJson, Value};

/// How a secret renders itself in `Debug` output.
pub trait Strategy<T> {
    fn fmt(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// Default strategy: prints only the type name.
pub enum WithType {}

impl<T> Strategy<T> for WithType {
    fn fmt(_: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "*** {} ***", std::any::type_name::<T>())
    }
}

pub struct Secret<T, S = WithType> {
    inner: T,
    marker: PhantomData<S>,
}

/// In the real crate this also zeroizes on drop.
pub type StrongSecret<T, S = WithType> = Secret<T, S>;

impl<T, S> Secret<T, S> {
    pub fn new(inner: T) -> Self {
        Self {
            inner,
            marker: PhantomData,
        }
    }
}

pub trait PeekInterface<T> {
    fn peek(&self) -> &T;
}

pub trait ExposeInterface<T> {
    fn expose(self) -> T;
}

impl<T, S> PeekInterface<T> for Secret<T, S> {
    fn peek(&self) -> &T {
        &self.inner
    }
}

impl<T, S> ExposeInterface<T> for Secret<T, S> {
    fn expose(self) -> T {
        self.inner
    }
}

impl<T, S> From<T> for Secret<T, S> {
    fn from(inner: T) -> Self {
        Self::new(inner)
    }
}

impl<T: Clone, S> Clone for Secret<T, S> {
    fn clone(&self) -> Self {
        Self::new(self.inner.clone())
    }
}

impl<T: PartialEq, S> PartialEq for Secret<T, S> {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl<T: Default, S> Default for Secret<T, S> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T, S: Strategy<T>> fmt::Debug for Secret<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        S::fmt(&self.inner, f)
    }
}

/// Secrets serialize transparently, as in the real crate.
impl<T: ToJson, S> ToJson for Secret<T, S> {
    fn to_json(&self) -> Value {
        self.inner.to_json()
    }
}

impl<T: FromJson, S> FromJson for Secret<T, S> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        T::from_json(value).map(Self::new)
    }
}

/// Type-erased serialization used by `RequestContent::Json`.
pub trait ErasedMaskSerialize {
    fn raw_serialize(&self) -> Value;
}

impl<T: ToJson> ErasedMaskSerialize for T {
    fn raw_serialize(&self) -> Value {
        self.to_json()
    }
}

/// A header value that is either printable or masked.
#[derive(Clone, PartialEq)]
pub enum Maskable<T> {
    Masked(Secret<T>),
    Normal(T),
}

impl<T: fmt::Debug> fmt::Debug for Maskable<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Masked(secret) => secret.fmt(f),
            Self::Normal(value) => value.fmt(f),
        }
    }
}

impl<T> Maskable<T> {
    pub fn into_inner(self) -> T {
        match self {
            Self::Masked(secret) => secret.expose(),
            Self::Normal(value) => value,
        }
    }
}

impl From<String> for Maskable<String> {
    fn from(value: String) -> Self {
        Self::Normal(value)
    }
}

impl From<&str> for Maskable<String> {
    fn from(value: &str) -> Self {
        Self::Normal(value.to_string())
    }
}

pub trait Mask {
    type Output;
    fn into_masked(self) -> Maskable<Self::Output>;
}

impl Mask for String {
    type Output = Self;
    fn into_masked(self) -> Maskable<Self> {
        Maskable::Masked(Secret::new(self))
    }
}

impl Mask for Secret<String> {
    type Output = String;
    fn into_masked(self) -> Maskable<String> {
        Maskable::Masked(self)
    }
}
