//! The documents commands write: what each serialises to under `--json`, and
//! which human renderer draws it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Document;
use super::human;
use crate::bench::compare::Table;
use crate::doctor::{Finding, Health};
use crate::exec::GoInfo;
use crate::manifest::{Exercise, Workshop};
use crate::pprof::{FunctionTotal, Kind, Profile, SampleType};
use crate::run::CheckReport;
use crate::state::{Latest, Progress, State};
use crate::trace::facts::Facts as TraceFacts;
use crate::verify::ExerciseResult;

impl Document for CheckReport {
    fn human(&self) -> String {
        human::check(self)
    }
}

/// A check that could not run, for `check --json` (without `--json` it is an
/// error on stderr).
#[derive(Debug, Serialize)]
pub struct CheckErrorDoc<'a> {
    pub exercise: &'a str,
    /// Always `error`.
    pub status: &'static str,
    pub message: &'a str,
    pub goals: [(); 0],
    pub artifacts: std::collections::BTreeMap<String, PathBuf>,
    pub go: Option<&'a GoInfo>,
}

impl<'a> CheckErrorDoc<'a> {
    pub fn new(exercise: &'a str, message: &'a str, go: Option<&'a GoInfo>) -> Self {
        CheckErrorDoc {
            exercise,
            status: "error",
            message,
            goals: [],
            artifacts: Default::default(),
            go,
        }
    }
}

/// `workshop verify`: both sides of every exercise.
#[derive(Debug, Serialize)]
pub struct VerifyDoc<'a> {
    pub ok: bool,
    pub exercises: &'a [ExerciseResult],
    /// Texts of the check files without a translation (warnings, not failures).
    pub untranslated: Vec<human::UntranslatedDoc>,
}

impl<'a> VerifyDoc<'a> {
    pub fn new(
        results: &'a [ExerciseResult],
        root: &std::path::Path,
        untranslated: &[crate::manifest::translations::Untranslated],
    ) -> Self {
        VerifyDoc {
            ok: results.iter().all(|r| r.ok),
            exercises: results,
            untranslated: untranslated
                .iter()
                .map(|u| human::UntranslatedDoc {
                    file: u
                        .file
                        .strip_prefix(root)
                        .unwrap_or(&u.file)
                        .display()
                        .to_string(),
                    field: u.field.clone(),
                    lang: u.lang,
                })
                .collect(),
        }
    }
}

impl Document for VerifyDoc<'_> {
    fn human(&self) -> String {
        human::verify(self.exercises, &self.untranslated)
    }
}

/// `workshop doctor`: what was found on this machine.
#[derive(Debug, Serialize)]
pub struct DoctorDoc<'a> {
    pub ok: bool,
    pub findings: &'a [Finding],
}

impl<'a> DoctorDoc<'a> {
    pub fn new(findings: &'a [Finding]) -> Self {
        DoctorDoc {
            ok: findings.iter().all(|f| f.health != Health::Fail),
            findings,
        }
    }
}

impl Document for DoctorDoc<'_> {
    fn human(&self) -> String {
        human::doctor(self.findings)
    }
}

/// One exercise in `workshop list`.
#[derive(Debug, Serialize)]
pub struct ListEntry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub progress: Progress,
    /// What happened last: `passed`, `failing` or `reset` (absent when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<Latest>,
    /// The exercise's page, relative to the workshop root.
    pub docs: Option<&'a Path>,
    /// What the installed Go leaves out of the exercise, when it leaves out
    /// anything (and `go` could be asked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<LeftOut>,
}

/// What `check` would skip of an exercise on the installed Go.
#[derive(Debug, Serialize)]
pub struct LeftOut {
    /// The Go that judges it all, e.g. `1.27`.
    pub go: String,
    /// The goals skipped; empty when the whole exercise is.
    pub goals: Vec<String>,
}

/// `workshop list`: the exercises in curriculum order with their progress.
#[derive(Debug, Serialize)]
pub struct ListDoc<'a> {
    pub title: &'a str,
    /// The first page of the workshop text.
    pub docs: Option<&'a Path>,
    pub exercises: Vec<ListEntry<'a>>,
}

impl<'a> ListDoc<'a> {
    /// The exercises with their progress; with the installed Go's version
    /// (`found`), what it leaves out of them.
    pub fn new(
        workshop: &'a Workshop,
        state: &State,
        found: Option<crate::exec::GoVersion>,
    ) -> Self {
        let left_out = |e: &crate::manifest::Exercise| match e.gate(found) {
            crate::manifest::GoGate::Open => None,
            crate::manifest::GoGate::Exercise { needed } => Some(LeftOut {
                go: needed.to_string(),
                goals: Vec::new(),
            }),
            crate::manifest::GoGate::Goals(goals) => Some(LeftOut {
                go: e.go_for_all().to_string(),
                goals: goals.iter().map(|g| g.id.clone()).collect(),
            }),
        };
        ListDoc {
            title: workshop.title.read(),
            docs: workshop.docs.as_deref(),
            exercises: workshop
                .exercises
                .iter()
                .map(|e| ListEntry {
                    id: &e.id,
                    title: e.title.read(),
                    progress: state.progress(&e.id),
                    latest: state.latest(&e.id),
                    docs: e.docs.as_deref(),
                    left_out: left_out(e),
                })
                .collect(),
        }
    }
}

impl Document for ListDoc<'_> {
    fn human(&self) -> String {
        human::list(self.title, self.docs, &self.exercises)
    }
}

/// `workshop list --history <id>`: how each goal's measured value moved over
/// the exercise's last checks, oldest first.
#[derive(Debug, Serialize)]
pub struct HistoryDoc<'a> {
    pub exercise: &'a str,
    pub title: &'a str,
    /// Each check: when (seconds since the Unix epoch) and its verdict.
    pub checks: Vec<HistoryCheck>,
    pub goals: Vec<GoalHistory>,
}

/// One check in a history.
#[derive(Debug, Serialize)]
pub struct HistoryCheck {
    pub at: u64,
    pub passed: bool,
}

/// One goal's value in each check of a history (`null` when it had none).
#[derive(Debug, Serialize)]
pub struct GoalHistory {
    pub id: String,
    pub values: Vec<Option<f64>>,
}

impl<'a> HistoryDoc<'a> {
    pub fn new(exercise: &'a Exercise, state: &State) -> Self {
        let attempts = state.history(&exercise.id);
        HistoryDoc {
            exercise: &exercise.id,
            title: exercise.title.read(),
            checks: attempts
                .iter()
                .map(|a| HistoryCheck {
                    at: a.at,
                    passed: a.passed,
                })
                .collect(),
            goals: exercise
                .goals
                .iter()
                .map(|goal| GoalHistory {
                    id: goal.id.clone(),
                    values: attempts
                        .iter()
                        .map(|a| a.values.get(&goal.id).copied())
                        .collect(),
                })
                .collect(),
        }
    }
}

impl Document for HistoryDoc<'_> {
    fn human(&self) -> String {
        human::history(self)
    }
}

/// `workshop hint`: the hints revealed so far.
#[derive(Debug, Serialize)]
pub struct HintDoc<'a> {
    #[serde(rename = "exercise")]
    pub id: &'a str,
    pub shown: usize,
    pub total: usize,
    pub hints: &'a [crate::i18n::Text],
    /// Every hint revealed so far (`--all`), not only the new one.
    #[serde(skip)]
    pub all: bool,
    #[serde(skip)]
    pub exercise: &'a Exercise,
}

impl<'a> HintDoc<'a> {
    pub fn new(exercise: &'a Exercise, shown: usize, all: bool) -> Self {
        HintDoc {
            id: &exercise.id,
            shown,
            total: exercise.hints.len(),
            hints: &exercise.hints[..shown],
            all,
            exercise,
        }
    }
}

impl Document for HintDoc<'_> {
    fn human(&self) -> String {
        let view = if self.all {
            human::HintView::All
        } else {
            human::HintView::Newest
        };
        human::hints(self.exercise, self.shown, view)
    }
}

/// `workshop next`: the first exercise not done, or that all are.
#[derive(Debug)]
pub enum NextDoc<'a> {
    Exercise(&'a Exercise),
    AllDone { count: usize },
}

impl Serialize for NextDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self {
            NextDoc::Exercise(exercise) => {
                map.serialize_entry("next", &exercise.id)?;
                map.serialize_entry("title", &exercise.title)?;
                map.serialize_entry("docs", &exercise.docs)?;
            }
            NextDoc::AllDone { .. } => map.serialize_entry("next", &None::<String>)?,
        }
        map.end()
    }
}

impl Document for NextDoc<'_> {
    fn human(&self) -> String {
        match self {
            NextDoc::Exercise(exercise) => human::next(exercise),
            NextDoc::AllDone { count } => human::all_done(*count),
        }
    }
}

/// `workshop compare`: benchmark tables, one per unit.
#[derive(Debug, Serialize)]
pub struct CompareDoc<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
    pub units: &'a [Table],
}

impl Document for CompareDoc<'_> {
    fn human(&self) -> String {
        human::compare(self.old, self.new, self.units)
    }
}

/// `workshop inspect <trace>`: the trace's facts.
#[derive(Debug, Serialize)]
pub struct TraceDoc<'a> {
    #[serde(flatten)]
    pub facts: &'a TraceFacts,
    #[serde(skip)]
    pub path: &'a Path,
    #[serde(skip)]
    pub view: human::InspectView,
}

impl Document for TraceDoc<'_> {
    fn human(&self) -> String {
        human::trace_summary(self.path, self.facts, &self.view)
    }
}

/// `workshop inspect <profile>`: a `pprof -top`-like view of one sample type.
#[derive(Debug)]
pub struct ProfileDoc<'a> {
    pub path: &'a Path,
    pub profile: &'a Profile,
    pub view: human::ProfileView<'a>,
}

/// What `inspect <profile> --json` holds.
#[derive(Serialize)]
struct ProfileJson<'a> {
    kind: Kind,
    sample_types: &'a [SampleType],
    sample_type: &'a str,
    unit: &'a str,
    total: i64,
    focused_total: Option<i64>,
    samples: usize,
    duration_nanos: i64,
    functions: Vec<FunctionTotal>,
}

impl Serialize for ProfileDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (profile, view) = (self.profile, &self.view);
        let sample_type = &profile.sample_types[view.index];
        let mut functions = human::ordered(profile, view);
        if view.top > 0 {
            functions.truncate(view.top);
        }
        ProfileJson {
            kind: profile.kind(),
            sample_types: &profile.sample_types,
            sample_type: &sample_type.name,
            unit: &sample_type.unit,
            // With label filters, pprof's total is still that of every sample.
            total: profile.pprof_total(view.index),
            focused_total: (view.focus.is_some() || view.tag_filters.is_some())
                .then(|| profile.focused_total(view.index, view.focus)),
            samples: profile.samples.len(),
            duration_nanos: profile.duration_nanos,
            functions,
        }
        .serialize(serializer)
    }
}

impl Document for ProfileDoc<'_> {
    fn human(&self) -> String {
        human::profile(self.path, self.profile, &self.view)
    }
}
