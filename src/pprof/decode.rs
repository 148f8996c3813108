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

use std::io::Read;

use prost::Message;
use rustc_hash::FxHashMap;

use super::budget::{Limits, Over, What};
use super::labels::Labels;
use super::locations::{LARGE_ID, Locations};
use super::wire::{self, Cursor, Fault, LEN, Stream, VARINT};
use super::{Profile, ProfileError, SampleType, Site, names, proto};
use crate::tr;

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

    fn push(&mut self, s: &str, limits: &Limits) -> Result<(), Over> {
        limits.check(What::Strings, self.ends.len() + 1)?;
        limits.check(What::TableBytes, self.text.len() + s.len())?;
        self.text.push_str(s);
        self.ends.push(self.text.len());
        Ok(())
    }
}

/// A location as read: its lines' function ids are `lines` of `Raw::line_functions`.
struct Location {
    id: u64,
    address: u64,
    lines: std::ops::Range<u32>,
}

/// What the pass keeps until the end, where ids and strings resolve.
#[derive(Default)]
pub(super) struct Raw {
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
    /// The line number of each of `line_functions`.
    line_numbers: Vec<i64>,
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
    /// Every sample's labels as read, each with its sample's number.
    labels: Vec<(u32, proto::Label)>,
    /// The most the profile may hold.
    limits: Limits,
}

/// Reads every top-level field.
pub(super) fn walk<R: Read>(stream: &mut Stream<R>) -> Result<Raw, Fault> {
    walk_within(stream, Limits::default())
}

/// Reads every top-level field, refusing a profile past `limits`.
pub(super) fn walk_within<R: Read>(stream: &mut Stream<R>, limits: Limits) -> Result<Raw, Fault> {
    let mut raw = Raw {
        limits,
        ..Raw::default()
    };
    while let Some((tag, wire)) = stream.key()? {
        match (tag, wire) {
            (1, LEN) => {
                let (bytes, at) = stream.bytes(&raw.limits, What::Field(FIELDS[1]))?;
                raw.limits
                    .check(What::SampleTypes, raw.sample_types.len() + 1)?;
                raw.sample_types.push(message(bytes, at, Part::SampleType)?);
            }
            (2, LEN) => {
                let (bytes, at) = stream.bytes(&raw.limits, What::Field(FIELDS[2]))?;
                raw.sample(bytes, at)?;
            }
            (3, LEN) => {
                // Mappings name binaries; frames do not need them.
                let (bytes, at) = stream.bytes(&raw.limits, What::Field(FIELDS[3]))?;
                message::<proto::Mapping>(bytes, at, Part::Mapping)?;
            }
            (4, LEN) => {
                let (bytes, at) = stream.bytes(&raw.limits, What::Field(FIELDS[4]))?;
                // Counted before it is decoded: an empty entry costs as much
                // room as any other.
                raw.limits.check(What::Locations, raw.locations.len() + 1)?;
                let start = raw.line_functions.len();
                raw.limits.check(What::Lines, start + lines(bytes))?;
                let location: proto::Location = message(bytes, at, Part::Location)?;
                raw.line_functions
                    .extend(location.line.iter().map(|line| line.function_id));
                raw.line_numbers
                    .extend(location.line.iter().map(|line| line.line));
                // Both fit: the lines are counted well below `u32::MAX`.
                raw.locations.push(Location {
                    id: location.id,
                    address: location.address,
                    lines: start as u32..raw.line_functions.len() as u32,
                });
            }
            (5, LEN) => {
                let (bytes, at) = stream.bytes(&raw.limits, What::Field(FIELDS[5]))?;
                raw.limits.check(What::Functions, raw.functions.len() + 1)?;
                raw.functions.push(message(bytes, at, Part::Function)?);
            }
            (6, LEN) => {
                let (bytes, at) = stream.bytes(&raw.limits, What::StringBytes)?;
                let s = std::str::from_utf8(bytes).map_err(|_| Fault::Wire {
                    at,
                    why: tr!("pprof-error-not-utf8"),
                })?;
                raw.strings.push(s, &raw.limits)?;
            }
            (11, LEN) => {
                // A message field given twice merges, as protobuf has it.
                let (bytes, at) = stream.bytes(&raw.limits, What::Field(FIELDS[11]))?;
                let period_type = raw.period_type.get_or_insert_with(Default::default);
                period_type
                    .merge(bytes)
                    .map_err(|e| prost_fault(e, at, Part::PeriodType))?;
            }
            (13, LEN) => {
                // Comments: validated, not kept.
                let (bytes, at) = stream.bytes(&raw.limits, What::Field(FIELDS[13]))?;
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

/// How many lines a location holds, counted before prost decodes them (an
/// empty line takes two bytes of input and 24 of memory); malformed bytes
/// are left to prost to tell.
fn lines(location: &[u8]) -> usize {
    let mut cursor = Cursor::new(location, 0);
    let mut count = 0;
    while !cursor.is_empty() {
        let Ok((tag, wire)) = cursor.key() else { break };
        let skipped = if (tag, wire) == (4, LEN) {
            count += 1;
            cursor.bytes().map(|_| ())
        } else {
            cursor.skip(tag, wire)
        };
        if skipped.is_err() {
            break;
        }
    }
    count
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
        self.limits.check(What::Samples, self.ends.len() + 1)?;
        let values = self.values.len();
        // Every varint ends in a byte below 0x80: how many a packed field
        // holds at most, checked before any is kept.
        let count = |packed: &[u8]| packed.iter().filter(|&&b| b < 0x80).count();
        let mut cursor = Cursor::new(bytes, at);
        while !cursor.is_empty() {
            let (tag, wire) = cursor.key().map_err(in_sample)?;
            match (tag, wire) {
                (1, LEN) => {
                    let (ids, at) = cursor.bytes().map_err(in_sample)?;
                    self.limits
                        .check(What::Frames, self.frames.len() + count(ids))?;
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
                    self.limits.check(What::Frames, self.frames.len() + 1)?;
                    self.location_id(id, at)?;
                }
                (2, LEN) => {
                    let (packed, at) = cursor.bytes().map_err(in_sample)?;
                    self.limits.check(
                        What::SampleValues,
                        self.values.len() - values + count(packed),
                    )?;
                    self.limits
                        .check(What::Values, self.values.len() + count(packed))?;
                    Cursor::packed(packed, at, |v| self.values.push(v as i64))
                        .map_err(in_sample)?;
                }
                (2, VARINT) => {
                    let value = cursor.varint().map_err(in_sample)?;
                    self.limits
                        .check(What::SampleValues, self.values.len() - values + 1)?;
                    self.limits.check(What::Values, self.values.len() + 1)?;
                    self.values.push(value as i64);
                }
                (3, LEN) => {
                    let (label, at) = cursor.bytes().map_err(in_sample)?;
                    self.limits.check(What::Labels, self.labels.len() + 1)?;
                    let label = message::<proto::Label>(label, at, Part::SampleLabel)?;
                    self.labels.push((self.ends.len() as u32, label));
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

    /// Checks what was read and resolves ids and strings; with `lines`, a
    /// frame is a source line (an index into [`Profile::sites`]).
    pub(super) fn resolve(self, lines: bool) -> Result<Profile, ProfileError> {
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
        // With `lines`: each function's file and first line, by id.
        let mut function_files: FxHashMap<u64, (i64, i64)> = FxHashMap::default();
        for function in &self.functions {
            if lines {
                string(function.filename, Part::FunctionName)?;
                function_files.insert(function.id, (function.filename, function.start_line));
            }
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

        // Source lines, when asked for: frames index these instead.
        let mut sites: Vec<Site> = Vec::new();
        let mut site_index: FxHashMap<(u32, i64, i64, i64), u32> = FxHashMap::default();
        let mut site = |function: u32, file: i64, start_line: i64, line: i64| -> u32 {
            let key = (function, file, start_line, line);
            if let Some(&i) = site_index.get(&key) {
                return i;
            }
            let i = sites.len() as u32;
            sites.push(Site {
                function,
                file: strings.get(file as usize).unwrap_or_default().to_owned(),
                start_line,
                line,
            });
            site_index.insert(key, i);
            i
        };
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
                let frame = intern(format!("{:#x}", location.address));
                pool.push(if lines { site(frame, 0, 0, 0) } else { frame });
            } else {
                let range = location.lines.start as usize..location.lines.end as usize;
                for (&function_id, &number) in self.line_functions[range.clone()]
                    .iter()
                    .zip(&self.line_numbers[range])
                {
                    let frame = function_names.get(&function_id).copied().ok_or_else(|| {
                        ProfileError::Invalid(tr!(
                            "pprof-error-location-function",
                            location = location.id.to_string(),
                            function = function_id.to_string()
                        ))
                    })?;
                    if lines {
                        let (file, start) = function_files
                            .get(&function_id)
                            .copied()
                            .unwrap_or_default();
                        pool.push(site(frame, file, start, number));
                    } else {
                        pool.push(frame);
                    }
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
        let labels = Labels::resolve(&self.labels, self.ends.len(), &|index| {
            string(index, Part::SampleLabel)
        })?;
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
            sites,
            labels,
            unfiltered: None,
        })
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
mod bombs;
#[cfg(test)]
mod tests;
