pub use hyperswitch_connectors::connectors::{
    acme_pay, acme_pay::AcmePay, samplepay, samplepay::Samplepay,
};
