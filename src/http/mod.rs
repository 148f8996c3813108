//! Speaking HTTP to the exercise's servers: a small HTTP/1.1 client
//! ([`client`]), the URLs it takes ([`url`]), and the load generator built on
//! it ([`load`]). One-off requests (readiness probes, endpoint goals, profiles
//! fetched from `net/http/pprof`) go through [`fetch`].

mod body;
pub mod client;
mod error;
pub mod load;
pub mod url;

use std::time::{Duration, Instant};

pub use client::{Answer, Body, Connection, Prepared, Stream};
pub use error::HttpError;
pub use url::{Url, UrlError};

/// Why a one-off request got no answer.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error(transparent)]
    Url(#[from] UrlError),
    #[error("{url}: {source}")]
    Http {
        url: String,
        #[source]
        source: HttpError,
    },
}

impl FetchError {
    /// The transport error, when the URL itself was fine.
    pub fn http(&self) -> Option<&HttpError> {
        match self {
            FetchError::Http { source, .. } => Some(source),
            FetchError::Url(_) => None,
        }
    }
}

/// Longer than anything here waits for: a deadline this far off is none.
const FOREVER: Duration = Duration::from_secs(10 * 365 * 24 * 60 * 60);

/// The instant `wait` after `start`, with waits past [`FOREVER`] taken as
/// forever (an `Instant` cannot hold every `Duration`).
pub fn after(start: Instant, wait: Duration) -> Instant {
    start + wait.min(FOREVER)
}

/// `GET url` on a connection of its own, answered within `timeout`, the body
/// kept up to `limit` bytes.
pub fn fetch(url: &Url, timeout: Duration, limit: u64) -> Result<Answer, FetchError> {
    request(url, "GET", timeout, Body::Keep(limit))
}

/// `method url` on a connection of its own, answered within `timeout`.
pub fn request(
    url: &Url,
    method: &str,
    timeout: Duration,
    body: Body,
) -> Result<Answer, FetchError> {
    let deadline = after(Instant::now(), timeout);
    let failed = |source| FetchError::Http {
        url: url.to_string(),
        source,
    };
    let address = url.address()?;
    let mut connection = Connection::open(address, timeout).map_err(failed)?;
    let prepared = Prepared::new(
        method,
        &url.target,
        &url.authority(),
        &[("Connection".to_owned(), "close".to_owned())],
        b"",
    );
    connection
        .exchange(&prepared, body, deadline)
        .map_err(failed)
}
