//! Go's pprof profiles (`profile.proto`, gzip-compressed or raw), decoded
//! natively: CPU, heap/allocs, block, mutex and goroutine profiles. Samples are
//! resolved to function names, innermost frame first with inlined functions as
//! frames of their own, and aggregated per function as `go tool pprof -top`
//! does: a sample's value is *flat* for its leaf function and *cum* for every
//! function on its stack, counted once per sample even under recursion.

mod names;
mod proto;

use std::io::Read;
use std::path::Path;

use prost::Message;
use regex::Regex;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// The most a compressed profile may expand to; more is taken as damage.
const MAX_DECOMPRESSED: u64 = 4 << 30;

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("cannot read the profile")]
    Io(#[source] std::io::Error),
    #[error("the gzip stream is damaged or cut short: {0}")]
    Gzip(String),
    #[error("it decompresses to more than {} GiB", MAX_DECOMPRESSED >> 30)]
    TooLarge,
    #[error("not a pprof profile: {0}")]
    NotProfile(String),
    #[error("invalid profile: {0}")]
    Invalid(String),
}

/// A sample type: what the values of one column measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SampleType {
    pub name: String,
    pub unit: String,
}

/// What a profile measures, told from its sample types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Cpu,
    Heap,
    /// Block or mutex contention (`contentions`, `delay`).
    Contention,
    Goroutine,
    Other,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Cpu => "CPU",
            Kind::Heap => "heap",
            Kind::Contention => "contention (block or mutex)",
            Kind::Goroutine => "goroutine",
            Kind::Other => "profile",
        }
    }
}

/// One sample: its stack as function indexes (leaf first) and one value per type.
#[derive(Debug, Clone)]
pub struct Sample {
    pub frames: Box<[u32]>,
    pub values: Box<[i64]>,
}

/// A decoded profile.
#[derive(Debug, Clone)]
pub struct Profile {
    pub sample_types: Vec<SampleType>,
    /// The type `go tool pprof` shows when none is asked for.
    pub default_type: usize,
    pub period_type: Option<SampleType>,
    pub period: i64,
    pub duration_nanos: i64,
    pub time_nanos: i64,
    /// Function names; frames index into this.
    pub functions: Vec<String>,
    pub samples: Vec<Sample>,
}

/// Flat and cum of one function for one sample type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionTotal {
    pub name: String,
    pub flat: i64,
    pub cum: i64,
}

/// A call path into a function (outermost caller first) and what it carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallPath {
    pub frames: Vec<String>,
    pub value: i64,
}

impl Profile {
    /// Reads a profile file.
    pub fn read(path: &Path) -> Result<Profile, ProfileError> {
        let bytes = std::fs::read(path).map_err(ProfileError::Io)?;
        Profile::decode(&bytes)
    }

    /// Decodes gzip-compressed or raw `profile.proto` bytes.
    pub fn decode(bytes: &[u8]) -> Result<Profile, ProfileError> {
        let raw = if bytes.starts_with(&[0x1f, 0x8b]) {
            let mut decoder = flate2::read::GzDecoder::new(bytes).take(MAX_DECOMPRESSED + 1);
            let mut data = Vec::new();
            decoder
                .read_to_end(&mut data)
                .map_err(|e| ProfileError::Gzip(e.to_string()))?;
            if data.len() as u64 > MAX_DECOMPRESSED {
                return Err(ProfileError::TooLarge);
            }
            proto::Profile::decode(&data[..])
        } else {
            proto::Profile::decode(bytes)
        };
        let raw = raw
            .map_err(|e| ProfileError::NotProfile(format!("the protobuf does not decode ({e})")))?;
        resolve(raw)
    }

    /// The kind of profile, from its sample types.
    pub fn kind(&self) -> Kind {
        let names: Vec<&str> = self.sample_types.iter().map(|t| t.name.as_str()).collect();
        if names.contains(&"cpu") {
            Kind::Cpu
        } else if names
            .iter()
            .any(|n| n.starts_with("alloc_") || n.starts_with("inuse_"))
        {
            Kind::Heap
        } else if names.contains(&"contentions") || names.contains(&"delay") {
            Kind::Contention
        } else if names.contains(&"goroutine") {
            Kind::Goroutine
        } else {
            Kind::Other
        }
    }

    /// The index of a sample type by name (`cpu`, `alloc_space`, `delay`...) or number.
    pub fn sample_index(&self, name: &str) -> Option<usize> {
        self.sample_types
            .iter()
            .position(|t| t.name == name)
            .or_else(|| {
                name.parse::<usize>()
                    .ok()
                    .filter(|&i| i < self.sample_types.len())
            })
    }

    /// The sum of one sample type over all samples.
    pub fn total(&self, index: usize) -> i64 {
        self.samples.iter().map(|s| s.values[index]).sum()
    }

    /// How many samples carry a non-zero value of this type.
    pub fn sample_count(&self, index: usize) -> usize {
        self.samples.iter().filter(|s| s.values[index] != 0).count()
    }

    /// Flat and cum of every function for one sample type, largest flat first.
    /// With `focus`, only samples with a frame whose name matches count.
    pub fn functions(&self, index: usize, focus: Option<&Regex>) -> Vec<FunctionTotal> {
        let mut flat = vec![0i64; self.functions.len()];
        let mut cum = vec![0i64; self.functions.len()];
        let mut seen = vec![u32::MAX; self.functions.len()];
        let matches = self.matcher(focus);
        for (n, sample) in self.samples.iter().enumerate() {
            let value = sample.values[index];
            if value == 0 || !self.sample_matches(sample, &matches) {
                continue;
            }
            if let Some(&leaf) = sample.frames.first() {
                flat[leaf as usize] += value;
            }
            for &frame in sample.frames.iter() {
                // Once per sample: a recursive function is not counted twice.
                if seen[frame as usize] != n as u32 {
                    seen[frame as usize] = n as u32;
                    cum[frame as usize] += value;
                }
            }
        }
        let mut totals: Vec<FunctionTotal> = (0..self.functions.len())
            .filter(|&i| flat[i] != 0 || cum[i] != 0)
            .map(|i| FunctionTotal {
                name: self.functions[i].clone(),
                flat: flat[i],
                cum: cum[i],
            })
            .collect();
        totals.sort_by(|a, b| {
            b.flat
                .abs()
                .cmp(&a.flat.abs())
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| b.cum.abs().cmp(&a.cum.abs()))
        });
        totals
    }

    /// The total of samples with a frame matching `focus` (all samples without one).
    pub fn focused_total(&self, index: usize, focus: Option<&Regex>) -> i64 {
        let matches = self.matcher(focus);
        self.samples
            .iter()
            .filter(|s| self.sample_matches(s, &matches))
            .map(|s| s.values[index])
            .sum()
    }

    /// The heaviest call paths into functions matching `target`: each sample's
    /// stack from its outermost frame down to the innermost matching frame.
    pub fn paths_into(&self, index: usize, target: &Regex, limit: usize) -> Vec<CallPath> {
        let matches = self.matcher(Some(target));
        let mut paths: FxHashMap<Vec<u32>, i64> = FxHashMap::default();
        for sample in &self.samples {
            let value = sample.values[index];
            if value == 0 {
                continue;
            }
            let Some(at) = sample.frames.iter().position(|&f| matches[f as usize]) else {
                continue;
            };
            let path: Vec<u32> = sample.frames[at..].iter().rev().copied().collect();
            *paths.entry(path).or_default() += value;
        }
        let mut paths: Vec<CallPath> = paths
            .into_iter()
            .map(|(frames, value)| CallPath {
                frames: frames
                    .iter()
                    .map(|&f| self.functions[f as usize].clone())
                    .collect(),
                value,
            })
            .collect();
        paths.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.frames.cmp(&b.frames)));
        paths.truncate(limit);
        paths
    }

    /// Which functions match a pattern (all, without one).
    fn matcher(&self, pattern: Option<&Regex>) -> Vec<bool> {
        self.functions
            .iter()
            .map(|name| pattern.is_none_or(|p| p.is_match(name)))
            .collect()
    }

    fn sample_matches(&self, sample: &Sample, matches: &[bool]) -> bool {
        matches.iter().all(|&m| m) || sample.frames.iter().any(|&f| matches[f as usize])
    }
}

/// Checks the decoded message and resolves ids and strings.
fn resolve(raw: proto::Profile) -> Result<Profile, ProfileError> {
    let strings = &raw.string_table;
    if strings.first().map(String::as_str) != Some("") {
        return Err(ProfileError::NotProfile(
            "its string table does not start with the empty string".into(),
        ));
    }
    if raw.sample_type.is_empty() {
        return Err(ProfileError::NotProfile(
            "it declares no sample types".into(),
        ));
    }
    let string = |index: i64, what: &str| -> Result<String, ProfileError> {
        usize::try_from(index)
            .ok()
            .and_then(|i| strings.get(i))
            .cloned()
            .ok_or_else(|| {
                ProfileError::Invalid(format!(
                    "{what} refers to string {index}, past the {} strings of the table",
                    strings.len()
                ))
            })
    };
    let value_type = |t: &proto::ValueType, what: &str| -> Result<SampleType, ProfileError> {
        Ok(SampleType {
            name: string(t.r#type, what)?,
            unit: string(t.unit, what)?,
        })
    };
    let sample_types = raw
        .sample_type
        .iter()
        .map(|t| value_type(t, "a sample type"))
        .collect::<Result<Vec<_>, _>>()?;
    let period_type = raw
        .period_type
        .as_ref()
        .map(|t| value_type(t, "the period type"))
        .transpose()?;
    let default_name = string(raw.default_sample_type, "the default sample type")?;
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
    for function in &raw.function {
        if function.id == 0 {
            return Err(ProfileError::Invalid("a function has id 0".into()));
        }
        let mut name = string(function.name, "a function's name")?;
        // pprof simplifies the system name unless the profile gave another
        // (already demangled) name.
        let system = string(function.system_name, "a function's system name")?;
        if name.is_empty() || name == system {
            name = names::simplified(&system);
        }
        if name.is_empty() {
            // As pprof shows a function without a name.
            name = "<unknown>".to_owned();
        }
        if function_names.insert(function.id, intern(name)).is_some() {
            return Err(ProfileError::Invalid(format!(
                "function id {} is defined twice",
                function.id
            )));
        }
    }
    let mut locations: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for location in &raw.location {
        if location.id == 0 {
            return Err(ProfileError::Invalid("a location has id 0".into()));
        }
        let frames = if location.line.is_empty() {
            // Not symbolized: pprof shows the address.
            vec![intern(format!("{:#x}", location.address))]
        } else {
            location
                .line
                .iter()
                .map(|line| {
                    function_names
                        .get(&line.function_id)
                        .copied()
                        .ok_or_else(|| {
                            ProfileError::Invalid(format!(
                                "location {} names function {}, which is not defined",
                                location.id, line.function_id
                            ))
                        })
                })
                .collect::<Result<Vec<_>, _>>()?
        };
        if locations.insert(location.id, frames).is_some() {
            return Err(ProfileError::Invalid(format!(
                "location id {} is defined twice",
                location.id
            )));
        }
    }
    let width = sample_types.len();
    let mut samples = Vec::with_capacity(raw.sample.len());
    // By value: each decoded sample is freed as soon as it is resolved.
    for (n, sample) in raw.sample.into_iter().enumerate() {
        if sample.value.len() != width {
            return Err(ProfileError::Invalid(format!(
                "sample {n} has {} values for {width} sample types",
                sample.value.len()
            )));
        }
        let mut frames = Vec::with_capacity(sample.location_id.len());
        for id in &sample.location_id {
            let location = locations.get(id).ok_or_else(|| {
                ProfileError::Invalid(format!(
                    "sample {n} names location {id}, which is not defined"
                ))
            })?;
            frames.extend_from_slice(location);
        }
        samples.push(Sample {
            frames: frames.into(),
            values: sample.value.into(),
        });
    }
    Ok(Profile {
        sample_types,
        default_type,
        period_type,
        period: raw.period,
        duration_nanos: raw.duration_nanos,
        time_nanos: raw.time_nanos,
        functions: names,
        samples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(samples: &[(&[&str], i64)]) -> Profile {
        let mut functions: Vec<String> = Vec::new();
        let mut index = |name: &str| -> u32 {
            match functions.iter().position(|f| f == name) {
                Some(i) => i as u32,
                None => {
                    functions.push(name.to_owned());
                    (functions.len() - 1) as u32
                }
            }
        };
        let samples = samples
            .iter()
            .map(|(stack, value)| Sample {
                frames: stack.iter().map(|f| index(f)).collect(),
                values: vec![*value].into(),
            })
            .collect();
        Profile {
            sample_types: vec![SampleType {
                name: "cpu".into(),
                unit: "nanoseconds".into(),
            }],
            default_type: 0,
            period_type: None,
            period: 0,
            duration_nanos: 0,
            time_nanos: 0,
            functions,
            samples,
        }
    }

    fn totals(p: &Profile) -> Vec<(String, i64, i64)> {
        p.functions(0, None)
            .into_iter()
            .map(|f| (f.name, f.flat, f.cum))
            .collect()
    }

    #[test]
    fn flat_is_the_leaf_and_cum_every_frame() {
        let p = profile(&[(&["leaf", "mid", "main"], 10), (&["mid", "main"], 5)]);
        assert_eq!(
            totals(&p),
            vec![
                ("leaf".into(), 10, 10),
                ("mid".into(), 5, 15),
                ("main".into(), 0, 15)
            ]
        );
        assert_eq!(p.total(0), 15);
    }

    #[test]
    fn recursion_counts_once_per_sample() {
        let p = profile(&[(&["fib", "fib", "fib", "main"], 7)]);
        assert_eq!(
            totals(&p),
            vec![("fib".into(), 7, 7), ("main".into(), 0, 7)]
        );
    }

    #[test]
    fn paths_into_a_function() {
        let p = profile(&[
            (&["compile", "match", "handle", "main"], 8),
            (&["compile", "match", "batch", "main"], 3),
        ]);
        let target = Regex::new("^match$").unwrap();
        let paths = p.paths_into(0, &target, 5);
        assert_eq!(paths[0].frames, vec!["main", "handle", "match"]);
        assert_eq!(paths[0].value, 8);
        assert_eq!(paths[1].value, 3);
    }

    #[test]
    fn focus_keeps_matching_samples() {
        let p = profile(&[(&["a", "main"], 4), (&["b", "main"], 6)]);
        let focus = Regex::new("^a$").unwrap();
        assert_eq!(p.focused_total(0, Some(&focus)), 4);
        assert_eq!(p.functions(0, Some(&focus)).len(), 2);
    }

    #[test]
    fn garbage_is_not_a_profile() {
        assert!(matches!(
            Profile::decode(b"hello world\n"),
            Err(ProfileError::NotProfile(_))
        ));
        assert!(matches!(
            Profile::decode(b""),
            Err(ProfileError::NotProfile(_))
        ));
        assert!(matches!(
            Profile::decode(&[0x1f, 0x8b, 0x08, 0x00, 0x01]),
            Err(ProfileError::Gzip(_))
        ));
    }
}
