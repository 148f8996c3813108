//! What a check found, as data: the verdict on each goal, or why the goals
//! could not be judged (a build error, failing tests, a hang), the artifacts
//! and the time each step took. Reports render it; nothing here prints.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use super::hang::HangReport;
use super::protected::ProtectedFile;
use crate::exec::{BuildFailure, GoInfo, OutputCut};
use crate::goals::{Outcome, Status};

/// Whether a check passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Fail,
    /// Nothing was judged: the installed Go is too old for the exercise
    /// (see [`CheckReport::skip`]). Not a failure of the attendee's code.
    Skipped,
}

/// Why a check failed before its goals could be judged.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    /// The package or its tests do not compile.
    Build(BuildFailure),
    /// A functional test failed.
    Tests {
        output: String,
        /// What was left out of an output too long to keep whole.
        #[serde(skip_serializing_if = "Option::is_none")]
        cut: Option<OutputCut>,
    },
    /// A benchmark failed (b.Fatal, a panic).
    Benchmark {
        run: String,
        output: String,
        /// What was left out of an output too long to keep whole.
        #[serde(skip_serializing_if = "Option::is_none")]
        cut: Option<OutputCut>,
    },
    /// A run hit its deadline, every goroutine blocked, or Ctrl-C stopped it
    /// to see where the code was.
    Hang {
        step: String,
        deadlock: bool,
        /// Stopped by Ctrl-C rather than by its deadline.
        interrupted: bool,
        #[serde(serialize_with = "crate::units::seconds")]
        timeout: Duration,
        report: HangReport,
        output: String,
        /// What was left out of an output too long to keep whole.
        #[serde(skip_serializing_if = "Option::is_none")]
        cut: Option<OutputCut>,
    },
    /// The exercise's server failed: it did not build is a `Build`; this is
    /// one that never became ready, or ended while it was needed.
    Server {
        step: String,
        /// Its output worth showing: from a panic on, else its last lines.
        output: String,
        /// Its whole (bounded) output.
        log: PathBuf,
    },
}

/// One step of a check and how long it took.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    pub name: String,
    #[serde(serialize_with = "crate::units::seconds")]
    pub elapsed: Duration,
}

/// Everything a check found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckReport {
    pub exercise: String,
    pub title: String,
    pub status: CheckStatus,
    /// Why the whole exercise was left out, when it was (`status: skipped`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip: Option<crate::goals::Skip>,
    pub message: Option<String>,
    pub failure: Option<Failure>,
    pub goals: Vec<Outcome>,
    pub artifacts: BTreeMap<String, PathBuf>,
    pub go: GoInfo,
    pub steps: Vec<Step>,
    #[serde(serialize_with = "crate::units::seconds")]
    pub elapsed: Duration,
    pub docs: Option<PathBuf>,
    /// The Go module path of the exercises (from their go.mod): names in
    /// evidence are full; the text report shows them relative to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// What the attendee should know that is no verdict: a server that had to
    /// be killed, a port taken and chosen again.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The attendee's protected files (tests, test data) that are not the
    /// workshop's: the check compiled and ran the workshop's instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub protected_differ: Vec<ProtectedFile>,
}

impl CheckReport {
    /// The report of a check that judged nothing: the whole exercise is
    /// left out, for `skip`'s reason.
    pub fn left_out(
        exercise: &crate::manifest::Exercise,
        skip: crate::goals::Skip,
        tree: &super::Tree,
        go: &crate::exec::GoTool,
    ) -> CheckReport {
        CheckReport {
            exercise: exercise.id.clone(),
            title: exercise.title.read().to_owned(),
            status: CheckStatus::Skipped,
            message: Some(crate::tr!(
                "gate-exercise-needs-go",
                exercise = exercise.id.clone(),
                go = skip.go.clone(),
                found = skip.found.clone()
            )),
            skip: Some(skip),
            failure: None,
            goals: Vec::new(),
            artifacts: BTreeMap::new(),
            go: go.info.clone(),
            steps: Vec::new(),
            elapsed: Duration::ZERO,
            docs: exercise.docs.clone(),
            module: crate::workspace::go_module_path(&tree.module_dir),
            notes: Vec::new(),
            protected_differ: Vec::new(),
        }
    }

    /// The goals that failed.
    pub fn failed(&self) -> Vec<&str> {
        self.goals
            .iter()
            .filter(|g| g.status == Status::Fail)
            .map(|g| g.id.as_str())
            .collect()
    }

    /// Keeps the hints of the goals `shown` says, and drops the others.
    pub fn keep_hints(&mut self, shown: impl Fn(&str) -> bool) {
        for goal in &mut self.goals {
            if !shown(&goal.id) {
                goal.hint = None;
            }
        }
    }

    /// Whether Ctrl-C stopped the check (it shows where the code was).
    pub fn interrupted(&self) -> bool {
        matches!(
            self.failure,
            Some(Failure::Hang {
                interrupted: true,
                ..
            })
        )
    }

    /// Each goal's measured value, when it has a finite one.
    pub fn values(&self) -> std::collections::BTreeMap<String, f64> {
        self.goals
            .iter()
            .filter_map(|g| Some((g.id.clone(), g.measured.filter(|v| v.is_finite())?)))
            .collect()
    }

    pub fn met(&self) -> usize {
        self.goals
            .iter()
            .filter(|g| g.status == Status::Pass)
            .count()
    }

    /// The goals left out of the check (they need a newer Go).
    pub fn skipped(&self) -> usize {
        self.goals
            .iter()
            .filter(|g| g.status == Status::Skipped)
            .count()
    }
}
