//! What every step of a check works in: the exercise, its tree, the go tool
//! and the run directory; the test binaries it runs there, and reading what a
//! run wrote.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::protected::Protection;
use super::{CheckError, CheckEvent, Failure, Listener, Stop, Tree, hang};
use crate::bench;
use crate::exec::{BuildFlags, Finished, GoError, GoTool, TestRun};
use crate::goals::{Damage, GOROUTINE_PROFILE_ENV, GOROUTINELEAK_PROFILE_ENV, ProfileKind};
use crate::manifest::{Exercise, RunSpec};
use crate::tr;

/// How long building a test binary may take (a cold build cache compiles the
/// standard library's testing packages too).
pub(super) const BUILD_TIMEOUT: Duration = Duration::from_secs(600);

/// Where one check works.
pub(super) struct Scope<'a> {
    pub exercise: &'a Exercise,
    pub tree: &'a Tree,
    pub go: &'a GoTool,
    /// `.workshop/runs/<id>/`: binaries, logs, profiles and traces.
    pub run_dir: PathBuf,
    /// The package as compiled, in the tree's module (where the compiler,
    /// and so every stack, places its files).
    pub package_dir: PathBuf,
    /// Who hears how the check goes.
    pub listener: Listener<'a>,
    /// How the attendee's code is compiled and run with the workshop's
    /// protected files.
    pub protection: Protection,
}

impl Scope<'_> {
    /// How the attendee's code is compiled: the check file's flags, with the
    /// overlay that takes the protected files from the workshop's copies.
    pub fn mine_flags(&self) -> BuildFlags {
        BuildFlags {
            overlay: self.protection.overlay.clone(),
            ..self.exercise.build.clone()
        }
    }

    /// Tells the listener that `done` of the `total` runs of `step` are made.
    pub fn progress(&self, step: &str, done: u32, total: u32) {
        (self.listener)(&CheckEvent::RunProgress {
            exercise: &self.exercise.id,
            step,
            done,
            total,
        });
    }
}

/// The benchmark output of a run that finished well; a hang or a failure
/// stops the check. `what` is the step in the chosen language and its key in
/// English.
pub(super) fn succeeded(
    finished: &Finished,
    (what, key): (&str, &str),
    spec: &RunSpec,
    package_dir: &Path,
) -> Result<bench::BenchOutput, Stop> {
    if let Some(hang) = hung(finished, key, spec.timeout, package_dir) {
        return Err(Stop::failed(hang_message(what, &hang), hang));
    }
    if !finished.success() {
        return Err(Stop::failed(
            tr!("run-step-failed", what = what),
            Failure::Benchmark {
                run: spec.name.clone(),
                output: finished.output.clone(),
                cut: finished.cut.clone(),
            },
        ));
    }
    Ok(bench::parse(&finished.output))
}

/// Reads the `kind` profile a run of `spec` wrote. A profile of the
/// attendee's code (`mine`) that its reader finds damaged, cut short or not a
/// profile at all is theirs to see: the goals on it fail with the reader's
/// words (`Ok(Err)`). A file that cannot be read, or a damaged profile of the
/// pristine starter, stops the check: the runner could not measure.
pub(super) fn read_profile(
    path: &Path,
    spec: &RunSpec,
    kind: ProfileKind,
    mine: bool,
) -> Result<Result<crate::pprof::Profile, Damage>, CheckError> {
    match crate::pprof::Profile::read(path) {
        Ok(profile) => Ok(Ok(profile)),
        Err(source) if mine && source.is_damage() => Ok(Err(Damage::profile(path, &source))),
        Err(source) => Err(CheckError::Profile {
            run: spec.name.clone(),
            kind,
            path: path.to_owned(),
            source,
        }),
    }
}

/// Reads the trace of the attendee's code that run `run` wrote, as
/// [`read_profile`] does: a damaged one is theirs to see (`Ok(Err)`); one
/// that cannot be read, or of a format this reader does not know, stops the
/// check.
pub(super) fn read_trace(
    path: &Path,
    run: &str,
) -> Result<Result<crate::trace::facts::Facts, Damage>, CheckError> {
    match crate::trace::facts::Facts::read(path) {
        Ok(facts) => Ok(Ok(facts)),
        Err(source) if source.is_damage() => Ok(Err(Damage::trace(path, &source))),
        Err(source) => Err(CheckError::Trace {
            run: run.to_owned(),
            path: path.to_owned(),
            source,
        }),
    }
}

/// Sets up a run to write a `kind` profile to `path`: by the test binary's
/// flags, or (goroutine profiles, which `go test` cannot write) by the path the
/// test itself writes to.
pub(super) fn write_profile(
    kind: ProfileKind,
    path: &Path,
    args: &mut Vec<String>,
    env: &mut Vec<(String, String)>,
) {
    let path = path.display().to_string();
    if kind == ProfileKind::Goroutine {
        env.push((GOROUTINE_PROFILE_ENV.to_owned(), path));
    } else if kind == ProfileKind::GoroutineLeak {
        env.push((GOROUTINELEAK_PROFILE_ENV.to_owned(), path));
    } else {
        args.extend(kind.flags(&path));
    }
}

/// Extra time past Go's own `-test.timeout` before the runner kills the binary:
/// a quarter of the timeout, between 1 and 10 seconds.
fn kill_margin(timeout: Duration) -> Duration {
    (timeout / 4).clamp(Duration::from_secs(1), Duration::from_secs(10))
}

/// A test binary, the directory it runs in, and the directory it writes to.
pub(super) struct TestBinary<'a> {
    pub go: &'a GoTool,
    pub binary: PathBuf,
    /// Where it runs, as `go test` would: its package directory (or a staged
    /// copy of it with the workshop's test data).
    pub package_dir: PathBuf,
    pub run_dir: PathBuf,
}

impl TestBinary<'_> {
    /// Runs it with a deadline; anything it writes by name (profiles, traces)
    /// lands in the run directory under .workshop/.
    pub fn run(
        &self,
        mut args: Vec<String>,
        env: Vec<(String, String)>,
        log: &Path,
        timeout: Duration,
    ) -> Result<Finished, GoError> {
        args.push(format!("-test.outputdir={}", self.run_dir.display()));
        self.go.run_test(&TestRun {
            binary: &self.binary,
            package_dir: &self.package_dir,
            args,
            output: log,
            timeout: timeout + kill_margin(timeout),
            env,
        })
    }
}

/// The failure of a run that hung, when it did: the runner killed the binary,
/// Go's own test timeout fired, or the runtime found every goroutine blocked.
pub(super) fn hung(
    finished: &Finished,
    step: &str,
    timeout: Duration,
    package_dir: &Path,
) -> Option<Failure> {
    let go_timeout = finished.output.contains("panic: test timed out after");
    let deadlock = finished
        .output
        .contains("all goroutines are asleep - deadlock!");
    let stopped = finished.timed_out || finished.interrupted || go_timeout || deadlock;
    stopped.then(|| Failure::Hang {
        step: step.to_owned(),
        deadlock: deadlock && !finished.timed_out && !finished.interrupted && !go_timeout,
        interrupted: finished.interrupted,
        timeout,
        report: hang::hang_report(&finished.output, package_dir),
        output: finished.output.clone(),
        cut: finished.cut.clone(),
    })
}

/// What to say of a hang of `what`.
pub(super) fn hang_message(what: &str, failure: &Failure) -> String {
    match failure {
        Failure::Hang {
            interrupted: true, ..
        } => tr!("run-hang-interrupted", what = what),
        Failure::Hang { deadlock: true, .. } => tr!("run-hang-deadlock", what = what),
        _ => tr!("run-hang-timeout", what = what),
    }
}
