//! `workshop verify`: for each exercise, check a temporary copy of the starter
//! (it must fail a goal) and a temporary copy with the reference solution applied
//! (it must meet every goal). The workshop's own files are only read.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::exec::{self, GoTool};
use crate::goals::Status;
use crate::layout::Layout;
use crate::manifest::{Exercise, Workshop};
use crate::run::{self, CheckEvent, CheckReport, CheckStatus, Tree};
use crate::workspace;

/// Which copy of an exercise was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Starter,
    Solution,
}

/// How one side of an exercise behaved, and whether that is what it should do.
#[derive(Debug, serde::Serialize)]
pub struct SideResult {
    pub side: Side,
    /// The side behaved as it must.
    pub ok: bool,
    /// Why not, when it did not.
    pub reason: Option<String>,
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
    #[serde(serialize_with = "crate::units::seconds")]
    pub elapsed: Duration,
}

/// Something to tell the user while verify runs.
pub enum Progress<'a> {
    Started {
        exercise: &'a str,
        side: Side,
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

/// Verifies `exercises` with up to `jobs` checks at once.
pub fn verify(
    workshop: &Workshop,
    exercises: &[&Exercise],
    jobs: usize,
    go: &GoTool,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Vec<ExerciseResult> {
    let tasks: Vec<(usize, Side)> = (0..exercises.len())
        .flat_map(|i| [(i, Side::Starter), (i, Side::Solution)])
        .collect();
    let results: Mutex<Vec<Option<(SideResult, Duration)>>> =
        Mutex::new((0..tasks.len()).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    let jobs = jobs.clamp(1, tasks.len().max(1));

    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(exercise_index, side)) = tasks.get(index) else {
                        break;
                    };
                    let exercise = exercises[exercise_index];
                    progress(Progress::Started {
                        exercise: &exercise.id,
                        side,
                    });
                    let started = Instant::now();
                    let result = if exec::interrupted() {
                        errored(side, "interrupted".into())
                    } else {
                        verify_side(workshop, exercise, side, go, progress)
                    };
                    progress(Progress::Finished {
                        exercise: &exercise.id,
                        side,
                        ok: result.ok,
                    });
                    let mut results = results.lock().unwrap_or_else(|e| e.into_inner());
                    results[index] = Some((result, started.elapsed()));
                }
            });
        }
    });

    let mut results = results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter();
    exercises
        .iter()
        .map(|exercise| {
            let (starter, a) = results
                .next()
                .flatten()
                .unwrap_or_else(|| (errored(Side::Starter, "not run".into()), Duration::ZERO));
            let (solution, b) = results
                .next()
                .flatten()
                .unwrap_or_else(|| (errored(Side::Solution, "not run".into()), Duration::ZERO));
            ExerciseResult {
                exercise: exercise.id.clone(),
                ok: starter.ok && solution.ok,
                starter,
                solution,
                elapsed: a + b,
            }
        })
        .collect()
}

fn errored(side: Side, error: String) -> SideResult {
    SideResult {
        side,
        ok: false,
        reason: Some(format!("could not run: {error}")),
        check: None,
        error: Some(error),
    }
}

fn verify_side(
    workshop: &Workshop,
    exercise: &Exercise,
    side: Side,
    go: &GoTool,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> SideResult {
    let prepared = prepare(workshop, exercise, side);
    let (_temp, tree) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => return errored(side, e),
    };
    let listener = |event: &CheckEvent<'_>| match event {
        CheckEvent::StepStarted { exercise, step } => progress(Progress::Step {
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
    match run::check(exercise, &tree, go, &listener) {
        Ok(report) => judge(side, report),
        Err(e) => errored(side, crate::display::error_chain(&e)),
    }
}

/// The starter must run cleanly and fail at least one goal; the solution must pass.
fn judge(side: Side, report: CheckReport) -> SideResult {
    let reason = match side {
        Side::Starter => {
            if let Some(message) = report.failure.as_ref().and(report.message.as_ref()) {
                Some(format!("the starter should run cleanly but: {message}"))
            } else if report.goals.iter().any(|g| g.status == Status::Fail) {
                None
            } else {
                Some("the starter fails no goal: the exercise asks for nothing".into())
            }
        }
        Side::Solution => match report.status {
            CheckStatus::Pass => None,
            CheckStatus::Fail => Some(match &report.message {
                Some(message) => format!("the solution should pass but: {message}"),
                None => format!(
                    "the solution meets {} of {} goals",
                    report.met(),
                    report.goals.len()
                ),
            }),
        },
    };
    SideResult {
        side,
        ok: reason.is_none(),
        reason,
        check: Some(report),
        error: None,
    }
}

/// A temporary copy of the exercises' module, with the solution applied if asked.
fn prepare(
    workshop: &Workshop,
    exercise: &Exercise,
    side: Side,
) -> Result<(tempfile::TempDir, Tree), String> {
    let temp = tempfile::Builder::new()
        .prefix("workshop-verify-")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let root = temp
        .path()
        .canonicalize()
        .map_err(|e| format!("cannot resolve the temporary directory: {e}"))?;
    let module_dir = root.join(&workshop.module);
    let chain = |e: workspace::FileError| crate::display::error_chain(&e);
    workspace::copy_tree(&workshop.module_dir(), &module_dir).map_err(chain)?;
    if side == Side::Solution {
        let package_dir = exercise.package_dir(&module_dir);
        for file in &exercise.solution {
            let target = package_dir.join(&file.target);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            std::fs::copy(&file.source, &target)
                .map_err(|e| format!("cannot apply {}: {e}", crate::display::path(&file.source)))?;
        }
    }
    // verify works on the repository itself: the working tree is the starter.
    let starter = crate::starter::current(workshop, exercise, &workspace::Files::new()).ok();
    let tree = Tree {
        module_dir,
        layout: Layout::new(&root),
        module_label: workshop.module.clone(),
        starter,
        fresh: true,
    };
    Ok((temp, tree))
}
