//! `workshop restore <id>`: bring back the attendee's files from a backup.

use super::Context;
use crate::Exit;
use crate::cli::RestoreArgs;
use crate::report;
use crate::starter;

pub fn run(cx: &Context, args: &RestoreArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = workshop.exercise(&args.id)?;
    if args.list {
        let backups = starter::backups(&workshop, exercise);
        report::out(&report::human::backups(exercise, &backups));
        return Ok(Exit::Success);
    }
    let chosen = starter::chosen_backup(&workshop, exercise, args.from.as_deref())?;
    let (wanted, modes) = starter::read_backup(&chosen)?;
    let pristine = starter::pristine(&workshop, exercise).unwrap_or_default();
    let current = starter::current(&workshop, exercise, &pristine)?;
    // What is there now is saved too: restoring never loses anything either.
    let saved = (current != wanted)
        .then(|| starter::backup(&workshop, exercise, &current))
        .transpose()?;
    starter::replace(&workshop, exercise, &current, &wanted, &modes)?;
    report::out(&report::human::restored(
        exercise,
        &chosen,
        saved.as_deref(),
    ));
    Ok(Exit::Success)
}
