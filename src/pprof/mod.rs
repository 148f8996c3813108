//! Go's pprof profiles (`profile.proto`, gzip-compressed or raw), decoded
//! natively: CPU, heap/allocs, block, mutex and goroutine profiles. Samples are
//! resolved to function names, innermost frame first with inlined functions as
//! frames of their own, and aggregated per function as `go tool pprof -top`
//! does: a sample's value is *flat* for its leaf function and *cum* for every
//! function on its stack, counted once per sample even under recursion.
//!
//! Decoding streams (`decode`, over the protobuf wire format of `wire`): the
//! decompressed protobuf is never held whole, and samples are kept flat (every
//! stack's frames in one array, every value in another), so a decoded profile
//! takes about 4 bytes a frame and 8 a value, and decoding little more.
//! What a profile may hold is bounded (`budget`): a small file built to
//! expand into millions of empty entries is refused as it is read.

mod budget;
mod decode;
pub mod diff;
pub mod format;
mod input;
pub mod labels;
pub mod listing;
mod locations;
mod measure;
mod names;
mod proto;
pub mod tags;
#[cfg(test)]
mod testing;
mod wire;

use std::path::Path;

use regex::Regex;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::tr;

/// The most a compressed profile may expand to; more is taken as damage.
const MAX_DECOMPRESSED: u64 = 4 << 30;

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("{}", tr!("pprof-error-io"))]
    Io(#[source] std::io::Error),
    #[error("{}", tr!("pprof-error-gzip", why = .0))]
    Gzip(String),
    #[error("{}", tr!("pprof-error-too-large", gib = (MAX_DECOMPRESSED >> 30).to_string()))]
    TooLarge,
    #[error("{}", tr!("pprof-error-not-profile", why = .0))]
    NotProfile(String),
    #[error("{}", tr!("pprof-error-invalid", why = .0))]
    Invalid(String),
    /// More than the decoded profile may hold (see `budget`).
    #[error("{}", tr!("pprof-error-over-budget", why = .0))]
    OverBudget(String),
    /// Bytes after the end of a compressed profile.
    #[error("{}", tr!("pprof-error-trailing", count = .0.to_string()))]
    Trailing(u64),
}

impl ProfileError {
    /// Whether the file's bytes are at fault (damaged, cut short, not a
    /// profile), rather than reading them.
    pub fn is_damage(&self) -> bool {
        !matches!(self, ProfileError::Io(_))
    }
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
    /// The runtime's goroutine-leak profile (Go 1.27+): sample type `goroutineleak`.
    GoroutineLeak,
    Other,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Cpu => "CPU",
            Kind::Heap => "heap",
            Kind::Contention => "contention (block or mutex)",
            Kind::Goroutine => "goroutine",
            Kind::GoroutineLeak => "goroutine-leak",
            Kind::Other => "profile",
        }
    }
}

/// One sample: its stack as function indexes (leaf first) and one value per type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample<'a> {
    pub frames: &'a [u32],
    pub values: &'a [i64],
}

/// Every sample of a profile, stored flat: the frames of all stacks one after
/// another, and `width` values (one per sample type) for each sample.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Samples {
    width: usize,
    frames: Vec<u32>,
    /// Where each sample's frames end in `frames`.
    ends: Vec<u32>,
    values: Vec<i64>,
}

impl Samples {
    /// No samples yet, of `width` values each.
    pub fn new(width: usize) -> Samples {
        Samples {
            width,
            ..Samples::default()
        }
    }

    /// Adds a sample; it must have `width` values.
    pub fn push(&mut self, frames: &[u32], values: &[i64]) {
        assert_eq!(values.len(), self.width, "a sample's values, one per type");
        self.frames.extend_from_slice(frames);
        let end = u32::try_from(self.frames.len()).expect("fewer than 2^32 frames");
        self.ends.push(end);
        self.values.extend_from_slice(values);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> SampleIter<'_> {
        SampleIter {
            samples: self,
            next: 0,
            start: 0,
        }
    }
}

impl<'a> IntoIterator for &'a Samples {
    type Item = Sample<'a>;
    type IntoIter = SampleIter<'a>;
    fn into_iter(self) -> SampleIter<'a> {
        self.iter()
    }
}

/// The samples in order.
#[derive(Debug, Clone)]
pub struct SampleIter<'a> {
    samples: &'a Samples,
    next: usize,
    /// Where the next sample's frames start.
    start: usize,
}

impl<'a> Iterator for SampleIter<'a> {
    type Item = Sample<'a>;

    #[inline]
    fn next(&mut self) -> Option<Sample<'a>> {
        let samples = self.samples;
        let end = *samples.ends.get(self.next)? as usize;
        let frames = &samples.frames[self.start..end];
        let values = &samples.values[self.next * samples.width..(self.next + 1) * samples.width];
        self.start = end;
        self.next += 1;
        Some(Sample { frames, values })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.samples.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for SampleIter<'_> {}

/// A decoded profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub sample_types: Vec<SampleType>,
    /// The type `go tool pprof` shows when none is asked for.
    pub default_type: usize,
    pub period_type: Option<SampleType>,
    pub period: i64,
    pub duration_nanos: i64,
    pub time_nanos: i64,
    /// Function names; frames index into this (or into `sites`, when read
    /// at source lines).
    pub functions: Vec<String>,
    pub samples: Samples,
    /// Read with [`Profile::read_lines`]: every source line the samples
    /// name, and frames index into this instead of `functions`; otherwise empty.
    pub sites: Vec<Site>,
    /// The samples' profiler labels.
    pub labels: labels::Labels,
    /// After samples were left out by their labels ([`Profile::retain`]):
    /// each sample type's total of absolute values before, which pprof
    /// still takes percentages of.
    pub unfiltered: Option<Vec<i64>>,
}

/// A source line of a function, as a frame of a profile read at source lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// Index into [`Profile::functions`].
    pub function: u32,
    /// As the profile names it (empty without one).
    pub file: String,
    /// The function's first line, 0 when unknown.
    pub start_line: i64,
    pub line: i64,
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
        input::read(path)
    }

    /// Reads a profile file at source lines: its frames index [`Profile::sites`].
    pub fn read_lines(path: &Path) -> Result<Profile, ProfileError> {
        input::read_with(path, true)
    }

    /// Decodes gzip-compressed or raw `profile.proto` bytes.
    pub fn decode(bytes: &[u8]) -> Result<Profile, ProfileError> {
        input::decode(bytes)
    }

    /// The profile with only the samples `keep` says (by their number), as
    /// pprof's sample filters leave it: totals are those of what is kept.
    pub fn retain(&self, keep: impl Fn(usize) -> bool) -> Profile {
        let mut samples = Samples::new(self.samples.width);
        for (n, sample) in self.samples.iter().enumerate() {
            if keep(n) {
                samples.push(sample.frames, sample.values);
            }
        }
        Profile {
            sample_types: self.sample_types.clone(),
            default_type: self.default_type,
            period_type: self.period_type.clone(),
            period: self.period,
            duration_nanos: self.duration_nanos,
            time_nanos: self.time_nanos,
            functions: self.functions.clone(),
            samples,
            sites: self.sites.clone(),
            labels: self.labels.retain(self.samples.len(), keep),
            unfiltered: Some(
                self.unfiltered.clone().unwrap_or_else(|| {
                    (0..self.samples.width).map(|i| self.abs_total(i)).collect()
                }),
            ),
        }
    }

    /// The sum of the absolute values of one sample type.
    pub fn abs_total(&self, index: usize) -> i64 {
        self.samples.iter().map(|s| s.values[index].abs()).sum()
    }

    /// What pprof's reports take percentages of: the absolute values of all
    /// samples, those left out by label filters too.
    pub fn pprof_total(&self, index: usize) -> i64 {
        match &self.unfiltered {
            Some(totals) => totals[index],
            None => self.abs_total(index),
        }
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
        } else if names.contains(&"goroutineleak") {
            Kind::GoroutineLeak
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
            if value == 0 || !matches.sample(sample) {
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
            .filter(|&s| matches.sample(s))
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
            let Some(at) = sample
                .frames
                .iter()
                .position(|&f| matches.functions[f as usize])
            else {
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
    fn matcher(&self, pattern: Option<&Regex>) -> Matcher {
        let functions: Vec<bool> = self
            .functions
            .iter()
            .map(|name| pattern.is_none_or(|p| p.is_match(name)))
            .collect();
        Matcher {
            all: functions.iter().all(|&m| m),
            functions,
        }
    }
}

/// Which functions match a pattern, by index.
struct Matcher {
    functions: Vec<bool>,
    /// Every function does.
    all: bool,
}

impl Matcher {
    /// Whether a sample has a matching frame (every sample does when every function matches).
    fn sample(&self, sample: Sample<'_>) -> bool {
        self.all || sample.frames.iter().any(|&f| self.functions[f as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(samples: &[(&[&str], i64)]) -> Profile {
        crate::pprof::testing::cpu_profile(samples)
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
