#[derive(Clone, Debug)]
pub struct AccessTokenAuth;
