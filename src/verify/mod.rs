//! `workshop verify`: for each exercise, check a temporary copy of the starter
//! and a temporary copy with the reference solution applied, `rounds` times,
//! and judge every goal on both sides ([`judge`]): it must fail on the starter
//! (or be met there, where its check file says `starter: met`) and be met by
//! the solution, every round, with a margin. The workshop's own files are only
//! read, but for the starter sums of an exercise that has none ([`sums`]):
//! the instructor's working tree is the starter, recorded for attendees.

pub mod judge;
mod load;
mod margin;
mod skipped;
pub mod sums;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub use judge::{GoalVerdict, Margin, SideValues};
pub use load::Load;
pub use sums::{SumsCheck, SumsStatus};

use crate::exec::{self, GoTool};
use crate::layout::Layout;
use crate::manifest::{Exercise, Workshop};
use crate::run::{self, CheckEvent, CheckReport, Tree};
use crate::tr;
use crate::workspace;

/// Which copy of an exercise was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Starter,
    Solution,
}

/// How one side of an exercise behaved over the rounds, and whether that is
/// what it should do.
#[derive(Debug, serde::Serialize)]
pub struct SideResult {
    pub side: Side,
    /// The side behaved as it must.
    pub ok: bool,
    /// Why not, when it did not.
    pub reason: Option<String>,
    /// The check of the first round that misbehaved, else of the last round.
    pub check: Option<CheckReport>,
    /// The check could not run.
    pub error: Option<String>,
}

/// Both sides of one exercise.
#[derive(Debug, serde::Serialize)]
pub struct ExerciseResult {
    pub exercise: String,
    pub ok: bool,
    pub starter: SideResult,
    pub solution: SideResult,
    /// Every goal, judged on both sides over all rounds.
    pub goals: Vec<GoalVerdict>,
    /// Margin warnings among the goals.
    pub warnings: usize,
    #[serde(serialize_with = "crate::units::seconds")]
    pub elapsed: Duration,
    /// The exercise's starter sums: matched, recorded now, or differing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starter_sums: Option<SumsCheck>,
    /// Why the whole exercise was left out (the Go that runs verify is too
    /// old for it): nothing was checked, and that is no failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip: Option<crate::goals::Skip>,
}

/// How verify runs.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// How many checks at once.
    pub jobs: usize,
    /// How many times each side is checked.
    pub rounds: usize,
    /// Margin warnings count as failures.
    pub strict: bool,
    /// Record the starter sums again where the working tree's starter
    /// differs from them.
    pub record_starter: bool,
}

/// Something to tell the user while verify runs.
pub enum Progress<'a> {
    Started {
        exercise: &'a str,
        side: Side,
        round: usize,
    },
    /// A step of that side's check begins.
    Step {
        exercise: &'a str,
        side: Side,
        step: &'a str,
    },
    Finished {
        exercise: &'a str,
        side: Side,
        ok: bool,
    },
}

/// One check of one side in one round, as it went.
pub(crate) struct SideRun {
    pub report: Result<CheckReport, String>,
    pub elapsed: Duration,
}

/// Verifies `exercises`, each side `options.rounds` times, with up to
/// `options.jobs` checks at once.
pub fn verify(
    workshop: &Workshop,
    exercises: &[&Exercise],
    options: Options,
    go: &GoTool,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Vec<ExerciseResult> {
    let rounds = options.rounds.max(1);
    // What this Go cannot judge at all is never checked.
    let left_out: Vec<Option<crate::goals::Skip>> = exercises
        .iter()
        .map(|exercise| match exercise.gate(go.info.parsed) {
            crate::manifest::GoGate::Exercise { needed } => {
                Some(crate::goals::Skip::needs_go(needed, &go.info.version))
            }
            _ => None,
        })
        .collect();
    // The working tree is every round's starter, and its sums are checked
    // (or recorded) once, before any check.
    let starters: Vec<(Option<workspace::Files>, SumsCheck)> = exercises
        .iter()
        .map(|exercise| sums::starter_sums(workshop, exercise, options.record_starter))
        .collect();
    // Round by round, so that every exercise has a round done before the next
    // begins: what the machine does over time spreads over all of them.
    let judged: Vec<usize> = (0..exercises.len())
        .filter(|i| left_out[*i].is_none())
        .collect();
    let tasks: Vec<(usize, Side, usize)> = (0..rounds)
        .flat_map(|round| {
            judged
                .iter()
                .flat_map(move |&i| [(i, Side::Starter, round), (i, Side::Solution, round)])
        })
        .collect();
    let runs: Mutex<Vec<Option<SideRun>>> = Mutex::new((0..tasks.len()).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    let jobs = options.jobs.clamp(1, tasks.len().max(1));

    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(exercise_index, side, round)) = tasks.get(index) else {
                        break;
                    };
                    let exercise = exercises[exercise_index];
                    progress(Progress::Started {
                        exercise: &exercise.id,
                        side,
                        round,
                    });
                    let started = Instant::now();
                    let report = if exec::interrupted() {
                        Err(tr!("exec-interrupted"))
                    } else {
                        let starter = starters[exercise_index].0.as_ref();
                        check_side(workshop, exercise, starter, side, go, progress)
                    };
                    let ok = report
                        .as_ref()
                        .is_ok_and(|r| judge::side_problem(side, r).is_none());
                    progress(Progress::Finished {
                        exercise: &exercise.id,
                        side,
                        ok,
                    });
                    let mut runs = runs.lock().unwrap_or_else(|e| e.into_inner());
                    runs[index] = Some(SideRun {
                        report,
                        elapsed: started.elapsed(),
                    });
                }
            });
        }
    });

    let mut runs: Vec<Option<SideRun>> = runs.into_inner().unwrap_or_else(|e| e.into_inner());
    exercises
        .iter()
        .enumerate()
        .map(|(i, exercise)| {
            if let Some(skip) = left_out[i].clone() {
                return skipped::left_out(exercise, skip);
            }
            let mut take = |side: Side| -> Vec<SideRun> {
                tasks
                    .iter()
                    .enumerate()
                    .filter(|(_, (e, s, _))| *e == i && *s == side)
                    .map(|(index, _)| {
                        runs[index].take().unwrap_or(SideRun {
                            report: Err(tr!("verify-not-run")),
                            elapsed: Duration::ZERO,
                        })
                    })
                    .collect()
            };
            let starter = take(Side::Starter);
            let solution = take(Side::Solution);
            let mut result = judge::exercise(exercise, starter, solution, options.strict);
            let sums = starters[i].1.clone();
            result.ok &= sums.problem().is_none();
            result.starter_sums = Some(sums);
            result
        })
        .collect()
}

/// Checks one side of an exercise in a temporary copy of the module.
fn check_side(
    workshop: &Workshop,
    exercise: &Exercise,
    starter: Option<&workspace::Files>,
    side: Side,
    go: &GoTool,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<CheckReport, String> {
    let (_temp, tree) = prepare(workshop, exercise, starter, side)?;
    let listener = |event: &CheckEvent<'_>| match event {
        CheckEvent::StepStarted { exercise, step, .. } => progress(Progress::Step {
            exercise,
            side,
            step,
        }),
        CheckEvent::RunProgress {
            exercise,
            step,
            done,
            total,
        } => progress(Progress::Step {
            exercise,
            side,
            step: &format!("{step} ({done}/{total})"),
        }),
        _ => {}
    };
    run::check(exercise, &tree, go, &listener).map_err(|e| crate::display::error_chain(&e))
}

/// A temporary copy of the exercises' module, with the solution applied if asked.
fn prepare(
    workshop: &Workshop,
    exercise: &Exercise,
    starter: Option<&workspace::Files>,
    side: Side,
) -> Result<(tempfile::TempDir, Tree), String> {
    let temp = tempfile::Builder::new()
        .prefix("workshop-verify-")
        .tempdir()
        .map_err(|e| tr!("verify-cannot-make-temp", error = e.to_string()))?;
    let root = temp
        .path()
        .canonicalize()
        .map_err(|e| tr!("verify-cannot-resolve-temp", error = e.to_string()))?;
    crate::fence::enclose(&root);
    let module_dir = root.join(&workshop.module);
    let chain = |e: workspace::FileError| crate::display::error_chain(&e);
    workspace::copy_tree(&workshop.module_dir(), &module_dir).map_err(chain)?;
    if side == Side::Solution {
        let package_dir = exercise.package_dir(&module_dir);
        for file in &exercise.solution {
            let target = package_dir.join(&file.target);
            if let Some(parent) = target.parent() {
                crate::fence::create_dir_all(parent).map_err(|e| {
                    tr!(
                        "verify-cannot-create",
                        path = parent.display().to_string(),
                        error = e.to_string()
                    )
                })?;
            }
            workspace::copy_file(&file.source, &target).map_err(|e| {
                tr!(
                    "verify-cannot-apply",
                    path = crate::display::path(&file.source),
                    error = e.to_string()
                )
            })?;
        }
    }
    // verify works on the repository itself: the working tree is the starter.
    let tree = Tree {
        module_dir,
        layout: Layout::new(&root),
        module_label: workshop.module.clone(),
        starter: starter.cloned(),
        starter_missing: None,
        starter_note: None,
        fresh: true,
        starter_artifacts: false,
    };
    Ok((temp, tree))
}
