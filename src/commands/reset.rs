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
    let (pristine, _) = starter::starter(&workshop, exercise)?;
    let current = starter::current(&workshop, exercise, &pristine)?;
    if current == pristine {
        report::out(&format!(
            "{}\n",
            tr!("cmd-reset-nothing-to-do", id = &exercise.id)
        ));
        return Ok(Exit::Success);
    }
    let saved = starter::backup(&workshop, exercise, &current)?;
    let modes = starter::starter_modes(&workshop, exercise, &pristine);
    starter::replace(&workshop, exercise, &current, &pristine, &modes)?;
    report::out(&report::human::reset(exercise, &saved));
    Ok(Exit::Success)
}
