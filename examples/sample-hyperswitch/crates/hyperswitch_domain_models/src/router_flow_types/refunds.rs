#[derive(Clone, Debug)]
pub struct Execute;

#[derive(Clone, Debug)]
pub struct RSync;
