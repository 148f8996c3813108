//! `workshop reset <id>`: put the starter back, after saving the attendee's files.

use super::Context;
use crate::Exit;
use crate::cli::ResetArgs;
use crate::report;
use crate::starter::{self, Snapshot, Touch};
use crate::tr;

pub fn run(cx: &Context, args: &ResetArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = workshop.exercise(&args.id)?;
    if let Some(undone) = starter::recover(&workshop, exercise)? {
        report::out(&report::human::undone(exercise, &undone));
    }
    let found = starter::starter(&workshop, exercise)?;
    let pristine = Snapshot {
        files: found.files,
        modes: found.modes,
        links: Default::default(),
    };
    let package = workshop.package_dir(exercise);
    let current = starter::current(&workshop, exercise, &pristine.files)?;
    let before = Snapshot::of(&package, current)?;
    if before.files == pristine.files && before.links.is_empty() {
        report::out(&format!(
            "{}\n",
            tr!("cmd-reset-nothing-to-do", id = &exercise.id)
        ));
        return Ok(Exit::Success);
    }
    let journal =
        starter::transaction(&workshop, exercise, "reset", &before, &pristine, Touch::All)?;
    // The verdict is forgotten inside the transaction: a command stopped
    // after it still undoes the change.
    let layout = crate::layout::Layout::new(&workshop.root);
    if let Err(e) = crate::state::State::forget_verdict(&layout, &exercise.id, true) {
        report::warning(&tr!("cmd-progress-not-saved", error = e.to_string()));
    }
    report::out(&report::human::reset(exercise, &journal.saved));
    journal.commit()?;
    Ok(Exit::Success)
}
