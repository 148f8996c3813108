//! The bytes of a trace: the header, unsigned varints and batches. Everything is
//! read through [`Source`], which counts bytes so that every error can say where
//! in the file it happened, and never allocates more than the format allows.

use std::io::{BufRead, ErrorKind};

use super::TraceError;
use super::spec::{self, EventType, Version};
use crate::tr;

/// The largest batch the runtime writes.
pub const MAX_BATCH_SIZE: u64 = 64 << 10;
/// The longest string the runtime writes.
pub const MAX_STRING_SIZE: u64 = 1 << 10;
/// The deepest stack the runtime writes.
pub const MAX_FRAMES: u64 = 128;

const HEADER_LEN: usize = 16;

/// The parts of a trace that errors name, in the reader's language only
/// when there is an error to tell.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    StringsMarker,
    StringEvent,
    StringId,
    StringLength,
    String,
    StacksMarker,
    StackEvent,
    StackId,
    StackFrameCount,
    FramePc,
    FrameFunction,
    FrameFile,
    FrameLine,
    CpuSamplesMarker,
    CpuSampleEvent,
    SampleTimestamp,
    SampleThread,
    SampleProc,
    SampleGoroutine,
    SampleStack,
    SyncMarker,
    SyncEvent,
    Frequency,
    SnapshotDelta,
    MonotonicClock,
    WallSeconds,
    WallNanoseconds,
    ExperimentId,
    BatchGeneration,
    BatchThread,
    BatchTimestamp,
    BatchSize,
    Batch,
}

impl Field {
    fn name(self) -> String {
        match self {
            Field::StringsMarker => tr!("trace-field-strings-marker"),
            Field::StringEvent => tr!("trace-field-string-event"),
            Field::StringId => tr!("trace-field-string-id"),
            Field::StringLength => tr!("trace-field-string-length"),
            Field::String => tr!("trace-field-string"),
            Field::StacksMarker => tr!("trace-field-stacks-marker"),
            Field::StackEvent => tr!("trace-field-stack-event"),
            Field::StackId => tr!("trace-field-stack-id"),
            Field::StackFrameCount => tr!("trace-field-stack-frame-count"),
            Field::FramePc => tr!("trace-field-frame-pc"),
            Field::FrameFunction => tr!("trace-field-frame-function"),
            Field::FrameFile => tr!("trace-field-frame-file"),
            Field::FrameLine => tr!("trace-field-frame-line"),
            Field::CpuSamplesMarker => tr!("trace-field-cpu-samples-marker"),
            Field::CpuSampleEvent => tr!("trace-field-cpu-sample-event"),
            Field::SampleTimestamp => tr!("trace-field-sample-timestamp"),
            Field::SampleThread => tr!("trace-field-sample-thread"),
            Field::SampleProc => tr!("trace-field-sample-proc"),
            Field::SampleGoroutine => tr!("trace-field-sample-goroutine"),
            Field::SampleStack => tr!("trace-field-sample-stack"),
            Field::SyncMarker => tr!("trace-field-sync-marker"),
            Field::SyncEvent => tr!("trace-field-sync-event"),
            Field::Frequency => tr!("trace-field-frequency"),
            Field::SnapshotDelta => tr!("trace-field-snapshot-delta"),
            Field::MonotonicClock => tr!("trace-field-monotonic-clock"),
            Field::WallSeconds => tr!("trace-field-wall-seconds"),
            Field::WallNanoseconds => tr!("trace-field-wall-nanoseconds"),
            Field::ExperimentId => tr!("trace-field-experiment-id"),
            Field::BatchGeneration => tr!("trace-field-batch-generation"),
            Field::BatchThread => tr!("trace-field-batch-thread"),
            Field::BatchTimestamp => tr!("trace-field-batch-timestamp"),
            Field::BatchSize => tr!("trace-field-batch-size"),
            Field::Batch => tr!("trace-field-batch"),
        }
    }
}

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

    fn byte(&mut self, what: Field) -> Result<u8, TraceError> {
        let at = self.offset;
        self.next_byte()?
            .ok_or_else(|| self.malformed(at, tr!("trace-error-file-ends-at", what = what.name())))
    }

    /// An unsigned LEB128 varint of at most 10 bytes that fits in 64 bits.
    fn uvarint(&mut self, what: Field) -> Result<u64, TraceError> {
        let at = self.offset;
        let mut value = 0u64;
        for i in 0..10 {
            let byte = self.byte(what)?;
            if i == 9 && byte > 1 {
                return Err(
                    self.malformed(at, tr!("trace-error-varint-overflows", what = what.name()))
                );
            }
            value |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.malformed(at, tr!("trace-error-varint-too-long", what = what.name())))
    }

    fn bytes(&mut self, len: usize, what: Field) -> Result<Vec<u8>, TraceError> {
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
                    tr!(
                        "trace-error-cut-short",
                        what = what.name(),
                        len = len,
                        read = data.len()
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
            TraceError::NotATrace(tr!(
                "trace-error-no-header",
                found = format!(
                    "{:?}",
                    String::from_utf8_lossy(&header).trim_end_matches('\0')
                )
            ))
        };
        let minor = header_minor(&header).ok_or_else(not_trace)?;
        if minor < 22 {
            return Err(TraceError::Unsupported(tr!(
                "trace-error-version-too-old",
                version = format!("go 1.{minor}")
            )));
        }
        Version::from_minor(minor).ok_or_else(|| {
            TraceError::Unsupported(tr!(
                "trace-error-version-unknown",
                version = format!("go 1.{minor}")
            ))
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
            spec::EV_EXPERIMENTAL_BATCH => BatchKind::Experimental(self.byte(Field::ExperimentId)?),
            b'g' => {
                // What follows is read only to name the damage: a second header
                // means a second whole trace was written after the first.
                let mut header = vec![b'g'];
                while header.len() < HEADER_LEN {
                    match self.next_byte()? {
                        Some(byte) => header.push(byte),
                        None => break,
                    }
                }
                if let Some(minor) = header_minor(&header) {
                    return Err(TraceError::SecondTrace {
                        offset: start,
                        header: format!("go 1.{minor} trace"),
                    });
                }
                return Err(self.malformed(
                    start,
                    tr!(
                        "trace-error-not-a-batch",
                        typ = b'g'.to_string(),
                        name = spec::name(b'g')
                    ),
                ));
            }
            other => {
                return Err(self.malformed(
                    start,
                    tr!(
                        "trace-error-not-a-batch",
                        typ = other.to_string(),
                        name = spec::name(other)
                    ),
                ));
            }
        };
        let generation = self.uvarint(Field::BatchGeneration)?;
        let m = self.uvarint(Field::BatchThread)?;
        let time = self.uvarint(Field::BatchTimestamp)?;
        let size_at = self.offset;
        let size = self.uvarint(Field::BatchSize)?;
        if size > MAX_BATCH_SIZE {
            return Err(self.malformed(
                size_at,
                tr!(
                    "trace-error-batch-too-big",
                    size = size.to_string(),
                    max = MAX_BATCH_SIZE.to_string()
                ),
            ));
        }
        let data_offset = self.offset;
        // `size` is bounded above, so this allocation is too.
        let data = self.bytes(size as usize, Field::Batch)?;
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

/// The `N` of a header `go 1.N trace\0\0\0`, if `bytes` are one.
fn header_minor(bytes: &[u8]) -> Option<u32> {
    std::str::from_utf8(bytes)
        .ok()?
        .strip_prefix("go 1.")?
        .strip_suffix(" trace\0\0\0")?
        .parse()
        .ok()
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

    pub fn byte(&mut self, what: Field) -> Result<u8, TraceError> {
        let byte = self.data.get(self.pos).copied().ok_or_else(|| {
            self.malformed(
                self.pos,
                tr!("trace-error-batch-ends-at", what = what.name()),
            )
        })?;
        self.pos += 1;
        Ok(byte)
    }

    pub fn uvarint(&mut self, what: Field) -> Result<u64, TraceError> {
        let (value, len) =
            decode_uvarint(&self.data[self.pos.min(self.data.len())..]).ok_or_else(|| {
                self.malformed(
                    self.pos,
                    tr!("trace-error-broken-varint", what = what.name()),
                )
            })?;
        self.pos += len;
        Ok(value)
    }

    pub fn bytes(&mut self, len: u64, what: Field) -> Result<&'a [u8], TraceError> {
        let remaining = (self.data.len() - self.pos.min(self.data.len())) as u64;
        if len > remaining {
            return Err(self.malformed(
                self.pos,
                tr!(
                    "trace-error-past-batch",
                    what = what.name(),
                    len = len,
                    left = remaining
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
