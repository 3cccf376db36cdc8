use hyperswitch_domain_models::{
    router_data::{AccessToken, RouterData},
    router_flow_types::AccessTokenAuth,
    router_request_types::{AccessTokenRequestData, RefundsData},
    router_response_types::RefundsResponseData,
};

pub(crate) type RefundsResponseRouterData<F, R> =
    ResponseRouterData<F, R, RefundsData, RefundsResponseData>;
pub(crate) type RefreshTokenRouterData =
    RouterData<AccessTokenAuth, AccessTokenRequestData, AccessToken>;

/// A parsed connector response together with the request's `RouterData`.
pub(crate) struct ResponseRouterData<Flow, R, Request, Response> {
    pub(crate) response: R,
    pub(crate) data: RouterData<Flow, Request, Response>,
    pub(crate) http_code: u16,
}
