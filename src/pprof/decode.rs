//! Decoding `profile.proto` in one pass as it streams out of the file or the
//! gzip decoder, so the decompressed protobuf is never held whole. Fields
//! may come in any order (Go writes the string table last, other writers put
//! locations after the samples), so the pass keeps what it cannot resolve yet
//! in compact form: each sample's location ids go straight into the flat
//! frame array, its values into the flat value array, and the (few) functions
//! and locations are kept as read.
//! At the end, ids become function indexes in place: a location of one frame
//! (not inlined) replaces its id, and when inlining gives a location several
//! frames the array is stretched once and filled from its end.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use prost::Message;
use rustc_hash::FxHashMap;

use super::wire::{self, Cursor, Fault, LEN, Stream, VARINT};
use super::{MAX_DECOMPRESSED, Profile, ProfileError, SampleType, Samples, names, proto};
use crate::tr;

/// Sample location ids below this wait in the frame array as they are;
/// larger ones (rare: Go numbers locations from 1) by a number of their own.
const LARGE_ID: u32 = 1 << 31;

/// The fields of `Profile`, by number, for errors.
const FIELDS: [&str; 15] = [
    "",
    "sample_type",
    "sample",
    "mapping",
    "location",
    "function",
    "string_table",
    "drop_frames",
    "keep_frames",
    "time_nanos",
    "duration_nanos",
    "period_type",
    "period",
    "comment",
    "default_sample_type",
];

/// The parts of a profile that errors name, in the reader's language only
/// when there is an error to tell.
#[derive(Debug, Clone, Copy)]
enum Part {
    SampleType,
    Mapping,
    Location,
    Function,
    PeriodType,
    SampleLabel,
    DefaultSampleType,
    FunctionName,
    FunctionSystemName,
}

impl Part {
    fn name(self) -> String {
        match self {
            Part::SampleType => tr!("pprof-part-sample-type"),
            Part::Mapping => tr!("pprof-part-mapping"),
            Part::Location => tr!("pprof-part-location"),
            Part::Function => tr!("pprof-part-function"),
            Part::PeriodType => tr!("pprof-part-period-type"),
            Part::SampleLabel => tr!("pprof-part-sample-label"),
            Part::DefaultSampleType => tr!("pprof-part-default-sample-type"),
            Part::FunctionName => tr!("pprof-part-function-name"),
            Part::FunctionSystemName => tr!("pprof-part-function-system-name"),
        }
    }
}

/// Reads a profile file as it decodes it.
pub(super) fn read(path: &Path) -> Result<Profile, ProfileError> {
    let file = File::open(path).map_err(ProfileError::Io)?;
    decode(Source(file))
}

/// Decodes gzip-compressed or raw `profile.proto` from a reader.
pub(super) fn decode<R: Read>(mut input: R) -> Result<Profile, ProfileError> {
    let mut head = [0u8; 2];
    let mut n = 0;
    while n < head.len() {
        match input.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ProfileError::Io(unwrap_source(e).unwrap_or_else(|e| e))),
        }
    }
    let input = (&head[..n]).chain(input);
    if head[..n] == [0x1f, 0x8b] {
        let decoder = flate2::bufread::GzDecoder::new(io::BufReader::new(input));
        let mut stream = Stream::new(decoder, MAX_DECOMPRESSED);
        let mut walked = walk(&mut stream);
        if matches!(walked, Err(Fault::Wire { .. })) {
            // A damaged gzip stream decompresses to garbage before it says
            // so: its own verdict (checked at its end) comes first.
            if let Err(fault) = stream.drain() {
                walked = Err(fault);
            }
        }
        if walked.is_ok() {
            // The stream ended where its checksum says; whatever follows it
            // (a second profile written to the same file, garbage) means the
            // file is not the one whole profile it should be.
            let rest = stream.inner_mut().get_mut();
            match io::copy(rest, &mut io::sink()) {
                Ok(0) => {}
                Ok(count) => return Err(ProfileError::Trailing(count)),
                Err(e) => walked = Err(Fault::Read(e)),
            }
        }
        finish(walked, true)
    } else {
        finish(walk(&mut Stream::new(input, u64::MAX)), false)
    }
}

fn finish(walked: Result<Raw, Fault>, gzip: bool) -> Result<Profile, ProfileError> {
    match walked {
        Ok(raw) => raw.resolve(),
        Err(Fault::Read(e)) => Err(match unwrap_source(e) {
            Ok(e) => ProfileError::Io(e),
            Err(e) if gzip => ProfileError::Gzip(e.to_string()),
            Err(e) => ProfileError::Io(e),
        }),
        Err(Fault::TooLarge) => Err(ProfileError::TooLarge),
        Err(Fault::Wire { at, why }) => Err(ProfileError::NotProfile(if gzip {
            tr!(
                "pprof-error-no-decode-uncompressed",
                at = at.to_string(),
                why = why
            )
        } else {
            tr!("pprof-error-no-decode", at = at.to_string(), why = why)
        })),
    }
}

/// A file whose read errors stay its own when a gzip decoder passes them on.
struct Source<R>(R);

#[derive(Debug, thiserror::Error)]
#[error(transparent)]
struct SourceError(io::Error);

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| match e.kind() {
            io::ErrorKind::Interrupted => e,
            kind => io::Error::new(kind, SourceError(e)),
        })
    }
}

/// The file's own error, or (`Err`) one of a reader above it.
fn unwrap_source(e: io::Error) -> Result<io::Error, io::Error> {
    if e.get_ref().is_some_and(|inner| inner.is::<SourceError>()) {
        let inner = e.into_inner().expect("checked above");
        Ok(inner.downcast::<SourceError>().expect("checked above").0)
    } else {
        Err(e)
    }
}

/// The string table, in one allocation.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        Some(&self.text[start..end])
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }
}

/// A location as read: its lines' function ids are `lines` of `Raw::line_functions`.
struct Location {
    id: u64,
    address: u64,
    lines: std::ops::Range<usize>,
}

/// What the pass keeps until the end, where ids and strings resolve.
#[derive(Default)]
struct Raw {
    strings: Strings,
    sample_types: Vec<proto::ValueType>,
    period_type: Option<proto::ValueType>,
    period: i64,
    time_nanos: i64,
    duration_nanos: i64,
    default_sample_type: i64,
    functions: Vec<proto::Function>,
    locations: Vec<Location>,
    line_functions: Vec<u64>,
    /// Every sample's location ids (below `LARGE_ID`, or `LARGE_ID` plus an
    /// index into `large_ids`), then its frames.
    frames: Vec<u32>,
    /// Where each sample's frames end.
    ends: Vec<u32>,
    values: Vec<i64>,
    /// How many values the first sample has, and the first sample with
    /// another number (and that number).
    first_width: Option<usize>,
    other_width: Option<(usize, usize)>,
    large_ids: Vec<u64>,
    large_index: FxHashMap<u64, u32>,
}

/// Reads every top-level field.
fn walk<R: Read>(stream: &mut Stream<R>) -> Result<Raw, Fault> {
    let mut raw = Raw::default();
    while let Some((tag, wire)) = stream.key()? {
        match (tag, wire) {
            (1, LEN) => {
                let (bytes, at) = stream.bytes()?;
                raw.sample_types.push(message(bytes, at, Part::SampleType)?);
            }
            (2, LEN) => {
                let (bytes, at) = stream.bytes()?;
                raw.sample(bytes, at)?;
            }
            (3, LEN) => {
                // Mappings name binaries; frames do not need them.
                let (bytes, at) = stream.bytes()?;
                message::<proto::Mapping>(bytes, at, Part::Mapping)?;
            }
            (4, LEN) => {
                let (bytes, at) = stream.bytes()?;
                let location: proto::Location = message(bytes, at, Part::Location)?;
                let start = raw.line_functions.len();
                raw.line_functions
                    .extend(location.line.iter().map(|line| line.function_id));
                raw.locations.push(Location {
                    id: location.id,
                    address: location.address,
                    lines: start..raw.line_functions.len(),
                });
            }
            (5, LEN) => {
                let (bytes, at) = stream.bytes()?;
                raw.functions.push(message(bytes, at, Part::Function)?);
            }
            (6, LEN) => {
                let (bytes, at) = stream.bytes()?;
                let s = std::str::from_utf8(bytes).map_err(|_| Fault::Wire {
                    at,
                    why: tr!("pprof-error-not-utf8"),
                })?;
                raw.strings.push(s);
            }
            (11, LEN) => {
                // A message field given twice merges, as protobuf has it.
                let (bytes, at) = stream.bytes()?;
                let period_type = raw.period_type.get_or_insert_with(Default::default);
                period_type
                    .merge(bytes)
                    .map_err(|e| prost_fault(e, at, Part::PeriodType))?;
            }
            (13, LEN) => {
                // Comments: validated, not kept.
                let (bytes, at) = stream.bytes()?;
                Cursor::packed(bytes, at, |_| {})?;
            }
            (7..=10 | 12..=14, VARINT) => {
                let value = stream.varint()? as i64;
                match tag {
                    9 => raw.time_nanos = value,
                    10 => raw.duration_nanos = value,
                    12 => raw.period = value,
                    14 => raw.default_sample_type = value,
                    _ => {}
                }
            }
            (1..=14, _) => {
                return Err(Fault::Wire {
                    at: stream.at(),
                    why: tr!(
                        "pprof-error-wrong-wire-type",
                        field = format!("Profile.{}", FIELDS[tag as usize]),
                        wire = wire::wire_type_name(wire)
                    ),
                });
            }
            _ => stream.skip(tag, wire)?,
        }
    }
    Ok(raw)
}

/// One small message, decoded by prost.
fn message<M: Message + Default>(bytes: &[u8], at: u64, what: Part) -> Result<M, Fault> {
    M::decode(bytes).map_err(|e| prost_fault(e, at, what))
}

fn prost_fault(e: prost::DecodeError, at: u64, what: Part) -> Fault {
    // prost's own words, in English.
    let text = e.to_string();
    let text = text
        .strip_prefix("failed to decode Protobuf message: ")
        .unwrap_or(&text);
    Fault::Wire {
        at,
        why: tr!("pprof-error-part", part = what.name(), why = text),
    }
}

impl Raw {
    /// One sample: its location ids onto the frames, its values onto the values.
    fn sample(&mut self, bytes: &[u8], at: u64) -> Result<(), Fault> {
        let in_sample = |m: wire::Malformed| Fault::Wire {
            at: m.at,
            why: tr!("pprof-error-in-sample", why = m.why.text()),
        };
        let values = self.values.len();
        let mut cursor = Cursor::new(bytes, at);
        while !cursor.is_empty() {
            let (tag, wire) = cursor.key().map_err(in_sample)?;
            match (tag, wire) {
                (1, LEN) => {
                    let (ids, at) = cursor.bytes().map_err(in_sample)?;
                    if ids.iter().all(|&b| b < 0x80) {
                        // Ids below 128, a byte each: most of Go's.
                        self.frames.extend(ids.iter().map(|&b| u32::from(b)));
                    } else {
                        self.frames.reserve(ids.len());
                        let mut ids = Cursor::new(ids, at);
                        while !ids.is_empty() {
                            let id = ids.varint().map_err(in_sample)?;
                            self.location_id(id, at)?;
                        }
                    }
                }
                (1, VARINT) => {
                    let id = cursor.varint().map_err(in_sample)?;
                    self.location_id(id, at)?;
                }
                (2, LEN) => {
                    let (packed, at) = cursor.bytes().map_err(in_sample)?;
                    Cursor::packed(packed, at, |v| self.values.push(v as i64))
                        .map_err(in_sample)?;
                }
                (2, VARINT) => {
                    let value = cursor.varint().map_err(in_sample)?;
                    self.values.push(value as i64);
                }
                (3, LEN) => {
                    // Labels: validated, not kept (nothing reads them).
                    let (label, at) = cursor.bytes().map_err(in_sample)?;
                    message::<proto::Label>(label, at, Part::SampleLabel)?;
                }
                (1..=3, _) => {
                    return Err(Fault::Wire {
                        at: cursor.at(),
                        why: tr!(
                            "pprof-error-wrong-wire-type",
                            field = format!(
                                "Sample.{}",
                                ["location_id", "value", "label"][tag as usize - 1]
                            ),
                            wire = wire::wire_type_name(wire)
                        ),
                    });
                }
                _ => cursor.skip(tag, wire).map_err(in_sample)?,
            }
        }
        let width = self.values.len() - values;
        match self.first_width {
            None => self.first_width = Some(width),
            Some(first) if first != width && self.other_width.is_none() => {
                self.other_width = Some((self.ends.len(), width));
            }
            Some(_) => {}
        }
        let end = u32::try_from(self.frames.len()).map_err(|_| too_many_frames(at))?;
        self.ends.push(end);
        Ok(())
    }

    #[inline]
    fn location_id(&mut self, id: u64, at: u64) -> Result<(), Fault> {
        if id < u64::from(LARGE_ID) {
            self.frames.push(id as u32);
            return Ok(());
        }
        self.large_location_id(id, at)
    }

    #[cold]
    fn large_location_id(&mut self, id: u64, at: u64) -> Result<(), Fault> {
        let code = if let Some(&index) = self.large_index.get(&id) {
            LARGE_ID + index
        } else {
            let index = self.large_ids.len() as u32;
            if index == LARGE_ID {
                return Err(Fault::Wire {
                    at,
                    why: tr!("pprof-error-large-ids", limit = LARGE_ID.to_string()),
                });
            }
            self.large_ids.push(id);
            self.large_index.insert(id, index);
            LARGE_ID + index
        };
        self.frames.push(code);
        Ok(())
    }

    /// Checks what was read and resolves ids and strings.
    fn resolve(self) -> Result<Profile, ProfileError> {
        let strings = &self.strings;
        if strings.get(0) != Some("") {
            return Err(ProfileError::NotProfile(tr!("pprof-error-first-string")));
        }
        if self.sample_types.is_empty() {
            return Err(ProfileError::NotProfile(tr!("pprof-error-no-sample-types")));
        }
        let string = |index: i64, what: Part| -> Result<&str, ProfileError> {
            usize::try_from(index)
                .ok()
                .and_then(|i| strings.get(i))
                .ok_or_else(|| {
                    ProfileError::Invalid(tr!(
                        "pprof-error-string-index",
                        part = what.name(),
                        index = index.to_string(),
                        count = strings.len()
                    ))
                })
        };
        let value_type = |t: &proto::ValueType, what: Part| -> Result<SampleType, ProfileError> {
            Ok(SampleType {
                name: string(t.r#type, what)?.to_owned(),
                unit: string(t.unit, what)?.to_owned(),
            })
        };
        let sample_types = self
            .sample_types
            .iter()
            .map(|t| value_type(t, Part::SampleType))
            .collect::<Result<Vec<_>, _>>()?;
        let period_type = self
            .period_type
            .as_ref()
            .map(|t| value_type(t, Part::PeriodType))
            .transpose()?;
        let default_name = string(self.default_sample_type, Part::DefaultSampleType)?;
        let default_type = sample_types
            .iter()
            .position(|t| !default_name.is_empty() && t.name == default_name)
            .unwrap_or(sample_types.len() - 1);

        // Functions by name: pprof's "functions" granularity merges same-named ones.
        let mut names: Vec<String> = Vec::new();
        let mut name_index: FxHashMap<String, u32> = FxHashMap::default();
        let mut intern = |name: String| -> u32 {
            if let Some(&i) = name_index.get(&name) {
                return i;
            }
            let i = names.len() as u32;
            names.push(name.clone());
            name_index.insert(name, i);
            i
        };
        let mut function_names: FxHashMap<u64, u32> = FxHashMap::default();
        for function in &self.functions {
            if function.id == 0 {
                return Err(ProfileError::Invalid(tr!("pprof-error-function-id-zero")));
            }
            let mut name = string(function.name, Part::FunctionName)?.to_owned();
            // pprof simplifies the system name unless the profile gave another
            // (already demangled) name.
            let system = string(function.system_name, Part::FunctionSystemName)?;
            if name.is_empty() || name == system {
                name = names::simplified(system);
            }
            if name.is_empty() {
                // As pprof shows a function without a name.
                name = "<unknown>".to_owned();
            }
            if function_names.insert(function.id, intern(name)).is_some() {
                return Err(ProfileError::Invalid(tr!(
                    "pprof-error-function-twice",
                    id = function.id.to_string()
                )));
            }
        }

        // Each location's frames, one after another in `pool`.
        let mut pool: Vec<u32> = Vec::new();
        let mut starts: Vec<usize> = Vec::with_capacity(self.locations.len() + 1);
        let mut location_index: FxHashMap<u64, u32> = FxHashMap::default();
        for (index, location) in self.locations.iter().enumerate() {
            if location.id == 0 {
                return Err(ProfileError::Invalid(tr!("pprof-error-location-id-zero")));
            }
            starts.push(pool.len());
            if location.lines.is_empty() {
                // Not symbolized: pprof shows the address.
                pool.push(intern(format!("{:#x}", location.address)));
            } else {
                for &function_id in &self.line_functions[location.lines.clone()] {
                    let frame = function_names.get(&function_id).copied().ok_or_else(|| {
                        ProfileError::Invalid(tr!(
                            "pprof-error-location-function",
                            location = location.id.to_string(),
                            function = function_id.to_string()
                        ))
                    })?;
                    pool.push(frame);
                }
            }
            if location_index.insert(location.id, index as u32).is_some() {
                return Err(ProfileError::Invalid(tr!(
                    "pprof-error-location-twice",
                    id = location.id.to_string()
                )));
            }
        }
        starts.push(pool.len());
        let locations = Locations::new(pool, starts, location_index, self.large_ids);

        let width = sample_types.len();
        let samples = locations.resolve(
            self.frames,
            self.ends,
            self.values,
            width,
            match self.first_width {
                Some(first) if first != width => Some((0, first)),
                _ => self.other_width,
            },
        )?;
        Ok(Profile {
            sample_types,
            default_type,
            period_type,
            period: self.period,
            duration_nanos: self.duration_nanos,
            time_nanos: self.time_nanos,
            functions: names,
            samples,
        })
    }
}

/// The locations, resolved.
struct Locations {
    /// Every location's frames, one after another: location `i`'s are
    /// `pool[starts[i]..starts[i + 1]]`.
    pool: Vec<u32>,
    starts: Vec<usize>,
    /// Whether every location is one frame (none has inlined calls).
    single: bool,
    /// Location ids to indexes.
    index: FxHashMap<u64, u32>,
    /// Small location ids to their frame (`single`) or index, `u32::MAX` for
    /// none: an array when ids are numbered densely, as Go numbers them.
    direct: Vec<u32>,
    large_ids: Vec<u64>,
}

impl Locations {
    fn new(
        pool: Vec<u32>,
        starts: Vec<usize>,
        index: FxHashMap<u64, u32>,
        large_ids: Vec<u64>,
    ) -> Locations {
        let single = pool.len() == index.len();
        let mut direct = Vec::new();
        if let Some(&max) = index.keys().max()
            && max < u64::from(LARGE_ID)
            && max <= 2 * index.len() as u64 + 1024
        {
            direct = vec![u32::MAX; max as usize + 1];
            for (&id, &i) in &index {
                direct[id as usize] = if single { pool[i as usize] } else { i };
            }
        }
        Locations {
            pool,
            starts,
            single,
            index,
            direct,
            large_ids,
        }
    }

    /// The id a sample's location code stands for.
    fn id(&self, code: u32) -> u64 {
        if code < LARGE_ID {
            u64::from(code)
        } else {
            self.large_ids[(code - LARGE_ID) as usize]
        }
    }

    /// What a code resolves to: the location's frame when every location
    /// is one, else its index.
    #[inline]
    fn find(&self, code: u32) -> Option<u32> {
        match self.direct.get(code as usize) {
            Some(&found) if found != u32::MAX => Some(found),
            Some(_) => None,
            None => {
                let i = *self.index.get(&self.id(code))?;
                Some(if self.single {
                    self.pool[i as usize]
                } else {
                    i
                })
            }
        }
    }

    /// The samples with their location codes turned into frames, checked in
    /// order: a sample with the wrong number of values (`odd_width`, the first
    /// one) or naming an undefined location is an error.
    fn resolve(
        &self,
        mut frames: Vec<u32>,
        mut ends: Vec<u32>,
        mut values: Vec<i64>,
        width: usize,
        odd_width: Option<(usize, usize)>,
    ) -> Result<Samples, ProfileError> {
        let mut total = 0u64;
        let mut start = 0;
        for (n, &end) in ends.iter().enumerate() {
            if let Some((odd, count)) = odd_width
                && odd == n
            {
                return Err(ProfileError::Invalid(tr!(
                    "pprof-error-sample-width",
                    sample = n.to_string(),
                    count = count,
                    width = width
                )));
            }
            let stack = &mut frames[start..end as usize];
            for code in stack.iter_mut() {
                *code = self.find(*code).ok_or_else(|| {
                    ProfileError::Invalid(tr!(
                        "pprof-error-sample-location",
                        sample = n.to_string(),
                        location = self.id(*code).to_string()
                    ))
                })?;
            }
            if !self.single {
                total += stack
                    .iter()
                    .map(|&i| (self.starts[i as usize + 1] - self.starts[i as usize]) as u64)
                    .sum::<u64>();
            }
            start = end as usize;
        }
        if !self.single {
            self.expand(&mut frames, &mut ends, total)?;
        }
        frames.shrink_to_fit();
        ends.shrink_to_fit();
        values.shrink_to_fit();
        Ok(Samples {
            width,
            frames,
            ends,
            values,
        })
    }

    /// Location indexes to their frames, inlined calls taking several: the
    /// array is stretched once and filled from its end, where every location's
    /// frames land at or after where it was read.
    fn expand(
        &self,
        frames: &mut Vec<u32>,
        ends: &mut [u32],
        total: u64,
    ) -> Result<(), ProfileError> {
        let total = u32::try_from(total).map_err(|_| {
            ProfileError::Invalid(tr!(
                "pprof-error-too-many-frames",
                limit = u32::MAX.to_string()
            ))
        })?;
        let mut read = frames.len();
        let mut write = total as usize;
        frames.resize(write, 0);
        for n in (0..ends.len()).rev() {
            let start = if n == 0 { 0 } else { ends[n - 1] as usize };
            ends[n] = write as u32;
            while read > start {
                read -= 1;
                let location = frames[read] as usize;
                let (from, to) = (self.starts[location], self.starts[location + 1]);
                if to - from == 1 {
                    write -= 1;
                    frames[write] = self.pool[from];
                } else {
                    write -= to - from;
                    frames[write..write + to - from].copy_from_slice(&self.pool[from..to]);
                }
            }
        }
        Ok(())
    }
}

fn too_many_frames(at: u64) -> Fault {
    Fault::Wire {
        at,
        why: tr!(
            "pprof-error-too-many-locations",
            limit = u32::MAX.to_string()
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const CPU: &[u8] = include_bytes!("../../tests/fixtures/profiles/cpu.pprof");
    const HEAP: &[u8] = include_bytes!("../../tests/fixtures/profiles/heap.pprof");
    const HEAP_RAW: &[u8] = include_bytes!("../../tests/fixtures/profiles/heap-raw.pprof");
    const GOROUTINE: &[u8] = include_bytes!("../../tests/fixtures/profiles/goroutine.pprof");

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .unwrap();
        raw
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn varint(mut value: u64, out: &mut Vec<u8>) {
        while value >= 0x80 {
            out.push(value as u8 | 0x80);
            value >>= 7;
        }
        out.push(value as u8);
    }

    /// A length-delimited field.
    fn field(tag: u32, payload: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        varint(u64::from(tag) << 3 | u64::from(LEN), &mut out);
        varint(payload.len() as u64, &mut out);
        out.extend_from_slice(payload);
        out
    }

    /// main.main calls main.f, into which main.g is inlined; one location
    /// is not symbolized.
    fn sample_profile() -> proto::Profile {
        let strings = ["", "samples", "count", "main.main", "main.f", "main.g"];
        let function = |id: u64, name: i64| proto::Function {
            id,
            name,
            system_name: name,
            ..Default::default()
        };
        let line = |function_id: u64| proto::Line {
            function_id,
            ..Default::default()
        };
        let location = |id: u64, lines: Vec<proto::Line>| proto::Location {
            id,
            address: 0x1000 + id,
            line: lines,
            ..Default::default()
        };
        let sample = |location_id: Vec<u64>, value: i64| proto::Sample {
            location_id,
            value: vec![value],
            label: vec![proto::Label {
                key: 1,
                num: 7,
                ..Default::default()
            }],
        };
        proto::Profile {
            sample_type: vec![proto::ValueType { r#type: 1, unit: 2 }],
            sample: vec![
                sample(vec![1, 2], 5),
                sample(vec![2], 3),
                sample(vec![3, 1, 2], 1),
            ],
            mapping: vec![proto::Mapping {
                id: 1,
                memory_start: 0x1000,
                ..Default::default()
            }],
            location: vec![
                location(1, vec![line(3), line(2)]),
                location(2, vec![line(1)]),
                location(3, vec![]),
            ],
            function: vec![function(1, 3), function(2, 4), function(3, 5)],
            string_table: strings.iter().map(|s| (*s).to_owned()).collect(),
            period: 1,
            duration_nanos: 10,
            ..Default::default()
        }
    }

    fn decoded(p: &proto::Profile) -> Result<Profile, ProfileError> {
        Profile::decode(&p.encode_to_vec())
    }

    /// Each sample's stack by name, and its first value.
    fn stacks(p: &Profile) -> Vec<(Vec<&str>, i64)> {
        p.samples
            .iter()
            .map(|s| {
                let names = s.frames.iter().map(|&f| p.functions[f as usize].as_str());
                (names.collect(), s.values[0])
            })
            .collect()
    }

    fn invalid(p: &proto::Profile) -> String {
        match decoded(p) {
            Err(ProfileError::Invalid(why)) => why,
            other => panic!("not invalid: {other:?}"),
        }
    }

    fn not_profile(bytes: &[u8]) -> String {
        match Profile::decode(bytes) {
            Err(ProfileError::NotProfile(why)) => why,
            other => panic!("taken for a profile: {other:?}"),
        }
    }

    #[test]
    fn inlined_calls_are_frames_of_their_own() {
        let p = decoded(&sample_profile()).unwrap();
        assert_eq!(
            stacks(&p),
            vec![
                (vec!["main.g", "main.f", "main.main"], 5),
                (vec!["main.main"], 3),
                (vec!["0x1003", "main.g", "main.f", "main.main"], 1),
            ]
        );
        assert_eq!((p.period, p.duration_nanos), (1, 10));
        assert_eq!(p.samples.len(), 3);
    }

    #[test]
    fn locations_of_one_frame_resolve_in_place() {
        let mut raw = sample_profile();
        raw.location[0].line.truncate(1);
        let p = decoded(&raw).unwrap();
        assert_eq!(
            stacks(&p),
            vec![
                (vec!["main.g", "main.main"], 5),
                (vec!["main.main"], 3),
                (vec!["0x1003", "main.g", "main.main"], 1),
            ]
        );
    }

    #[test]
    fn any_location_ids_resolve() {
        // Sparse, and beyond 2^31 and 2^32.
        for (a, b, c) in [(1 << 40, 7, 5_000_000), (u64::MAX, 1 << 31, (1 << 31) - 1)] {
            let mut raw = sample_profile();
            raw.location[0].id = a;
            raw.location[1].id = b;
            raw.location[2].id = c;
            raw.sample[0].location_id = vec![a, b];
            raw.sample[1].location_id = vec![b];
            raw.sample[2].location_id = vec![c, a, b];
            assert_eq!(
                stacks(&decoded(&raw).unwrap()),
                stacks(&decoded(&sample_profile()).unwrap())
            );
            raw.sample[1].location_id = vec![a.wrapping_add(1)];
            assert_eq!(
                invalid(&raw),
                format!(
                    "sample 1 names location {}, which is not defined",
                    a.wrapping_add(1)
                )
            );
        }
    }

    #[test]
    fn fields_in_any_order_and_encoding_read_the_same() {
        let raw = sample_profile();
        let expected = decoded(&raw).unwrap();
        // Concatenated messages merge: the string table first, samples last.
        let part = |f: &dyn Fn(&mut proto::Profile)| {
            let mut p = proto::Profile::default();
            f(&mut p);
            p.encode_to_vec()
        };
        let mut bytes = part(&|p| p.string_table = raw.string_table.clone());
        bytes.extend(part(&|p| p.function = raw.function.clone()));
        bytes.extend(part(&|p| p.location = raw.location.clone()));
        bytes.extend(part(&|p| p.sample = raw.sample[..1].to_vec()));
        bytes.extend(part(&|p| p.sample_type = raw.sample_type.clone()));
        bytes.extend(part(&|p| p.period = raw.period));
        // A sample with its ids and values unpacked, interleaved, and an
        // unknown field (a group holding a varint).
        let mut sample = vec![0x10, 3, 0x08, 2];
        sample.extend([0x3b, 0x08, 0x01, 0x3c]);
        bytes.extend(field(2, &sample));
        bytes.extend(part(&|p| p.sample = raw.sample[2..].to_vec()));
        bytes.extend(part(&|p| p.duration_nanos = raw.duration_nanos));
        assert_eq!(Profile::decode(&bytes).unwrap(), expected);
        assert_eq!(Profile::decode(&gzip(&bytes)).unwrap(), expected);
    }

    #[test]
    fn raw_and_gzipped_fixtures_read_the_same() {
        assert_eq!(
            Profile::decode(HEAP_RAW).unwrap(),
            Profile::decode(HEAP).unwrap()
        );
        let cpu = Profile::decode(CPU).unwrap();
        assert_eq!(Profile::decode(&gunzip(CPU)).unwrap(), cpu);
        assert!(cpu.samples.len() > 10);
    }

    #[test]
    fn broken_references_are_invalid() {
        let mut p = sample_profile();
        p.sample_type[0].unit = 99;
        assert_eq!(
            invalid(&p),
            "a sample type refers to string 99, past the 6 strings of the table"
        );
        let mut p = sample_profile();
        p.default_sample_type = -1;
        assert_eq!(
            invalid(&p),
            "the default sample type refers to string -1, past the 6 strings of the table"
        );
        let mut p = sample_profile();
        p.function[1].system_name = 6;
        assert_eq!(
            invalid(&p),
            "a function's system name refers to string 6, past the 6 strings of the table"
        );
        let mut p = sample_profile();
        p.function[2].id = 0;
        assert_eq!(invalid(&p), "a function has id 0");
        let mut p = sample_profile();
        p.function[2].id = 1;
        assert_eq!(invalid(&p), "function id 1 is defined twice");
        let mut p = sample_profile();
        p.location[1].id = 0;
        assert_eq!(invalid(&p), "a location has id 0");
        let mut p = sample_profile();
        p.location[1].line[0].function_id = 4;
        assert_eq!(
            invalid(&p),
            "location 2 names function 4, which is not defined"
        );
        let mut p = sample_profile();
        p.location[2].id = 1;
        assert_eq!(invalid(&p), "location id 1 is defined twice");
        let mut p = sample_profile();
        p.sample[1].location_id = vec![2, 0];
        assert_eq!(
            invalid(&p),
            "sample 1 names location 0, which is not defined"
        );
        let mut p = sample_profile();
        p.sample[2].value = vec![1, 2];
        assert_eq!(invalid(&p), "sample 2 has 2 values for 1 sample types");
        p.sample[0].value = vec![];
        assert_eq!(invalid(&p), "sample 0 has 0 values for 1 sample types");
        // Samples are checked in order, each for its values first.
        let mut p = sample_profile();
        p.sample[1].location_id = vec![9];
        p.sample[2].value = vec![];
        assert_eq!(
            invalid(&p),
            "sample 1 names location 9, which is not defined"
        );
        p.sample[1].value = vec![];
        assert_eq!(invalid(&p), "sample 1 has 0 values for 1 sample types");
    }

    #[test]
    fn what_is_not_a_profile_says_why() {
        let mut p = sample_profile();
        p.string_table[0] = "x".into();
        assert!(not_profile(&p.encode_to_vec()).contains("string table does not start"));
        let mut p = sample_profile();
        p.sample_type.clear();
        assert_eq!(
            not_profile(&p.encode_to_vec()),
            "it declares no sample types"
        );
        // Sample (2) as a varint.
        assert_eq!(
            not_profile(&[0x10, 0x01]),
            "the protobuf does not decode at byte 1: Profile.sample has the wrong wire type (varint)"
        );
        let mut bytes = sample_profile().encode_to_vec();
        bytes.extend(field(6, &[0xff, 0xfe]));
        let why = not_profile(&bytes);
        assert!(
            why.ends_with("a string of the string table is not UTF-8"),
            "{why}"
        );
        let why = not_profile(&gzip(&field(2, &[0x08, 0x80])));
        assert!(why.starts_with("the protobuf does not decode at byte 3 (uncompressed): a sample: a varint is cut short"), "{why}");
        let why = not_profile(&field(4, &[0x22, 0x01, 0x08]));
        assert!(
            why.contains("a location: Line.function_id: Location.line: invalid varint"),
            "{why}"
        );
    }

    #[test]
    fn a_damaged_gzip_stream_is_a_gzip_error_wherever_it_breaks() {
        let good = sample_profile().encode_to_vec();
        let mut crc = gzip(&good);
        let at = crc.len() - 6;
        crc[at] ^= 0xff;
        assert!(matches!(Profile::decode(&crc), Err(ProfileError::Gzip(_))));
        // Garbage, then a damaged stream: the damage is named, not the garbage.
        let mut garbage = gzip(&[&[0x10, 0x01][..], &good].concat());
        let at = garbage.len() - 6;
        garbage[at] ^= 0xff;
        assert!(matches!(
            Profile::decode(&garbage),
            Err(ProfileError::Gzip(_))
        ));
    }

    #[test]
    fn anything_after_a_compressed_profile_is_damage() {
        let whole = Profile::decode(CPU).unwrap();
        assert!(!whole.samples.is_empty());
        // Written twice to one file, or with garbage after it.
        let twice = [CPU, CPU].concat();
        assert!(matches!(
            Profile::decode(&twice),
            Err(ProfileError::Trailing(n)) if n == CPU.len() as u64
        ));
        for tail in [&b"\0"[..], b"garbage"] {
            let damaged = [CPU, tail].concat();
            let error = Profile::decode(&damaged).unwrap_err();
            assert!(matches!(error, ProfileError::Trailing(n) if n == tail.len() as u64));
            assert!(error.is_damage());
        }
        // Cut short anywhere: the gzip stream says so.
        for n in [CPU.len() - 1, CPU.len() - 8, CPU.len() / 2, 10] {
            assert!(
                matches!(Profile::decode(&CPU[..n]), Err(ProfileError::Gzip(_))),
                "{n} bytes"
            );
        }
    }

    /// A reader that fails after `0.len()` bytes.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("the disk is on fire"));
            }
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_failing_file_is_an_io_error_even_through_gzip() {
        for bytes in [
            &CPU[..CPU.len() / 2],
            &HEAP_RAW[..HEAP_RAW.len() / 2],
            &CPU[..1],
        ] {
            match decode(Source(Failing(bytes))) {
                Err(ProfileError::Io(e)) => assert_eq!(e.to_string(), "the disk is on fire"),
                other => panic!("{other:?}"),
            }
        }
    }

    /// Decoding did not panic; what decodes must hold together.
    fn check(bytes: &[u8]) -> Result<Profile, ProfileError> {
        let outcome = Profile::decode(bytes);
        if let Ok(p) = &outcome {
            for sample in &p.samples {
                assert_eq!(sample.values.len(), p.sample_types.len());
                assert!(
                    sample
                        .frames
                        .iter()
                        .all(|&f| (f as usize) < p.functions.len())
                );
            }
            for index in 0..p.sample_types.len() {
                let functions = p.functions(index, None);
                if let Some(first) = functions.first() {
                    let pattern = regex::Regex::new(&regex::escape(&first.name)).unwrap();
                    p.paths_into(index, &pattern, 3);
                }
            }
        }
        outcome
    }

    #[test]
    fn every_prefix_is_an_error_or_a_profile_never_a_panic() {
        let raw = gunzip(GOROUTINE);
        let whole = Profile::decode(&raw).unwrap();
        for n in 0..raw.len() {
            // Go writes the string table last, so a prefix that decodes
            // lacks only strings that nothing resolved names (the mappings').
            if let Ok(p) = check(&raw[..n]) {
                assert_eq!(
                    (&p.samples, &p.functions),
                    (&whole.samples, &whole.functions)
                );
            }
        }
        for n in 2..GOROUTINE.len() {
            assert!(
                matches!(check(&GOROUTINE[..n]), Err(ProfileError::Gzip(_))),
                "{n} bytes"
            );
        }
    }

    #[test]
    fn flipped_bytes_are_an_error_or_a_profile_never_a_panic() {
        // xorshift64: the same flips every run.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut random = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        let raw = gunzip(CPU);
        let heap = sample_profile().encode_to_vec();
        let (mut decoded, mut rounds) = (0, 0);
        for input in [&raw, &heap, &CPU.to_vec()] {
            for _ in 0..1500 {
                let mut bytes = input.clone();
                for _ in 0..1 + random(3) {
                    let at = random(bytes.len());
                    bytes[at] ^= 1 + random(255) as u8;
                }
                if random(4) == 0 {
                    bytes.truncate(random(bytes.len()));
                }
                rounds += 1;
                decoded += usize::from(check(&bytes).is_ok());
            }
        }
        // Some flips land in values and names: both outcomes are exercised.
        assert!(
            decoded > 0 && decoded < rounds,
            "{decoded} of {rounds} decoded"
        );
    }
}
