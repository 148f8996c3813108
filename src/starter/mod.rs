//! The exercise's code in its three versions: the attendee's current files, the
//! pristine starter, and the reference solution; and backups, so that `reset`
//! and `restore` never lose a line.
//!
//! The pristine starter is identified, never assumed ([`identify`]): a copy of
//! it (from git, from the copy saved under `.workshop/starters/`, or the
//! attendee's untouched files) serves only when its files match the sums the
//! instructor recorded in `checks/<id>/starter.sums`.

mod backup;
mod git;
pub mod identify;
mod saved;

use std::path::PathBuf;

pub use backup::{
    Journal, Links, Snapshot, Touch, Undone, backups, chosen_backup, read_backup, recover,
    transaction,
};
pub use identify::{Origin, Refusal, Starter, Tried, pristine, starter};
pub use saved::remember;

use crate::manifest::sums::StarterSums;
use crate::manifest::{Exercise, Workshop};
use crate::tr;
use crate::workspace::{self, FileError, Files, is_go};

/// Why a version of the exercise could not be had.
#[derive(Debug, thiserror::Error)]
pub enum StarterError {
    /// No sums, and neither git nor a saved copy has the starter.
    #[error("{}", tr!("starter-none", id = .id, sums = crate::display::path(.sums)))]
    NoStarter { id: String, sums: PathBuf },
    /// No copy of the starter matches its sums.
    #[error("{0}")]
    Refused(Box<Refusal>),
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{}", tr!("state-no-backup", id = .0))]
    NoBackup(String),
    #[error("{}", tr!("state-unknown-backup", id = .id, name = .name))]
    UnknownBackup { id: String, name: String },
    /// A backup's file differs from what its marker recorded.
    #[error("{}", tr!("state-backup-damaged", path = crate::display::path(.path)))]
    DamagedBackup { path: PathBuf },
}

/// The attendee's files: the starter's files and every `.go` file of the package.
pub fn current(
    workshop: &Workshop,
    exercise: &Exercise,
    starter: &Files,
) -> Result<Files, StarterError> {
    Ok(workspace::read_tree(
        &workshop.package_dir(exercise),
        |p| is_go(p) || starter.contains_key(p),
    )?)
}

/// The starter with the reference solution applied.
pub fn solution(exercise: &Exercise, starter: &Files) -> Result<Files, StarterError> {
    let mut files = starter.clone();
    for file in &exercise.solution {
        let bytes = std::fs::read(&file.source).map_err(FileError::read(&file.source))?;
        files.insert(file.target.clone(), bytes);
    }
    Ok(files)
}

/// The starter as the instructor's working tree has it, which `verify`
/// checks and records: every file under the package directory that git
/// tracks or would track (not the ones it ignores), read from the working
/// tree; outside git, its Go files, the files that measure it (protected)
/// and the files `sums` list, as for an attendee's copy.
pub fn working_tree(
    workshop: &Workshop,
    exercise: &Exercise,
    sums: Option<&StarterSums>,
) -> Result<Files, StarterError> {
    let dir = workshop.package_dir(exercise);
    let Some(paths) = git::Package::new(workshop, exercise).working_files() else {
        // Outside git nothing says which files are the exercise's: its code
        // and the files that measure it are, and whatever its sums list; not
        // the profiles, binaries and notes that working in it leaves.
        return Ok(workspace::read_tree(&dir, |p| {
            is_go(p) || exercise.protects(p) || sums.is_some_and(|s| s.lists(p))
        })?);
    };
    let mut files = Files::new();
    for path in paths {
        let full = dir.join(&path);
        // A file deleted but not yet committed is gone; a link is no file.
        match std::fs::symlink_metadata(&full) {
            Ok(meta) if meta.is_file() => {}
            _ => continue,
        }
        let bytes = std::fs::read(&full).map_err(workspace::FileError::read(&full))?;
        files.insert(path, bytes);
    }
    Ok(files)
}
