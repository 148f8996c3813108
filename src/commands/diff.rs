//! `workshop diff [<id>]`: the attendee's changes against the starter, or
//! (`--solution`) how their files differ from the reference solution.

use super::Context;
use crate::Exit;
use crate::cli::DiffArgs;
use crate::report;
use crate::starter;

pub fn run(cx: &Context, args: &DiffArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = match args.id.as_deref() {
        Some(id) => workshop.exercise(id)?,
        None => workshop.exercise_here()?,
    };
    let pristine = starter::starter(&workshop, exercise)?.files;
    let yours = starter::current(&workshop, exercise, &pristine)?;
    let text = if args.solution {
        let solution = starter::solution(exercise, &pristine)?;
        report::human::diff(exercise, (&yours, "yours"), (&solution, "solution"))
    } else {
        report::human::diff(exercise, (&pristine, "starter"), (&yours, "yours"))
    };
    report::out(&text);
    Ok(Exit::Success)
}
