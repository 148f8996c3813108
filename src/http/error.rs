//! Why an exchange with a server failed, with a short name for each kind of
//! failure that the load generator counts by.

use std::io;

use crate::tr;

/// Why an exchange failed.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("{}", tr!("http-refused"))]
    Refused,
    #[error("{}", tr!("http-reset"))]
    Reset,
    #[error("{}", tr!("http-timeout"))]
    Timeout,
    #[error("{}", tr!("http-closed"))]
    Closed,
    #[error("{}", tr!("http-malformed", why = .0))]
    Malformed(String),
    #[error("{}", tr!("http-too-large", limit = .0.to_string()))]
    TooLarge(u64),
    /// What frames the answer (headers, chunk sizes, trailers) goes past one
    /// of the client's limits; the words name the limit.
    #[error("{}", tr!("http-past-limit", what = .0))]
    PastLimit(String),
    #[error("{0}")]
    Io(io::Error),
}

impl HttpError {
    /// A short name for counting errors by kind.
    pub fn kind(&self) -> &'static str {
        match self {
            HttpError::Refused => "connection refused",
            HttpError::Reset => "connection reset",
            HttpError::Timeout => "timeout",
            HttpError::Closed => "connection closed",
            HttpError::Malformed(_) => "malformed answer",
            HttpError::TooLarge(_) | HttpError::PastLimit(_) => "answer too large",
            HttpError::Io(_) => "i/o error",
        }
    }

    /// The kind of an error in the reader's words.
    pub fn kind_words(&self) -> String {
        kind_words(self.kind())
    }

    pub(super) fn from_io(error: io::Error) -> HttpError {
        match error.kind() {
            io::ErrorKind::ConnectionRefused => HttpError::Refused,
            io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe => HttpError::Reset,
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => HttpError::Timeout,
            io::ErrorKind::UnexpectedEof => HttpError::Closed,
            _ => HttpError::Io(error),
        }
    }
}

/// A kind of error that [`HttpError::kind`] names, in the reader's words.
pub fn kind_words(kind: &str) -> String {
    match kind {
        "connection refused" => tr!("http-kind-refused"),
        "connection reset" => tr!("http-kind-reset"),
        "timeout" => tr!("http-kind-timeout"),
        "connection closed" => tr!("http-kind-closed"),
        "malformed answer" => tr!("http-kind-malformed"),
        "answer too large" => tr!("http-kind-too-large"),
        "i/o error" => tr!("http-kind-io"),
        other => other.to_owned(),
    }
}
