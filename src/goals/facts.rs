//! What one check measured, handed from the runner to the goals: benchmark
//! output, profiles, traces and snapshots by the run that made them; and which
//! profiles a run can write.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

use crate::bench::BenchOutput;
pub use crate::http::load::Round as LoadRound;
use crate::pprof::Profile;
use crate::trace::facts::Facts as TraceFacts;

/// Everything measured in one check, by run name.
#[derive(Debug, Default)]
pub struct Facts {
    pub benchmarks: BTreeMap<String, BenchOutput>,
    /// Profiles of the attendee's code; a damaged one meets no goal.
    pub profiles: BTreeMap<(String, ProfileKind), Result<ProfileFacts, Damage>>,
    /// Where each profile of the attendee's code is kept, by run and kind.
    pub profile_files: BTreeMap<(String, ProfileKind), PathBuf>,
    pub profile_pairs: BTreeMap<(String, ProfileKind), ProfilePairs>,
    /// Traces of the attendee's code; a damaged one meets no goal.
    pub traces: BTreeMap<String, Result<MeasuredTrace, Damage>>,
    pub snapshots: BTreeMap<String, Snapshot>,
    pub baselines: BTreeMap<String, Baseline>,
    /// The load round of each serve run.
    pub loads: BTreeMap<String, LoadRound>,
    /// Load rounds of the starter's server and the attendee's, by serve run.
    pub load_pairs: BTreeMap<String, LoadPairs>,
    /// Answers of a serve run's server, by run, method and URL as written.
    pub endpoints: BTreeMap<(String, String, String), Probe>,
    /// The compiler's decisions about the exercise's package, when a goal
    /// asked for them; `Err` says why they are not whole.
    pub compiler: Option<Result<crate::compiler::Decisions, String>>,
    /// The exercise's package directory, as compiled: frames whose file lies
    /// below it are the exercise's own code.
    pub package_dir: PathBuf,
    /// Why there is no starter to compare with, when there is none.
    pub starter_missing: Option<String>,
    /// The exercise's command built on its own, for goals on how it was built.
    pub program: Option<ProgramFacts>,
}

/// The exercise's package built as a command (`go build`, with the check's
/// flags), and what its build recorded.
#[derive(Debug, Clone)]
pub struct ProgramFacts {
    /// The package directory, as the attendee knows it.
    pub package_dir: PathBuf,
    /// What `go version -m` says of the program, or its refusal; `None` when
    /// `go build` made no program (the package is not a command).
    pub info: Option<Result<crate::exec::BuildInfo, String>>,
    /// The CPU profile the build used (its `-pgo` setting), as read, with
    /// its size in bytes; `None` when the build used none.
    pub profile: Option<PgoProfile>,
}

/// The profile a build was optimised with.
#[derive(Debug, Clone)]
pub struct PgoProfile {
    pub path: PathBuf,
    pub bytes: u64,
    /// The profile, or why it cannot be read.
    pub read: Result<Profile, Damage>,
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
    /// A profile of the attendee's code that was damaged: the pairs stop there
    /// and the goals on them fail.
    pub damaged: Option<Damage>,
}

/// Why an artifact that the attendee's code wrote, or could have spoiled, is
/// not whole: damaged, cut short, not what it should be, or (a trace) more
/// than one. The goals that read it fail with the reader's words; a file the
/// runner could not read at all, or of a format it does not know, stops the
/// check instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub path: PathBuf,
    /// The reader's words.
    pub why: String,
    /// Where a second trace begins, when the file holds more than one.
    pub second_trace: Option<u64>,
}

impl Damage {
    /// A trace that its reader found damaged.
    pub fn trace(path: &std::path::Path, error: &crate::trace::TraceError) -> Damage {
        Damage {
            path: path.to_owned(),
            why: crate::display::error_chain(error),
            second_trace: match error {
                crate::trace::TraceError::SecondTrace { offset, .. } => Some(*offset),
                _ => None,
            },
        }
    }

    /// A profile that its reader found damaged.
    pub fn profile(path: &std::path::Path, error: &crate::pprof::ProfileError) -> Damage {
        Damage {
            path: path.to_owned(),
            why: crate::display::error_chain(error),
            second_trace: None,
        }
    }

    /// Fails `outcome` on this damage: `explanation` says what is not whole,
    /// the evidence where the file is kept for a look. Nothing of the file
    /// counts as measured.
    pub(super) fn fail(&self, outcome: &mut super::Outcome, explanation: String) {
        outcome.status = super::Status::Fail;
        outcome.measured = None;
        outcome.samples.clear();
        outcome.explanation = Some(explanation);
        outcome.evidence.push(crate::tr!(
            "artifact-kept-at",
            path = crate::display::path(&self.path)
        ));
    }
}

/// The starter's and the attendee's benchmark samples of one run, taken
/// alternately in one check.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub starter: BenchOutput,
    pub mine: BenchOutput,
}

/// Rounds of load on the starter's server and on the attendee's, taken in
/// alternation in one check.
#[derive(Debug, Clone, Default)]
pub struct LoadPairs {
    pub starter: Vec<LoadRound>,
    pub mine: Vec<LoadRound>,
}

/// One request to a server, as sent and as answered.
#[derive(Debug, Clone)]
pub struct Probe {
    /// The URL with its ports filled in.
    pub url: String,
    /// The answer, or why there was none (`connection refused`).
    pub answer: Result<Probed, String>,
}

/// What a server answered.
#[derive(Debug, Clone)]
pub struct Probed {
    pub status: u16,
    pub bytes: u64,
    /// The body's start, as text.
    pub body: String,
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
    /// The snapshot's facts, or why it is not whole.
    pub read: Option<Result<TraceFacts, Damage>>,
}

/// Which profile `go test` is asked to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileKind {
    Cpu,
    /// `-memprofile` at `-memprofilerate=1`: alloc_* and inuse_* sample types.
    Memory,
    Block,
    Mutex,
    /// Written by the exercise's own test code at the moment it chooses, to the
    /// path in [`GOROUTINE_PROFILE_ENV`]: `go test` has no flag for it.
    Goroutine,
    /// The goroutines the runtime finds leaked (Go 1.27 and newer): blocked
    /// on something no running goroutine can reach. `go test` has no flag for
    /// it either: the check compiles in a `TestMain` that writes it once the
    /// tests and benchmarks are over, to the path in [`GOROUTINELEAK_PROFILE_ENV`]
    /// (see `run::leak_main`); a serve run fetches `/debug/pprof/goroutineleak`.
    #[serde(rename = "goroutineleak")]
    GoroutineLeak,
}

/// The environment variable that tells the `TestMain` a check compiles in
/// where to write the goroutine-leak profile.
pub const GOROUTINELEAK_PROFILE_ENV: &str = "WORKSHOP_GOROUTINELEAK_PROFILE";

/// The first Go whose runtime writes the goroutine-leak profile.
pub const GOROUTINELEAK_GO: crate::exec::GoVersion = crate::exec::GoVersion::new(1, 27, 0);

/// The environment variable that tells a test where to write its goroutine profile.
pub const GOROUTINE_PROFILE_ENV: &str = "WORKSHOP_GOROUTINE_PROFILE";

impl ProfileKind {
    pub fn name(self) -> &'static str {
        match self {
            ProfileKind::Cpu => "cpu",
            ProfileKind::Memory => "memory",
            ProfileKind::Block => "block",
            ProfileKind::Mutex => "mutex",
            ProfileKind::Goroutine => "goroutine",
            ProfileKind::GoroutineLeak => "goroutineleak",
        }
    }

    /// Every kind, in the order runs are made.
    pub const ALL: [ProfileKind; 6] = [
        ProfileKind::Cpu,
        ProfileKind::Memory,
        ProfileKind::Block,
        ProfileKind::Mutex,
        ProfileKind::Goroutine,
        ProfileKind::GoroutineLeak,
    ];

    /// The `-test.*` flags that write this profile to `file` (in -outputdir).
    pub fn flags(self, file: &str) -> Vec<String> {
        match self {
            ProfileKind::Cpu => vec![format!("-test.cpuprofile={file}")],
            ProfileKind::Memory => vec![
                format!("-test.memprofile={file}"),
                "-test.memprofilerate=1".into(),
            ],
            ProfileKind::Block => vec![
                format!("-test.blockprofile={file}"),
                "-test.blockprofilerate=1".into(),
            ],
            ProfileKind::Mutex => vec![
                format!("-test.mutexprofile={file}"),
                "-test.mutexprofilefraction=1".into(),
            ],
            ProfileKind::Goroutine | ProfileKind::GoroutineLeak => Vec::new(),
        }
    }

    /// The sample type a goal reads when it names none.
    pub fn default_sample(self) -> &'static str {
        match self {
            ProfileKind::Cpu => "cpu",
            ProfileKind::Memory => "alloc_space",
            ProfileKind::Block | ProfileKind::Mutex => "delay",
            ProfileKind::Goroutine => "goroutine",
            ProfileKind::GoroutineLeak => "goroutineleak",
        }
    }

    /// The sample types this profile has, for validating check files.
    pub fn sample_types(self) -> &'static [&'static str] {
        match self {
            ProfileKind::Cpu => &["samples", "cpu"],
            ProfileKind::Memory => &[
                "alloc_objects",
                "alloc_space",
                "inuse_objects",
                "inuse_space",
            ],
            ProfileKind::Block | ProfileKind::Mutex => &["contentions", "delay"],
            ProfileKind::Goroutine => &["goroutine"],
            ProfileKind::GoroutineLeak => &["goroutineleak"],
        }
    }
}

impl fmt::Display for ProfileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The samples a CPU profile took (its ticks), 0 for other profiles.
pub fn cpu_samples(profile: &Profile) -> u64 {
    profile
        .sample_index("samples")
        .map_or(0, |samples| profile.total(samples).max(0) as u64)
}
