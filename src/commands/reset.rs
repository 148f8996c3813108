//! `workshop reset <id>`: put the starter back, after saving the attendee's files.

use super::Context;
use crate::Exit;
use crate::cli::ResetArgs;
use crate::report;
use crate::starter;
use crate::tr;

pub fn run(cx: &Context, args: &ResetArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = workshop.exercise(&args.id)?;
    let found = starter::starter(&workshop, exercise)?;
    let pristine = found.files;
    let current = starter::current(&workshop, exercise, &pristine)?;
    if current == pristine {
        report::out(&format!(
            "{}\n",
            tr!("cmd-reset-nothing-to-do", id = &exercise.id)
        ));
        return Ok(Exit::Success);
    }
    let saved = starter::backup(&workshop, exercise, &current)?;
    starter::replace(&workshop, exercise, &current, &pristine, &found.modes)?;
    report::out(&report::human::reset(exercise, &saved));
    Ok(Exit::Success)
}
