//! Goals: what an exercise asks of the attendee's code, and their evaluation
//! against facts measured from the artifacts of `go test` runs.
//!
//! A goal kind says which artifacts it needs ([`Requirement`]) and turns the
//! measured [`Facts`] into an [`Outcome`]. The check runner only plans runs from
//! requirements and hands over facts, so a new kind does not touch it.

mod bench_metric;
pub mod profile;
pub mod relative;
pub mod trace;

use std::collections::BTreeMap;
use std::fmt;

pub use bench_metric::BenchMetric;
pub use profile::{
    GOROUTINE_PROFILE_ENV, Measure, ProfileFacts, ProfileFunction, ProfileKind, ProfilePairs,
    ProfileTotal, cpu_samples,
};
pub use relative::{Baseline, BenchRelative};
pub use trace::{
    FlightRecorder, GoroutineMeasure, MeasuredTrace, SNAPSHOT_ENV, Snapshot, TraceBlocked,
    TraceGoroutines, TraceLeaks, TraceLogs, TraceRegions, TraceTasks,
};

use crate::bench::BenchOutput;

/// One goal of an exercise.
#[derive(Debug, Clone)]
pub struct Goal {
    pub id: String,
    /// Shown under the goal when it is not met: what the number means.
    pub explain: Option<String>,
    /// Shown beside the goal when it is not met: what to try.
    pub hint: Option<String>,
    pub kind: GoalKind,
}

/// What is measured and how it is judged.
#[derive(Debug, Clone)]
pub enum GoalKind {
    BenchMetric(BenchMetric),
    BenchRelative(BenchRelative),
    ProfileFunction(ProfileFunction),
    ProfileTotal(ProfileTotal),
    TraceLeaks(TraceLeaks),
    TraceGoroutines(TraceGoroutines),
    TraceTasks(TraceTasks),
    TraceRegions(TraceRegions),
    TraceLogs(TraceLogs),
    TraceBlocked(TraceBlocked),
    FlightRecorder(FlightRecorder),
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

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.sign(), format_number(self.limit()))
    }
}

/// An artifact that a goal needs measured.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Requirement {
    /// The benchmark output of the named run, made without any profiling.
    Benchmarks { run: String },
    /// A profile written by its own execution of the named run.
    Profile { run: String, profile: ProfileKind },
    /// The same profile, taken in alternating runs of the pristine starter
    /// and the attendee's code, one profile per run.
    ProfilePairs { run: String, profile: ProfileKind },
    /// An execution trace (`-trace`) of its own execution of the named run.
    Trace { run: String },
    /// A flight-recorder snapshot the code writes during the named run.
    Snapshot { run: String },
    /// The named run's benchmarks on the starter and on the attendee's code.
    Baseline { run: String },
}

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
    pub package_dir: std::path::PathBuf,
}

/// The verdict on one goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// Too little data to judge; not a pass.
    Inconclusive,
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
    /// The bound as written, e.g. `≤ 2`.
    #[serde(skip)]
    pub bound: Option<Bound>,
    pub threshold: Option<f64>,
    pub unit: Option<String>,
    /// Why the goal is not met, in a sentence (empty when met).
    pub explanation: Option<String>,
    pub evidence: Vec<String>,
    pub hint: Option<String>,
}

impl Goal {
    /// The kind's name as written in check files.
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            GoalKind::BenchMetric(_) => "bench-metric",
            GoalKind::BenchRelative(_) => "bench-relative",
            GoalKind::ProfileFunction(_) => "profile-function",
            GoalKind::ProfileTotal(_) => "profile-total",
            GoalKind::TraceLeaks(_) => "trace-leaks",
            GoalKind::TraceGoroutines(_) => "trace-goroutines",
            GoalKind::TraceTasks(_) => "trace-tasks",
            GoalKind::TraceRegions(_) => "trace-regions",
            GoalKind::TraceLogs(_) => "trace-logs",
            GoalKind::TraceBlocked(_) => "trace-blocked",
            GoalKind::FlightRecorder(_) => "flight-recorder",
        }
    }

    pub fn requirements(&self) -> Vec<Requirement> {
        match &self.kind {
            GoalKind::BenchMetric(goal) => goal.requirements(),
            GoalKind::BenchRelative(goal) => goal.requirements(),
            GoalKind::ProfileFunction(goal) => goal.requirements(),
            GoalKind::ProfileTotal(goal) => goal.requirements(),
            GoalKind::TraceLeaks(goal) => goal.requirements(),
            GoalKind::TraceGoroutines(goal) => goal.requirements(),
            GoalKind::TraceTasks(goal) => goal.requirements(),
            GoalKind::TraceRegions(goal) => goal.requirements(),
            GoalKind::TraceLogs(goal) => goal.requirements(),
            GoalKind::TraceBlocked(goal) => goal.requirements(),
            GoalKind::FlightRecorder(goal) => goal.requirements(),
        }
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = match &self.kind {
            GoalKind::BenchMetric(goal) => goal.evaluate(facts),
            GoalKind::BenchRelative(goal) => goal.evaluate(facts),
            GoalKind::ProfileFunction(goal) => goal.evaluate(facts),
            GoalKind::ProfileTotal(goal) => goal.evaluate(facts),
            GoalKind::TraceLeaks(goal) => goal.evaluate(facts),
            GoalKind::TraceGoroutines(goal) => goal.evaluate(facts),
            GoalKind::TraceTasks(goal) => goal.evaluate(facts),
            GoalKind::TraceRegions(goal) => goal.evaluate(facts),
            GoalKind::TraceLogs(goal) => goal.evaluate(facts),
            GoalKind::TraceBlocked(goal) => goal.evaluate(facts),
            GoalKind::FlightRecorder(goal) => goal.evaluate(facts),
        };
        outcome.id = self.id.clone();
        outcome.kind = self.kind_name();
        if outcome.status != Status::Pass {
            if let Some(explain) = &self.explain {
                outcome.explanation = Some(match outcome.explanation {
                    Some(measured) => format!("{measured}. {explain}"),
                    None => explain.clone(),
                });
            }
            outcome.hint = self.hint.clone();
        }
        outcome
    }
}

/// A number as people write it: integers without decimals, others with up to
/// three significant decimals.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 100.0 {
        format!("{value:.1}")
    } else {
        let text = format!("{value:.3}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
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

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(1999.0), "1999");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.12345), "0.123");
        assert_eq!(format_number(812345.25), "812345.2");
    }
}
