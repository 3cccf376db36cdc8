//! Connector tests. Unlike the real sandbox tests these run offline: they
//! build requests and feed canned responses to `handle_response`.

mod acme_pay;
mod samplepay;
mod utils;
