//! The exercise's code in its three versions: the attendee's current files, the
//! pristine starter, and the reference solution; and backups, so that `reset`
//! and `restore` never lose a line.
//!
//! The pristine starter comes from git (`HEAD`) when the workshop is a git
//! checkout, which is how workshops are handed out. Otherwise it comes from a
//! copy saved under `.workshop/starters/` the first time `workshop` sees an
//! exercise that nobody has checked yet.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::exec;
use crate::layout::Layout;
use crate::manifest::{Exercise, Workshop};
use crate::state::{Progress, State};
use crate::tr;
use crate::workspace::{self, FileError, Files, Modes, is_go};

/// Where the pristine starter was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Git,
    Saved(PathBuf),
}

/// Why a version of the exercise could not be had.
#[derive(Debug, thiserror::Error)]
pub enum StarterError {
    #[error("{}", tr!("state-no-starter", id = .0))]
    NoStarter(String),
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{}", tr!("state-no-backup", id = .0))]
    NoBackup(String),
    #[error("{}", tr!("state-unknown-backup", id = .id, name = .name))]
    UnknownBackup { id: String, name: String },
}

/// The pristine starter, from git or from the saved copy.
pub fn starter(workshop: &Workshop, exercise: &Exercise) -> Result<(Files, Origin), StarterError> {
    if let Some(files) = from_git(workshop, exercise) {
        return Ok((files, Origin::Git));
    }
    let saved = Layout::new(&workshop.root).starter(&exercise.id);
    if saved.is_dir() {
        return Ok((
            workspace::read_tree(&saved, |_| true)?,
            Origin::Saved(saved),
        ));
    }
    Err(StarterError::NoStarter(exercise.id.clone()))
}

/// The pristine starter's files, when there is a pristine starter.
pub fn pristine(workshop: &Workshop, exercise: &Exercise) -> Option<Files> {
    starter(workshop, exercise).ok().map(|(files, _)| files)
}

fn from_git(workshop: &Workshop, exercise: &Exercise) -> Option<Files> {
    let relative = workshop.module.join(&exercise.package);
    let prefix = format!("{}/", relative.display());
    let listing = exec::git(
        &workshop.root,
        &["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", &prefix],
    )?;
    let mut files = Files::new();
    for name in listing.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let bytes = exec::git(&workshop.root, &["show", &format!("HEAD:./{name}")])?;
        let inside = Path::new(&name).strip_prefix(&relative).ok()?.to_owned();
        files.insert(inside, bytes);
    }
    (!files.is_empty()).then_some(files)
}

/// The modes of the pristine starter's files: from git's tree (`100755` is
/// executable, anything else `0644`), else from the saved copy.
pub fn starter_modes(workshop: &Workshop, exercise: &Exercise, files: &Files) -> Modes {
    let relative = workshop.module.join(&exercise.package);
    let prefix = format!("{}/", relative.display());
    if let Some(listing) = exec::git(
        &workshop.root,
        &["ls-tree", "-r", "-z", "HEAD", "--", &prefix],
    ) {
        return listing
            .split(|&b| b == 0)
            .filter_map(|entry| {
                let entry = String::from_utf8_lossy(entry);
                let (meta, name) = entry.split_once('\t')?;
                let mode = if meta.starts_with("100755") {
                    0o755
                } else {
                    0o644
                };
                let inside = Path::new(name).strip_prefix(&relative).ok()?.to_owned();
                Some((inside, mode))
            })
            .collect();
    }
    workspace::read_modes(&Layout::new(&workshop.root).starter(&exercise.id), files)
}

/// Saves a copy of the starter of every exercise nobody has checked yet, for
/// workshops that are not git checkouts.
pub fn remember(workshop: &Workshop) {
    let layout = Layout::new(&workshop.root);
    let state = State::load(&layout);
    let mut in_git = None;
    for exercise in &workshop.exercises {
        let saved = layout.starter(&exercise.id);
        if saved.is_dir() || state.progress(&exercise.id) != Progress::NotStarted {
            continue;
        }
        // In a git checkout HEAD is the pristine copy: nothing to save.
        if *in_git.get_or_insert_with(|| {
            exec::git(&workshop.root, &["rev-parse", "--is-inside-work-tree"]).is_some()
        }) {
            return;
        }
        let dir = workshop.package_dir(exercise);
        // The files that measure the exercise too: checks run them from here.
        if let Ok(files) = workspace::read_tree(&dir, |p| is_go(p) || exercise.protects(p)) {
            let _ = workspace::write_files(&saved, &files, &workspace::read_modes(&dir, &files));
        }
    }
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
        std::fs::remove_file(&full).map_err(FileError::write(&full))?;
    }
    Ok(())
}
