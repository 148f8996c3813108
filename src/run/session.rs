//! One check in progress: its scope, the steps taken and the artifacts made
//! so far. Each step returns `Result<T, Stop>`, so the first failure or error
//! ends the pipeline with `?`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::baseline;
use super::plan::{Collect, Invocation, bench_args, go_duration, plan};
use super::program;
use super::protected::Protection;
use super::scope::{
    BUILD_TIMEOUT, Scope, TestBinary, hang_message, hung, read_profile, read_trace, succeeded,
    write_profile,
};
use super::serve::{ServerBuild, Serving, Side, build_server, server_name};
use super::starter::StarterBuild;
use super::{CheckError, CheckEvent, Failure, Listener, Step, Stop, Tree};
use crate::exec::{Compiled, Finished, GoTool};
use crate::goals::{
    Facts, MeasuredTrace, ProfileFacts, ProfileKind, SNAPSHOT_ENV, Snapshot, cpu_samples,
};
use crate::manifest::{Exercise, RunSpec, ServeSpec};
use crate::tr;

/// How many times longer a thin CPU profile may be taken again.
const MAX_PROFILE_SCALE: u32 = 8;

/// One check in progress.
pub(super) struct Session<'a> {
    pub scope: Scope<'a>,
    /// How long each step took in the last check.
    pub usual: std::collections::BTreeMap<String, std::time::Duration>,
    pub steps: Vec<Step>,
    pub artifacts: BTreeMap<String, PathBuf>,
    pub starter: StarterBuild,
    /// What the attendee should know beside the verdicts.
    pub notes: Vec<String>,
    /// The servers of serve runs, built once each, by main package.
    servers: BTreeMap<PathBuf, ServerBuild>,
}

impl<'a> Session<'a> {
    pub fn new(
        exercise: &'a Exercise,
        tree: &'a Tree,
        go: &'a GoTool,
        run_dir: PathBuf,
        listener: Listener<'a>,
        protection: Protection,
    ) -> Self {
        Session {
            scope: Scope {
                exercise,
                tree,
                go,
                package_dir: exercise.package_dir(&tree.module_dir),
                run_dir,
                listener,
                protection,
            },
            usual: BTreeMap::new(),
            steps: Vec::new(),
            artifacts: BTreeMap::new(),
            starter: StarterBuild::Unbuilt,
            notes: Vec::new(),
            servers: BTreeMap::new(),
        }
    }

    /// Build, test, then every planned run; the facts they give go to `facts`.
    pub fn pipeline(&mut self, facts: &mut Facts) -> Result<(), Stop> {
        let mine = self.build()?;
        self.tests(&mine)?;
        let asked = self.scope.exercise.goals.iter().any(|goal| {
            goal.requirements()
                .contains(&crate::goals::Requirement::Compiler)
        });
        if asked {
            facts.compiler = Some(self.step_until(
                || tr!("run-step-decisions"),
                Some(BUILD_TIMEOUT),
                |s| super::decisions::decisions(&s.scope),
            )?);
            self.artifacts.insert(
                "decisions-log".into(),
                self.scope.run_dir.join("decisions.log"),
            );
        }
        if program::wanted(&self.scope) {
            let (binary, built) = self.step(
                || tr!("run-step-build-program"),
                |s| program::build(&s.scope),
            )?;
            if built.info.is_some() {
                self.artifacts.insert("program".into(), binary);
            }
            facts.program = Some(built);
        }
        for invocation in plan(self.scope.exercise) {
            if let Some(serve) = &invocation.run.serve {
                let mine = self.server(serve)?;
                self.step(
                    || invocation.describe(),
                    |s| {
                        Serving {
                            scope: &s.scope,
                            spec: invocation.run,
                            serve,
                            mine: &mine,
                            starter: &mut s.starter,
                            notes: &mut s.notes,
                            artifacts: &mut s.artifacts,
                        }
                        .collect(&invocation, facts)
                    },
                )?;
                continue;
            }
            match invocation.collect {
                Collect::Baseline => {
                    let spec = invocation.run;
                    let found = self.step(
                        || invocation.describe(),
                        |s| baseline::baseline(&s.scope, &mut s.starter, &invocation, &mine),
                    )?;
                    if let Some(found) = found {
                        facts.baselines.insert(spec.name.clone(), found);
                    }
                }
                Collect::ProfilePairs(kind) => {
                    let spec = invocation.run;
                    let found = self.step(
                        || invocation.describe(),
                        |s| {
                            baseline::profile_pairs(
                                &s.scope,
                                &mut s.starter,
                                &invocation,
                                kind,
                                &mine,
                            )
                        },
                    )?;
                    if let Some(pairs) = found {
                        facts.profile_pairs.insert((spec.name.clone(), kind), pairs);
                    }
                }
                _ => self.measure(&invocation, &mine, facts)?,
            }
        }
        Ok(())
    }

    /// The server of a serve run, built the first time one is asked for.
    fn server(&mut self, serve: &ServeSpec) -> Result<ServerBuild, Stop> {
        if let Some(built) = self.servers.get(&serve.main) {
            return Ok(built.clone());
        }
        let binary = self.scope.run_dir.join(server_name(&serve.main));
        let built = self.step(
            || tr!("run-step-build-server"),
            |s| {
                build_server(
                    &s.scope,
                    &s.scope.tree.module_dir,
                    &serve.main,
                    &binary,
                    Side::Mine,
                )
            },
        )?;
        self.artifacts.insert(
            format!("server-{}", serve.main.display()),
            built.binary.clone(),
        );
        self.servers.insert(serve.main.clone(), built.clone());
        Ok(built)
    }

    /// Runs one step, timing it and telling the listener. `name` says the
    /// step in the chosen language, for people; its English words are the
    /// step's key in `steps.json` and in JSON documents, whatever the language.
    pub fn step<T>(
        &mut self,
        name: impl Fn() -> String,
        run: impl FnOnce(&mut Self) -> Result<T, Stop>,
    ) -> Result<T, Stop> {
        self.step_until(name, None, run)
    }

    /// [`Session::step`] for a step stopped after `timeout`, which the
    /// listener hears of.
    pub fn step_until<T>(
        &mut self,
        name: impl Fn() -> String,
        timeout: Option<Duration>,
        run: impl FnOnce(&mut Self) -> Result<T, Stop>,
    ) -> Result<T, Stop> {
        let key = english(&name);
        let name = &name();
        let exercise = &self.scope.exercise.id;
        (self.scope.listener)(&CheckEvent::StepStarted {
            exercise,
            step: name,
            usual: self.usual.get(&key).copied(),
            timeout,
        });
        let started = Instant::now();
        let result = run(self);
        let elapsed = started.elapsed();
        (self.scope.listener)(&CheckEvent::StepFinished {
            exercise: &self.scope.exercise.id,
            step: name,
            elapsed,
        });
        self.steps.push(Step { name: key, elapsed });
        result
    }

    /// The attendee's test binary, built once; every run reuses it.
    fn build(&mut self) -> Result<TestBinary<'a>, Stop> {
        let binary = self.scope.run_dir.join("exercise.test");
        let log = self.scope.run_dir.join("build.log");
        let compiled = self.step_until(
            || tr!("run-step-build"),
            Some(BUILD_TIMEOUT),
            |s| {
                Ok(s.scope.go.compile_test(
                    &s.scope.tree.module_dir,
                    &s.scope.exercise.package,
                    &s.scope.mine_flags(),
                    &binary,
                    &log,
                    BUILD_TIMEOUT,
                )?)
            },
        )?;
        let binary = match compiled {
            Compiled::Failed(mut failure) => {
                self.scope.tree.label_errors(&mut failure);
                let count = failure.errors.len();
                let message = if failure.vet {
                    tr!("run-vet-problems", count = count)
                } else {
                    tr!("run-compile-errors", count = count)
                };
                return Err(Stop::failed(message, Failure::Build(failure)));
            }
            Compiled::Binary(None) => {
                return Err(CheckError::NoTests(self.scope.package_dir.clone()).into());
            }
            Compiled::Binary(Some(binary)) => binary,
        };
        self.artifacts.insert("test-binary".into(), binary.clone());
        Ok(TestBinary {
            go: self.scope.go,
            binary,
            package_dir: self.scope.protection.workdir.clone(),
            run_dir: self.scope.run_dir.clone(),
        })
    }

    /// Says, of a run that went well, that its output was too long to keep
    /// whole.
    fn note_cut(&mut self, finished: &Finished) {
        if let Some(cut) = &finished.cut {
            let note = cut.message();
            if !self.notes.contains(&note) {
                self.notes.push(note);
            }
        }
    }

    /// The functional tests first: a fast wrong answer meets no goal.
    fn tests(&mut self, mine: &TestBinary<'_>) -> Result<(), Stop> {
        let tests = &self.scope.exercise.tests;
        let log = self.scope.run_dir.join("tests.log");
        let args = vec![
            format!("-test.run={}", tests.run),
            "-test.bench=^$".into(),
            format!("-test.timeout={}", go_duration(tests.timeout)),
            "-test.paniconexit0".into(),
        ];
        let step = || tr!("run-step-tests");
        let finished = self.step_until(step, Some(tests.timeout), |_| {
            Ok(mine.run(args, tests.env.clone(), &log, tests.timeout)?)
        })?;
        self.artifacts.insert("tests-log".into(), log);
        let key = english(step);
        if let Some(hang) = hung(&finished, &key, tests.timeout, &self.scope.package_dir) {
            return Err(Stop::failed(
                hang_message(&tr!("run-the-tests"), &hang),
                hang,
            ));
        }
        if !finished.success() {
            return Err(Stop::failed(
                tr!("run-tests-fail"),
                Failure::Tests {
                    output: finished.output,
                    cut: finished.cut,
                },
            ));
        }
        self.note_cut(&finished);
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
            let log = self.scope.run_dir.join(format!("{label}.txt"));
            let artifact = invocation
                .artifact()
                .map(|file| self.scope.run_dir.join(file));
            if let Some(path) = &artifact {
                // A file left by an earlier check must not count for this one.
                let _ = crate::fence::remove_file(path);
            }
            let mut args = bench_args(&RunSpec {
                count: spec.count * scale,
                ..spec.clone()
            });
            let mut env = spec.env.clone();
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
            let finished = self.step_until(
                || invocation.describe(),
                Some(spec.timeout),
                |_| Ok(mine.run(args, env, &log, spec.timeout)?),
            )?;
            self.artifacts.insert(label.clone(), log);
            let step = english(|| invocation.describe());
            let output = succeeded(&finished, (&what, &step), spec, &self.scope.package_dir)?;
            self.note_cut(&finished);
            let ops = output.results.iter().map(|r| r.iterations).sum();
            match (invocation.collect, artifact) {
                (Collect::Profile(kind), Some(path)) => {
                    let read = read_profile(&path, spec, kind, true)?;
                    let needed = invocation.min_samples;
                    if let Ok(profile) = &read
                        && kind == ProfileKind::Cpu
                        && scale < MAX_PROFILE_SCALE
                    {
                        let have = cpu_samples(profile);
                        if have < needed {
                            let wanted = (needed * 3 / 2).div_ceil(have.max(1)) as u32;
                            scale = (scale * wanted.clamp(2, 4)).min(MAX_PROFILE_SCALE);
                            continue;
                        }
                    }
                    facts
                        .profile_files
                        .insert((spec.name.clone(), kind), path.clone());
                    self.artifacts.insert(format!("profile-{label}"), path);
                    self.starter_artifact(invocation, &format!("profile-{label}"))?;
                    facts.profiles.insert(
                        (spec.name.clone(), kind),
                        read.map(|profile| ProfileFacts { profile, ops }),
                    );
                }
                (Collect::Trace, Some(path)) => {
                    let read = read_trace(&path, &spec.name)?;
                    self.artifacts.insert(format!("trace-{}", spec.name), path);
                    self.starter_artifact(invocation, &format!("trace-{}", spec.name))?;
                    facts.traces.insert(
                        spec.name.clone(),
                        read.map(|trace| MeasuredTrace { facts: trace, ops }),
                    );
                }
                (Collect::Snapshot, Some(path)) => {
                    // The exercise's code writes the snapshot: a file that is
                    // there but not whole fails the goals on it.
                    let size = std::fs::metadata(&path).ok().map(|m| m.len());
                    let read = match size {
                        Some(_) => Some(read_trace(&path, &spec.name)?),
                        None => None,
                    };
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

impl Session<'_> {
    /// The starter's artifact beside the attendee's artifact `mine`, for
    /// looking only: kept from an earlier check, or made in a step of its own.
    fn starter_artifact(&mut self, invocation: &Invocation<'_>, mine: &str) -> Result<(), Stop> {
        let found = if super::starter_artifacts::kept(&self.scope, invocation) {
            super::starter_artifacts::starter_artifact(&self.scope, &mut self.starter, invocation)?
        } else {
            self.step(
                || tr!("run-step-starter-artifact", what = invocation.describe()),
                |s| {
                    super::starter_artifacts::starter_artifact(&s.scope, &mut s.starter, invocation)
                },
            )?
        };
        if let Some(path) = found {
            self.artifacts
                .insert(super::starter_artifacts::key(mine), path);
        }
        Ok(())
    }
}

/// A step's name in English: its key in `steps.json` and in JSON documents.
pub(super) fn english(name: impl Fn() -> String) -> String {
    crate::i18n::with_lang(crate::i18n::Lang::En, name)
}
