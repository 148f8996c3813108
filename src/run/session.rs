//! One check in progress: the exercise, its tree, the go tool and the run
//! directory, the steps taken and the artifacts made so far. Each step returns
//! `Result<T, Stop>`, so the first failure or error ends the pipeline with `?`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::baseline;
use super::plan::{Collect, Invocation, bench_args, go_duration, plan};
use super::starter::StarterBuild;
use super::{CheckError, CheckEvent, Failure, Listener, Step, Tree, hang};
use crate::bench;
use crate::exec::{Compiled, Finished, GoError, GoTool, TestRun};
use crate::goals::{
    Facts, GOROUTINE_PROFILE_ENV, MeasuredTrace, ProfileFacts, ProfileKind, SNAPSHOT_ENV, Snapshot,
    cpu_samples,
};
use crate::manifest::{Exercise, RunSpec};

/// How long building the test binary may take (a cold build cache compiles the
/// standard library's testing packages too).
pub(super) const BUILD_TIMEOUT: Duration = Duration::from_secs(600);

/// How many times longer a thin CPU profile may be taken again.
const MAX_PROFILE_SCALE: u32 = 8;

/// Why the pipeline stopped early.
pub(super) enum Stop {
    /// The code failed before its goals could be judged: shown to the attendee.
    Failed(Box<Failed>),
    /// The check could not run.
    Error(CheckError),
}

/// A failure of the attendee's code, and what to say of it.
pub(super) struct Failed {
    pub message: String,
    pub failure: Failure,
}

impl Stop {
    pub fn failed(message: String, failure: Failure) -> Stop {
        Stop::Failed(Box::new(Failed { message, failure }))
    }
}

impl From<CheckError> for Stop {
    fn from(error: CheckError) -> Stop {
        Stop::Error(error)
    }
}

impl From<GoError> for Stop {
    fn from(error: GoError) -> Stop {
        Stop::Error(error.into())
    }
}

/// One check in progress.
pub(super) struct Session<'a> {
    pub exercise: &'a Exercise,
    pub tree: &'a Tree,
    pub go: &'a GoTool,
    pub run_dir: PathBuf,
    pub package_dir: PathBuf,
    pub steps: Vec<Step>,
    pub artifacts: BTreeMap<String, PathBuf>,
    pub starter: StarterBuild,
    listener: Listener<'a>,
}

impl<'a> Session<'a> {
    pub fn new(
        exercise: &'a Exercise,
        tree: &'a Tree,
        go: &'a GoTool,
        run_dir: PathBuf,
        listener: Listener<'a>,
    ) -> Self {
        Session {
            exercise,
            tree,
            go,
            package_dir: exercise.package_dir(&tree.module_dir),
            run_dir,
            steps: Vec::new(),
            artifacts: BTreeMap::new(),
            starter: StarterBuild::Unbuilt,
            listener,
        }
    }

    /// Build, test, then every planned run; the facts they give go to `facts`.
    pub fn pipeline(&mut self, facts: &mut Facts) -> Result<(), Stop> {
        let mine = self.build()?;
        self.tests(&mine)?;
        for invocation in plan(self.exercise) {
            match invocation.collect {
                Collect::Baseline => {
                    let what = invocation.describe();
                    let spec = invocation.run;
                    let found = self.step(&what, |s| baseline::baseline(s, &invocation, &mine))?;
                    if let Some(found) = found {
                        facts.baselines.insert(spec.name.clone(), found);
                    }
                }
                Collect::ProfilePairs(kind) => {
                    let what = invocation.describe();
                    let spec = invocation.run;
                    let found = self.step(&what, |s| {
                        baseline::profile_pairs(s, &invocation, kind, &mine)
                    })?;
                    if let Some(pairs) = found {
                        facts.profile_pairs.insert((spec.name.clone(), kind), pairs);
                    }
                }
                _ => self.measure(&invocation, &mine, facts)?,
            }
        }
        Ok(())
    }

    /// Runs one step, timing it and telling the listener.
    pub fn step<T>(
        &mut self,
        name: &str,
        run: impl FnOnce(&mut Self) -> Result<T, Stop>,
    ) -> Result<T, Stop> {
        let exercise = &self.exercise.id;
        (self.listener)(&CheckEvent::StepStarted {
            exercise,
            step: name,
        });
        let started = Instant::now();
        let result = run(self);
        let elapsed = started.elapsed();
        (self.listener)(&CheckEvent::StepFinished {
            exercise: &self.exercise.id,
            step: name,
            elapsed,
        });
        self.steps.push(Step {
            name: name.to_owned(),
            elapsed,
        });
        result
    }

    /// The attendee's test binary, built once; every run reuses it.
    fn build(&mut self) -> Result<TestBinary<'a>, Stop> {
        let binary = self.run_dir.join("exercise.test");
        let log = self.run_dir.join("build.log");
        let compiled = self.step("build", |s| {
            Ok(s.go.compile_test(
                &s.tree.module_dir,
                &s.exercise.package,
                &binary,
                &log,
                BUILD_TIMEOUT,
            )?)
        })?;
        let binary = match compiled {
            Compiled::Failed(mut failure) => {
                for error in &mut failure.errors {
                    error.file = self
                        .tree
                        .module_label
                        .join(&error.file)
                        .display()
                        .to_string();
                }
                let count = failure.errors.len();
                let plural = if count == 1 { "" } else { "s" };
                let message = if failure.vet {
                    format!(
                        "go vet reports {count} problem{plural} (go test runs it before any test)"
                    )
                } else {
                    format!("the code does not compile ({count} error{plural})")
                };
                return Err(Stop::failed(message, Failure::Build(failure)));
            }
            Compiled::Binary(None) => {
                return Err(CheckError::NoTests(self.package_dir.clone()).into());
            }
            Compiled::Binary(Some(binary)) => binary,
        };
        self.artifacts.insert("test-binary".into(), binary.clone());
        Ok(TestBinary {
            go: self.go,
            binary,
            package_dir: self.package_dir.clone(),
            run_dir: self.run_dir.clone(),
        })
    }

    /// The functional tests first: a fast wrong answer meets no goal.
    fn tests(&mut self, mine: &TestBinary<'_>) -> Result<(), Stop> {
        let tests = &self.exercise.tests;
        let log = self.run_dir.join("tests.log");
        let args = vec![
            format!("-test.run={}", tests.run),
            "-test.bench=^$".into(),
            format!("-test.timeout={}", go_duration(tests.timeout)),
            "-test.paniconexit0".into(),
        ];
        let finished = self.step("tests", |_| {
            Ok(mine.run(args, Vec::new(), &log, tests.timeout)?)
        })?;
        self.artifacts.insert("tests-log".into(), log);
        if let Some(hang) = hang::detect(&finished, "tests", tests.timeout, &self.package_dir) {
            return Err(Stop::failed(hang::message("the tests", &hang), hang));
        }
        if !finished.success() {
            return Err(Stop::failed(
                "the functional tests fail".into(),
                Failure::Tests {
                    output: finished.output,
                },
            ));
        }
        Ok(())
    }

    /// One run of the attendee's code that writes benchmarks, a profile, a
    /// trace or a snapshot. A CPU profile too thin to judge (a fast solution on
    /// a busy machine gets few ticks) is taken again with more repeats.
    fn measure(
        &mut self,
        invocation: &Invocation<'_>,
        mine: &TestBinary<'_>,
        facts: &mut Facts,
    ) -> Result<(), Stop> {
        let spec = invocation.run;
        let label = invocation.label();
        let what = invocation.describe();
        let mut scale = 1;
        loop {
            let log = self.run_dir.join(format!("{label}.txt"));
            let artifact = invocation.artifact().map(|file| self.run_dir.join(file));
            if let Some(path) = &artifact {
                // A file left by an earlier check must not count for this one.
                let _ = std::fs::remove_file(path);
            }
            let mut args = bench_args(&RunSpec {
                count: spec.count * scale,
                ..spec.clone()
            });
            let mut env = Vec::new();
            match (invocation.collect, &artifact) {
                (Collect::Profile(kind), Some(path)) => {
                    write_profile(kind, path, &mut args, &mut env)
                }
                (Collect::Trace, Some(path)) => {
                    args.push(format!("-test.trace={}", path.display()))
                }
                (Collect::Snapshot, Some(path)) => {
                    env.push((SNAPSHOT_ENV.to_owned(), path.display().to_string()))
                }
                _ => {}
            }
            let finished = self.step(&what, |_| Ok(mine.run(args, env, &log, spec.timeout)?))?;
            self.artifacts.insert(label.clone(), log);
            let output = succeeded(&finished, &what, spec, &self.package_dir)?;
            let ops = output.results.iter().map(|r| r.iterations).sum();
            match (invocation.collect, artifact) {
                (Collect::Profile(kind), Some(path)) => {
                    let profile = read_profile(&path, spec, kind)?;
                    let needed = invocation.min_samples;
                    if kind == ProfileKind::Cpu && scale < MAX_PROFILE_SCALE {
                        let have = cpu_samples(&profile);
                        if have < needed {
                            let wanted = (needed * 3 / 2).div_ceil(have.max(1)) as u32;
                            scale = (scale * wanted.clamp(2, 4)).min(MAX_PROFILE_SCALE);
                            continue;
                        }
                    }
                    self.artifacts.insert(format!("profile-{label}"), path);
                    facts
                        .profiles
                        .insert((spec.name.clone(), kind), ProfileFacts { profile, ops });
                }
                (Collect::Trace, Some(path)) => {
                    let trace = crate::trace::facts::Facts::read(&path).map_err(|source| {
                        CheckError::Trace {
                            run: spec.name.clone(),
                            path: path.clone(),
                            source,
                        }
                    })?;
                    self.artifacts.insert(format!("trace-{}", spec.name), path);
                    facts
                        .traces
                        .insert(spec.name.clone(), MeasuredTrace { facts: trace, ops });
                }
                (Collect::Snapshot, Some(path)) => {
                    let size = std::fs::metadata(&path).ok().map(|m| m.len());
                    let read = size.map(|_| {
                        crate::trace::facts::Facts::read(&path)
                            .map_err(|e| crate::display::error_chain(&e))
                    });
                    if size.is_some() {
                        self.artifacts
                            .insert(format!("snapshot-{}", spec.name), path.clone());
                    }
                    facts
                        .snapshots
                        .insert(spec.name.clone(), Snapshot { path, size, read });
                }
                _ => {
                    facts.benchmarks.insert(spec.name.clone(), output);
                }
            }
            return Ok(());
        }
    }
}

/// The benchmark output of a run that finished well; a hang or a failure
/// stops the check.
pub(super) fn succeeded(
    finished: &Finished,
    what: &str,
    spec: &RunSpec,
    package_dir: &Path,
) -> Result<bench::BenchOutput, Stop> {
    if let Some(hang) = hang::detect(finished, what, spec.timeout, package_dir) {
        return Err(Stop::failed(hang::message(what, &hang), hang));
    }
    if !finished.success() {
        return Err(Stop::failed(
            format!("{what} failed"),
            Failure::Benchmark {
                run: spec.name.clone(),
                output: finished.output.clone(),
            },
        ));
    }
    Ok(bench::parse(&finished.output))
}

/// Reads the `kind` profile a run of `spec` wrote.
pub(super) fn read_profile(
    path: &Path,
    spec: &RunSpec,
    kind: ProfileKind,
) -> Result<crate::pprof::Profile, CheckError> {
    crate::pprof::Profile::read(path).map_err(|source| CheckError::Profile {
        run: spec.name.clone(),
        kind,
        path: path.to_owned(),
        source,
    })
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
