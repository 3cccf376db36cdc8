// Flow markers for payment flows.

#[derive(Clone, Debug)]
pub struct Authorize;

#[derive(Clone, Debug)]
pub struct AuthorizeSessionToken;

#[derive(Clone, Debug)]
pub struct Approve;

#[derive(Clone, Debug)]
pub struct Capture;

#[derive(Clone, Debug)]
pub struct CompleteAuthorize;

#[derive(Clone, Debug)]
pub struct CreateConnectorCustomer;

#[derive(Clone, Debug)]
pub struct IncrementalAuthorization;

#[derive(Clone, Debug)]
pub struct PSync;

#[derive(Clone, Debug)]
pub struct PaymentMethodToken;

#[derive(Clone, Debug)]
pub struct PostSessionTokens;

#[derive(Clone, Debug)]
pub struct PreProcessing;

#[derive(Clone, Debug)]
pub struct Reject;

#[derive(Clone, Debug)]
pub struct SdkSessionUpdate;

#[derive(Clone, Debug)]
pub struct Session;

#[derive(Clone, Debug)]
pub struct SetupMandate;

#[derive(Clone, Debug)]
pub struct UpdateMetadata;

#[derive(Clone, Debug)]
pub struct Void;
