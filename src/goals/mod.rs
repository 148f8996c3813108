//! Goals: what an exercise asks of the attendee's code, and their evaluation
//! against facts measured from the artifacts of `go test` runs.
//!
//! A goal kind lives in one file under [`kinds`]: the keys it takes in a check
//! file, their validation, the artifacts it needs ([`Requirement`]) and how it
//! turns the measured [`Facts`] into an [`Outcome`]. The [`registry`] lists the
//! kinds by name; the manifest reads goals through it and the check runner only
//! plans runs from requirements and hands over facts, so a new kind touches
//! neither.

mod checker;
pub mod compiler;
mod facts;
pub mod kinds;
pub mod labels;
mod leak;
pub mod load;
pub mod picture;
pub mod profile;
mod read;
pub mod registry;
pub mod since;
mod skip;
pub mod trace;
pub mod versus;

use std::fmt;

pub use checker::{Checker, Domain, RunInfo};
pub use facts::{
    Baseline, Damage, Facts, GOROUTINE_PROFILE_ENV, GOROUTINELEAK_GO, GOROUTINELEAK_PROFILE_ENV,
    LoadPairs, LoadRound, MeasuredTrace, PgoProfile, Probe, Probed, ProfileFacts, ProfileKind,
    ProfilePairs, ProgramFacts, Snapshot, cpu_samples,
};
pub use kinds::GoalKind;
pub(crate) use read::read_goal;
pub use registry::Kind;
pub use skip::Skip;
pub use trace::SNAPSHOT_ENV;

/// One goal of an exercise.
#[derive(Debug, Clone)]
pub struct Goal {
    pub id: String,
    /// What the starter does with this goal: `verify` requires exactly that.
    pub starter: OnStarter,
    /// Shown under the goal when it is not met: what the number means.
    pub explain: Option<crate::i18n::Text>,
    /// Shown beside the goal when it is not met: what to try.
    pub hint: Option<crate::i18n::Text>,
    /// The Go version this goal needs beyond its exercise's (its `go:` key,
    /// when higher): an older Go leaves the goal out of the check, skipped.
    pub go: Option<crate::exec::GoVersion>,
    pub kind: GoalKind,
}

/// What a goal does on the starter, as `verify` requires it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnStarter {
    /// The starter fails the goal: the exercise asks for it.
    #[default]
    Fails,
    /// The starter meets it already, on purpose (a goal that guards what must
    /// not get worse).
    Met,
}

/// How many functions a goal's pattern matched in the profile or trace it read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Matched {
    /// The pattern as written.
    pub pattern: String,
    pub functions: usize,
    /// The functions that stand out there, for when the pattern matched none.
    pub top: Vec<String>,
    /// Where the functions were looked for and what `top` holds: `profile`
    /// (its heaviest functions), `trace` (the functions that created
    /// goroutines) or `labels` (samples carrying a label; `top`: the keys there).
    #[serde(skip)]
    pub within: &'static str,
    /// In a trace: goroutines created by the exercise's own package (a frame
    /// of their creation stack in its directory) that the pattern left out.
    #[serde(skip)]
    pub missed: u64,
}

/// An inclusive bound on a measured value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    AtMost(f64),
    AtLeast(f64),
    Exactly(f64),
}

impl Bound {
    pub fn holds(self, value: f64) -> bool {
        match self {
            Bound::AtMost(limit) => value <= limit,
            Bound::AtLeast(limit) => value >= limit,
            Bound::Exactly(limit) => value == limit,
        }
    }

    pub fn limit(self) -> f64 {
        match self {
            Bound::AtMost(limit) | Bound::AtLeast(limit) | Bound::Exactly(limit) => limit,
        }
    }

    /// The comparison sign: `≤`, `≥` or `=`.
    pub fn sign(self) -> &'static str {
        match self {
            Bound::AtMost(_) => "≤",
            Bound::AtLeast(_) => "≥",
            Bound::Exactly(_) => "=",
        }
    }
}

impl Bound {
    /// The bound in `unit`, precise enough to read differently from `value`
    /// when it differs from it: `≤ 0`, beside a value of `3.3e-5`.
    pub fn against(self, value: f64, unit: &str) -> String {
        format!(
            "{} {}",
            self.sign(),
            crate::units::beside(self.limit(), &[value], unit)
        )
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.sign(), crate::units::number(self.limit()))
    }
}

/// An artifact that a goal needs measured.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Requirement {
    /// The benchmark output of the named run, made without any profiling.
    Benchmarks { run: String },
    /// A profile written by its own execution of the named run, with at least
    /// `min_samples` samples to judge (a thin CPU profile is taken again).
    Profile {
        run: String,
        profile: ProfileKind,
        min_samples: u64,
    },
    /// The same profile, taken in alternating runs of the pristine starter
    /// and the attendee's code, one profile per run.
    ProfilePairs { run: String, profile: ProfileKind },
    /// An execution trace (`-trace`) of its own execution of the named run.
    Trace { run: String },
    /// A flight-recorder snapshot the code writes during the named run.
    Snapshot { run: String },
    /// The named run's benchmarks on the starter and on the attendee's code.
    Baseline { run: String },
    /// A round of load on the named run's server, with no profiler on.
    Load { run: String },
    /// Rounds of load on the starter's server and the attendee's, alternating.
    LoadPairs { run: String },
    /// The answer to `method url` (placeholders unfilled) from the named run's
    /// server, once it is ready.
    Endpoint {
        run: String,
        method: String,
        url: String,
    },
    /// The compiler's decisions about the exercise's package, as the check
    /// compiles it: no run.
    Compiler,
    /// The exercise's package built as a command with the check's flags, and
    /// its build information; no run reads it.
    Program,
}

impl Requirement {
    /// The run it reads (none, `""`, for the program's build).
    pub fn run(&self) -> &str {
        match self {
            Requirement::Program => "",
            Requirement::Benchmarks { run }
            | Requirement::Profile { run, .. }
            | Requirement::ProfilePairs { run, .. }
            | Requirement::Trace { run }
            | Requirement::Snapshot { run }
            | Requirement::Baseline { run }
            | Requirement::Load { run }
            | Requirement::LoadPairs { run }
            | Requirement::Endpoint { run, .. } => run,
            Requirement::Compiler => "",
        }
    }

    /// Whether a run of this shape can give it.
    pub fn fits(&self, run: &RunInfo<'_>) -> bool {
        match self {
            Requirement::Program => true,
            Requirement::Benchmarks { .. }
            | Requirement::Baseline { .. }
            | Requirement::Snapshot { .. } => !run.serves,
            Requirement::Load { .. } | Requirement::LoadPairs { .. } => run.loads,
            Requirement::Endpoint { .. } => run.serves,
            Requirement::Compiler => true,
            Requirement::Profile { .. }
            | Requirement::ProfilePairs { .. }
            | Requirement::Trace { .. } => !run.serves || run.loads,
        }
    }
}

/// The verdict on one goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// Too little data to judge; not a pass.
    Inconclusive,
    /// Not judged at all: left out of the check (see [`Outcome::skip`]).
    Skipped,
}

/// A goal's verdict with the numbers and evidence behind it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    pub id: String,
    pub kind: &'static str,
    pub status: Status,
    /// What was measured, e.g. `BenchmarkJoin allocs/op`.
    pub subject: String,
    pub measured: Option<f64>,
    /// The values `measured` summarises, one per repeat, when there are several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub samples: Vec<f64>,
    /// For goals over the functions of a profile: what the pattern matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<Matched>,
    /// The bound as written, e.g. `≤ 2`.
    #[serde(skip)]
    pub bound: Option<Bound>,
    pub threshold: Option<f64>,
    pub unit: Option<String>,
    /// What is wanted, in words, when it is not a number (`not served`).
    #[serde(skip)]
    pub want: Option<String>,
    /// What the headline shows in place of the value, when the value alone
    /// would mislead: a ratio to the starter that the rank test cannot tell
    /// from noise reads "no significant difference (p=0.31)".
    #[serde(skip)]
    pub shown: Option<String>,
    /// The p-value of the rank test behind a goal judged against the starter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p: Option<f64>,
    /// Why the goal is not met, in a sentence (empty when met).
    pub explanation: Option<String>,
    pub evidence: Vec<String>,
    pub hint: Option<String>,
    /// For goals on a profile, when the starter's is kept beside it: the
    /// functions whose share changed most since the starter (never judged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_starter: Option<since::SinceStarter>,
    /// For goals on a trace: the levels over time that bear on the goal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picture: Option<picture::Picture>,
    /// The artifact Go's viewers would show for this goal.
    #[serde(skip)]
    pub looks_at: Option<Look>,
    /// Why the goal was left out of the check, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip: Option<Skip>,
}

/// An artifact of a check that Go's viewers open: a profile of a kind, or a
/// trace (a flight-recorder snapshot is one too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Profile(ProfileKind),
    Trace,
}

impl Look {
    /// What a goal with these requirements reads that a viewer can show.
    pub fn of(requirements: &[Requirement]) -> Option<Look> {
        requirements.iter().find_map(|r| match r {
            Requirement::Profile { profile, .. } | Requirement::ProfilePairs { profile, .. } => {
                Some(Look::Profile(*profile))
            }
            Requirement::Trace { .. } | Requirement::Snapshot { .. } => Some(Look::Trace),
            _ => None,
        })
    }
}

impl Outcome {
    /// A goal not met yet, about `subject`, judged against `bound`.
    pub fn new(subject: String, bound: Option<Bound>) -> Outcome {
        Outcome {
            id: String::new(),
            kind: "",
            status: Status::Fail,
            subject,
            measured: None,
            samples: Vec::new(),
            matched: None,
            bound,
            threshold: bound.map(Bound::limit),
            unit: None,
            want: None,
            shown: None,
            p: None,
            explanation: None,
            evidence: Vec::new(),
            hint: None,
            since_starter: None,
            picture: None,
            looks_at: None,
            skip: None,
        }
    }

    /// Marks the goal inconclusive, saying why.
    pub fn inconclusive(mut self, why: String) -> Outcome {
        self.status = Status::Inconclusive;
        self.explanation = Some(why);
        self
    }

    /// Puts a goal's failing condition in its headline: what is measured, the
    /// value and the bound (a goal of several conditions shows the one that fails).
    pub fn headline(&mut self, subject: String, measured: f64, bound: Bound) {
        self.subject = subject;
        self.measured = Some(measured);
        self.bound = Some(bound);
        self.threshold = Some(bound.limit());
    }

    /// Records the measured value and whether it meets the bound.
    pub fn judge(&mut self, value: f64) -> bool {
        self.measured = Some(value);
        let met = self.bound.is_some_and(|b| b.holds(value));
        if met {
            self.status = Status::Pass;
        }
        met
    }
}

impl Goal {
    /// The kind's name as written in check files.
    pub fn kind_name(&self) -> &'static str {
        self.kind.name()
    }

    pub fn requirements(&self) -> Vec<Requirement> {
        self.kind.requirements()
    }

    /// The outcome of this goal left out of a check, for `skip`'s reason.
    pub fn skipped(&self, skip: Skip) -> Outcome {
        let mut outcome = Outcome::new(String::new(), None);
        outcome.id = self.id.clone();
        outcome.kind = self.kind_name();
        outcome.status = Status::Skipped;
        outcome.explanation = Some(crate::tr!(
            "gate-goal-needs-go",
            go = skip.go.clone(),
            found = skip.found.clone()
        ));
        outcome.skip = Some(skip);
        outcome
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = self.kind.evaluate(facts);
        outcome.id = self.id.clone();
        outcome.kind = self.kind_name();
        if outcome.status != Status::Pass {
            if let Some(explain) = &self.explain {
                let explain = explain.read();
                outcome.explanation = Some(match outcome.explanation {
                    Some(measured) => crate::tr!(
                        "explanation-then-explain",
                        measured = measured,
                        explain = explain
                    ),
                    None => explain.to_owned(),
                });
            }
            outcome.hint = self.hint.as_ref().map(|h| h.read().to_owned());
        }
        outcome
    }
}

/// Facts for the kinds' tests.
#[cfg(test)]
pub(crate) mod testing {
    use std::time::Duration;

    use super::{Facts, LoadPairs, LoadRound};
    use crate::http::load::Pace;

    /// A round of one second: answers 200 after each latency (ns) of `ok` and
    /// of `slow`, and `failed` answers 503 after a microsecond.
    pub fn round(ok: &[u64], slow: &[u64], failed: u64) -> LoadRound {
        let mut round = LoadRound::new(Pace::Closed, 4);
        for ns in ok.iter().chain(slow) {
            round.answered(Duration::from_nanos(*ns), 200, true, 10);
        }
        for _ in 0..failed {
            round.answered(Duration::from_micros(1), 503, false, 0);
        }
        round.elapsed = Duration::from_secs(1);
        round
    }

    /// Facts with `round` as the load round of run `load`.
    pub fn with_load(round: LoadRound) -> Facts {
        let mut facts = Facts::default();
        facts.loads.insert("load".into(), round);
        facts
    }

    /// Facts with rounds against the starter for run `load`.
    pub fn with_pairs(starter: Vec<LoadRound>, mine: Vec<LoadRound>) -> Facts {
        let mut facts = Facts::default();
        facts
            .load_pairs
            .insert("load".into(), LoadPairs { starter, mine });
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_inclusive() {
        assert!(Bound::AtMost(2.0).holds(2.0));
        assert!(!Bound::AtMost(2.0).holds(2.5));
        assert!(Bound::AtLeast(2.0).holds(2.0));
        assert_eq!(Bound::AtMost(32768.0).to_string(), "≤ 32768");
    }
}
