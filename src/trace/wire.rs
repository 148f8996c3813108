//! The bytes of a trace: the header, unsigned varints and batches. Everything is
//! read through [`Source`], which counts bytes so that every error can say where
//! in the file it happened, and never allocates more than the format allows.

use std::io::{BufRead, ErrorKind};

use super::TraceError;
use super::spec::{self, EventType, Version};

/// The largest batch the runtime writes.
pub const MAX_BATCH_SIZE: u64 = 64 << 10;
/// The longest string the runtime writes.
pub const MAX_STRING_SIZE: u64 = 1 << 10;
/// The deepest stack the runtime writes.
pub const MAX_FRAMES: u64 = 128;

const HEADER_LEN: usize = 16;

/// A reader that knows its offset in the file.
pub struct Source<R> {
    inner: R,
    offset: u64,
}

impl<R: BufRead> Source<R> {
    pub fn new(inner: R) -> Self {
        Source { inner, offset: 0 }
    }

    pub fn offset(&self) -> u64 {
        self.offset
    }

    fn malformed(&self, offset: u64, what: impl Into<String>) -> TraceError {
        TraceError::Malformed {
            offset,
            what: what.into(),
        }
    }

    /// The next byte, or `None` at the end of the file.
    fn next_byte(&mut self) -> Result<Option<u8>, TraceError> {
        loop {
            match self.inner.fill_buf() {
                Ok([]) => return Ok(None),
                Ok(buffer) => {
                    let byte = buffer[0];
                    self.inner.consume(1);
                    self.offset += 1;
                    return Ok(Some(byte));
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(TraceError::Io(e)),
            }
        }
    }

    fn byte(&mut self, what: &str) -> Result<u8, TraceError> {
        let at = self.offset;
        self.next_byte()?.ok_or_else(|| {
            self.malformed(
                at,
                format!("the file ends where {what} was expected (truncated?)"),
            )
        })
    }

    /// An unsigned LEB128 varint of at most 10 bytes that fits in 64 bits.
    fn uvarint(&mut self, what: &str) -> Result<u64, TraceError> {
        let at = self.offset;
        let mut value = 0u64;
        for i in 0..10 {
            let byte = self.byte(what)?;
            if i == 9 && byte > 1 {
                return Err(
                    self.malformed(at, format!("{what} is a varint that overflows 64 bits"))
                );
            }
            value |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.malformed(at, format!("{what} is a varint longer than 10 bytes")))
    }

    fn bytes(&mut self, len: usize, what: &str) -> Result<Vec<u8>, TraceError> {
        let at = self.offset;
        let mut data = Vec::with_capacity(len);
        while data.len() < len {
            let buffer = match self.inner.fill_buf() {
                Ok(buffer) => buffer,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(TraceError::Io(e)),
            };
            if buffer.is_empty() {
                return Err(self.malformed(
                    at,
                    format!(
                        "{what} of {len} bytes is cut short after {} bytes (truncated?)",
                        data.len()
                    ),
                ));
            }
            let take = buffer.len().min(len - data.len());
            data.extend_from_slice(&buffer[..take]);
            self.inner.consume(take);
            self.offset += take as u64;
        }
        Ok(data)
    }

    /// The 16-byte header, `go 1.N trace\0\0\0`.
    pub fn header(&mut self) -> Result<Version, TraceError> {
        let mut header = Vec::with_capacity(HEADER_LEN);
        while header.len() < HEADER_LEN {
            match self.next_byte()? {
                Some(byte) => header.push(byte),
                None => break,
            }
        }
        let not_trace = || {
            TraceError::NotATrace(format!(
                "expected the header `go 1.N trace` at byte 0, found {:?}",
                String::from_utf8_lossy(&header).trim_end_matches('\0')
            ))
        };
        let text = std::str::from_utf8(&header).map_err(|_| not_trace())?;
        let minor = text
            .strip_prefix("go 1.")
            .and_then(|rest| rest.strip_suffix(" trace\0\0\0"))
            .ok_or_else(not_trace)?;
        let minor: u32 = minor.parse().map_err(|_| not_trace())?;
        if minor < 22 {
            return Err(TraceError::Unsupported(format!(
                "go 1.{minor} (traces from Go 1.21 and older use a format this reader does not read; Go 1.22 to 1.26 are supported)"
            )));
        }
        Version::from_minor(minor).ok_or_else(|| {
            TraceError::Unsupported(format!("go 1.{minor} (Go 1.22 to 1.26 are supported)"))
        })
    }

    /// The next batch, or `None` at a clean end of the file.
    pub fn batch(&mut self) -> Result<Option<Batch>, TraceError> {
        let start = self.offset;
        let Some(typ) = self.next_byte()? else {
            return Ok(None);
        };
        let kind = match typ {
            spec::EV_END_OF_GENERATION => {
                return Ok(Some(Batch {
                    kind: BatchKind::EndOfGeneration,
                    generation: 0,
                    m: -1,
                    time: 0,
                    data: Vec::new(),
                    data_offset: self.offset,
                }));
            }
            spec::EV_EVENT_BATCH => BatchKind::Events,
            spec::EV_EXPERIMENTAL_BATCH => BatchKind::Experimental(self.byte("the experiment id")?),
            other => {
                return Err(self.malformed(
                    start,
                    format!(
                        "expected the start of a batch, found event type {other} ({})",
                        spec::name(other)
                    ),
                ));
            }
        };
        let generation = self.uvarint("the batch's generation")?;
        let m = self.uvarint("the batch's thread id")?;
        let time = self.uvarint("the batch's timestamp")?;
        let size_at = self.offset;
        let size = self.uvarint("the batch's size")?;
        if size > MAX_BATCH_SIZE {
            return Err(self.malformed(
                size_at,
                format!("batch size {size} exceeds the format's maximum of {MAX_BATCH_SIZE} bytes"),
            ));
        }
        let data_offset = self.offset;
        // `size` is bounded above, so this allocation is too.
        let data = self.bytes(size as usize, "a batch")?;
        Ok(Some(Batch {
            kind,
            generation,
            m: m as i64,
            time,
            data,
            data_offset,
        }))
    }
}

/// What a batch holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchKind {
    Events,
    Experimental(u8),
    /// Go 1.26's marker after the last batch of a generation.
    EndOfGeneration,
}

/// One batch, unparsed but for its header.
#[derive(Debug, Clone)]
pub struct Batch {
    pub kind: BatchKind,
    pub generation: u64,
    /// The thread that wrote it (as Go's ThreadID, which is signed).
    pub m: i64,
    /// The timestamp, in ticks, that the first event's delta is relative to.
    pub time: u64,
    pub data: Vec<u8>,
    /// Where its data starts in the file.
    pub data_offset: u64,
}

impl Batch {
    /// The type of the first event, which tells the batch's role.
    pub fn first_event(&self) -> Option<EventType> {
        match self.kind {
            BatchKind::Events => self.data.first().copied(),
            _ => None,
        }
    }
}

/// A cursor over a batch's data that reports positions as file offsets.
pub struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
    base: u64,
}

impl<'a> Cursor<'a> {
    pub fn new(data: &'a [u8], base: u64) -> Self {
        Cursor { data, pos: 0, base }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }

    pub fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    fn malformed(&self, at: usize, what: String) -> TraceError {
        TraceError::Malformed {
            offset: self.base + at as u64,
            what,
        }
    }

    pub fn byte(&mut self, what: &str) -> Result<u8, TraceError> {
        let byte = self.data.get(self.pos).copied().ok_or_else(|| {
            self.malformed(
                self.pos,
                format!("the batch ends where {what} was expected"),
            )
        })?;
        self.pos += 1;
        Ok(byte)
    }

    pub fn uvarint(&mut self, what: &str) -> Result<u64, TraceError> {
        let (value, len) =
            decode_uvarint(&self.data[self.pos.min(self.data.len())..]).ok_or_else(|| {
                self.malformed(
                    self.pos,
                    format!("expected {what} (a varint), found a broken or cut-off one"),
                )
            })?;
        self.pos += len;
        Ok(value)
    }

    pub fn bytes(&mut self, len: u64, what: &str) -> Result<&'a [u8], TraceError> {
        let remaining = (self.data.len() - self.pos.min(self.data.len())) as u64;
        if len > remaining {
            return Err(self.malformed(
                self.pos,
                format!(
                    "{what} of {len} bytes runs past the end of its batch ({remaining} bytes left)"
                ),
            ));
        }
        let start = self.pos;
        self.pos += len as usize;
        Ok(&self.data[start..self.pos])
    }
}

/// Decodes an unsigned varint from the start of `data`: the value and its length.
#[inline]
pub fn decode_uvarint(data: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &byte) in data.iter().take(10).enumerate() {
        if i == 9 && byte > 1 {
            return None;
        }
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        assert_eq!(decode_uvarint(&[0x00]), Some((0, 1)));
        assert_eq!(decode_uvarint(&[0xac, 0x02]), Some((300, 2)));
        assert_eq!(decode_uvarint(&[0x80]), None);
        assert_eq!(
            decode_uvarint(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
            Some((u64::MAX, 10))
        );
        assert_eq!(
            decode_uvarint(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]),
            None
        );
    }

    #[test]
    fn header_versions() {
        let read = |bytes: &[u8]| Source::new(bytes).header();
        assert_eq!(read(b"go 1.22 trace\0\0\0").unwrap(), Version::Go122);
        assert_eq!(read(b"go 1.26 trace\0\0\0").unwrap(), Version::Go126);
        assert!(matches!(
            read(b"go 1.24 trace\0\0\0"),
            Err(TraceError::Unsupported(_))
        ));
        assert!(matches!(
            read(b"go 1.21 trace\0\0\0"),
            Err(TraceError::Unsupported(_))
        ));
        assert!(matches!(
            read(b"\x1f\x8b\x08"),
            Err(TraceError::NotATrace(_))
        ));
        assert!(matches!(read(b""), Err(TraceError::NotATrace(_))));
    }

    #[test]
    fn oversized_batch_is_rejected_before_allocating() {
        let mut bytes = b"go 1.26 trace\0\0\0".to_vec();
        bytes.extend_from_slice(&[1, 1, 1, 1, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        let mut source = Source::new(&bytes[..]);
        source.header().unwrap();
        let error = source.batch().unwrap_err();
        assert!(
            error.to_string().contains("exceeds the format's maximum"),
            "{error}"
        );
        assert!(error.to_string().contains("byte 20"), "{error}");
    }
}
