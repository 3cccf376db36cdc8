/// Connector API call event (the real one is sent to the event pipeline;
/// here it only records which body types were seen).
#[derive(Debug, Default)]
pub struct ConnectorEvent {
    pub response: Option<&'static str>,
    pub error: Option<&'static str>,
}

impl ConnectorEvent {
    pub fn set_response_body<T>(&mut self, _response: &T) {
        self.response = Some(std::any::type_name::<T>());
    }

    pub fn set_error_response_body<T>(&mut self, _response: &T) {
        self.error = Some(std::any::type_name::<T>());
    }
}
