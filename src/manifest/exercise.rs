//! One exercise's check file, `checks/<id>/check.yaml`, read and validated
//! part by part: its header, package, tests, runs, goals and solution. Every
//! part reports its problems at the key at fault and reading goes on, so that
//! one pass shows them all.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::raw::{self, BuildFile, EnvFile, RunFile, TestsFile};
use super::validate::{
    env_value, go_test_pattern, inside, pages, safe_relative, valid_benchtime, valid_env_name,
    valid_tag,
};
use super::{Exercise, ManifestError, RunSpec, ServeSpec, SolutionFile, TestSpec, read};
use crate::display::path as display;
use crate::exec::{BuildFlags, GoVersion};
use crate::goals::{Goal, RunInfo, read_goal};
use crate::tr;
use crate::yaml::locate::{child, element};
use crate::yaml::{Diagnostic, Document};

const DEFAULT_TEST_TIMEOUT: Duration = Duration::from_secs(120);
const DEFAULT_RUN_TIMEOUT: Duration = Duration::from_secs(300);

/// A check file being read, and the problems found in it so far.
struct CheckFile<'a> {
    doc: Document<'a>,
    problems: Vec<Diagnostic>,
}

impl CheckFile<'_> {
    fn problem(&mut self, path: &str, message: String) {
        let problem = self.doc.at(path, message);
        self.problems.push(problem);
    }
}

/// Reads and validates the check file of exercise `id`.
pub(super) fn load(
    root: &Path,
    module_dir: &Path,
    workshop_go: GoVersion,
    id: &str,
    check_path: &Path,
) -> Result<Exercise, ManifestError> {
    let source = read(check_path)?;
    let mut file = CheckFile {
        doc: Document::new(check_path, &source)
            .map_err(|problem| ManifestError::Invalid(vec![problem]))?,
        problems: Vec::new(),
    };
    let raw: raw::CheckFile = file
        .doc
        .parse()
        .map_err(|problem| ManifestError::Invalid(vec![problem]))?;

    if raw.title.is_blank() {
        file.problem("title", tr!("manifest-title-empty"));
    }
    let go = match raw.go.as_deref().map(str::parse::<GoVersion>) {
        None => workshop_go,
        Some(Ok(v)) => v.max(workshop_go),
        Some(Err(e)) => {
            file.problem("go", e.to_string());
            workshop_go
        }
    };
    let package = file.package(root, module_dir, raw.package.as_deref(), id);
    let docs = raw
        .docs
        .as_ref()
        .and_then(|d| pages(root, d).map_err(|e| file.problem("docs", e)).ok());
    let tests = file.tests(raw.tests.as_ref());
    let build = file.build(raw.build.as_ref(), root, module_dir, package.as_deref());
    let runs = file.runs(raw.runs, package.as_deref());
    let goals = file.goals(raw.goals, &runs, go);
    let solution = file.solution(&raw.solution, check_path, root);
    let protected = super::protected::read(&file.doc, &raw.protected, &mut file.problems);
    let check_dir = check_path.parent().unwrap_or(root);
    let starter_sums = match super::sums::load(check_dir) {
        Ok(sums) => sums,
        Err(ManifestError::Invalid(more)) => {
            file.problems.extend(more);
            None
        }
        Err(other) => return Err(other),
    };

    if !file.problems.is_empty() {
        return Err(ManifestError::Invalid(file.problems));
    }
    Ok(Exercise {
        id: id.to_owned(),
        title: raw.title,
        summary: raw.summary,
        go,
        package: package.unwrap_or_default(),
        check_file: check_path.to_owned(),
        reasoning: docs.as_deref().and_then(|page| {
            let name = page.file_name()?;
            let beside = page.parent()?.join("solutions").join(name);
            root.join(&beside).is_file().then_some(beside)
        }),
        docs,
        tests,
        build,
        runs,
        goals,
        hints: raw.hints,
        solution,
        protected,
        sums_file: check_dir.join(super::sums::SUMS_FILE),
        starter_sums,
    })
}

impl CheckFile<'_> {
    /// The package directory inside the module: `package:`, else the id.
    fn package(
        &mut self,
        root: &Path,
        module_dir: &Path,
        written: Option<&str>,
        id: &str,
    ) -> Option<PathBuf> {
        // A defaulted package is reported at the start of the file.
        let key = if written.is_some() { "package" } else { "" };
        let package = safe_relative(written.unwrap_or(id))
            .map_err(|e| self.problem(key, e))
            .ok()?;
        let package_dir = module_dir.join(&package);
        if !package_dir.is_dir() {
            self.problem(
                key,
                tr!("manifest-package-missing", path = display(&package_dir)),
            );
        } else if let Err(e) = inside(root, &package_dir) {
            self.problem(key, e);
        }
        Some(package)
    }

    /// The functional tests: every test by default.
    fn tests(&mut self, raw: Option<&TestsFile>) -> TestSpec {
        let timeout = self.doc.duration(
            "tests.timeout",
            raw.and_then(|t| t.timeout.as_deref()),
            &mut self.problems,
        );
        let run = raw.and_then(|t| t.run.clone());
        if let Some(pattern) = &run
            && let Err(e) = go_test_pattern(pattern)
        {
            self.problem("tests.run", e);
        }
        let env = self.env("tests.env", raw.and_then(|t| t.env.as_ref()));
        TestSpec {
            run: run.unwrap_or_else(|| ".".to_owned()),
            timeout: timeout.unwrap_or(DEFAULT_TEST_TIMEOUT),
            env,
        }
    }

    /// Environment variables at `path`: names as Go's own (`GOGC`), values
    /// scalars, the runner's own names refused, Go's best-known values checked.
    fn env(&mut self, path: &str, raw: Option<&EnvFile>) -> Vec<(String, String)> {
        let mut env = Vec::new();
        for (name, value) in raw.into_iter().flatten() {
            let at = child(path, name);
            if let Err(e) = valid_env_name(name) {
                self.problem(&at, e);
                continue;
            }
            match env_value(name, value) {
                Ok(text) => env.push((name.clone(), text)),
                Err(e) => self.problem(&at, e),
            }
        }
        env
    }

    /// The flags the test binary is built with.
    fn build(
        &mut self,
        raw: Option<&BuildFile>,
        root: &Path,
        module_dir: &Path,
        package: Option<&Path>,
    ) -> BuildFlags {
        let Some(raw) = raw else {
            return BuildFlags::default();
        };
        if raw.gcflags.as_deref().is_some_and(|g| g.trim().is_empty()) {
            self.problem("build.gcflags", tr!("manifest-gcflags-empty"));
        }
        for (i, tag) in raw.tags.iter().enumerate() {
            if let Err(e) = valid_tag(tag) {
                self.problem(&element("build.tags", i), e);
            }
        }
        let pgo = raw.pgo.as_deref().map(|pgo| match pgo {
            "auto" | "off" => pgo.to_owned(),
            path => {
                let relative = safe_relative(path).map_err(|e| self.problem("build.pgo", e));
                let full = relative
                    .ok()
                    .map(|p| module_dir.join(package.unwrap_or(Path::new(""))).join(p));
                match full {
                    Some(full) if full.is_file() => {
                        if let Err(e) = inside(root, &full) {
                            self.problem("build.pgo", e);
                        }
                        full.display().to_string()
                    }
                    Some(full) => {
                        self.problem(
                            "build.pgo",
                            tr!("manifest-pgo-missing", path = display(&full)),
                        );
                        path.to_owned()
                    }
                    None => path.to_owned(),
                }
            }
        });
        BuildFlags {
            race: raw.race,
            gcflags: raw.gcflags.clone(),
            tags: raw.tags.clone(),
            pgo,
            overlay: None,
        }
    }

    fn runs(&mut self, raw: Vec<RunFile>, package: Option<&Path>) -> Vec<RunSpec> {
        let mut runs = Vec::new();
        let mut names = HashSet::new();
        for (i, mut run) in raw.into_iter().enumerate() {
            let path = element("runs", i);
            if run.name.trim().is_empty() {
                self.problem(&child(&path, "name"), tr!("manifest-run-name-empty"));
            } else if !names.insert(run.name.clone()) {
                self.problem(
                    &child(&path, "name"),
                    tr!("manifest-run-twice", name = &run.name),
                );
            }
            let serve = self.serve(&path, &mut run, package);
            if serve.is_none() {
                self.patterns(&path, &run);
            }
            if let Some(benchtime) = &run.benchtime
                && !valid_benchtime(benchtime)
            {
                self.problem(
                    &child(&path, "benchtime"),
                    tr!("manifest-bad-benchtime", value = benchtime),
                );
            }
            let count = match run.count {
                None => 1,
                Some(n) if n >= 1 && n <= i64::from(u32::MAX) => n as u32,
                Some(n) => {
                    self.problem(
                        &child(&path, "count"),
                        tr!("manifest-bad-count", value = n.to_string()),
                    );
                    1
                }
            };
            let timeout = self.doc.duration(
                &child(&path, "timeout"),
                run.timeout.as_deref(),
                &mut self.problems,
            );
            let env = self.env(&child(&path, "env"), run.env.as_ref());
            runs.push(RunSpec {
                name: run.name,
                bench: run.bench.unwrap_or_else(|| "^$".to_owned()),
                test: run.test.unwrap_or_else(|| "^$".to_owned()),
                benchtime: run.benchtime,
                count,
                benchmem: run.benchmem.unwrap_or(true),
                cpu: run.cpu,
                timeout: timeout.unwrap_or(DEFAULT_RUN_TIMEOUT),
                env,
                serve,
            });
        }
        runs
    }

    /// A benchmark run's `bench:` or `test:` pattern.
    fn patterns(&mut self, path: &str, run: &RunFile) {
        match (&run.bench, &run.test) {
            (None, None) => self.problem(path, tr!("manifest-run-needs-pattern")),
            (Some(_), Some(_)) => {
                self.problem(&child(path, "test"), tr!("manifest-run-bench-and-test"));
            }
            _ => {}
        }
        for (key, pattern) in [("bench", &run.bench), ("test", &run.test)] {
            let Some(pattern) = pattern else { continue };
            if pattern.trim().is_empty() {
                self.problem(&child(path, key), tr!("manifest-pattern-empty", key = key));
            } else if let Err(e) = go_test_pattern(pattern) {
                self.problem(&child(path, key), e);
            }
        }
        for key in ["load", "collect"] {
            let given = match key {
                "load" => run.load.is_some(),
                _ => run.collect.is_some(),
            };
            if given {
                self.problem(&child(path, key), tr!("manifest-serve-key", key = key));
            }
        }
    }

    /// A `serve` run's server, load and collection; the keys of benchmark
    /// runs are refused in it.
    fn serve(
        &mut self,
        path: &str,
        run: &mut RunFile,
        package: Option<&Path>,
    ) -> Option<Box<ServeSpec>> {
        let serve = run.serve.take()?;
        let given = [
            ("bench", run.bench.is_some()),
            ("test", run.test.is_some()),
            ("benchtime", run.benchtime.is_some()),
            ("count", run.count.is_some()),
            ("benchmem", run.benchmem.is_some()),
            ("cpu", run.cpu.is_some()),
        ];
        for (key, _) in given.iter().filter(|(_, given)| *given) {
            self.problem(&child(path, key), tr!("manifest-bench-key", key = *key));
        }
        run.bench = None;
        run.test = None;
        run.benchtime = None;
        run.count = None;
        Some(Box::new(super::serve::read(
            &self.doc,
            path,
            package.unwrap_or(Path::new("")),
            serve,
            run.load.take(),
            run.collect.take(),
            &mut self.problems,
        )))
    }

    /// Each goal through the registry of goal kinds; ids must be unique.
    fn goals(&mut self, raw: Vec<serde_yaml::Value>, runs: &[RunSpec], go: GoVersion) -> Vec<Goal> {
        if raw.is_empty() {
            self.problem("goals", tr!("manifest-goals-empty"));
        }
        let runs: Vec<RunInfo<'_>> = runs
            .iter()
            .map(|r| RunInfo {
                name: &r.name,
                benchmem: r.benchmem,
                serves: r.serve.is_some(),
                loads: r.serve.as_ref().is_some_and(|s| s.load.is_some()),
                open_loop: r
                    .serve
                    .as_ref()
                    .and_then(|s| s.load.as_ref())
                    .is_some_and(|l| l.rate.is_some()),
            })
            .collect();
        let mut goals = Vec::new();
        let mut ids = HashSet::new();
        for (i, value) in raw.into_iter().enumerate() {
            let path = element("goals", i);
            let Some(goal) = read_goal(&self.doc, &path, value, &runs, go, &mut self.problems)
            else {
                continue;
            };
            self.fits(&path, &goal, &runs);
            if goal.id.trim().is_empty() {
                self.problem(&child(&path, "id"), tr!("manifest-goal-id-empty"));
            } else if !ids.insert(goal.id.clone()) {
                self.problem(
                    &child(&path, "id"),
                    tr!("manifest-goal-twice", id = &goal.id),
                );
            }
            goals.push(goal);
        }
        goals
    }

    /// A goal reads runs of the shape it needs: benchmark goals a run of
    /// benchmarks, load and endpoint goals a run that serves.
    fn fits(&mut self, path: &str, goal: &Goal, runs: &[RunInfo<'_>]) {
        use crate::goals::Requirement;
        let Some((requirement, run)) = goal.requirements().into_iter().find_map(|r| {
            let run = runs.iter().find(|run| run.name == r.run())?;
            (!r.fits(run)).then_some((r, *run))
        }) else {
            return;
        };
        let (kind, serves, run) = (goal.kind_name(), run.serves, run.name);
        let message = match requirement {
            Requirement::Load { .. } | Requirement::LoadPairs { .. } if serves => {
                tr!("manifest-goal-needs-load", kind = kind, run = run)
            }
            Requirement::Profile { .. }
            | Requirement::ProfilePairs { .. }
            | Requirement::Trace { .. } => {
                tr!("manifest-goal-needs-load-pprof", kind = kind, run = run)
            }
            Requirement::Load { .. }
            | Requirement::LoadPairs { .. }
            | Requirement::Endpoint { .. } => {
                tr!("manifest-goal-needs-serve", kind = kind, run = run)
            }
            _ => tr!("manifest-goal-needs-go-test", kind = kind, run = run),
        };
        let at = if self.doc.has(&child(path, "run")) {
            child(path, "run")
        } else {
            child(path, "kind")
        };
        self.problem(&at, message);
    }

    /// The reference solution's files, under `checks/<id>/solution/`.
    fn solution(&mut self, names: &[String], check_path: &Path, root: &Path) -> Vec<SolutionFile> {
        if names.is_empty() {
            self.problem("solution", tr!("manifest-solution-empty"));
        }
        let solution_dir = check_path.with_file_name("solution");
        let mut solution = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let path = element("solution", i);
            match safe_relative(name) {
                Ok(target) => {
                    let source = solution_dir.join(&target);
                    if let Err(e) = inside(root, &source) {
                        self.problem(&path, e);
                    } else if source.is_file() {
                        solution.push(SolutionFile { source, target });
                    } else {
                        self.problem(
                            &path,
                            tr!("manifest-solution-missing", path = display(&source)),
                        );
                    }
                }
                Err(e) => self.problem(&path, e),
            }
        }
        solution
    }
}
