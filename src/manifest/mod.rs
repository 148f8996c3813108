//! The workshop's manifest: `workshop.yaml` and one `checks/<id>/check.yaml` per
//! exercise. Files are read into the serde mirror in [`raw`], then validated into
//! the domain types here. Nothing runs until the whole manifest is valid, and every
//! problem found is reported with its file, line and column.

mod error;
pub mod locate;
mod raw;

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

pub use error::{Diagnostic, ManifestError, closest};

use crate::goals::{
    BenchMetric, BenchRelative, Bound, FlightRecorder, Goal, GoalKind, GoroutineMeasure, Measure,
    ProfileFunction, ProfileKind, ProfileTotal, TraceBlocked, TraceGoroutines, TraceLeaks,
    TraceLogs, TraceRegions, TraceTasks,
};
use crate::gotool::GoVersion;
use locate::{Locator, child, element};

/// The file that marks a workshop root.
pub const MANIFEST: &str = "workshop.yaml";
/// Where check files live, relative to the root.
pub const CHECKS_DIR: &str = "checks";

const DEFAULT_TEST_TIMEOUT: Duration = Duration::from_secs(120);
const DEFAULT_RUN_TIMEOUT: Duration = Duration::from_secs(300);

/// A validated workshop.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub root: PathBuf,
    pub title: String,
    /// The Go version every exercise needs at least.
    pub go: GoVersion,
    /// The Go module holding the exercises, relative to the root.
    pub module: PathBuf,
    /// In curriculum order.
    pub exercises: Vec<Exercise>,
    /// The first page of the workshop text, relative to the root.
    pub docs: Option<PathBuf>,
}

/// A validated exercise.
#[derive(Debug, Clone)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// The Go version this exercise needs (at least the workshop's).
    pub go: GoVersion,
    /// The package directory, relative to the module.
    pub package: PathBuf,
    pub check_file: PathBuf,
    /// The exercise's page, relative to the root.
    pub docs: Option<PathBuf>,
    pub tests: TestSpec,
    pub runs: Vec<RunSpec>,
    pub goals: Vec<Goal>,
    pub hints: Vec<String>,
    pub solution: Vec<SolutionFile>,
}

/// The functional tests run before any goal is judged.
#[derive(Debug, Clone)]
pub struct TestSpec {
    /// The `-run` pattern.
    pub run: String,
    pub timeout: Duration,
}

/// One benchmark run of `go test`.
#[derive(Debug, Clone)]
pub struct RunSpec {
    pub name: String,
    /// The `-bench` pattern (`^$` for none).
    pub bench: String,
    /// The `-run` pattern (`^$` for none: benchmarks only).
    pub test: String,
    pub benchtime: Option<String>,
    pub count: u32,
    pub benchmem: bool,
    pub cpu: Option<String>,
    pub timeout: Duration,
}

/// One file of a reference solution.
#[derive(Debug, Clone)]
pub struct SolutionFile {
    /// The file under `checks/<id>/solution/`.
    pub source: PathBuf,
    /// Where it goes, relative to the package directory.
    pub target: PathBuf,
}

/// An exercise id that the workshop does not have.
#[derive(Debug, thiserror::Error)]
#[error("no exercise `{id}` in this workshop{}", suggest(.suggestions))]
pub struct UnknownExercise {
    pub id: String,
    pub suggestions: Vec<String>,
}

fn suggest(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        many => format!("; closest: {}", many.join(", ")),
    }
}

impl Workshop {
    /// The directory of the exercises' Go module.
    pub fn module_dir(&self) -> PathBuf {
        self.root.join(&self.module)
    }

    /// The highest Go version any exercise needs.
    pub fn required_go(&self) -> GoVersion {
        self.exercises.iter().map(|e| e.go).max().unwrap_or(self.go)
    }

    pub fn exercise(&self, id: &str) -> Result<&Exercise, UnknownExercise> {
        let id = id.trim_end_matches('/');
        if let Some(exercise) = self.exercises.iter().find(|e| e.id == id) {
            return Ok(exercise);
        }
        let mut scored: Vec<(f64, &str)> = self
            .exercises
            .iter()
            .map(|e| {
                let whole = strsim::jaro_winkler(id, &e.id);
                let name = e.id.rsplit('/').next().unwrap_or(&e.id);
                (whole.max(strsim::jaro_winkler(id, name)), e.id.as_str())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        // A near-certain typo gets one suggestion, not a list.
        if let Some((best, candidate)) = scored.first()
            && *best >= 0.9
        {
            return Err(UnknownExercise {
                id: id.to_owned(),
                suggestions: vec![(*candidate).to_owned()],
            });
        }
        let mut suggestions: Vec<String> = scored
            .iter()
            .filter(|(score, _)| *score > 0.7)
            .take(3)
            .map(|(_, id)| (*id).to_owned())
            .collect();
        if suggestions.is_empty() {
            suggestions = scored
                .iter()
                .take(3)
                .map(|(_, id)| (*id).to_owned())
                .collect();
        }
        Err(UnknownExercise {
            id: id.to_owned(),
            suggestions,
        })
    }
}

/// The nearest directory from `start` upward that holds `workshop.yaml`.
pub fn find_root(start: &Path) -> Result<PathBuf, ManifestError> {
    start
        .ancestors()
        .find(|dir| dir.join(MANIFEST).is_file())
        .map(Path::to_owned)
        .ok_or_else(|| ManifestError::NotFound {
            start: start.to_owned(),
        })
}

/// Reads and validates the workshop at `root`.
pub fn load(root: &Path) -> Result<Workshop, ManifestError> {
    let root = root.canonicalize().map_err(|source| ManifestError::Read {
        path: root.to_owned(),
        source,
    })?;
    let manifest_path = root.join(MANIFEST);
    let source = read(&manifest_path)?;
    let file = SourceFile::new(&manifest_path, &source);
    let raw: raw::WorkshopFile = file.parse()?;
    let mut problems = Vec::new();

    let go = raw.go.parse::<GoVersion>().unwrap_or_else(|e| {
        problems.push(file.at("go", e.to_string()));
        GoVersion::new(1, 0, 0)
    });
    if raw.title.trim().is_empty() {
        problems.push(file.at("title", "the title is empty".into()));
    }
    let module = match safe_relative(&raw.module) {
        Ok(module) => module,
        Err(e) => {
            problems.push(file.at("module", e));
            PathBuf::new()
        }
    };
    let module_dir = root.join(&module);
    if !module_dir.join("go.mod").is_file() {
        problems.push(file.at(
            "module",
            format!(
                "expected a Go module (a directory with go.mod) at {}",
                crate::paths::display(&module_dir)
            ),
        ));
    } else if let Err(e) = inside(&root, &module_dir) {
        problems.push(file.at("module", e));
    }
    if raw.exercises.is_empty() {
        problems.push(file.at("exercises", "the exercise list is empty".into()));
    }
    let docs = raw.docs.as_deref().and_then(|d| {
        page(&root, d)
            .map_err(|e| problems.push(file.at("docs", e)))
            .ok()
    });

    let mut seen = HashSet::new();
    let mut exercises = Vec::new();
    for (i, id) in raw.exercises.iter().enumerate() {
        let path = element("exercises", i);
        if let Err(e) = valid_id(id) {
            problems.push(file.at(&path, e));
            continue;
        }
        if !seen.insert(id.as_str()) {
            problems.push(file.at(&path, format!("exercise `{id}` is listed twice")));
            continue;
        }
        let check_path = root.join(CHECKS_DIR).join(id).join("check.yaml");
        if !check_path.is_file() {
            problems.push(file.at(
                &path,
                format!(
                    "expected the check file {} for exercise `{id}`",
                    crate::paths::display(&check_path)
                ),
            ));
            continue;
        }
        match load_exercise(&root, &module_dir, go, id, &check_path) {
            Ok(exercise) => exercises.push(exercise),
            Err(ManifestError::Invalid(more)) => problems.extend(more),
            Err(other) => return Err(other),
        }
    }

    if !problems.is_empty() {
        return Err(ManifestError::Invalid(problems));
    }
    Ok(Workshop {
        root,
        title: raw.title,
        go,
        module,
        exercises,
        docs,
    })
}

fn load_exercise(
    root: &Path,
    module_dir: &Path,
    workshop_go: GoVersion,
    id: &str,
    check_path: &Path,
) -> Result<Exercise, ManifestError> {
    let source = read(check_path)?;
    let file = SourceFile::new(check_path, &source);
    let raw: raw::CheckFile = file.parse()?;
    let mut problems = Vec::new();

    if raw.title.trim().is_empty() {
        problems.push(file.at("title", "the title is empty".into()));
    }
    let go = match raw.go.as_deref().map(str::parse::<GoVersion>) {
        None => workshop_go,
        Some(Ok(v)) => v.max(workshop_go),
        Some(Err(e)) => {
            problems.push(file.at("go", e.to_string()));
            workshop_go
        }
    };

    let package_text = raw.package.as_deref().unwrap_or(id);
    let package_key = if raw.package.is_some() { "package" } else { "" };
    let package = match safe_relative(package_text) {
        Ok(p) => Some(p),
        Err(e) => {
            problems.push(file.at(package_key, e));
            None
        }
    };
    let package_dir = module_dir.join(package.as_deref().unwrap_or(Path::new("")));
    if package.is_none() {
        // Already reported.
    } else if !package_dir.is_dir() {
        problems.push(file.at(
            package_key,
            format!(
                "expected the exercise's package directory {}",
                crate::paths::display(&package_dir)
            ),
        ));
    } else if let Err(e) = inside(root, &package_dir) {
        problems.push(file.at(package_key, e));
    }

    let docs = raw.docs.as_deref().and_then(|d| {
        page(root, d)
            .map_err(|e| problems.push(file.at("docs", e)))
            .ok()
    });

    let tests = TestSpec {
        run: raw
            .tests
            .as_ref()
            .and_then(|t| t.run.clone())
            .unwrap_or_else(|| ".".to_owned()),
        timeout: file
            .duration(
                "tests.timeout",
                raw.tests.as_ref().and_then(|t| t.timeout.as_deref()),
                &mut problems,
            )
            .unwrap_or(DEFAULT_TEST_TIMEOUT),
    };

    let mut runs = Vec::new();
    let mut run_names = HashSet::new();
    for (i, run) in raw.runs.into_iter().enumerate() {
        let path = element("runs", i);
        if run.name.trim().is_empty() {
            problems.push(file.at(&child(&path, "name"), "the run name is empty".into()));
        } else if !run_names.insert(run.name.clone()) {
            problems.push(file.at(
                &child(&path, "name"),
                format!("run `{}` is defined twice", run.name),
            ));
        }
        if run.bench.is_none() && run.test.is_none() {
            problems.push(file.at(
                &path,
                "a run needs `bench:` (benchmarks to run) or `test:` (tests to run)".into(),
            ));
        }
        for (key, pattern) in [("bench", &run.bench), ("test", &run.test)] {
            if pattern.as_deref().is_some_and(|p| p.trim().is_empty()) {
                problems.push(file.at(&child(&path, key), format!("the {key} pattern is empty")));
            }
        }
        if let Some(benchtime) = &run.benchtime
            && !valid_benchtime(benchtime)
        {
            problems.push(file.at(
                &child(&path, "benchtime"),
                format!("`{benchtime}` is not a -benchtime (expected a count like 100x or a duration like 2s)"),
            ));
        }
        if run.count == Some(0) {
            problems.push(file.at(&child(&path, "count"), "count must be at least 1".into()));
        }
        let timeout = file
            .duration(
                &child(&path, "timeout"),
                run.timeout.as_deref(),
                &mut problems,
            )
            .unwrap_or(DEFAULT_RUN_TIMEOUT);
        runs.push(RunSpec {
            name: run.name,
            bench: run.bench.unwrap_or_else(|| "^$".to_owned()),
            test: run.test.unwrap_or_else(|| "^$".to_owned()),
            benchtime: run.benchtime,
            count: run.count.unwrap_or(1),
            benchmem: run.benchmem.unwrap_or(true),
            cpu: run.cpu,
            timeout,
        });
    }

    if raw.goals.is_empty() {
        problems.push(file.at("goals", "an exercise needs at least one goal".into()));
    }
    let mut goals = Vec::new();
    let mut goal_ids = HashSet::new();
    for (i, goal) in raw.goals.into_iter().enumerate() {
        let path = element("goals", i);
        let converted = match goal {
            raw::GoalFile::BenchMetric(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                if !g.benchmark.starts_with("Benchmark") {
                    problems.push(file.at(
                        &child(&path, "benchmark"),
                        format!(
                            "`{}` is not a benchmark name (expected BenchmarkXxx)",
                            g.benchmark
                        ),
                    ));
                }
                if g.metric.trim().is_empty() {
                    problems.push(file.at(&child(&path, "metric"), "the metric is empty".into()));
                }
                if matches!(g.metric.as_str(), "B/op" | "allocs/op")
                    && let Some(spec) = runs.iter().find(|r| r.name == run)
                    && !spec.benchmem
                {
                    problems.push(file.at(
                        &child(&path, "metric"),
                        format!("{} needs `benchmem: true` on run `{run}`", g.metric),
                    ));
                }
                let bound = file.bound(&path, g.at_most, g.at_least, &mut problems);
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::BenchMetric(BenchMetric {
                        run,
                        benchmark: g.benchmark,
                        metric: g.metric,
                        bound,
                    }),
                }
            }
            raw::GoalFile::ProfileFunction(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let profile = profile_kind(g.profile);
                let sample = file.sample(&path, profile, g.sample, &mut problems);
                let pattern = regex::Regex::new(&g.function).unwrap_or_else(|e| {
                    problems.push(file.at(
                        &child(&path, "function"),
                        format!("not a valid regular expression: {e}"),
                    ));
                    // Never used: the manifest is rejected. Any valid pattern will do.
                    regex::Regex::new(&regex::escape(&g.function))
                        .expect("an escaped pattern is valid")
                });
                let measure = match g.measure {
                    raw::MeasureName::Flat => Measure::Flat,
                    raw::MeasureName::Cum => Measure::Cum,
                    raw::MeasureName::FlatShare => Measure::FlatShare,
                    raw::MeasureName::CumShare => Measure::CumShare,
                };
                if g.per_op && matches!(measure, Measure::FlatShare | Measure::CumShare) {
                    problems.push(
                        file.at(
                            &child(&path, "per-op"),
                            "a share is already relative; `per-op` applies to flat and cum amounts"
                                .into(),
                        ),
                    );
                }
                let (bound, relative) = file.profile_bound(
                    &path,
                    g.at_most,
                    g.at_least,
                    g.at_least_times,
                    &mut problems,
                );
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::ProfileFunction(ProfileFunction {
                        run,
                        profile,
                        sample,
                        function: g.function,
                        pattern,
                        measure,
                        per_op: g.per_op,
                        bound,
                        relative,
                        min_samples: g.min_samples.unwrap_or(default_min_samples(profile)),
                    }),
                }
            }
            raw::GoalFile::ProfileTotal(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let profile = profile_kind(g.profile);
                let sample = file.sample(&path, profile, g.sample, &mut problems);
                let (bound, relative) = file.profile_bound(
                    &path,
                    g.at_most,
                    g.at_least,
                    g.at_least_times,
                    &mut problems,
                );
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::ProfileTotal(ProfileTotal {
                        run,
                        profile,
                        sample,
                        per_op: g.per_op,
                        bound,
                        relative,
                        min_samples: g.min_samples.unwrap_or(default_min_samples(profile)),
                    }),
                }
            }
            raw::GoalFile::BenchRelative(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                if !(g.at_least_times.is_finite() && g.at_least_times > 0.0) {
                    problems.push(file.at(
                        &child(&path, "at-least-times"),
                        "expected a positive ratio, like 2 for twice as fast".into(),
                    ));
                }
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::BenchRelative(BenchRelative {
                        run,
                        benchmark: g.benchmark,
                        metric: g.metric,
                        times: g.at_least_times,
                        higher_is_better: g.higher_is_better,
                    }),
                }
            }
            raw::GoalFile::TraceLeaks(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let bound = Bound::AtMost(g.at_most.unwrap_or(0.0));
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::TraceLeaks(TraceLeaks { run, bound }),
                }
            }
            raw::GoalFile::TraceGoroutines(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let measure = match g.measure {
                    raw::GoroutineMeasureName::Created => GoroutineMeasure::Created,
                    raw::GoroutineMeasureName::CreatedPerOp => GoroutineMeasure::CreatedPerOp,
                    raw::GoroutineMeasureName::MaxLive => GoroutineMeasure::MaxLive,
                };
                let bound = file.bound(&path, g.at_most, g.at_least, &mut problems);
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::TraceGoroutines(TraceGoroutines {
                        run,
                        measure,
                        bound,
                    }),
                }
            }
            raw::GoalFile::TraceTasks(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let count = file.count(&path, g.at_most, g.at_least, g.exactly, &mut problems);
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::TraceTasks(TraceTasks {
                        run,
                        name: g.name,
                        count,
                        goroutines_at_least: g.goroutines_at_least,
                        ended: g.ended,
                    }),
                }
            }
            raw::GoalFile::TraceRegions(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let count = file.count(&path, g.at_most, g.at_least, g.exactly, &mut problems);
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::TraceRegions(TraceRegions {
                        run,
                        name: g.name,
                        in_task: g.in_task,
                        parent: g.parent,
                        count,
                    }),
                }
            }
            raw::GoalFile::TraceLogs(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let count = file.count(&path, g.at_most, g.at_least, g.exactly, &mut problems);
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::TraceLogs(TraceLogs {
                        run,
                        category: g.category,
                        in_task: g.in_task,
                        count,
                    }),
                }
            }
            raw::GoalFile::TraceBlocked(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                let pattern = regex::Regex::new(&g.reason).unwrap_or_else(|e| {
                    problems.push(file.at(
                        &child(&path, "reason"),
                        format!("not a valid regular expression: {e}"),
                    ));
                    regex::Regex::new(&regex::escape(&g.reason))
                        .expect("an escaped pattern is valid")
                });
                let bound = file.bound(&path, g.at_most, g.at_least, &mut problems);
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::TraceBlocked(TraceBlocked {
                        run,
                        reason: g.reason,
                        pattern,
                        per_op: g.per_op,
                        share: g.share,
                        bound,
                    }),
                }
            }
            raw::GoalFile::FlightRecorder(g) => {
                let run = file.run_reference(&path, g.run.as_deref(), &runs, &mut problems);
                if go < GoVersion::new(1, 25, 0) {
                    problems.push(file.at(&path, "a flight-recorder goal needs `go: \"1.25\"` or later for this exercise".into()));
                }
                Goal {
                    id: g.id,
                    explain: g.explain,
                    hint: g.hint,
                    kind: GoalKind::FlightRecorder(FlightRecorder {
                        run,
                        task: g.task,
                        region: g.region,
                        max_bytes: g.max_bytes,
                    }),
                }
            }
        };
        if converted.id.trim().is_empty() {
            problems.push(file.at(&child(&path, "id"), "the goal id is empty".into()));
        } else if !goal_ids.insert(converted.id.clone()) {
            problems.push(file.at(
                &child(&path, "id"),
                format!("goal `{}` is defined twice", converted.id),
            ));
        }
        goals.push(converted);
    }

    if raw.solution.is_empty() {
        problems.push(file.at(
            "solution",
            "a reference solution needs at least one file".into(),
        ));
    }
    let solution_dir = check_path.with_file_name("solution");
    let mut solution = Vec::new();
    for (i, name) in raw.solution.iter().enumerate() {
        let path = element("solution", i);
        match safe_relative(name) {
            Ok(target) => {
                let source = solution_dir.join(&target);
                if source.is_file() {
                    solution.push(SolutionFile { source, target });
                } else {
                    problems.push(file.at(
                        &path,
                        format!(
                            "expected the solution file {}",
                            crate::paths::display(&source)
                        ),
                    ));
                }
            }
            Err(e) => problems.push(file.at(&path, e)),
        }
    }

    if !problems.is_empty() {
        return Err(ManifestError::Invalid(problems));
    }
    Ok(Exercise {
        id: id.to_owned(),
        title: raw.title,
        summary: raw.summary,
        go,
        package: package.unwrap_or_default(),
        check_file: check_path.to_owned(),
        docs,
        tests,
        runs,
        goals,
        hints: raw.hints,
        solution,
    })
}

fn read(path: &Path) -> Result<String, ManifestError> {
    std::fs::read_to_string(path).map_err(|source| ManifestError::Read {
        path: path.to_owned(),
        source,
    })
}

/// A manifest file being validated: its text and the positions of its nodes.
struct SourceFile<'a> {
    path: &'a Path,
    source: &'a str,
    locator: Locator,
}

impl<'a> SourceFile<'a> {
    fn new(path: &'a Path, source: &'a str) -> Self {
        SourceFile {
            path,
            source,
            locator: Locator::new(source),
        }
    }

    /// A problem with the node at `path`: its value, else its key, else the
    /// start of the document (for a key that is absent, like a defaulted `package`).
    fn at(&self, path: &str, message: String) -> Diagnostic {
        let position = self
            .locator
            .value(path)
            .or_else(|| self.locator.key(path))
            .or_else(|| self.locator.value(""));
        Diagnostic::new(self.path, self.source, position, message)
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ManifestError> {
        let deserializer = serde_yaml::Deserializer::from_str(self.source);
        serde_path_to_error::deserialize(deserializer).map_err(|error| {
            let mut path = error.path().to_string();
            let mut inner = error.into_inner();
            // Inside an internally tagged goal serde loses the path; find the key at fault.
            if path.starts_with("goals[")
                && !path.contains('.')
                && let Some(node) = self.node(&path)
                && let Err(precise) = raw::GoalFile::diagnose(node)
            {
                path = child(&path, &precise.path().to_string());
                inner = precise.into_inner();
            }
            ManifestError::Invalid(vec![self.serde_problem(&path, &inner)])
        })
    }

    /// The YAML value at a `goals[N]` path.
    fn node(&self, path: &str) -> Option<serde_yaml::Value> {
        let index: usize = path
            .strip_prefix("goals[")?
            .strip_suffix(']')?
            .parse()
            .ok()?;
        let document: serde_yaml::Value = serde_yaml::from_str(self.source).ok()?;
        document.get("goals")?.get(index).cloned()
    }

    fn serde_problem(&self, path: &str, error: &serde_yaml::Error) -> Diagnostic {
        let message = serde_message(&error.to_string());
        let serde_position = error.location().map(|l| locate::Position {
            line: l.line(),
            column: l.column(),
        });
        let (position, message) = match error::explain_unknown(&message) {
            Some((name, text)) if text.starts_with("unknown key") => {
                (self.locator.key(&child(path, &name)), text)
            }
            Some((_, text)) => (self.locator.value(path), text),
            None => (self.locator.value(path), message),
        };
        let message = match path {
            "" | "." => message,
            _ if message.starts_with("unknown key") => message,
            _ => format!("{path}: {message}"),
        };
        Diagnostic::new(self.path, self.source, position.or(serde_position), message)
    }

    fn duration(
        &self,
        path: &str,
        text: Option<&str>,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Duration> {
        let text = text?;
        match humantime::parse_duration(text) {
            Ok(d) if !d.is_zero() => Some(d),
            _ => {
                problems.push(self.at(
                    path,
                    format!(
                        "`{text}` is not a duration (expected something like 90s, 2m or 1m30s)"
                    ),
                ));
                None
            }
        }
    }

    fn run_reference(
        &self,
        goal_path: &str,
        run: Option<&str>,
        runs: &[RunSpec],
        problems: &mut Vec<Diagnostic>,
    ) -> String {
        let names: Vec<&str> = runs.iter().map(|r| r.name.as_str()).collect();
        match (run, names.as_slice()) {
            (Some(run), _) if names.contains(&run) => run.to_owned(),
            (Some(run), _) => {
                let mut message = format!("no run named `{run}`");
                if let Some(best) = closest(run, names.iter().copied()) {
                    message.push_str(&format!("; did you mean `{best}`?"));
                }
                message.push_str(&format!(" (runs: {})", names.join(", ")));
                problems.push(self.at(&child(goal_path, "run"), message));
                run.to_owned()
            }
            (None, [only]) => (*only).to_owned(),
            (None, []) => {
                problems.push(self.at(
                    goal_path,
                    "this goal needs a benchmark run, and `runs` is empty".into(),
                ));
                String::new()
            }
            (None, many) => {
                problems.push(self.at(
                    goal_path,
                    format!(
                        "say which run this goal uses with `run:` (one of {})",
                        many.join(", ")
                    ),
                ));
                String::new()
            }
        }
    }

    /// The sample type a profile goal reads, checked against what the profile has.
    fn sample(
        &self,
        goal_path: &str,
        profile: ProfileKind,
        sample: Option<String>,
        problems: &mut Vec<Diagnostic>,
    ) -> String {
        let Some(sample) = sample else {
            return profile.default_sample().to_owned();
        };
        let valid = profile.sample_types();
        if !valid.contains(&sample.as_str()) {
            let mut message = format!("the {profile} profile has no sample type `{sample}`");
            if let Some(best) = closest(&sample, valid.iter().copied()) {
                message.push_str(&format!("; did you mean `{best}`?"));
            }
            message.push_str(&format!(" (expected one of: {})", valid.join(", ")));
            problems.push(self.at(&child(goal_path, "sample"), message));
        }
        sample
    }

    /// A count bound: `at-least`, `at-most` or `exactly`; at least 1 when none is given.
    fn count(
        &self,
        goal_path: &str,
        at_most: Option<f64>,
        at_least: Option<f64>,
        exactly: Option<f64>,
        problems: &mut Vec<Diagnostic>,
    ) -> Bound {
        match (at_most, at_least, exactly) {
            (None, None, None) => Bound::AtLeast(1.0),
            (None, None, Some(n)) => Bound::Exactly(n),
            (_, _, None) => self.bound(goal_path, at_most, at_least, problems),
            _ => {
                problems.push(self.at(
                    goal_path,
                    "give one of `at-least`, `at-most` or `exactly`".into(),
                ));
                Bound::AtLeast(1.0)
            }
        }
    }

    /// An absolute bound, or `at-least-times` less than the starter's amount.
    fn profile_bound(
        &self,
        goal_path: &str,
        at_most: Option<f64>,
        at_least: Option<f64>,
        at_least_times: Option<f64>,
        problems: &mut Vec<Diagnostic>,
    ) -> (Bound, Option<f64>) {
        let Some(times) = at_least_times else {
            return (self.bound(goal_path, at_most, at_least, problems), None);
        };
        if at_most.is_some() || at_least.is_some() {
            problems.push(self.at(
                goal_path,
                "give either `at-least-times` (relative to the starter) or `at-most`/`at-least`, not both"
                    .into(),
            ));
        } else if !(times.is_finite() && times > 0.0) {
            problems.push(self.at(
                &child(goal_path, "at-least-times"),
                "expected a positive number of times".into(),
            ));
        }
        (Bound::AtLeast(times), Some(times))
    }

    fn bound(
        &self,
        goal_path: &str,
        at_most: Option<f64>,
        at_least: Option<f64>,
        problems: &mut Vec<Diagnostic>,
    ) -> Bound {
        match (at_most, at_least) {
            (Some(v), None) if v.is_finite() => Bound::AtMost(v),
            (None, Some(v)) if v.is_finite() => Bound::AtLeast(v),
            (Some(_), Some(_)) => {
                problems.push(self.at(
                    goal_path,
                    "give either `at-most` or `at-least`, not both".into(),
                ));
                Bound::AtMost(0.0)
            }
            (None, None) => {
                problems.push(self.at(
                    goal_path,
                    "expected a bound: `at-most: N` or `at-least: N`".into(),
                ));
                Bound::AtMost(0.0)
            }
            _ => {
                problems.push(self.at(goal_path, "the bound must be a finite number".into()));
                Bound::AtMost(0.0)
            }
        }
    }
}

fn profile_kind(name: raw::ProfileName) -> ProfileKind {
    match name {
        raw::ProfileName::Cpu => ProfileKind::Cpu,
        raw::ProfileName::Memory => ProfileKind::Memory,
        raw::ProfileName::Block => ProfileKind::Block,
        raw::ProfileName::Mutex => ProfileKind::Mutex,
        raw::ProfileName::Goroutine => ProfileKind::Goroutine,
    }
}

/// CPU profiles sample at 100 Hz: below 50 samples (half a second of CPU) a
/// share is noise. Other profiles record every event at the rates the runner sets.
fn default_min_samples(profile: ProfileKind) -> u64 {
    if profile == ProfileKind::Cpu { 50 } else { 0 }
}

/// serde_yaml's message without its own path prefix and position suffix.
fn serde_message(text: &str) -> String {
    let text = match text.rfind(" at line ") {
        Some(i) if text[i..].contains(" column ") => &text[..i],
        _ => text,
    };
    const PHRASES: [&str; 8] = [
        "unknown field",
        "unknown variant",
        "missing field",
        "invalid type",
        "invalid value",
        "invalid length",
        "duplicate field",
        "duplicate entry",
    ];
    PHRASES
        .iter()
        .filter_map(|p| text.find(p))
        .min()
        .map_or(text, |i| &text[i..])
        .to_owned()
}

/// A relative path that stays inside its base: no root, no `..`.
/// A docs page named in a manifest: a relative path to an existing file.
fn page(root: &Path, text: &str) -> Result<PathBuf, String> {
    let path = safe_relative(text)?;
    if root.join(&path).is_file() {
        Ok(path)
    } else {
        Err(format!(
            "expected the page {}",
            crate::paths::display(&root.join(path))
        ))
    }
}

fn safe_relative(text: &str) -> Result<PathBuf, String> {
    let path = Path::new(text);
    if text.trim().is_empty() {
        return Err("the path is empty".into());
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!(
            "`{text}` leaves the workshop (expected a relative path without `..`)"
        ));
    }
    Ok(path.to_owned())
}

/// Checks that an existing path does not lead outside `root` through a link.
fn inside(root: &Path, path: &Path) -> Result<(), String> {
    match path.canonicalize() {
        Ok(real) if real.starts_with(root) => Ok(()),
        Ok(real) => Err(format!(
            "{} leads outside the workshop (to {})",
            crate::paths::display(path),
            real.display()
        )),
        Err(_) => Ok(()),
    }
}

/// `topic/NN-name`: lowercase letters, digits, `-`, `_` and `.` in `/`-separated parts.
fn valid_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{id}` is not an exercise id (expected lowercase parts separated by `/`, like heap/01-concat)"
        ))
    }
}

/// `-benchtime` takes a count (`100x`) or a duration (`2s`).
fn valid_benchtime(text: &str) -> bool {
    match text.strip_suffix('x') {
        Some(count) => count.parse::<u64>().is_ok_and(|n| n > 0),
        None => humantime::parse_duration(text).is_ok_and(|d| !d.is_zero()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_paths() {
        assert!(valid_id("heap/01-concat").is_ok());
        assert!(valid_id("trace/flightrecorder").is_ok());
        assert!(valid_id("Heap/x").is_err());
        assert!(valid_id("heap/../x").is_err());
        assert!(valid_id("heap//x").is_err());
        assert!(safe_relative("a/b.go").is_ok());
        assert!(safe_relative("../b.go").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
    }

    #[test]
    fn benchtimes() {
        assert!(valid_benchtime("200x"));
        assert!(valid_benchtime("2s"));
        assert!(!valid_benchtime("0x"));
        assert!(!valid_benchtime("fast"));
    }

    #[test]
    fn serde_messages_lose_prefix_and_position() {
        assert_eq!(
            serde_message("goals: unknown field `x`, expected `id` at line 3 column 3"),
            "unknown field `x`, expected `id`"
        );
        assert_eq!(serde_message("something else"), "something else");
    }
}
