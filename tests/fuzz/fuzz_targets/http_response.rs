//! Any bytes as a server's answer to one request, read by the HTTP client
//! (status line, headers, body by its framing: length, chunks with extensions
//! and trailers, or to the end of the connection): errors are fine, panics,
//! hangs and unbounded allocations are not.
//!
//! The first byte is the most bytes one read gives (0 for all that is left),
//! so that every split of the answer across reads is tried; the second picks
//! the request (bit 0: `HEAD`) and what is done with the body (bit 1: counted
//! and dropped, else kept up to 1 MiB). The rest is the answer.
#![no_main]

use std::io::Read;
use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use workshop::http::{Body, Connection, Prepared, Stream};

/// An answer that arrives at most `most` bytes at a time.
struct Pieces<'a> {
    rest: &'a [u8],
    most: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.rest.len().min(buffer.len()).min(self.most);
        buffer[..n].copy_from_slice(&self.rest[..n]);
        self.rest = &self.rest[n..];
        Ok(n)
    }
}

impl Stream for Pieces<'_> {}

fuzz_target!(|data: &[u8]| {
    let [most, flags, answer @ ..] = data else {
        return;
    };
    let most = match *most {
        0 => usize::MAX,
        n => usize::from(n),
    };
    let method = if flags & 1 == 1 { "HEAD" } else { "GET" };
    let body = if flags & 2 == 2 {
        Body::Discard
    } else {
        Body::Keep(1 << 20)
    };
    let request = Prepared::new(method, "/", "fuzz", &[], b"");
    let mut connection = Connection::over(Pieces { rest: answer, most });
    let deadline = Instant::now() + Duration::from_secs(3600);
    // A kept-alive connection reads answer after answer until one fails.
    while let Ok(answer) = connection.answer(&request, body, deadline) {
        let _ = answer.header("content-type");
        if answer.close {
            break;
        }
    }
});
