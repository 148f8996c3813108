//! HTTP/1.1 over one kept-alive TCP connection: requests written as prepared
//! bytes, answers read with their framing (`Content-Length`, chunked, or to the
//! end of the connection), bodies kept or only counted. Small on purpose: the
//! load generator sends thousands of requests a second from every connection,
//! and every byte it parses or allocates is CPU the server under test does not get.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use super::error::HttpError;
use crate::tr;

// Limits on what frames an answer, far above what real servers send, so that
// a broken or hostile server costs bounded memory and gets a clear error.
/// The longest line of a header, a chunk size (with its extensions) or a trailer.
pub(super) const MAX_LINE: usize = 64 * 1024;
/// The most bytes the headers of an answer may take, or its trailers.
pub(super) const MAX_BLOCK: usize = 1024 * 1024;
/// Headers an answer may have; as many trailers.
pub(super) const MAX_HEADERS: usize = 128;
/// The most bytes of chunk extensions one answer may carry in all.
pub(super) const MAX_EXTENSIONS: usize = 1024 * 1024;

/// One request, ready to send again and again.
#[derive(Debug, Clone)]
pub struct Prepared {
    bytes: Vec<u8>,
    /// A `HEAD` request: its answer has no body, whatever its headers say.
    head: bool,
}

impl Prepared {
    /// The request `method path` to `host`, with `headers` and `body`.
    pub fn new(
        method: &str,
        path: &str,
        host: &str,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Prepared {
        let mut bytes = Vec::with_capacity(128 + body.len());
        let has = |name: &str| headers.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
        bytes.extend_from_slice(format!("{method} {path} HTTP/1.1\r\n").as_bytes());
        if !has("host") {
            bytes.extend_from_slice(format!("Host: {host}\r\n").as_bytes());
        }
        if !has("user-agent") {
            bytes.extend_from_slice(b"User-Agent: workshop\r\n");
        }
        for (name, value) in headers {
            bytes.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        if (!body.is_empty() || matches!(method, "POST" | "PUT" | "PATCH"))
            && !has("content-length")
        {
            bytes.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
        }
        bytes.extend_from_slice(b"\r\n");
        bytes.extend_from_slice(body);
        Prepared {
            bytes,
            head: method == "HEAD",
        }
    }
}

/// What came back.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// The headers, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body, when asked for; empty otherwise.
    pub body: Vec<u8>,
    /// The body's length, kept or not.
    pub body_len: u64,
    /// The server closes the connection after this answer.
    pub close: bool,
}

impl Answer {
    /// A header's value, by name in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Whether an answer's body is kept, and how much of it may come.
#[derive(Debug, Clone, Copy)]
pub enum Body {
    /// Counted and dropped.
    Discard,
    /// Kept, up to this many bytes (more is an error).
    Keep(u64),
}

/// What a connection reads answers from: a TCP stream, or any other reader
/// (an answer held in memory, for tests).
pub trait Stream: Read {
    /// Makes the next reads give up after `left`; a stream that cannot wait
    /// does nothing.
    fn set_read_timeout(&self, left: Duration) -> io::Result<()> {
        let _ = left;
        Ok(())
    }
}

impl Stream for TcpStream {
    fn set_read_timeout(&self, left: Duration) -> io::Result<()> {
        TcpStream::set_read_timeout(self, Some(left))
    }
}

impl Stream for &[u8] {}

/// One connection to a server.
pub struct Connection<S = TcpStream> {
    pub(super) stream: S,
    pub(super) buffer: Vec<u8>,
    /// The unread bytes are `buffer[start..end]`.
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Connection {
    /// Connects within `timeout`.
    pub fn open(address: SocketAddr, timeout: Duration) -> Result<Connection, HttpError> {
        let stream = TcpStream::connect_timeout(&address, timeout.max(Duration::from_millis(1)))
            .map_err(HttpError::from_io)?;
        let _ = stream.set_nodelay(true);
        Ok(Connection::over(stream))
    }

    /// Sends `request` and reads its answer, all before `deadline`.
    pub fn exchange(
        &mut self,
        request: &Prepared,
        body: Body,
        deadline: Instant,
    ) -> Result<Answer, HttpError> {
        self.start = 0;
        self.end = 0;
        self.stream
            .set_write_timeout(Some(time_left(deadline)?))
            .map_err(HttpError::from_io)?;
        self.stream
            .write_all(&request.bytes)
            .map_err(HttpError::from_io)?;
        self.answer(request, body, deadline)
    }
}

impl<S: Stream> Connection<S> {
    /// A connection that reads its answers from `stream`.
    pub fn over(stream: S) -> Connection<S> {
        Connection {
            stream,
            buffer: vec![0; 16 * 1024],
            start: 0,
            end: 0,
        }
    }

    /// Reads the answer to `request`, sent already, before `deadline`.
    pub fn answer(
        &mut self,
        request: &Prepared,
        body: Body,
        deadline: Instant,
    ) -> Result<Answer, HttpError> {
        loop {
            let answer = self.read_answer(request, body, deadline)?;
            // An interim answer (100 Continue) comes before the real one.
            if !(100..200).contains(&answer.status) || answer.status == 101 {
                return Ok(answer);
            }
        }
    }

    /// Reads more bytes into the buffer; `false` at the end of the connection.
    pub(super) fn fill(&mut self, deadline: Instant) -> Result<bool, HttpError> {
        if self.start > 0 && self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
        if self.end == self.buffer.len() {
            if self.start > 0 {
                self.buffer.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            } else {
                let grown = self.buffer.len() * 2;
                self.buffer.resize(grown, 0);
            }
        }
        self.stream
            .set_read_timeout(time_left(deadline)?)
            .map_err(HttpError::from_io)?;
        loop {
            match self.stream.read(&mut self.buffer[self.end..]) {
                Ok(0) => return Ok(false),
                Ok(n) => {
                    self.end += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(HttpError::from_io(e)),
            }
        }
    }

    fn read_answer(
        &mut self,
        request: &Prepared,
        body: Body,
        deadline: Instant,
    ) -> Result<Answer, HttpError> {
        // Bytes of the head looked at so far, and where its last unended line
        // starts (both from `self.start`): a head that comes a byte at a time
        // is parsed again only when a line ends, never rescanned whole.
        let (mut seen, mut line_start) = (0usize, 0usize);
        let (status, headers, head_len) = loop {
            let rest = &self.buffer[self.start..self.end];
            let fresh = &rest[seen.min(rest.len())..];
            let ended_line = fresh.iter().rposition(|&b| b == b'\n');
            if seen == 0 || ended_line.is_some() {
                let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
                let mut parsed = httparse::Response::new(&mut slots);
                match parsed.parse(rest) {
                    Ok(httparse::Status::Complete(len)) => {
                        let headers: Vec<(String, String)> = parsed
                            .headers
                            .iter()
                            .map(|h| {
                                (
                                    h.name.to_owned(),
                                    String::from_utf8_lossy(h.value).trim().to_owned(),
                                )
                            })
                            .collect();
                        break (parsed.code.unwrap_or(0), headers, len);
                    }
                    Ok(httparse::Status::Partial) => {}
                    Err(httparse::Error::TooManyHeaders) => {
                        return Err(past_limit(tr!(
                            "http-headers-many",
                            count = MAX_HEADERS.to_string()
                        )));
                    }
                    Err(e) => return Err(HttpError::Malformed(e.to_string())),
                }
            }
            if let Some(i) = ended_line {
                line_start = seen + i + 1;
            }
            seen = rest.len();
            if rest.len() - line_start.min(rest.len()) > MAX_LINE {
                return Err(past_limit(tr!(
                    "http-header-line-long",
                    limit = shown(MAX_LINE)
                )));
            }
            if rest.len() > MAX_BLOCK {
                return Err(past_limit(tr!(
                    "http-headers-large",
                    limit = shown(MAX_BLOCK)
                )));
            }
            if !self.fill(deadline)? {
                return Err(if self.end == self.start {
                    HttpError::Closed
                } else {
                    HttpError::Malformed(tr!("http-head-cut"))
                });
            }
        };
        self.start += head_len;
        let mut answer = Answer {
            status,
            headers,
            body: Vec::new(),
            body_len: 0,
            close: false,
        };
        answer.close = answer
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let bodiless =
            request.head || (100..200).contains(&status) || status == 204 || status == 304;
        if bodiless {
            return Ok(answer);
        }
        let chunked = answer
            .header("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        if chunked {
            self.read_chunked(&mut answer, body, deadline)?;
        } else if let Some(length) = answer.header("content-length") {
            let length: u64 = length
                .parse()
                .map_err(|_| HttpError::Malformed(format!("Content-Length `{length}`")))?;
            self.read_exactly(length, &mut answer, body, deadline)?;
        } else {
            // No framing: the body runs to the end of the connection.
            answer.close = true;
            loop {
                self.take(usize::MAX, &mut answer, body)?;
                if !self.fill(deadline)? {
                    break;
                }
            }
        }
        Ok(answer)
    }
}

/// The time left until `deadline`; a timeout when none is.
fn time_left(deadline: Instant) -> Result<Duration, HttpError> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(HttpError::Timeout);
    }
    Ok(left)
}

pub(super) fn past_limit(what: String) -> HttpError {
    HttpError::PastLimit(what)
}

/// A limit in bytes, as people read it.
pub(super) fn shown(bytes: usize) -> String {
    crate::units::bytes(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A server that answers each connection's requests with `answers`, in turn.
    fn serve(answers: Vec<&'static [u8]>) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut buffer = [0u8; 4096];
            for answer in answers {
                let mut seen = Vec::new();
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    let n = stream.read(&mut buffer).unwrap();
                    if n == 0 {
                        return;
                    }
                    seen.extend_from_slice(&buffer[..n]);
                }
                // In pieces, so that every read boundary gets exercised.
                for piece in answer.chunks(3) {
                    stream.write_all(piece).unwrap();
                    stream.flush().unwrap();
                }
            }
        });
        address
    }

    fn get(path: &str) -> Prepared {
        Prepared::new("GET", path, "test", &[], b"")
    }

    fn soon() -> Instant {
        Instant::now() + Duration::from_secs(5)
    }

    #[test]
    fn answers_of_every_framing_on_one_connection() {
        let address = serve(vec![
            b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nTrailer: 1\r\n\r\n",
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy",
        ]);
        let mut connection = Connection::open(address, Duration::from_secs(5)).unwrap();
        let first = connection
            .exchange(&get("/a"), Body::Keep(100), soon())
            .unwrap();
        assert_eq!((first.status, first.body.as_slice()), (200, &b"hello"[..]));
        let chunked = connection
            .exchange(&get("/b"), Body::Keep(100), soon())
            .unwrap();
        assert_eq!(chunked.body, b"abcde");
        let empty = connection
            .exchange(&get("/c"), Body::Discard, soon())
            .unwrap();
        assert_eq!((empty.status, empty.body_len), (204, 0));
        let busy = connection
            .exchange(&get("/d"), Body::Discard, soon())
            .unwrap();
        assert_eq!((busy.status, busy.body_len, busy.close), (503, 4, true));
        assert!(busy.body.is_empty());
    }

    #[test]
    fn a_body_to_the_end_of_the_connection() {
        let address = serve(vec![b"HTTP/1.0 200 OK\r\n\r\nall of it"]);
        let mut connection = Connection::open(address, Duration::from_secs(5)).unwrap();
        let answer = connection
            .exchange(&get("/"), Body::Keep(100), soon())
            .unwrap();
        assert_eq!(answer.body, b"all of it");
        assert!(answer.close);
    }

    #[test]
    fn broken_answers_are_errors() {
        let address = serve(vec![b"SSH-2.0-OpenSSH\r\n\r\n"]);
        let mut connection = Connection::open(address, Duration::from_secs(5)).unwrap();
        let error = connection
            .exchange(&get("/"), Body::Discard, soon())
            .unwrap_err();
        assert_eq!(error.kind(), "malformed answer", "{error}");

        let address = serve(vec![b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"]);
        let mut connection = Connection::open(address, Duration::from_secs(5)).unwrap();
        let error = connection.exchange(&get("/"), Body::Discard, soon());
        // The server's thread ends and closes the connection mid-body.
        assert!(
            matches!(error, Err(HttpError::Closed | HttpError::Reset)),
            "{error:?}"
        );

        let address = serve(vec![b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"]);
        let mut connection = Connection::open(address, Duration::from_secs(5)).unwrap();
        let error = connection
            .exchange(&get("/"), Body::Keep(10), soon())
            .unwrap_err();
        assert!(matches!(error, HttpError::TooLarge(10)), "{error:?}");
    }

    #[test]
    fn a_silent_server_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let mut connection = Connection::open(address, Duration::from_secs(5)).unwrap();
        let started = Instant::now();
        let error = connection
            .exchange(
                &get("/"),
                Body::Discard,
                Instant::now() + Duration::from_millis(200),
            )
            .unwrap_err();
        assert!(matches!(error, HttpError::Timeout), "{error:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
        drop(listener);
    }

    /// A server that answers one request with `head`, then sends `more` again
    /// and again until the client hangs up.
    fn hostile(head: &'static [u8], more: &'static [u8]) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let _ = stream.read(&mut [0u8; 4096]);
            let more = more.repeat((64 * 1024 / more.len()).max(1));
            if stream.write_all(head).is_ok() {
                while stream.write_all(&more).is_ok() {}
            }
        });
        address
    }

    /// What `GET /` to a hostile server ends with: an error naming a limit,
    /// long before the deadline.
    fn past_limit_from(head: &'static [u8], more: &'static [u8]) -> String {
        let address = hostile(head, more);
        let mut connection = Connection::open(address, Duration::from_secs(5)).unwrap();
        let started = Instant::now();
        let error = connection
            .exchange(
                &get("/"),
                Body::Keep(1 << 30),
                Instant::now() + Duration::from_secs(3),
            )
            .unwrap_err();
        assert!(matches!(error, HttpError::PastLimit(_)), "{error:?}");
        assert!(started.elapsed() < Duration::from_secs(3));
        assert_eq!(error.kind(), "answer too large");
        error.to_string()
    }

    const CHUNKED: &[u8] = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n";

    #[test]
    fn an_endless_trailer_line_is_cut_at_its_limit() {
        let head = [CHUNKED, b"0\r\nX-Endless: "].concat().leak();
        let error = past_limit_from(head, b"a");
        assert!(
            error.contains("a trailer line longer than 64 KiB"),
            "{error}"
        );
    }

    #[test]
    fn endless_trailers_are_cut_at_their_limit() {
        let head = [CHUNKED, b"0\r\n"].concat().leak();
        let error = past_limit_from(head, b"X-Again: 1\r\n");
        assert!(error.contains("more than 128 trailers"), "{error}");
        let long = [b"X-Long: ".as_slice(), &[b'a'; 60_000], b"\r\n"]
            .concat()
            .leak();
        let error = past_limit_from(head, long);
        assert!(
            error.contains("trailers larger than 1 MiB in all"),
            "{error}"
        );
    }

    #[test]
    fn an_endless_header_line_is_cut_at_its_limit() {
        let error = past_limit_from(b"HTTP/1.1 200 OK\r\nX-Endless: ", b"a");
        assert!(
            error.contains("a header line longer than 64 KiB"),
            "{error}"
        );
        let error = past_limit_from(b"HTTP/1.1 200 OK\r\n", b"X-Again: 1\r\n");
        assert!(error.contains("more than 128 headers"), "{error}");
        let long = [b"X-Long: ".as_slice(), &[b'a'; 60_000], b"\r\n"]
            .concat()
            .leak();
        let error = past_limit_from(b"HTTP/1.1 200 OK\r\n", long);
        assert!(
            error.contains("headers larger than 1 MiB in all"),
            "{error}"
        );
    }

    #[test]
    fn endless_chunk_sizes_and_extensions_are_cut_at_their_limits() {
        let head = [CHUNKED, b"1;x="].concat().leak();
        let error = past_limit_from(head, b"a");
        assert!(
            error.contains("a chunk-size line longer than 64 KiB"),
            "{error}"
        );
        let extended = [b"1;x=".as_slice(), &[b'a'; 1000], b"\r\nz\r\n"]
            .concat()
            .leak();
        let error = past_limit_from(CHUNKED, extended);
        assert!(
            error.contains("chunk extensions larger than 1 MiB in all"),
            "{error}"
        );
        assert!(
            error.starts_with("the answer goes past a limit of workshop's: "),
            "{error}"
        );
    }

    #[test]
    fn answers_are_read_from_any_stream() {
        let mut connection = Connection::over(
            &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nde"[..],
        );
        let chunked = connection
            .answer(&get("/a"), Body::Keep(100), soon())
            .unwrap();
        assert_eq!(chunked.body, b"abc");
        let second = connection
            .answer(&get("/b"), Body::Keep(100), soon())
            .unwrap();
        assert_eq!(second.body, b"de");
        let error = connection.answer(&get("/c"), Body::Discard, soon());
        assert!(matches!(error, Err(HttpError::Closed)), "{error:?}");
    }

    /// A server that sends one byte per read.
    struct Trickle(std::collections::VecDeque<u8>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.pop_front(), buf.first_mut()) {
                (Some(byte), Some(slot)) => {
                    *slot = byte;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    impl Stream for Trickle {}

    #[test]
    fn a_head_sent_a_byte_at_a_time_is_read_in_linear_time() {
        // 15 headers of 60 KB, just under the limits: parsed again at each
        // ended line, never at each byte (which took hours).
        let mut head = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..15 {
            head.extend_from_slice(format!("X-{i}: ").as_bytes());
            head.extend(std::iter::repeat_n(b'a', 60_000));
            head.extend_from_slice(b"\r\n");
        }
        head.extend_from_slice(b"Content-Length: 2\r\n\r\nok");
        let started = Instant::now();
        let mut connection = Connection::over(Trickle(head.into_iter().collect()));
        let answer = connection
            .answer(&get("/"), Body::Keep(100), soon())
            .unwrap();
        assert_eq!(answer.body, b"ok");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn requests_carry_host_and_length() {
        let post = Prepared::new(
            "POST",
            "/index",
            "127.0.0.1:8080",
            &[("Content-Type".into(), "application/json".into())],
            b"{}",
        );
        let text = String::from_utf8(post.bytes).unwrap();
        assert_eq!(
            text,
            "POST /index HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: workshop\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        );
    }
}
