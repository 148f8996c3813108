//! Backups of the attendee's files, and the journal that makes `reset` and
//! `restore` transactions.
//!
//! A backup is complete or does not exist: it is written under a name on the
//! way (see [`crate::leftovers`]), with a marker listing every file, its mode
//! and its hash and every symbolic link, and made visible by one rename once
//! whole. Only marked backups are listed or restored, and a backup whose files
//! differ from its marker is refused.
//!
//! Before a command saves anything it writes a journal naming the backup it is
//! about to make of what is there and every path it may touch; it removes the
//! journal when done. A journal found by the next command means the last one
//! was killed midway: the package is put back as that backup has it (when it
//! was finished), and the backup, now the same as the package, is removed, so
//! that a killed `reset` or `restore` is one that never ran and the latest
//! backup is still the one `workshop restore` should bring back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::StarterError;
use crate::fence;
use crate::layout::Layout;
use crate::leftovers;
use crate::manifest::{Exercise, Workshop};
use crate::workspace::{self, FileError, Files, Modes};

/// Symbolic links below a package: path -> what the link holds.
pub type Links = BTreeMap<PathBuf, PathBuf>;

/// The marker of a complete backup, beside its files.
const MARKER: &str = ".workshop-backup.json";

/// The journal of a change under way, among an exercise's backups.
const PENDING: &str = ".pending.json";

/// Files as a backup keeps them: bytes, modes and links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub files: Files,
    pub modes: Modes,
    pub links: Links,
}

impl Snapshot {
    /// The attendee's `files` as they are in `dir`, with their modes and the
    /// links below it.
    pub fn of(dir: &Path, files: Files) -> Result<Snapshot, FileError> {
        let modes = workspace::read_modes(dir, &files);
        let links = links(dir)?;
        Ok(Snapshot {
            files,
            modes,
            links,
        })
    }

    fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.files.keys().chain(self.links.keys())
    }
}

#[derive(Serialize, Deserialize)]
struct Marker {
    files: BTreeMap<String, Entry>,
    #[serde(default)]
    links: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    mode: u32,
    sha256: String,
}

#[derive(Serialize, Deserialize)]
struct Pending {
    /// `reset` or `restore`.
    operation: String,
    /// The backup holding what was there before.
    backup: String,
    /// Every path below the package the change may write or remove.
    touched: Vec<PathBuf>,
}

/// The symbolic links below `dir`, never followed.
pub fn links(dir: &Path) -> Result<Links, FileError> {
    let mut links = Links::new();
    if !dir.is_dir() {
        return Ok(links);
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(|e| FileError::Read {
            path: e.path().unwrap_or(dir).to_owned(),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("walk")),
        })?;
        if entry.path_is_symlink() && entry.depth() > 0 {
            let target = std::fs::read_link(entry.path()).map_err(FileError::read(entry.path()))?;
            let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            links.insert(relative.to_owned(), target);
        }
    }
    Ok(links)
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Makes the directory of an exercise's backups, and returns it.
fn base(workshop: &Workshop, exercise: &Exercise) -> Result<PathBuf, StarterError> {
    let layout = Layout::new(&workshop.root);
    let base = layout.backups(&exercise.id);
    layout.ensure().map_err(FileError::write(layout.dir()))?;
    fence::create_dir_all(&base).map_err(FileError::write(&base))?;
    Ok(base)
}

/// Saves `snapshot` as the backup `dir` (under `.workshop/backups/<id>/`),
/// whole or not at all.
fn backup(base: &Path, dir: &Path, snapshot: &Snapshot) -> Result<(), StarterError> {
    let partial = tempfile::Builder::new()
        .prefix(&leftovers::prefix("backup"))
        .tempdir_in(base)
        .map_err(FileError::write(base))?;
    workspace::write_files(partial.path(), &snapshot.files, &snapshot.modes)?;
    let marker = Marker {
        files: snapshot
            .files
            .iter()
            .map(|(path, bytes)| {
                let mode = snapshot.modes.get(path).copied().unwrap_or(0o644);
                let sha256 = sha256(bytes);
                (text(path), Entry { mode, sha256 })
            })
            .collect(),
        links: snapshot
            .links
            .iter()
            .map(|(path, target)| (text(path), text(target)))
            .collect(),
    };
    let json = serde_json::to_vec_pretty(&marker).map_err(std::io::Error::other);
    let marker_path = partial.path().join(MARKER);
    workspace::write_atomic(
        &marker_path,
        &json.map_err(FileError::write(&marker_path))?,
        None,
    )?;
    let partial = partial.keep();
    if let Err(source) = fence::rename(&partial, dir) {
        let _ = fence::remove_dir_all(&partial);
        return Err(FileError::Write {
            path: dir.to_owned(),
            source,
        }
        .into());
    }
    Ok(())
}

/// A name for a new backup: the local time, with `-2`, `-3`… when taken.
fn fresh_name(base: &Path) -> PathBuf {
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
    let mut dir = base.join(&time);
    let mut n = 1;
    while std::fs::symlink_metadata(&dir).is_ok() {
        n += 1;
        dir = base.join(format!("{time}-{n}"));
    }
    dir
}

/// The order of backups: by time, then by the number after it.
fn order(path: &Path) -> (String, u64) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let time: String = name.chars().take(15).collect();
    let n = name
        .get(15..)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    (time, n)
}

/// The complete backups of an exercise, oldest first.
pub fn backups(workshop: &Workshop, exercise: &Exercise) -> Vec<PathBuf> {
    let base = Layout::new(&workshop.root).backups(&exercise.id);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .filter(|p| p.join(MARKER).is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort_by_key(|p| order(p));
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

/// Reads a complete backup; one whose files differ from its marker is
/// refused, naming the file.
pub fn read_backup(dir: &Path) -> Result<Snapshot, StarterError> {
    let marker_path = dir.join(MARKER);
    let bytes = std::fs::read(&marker_path).map_err(FileError::read(&marker_path))?;
    let marker: Marker = serde_json::from_slice(&bytes)
        .map_err(|e| FileError::read(&marker_path)(std::io::Error::other(e)))?;
    let mut snapshot = Snapshot::default();
    for (name, entry) in marker.files {
        let relative = PathBuf::from(&name);
        let path = dir.join(&relative);
        fence::check_all(&path).map_err(FileError::read(&path))?;
        let bytes = std::fs::read(&path).map_err(FileError::read(&path))?;
        if sha256(&bytes) != entry.sha256 {
            return Err(StarterError::DamagedBackup { path });
        }
        snapshot.modes.insert(relative.clone(), entry.mode & 0o7777);
        snapshot.files.insert(relative, bytes);
    }
    snapshot.links = marker
        .links
        .into_iter()
        .map(|(path, target)| (PathBuf::from(path), PathBuf::from(target)))
        .collect();
    Ok(snapshot)
}

/// Which paths a transaction changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Touch {
    /// Every path of what was there and of what is wanted: what was there
    /// and is not wanted goes.
    All,
    /// Only the paths of what is wanted; everything else stays.
    Wanted,
}

/// A change made and not yet committed: until [`Journal::commit`], the next
/// command undoes it. Commands commit after telling the attendee, so that a
/// command killed before it said ✓ is one that never ran.
#[must_use = "a change is undone by the next command unless committed"]
pub struct Journal {
    path: PathBuf,
    /// The backup of what was there before.
    pub saved: PathBuf,
}

impl Journal {
    /// Makes the change final.
    pub fn commit(self) -> Result<(), StarterError> {
        fence::remove_file(&self.path).map_err(FileError::write(&self.path))?;
        Ok(())
    }
}

/// Makes the package hold `wanted` where `before` (what it holds now)
/// differs, after saving `before` as a new backup: a transaction, journaled
/// so that the next command undoes it unless this one commits it. Other files
/// (profiles, traces, notes) are left alone.
pub fn transaction(
    workshop: &Workshop,
    exercise: &Exercise,
    operation: &str,
    before: &Snapshot,
    wanted: &Snapshot,
    touch: Touch,
) -> Result<Journal, StarterError> {
    let dir = workshop.package_dir(exercise);
    let touched: BTreeSet<PathBuf> = match touch {
        Touch::All => before.paths().chain(wanted.paths()).cloned().collect(),
        Touch::Wanted => wanted.paths().cloned().collect(),
    };
    // Every path is checked before the first change: a link on the way to
    // one of them refuses the whole change, not its second half.
    for path in &touched {
        let full = dir.join(path);
        fence::check(&full).map_err(FileError::write(&full))?;
        workspace::refuse_links(&dir, path)?;
    }
    let base = base(workshop, exercise)?;
    leftovers::sweep_here(&base);
    let saved = fresh_name(&base);
    let pending = Pending {
        operation: operation.to_owned(),
        backup: saved
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        touched: touched.iter().cloned().collect(),
    };
    let journal = base.join(PENDING);
    let json = serde_json::to_vec_pretty(&pending).map_err(std::io::Error::other);
    workspace::write_atomic(&journal, &json.map_err(FileError::write(&journal))?, None)?;
    backup(&base, &saved, before)?;
    apply(&dir, before, wanted, &touched)?;
    Ok(Journal {
        path: journal,
        saved,
    })
}

/// Writes `wanted` over `now` for the `touched` paths of `dir`: what differs
/// is written, links are made as links, and what `wanted` lacks is removed.
fn apply(
    dir: &Path,
    now: &Snapshot,
    wanted: &Snapshot,
    touched: &BTreeSet<PathBuf>,
) -> Result<(), StarterError> {
    let changed: Files = wanted
        .files
        .iter()
        .filter(|(path, _)| touched.contains(*path))
        .filter(|(path, bytes)| {
            now.files.get(*path) != Some(*bytes)
                || now.links.contains_key(*path)
                || wanted
                    .modes
                    .get(*path)
                    .is_some_and(|m| now.modes.get(*path) != Some(m))
        })
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect();
    workspace::write_files(dir, &changed, &wanted.modes)?;
    for (path, target) in wanted.links.iter().filter(|(p, _)| touched.contains(*p)) {
        if now.links.get(path) == Some(target) {
            continue;
        }
        let full = dir.join(path);
        remove_entry(&full)?;
        if let Some(parent) = full.parent() {
            fence::create_dir_all(parent).map_err(FileError::write(parent))?;
        }
        fence::symlink(target, &full).map_err(FileError::write(&full))?;
    }
    for path in touched {
        if !wanted.files.contains_key(path) && !wanted.links.contains_key(path) {
            remove_entry(&dir.join(path))?;
        }
    }
    leftovers::sweep(dir);
    Ok(())
}

/// Removes a file or a link (never a directory); one already gone is fine.
fn remove_entry(path: &Path) -> Result<(), FileError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_dir() => fence::remove_file(path).map_err(FileError::write(path)),
        _ => Ok(()),
    }
}

/// What [`recover`] undid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    /// `reset` or `restore`.
    pub operation: String,
}

/// A backup's name as the journal holds it: one plain name, no path.
fn valid_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains('/')
}

/// Undoes a `reset` or `restore` of `exercise` that was killed midway, if
/// one was: the paths it may have touched are put back as its backup holds
/// them. Leftovers of killed commands are swept either way.
pub fn recover(workshop: &Workshop, exercise: &Exercise) -> Result<Option<Undone>, StarterError> {
    let base = Layout::new(&workshop.root).backups(&exercise.id);
    let dir = workshop.package_dir(exercise);
    leftovers::sweep_here(&base);
    let journal = base.join(PENDING);
    let Ok(bytes) = std::fs::read(&journal) else {
        leftovers::sweep(&dir);
        return Ok(None);
    };
    let undone = match serde_json::from_slice::<Pending>(&bytes) {
        Ok(pending) if valid_name(&pending.backup) => {
            let backup = base.join(&pending.backup);
            // Without its marker the backup was never finished, and nothing
            // after it began: the package is as it was.
            if backup.join(MARKER).is_file() {
                let before = read_backup(&backup)?;
                let touched: BTreeSet<PathBuf> = pending.touched.into_iter().collect();
                let files = workspace::read_tree(&dir, |p| touched.contains(p))?;
                let now = Snapshot::of(&dir, files)?;
                apply(&dir, &now, &before, &touched)?;
                // The package now holds what the backup holds: it goes, by
                // a rename first so that a kill never leaves half of it.
                let aside = base.join(format!("{}undone", leftovers::prefix("")));
                fence::rename(&backup, &aside).map_err(FileError::write(&backup))?;
                let _ = fence::remove_dir_all(&aside);
            }
            Some(Undone {
                operation: pending.operation,
            })
        }
        // A journal that cannot be read was never finished: the change it
        // would have announced never began.
        _ => None,
    };
    fence::remove_file(&journal).map_err(FileError::write(&journal))?;
    leftovers::sweep(&dir);
    Ok(undone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_are_ordered_by_time_then_number() {
        let mut names = vec!["20261206-113000-10", "20261206-113000-2", "20261206-113000"];
        names.sort_by_key(|n| order(Path::new(n)));
        assert_eq!(
            names,
            ["20261206-113000", "20261206-113000-2", "20261206-113000-10"]
        );
    }
}
