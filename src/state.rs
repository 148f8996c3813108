//! What the runner remembers between commands, in `.workshop/state.json`: the
//! last verdict per exercise. Written atomically (temporary file, then rename)
//! under a lock, so a kill at any moment or two processes at once never leave a
//! half-written file; a file that cannot be read is set aside, never fatal.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

const FILE: &str = "state.json";
const VERSION: u32 = 1;

/// Where an exercise stands for the attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    NotStarted,
    InProgress,
    Done,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct ExerciseState {
    progress: Progress,
    /// Seconds since the Unix epoch of the last check (0 if never checked).
    checked_at: u64,
    /// How many of the exercise's hints have been revealed.
    #[serde(default)]
    hints_shown: usize,
}

impl Default for ExerciseState {
    fn default() -> Self {
        ExerciseState {
            progress: Progress::NotStarted,
            checked_at: 0,
            hints_shown: 0,
        }
    }
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct StateFile {
    version: u32,
    exercises: BTreeMap<String, ExerciseState>,
}

/// The state of one workshop root.
pub struct State {
    dir: PathBuf,
    file: StateFile,
    /// Problems met while reading, for the user to see.
    pub warnings: Vec<String>,
}

impl State {
    /// Reads the state in `work_dir` (`.workshop/`); a missing file is an empty state.
    pub fn load(work_dir: &Path) -> State {
        let mut state = State {
            dir: work_dir.to_owned(),
            file: StateFile {
                version: VERSION,
                ..StateFile::default()
            },
            warnings: Vec::new(),
        };
        let path = work_dir.join(FILE);
        match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<StateFile>(&bytes) {
                Ok(file) if file.version == VERSION => state.file = file,
                Ok(_) | Err(_) => {
                    let aside = work_dir.join(format!("{FILE}.corrupt-{}", now()));
                    let _ = std::fs::rename(&path, &aside);
                    state.warnings.push(format!(
                        "{} could not be read and was moved to {}; progress starts afresh",
                        crate::paths::display(&path),
                        crate::paths::display(&aside)
                    ));
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => state
                .warnings
                .push(format!("cannot read {}: {e}", crate::paths::display(&path))),
        }
        state
    }

    pub fn progress(&self, id: &str) -> Progress {
        self.file
            .exercises
            .get(id)
            .map_or(Progress::NotStarted, |e| e.progress)
    }

    /// Records a check's verdict and saves. A passed exercise stays done.
    /// How many hints of an exercise have been revealed.
    pub fn hints_shown(&self, id: &str) -> usize {
        self.file.exercises.get(id).map_or(0, |e| e.hints_shown)
    }

    /// Records a check's verdict and saves. A passed exercise stays done.
    pub fn record(work_dir: &Path, id: &str, passed: bool) -> std::io::Result<()> {
        State::update(work_dir, id, |entry| {
            if passed {
                entry.progress = Progress::Done;
            } else if entry.progress != Progress::Done {
                entry.progress = Progress::InProgress;
            }
            entry.checked_at = now();
        })
        .map(drop)
    }

    /// Reveals one more hint (up to `available`) and returns how many are shown.
    pub fn reveal_hint(work_dir: &Path, id: &str, available: usize) -> std::io::Result<usize> {
        State::update(work_dir, id, |entry| {
            entry.hints_shown = (entry.hints_shown + 1).min(available);
            if entry.progress == Progress::NotStarted {
                entry.progress = Progress::InProgress;
            }
        })
        .map(|entry| entry.hints_shown)
    }

    /// Changes one exercise's entry under the lock, from the state on disk, and
    /// saves atomically: two processes at once (watch and a manual check) take
    /// turns, and neither overwrites the other's change.
    fn update(
        work_dir: &Path,
        id: &str,
        change: impl FnOnce(&mut ExerciseState),
    ) -> std::io::Result<ExerciseState> {
        std::fs::create_dir_all(work_dir)?;
        ensure_ignored(work_dir)?;
        let lock = File::create(work_dir.join("state.lock"))?;
        lock.lock()?;
        let mut state = State::load(work_dir);
        let entry = state.file.exercises.entry(id.to_owned()).or_default();
        change(entry);
        let entry = entry.clone();
        state.save()?;
        Ok(entry)
    }

    fn save(&self) -> std::io::Result<()> {
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir)?;
        serde_json::to_writer_pretty(&mut temp, &self.file)?;
        temp.write_all(b"\n")?;
        temp.as_file().sync_all()?;
        temp.persist(self.dir.join(FILE)).map_err(|e| e.error)?;
        Ok(())
    }
}

/// `.workshop/` ignores itself, so its files never show up in `git status`.
pub fn ensure_ignored(work_dir: &Path) -> std::io::Result<()> {
    let ignore = work_dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::create_dir_all(work_dir)?;
        std::fs::write(
            ignore,
            "# Files made by `workshop`: binaries, logs, profiles, traces.\n*\n",
        )?;
    }
    Ok(())
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_keeps_done() {
        let dir = tempfile::tempdir().unwrap();
        State::record(dir.path(), "a/b", false).unwrap();
        assert_eq!(
            State::load(dir.path()).progress("a/b"),
            Progress::InProgress
        );
        State::record(dir.path(), "a/b", true).unwrap();
        State::record(dir.path(), "a/b", false).unwrap();
        assert_eq!(State::load(dir.path()).progress("a/b"), Progress::Done);
        assert_eq!(
            State::load(dir.path()).progress("c/d"),
            Progress::NotStarted
        );
    }

    #[test]
    fn corrupt_file_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), "{not json").unwrap();
        let state = State::load(dir.path());
        assert_eq!(state.warnings.len(), 1);
        assert!(!dir.path().join(FILE).exists());
        assert_eq!(state.progress("a/b"), Progress::NotStarted);
    }
}

#[cfg(test)]
mod hint_tests {
    use super::*;

    #[test]
    fn hints_are_revealed_one_at_a_time_up_to_the_last() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(State::reveal_hint(dir.path(), "a/b", 2).unwrap(), 1);
        assert_eq!(State::reveal_hint(dir.path(), "a/b", 2).unwrap(), 2);
        assert_eq!(State::reveal_hint(dir.path(), "a/b", 2).unwrap(), 2);
        assert_eq!(State::load(dir.path()).hints_shown("a/b"), 2);
        assert_eq!(
            State::load(dir.path()).progress("a/b"),
            Progress::InProgress
        );
    }
}
