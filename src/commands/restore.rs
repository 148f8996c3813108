//! `workshop restore <id>`: bring back the attendee's files from a backup; with
//! `--tests`, put back the workshop's protected files (tests, test data).

use super::Context;
use crate::Exit;
use crate::cli::RestoreArgs;
use crate::manifest::{Exercise, Workshop};
use crate::report;
use crate::starter::{self, Snapshot, Touch};
use crate::workspace::Files;

pub fn run(cx: &Context, args: &RestoreArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = workshop.exercise(&args.id)?;
    if args.list {
        let backups = starter::backups(&workshop, exercise);
        report::out(&report::human::backups(exercise, &backups));
        return Ok(Exit::Success);
    }
    if let Some(undone) = starter::recover(&workshop, exercise)? {
        report::out(&report::human::undone(exercise, &undone));
        // The files a stopped reset was about to replace are back: that is
        // what a plain `restore` asks for after it.
        if undone.operation == "reset" && args.from.is_none() && !args.tests {
            return Ok(Exit::Success);
        }
    }
    if args.tests {
        return tests(&workshop, exercise);
    }
    let chosen = starter::chosen_backup(&workshop, exercise, args.from.as_deref())?;
    let wanted = starter::read_backup(&chosen)?;
    let pristine = starter::pristine(&workshop, exercise).unwrap_or_default();
    let package = workshop.package_dir(exercise);
    let current = starter::current(&workshop, exercise, &pristine)?;
    let before = Snapshot::of(&package, current)?;
    if before == wanted {
        report::out(&report::human::restored(exercise, &chosen, None));
        return Ok(Exit::Success);
    }
    // What is there now is saved first: a restore can be undone by another.
    let journal =
        starter::transaction(&workshop, exercise, "restore", &before, &wanted, Touch::All)?;
    // The verdict is forgotten inside the transaction: a command stopped
    // after it still undoes the change.
    let layout = crate::layout::Layout::new(&workshop.root);
    if let Err(e) = crate::state::State::forget_verdict(&layout, &exercise.id, false) {
        report::warning(&crate::tr!("cmd-progress-not-saved", error = e.to_string()));
    }
    report::out(&report::human::restored(
        exercise,
        &chosen,
        Some(&journal.saved),
    ));
    journal.commit()?;
    Ok(Exit::Success)
}

/// `--tests`: the workshop's copies of the protected files that differ, put
/// back after a backup of all the attendee's files (which `workshop restore`
/// brings back whole); nothing else is touched.
fn tests(workshop: &Workshop, exercise: &Exercise) -> anyhow::Result<Exit> {
    let found = starter::starter(workshop, exercise)?;
    let starter_files = found.files;
    let protected = exercise.protected_files(&starter_files)?;
    let pristine: Files = starter_files
        .iter()
        .filter(|(path, _)| protected.contains(*path))
        .map(|(path, bytes)| (path.clone(), bytes.clone()))
        .collect();
    let package_dir = workshop.package_dir(exercise);
    let differ = crate::run::differing(&package_dir, &pristine)?;
    if differ.is_empty() {
        report::out(&report::human::tests_already_restored(exercise));
        return Ok(Exit::Success);
    }
    let current = starter::current(workshop, exercise, &starter_files)?;
    let all = Snapshot::of(&package_dir, current)?;
    let wanted = Snapshot {
        files: pristine
            .into_iter()
            .filter(|(path, _)| differ.iter().any(|f| f.path == *path))
            .collect(),
        ..Snapshot::default()
    };
    let wanted = Snapshot {
        modes: found
            .modes
            .into_iter()
            .filter(|(path, _)| wanted.files.contains_key(path))
            .collect(),
        ..wanted
    };
    let journal =
        starter::transaction(workshop, exercise, "restore", &all, &wanted, Touch::Wanted)?;
    report::out(&report::human::tests_restored(
        exercise,
        &differ,
        &journal.saved,
    ));
    journal.commit()?;
    Ok(Exit::Success)
}
