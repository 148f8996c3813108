//! `workshop check`'s pipeline, which `verify` and `watch` run too: compile the
//! test binary once, run the functional tests, make the runs the goals need
//! ([`plan`]), parse what they wrote, and judge every goal. A build error, a
//! failing test or a hang is a failed check (data, shown to the attendee); only
//! "could not run at all" is an error.
//!
//! The pipeline tells what it is doing through [`CheckEvent`]s; the spinner of
//! `check`, the progress bar of `verify` and `watch` all listen to the same ones.

mod baseline;
mod check_report;
mod decisions;
pub mod hang;
mod leak_main;
mod plan;
mod program;
mod protected;
mod scope;
mod serve;
mod session;
mod side_by_side;
mod starter;
mod starter_artifacts;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use check_report::{CheckReport, CheckStatus, Failure, Step};
pub use protected::{ProtectedFile, ProtectedState, differing};

use crate::exec::{GoError, GoTool};
use crate::goals::{Facts, Skip, Status};
use crate::layout::Layout;
use crate::manifest::{Exercise, GoGate, Workshop};
use crate::workspace::{self, FileError, Files};
use session::Session;

/// Where a check finds the code and puts what it makes.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The exercises' Go module.
    pub module_dir: PathBuf,
    /// The `.workshop/` directory for binaries, logs and profiles.
    pub layout: Layout,
    /// How to show the module directory in messages (e.g. `exercises`).
    pub module_label: PathBuf,
    /// The exercise's pristine starter files, for goals relative to the starter.
    pub starter: Option<Files>,
    /// Why there is no starter, when `starter` is `None`: what goals relative
    /// to the starter say instead of a verdict.
    pub starter_missing: Option<String>,
    /// Said beside the verdicts of a check that needed the starter: that it
    /// is unproven, or what brings it back.
    pub starter_note: Option<String>,
    /// Build the starter again instead of reusing its build from an earlier check.
    pub fresh: bool,
    /// Keep the starter's profiles and traces beside the attendee's, for
    /// looking (`starter_artifacts`); `verify` has no use for them.
    pub starter_artifacts: bool,
}

impl Tree {
    /// Names the files of compiler errors as the attendee finds them, from the
    /// workshop root (`exercises/heap/01-concat/concat.go`), not from the module.
    pub(crate) fn label_errors(&self, failure: &mut crate::exec::BuildFailure) {
        for error in &mut failure.errors {
            error.file = self.module_label.join(&error.file).display().to_string();
        }
    }

    /// The workshop's own tree: its module, its `.workshop/`, and the
    /// exercise's starter for goals relative to it, as identified.
    pub fn of(workshop: &Workshop, exercise: &Exercise, fresh: bool) -> Tree {
        let mut tree = Tree {
            module_dir: workshop.module_dir(),
            layout: Layout::new(&workshop.root),
            module_label: workshop.module.clone(),
            starter: None,
            starter_missing: None,
            starter_note: None,
            fresh,
            starter_artifacts: true,
        };
        tree.identify_starter(workshop, exercise);
        tree
    }

    /// Takes the starter of `exercise` (`crate::starter::starter`), or why
    /// there is none.
    pub fn identify_starter(&mut self, workshop: &Workshop, exercise: &Exercise) {
        let (files, missing, note) = match crate::starter::starter(workshop, exercise) {
            Ok(starter) => {
                let note = starter.note(exercise);
                (Some(starter.files), None, note)
            }
            Err(crate::starter::StarterError::Refused(refusal)) => {
                (None, Some(refusal.reason()), Some(refusal.note()))
            }
            Err(error) => (None, Some(crate::display::error_chain(&error)), None),
        };
        self.starter = files;
        self.starter_missing = missing;
        self.starter_note = note;
    }
}

/// What the pipeline is doing, for whoever shows progress.
#[derive(Debug)]
pub enum CheckEvent<'a> {
    /// Another check of the exercise (another `workshop check`, a `watch`)
    /// holds its run directory: this one waits until it is over.
    Waiting { exercise: &'a str },
    /// A check of the exercise begins.
    Started { exercise: &'a str },
    /// A step begins: `build`, `tests`, or a run such as `benchmark run `bench``;
    /// `usual` is how long it took in the exercise's last check.
    StepStarted {
        exercise: &'a str,
        step: &'a str,
        usual: Option<Duration>,
        /// When the step will be stopped, if it has a deadline.
        timeout: Option<Duration>,
    },
    /// A step made of many runs (against the starter, alternating) has made
    /// `done` of its `total`.
    RunProgress {
        exercise: &'a str,
        step: &'a str,
        done: u32,
        total: u32,
    },
    /// That step is over.
    StepFinished {
        exercise: &'a str,
        step: &'a str,
        elapsed: Duration,
    },
    /// The check is over and judged.
    Finished { report: &'a CheckReport },
}

/// Something that wants to hear of a check's progress.
pub type Listener<'a> = &'a (dyn Fn(&CheckEvent<'_>) + Sync);

/// Why a check could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Go(#[from] GoError),

    #[error("{}", crate::tr!("run-no-tests", path = crate::display::path(.0)))]
    NoTests(PathBuf),

    #[error("{}", crate::tr!("run-profile-unreadable", kind = .kind.to_string(), run = .run, path = crate::display::path(.path)))]
    Profile {
        run: String,
        kind: crate::goals::ProfileKind,
        path: PathBuf,
        #[source]
        source: crate::pprof::ProfileError,
    },

    #[error("{}", crate::tr!("run-trace-unreadable", run = .run, path = crate::display::path(.path)))]
    Trace {
        run: String,
        path: PathBuf,
        #[source]
        source: crate::trace::TraceError,
    },

    #[error("{}", crate::tr!("run-cannot-prepare", path = crate::display::path(.path)))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(transparent)]
    File(#[from] FileError),

    /// A `protected:` glob of the check file matches no file of the starter.
    #[error(transparent)]
    Protected(crate::manifest::ManifestError),

    #[error(transparent)]
    Overlay(#[from] crate::exec::OverlayError),

    /// The package's own `TestMain` does not write the goroutine-leak profile.
    #[error(transparent)]
    OwnTestMain(leak_main::OwnTestMain),
}

/// Checks one exercise in `tree`, telling `listener` how it goes.
pub fn check(
    exercise: &Exercise,
    tree: &Tree,
    go: &GoTool,
    listener: Listener<'_>,
) -> Result<CheckReport, CheckError> {
    let started = Instant::now();
    // What this Go cannot judge is left out: the whole exercise, reported
    // as skipped, or the goals that need more, planned and judged without.
    let gated: Vec<String> = match exercise.gate(go.info.parsed) {
        GoGate::Open => Vec::new(),
        GoGate::Exercise { needed } => {
            let skip = Skip::needs_go(needed, &go.info.version);
            let report = CheckReport::left_out(exercise, skip, tree, go);
            listener(&CheckEvent::Finished { report: &report });
            return Ok(report);
        }
        GoGate::Goals(goals) => goals.iter().map(|g| g.id.clone()).collect(),
    };
    let judged;
    let (whole, exercise) = (exercise, {
        if gated.is_empty() {
            exercise
        } else {
            let mut trimmed = exercise.clone();
            trimmed.goals.retain(|g| !gated.contains(&g.id));
            judged = trimmed;
            &judged
        }
    });
    let run_dir = tree.layout.runs(&exercise.id);
    let io = |path: &std::path::Path| {
        let path = path.to_owned();
        move |source| CheckError::Io { path, source }
    };
    crate::fence::create_dir_all(&run_dir).map_err(io(&run_dir))?;
    // Two checks of one exercise at once (watch mode and a manual check) would
    // overwrite each other's binary and logs: the second waits for the first.
    let lock_path = run_dir.join(".lock");
    let lock = crate::fence::open_lock(&lock_path).map_err(io(&lock_path))?;
    take_lock(&lock, &exercise.id, listener).map_err(|error| match error {
        LockWait::Io(source) => CheckError::Io {
            path: lock_path.clone(),
            source,
        },
        LockWait::Interrupted => CheckError::Go(GoError::Interrupted),
    })?;

    let package_dir = exercise.package_dir(&tree.module_dir);
    let protection = protected::prepare(exercise, tree, &package_dir)?;

    listener(&CheckEvent::Started {
        exercise: &exercise.id,
    });
    let mut session = Session::new(exercise, tree, go, run_dir.clone(), listener, protection);
    session.usual = last_steps(&run_dir);
    let mut facts = Facts {
        package_dir: session.scope.package_dir.clone(),
        starter_missing: tree.starter_missing.clone(),
        ..Facts::default()
    };
    let (message, failure) = match session.pipeline(&mut facts) {
        Ok(()) => (None, None),
        Err(Stop::Failed(failed)) => (Some(failed.message), Some(failed.failure)),
        Err(Stop::Error(error)) => return Err(error),
    };
    if session.starter.asked()
        && let Some(note) = &tree.starter_note
    {
        session.notes.push(note.clone());
    }
    // Code that is still the starter has nothing to show since the starter:
    // the differences would be noise between two runs of the same code.
    let changed = tree.starter.as_ref().is_none_or(|starter| {
        let package_dir = exercise.package_dir(&tree.module_dir);
        let go_files = workspace::read_tree(&package_dir, workspace::is_go).unwrap_or_default();
        protected::differing(&package_dir, starter).map_or(true, |d| !d.is_empty())
            || go_files.keys().any(|path| !starter.contains_key(path))
    });
    let goals: Vec<_> = if failure.is_none() {
        whole
            .goals
            .iter()
            .map(|g| {
                if let Some(needed) = g.go.filter(|_| gated.contains(&g.id)) {
                    return g.skipped(Skip::needs_go(needed, &go.info.version));
                }
                let mut outcome = g.evaluate(&facts);
                outcome.looks_at = crate::goals::Look::of(&g.requirements());
                if changed {
                    outcome.since_starter = since_starter(g, &facts, &session.artifacts);
                }
                outcome
            })
            .collect()
    } else {
        Vec::new()
    };
    let status = if failure.is_none()
        && goals
            .iter()
            .all(|g| matches!(g.status, Status::Pass | Status::Skipped))
    {
        CheckStatus::Pass
    } else {
        CheckStatus::Fail
    };
    let report = CheckReport {
        exercise: exercise.id.clone(),
        title: exercise.title.read().to_owned(),
        status,
        skip: None,
        message,
        failure,
        goals,
        artifacts: session.artifacts,
        go: go.info.clone(),
        steps: session.steps,
        elapsed: started.elapsed(),
        docs: exercise.docs.clone(),
        module: crate::workspace::go_module_path(&tree.module_dir),
        notes: session.notes,
        protected_differ: session.scope.protection.differ,
    };
    // A run that hung says nothing of how long it usually takes.
    if !matches!(report.failure, Some(Failure::Hang { .. })) {
        save_steps(&run_dir, &report.steps);
    }
    listener(&CheckEvent::Finished { report: &report });
    Ok(report)
}

/// What changed since the starter in the profile `goal` reads, from the
/// starter's profile kept beside the attendee's; after the verdict, and
/// never part of it.
fn since_starter(
    goal: &crate::goals::Goal,
    facts: &Facts,
    artifacts: &std::collections::BTreeMap<String, PathBuf>,
) -> Option<crate::goals::since::SinceStarter> {
    let looked = goal.kind.looked()?;
    let Ok(mine) = facts
        .profiles
        .get(&(looked.run.to_owned(), looked.profile))?
    else {
        return None;
    };
    let key = format!("profile-{}-{}", looked.run, looked.profile);
    let path = artifacts.get(&starter_artifacts::key(&key))?;
    let starter = crate::pprof::Profile::read(path).ok()?;
    crate::goals::since::since_starter(&looked, &starter, &mine.profile)
}

/// How often a check waiting for another one's lock looks again (and at Ctrl-C or `q`).
const LOCK_POLL: Duration = Duration::from_millis(100);

/// Why the run lock was not taken.
enum LockWait {
    Io(std::io::Error),
    Interrupted,
}

/// Takes the run lock of exercise `id`: at once when it is free; else the
/// listener hears that the check waits for another one, and it waits until
/// that check is over, or the user stops.
fn take_lock(lock: &std::fs::File, id: &str, listener: Listener<'_>) -> Result<(), LockWait> {
    let mut told = false;
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(error)) => return Err(LockWait::Io(error)),
        }
        if crate::exec::interrupted() {
            return Err(LockWait::Interrupted);
        }
        if !told {
            listener(&CheckEvent::Waiting { exercise: id });
            told = true;
        }
        std::thread::sleep(LOCK_POLL);
    }
}

/// Where a check keeps how long its steps took, for the next one.
fn steps_file(run_dir: &std::path::Path) -> PathBuf {
    run_dir.join("steps.json")
}

/// How long each step took in the last check, the longest of steps of one name.
fn last_steps(run_dir: &std::path::Path) -> std::collections::BTreeMap<String, Duration> {
    let read = std::fs::read(steps_file(run_dir)).ok();
    let seconds: std::collections::BTreeMap<String, f64> = read
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    seconds
        .into_iter()
        .filter(|(_, s)| s.is_finite() && *s >= 0.0)
        .map(|(name, s)| (name, Duration::from_secs_f64(s)))
        .collect()
}

/// Keeps how long the steps took; a check that cannot keep them loses nothing.
fn save_steps(run_dir: &std::path::Path, steps: &[Step]) {
    let mut longest: std::collections::BTreeMap<&str, f64> = std::collections::BTreeMap::new();
    for step in steps {
        let entry = longest.entry(&step.name).or_default();
        *entry = entry.max(step.elapsed.as_secs_f64());
    }
    if let Ok(text) = serde_json::to_vec(&longest) {
        let _ = crate::workspace::write_atomic(&steps_file(run_dir), &text, None);
    }
}

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
