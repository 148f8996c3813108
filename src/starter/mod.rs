//! The exercise's code in its three versions: the attendee's current files, the
//! pristine starter, and the reference solution; and backups, so that `reset`
//! and `restore` never lose a line.
//!
//! The pristine starter is identified, never assumed ([`identify`]): a copy of
//! it (from git, from the copy saved under `.workshop/starters/`, or the
//! attendee's untouched files) serves only when its files match the sums the
//! instructor recorded in `checks/<id>/starter.sums`.

mod git;
pub mod identify;
mod saved;

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub use identify::{Origin, Refusal, Starter, Tried, pristine, starter};
pub use saved::remember;

use crate::layout::Layout;
use crate::manifest::sums::StarterSums;
use crate::manifest::{Exercise, Workshop};
use crate::tr;
use crate::workspace::{self, FileError, Files, Modes, is_go};

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

/// Saves `files` under `.workshop/backups/<id>/<timestamp>/` and returns where.
pub fn backup(
    workshop: &Workshop,
    exercise: &Exercise,
    files: &Files,
) -> Result<PathBuf, StarterError> {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let time = jiff::Timestamp::from_second(stamp.as_secs() as i64)
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y%m%d-%H%M%S")
                .to_string()
        })
        .unwrap_or_else(|_| stamp.as_secs().to_string());
    let layout = Layout::new(&workshop.root);
    let base = layout.backups(&exercise.id);
    let mut dir = base.join(&time);
    let mut n = 1;
    while dir.exists() {
        n += 1;
        dir = base.join(format!("{time}-{n}"));
    }
    layout.ensure().map_err(FileError::write(&base))?;
    let modes = workspace::read_modes(&workshop.package_dir(exercise), files);
    workspace::write_files(&dir, files, &modes)?;
    Ok(dir)
}

/// The backups of an exercise, oldest first.
pub fn backups(workshop: &Workshop, exercise: &Exercise) -> Vec<PathBuf> {
    let base = Layout::new(&workshop.root).backups(&exercise.id);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// The backup called `name`, or the latest one.
pub fn chosen_backup(
    workshop: &Workshop,
    exercise: &Exercise,
    name: Option<&str>,
) -> Result<PathBuf, StarterError> {
    let backups = backups(workshop, exercise);
    match name {
        Some(name) => backups
            .into_iter()
            .find(|b| b.file_name().is_some_and(|n| n == name))
            .ok_or_else(|| StarterError::UnknownBackup {
                id: exercise.id.clone(),
                name: name.to_owned(),
            }),
        None => backups
            .into_iter()
            .last()
            .ok_or_else(|| StarterError::NoBackup(exercise.id.clone())),
    }
}

/// Reads a backup: its files and their modes.
pub fn read_backup(dir: &Path) -> Result<(Files, Modes), StarterError> {
    let files = workspace::read_tree(dir, |_| true)?;
    let modes = workspace::read_modes(dir, &files);
    Ok((files, modes))
}

/// Makes the package hold exactly `wanted` among the files `current` lists:
/// writes what differs and removes what `wanted` lacks. Other files (profiles,
/// traces, notes) are left alone.
pub fn replace(
    workshop: &Workshop,
    exercise: &Exercise,
    current: &Files,
    wanted: &Files,
    modes: &Modes,
) -> Result<(), StarterError> {
    let dir = workshop.package_dir(exercise);
    let now = workspace::read_modes(&dir, current);
    let changed: Files = wanted
        .iter()
        .filter(|(path, bytes)| {
            current.get(*path) != Some(*bytes)
                || modes.get(*path).is_some_and(|m| now.get(*path) != Some(m))
        })
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect();
    workspace::write_files(&dir, &changed, modes)?;
    for path in current.keys().filter(|p| !wanted.contains_key(*p)) {
        let full = dir.join(path);
        crate::fence::remove_file(&full).map_err(FileError::write(&full))?;
    }
    Ok(())
}
