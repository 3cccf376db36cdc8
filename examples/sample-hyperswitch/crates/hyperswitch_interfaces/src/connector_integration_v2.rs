//! The V2 integration trait (flow-common data as a separate type parameter).
//! Kept trivial: no connector in this workspace implements a V2 flow itself.

pub trait ConnectorIntegrationV2<Flow, ResourceCommonData, Req, Resp>: Send + Sync {
    fn get_url_v2(&self) -> String {
        String::new()
    }
}
