//! Protobuf's wire format, read as it streams: a [`Stream`] over any reader
//! (a file, a gzip decoder) hands out one top-level field at a time from a
//! buffer that holds little more than the largest field, and a [`Cursor`]
//! walks the fields inside one. Malformed input is an error with its byte
//! offset, never a panic, and every step consumes input, so nothing loops.

use std::io::{self, Read};

use super::budget::{Limits, Over, What};
use crate::tr;

pub const VARINT: u8 = 0;
pub const FIXED64: u8 = 1;
pub const LEN: u8 = 2;
pub const START_GROUP: u8 = 3;
pub const END_GROUP: u8 = 4;
pub const FIXED32: u8 = 5;

/// How deeply groups of unknown fields may nest (as prost allows).
const MAX_DEPTH: usize = 100;

/// How much of the input is read at once.
const CHUNK: usize = 256 << 10;

/// The wire type's name, for errors.
pub fn wire_type_name(wire: u8) -> &'static str {
    match wire {
        VARINT => "varint",
        FIXED64 => "64-bit",
        LEN => "length-delimited",
        START_GROUP => "start-group",
        END_GROUP => "end-group",
        _ => "32-bit",
    }
}

/// Bytes that are not protobuf, and where (from the start of the input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub at: u64,
    pub why: Flaw,
}

/// What is wrong with bytes that are not protobuf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    VarintOverflows,
    VarintTooLong,
    VarintCutShort,
    UnknownWireType,
    FieldZero,
    FieldTooLarge,
    PastMessage,
    PastProfile,
    GroupsTooDeep,
    GroupUnstarted,
}

impl Flaw {
    /// The flaw in words, in the chosen language.
    #[cold]
    pub fn text(self) -> String {
        match self {
            Flaw::VarintOverflows => tr!("pprof-wire-varint-overflows"),
            Flaw::VarintTooLong => tr!("pprof-wire-varint-too-long"),
            Flaw::VarintCutShort => tr!("pprof-wire-varint-cut-short"),
            Flaw::UnknownWireType => tr!("pprof-wire-unknown-wire-type"),
            Flaw::FieldZero => tr!("pprof-wire-field-zero"),
            Flaw::FieldTooLarge => tr!("pprof-wire-field-too-large"),
            Flaw::PastMessage => tr!("pprof-wire-past-message"),
            Flaw::PastProfile => tr!("pprof-wire-past-profile"),
            Flaw::GroupsTooDeep => tr!("pprof-wire-groups-too-deep", depth = MAX_DEPTH.to_string()),
            Flaw::GroupUnstarted => tr!("pprof-wire-group-unstarted"),
        }
    }
}

/// Why reading stopped.
#[derive(Debug)]
pub enum Fault {
    /// The reader failed.
    Read(io::Error),
    /// The input is longer than the stream's limit.
    TooLarge,
    /// The wire format is broken, or a field is not what the message says.
    Wire { at: u64, why: String },
    /// The input holds more than the decoded profile may.
    Budget(Over),
}

impl From<Over> for Fault {
    fn from(over: Over) -> Fault {
        Fault::Budget(over)
    }
}

impl From<Malformed> for Fault {
    fn from(m: Malformed) -> Fault {
        Fault::Wire {
            at: m.at,
            why: m.why.text(),
        }
    }
}

/// A varint at the start of `bytes`: its value and length.
#[inline]
fn varint(bytes: &[u8]) -> Result<(u64, usize), Flaw> {
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().take(10).enumerate() {
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte < 0x80 {
            if i == 9 && byte > 1 {
                return Err(Flaw::VarintOverflows);
            }
            return Ok((value, i + 1));
        }
    }
    if bytes.len() >= 10 {
        Err(Flaw::VarintTooLong)
    } else {
        Err(Flaw::VarintCutShort)
    }
}

/// A field key: its field number and wire type.
fn key(value: u64) -> Result<(u32, u8), Flaw> {
    let wire = (value & 7) as u8;
    if wire > FIXED32 {
        return Err(Flaw::UnknownWireType);
    }
    match u32::try_from(value >> 3) {
        Ok(0) => Err(Flaw::FieldZero),
        Ok(tag) => Ok((tag, wire)),
        Err(_) => Err(Flaw::FieldTooLarge),
    }
}

/// The fields of one message in memory.
pub struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Where `bytes` start in the input.
    base: u64,
}

impl<'a> Cursor<'a> {
    pub fn new(bytes: &'a [u8], base: u64) -> Cursor<'a> {
        Cursor {
            bytes,
            pos: 0,
            base,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// Where the next byte is in the input.
    pub fn at(&self) -> u64 {
        self.base + self.pos as u64
    }

    fn malformed(&self, why: Flaw) -> Malformed {
        Malformed { at: self.at(), why }
    }

    #[inline]
    pub fn varint(&mut self) -> Result<u64, Malformed> {
        if let Some(&byte) = self.bytes.get(self.pos)
            && byte < 0x80
        {
            self.pos += 1;
            return Ok(u64::from(byte));
        }
        match varint(&self.bytes[self.pos..]) {
            Ok((value, len)) => {
                self.pos += len;
                Ok(value)
            }
            Err(why) => Err(self.malformed(why)),
        }
    }

    #[inline]
    pub fn key(&mut self) -> Result<(u32, u8), Malformed> {
        let at = self.at();
        let value = self.varint()?;
        key(value).map_err(|why| Malformed { at, why })
    }

    /// A length-delimited field's bytes, and where they start in the input.
    pub fn bytes(&mut self) -> Result<(&'a [u8], u64), Malformed> {
        let len = self.varint()?;
        let rest = (self.bytes.len() - self.pos) as u64;
        if len > rest {
            return Err(self.malformed(Flaw::PastMessage));
        }
        let start = self.pos;
        self.pos += len as usize;
        Ok((&self.bytes[start..self.pos], self.base + start as u64))
    }

    fn advance(&mut self, n: usize) -> Result<(), Malformed> {
        if self.bytes.len() - self.pos < n {
            return Err(self.malformed(Flaw::PastMessage));
        }
        self.pos += n;
        Ok(())
    }

    /// Every varint of a packed repeated field.
    pub fn packed(bytes: &'a [u8], base: u64, mut each: impl FnMut(u64)) -> Result<(), Malformed> {
        let mut cursor = Cursor::new(bytes, base);
        while !cursor.is_empty() {
            each(cursor.varint()?);
        }
        Ok(())
    }

    /// Skips a field this reader does not use, whose key was just read.
    pub fn skip(&mut self, tag: u32, wire: u8) -> Result<(), Malformed> {
        skip(self, tag, wire)
    }
}

/// What skipping a field needs of a reader.
trait Fields {
    type Error: From<Malformed>;
    fn at(&self) -> u64;
    fn varint(&mut self) -> Result<u64, Self::Error>;
    fn advance(&mut self, n: u64) -> Result<(), Self::Error>;
}

impl Fields for Cursor<'_> {
    type Error = Malformed;
    fn at(&self) -> u64 {
        Cursor::at(self)
    }
    fn varint(&mut self) -> Result<u64, Malformed> {
        Cursor::varint(self)
    }
    fn advance(&mut self, n: u64) -> Result<(), Malformed> {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        Cursor::advance(self, n)
    }
}

/// Skips one field (a group with all it holds), whose key was just read.
fn skip<F: Fields>(fields: &mut F, mut tag: u32, mut wire: u8) -> Result<(), F::Error> {
    let mut groups: Vec<u32> = Vec::new();
    loop {
        match wire {
            VARINT => {
                fields.varint()?;
            }
            FIXED64 => fields.advance(8)?,
            FIXED32 => fields.advance(4)?,
            LEN => {
                let len = fields.varint()?;
                fields.advance(len)?;
            }
            START_GROUP => {
                if groups.len() == MAX_DEPTH {
                    return Err(Malformed {
                        at: fields.at(),
                        why: Flaw::GroupsTooDeep,
                    }
                    .into());
                }
                groups.push(tag);
            }
            _ => {
                if groups.pop() != Some(tag) {
                    return Err(Malformed {
                        at: fields.at(),
                        why: Flaw::GroupUnstarted,
                    }
                    .into());
                }
            }
        }
        if groups.is_empty() {
            return Ok(());
        }
        let at = fields.at();
        let value = fields.varint()?;
        (tag, wire) = key(value).map_err(|why| Malformed { at, why })?;
    }
}

/// The top-level fields of a message that is read as it streams in.
pub struct Stream<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    /// Where `buf` starts in the input.
    base: u64,
    eof: bool,
    /// The most the input may hold.
    limit: u64,
}

impl<R: Read> Stream<R> {
    pub fn new(reader: R, limit: u64) -> Stream<R> {
        Stream {
            reader,
            buf: vec![0; CHUNK],
            pos: 0,
            end: 0,
            base: 0,
            eof: false,
            limit,
        }
    }

    /// The reader underneath, for what follows the input (a gzip stream's
    /// reader holds what comes after the stream's end).
    pub fn inner_mut(&mut self) -> &mut R {
        &mut self.reader
    }

    /// Where the next byte is in the input.
    pub fn at(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Buffers at least `want` bytes unless the input ends first; how many are.
    fn fill(&mut self, want: usize) -> Result<usize, Fault> {
        while self.end - self.pos < want && !self.eof {
            if self.end == self.buf.len() {
                if self.pos > 0 {
                    self.buf.copy_within(self.pos..self.end, 0);
                    self.base += self.pos as u64;
                    self.end -= self.pos;
                    self.pos = 0;
                } else {
                    // A field larger than the buffer; it grows with what
                    // arrives, never ahead of it.
                    self.buf.resize(self.buf.len() * 2, 0);
                }
            }
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => {
                    self.end += n;
                    if self.base + self.end as u64 > self.limit {
                        return Err(Fault::TooLarge);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Fault::Read(e)),
            }
        }
        Ok(self.end - self.pos)
    }

    fn buffered_varint(&mut self) -> Result<u64, Fault> {
        self.fill(10)?;
        match varint(&self.buf[self.pos..self.end]) {
            Ok((value, len)) => {
                self.pos += len;
                Ok(value)
            }
            Err(why) => Err(Malformed { at: self.at(), why }.into()),
        }
    }

    /// The next field's key, `None` at the end of the input.
    pub fn key(&mut self) -> Result<Option<(u32, u8)>, Fault> {
        if self.fill(1)? == 0 {
            return Ok(None);
        }
        let at = self.at();
        let value = self.buffered_varint()?;
        key(value)
            .map(Some)
            .map_err(|why| Malformed { at, why }.into())
    }

    pub fn varint(&mut self) -> Result<u64, Fault> {
        self.buffered_varint()
    }

    /// A length-delimited field's bytes, and where they start in the input;
    /// a length past the limit on `what` is refused before anything is
    /// buffered for it.
    pub fn bytes(&mut self, limits: &Limits, what: What) -> Result<(&[u8], u64), Fault> {
        let len = self.buffered_varint()?;
        limits.check(what, usize::try_from(len).unwrap_or(usize::MAX))?;
        let at = self.at();
        let short = Malformed {
            at,
            why: Flaw::PastProfile,
        };
        let len = usize::try_from(len).map_err(|_| short.clone())?;
        if self.fill(len)? < len {
            return Err(short.into());
        }
        let start = self.pos;
        self.pos += len;
        Ok((&self.buf[start..self.pos], at))
    }

    /// Skips a field this reader does not use, whose key was just read.
    pub fn skip(&mut self, tag: u32, wire: u8) -> Result<(), Fault> {
        skip(self, tag, wire)
    }

    /// Reads the rest of the input, keeping none of it: for the reader's
    /// own verdict on it (a gzip stream checks its length and checksum last).
    pub fn drain(&mut self) -> Result<(), Fault> {
        loop {
            self.pos = self.end;
            if self.fill(1)? == 0 {
                return Ok(());
            }
        }
    }
}

impl<R: Read> Fields for Stream<R> {
    type Error = Fault;
    fn at(&self) -> u64 {
        Stream::at(self)
    }
    fn varint(&mut self) -> Result<u64, Fault> {
        self.buffered_varint()
    }
    fn advance(&mut self, mut n: u64) -> Result<(), Fault> {
        loop {
            let buffered = (self.end - self.pos) as u64;
            if n <= buffered {
                self.pos += n as usize;
                return Ok(());
            }
            n -= buffered;
            self.pos = self.end;
            if self.fill(1)? == 0 {
                return Err(Malformed {
                    at: self.at(),
                    why: Flaw::PastProfile,
                }
                .into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_their_flaws() {
        assert_eq!(varint(&[0x00]), Ok((0, 1)));
        assert_eq!(varint(&[0x96, 0x01]), Ok((150, 2)));
        let max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        assert_eq!(varint(&max), Ok((u64::MAX, 10)));
        let mut over = max;
        over[9] = 0x02;
        assert!(varint(&over).is_err());
        assert!(varint(&[0x80; 11]).is_err());
        assert!(varint(&[0x80, 0x80]).is_err());
        assert!(varint(&[]).is_err());
    }

    #[test]
    fn fields_larger_than_the_buffer_stream_in() {
        let mut input = vec![0x0a];
        let len = CHUNK * 3 + 17;
        let mut n = len;
        while n >= 0x80 {
            input.push((n as u8) | 0x80);
            n >>= 7;
        }
        input.push(n as u8);
        input.extend((0..len).map(|i| i as u8));
        input.extend([0x10, 0x05]);
        // A reader that hands out a few bytes at a time.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = buf.len().min(self.0.len()).min(1000);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut stream = Stream::new(Trickle(&input), u64::MAX);
        assert_eq!(stream.key().unwrap(), Some((1, LEN)));
        let (bytes, at) = stream
            .bytes(&Limits::default(), What::Field("sample"))
            .unwrap();
        assert_eq!(bytes.len(), len);
        assert_eq!(at, 4);
        assert!(bytes.iter().enumerate().all(|(i, &b)| b == i as u8));
        assert_eq!(stream.key().unwrap(), Some((2, VARINT)));
        assert_eq!(stream.varint().unwrap(), 5);
        assert_eq!(stream.key().unwrap(), None);
    }

    #[test]
    fn groups_of_unknown_fields_are_skipped_whole() {
        // Field 7, a group holding a varint and a nested group, then field 1.
        let bytes = [0x3b, 0x08, 0x01, 0x43, 0x44, 0x3c, 0x08, 0x02];
        let mut cursor = Cursor::new(&bytes, 0);
        let (tag, wire) = cursor.key().unwrap();
        cursor.skip(tag, wire).unwrap();
        assert_eq!(cursor.key().unwrap(), (1, VARINT));
        let mut stream = Stream::new(&bytes[..], u64::MAX);
        let (tag, wire) = stream.key().unwrap().unwrap();
        stream.skip(tag, wire).unwrap();
        assert_eq!(stream.key().unwrap(), Some((1, VARINT)));
        // Unclosed, mismatched and too deep.
        for bad in [&[0x3b, 0x08, 0x01][..], &[0x3b, 0x44], &[0x3c]] {
            let mut cursor = Cursor::new(bad, 0);
            let (tag, wire) = cursor.key().unwrap();
            assert!(cursor.skip(tag, wire).is_err(), "{bad:?}");
        }
        let deep = vec![0x3b; 200];
        let mut cursor = Cursor::new(&deep, 0);
        cursor.key().unwrap();
        let too_deep = cursor.skip(7, START_GROUP).unwrap_err().why;
        assert_eq!(too_deep, Flaw::GroupsTooDeep);
        assert_eq!(
            crate::i18n::with_lang(crate::i18n::Lang::En, || too_deep.text()),
            "groups nest more than 100 deep"
        );
    }

    #[test]
    fn a_stream_past_its_limit_is_too_large() {
        let bytes = vec![0u8; 1000];
        let mut stream = Stream::new(&bytes[..], 999);
        assert!(matches!(stream.drain(), Err(Fault::TooLarge)));
        let mut stream = Stream::new(&bytes[..], 1000);
        assert!(stream.drain().is_ok());
    }
}
