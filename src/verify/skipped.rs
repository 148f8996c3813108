//! What verify leaves out for the Go that runs it: an exercise whose check
//! file needs a newer Go is never checked, and a goal that needs one is left
//! out of both sides alike; neither is a pass or a failure.

use std::time::Duration;

use super::{ExerciseResult, Side, SideResult, SideRun};
use crate::goals::Status;
use crate::manifest::Exercise;

/// Why goal `id` was left out, when every check of both sides that ran left
/// it out: the Go of one verify is the same for every check.
pub(super) fn skipped_everywhere(
    id: &str,
    starter: &[SideRun],
    solution: &[SideRun],
) -> Option<crate::goals::Skip> {
    let mut outcomes = starter
        .iter()
        .chain(solution)
        .filter_map(|r| r.report.as_ref().ok())
        .filter_map(|r| r.goals.iter().find(|o| o.id == id))
        .peekable();
    let skip = outcomes.peek()?.skip.clone()?;
    outcomes
        .all(|o| o.status == Status::Skipped)
        .then_some(skip)
}

/// An exercise left out of verify whole, its checks never run: the Go that
/// runs verify is older than it needs (`skip`).
pub(crate) fn left_out(exercise: &Exercise, skip: crate::goals::Skip) -> ExerciseResult {
    let side = |side| SideResult {
        side,
        ok: true,
        reason: None,
        check: None,
        error: None,
    };
    ExerciseResult {
        exercise: exercise.id.clone(),
        ok: true,
        starter: side(Side::Starter),
        solution: side(Side::Solution),
        goals: Vec::new(),
        warnings: 0,
        elapsed: Duration::ZERO,
        starter_sums: None,
        skip: Some(skip),
    }
}
