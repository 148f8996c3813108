//! A child's output kept within bounds: its start goes to the log as it comes,
//! its end is held in memory and added to the log when the child is done, and
//! what lies between is counted and dropped. Code that prints in a loop can
//! neither fill the disk nor the runner's memory, and what the check reads
//! (benchmark results, a goroutine dump, a test's failure) is at the end.

use std::collections::VecDeque;
use std::io::Write;
use std::path::PathBuf;

/// How much of the start of a test run's or a build's output is kept. The
/// `go test -bench` output of a whole exercise of the bundled workshop is a few
/// KiB, a goroutine dump of a few thousand goroutines a few MiB: 4 MiB keeps
/// every honest output whole and bounds a hostile one.
pub const OUTPUT_HEAD: usize = 4 * 1024 * 1024;
/// How much of the end is kept: the benchmark results, the goroutine dump of a
/// run that was stopped, and usually the failure of a test are there.
pub const OUTPUT_TAIL: usize = 4 * 1024 * 1024;

/// What was left out of a child's output, when it was too long to keep whole.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutputCut {
    /// Bytes the child wrote in all.
    pub total: u64,
    /// Bytes kept from its start.
    pub head: u64,
    /// Bytes kept from its end.
    pub tail: u64,
    /// Bytes left out between the two.
    pub dropped: u64,
    /// The log that keeps the start and the end.
    pub log: PathBuf,
}

impl OutputCut {
    /// How long the output was, how much was left out, and where the rest is.
    pub fn message(&self) -> String {
        use crate::units::bytes;
        crate::tr!(
            "output-cut",
            total = bytes(self.total),
            dropped = bytes(self.dropped),
            head = bytes(self.head),
            tail = bytes(self.tail),
            path = crate::display::path(&self.log)
        )
    }
}

/// What a capture kept, once the child is done.
#[derive(Debug)]
pub(super) struct Kept {
    /// The start, a line saying how much was left out (if anything was), and
    /// the end: the same bytes as the log.
    pub bytes: Vec<u8>,
    pub total: u64,
    pub head: u64,
    pub tail: u64,
    pub dropped: u64,
}

/// Writes the first `head_limit` bytes of a stream to `sink` as they come,
/// keeps the last `tail_limit` bytes past them in memory, and counts the rest.
pub(super) struct HeadTail<W: Write> {
    sink: W,
    head_limit: usize,
    tail_limit: usize,
    head: Vec<u8>,
    tail: VecDeque<u8>,
    total: u64,
    /// The first failure to write the log; the capture goes on regardless.
    error: Option<std::io::Error>,
}

impl<W: Write> HeadTail<W> {
    pub fn new(sink: W, head_limit: usize, tail_limit: usize) -> HeadTail<W> {
        HeadTail {
            sink,
            head_limit,
            tail_limit,
            head: Vec::new(),
            tail: VecDeque::new(),
            total: 0,
            error: None,
        }
    }

    /// Takes the next bytes of the stream.
    pub fn push(&mut self, mut chunk: &[u8]) {
        self.total += chunk.len() as u64;
        let room = self
            .head_limit
            .saturating_sub(self.head.len())
            .min(chunk.len());
        if room > 0 {
            let (start, rest) = chunk.split_at(room);
            self.head.extend_from_slice(start);
            if let Err(e) = self.sink.write_all(start)
                && self.error.is_none()
            {
                self.error = Some(e);
            }
            chunk = rest;
        }
        if chunk.len() >= self.tail_limit {
            self.tail.clear();
            self.tail.extend(&chunk[chunk.len() - self.tail_limit..]);
            return;
        }
        self.tail.extend(chunk);
        let excess = self.tail.len().saturating_sub(self.tail_limit);
        self.tail.drain(..excess);
    }

    /// Ends the log: a line saying how much was left out (when anything was),
    /// then the end of the stream.
    pub fn finish(mut self) -> std::io::Result<Kept> {
        let head = self.head.len() as u64;
        let tail = self.tail.len() as u64;
        let dropped = self.total - head - tail;
        let mut bytes = std::mem::take(&mut self.head);
        if dropped > 0 {
            let _ = write!(bytes, "\n[... {dropped} bytes of output not kept ...]\n");
        }
        let from = bytes.len().min(head as usize);
        bytes.extend(self.tail.iter().copied());
        if let Some(e) = self.error {
            return Err(e);
        }
        self.sink.write_all(&bytes[from..])?;
        self.sink.flush()?;
        Ok(Kept {
            bytes,
            total: self.total,
            head,
            tail,
            dropped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capture(chunks: &[&[u8]], head: usize, tail: usize) -> (Vec<u8>, Kept) {
        let mut log = Vec::new();
        let mut capture = HeadTail::new(&mut log, head, tail);
        for chunk in chunks {
            capture.push(chunk);
        }
        let kept = capture.finish().unwrap();
        (log, kept)
    }

    #[test]
    fn a_short_output_is_kept_whole() {
        let (log, kept) = capture(&[b"ok  \t", b"pkg\n", b"PASS\n"], 8, 8);
        assert_eq!(log, b"ok  \tpkg\nPASS\n");
        assert_eq!(kept.bytes, log);
        assert_eq!((kept.total, kept.dropped), (14, 0));
    }

    #[test]
    fn the_middle_of_a_long_output_is_dropped_and_counted() {
        let output: Vec<u8> = (0..1000u32)
            .flat_map(|i| format!("{i}\n").into_bytes())
            .collect();
        let chunks: Vec<&[u8]> = output.chunks(7).collect();
        let (log, kept) = capture(&chunks, 10, 20);
        let text = String::from_utf8(log.clone()).unwrap();
        assert!(text.starts_with("0\n1\n2\n3\n4\n\n[... "), "{text}");
        assert!(text.ends_with("\n996\n997\n998\n999\n"), "{text}");
        assert_eq!(kept.bytes, log);
        assert_eq!(kept.total, output.len() as u64);
        assert_eq!((kept.head, kept.tail), (10, 20));
        assert_eq!(kept.dropped, output.len() as u64 - 30);
        assert!(text.contains(&format!(
            "[... {} bytes of output not kept ...]",
            kept.dropped
        )));
    }

    #[test]
    fn a_chunk_longer_than_the_tail_keeps_its_end() {
        let big = vec![b'x'; 100];
        let (log, kept) = capture(&[b"head", &big, b"end"], 4, 10);
        assert!(log.starts_with(b"head\n[... 93 bytes"));
        assert!(log.ends_with(b"xxxxxxxend"));
        assert_eq!((kept.total, kept.dropped), (107, 93));
    }

    #[test]
    fn an_output_just_over_the_head_is_kept_whole() {
        let (log, kept) = capture(&[b"0123456789", b"abc"], 8, 8);
        assert_eq!(log, b"0123456789abc");
        assert_eq!(kept.dropped, 0);
    }
}
