pub mod acme_pay;
pub mod samplepay;

pub use self::{acme_pay::AcmePay, samplepay::Samplepay};
