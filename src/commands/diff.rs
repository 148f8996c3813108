//! `workshop diff <id>`: the attendee's changes (or the solution's) against the starter.

use super::Context;
use crate::Exit;
use crate::cli::DiffArgs;
use crate::report;
use crate::starter;

pub fn run(cx: &Context, args: &DiffArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = workshop.exercise(&args.id)?;
    let (pristine, _) = starter::starter(&workshop, exercise)?;
    let (theirs, label) = if args.solution {
        (starter::solution(exercise, &pristine)?, "solution")
    } else {
        (starter::current(&workshop, exercise, &pristine)?, "yours")
    };
    report::out(&report::human::diff(exercise, &pristine, &theirs, label));
    Ok(Exit::Success)
}
