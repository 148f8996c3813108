//! The runs a check makes, planned from what its goals require: a plain
//! benchmark run where goals read benchmark metrics, and one more run for each
//! profile, trace or snapshot, because profilers and the tracer interfere with
//! each other and with timings. Also the `-test.*` flags of a run.

use std::time::Duration;

use crate::goals::{ProfileKind, Requirement};
use crate::manifest::{Collectable, Exercise, RunSpec};
use crate::tr;

/// What one execution of the test binary collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collect {
    /// Benchmark output only, with no profiler or tracer on.
    Benchmarks,
    Profile(ProfileKind),
    /// An execution trace (`-trace`).
    Trace,
    /// A flight-recorder snapshot the code writes to the snapshot path.
    Snapshot,
    /// The benchmarks on the starter and on the attendee's code, interleaved.
    Baseline,
    /// A profile per run of the pristine starter and of the attendee's code,
    /// alternating, for goals relative to the starter.
    ProfilePairs(ProfileKind),
    /// A serve run's server, asked for the URLs of endpoint goals.
    Endpoints,
    /// A round of load on a serve run's server, no profiler on.
    Load,
    /// Rounds of load on the starter's server and the attendee's, alternating.
    LoadPairs,
}

impl Collect {
    /// Every kind of run, in the order a check makes them for one run spec.
    fn all() -> impl Iterator<Item = Collect> {
        [Collect::Endpoints, Collect::Benchmarks, Collect::Load]
            .into_iter()
            .chain(
                ProfileKind::ALL
                    .into_iter()
                    .flat_map(|kind| [Collect::Profile(kind), Collect::ProfilePairs(kind)]),
            )
            .chain([
                Collect::Trace,
                Collect::Snapshot,
                Collect::Baseline,
                Collect::LoadPairs,
            ])
    }

    /// Whether this run of `run` gives what `requirement` asks for.
    fn satisfies(self, requirement: &Requirement, run: &str) -> bool {
        match (self, requirement) {
            (Collect::Benchmarks, Requirement::Benchmarks { run: r })
            | (Collect::Trace, Requirement::Trace { run: r })
            | (Collect::Snapshot, Requirement::Snapshot { run: r })
            | (Collect::Baseline, Requirement::Baseline { run: r })
            | (Collect::Load, Requirement::Load { run: r })
            | (Collect::LoadPairs, Requirement::LoadPairs { run: r })
            | (Collect::Endpoints, Requirement::Endpoint { run: r, .. }) => r == run,
            (
                Collect::Profile(kind),
                Requirement::Profile {
                    run: r, profile, ..
                },
            )
            | (Collect::ProfilePairs(kind), Requirement::ProfilePairs { run: r, profile }) => {
                r == run && *profile == kind
            }
            _ => false,
        }
    }
}

/// One execution of the test binary that a check makes.
#[derive(Debug, Clone)]
pub struct Invocation<'a> {
    pub run: &'a RunSpec,
    pub collect: Collect,
    /// The most samples any goal on this profile needs to judge.
    pub min_samples: u64,
}

impl Invocation<'_> {
    pub fn label(&self) -> String {
        let run = &self.run.name;
        match self.collect {
            Collect::Benchmarks => format!("bench-{run}"),
            Collect::Profile(kind) => format!("{run}-{kind}"),
            Collect::Trace => format!("{run}-trace"),
            Collect::Snapshot => format!("{run}-snapshot"),
            Collect::Baseline => format!("{run}-baseline"),
            Collect::ProfilePairs(kind) => format!("{run}-{kind}-pairs"),
            Collect::Endpoints => format!("{run}-endpoints"),
            Collect::Load => format!("load-{run}"),
            Collect::LoadPairs => format!("{run}-load-pairs"),
        }
    }

    /// The file it writes in the run directory, if any.
    pub fn artifact(&self) -> Option<String> {
        match self.collect {
            // The alternating runs name their own files.
            Collect::Benchmarks
            | Collect::Baseline
            | Collect::ProfilePairs(_)
            | Collect::Endpoints
            | Collect::Load
            | Collect::LoadPairs => None,
            Collect::Profile(_) => Some(format!("{}.pprof", self.label())),
            Collect::Trace | Collect::Snapshot => Some(format!("{}.trace", self.label())),
        }
    }

    /// The run as people read it, in the spinner and in messages.
    pub fn describe(&self) -> String {
        let run = &self.run.name;
        match self.collect {
            Collect::Benchmarks => tr!("run-step-benchmarks", run = run),
            Collect::Profile(kind) => tr!("run-step-profile", kind = kind.name(), run = run),
            Collect::Trace => tr!("run-step-trace", run = run),
            Collect::Snapshot => tr!("run-step-snapshot", run = run),
            Collect::Baseline => tr!("run-step-baseline", run = run),
            Collect::ProfilePairs(kind) => {
                tr!("run-step-profile-pairs", kind = kind.name(), run = run)
            }
            Collect::Endpoints => tr!("run-step-endpoints", run = run),
            Collect::Load => tr!("run-step-load", run = run),
            Collect::LoadPairs => tr!("run-step-load-pairs", run = run),
        }
    }
}

/// The runs the goals need, in the order the check file declares its runs.
pub fn plan(exercise: &Exercise) -> Vec<Invocation<'_>> {
    let needed: Vec<Requirement> = exercise
        .goals
        .iter()
        .flat_map(|g| g.requirements())
        .collect();
    let mut invocations = Vec::new();
    for run in &exercise.runs {
        for collect in Collect::all() {
            let wanted: Vec<&Requirement> = needed
                .iter()
                .filter(|r| collect.satisfies(r, &run.name))
                .collect();
            if wanted.is_empty() && !asked_for(run, collect) {
                continue;
            }
            let min_samples = wanted
                .iter()
                .filter_map(|r| match r {
                    Requirement::Profile { min_samples, .. } => Some(*min_samples),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            invocations.push(Invocation {
                run,
                collect,
                min_samples,
            });
        }
    }
    invocations
}

/// Whether a serve run's `collect.profiles` asks for this, goals or not.
fn asked_for(run: &RunSpec, collect: Collect) -> bool {
    let Some(serve) = &run.serve else {
        return false;
    };
    if serve.load.is_none() {
        return false;
    }
    serve.collect.profiles.iter().any(|c| {
        matches!((c, collect), (Collectable::Trace, Collect::Trace))
            || matches!((c, collect), (Collectable::Profile(a), Collect::Profile(b)) if *a == b)
    })
}

/// The `-test.*` flags of a benchmark run; tests are skipped (`-run ^$`).
pub fn bench_args(spec: &RunSpec) -> Vec<String> {
    let mut args = vec![
        format!("-test.run={}", spec.test),
        format!("-test.bench={}", spec.bench),
        format!("-test.count={}", spec.count),
        format!("-test.timeout={}", go_duration(spec.timeout)),
        "-test.paniconexit0".to_owned(),
    ];
    if let Some(benchtime) = &spec.benchtime {
        args.push(format!("-test.benchtime={benchtime}"));
    }
    if spec.benchmem {
        args.push("-test.benchmem".to_owned());
    }
    if let Some(cpu) = &spec.cpu {
        args.push(format!("-test.cpu={cpu}"));
    }
    args
}

/// A duration in Go's `time.ParseDuration` syntax.
pub fn go_duration(duration: Duration) -> String {
    format!("{}ms", duration.as_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_flags() {
        let spec = RunSpec {
            name: "bench".into(),
            bench: "^BenchmarkJoin$".into(),
            test: "^$".into(),
            benchtime: Some("200x".into()),
            count: 3,
            benchmem: true,
            cpu: None,
            timeout: Duration::from_secs(60),
            env: Vec::new(),
            serve: None,
        };
        assert_eq!(
            bench_args(&spec),
            vec![
                "-test.run=^$",
                "-test.bench=^BenchmarkJoin$",
                "-test.count=3",
                "-test.timeout=60000ms",
                "-test.paniconexit0",
                "-test.benchtime=200x",
                "-test.benchmem",
            ]
        );
    }
}
