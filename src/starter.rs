//! The exercise's code in its three versions: the attendee's current files, the
//! pristine starter, and the reference solution; and backups, so that `reset`
//! and `restore` never lose a line.
//!
//! The pristine starter comes from git (`HEAD`) when the workshop is a git
//! checkout, which is how workshops are handed out. Otherwise it comes from a
//! copy saved under `.workshop/starters/` the first time `workshop` sees an
//! exercise that nobody has checked yet.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::gotool;
use crate::manifest::{Exercise, Workshop};
use crate::state::{Progress, State};

/// Files of an exercise's package: path relative to the package dir -> bytes.
pub type Files = BTreeMap<PathBuf, Vec<u8>>;

/// Where the pristine starter was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Git,
    Saved(PathBuf),
}

/// Why a version of the exercise could not be had.
#[derive(Debug, thiserror::Error)]
pub enum StarterError {
    #[error(
        "no pristine copy of the starter of {0}: the workshop is not a git checkout, and no copy was saved before it was first edited"
    )]
    NoStarter(String),
    #[error("cannot read {}", crate::paths::display(path))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}", crate::paths::display(path))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no backup of {0} yet (`workshop reset` makes one)")]
    NoBackup(String),
}

fn read_error(path: &Path) -> impl FnOnce(std::io::Error) -> StarterError + '_ {
    move |source| StarterError::Read {
        path: path.to_owned(),
        source,
    }
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> StarterError + '_ {
    move |source| StarterError::Write {
        path: path.to_owned(),
        source,
    }
}

fn package_dir(workshop: &Workshop, exercise: &Exercise) -> PathBuf {
    workshop.module_dir().join(&exercise.package)
}

fn saved_dir(workshop: &Workshop, exercise: &Exercise) -> PathBuf {
    workshop
        .root
        .join(crate::WORK_DIR)
        .join("starters")
        .join(&exercise.id)
}

/// Reads every regular file below `dir` whose relative path passes `keep`.
fn read_tree(dir: &Path, keep: impl Fn(&Path) -> bool) -> Result<Files, StarterError> {
    let mut files = Files::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(|e| StarterError::Read {
            path: dir.to_owned(),
            source: std::io::Error::other(e.to_string()),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_owned();
        if keep(&relative) {
            let bytes = std::fs::read(entry.path()).map_err(read_error(entry.path()))?;
            files.insert(relative, bytes);
        }
    }
    Ok(files)
}

fn is_go(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "go")
}

/// The pristine starter, from git or from the saved copy.
pub fn starter(workshop: &Workshop, exercise: &Exercise) -> Result<(Files, Origin), StarterError> {
    if let Some(files) = from_git(workshop, exercise) {
        return Ok((files, Origin::Git));
    }
    let saved = saved_dir(workshop, exercise);
    if saved.is_dir() {
        return Ok((read_tree(&saved, |_| true)?, Origin::Saved(saved)));
    }
    Err(StarterError::NoStarter(exercise.id.clone()))
}

fn from_git(workshop: &Workshop, exercise: &Exercise) -> Option<Files> {
    let relative = workshop.module.join(&exercise.package);
    let prefix = format!("{}/", relative.display());
    let listing = gotool::git(
        &workshop.root,
        &["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", &prefix],
    )?;
    let mut files = Files::new();
    for name in listing.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let bytes = gotool::git(&workshop.root, &["show", &format!("HEAD:./{name}")])?;
        let inside = Path::new(&name).strip_prefix(&relative).ok()?.to_owned();
        files.insert(inside, bytes);
    }
    (!files.is_empty()).then_some(files)
}

/// Saves a copy of the starter of every exercise nobody has checked yet, for
/// workshops that are not git checkouts.
pub fn remember(workshop: &Workshop) {
    let state = State::load(&workshop.root.join(crate::WORK_DIR));
    let mut in_git = None;
    for exercise in &workshop.exercises {
        let saved = saved_dir(workshop, exercise);
        if saved.is_dir() || state.progress(&exercise.id) != Progress::NotStarted {
            continue;
        }
        // In a git checkout HEAD is the pristine copy: nothing to save.
        if *in_git.get_or_insert_with(|| {
            gotool::git(&workshop.root, &["rev-parse", "--is-inside-work-tree"]).is_some()
        }) {
            return;
        }
        if let Ok(files) = read_tree(&package_dir(workshop, exercise), is_go) {
            let _ = write_files(&saved, &files);
        }
    }
}

/// The attendee's files: the starter's files and every `.go` file of the package.
pub fn current(
    workshop: &Workshop,
    exercise: &Exercise,
    starter: &Files,
) -> Result<Files, StarterError> {
    read_tree(&package_dir(workshop, exercise), |p| {
        is_go(p) || starter.contains_key(p)
    })
}

/// The starter with the reference solution applied.
pub fn solution(exercise: &Exercise, starter: &Files) -> Result<Files, StarterError> {
    let mut files = starter.clone();
    for file in &exercise.solution {
        let bytes = std::fs::read(&file.source).map_err(read_error(&file.source))?;
        files.insert(file.target.clone(), bytes);
    }
    Ok(files)
}

fn write_files(dir: &Path, files: &Files) -> Result<(), StarterError> {
    for (relative, bytes) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_error(parent))?;
        }
        // Written beside the target and renamed over it: a kill midway leaves
        // either the old file or the new one, never half of one.
        let parent = path.parent().unwrap_or(dir);
        let mut temp = tempfile::NamedTempFile::new_in(parent).map_err(write_error(parent))?;
        std::io::Write::write_all(&mut temp, bytes).map_err(write_error(&path))?;
        temp.persist(&path).map_err(|e| StarterError::Write {
            path: path.clone(),
            source: e.error,
        })?;
    }
    Ok(())
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
    let base = workshop
        .root
        .join(crate::WORK_DIR)
        .join("backups")
        .join(&exercise.id);
    let mut dir = base.join(&time);
    let mut n = 1;
    while dir.exists() {
        n += 1;
        dir = base.join(format!("{time}-{n}"));
    }
    crate::state::ensure_ignored(&workshop.root.join(crate::WORK_DIR))
        .map_err(write_error(&base))?;
    write_files(&dir, files)?;
    Ok(dir)
}

/// The backups of an exercise, oldest first.
pub fn backups(workshop: &Workshop, exercise: &Exercise) -> Vec<PathBuf> {
    let base = workshop
        .root
        .join(crate::WORK_DIR)
        .join("backups")
        .join(&exercise.id);
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

/// Reads a backup.
pub fn read_backup(dir: &Path) -> Result<Files, StarterError> {
    read_tree(dir, |_| true)
}

/// Makes the package hold exactly `wanted` among the files `current` lists:
/// writes what differs and removes what `wanted` lacks. Other files (profiles,
/// traces, notes) are left alone.
pub fn replace(
    workshop: &Workshop,
    exercise: &Exercise,
    current: &Files,
    wanted: &Files,
) -> Result<(), StarterError> {
    let dir = package_dir(workshop, exercise);
    let changed: Files = wanted
        .iter()
        .filter(|(path, bytes)| current.get(*path) != Some(*bytes))
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect();
    write_files(&dir, &changed)?;
    for path in current.keys().filter(|p| !wanted.contains_key(*p)) {
        let full = dir.join(path);
        std::fs::remove_file(&full).map_err(write_error(&full))?;
    }
    Ok(())
}
