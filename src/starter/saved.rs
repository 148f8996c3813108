//! The copy of an exercise's starter kept under `.workshop/starters/<id>/`,
//! for workshops where git does not hold it (copied without git, or lying
//! untracked inside another repository): saved from the attendee's files while
//! they are still the starter, on any command, so that it is there once they
//! edit.

use std::path::PathBuf;

use super::StarterError;
use super::git;
use crate::layout::Layout;
use crate::manifest::{Exercise, Workshop};
use crate::state::{Progress, State};
use crate::workspace::{self, Files, Modes, is_go};

/// Keeps `files` as the saved copy of the exercise's starter, replacing
/// whatever copy was there.
pub(super) fn save(
    workshop: &Workshop,
    exercise: &Exercise,
    files: &Files,
    modes: &Modes,
) -> Result<(), StarterError> {
    let layout = Layout::new(&workshop.root);
    let saved = layout.starter(&exercise.id);
    layout
        .ensure()
        .map_err(workspace::FileError::write(layout.dir()))?;
    workspace::replace_tree(&saved, files, modes)?;
    Ok(())
}

/// Saves a copy of the starter of every exercise that git does not hold, on
/// any command, so that it is there once the attendee edits: the attendee's
/// files when they match the exercise's starter sums; without sums, the
/// files of an exercise nobody has checked yet.
pub fn remember(workshop: &Workshop) {
    let layout = Layout::new(&workshop.root);
    let mut state = None;
    let mut in_git: Option<Vec<PathBuf>> = None;
    for exercise in &workshop.exercises {
        let saved = layout.starter(&exercise.id);
        if saved.is_dir() {
            continue;
        }
        let known =
            in_git.get_or_insert_with(|| git::packages_at_head(workshop).unwrap_or_default());
        let package = git::package_path(workshop, exercise);
        if known.iter().any(|path| path.starts_with(&package)) {
            continue;
        }
        let dir = workshop.package_dir(exercise);
        let files = match &exercise.starter_sums {
            Some(sums) => match workspace::read_tree(&dir, |p| is_go(p) || sums.lists(p)) {
                Ok(files) if sums.compare(&files).is_empty() => files,
                _ => continue,
            },
            None => {
                let state = state.get_or_insert_with(|| State::load(&layout));
                if state.progress(&exercise.id) != Progress::NotStarted {
                    continue;
                }
                // The files that measure the exercise too: checks run them
                // from this copy.
                match workspace::read_tree(&dir, |p| is_go(p) || exercise.protects(p)) {
                    Ok(files) if !files.is_empty() => files,
                    _ => continue,
                }
            }
        };
        let _ = save(
            workshop,
            exercise,
            &files,
            &workspace::read_modes(&dir, &files),
        );
    }
}
