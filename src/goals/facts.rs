//! What one check measured, handed from the runner to the goals: benchmark
//! output, profiles, traces and snapshots by the run that made them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::ProfileKind;
use crate::bench::BenchOutput;
use crate::pprof::Profile;
use crate::trace::facts::Facts as TraceFacts;

/// Everything measured in one check, by run name.
#[derive(Debug, Default)]
pub struct Facts {
    pub benchmarks: BTreeMap<String, BenchOutput>,
    pub profiles: BTreeMap<(String, ProfileKind), ProfileFacts>,
    pub profile_pairs: BTreeMap<(String, ProfileKind), ProfilePairs>,
    pub traces: BTreeMap<String, MeasuredTrace>,
    pub snapshots: BTreeMap<String, Snapshot>,
    pub baselines: BTreeMap<String, Baseline>,
    /// The exercise's package directory, as compiled: frames whose file lies
    /// below it are the exercise's own code.
    pub package_dir: PathBuf,
}

/// A profile as measured for a check.
#[derive(Debug, Clone)]
pub struct ProfileFacts {
    pub profile: Profile,
    /// Benchmark iterations of the run that wrote it.
    pub ops: u64,
}

/// One profile per run of the starter and of the attendee's code, the runs
/// taken in alternation so that whatever else the machine does hits both.
#[derive(Debug, Clone, Default)]
pub struct ProfilePairs {
    pub starter: Vec<ProfileFacts>,
    pub mine: Vec<ProfileFacts>,
}

/// The starter's and the attendee's benchmark samples of one run.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub starter: BenchOutput,
    pub mine: BenchOutput,
    /// The starter's samples came from the cache, not this check.
    pub cached: bool,
}

/// A trace as measured for a check.
#[derive(Debug, Clone)]
pub struct MeasuredTrace {
    pub facts: TraceFacts,
    /// Benchmark iterations of the run that wrote it.
    pub ops: u64,
}

/// A flight-recorder snapshot as found after its run.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub path: PathBuf,
    /// `None` when the file does not exist.
    pub size: Option<u64>,
    /// The snapshot's facts, or why it could not be read.
    pub read: Option<Result<TraceFacts, String>>,
}
