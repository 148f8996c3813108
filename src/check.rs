//! `workshop check`: one exercise end to end. Compile the test binary once, run the
//! functional tests, make the benchmark runs the goals need, parse what they wrote,
//! and judge every goal. A build error, a failing test or a hang is a failed check
//! (data, shown to the attendee); only "could not run at all" is an error.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::bench;
use crate::goals::{
    Facts, GOROUTINE_PROFILE_ENV, MeasuredTrace, Outcome, ProfileFacts, ProfileKind, ProfilePairs,
    Requirement, SNAPSHOT_ENV, Snapshot, Status,
};
use crate::gotool::dump::{self, HangReport};
use crate::gotool::{BuildFailure, Compiled, GoError, GoInfo, GoTool, GoVersion, TestRun};
use crate::manifest::{Exercise, RunSpec};

/// How long building the test binary may take (a cold build cache compiles the
/// standard library's testing packages too).
const BUILD_TIMEOUT: Duration = Duration::from_secs(600);
/// Extra time past Go's own `-test.timeout` before the runner kills the binary:
/// a quarter of the timeout, between 1 and 10 seconds.
fn kill_margin(timeout: Duration) -> Duration {
    (timeout / 4).clamp(Duration::from_secs(1), Duration::from_secs(10))
}

/// Where a check finds the code and puts what it makes.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The exercises' Go module.
    pub module_dir: PathBuf,
    /// The `.workshop/` directory for binaries, logs and profiles.
    pub work_dir: PathBuf,
    /// How to show the module directory in messages (e.g. `exercises`).
    pub module_label: PathBuf,
    /// The exercise's pristine starter files, for goals relative to the starter.
    pub starter: Option<crate::starter::Files>,
    /// Measure the starter again instead of using cached measurements.
    pub fresh: bool,
}

impl Tree {
    pub fn package_dir(&self, exercise: &Exercise) -> PathBuf {
        self.module_dir.join(&exercise.package)
    }
}

/// Whether a check passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Fail,
}

/// Why a check failed before its goals could be judged.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    /// The package or its tests do not compile.
    Build(BuildFailure),
    /// A functional test failed.
    Tests { output: String },
    /// A benchmark failed (b.Fatal, a panic).
    Benchmark { run: String, output: String },
    /// A run hit its deadline, or every goroutine blocked.
    Hang {
        step: String,
        deadlock: bool,
        #[serde(serialize_with = "crate::report::json::seconds")]
        timeout: Duration,
        report: HangReport,
        output: String,
    },
}

/// One step of a check and how long it took.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    pub name: String,
    #[serde(serialize_with = "crate::report::json::seconds")]
    pub elapsed: Duration,
}

/// Everything a check found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckReport {
    pub exercise: String,
    pub title: String,
    pub status: CheckStatus,
    pub message: Option<String>,
    pub failure: Option<Failure>,
    pub goals: Vec<Outcome>,
    pub artifacts: BTreeMap<String, PathBuf>,
    pub go: GoInfo,
    pub steps: Vec<Step>,
    #[serde(serialize_with = "crate::report::json::seconds")]
    pub elapsed: Duration,
    pub docs: Option<PathBuf>,
}

impl CheckReport {
    pub fn met(&self) -> usize {
        self.goals
            .iter()
            .filter(|g| g.status == Status::Pass)
            .count()
    }
}

/// Why a check could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Go(#[from] GoError),

    #[error(
        "exercise `{exercise}` needs Go {needed} or newer, but `go` is {found}; install a newer Go (see `workshop doctor`)"
    )]
    GoTooOld {
        exercise: String,
        needed: GoVersion,
        found: String,
    },

    #[error("the package {} has no test files (expected *_test.go with the exercise's tests and benchmarks)", crate::paths::display(.0))]
    NoTests(PathBuf),

    #[error(
        "the {kind} profile of run `{run}` cannot be read ({})",
        crate::paths::display(path)
    )]
    Profile {
        run: String,
        kind: ProfileKind,
        path: PathBuf,
        #[source]
        source: crate::pprof::ProfileError,
    },

    #[error(
        "the trace of run `{run}` cannot be read ({})",
        crate::paths::display(path)
    )]
    Trace {
        run: String,
        path: PathBuf,
        #[source]
        source: crate::trace::TraceError,
    },

    #[error("cannot prepare {}", crate::paths::display(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What one execution of the test binary collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Collect {
    /// Benchmark output only, with no profiler or tracer on.
    Benchmarks,
    Profile(ProfileKind),
    /// An execution trace (`-trace`).
    Trace,
    /// A flight-recorder snapshot the code writes to [`SNAPSHOT_ENV`]'s path.
    Snapshot,
    /// The benchmarks on the starter and on the attendee's code, interleaved.
    Baseline,
    /// A profile per run of the pristine starter and of the attendee's code,
    /// alternating, for goals relative to the starter.
    ProfilePairs(ProfileKind),
}

/// One execution of the test binary that a check makes.
#[derive(Debug, Clone)]
struct Invocation<'a> {
    run: &'a RunSpec,
    collect: Collect,
}

impl Invocation<'_> {
    fn label(&self) -> String {
        let run = &self.run.name;
        match self.collect {
            Collect::Benchmarks => format!("bench-{run}"),
            Collect::Profile(kind) => format!("{run}-{kind}"),
            Collect::Trace => format!("{run}-trace"),
            Collect::Snapshot => format!("{run}-snapshot"),
            Collect::Baseline => format!("{run}-baseline"),
            Collect::ProfilePairs(kind) => format!("{run}-{kind}-pairs"),
        }
    }

    /// The file it writes in the run directory, if any.
    fn artifact(&self) -> Option<String> {
        match self.collect {
            // The alternating runs name their own files.
            Collect::Benchmarks | Collect::Baseline | Collect::ProfilePairs(_) => None,
            Collect::Profile(_) => Some(format!("{}.pprof", self.label())),
            Collect::Trace | Collect::Snapshot => Some(format!("{}.trace", self.label())),
        }
    }

    fn describe(&self) -> String {
        let run = &self.run.name;
        match self.collect {
            Collect::Benchmarks => format!("benchmark run `{run}`"),
            Collect::Profile(kind) => format!("{kind} profile run `{run}`"),
            Collect::Trace => format!("traced run `{run}`"),
            Collect::Snapshot => format!("flight-recorder run `{run}`"),
            Collect::Baseline => format!("run `{run}` against the starter"),
            Collect::ProfilePairs(kind) => {
                format!("{kind} profile run `{run}`, alternating with the starter")
            }
        }
    }
}

/// The runs the goals need, in the order the check file declares them: a plain
/// benchmark run where goals read benchmark metrics, and one more run for each
/// profile, trace or snapshot, because profilers and the tracer interfere with
/// each other and with timings.
fn plan(exercise: &Exercise) -> Vec<Invocation<'_>> {
    let needed: Vec<Requirement> = exercise
        .goals
        .iter()
        .flat_map(|g| g.requirements())
        .collect();
    let mut invocations = Vec::new();
    for run in &exercise.runs {
        let name = run.name.clone();
        let mut wanted = vec![(
            Requirement::Benchmarks { run: name.clone() },
            Collect::Benchmarks,
        )];
        for kind in ProfileKind::ALL {
            wanted.push((
                Requirement::Profile {
                    run: name.clone(),
                    profile: kind,
                },
                Collect::Profile(kind),
            ));
            wanted.push((
                Requirement::ProfilePairs {
                    run: name.clone(),
                    profile: kind,
                },
                Collect::ProfilePairs(kind),
            ));
        }
        wanted.push((Requirement::Trace { run: name.clone() }, Collect::Trace));
        wanted.push((
            Requirement::Snapshot { run: name.clone() },
            Collect::Snapshot,
        ));
        wanted.push((
            Requirement::Baseline { run: name.clone() },
            Collect::Baseline,
        ));
        for (requirement, collect) in wanted {
            if needed.contains(&requirement) {
                invocations.push(Invocation { run, collect });
            }
        }
    }
    invocations
}

/// Checks one exercise in `tree`.
pub fn check(exercise: &Exercise, tree: &Tree, go: &GoTool) -> Result<CheckReport, CheckError> {
    let started = Instant::now();
    if let Some(found) = go.info.parsed
        && found < exercise.go
    {
        return Err(CheckError::GoTooOld {
            exercise: exercise.id.clone(),
            needed: exercise.go,
            found: go.info.version.clone(),
        });
    }
    let run_dir = tree.work_dir.join("runs").join(&exercise.id);
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| CheckError::Io { path, source }
    };
    std::fs::create_dir_all(&run_dir).map_err(io(&run_dir))?;
    // Two checks of one exercise at once (watch mode and a manual check) would
    // overwrite each other's binary and logs: the second waits for the first.
    let lock_path = run_dir.join(".lock");
    let lock = File::create(&lock_path).map_err(io(&lock_path))?;
    lock.lock().map_err(io(&lock_path))?;

    let mut report = CheckReport {
        exercise: exercise.id.clone(),
        title: exercise.title.clone(),
        status: CheckStatus::Fail,
        message: None,
        failure: None,
        goals: Vec::new(),
        artifacts: BTreeMap::new(),
        go: go.info.clone(),
        steps: Vec::new(),
        elapsed: Duration::ZERO,
        docs: exercise.docs.clone(),
    };
    let finish = |mut report: CheckReport| {
        report.elapsed = started.elapsed();
        report.status =
            if report.failure.is_none() && report.goals.iter().all(|g| g.status == Status::Pass) {
                CheckStatus::Pass
            } else {
                CheckStatus::Fail
            };
        Ok(report)
    };

    // Build once; every run reuses the binary.
    let binary = run_dir.join("exercise.test");
    let build_log = run_dir.join("build.log");
    let step = Instant::now();
    let compiled = go.compile_test(
        &tree.module_dir,
        &exercise.package,
        &binary,
        &build_log,
        BUILD_TIMEOUT,
    )?;
    report.steps.push(Step {
        name: "build".into(),
        elapsed: step.elapsed(),
    });
    let binary = match compiled {
        Compiled::Failed(mut failure) => {
            for error in &mut failure.errors {
                error.file = tree.module_label.join(&error.file).display().to_string();
            }
            let count = failure.errors.len();
            let plural = if count == 1 { "" } else { "s" };
            report.message = Some(if failure.vet {
                format!("go vet reports {count} problem{plural} (go test runs it before any test)")
            } else {
                format!("the code does not compile ({count} error{plural})")
            });
            report.failure = Some(Failure::Build(failure));
            return finish(report);
        }
        Compiled::Binary(None) => return Err(CheckError::NoTests(tree.package_dir(exercise))),
        Compiled::Binary(Some(binary)) => binary,
    };
    report
        .artifacts
        .insert("test-binary".into(), binary.clone());

    let package_dir = tree.package_dir(exercise);
    let mine = TestBinary {
        go,
        binary: &binary,
        package_dir: &package_dir,
        run_dir: &run_dir,
    };
    let run = |args, env, log: &Path, timeout| mine.run(args, env, log, timeout);

    // Functional tests first: a fast wrong answer meets no goal.
    let tests_log = run_dir.join("tests.log");
    let step = Instant::now();
    let tests = run(
        vec![
            format!("-test.run={}", exercise.tests.run),
            "-test.bench=^$".into(),
            format!("-test.timeout={}", go_duration(exercise.tests.timeout)),
            "-test.paniconexit0".into(),
        ],
        Vec::new(),
        &tests_log,
        exercise.tests.timeout,
    )?;
    report.steps.push(Step {
        name: "tests".into(),
        elapsed: step.elapsed(),
    });
    report.artifacts.insert("tests-log".into(), tests_log);
    if let Some(hang) = hang(&tests, "tests", exercise.tests.timeout, &package_dir) {
        report.message = Some(hang_message("the tests", &hang));
        report.failure = Some(hang);
        return finish(report);
    }
    if !tests.success() {
        report.message = Some("the functional tests fail".into());
        report.failure = Some(Failure::Tests {
            output: tests.output,
        });
        return finish(report);
    }

    let mut facts = Facts {
        package_dir: package_dir.clone(),
        ..Facts::default()
    };
    let mut starter = StarterBuild::Unbuilt;
    for invocation in plan(exercise) {
        let spec = invocation.run;
        let label = invocation.label();
        let what = invocation.describe();
        // Runs that alternate between the starter and the attendee's code.
        let step = Instant::now();
        let against_starter = match invocation.collect {
            Collect::Baseline => Some(
                baseline(exercise, tree, go, spec, &run_dir, &mine, &mut starter)?.map(|found| {
                    if let Some(baseline) = found {
                        facts.baselines.insert(spec.name.clone(), baseline);
                    }
                }),
            ),
            Collect::ProfilePairs(kind) => Some(
                profile_pairs(
                    exercise,
                    tree,
                    go,
                    spec,
                    kind,
                    &run_dir,
                    &mine,
                    &mut starter,
                )?
                .map(|found| {
                    if let Some(pairs) = found {
                        facts.profile_pairs.insert((spec.name.clone(), kind), pairs);
                    }
                }),
            ),
            _ => None,
        };
        if let Some(measured) = against_starter {
            report.steps.push(Step {
                name: what.clone(),
                elapsed: step.elapsed(),
            });
            if let Err(failure) = measured {
                report.message = Some(format!("{what} failed"));
                report.failure = Some(failure);
                return finish(report);
            }
            continue;
        }
        let mut scale = 1;
        loop {
            let log = run_dir.join(format!("{label}.txt"));
            let artifact = invocation.artifact().map(|file| run_dir.join(file));
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
            let step = Instant::now();
            let finished = run(args, env, &log, spec.timeout)?;
            report.steps.push(Step {
                name: what.clone(),
                elapsed: step.elapsed(),
            });
            report.artifacts.insert(label.clone(), log);
            if let Some(hang) = hang(&finished, &what, spec.timeout, &package_dir) {
                report.message = Some(hang_message(&what, &hang));
                report.failure = Some(hang);
                return finish(report);
            }
            if !finished.success() {
                report.message = Some(format!("{what} failed"));
                report.failure = Some(Failure::Benchmark {
                    run: spec.name.clone(),
                    output: finished.output,
                });
                return finish(report);
            }
            let output = bench::parse(&finished.output);
            let ops = output.results.iter().map(|r| r.iterations).sum();
            match (invocation.collect, artifact.clone()) {
                (Collect::Profile(kind), Some(path)) => {
                    let profile = crate::pprof::Profile::read(&path).map_err(|source| {
                        CheckError::Profile {
                            run: spec.name.clone(),
                            kind,
                            path: path.clone(),
                            source,
                        }
                    })?;
                    // A CPU profile too thin to judge (a fast solution on a busy
                    // machine gets few ticks) is taken again with more repeats.
                    if kind == ProfileKind::Cpu && scale < MAX_PROFILE_SCALE {
                        let needed = cpu_samples_needed(exercise, &spec.name);
                        let have = crate::goals::cpu_samples(&profile);
                        if have < needed {
                            let wanted = (needed * 3 / 2).div_ceil(have.max(1)) as u32;
                            scale = (scale * wanted.clamp(2, 4)).min(MAX_PROFILE_SCALE);
                            continue;
                        }
                    }
                    report.artifacts.insert(format!("profile-{label}"), path);
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
                    report
                        .artifacts
                        .insert(format!("trace-{}", spec.name), path);
                    facts
                        .traces
                        .insert(spec.name.clone(), MeasuredTrace { facts: trace, ops });
                }
                (Collect::Snapshot, Some(path)) => {
                    let size = std::fs::metadata(&path).ok().map(|m| m.len());
                    let read = size.map(|_| {
                        crate::trace::facts::Facts::read(&path)
                            .map_err(|e| crate::report::error_chain(&e))
                    });
                    if size.is_some() {
                        report
                            .artifacts
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
            break;
        }
    }

    report.goals = exercise.goals.iter().map(|g| g.evaluate(&facts)).collect();
    finish(report)
}

/// A test binary, the directory it runs in, and the directory it writes to.
struct TestBinary<'a> {
    go: &'a GoTool,
    binary: &'a Path,
    package_dir: &'a Path,
    run_dir: &'a Path,
}

impl TestBinary<'_> {
    /// Runs it with a deadline; anything it writes by name (profiles, traces)
    /// lands in the run directory under .workshop/.
    fn run(
        &self,
        mut args: Vec<String>,
        env: Vec<(String, String)>,
        log: &Path,
        timeout: Duration,
    ) -> Result<crate::gotool::Finished, crate::gotool::GoError> {
        args.push(format!("-test.outputdir={}", self.run_dir.display()));
        self.go.run_test(&TestRun {
            binary: self.binary,
            package_dir: self.package_dir,
            args,
            output: log,
            timeout: timeout + kill_margin(timeout),
            env,
        })
    }
}

/// How long the starter's measurements stay in the cache.
const BASELINE_TTL: Duration = Duration::from_secs(7 * 24 * 3600);

/// Measures a run on the starter and on the attendee's code, alternating one
/// repeat of each so that drift on the machine hits both sides alike. The
/// starter's samples are cached, keyed by its content, the Go version, the
/// platform, the host and the run's flags. `Ok(None)` when there is no
/// pristine starter to measure.
#[allow(clippy::too_many_arguments)]
fn baseline(
    exercise: &Exercise,
    tree: &Tree,
    go: &GoTool,
    spec: &RunSpec,
    run_dir: &Path,
    mine: &TestBinary<'_>,
    build: &mut StarterBuild,
) -> Result<Result<Option<crate::goals::Baseline>, Failure>, CheckError> {
    use std::hash::{Hash, Hasher};
    let Some(starter) = &tree.starter else {
        return Ok(Ok(None));
    };
    let single = RunSpec {
        count: 1,
        ..spec.clone()
    };
    let args = bench_args(&single);
    let mut hasher = std::hash::DefaultHasher::new();
    starter.hash(&mut hasher);
    go.info.version.hash(&mut hasher);
    go.info.goos.hash(&mut hasher);
    go.info.goarch.hash(&mut hasher);
    machine().hash(&mut hasher);
    args.hash(&mut hasher);
    spec.count.hash(&mut hasher);
    let cache_dir = tree.work_dir.join("baselines").join(&exercise.id);
    let cache = cache_dir.join(format!("{}-{:016x}.txt", spec.name, hasher.finish()));
    let fresh_enough = std::fs::metadata(&cache)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age < BASELINE_TTL);
    let cached = (!tree.fresh && fresh_enough)
        .then(|| std::fs::read_to_string(&cache).ok())
        .flatten();

    let mine_log = run_dir.join(format!("{}-baseline-mine.txt", spec.name));
    if let Some(text) = cached {
        let finished = mine.run(bench_args(spec), Vec::new(), &mine_log, spec.timeout)?;
        if !finished.success() {
            return Ok(Err(Failure::Benchmark {
                run: spec.name.clone(),
                output: finished.output,
            }));
        }
        return Ok(Ok(Some(crate::goals::Baseline {
            starter: bench::parse(&text),
            mine: bench::parse(&finished.output),
            cached: true,
        })));
    }

    let built = match build.get(exercise, tree, go, run_dir)? {
        Ok(Some(built)) => built,
        Ok(None) => return Ok(Ok(None)),
        Err(failure) => return Ok(Err(failure)),
    };
    let starter = built.test_binary(go, run_dir);
    let starter_log = run_dir.join(format!("{}-baseline-starter.txt", spec.name));
    let (mut starter_text, mut mine_text) = (String::new(), String::new());
    for _ in 0..spec.count.max(1) {
        for (which, text, binary, log) in [
            ("starter", &mut starter_text, &starter, &starter_log),
            ("yours", &mut mine_text, mine, &mine_log),
        ] {
            let finished = binary.run(args.clone(), Vec::new(), log, spec.timeout)?;
            if !finished.success() {
                let output = format!("({which}) {}", finished.output);
                return Ok(Err(Failure::Benchmark {
                    run: spec.name.clone(),
                    output,
                }));
            }
            text.push_str(&finished.output);
        }
    }
    let _ = std::fs::create_dir_all(&cache_dir);
    let _ = std::fs::write(&cache, &starter_text);
    Ok(Ok(Some(crate::goals::Baseline {
        starter: bench::parse(&starter_text),
        mine: bench::parse(&mine_text),
        cached: false,
    })))
}

/// What tells this machine from another for cached timings: its name, its
/// processor model and how many CPUs this process may use (a container on the
/// same host with fewer CPUs times differently).
fn machine() -> (Option<String>, Option<String>, usize) {
    let name = nix::unistd::gethostname()
        .ok()
        .map(|h| h.to_string_lossy().into_owned());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        });
    let cpus = std::thread::available_parallelism().map_or(1, usize::from);
    (name, model, cpus)
}

/// Sets up a run to write a `kind` profile to `path`: by the test binary's
/// flags, or (goroutine profiles, which `go test` cannot write) by the path the
/// test itself writes to.
fn write_profile(
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

/// How many runs each side of a profile goal judged against the starter gets
/// at least: enough for a rank test to tell two sides apart (with 6 and 6,
/// p=0.002 when every run of one side is below every run of the other).
const PROFILE_PAIRS: u32 = 6;

/// The `kind` profile of run `spec`, one per run, in alternating runs of the
/// pristine starter and the attendee's code (`None` without a pristine
/// starter).
#[allow(clippy::too_many_arguments)]
fn profile_pairs(
    exercise: &Exercise,
    tree: &Tree,
    go: &GoTool,
    spec: &RunSpec,
    kind: ProfileKind,
    run_dir: &Path,
    mine: &TestBinary<'_>,
    build: &mut StarterBuild,
) -> Result<Result<Option<ProfilePairs>, Failure>, CheckError> {
    let built = match build.get(exercise, tree, go, run_dir)? {
        Ok(Some(built)) => built,
        Ok(None) => return Ok(Ok(None)),
        Err(failure) => return Ok(Err(failure)),
    };
    let starter = built.test_binary(go, run_dir);
    let single = RunSpec {
        count: 1,
        ..spec.clone()
    };
    let mut pairs = ProfilePairs::default();
    for i in 0..spec.count.max(PROFILE_PAIRS) {
        for (which, binary, side) in [
            ("starter", &starter, &mut pairs.starter),
            ("yours", mine, &mut pairs.mine),
        ] {
            let label = format!("{}-{kind}-{which}-{i}", spec.name);
            let path = run_dir.join(format!("{label}.pprof"));
            // A file left by an earlier check must not count for this one.
            let _ = std::fs::remove_file(&path);
            let (mut args, mut env) = (bench_args(&single), Vec::new());
            write_profile(kind, &path, &mut args, &mut env);
            let log = run_dir.join(format!("{label}.txt"));
            let finished = binary.run(args, env, &log, spec.timeout)?;
            if !finished.success() {
                return Ok(Err(Failure::Benchmark {
                    run: spec.name.clone(),
                    output: format!("({which}) {}", finished.output),
                }));
            }
            let profile =
                crate::pprof::Profile::read(&path).map_err(|source| CheckError::Profile {
                    run: spec.name.clone(),
                    kind,
                    path: path.clone(),
                    source,
                })?;
            let ops = bench::parse(&finished.output)
                .results
                .iter()
                .map(|r| r.iterations)
                .sum();
            side.push(ProfileFacts { profile, ops });
        }
    }
    Ok(Ok(Some(pairs)))
}

/// The pristine starter's test binary, built on first use in a temporary copy
/// of the module and kept for the rest of the check.
enum StarterBuild {
    Unbuilt,
    /// There is no pristine starter, or it has no tests.
    Absent,
    Built(Built),
}

struct Built {
    /// Holds the temporary module alive.
    _temp: tempfile::TempDir,
    binary: PathBuf,
    package: PathBuf,
}

impl Built {
    fn test_binary<'a>(&'a self, go: &'a GoTool, run_dir: &'a Path) -> TestBinary<'a> {
        TestBinary {
            go,
            binary: &self.binary,
            package_dir: &self.package,
            run_dir,
        }
    }
}

impl StarterBuild {
    fn get(
        &mut self,
        exercise: &Exercise,
        tree: &Tree,
        go: &GoTool,
        run_dir: &Path,
    ) -> Result<Result<Option<&Built>, Failure>, CheckError> {
        if let StarterBuild::Unbuilt = self {
            *self = match build_starter(exercise, tree, go, run_dir)? {
                Ok(Some(built)) => StarterBuild::Built(built),
                Ok(None) => StarterBuild::Absent,
                Err(failure) => return Ok(Err(failure)),
            };
        }
        Ok(Ok(match self {
            StarterBuild::Built(built) => Some(built),
            _ => None,
        }))
    }
}

fn build_starter(
    exercise: &Exercise,
    tree: &Tree,
    go: &GoTool,
    run_dir: &Path,
) -> Result<Result<Option<Built>, Failure>, CheckError> {
    let Some(starter) = &tree.starter else {
        return Ok(Ok(None));
    };
    // The starter's own binary, built in a temporary copy of the module.
    let temp = tempfile::Builder::new()
        .prefix("workshop-starter-")
        .tempdir()
        .map_err(|source| CheckError::Io {
            path: std::env::temp_dir(),
            source,
        })?;
    let module = temp.path().join("module");
    crate::verify::copy_tree(&tree.module_dir, &module).map_err(|e| CheckError::Io {
        path: module.clone(),
        source: std::io::Error::other(e),
    })?;
    let starter_package = module.join(&exercise.package);
    if let Ok(entries) = std::fs::read_dir(&starter_package) {
        for entry in entries.flatten() {
            if entry.path().extension().is_some_and(|e| e == "go") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    for (relative, bytes) in starter {
        let path = starter_package.join(relative);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(&path, bytes).map_err(|source| CheckError::Io {
            path: path.clone(),
            source,
        })?;
    }
    let binary = run_dir.join("starter.test");
    let build_log = run_dir.join("starter-build.log");
    match go.compile_test(
        &module,
        &exercise.package,
        &binary,
        &build_log,
        BUILD_TIMEOUT,
    )? {
        Compiled::Binary(Some(_)) => {}
        Compiled::Binary(None) => return Ok(Ok(None)),
        Compiled::Failed(failure) => return Ok(Err(Failure::Build(failure))),
    }
    Ok(Ok(Some(Built {
        _temp: temp,
        binary,
        package: starter_package,
    })))
}

/// How many times longer a thin CPU profile may be taken again.
const MAX_PROFILE_SCALE: u32 = 8;

/// The most CPU samples any goal on `run`'s CPU profile needs to judge.
fn cpu_samples_needed(exercise: &Exercise, run: &str) -> u64 {
    exercise
        .goals
        .iter()
        .filter_map(|goal| match &goal.kind {
            crate::goals::GoalKind::ProfileFunction(g)
                if g.run == run && g.profile == ProfileKind::Cpu =>
            {
                Some(g.min_samples)
            }
            crate::goals::GoalKind::ProfileTotal(g)
                if g.run == run && g.profile == ProfileKind::Cpu =>
            {
                Some(g.min_samples)
            }
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// The `-test.*` flags of a benchmark run; tests are skipped (`-run ^$`).
fn bench_args(spec: &RunSpec) -> Vec<String> {
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

/// A hang, whether the runner killed the binary, Go's own test timeout fired, or
/// the runtime found every goroutine blocked.
fn hang(
    finished: &crate::gotool::Finished,
    step: &str,
    timeout: Duration,
    package_dir: &Path,
) -> Option<Failure> {
    let go_timeout = finished.output.contains("panic: test timed out after");
    let deadlock = finished
        .output
        .contains("all goroutines are asleep - deadlock!");
    (finished.timed_out || go_timeout || deadlock).then(|| Failure::Hang {
        step: step.to_owned(),
        deadlock: deadlock && !finished.timed_out && !go_timeout,
        timeout,
        report: dump::hang_report(&finished.output, package_dir),
        output: finished.output.clone(),
    })
}

fn hang_message(what: &str, failure: &Failure) -> String {
    match failure {
        Failure::Hang { deadlock: true, .. } => {
            format!("{what} deadlocked: every goroutine is blocked")
        }
        _ => format!("{what} did not finish in time"),
    }
}

/// A duration in Go's `time.ParseDuration` syntax.
fn go_duration(duration: Duration) -> String {
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
