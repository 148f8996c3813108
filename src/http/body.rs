//! The body of an answer as its framing gives it: a known length, chunks
//! with their extensions and trailers, each within the limits of [`super::client`].

use std::time::Instant;

use super::client::{
    Answer, Body, Connection, MAX_BLOCK, MAX_EXTENSIONS, MAX_HEADERS, MAX_LINE, Stream, past_limit,
    shown,
};
use super::error::HttpError;
use crate::tr;

impl<S: Stream> Connection<S> {
    /// Moves up to `most` buffered bytes into the answer's body.
    pub(super) fn take(
        &mut self,
        most: usize,
        answer: &mut Answer,
        body: Body,
    ) -> Result<usize, HttpError> {
        let n = (self.end - self.start).min(most);
        answer.body_len += n as u64;
        if let Body::Keep(limit) = body {
            if answer.body_len > limit {
                return Err(HttpError::TooLarge(limit));
            }
            answer
                .body
                .extend_from_slice(&self.buffer[self.start..self.start + n]);
        }
        self.start += n;
        Ok(n)
    }

    pub(super) fn read_exactly(
        &mut self,
        mut length: u64,
        answer: &mut Answer,
        body: Body,
        deadline: Instant,
    ) -> Result<(), HttpError> {
        if let Body::Keep(limit) = body
            && length > limit
        {
            return Err(HttpError::TooLarge(limit));
        }
        while length > 0 {
            if self.start == self.end && !self.fill(deadline)? {
                return Err(HttpError::Closed);
            }
            let most = usize::try_from(length).unwrap_or(usize::MAX);
            length -= self.take(most, answer, body)? as u64;
        }
        Ok(())
    }

    pub(super) fn read_chunked(
        &mut self,
        answer: &mut Answer,
        body: Body,
        deadline: Instant,
    ) -> Result<(), HttpError> {
        let mut extensions = 0;
        loop {
            let size = loop {
                match httparse::parse_chunk_size(&self.buffer[self.start..self.end]) {
                    Ok(httparse::Status::Complete((len, size))) => {
                        let line = &self.buffer[self.start..self.start + len];
                        extensions += line
                            .iter()
                            .position(|&b| b == b';')
                            .map_or(0, |at| len - at);
                        if extensions > MAX_EXTENSIONS {
                            return Err(past_limit(tr!(
                                "http-extensions-large",
                                limit = shown(MAX_EXTENSIONS)
                            )));
                        }
                        self.start += len;
                        break size;
                    }
                    Ok(httparse::Status::Partial) => {
                        if self.end - self.start > MAX_LINE {
                            return Err(past_limit(tr!(
                                "http-chunk-line-long",
                                limit = shown(MAX_LINE)
                            )));
                        }
                        if !self.fill(deadline)? {
                            return Err(HttpError::Closed);
                        }
                    }
                    Err(_) => return Err(HttpError::Malformed(tr!("http-chunk-size-bad"))),
                }
            };
            if size == 0 {
                return self.read_trailers(deadline);
            }
            self.read_exactly(size, answer, body, deadline)?;
            while self.end - self.start < 2 {
                if !self.fill(deadline)? {
                    return Err(HttpError::Closed);
                }
            }
            if &self.buffer[self.start..self.start + 2] != b"\r\n" {
                return Err(HttpError::Malformed(tr!("http-chunk-unended")));
            }
            self.start += 2;
        }
    }

    /// Trailers, if any, then the blank line that ends a chunked body.
    fn read_trailers(&mut self, deadline: Instant) -> Result<(), HttpError> {
        let mut lines = 0;
        let mut bytes = 0;
        loop {
            let rest = &self.buffer[self.start..self.end];
            let Some(at) = rest.windows(2).position(|w| w == b"\r\n") else {
                if rest.len() > MAX_LINE {
                    return Err(past_limit(tr!(
                        "http-trailer-line-long",
                        limit = shown(MAX_LINE)
                    )));
                }
                if !self.fill(deadline)? {
                    return Err(HttpError::Closed);
                }
                continue;
            };
            self.start += at + 2;
            if at == 0 {
                return Ok(());
            }
            if at > MAX_LINE {
                return Err(past_limit(tr!(
                    "http-trailer-line-long",
                    limit = shown(MAX_LINE)
                )));
            }
            lines += 1;
            bytes += at + 2;
            if bytes > MAX_BLOCK {
                return Err(past_limit(tr!(
                    "http-trailers-large",
                    limit = shown(MAX_BLOCK)
                )));
            }
            if lines > MAX_HEADERS {
                return Err(past_limit(tr!(
                    "http-trailers-many",
                    count = MAX_HEADERS.to_string()
                )));
            }
        }
    }
}
