//! What the trace goal kinds share: the trace of a run, which goroutines are
//! the exercise's own, and lists of the names a trace holds for "found ...;
//! expected ..." evidence. Traces come from their own `go test -trace` run;
//! snapshots from the exercise's code, written to the path the runner puts in
//! [`SNAPSHOT_ENV`].

use std::collections::BTreeMap;
use std::path::Path;

use super::{Facts, MeasuredTrace, Outcome, Requirement, Status};
use crate::trace::facts::{FrameInfo, Goroutine};

/// The environment variable naming where a flight-recorder snapshot goes.
pub const SNAPSHOT_ENV: &str = "WORKSHOP_SNAPSHOT";

/// What every trace goal needs: a trace of its own run.
pub(super) fn traced(run: &str) -> Vec<Requirement> {
    vec![Requirement::Trace {
        run: run.to_owned(),
    }]
}

/// The trace of `run`; without one the goal is inconclusive.
pub(super) fn trace<'a>(
    facts: &'a Facts,
    run: &str,
    outcome: &mut Outcome,
) -> Option<&'a MeasuredTrace> {
    let found = facts.traces.get(run);
    if found.is_none() {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!("run `{run}` wrote no trace"));
    }
    found
}

/// Whether a goroutine was created by code in the exercise's package.
pub(super) fn created_in(goroutine: &Goroutine, package_dir: &Path) -> bool {
    goroutine
        .creation_stack
        .iter()
        .any(|f| Path::new(&f.file).starts_with(package_dir))
}

/// The innermost frame of a stack in the exercise's package.
pub(super) fn in_package<'a>(stack: &'a [FrameInfo], package_dir: &Path) -> Option<&'a FrameInfo> {
    stack
        .iter()
        .find(|f| Path::new(&f.file).starts_with(package_dir))
}

/// Names and counts of what a trace holds, for "found ...; expected ..." evidence.
pub(super) fn inventory<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    if counts.is_empty() {
        return "none".to_owned();
    }
    counts
        .iter()
        .map(|(name, n)| format!("{} ({n})", if name.is_empty() { "(unnamed)" } else { name }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Traces for the kinds' tests.
#[cfg(test)]
pub(super) mod testing {
    use std::path::{Path, PathBuf};

    use crate::goals::{Facts, MeasuredTrace};
    use crate::trace::facts::Facts as TraceFacts;

    pub fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/traces")
            .join(name)
    }

    /// The facts of a corpus trace, with the directory of the program that wrote
    /// it (as recorded in the trace) as the "exercise package".
    pub fn facts(name: &str) -> Facts {
        let trace = TraceFacts::read(&fixture(name)).unwrap();
        let package_dir = trace
            .goroutines
            .iter()
            .flat_map(|g| g.creation_stack.iter().chain(g.last_stack.iter()))
            .find(|f| f.file.ends_with("/gen/basic.go") || f.file.ends_with("/gen/main.go"))
            .map(|f| Path::new(&f.file).parent().unwrap().to_owned())
            .expect("a frame of the generator");
        let mut facts = Facts {
            package_dir,
            ..Facts::default()
        };
        facts.traces.insert(
            "bench".into(),
            MeasuredTrace {
                facts: trace,
                ops: 1,
            },
        );
        facts
    }
}
