//! Minimal local stand-in for the `error-stack` crate: a context value plus
//! a list of printable attachments.

use std::fmt;

/// An error report carrying a current context `C`.
pub struct Report<C> {
    context: C,
    attachments: Vec<String>,
}

impl<C> Report<C> {
    pub fn new(context: C) -> Self {
        Self {
            context,
            attachments: Vec::new(),
        }
    }

    pub fn current_context(&self) -> &C {
        &self.context
    }

    pub fn change_context<T>(self, context: T) -> Report<T> {
        Report {
            context,
            attachments: self.attachments,
        }
    }

    pub fn attach_printable<A: fmt::Display>(mut self, attachment: A) -> Self {
        self.attachments.push(attachment.to_string());
        self
    }
}

impl<C> From<C> for Report<C> {
    fn from(context: C) -> Self {
        Self::new(context)
    }
}

impl<C: fmt::Debug> fmt::Debug for Report<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.context)?;
        self.attachments
            .iter()
            .try_for_each(|a| write!(f, "\n  - {a}"))
    }
}

/// Extension methods on `Result<T, Report<C>>`.
pub trait ResultExt {
    type Ok;
    fn change_context<C2>(self, context: C2) -> Result<Self::Ok, Report<C2>>;
    fn attach_printable<A: fmt::Display>(self, attachment: A) -> Self;
}

impl<T, C> ResultExt for Result<T, Report<C>> {
    type Ok = T;

    fn change_context<C2>(self, context: C2) -> Result<T, Report<C2>> {
        self.map_err(|report| report.change_context(context))
    }

    fn attach_printable<A: fmt::Display>(self, attachment: A) -> Self {
        self.map_err(|report| report.attach_printable(attachment))
    }
}

/// Creates a [`Report`] from a context value.
#[macro_export]
macro_rules! report {
    ($context:expr $(,)?) => {
        $crate::Report::new($context)
    };
}
