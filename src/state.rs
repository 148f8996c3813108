//! What the runner remembers between commands, in `.workshop/state.json`: the
//! last verdict per exercise. Written atomically (temporary file, then rename)
//! under a lock, so a kill at any moment or two processes at once never leave a
//! half-written file; a file that cannot be read is set aside, never fatal.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::fence;
use crate::layout::Layout;
use crate::manifest::{Exercise, Workshop};
use crate::tr;

const VERSION: u32 = 1;

/// Where an exercise stands for the attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    NotStarted,
    InProgress,
    Done,
}

/// How an exercise stands now, once done: its latest check passed or failed,
/// or its starter was put back since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Latest {
    Passed,
    Failing,
    Reset,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct ExerciseState {
    progress: Progress,
    /// What happened last: a check's verdict, or a reset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    latest: Option<Latest>,
    /// Seconds since the Unix epoch of the last check (0 if never checked).
    checked_at: u64,
    /// How many of the exercise's hints have been revealed.
    #[serde(default)]
    hints_shown: usize,
    /// How many checks each goal has failed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    failures: BTreeMap<String, u32>,
    /// The last [`HISTORY`] checks' measured values, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<Attempt>,
}

/// How many checks of an exercise the state keeps the values of.
pub const HISTORY: usize = 20;

/// One check of an exercise: when, its verdict, and each goal's measured value.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Attempt {
    /// Seconds since the Unix epoch.
    pub at: u64,
    pub passed: bool,
    /// By goal id; a goal with no value (not judged, inconclusive) is absent.
    pub values: BTreeMap<String, f64>,
}

impl Default for ExerciseState {
    fn default() -> Self {
        ExerciseState {
            progress: Progress::NotStarted,
            latest: None,
            checked_at: 0,
            hints_shown: 0,
            failures: BTreeMap::new(),
            history: Vec::new(),
        }
    }
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct StateFile {
    version: u32,
    exercises: BTreeMap<String, ExerciseState>,
}

/// What the state says of an exercise once a check is recorded.
#[derive(Debug, Clone, Default)]
pub struct Recorded {
    pub hints_shown: usize,
    /// How many checks each goal has failed, this one included.
    pub failures: BTreeMap<String, u32>,
}

impl Recorded {
    /// Whether a goal's hint is shown: once the attendee has asked for hints,
    /// or once the goal has failed on two checks, so that the exercise's
    /// progressive hints are not given away by the first failing check.
    pub fn shows_hint(&self, goal: &str) -> bool {
        self.hints_shown > 0 || self.failures.get(goal).is_some_and(|n| *n >= 2)
    }
}

/// The state of one workshop root.
pub struct State {
    layout: Layout,
    file: StateFile,
    /// Problems met while reading, for the user to see.
    pub warnings: Vec<String>,
}

impl State {
    /// Reads the state of a workshop; a missing file is an empty state.
    pub fn load(layout: &Layout) -> State {
        let mut state = State {
            layout: layout.clone(),
            file: StateFile {
                version: VERSION,
                ..StateFile::default()
            },
            warnings: Vec::new(),
        };
        let path = layout.state();
        match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<StateFile>(&bytes) {
                Ok(file) if file.version == VERSION => state.file = file,
                Ok(_) | Err(_) => match set_aside(layout, &path) {
                    Ok(aside) => state.warnings.push(tr!(
                        "state-set-aside",
                        path = crate::display::path(&path),
                        aside = crate::display::path(&aside)
                    )),
                    Err(e) => state.warnings.push(tr!(
                        "state-cannot-read",
                        path = crate::display::path(&path),
                        error = e.to_string()
                    )),
                },
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => state.warnings.push(tr!(
                "state-cannot-read",
                path = crate::display::path(&path),
                error = e.to_string()
            )),
        }
        state
    }

    pub fn progress(&self, id: &str) -> Progress {
        self.file
            .exercises
            .get(id)
            .map_or(Progress::NotStarted, |e| e.progress)
    }

    /// What happened last to an exercise: a check's verdict or a reset.
    pub fn latest(&self, id: &str) -> Option<Latest> {
        self.file.exercises.get(id).and_then(|e| e.latest)
    }

    /// Records that the exercise's starter was put back (or the attendee's
    /// files restored): the last verdict no longer says how it stands.
    pub fn forget_verdict(layout: &Layout, id: &str, reset: bool) -> std::io::Result<()> {
        State::update(layout, id, |entry| {
            entry.latest = reset.then_some(Latest::Reset);
        })
        .map(drop)
    }

    /// The first exercise, in curriculum order, that is not done.
    pub fn next_not_done<'a>(&self, workshop: &'a Workshop) -> Option<&'a Exercise> {
        workshop
            .exercises
            .iter()
            .find(|e| self.progress(&e.id) != Progress::Done)
    }

    /// How many hints of an exercise have been revealed.
    pub fn hints_shown(&self, id: &str) -> usize {
        self.file.exercises.get(id).map_or(0, |e| e.hints_shown)
    }

    /// The measured values of the exercise's last checks, oldest first.
    pub fn history(&self, id: &str) -> &[Attempt] {
        self.file
            .exercises
            .get(id)
            .map_or(&[], |e| e.history.as_slice())
    }

    /// Records a check's verdict, the goals it failed and the values it
    /// measured (the last [`HISTORY`] checks' are kept), and saves. A passed
    /// exercise stays done.
    pub fn record(
        layout: &Layout,
        id: &str,
        passed: bool,
        failed: &[&str],
        values: BTreeMap<String, f64>,
    ) -> std::io::Result<Recorded> {
        State::update(layout, id, |entry| {
            if passed {
                entry.progress = Progress::Done;
            } else if entry.progress != Progress::Done {
                entry.progress = Progress::InProgress;
            }
            entry.latest = Some(if passed {
                Latest::Passed
            } else {
                Latest::Failing
            });
            entry.checked_at = now();
            entry.history.push(Attempt {
                at: entry.checked_at,
                passed,
                values,
            });
            let over = entry.history.len().saturating_sub(HISTORY);
            entry.history.drain(..over);
            for goal in failed {
                *entry.failures.entry((*goal).to_owned()).or_default() += 1;
            }
        })
        .map(|entry| Recorded {
            hints_shown: entry.hints_shown,
            failures: entry.failures,
        })
    }

    /// Reveals one more hint (up to `available`) and returns how many are shown.
    pub fn reveal_hint(layout: &Layout, id: &str, available: usize) -> std::io::Result<usize> {
        State::update(layout, id, |entry| {
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
        layout: &Layout,
        id: &str,
        change: impl FnOnce(&mut ExerciseState),
    ) -> std::io::Result<ExerciseState> {
        // The error names the file: "Read-only file system" alone says not where.
        let named = |e: std::io::Error| {
            let path = crate::display::path(&layout.state());
            std::io::Error::new(e.kind(), format!("{path}: {e}"))
        };
        State::update_unnamed(layout, id, change).map_err(named)
    }

    fn update_unnamed(
        layout: &Layout,
        id: &str,
        change: impl FnOnce(&mut ExerciseState),
    ) -> std::io::Result<ExerciseState> {
        layout.ensure()?;
        let lock = fence::open_lock(&layout.state_lock())?;
        lock.lock()?;
        let mut state = State::load(layout);
        let entry = state.file.exercises.entry(id.to_owned()).or_default();
        change(entry);
        let entry = entry.clone();
        state.save()?;
        Ok(entry)
    }

    fn save(&self) -> std::io::Result<()> {
        fence::check(&self.layout.state())?;
        crate::leftovers::sweep_here(self.layout.dir());
        let mut temp = tempfile::Builder::new()
            .prefix(&crate::leftovers::prefix("state"))
            .tempfile_in(self.layout.dir())?;
        // One write of the whole text, not one per token.
        let mut text = serde_json::to_vec_pretty(&self.file)?;
        text.push(b'\n');
        temp.write_all(&text)?;
        temp.as_file().sync_all()?;
        temp.persist(self.layout.state()).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Moves an unreadable state file aside, under a name no earlier one has:
/// linked to its new name (which fails rather than replace a file), then
/// unlinked from the old.
fn set_aside(layout: &Layout, path: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
    let stamp = now();
    for n in 1..=1000 {
        let aside = layout.state_aside(stamp, n);
        match fence::hard_link(path, &aside) {
            Ok(()) => {
                fence::remove_file(path)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(tr!(
        "state-too-many-aside",
        dir = crate::display::path(layout.dir())
    )))
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> (tempfile::TempDir, Layout) {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        (dir, layout)
    }

    #[test]
    fn records_and_keeps_done() {
        let (_dir, layout) = layout();
        State::record(&layout, "a/b", false, &[], BTreeMap::new()).unwrap();
        assert_eq!(State::load(&layout).progress("a/b"), Progress::InProgress);
        State::record(&layout, "a/b", true, &[], BTreeMap::new()).unwrap();
        State::record(&layout, "a/b", false, &[], BTreeMap::new()).unwrap();
        assert_eq!(State::load(&layout).progress("a/b"), Progress::Done);
        assert_eq!(State::load(&layout).progress("c/d"), Progress::NotStarted);
    }

    #[test]
    fn corrupt_file_is_set_aside() {
        let (_dir, layout) = layout();
        layout.ensure().unwrap();
        std::fs::write(layout.state(), "{not json").unwrap();
        let state = State::load(&layout);
        assert_eq!(state.warnings.len(), 1);
        assert!(!layout.state().exists());
        assert_eq!(state.progress("a/b"), Progress::NotStarted);
        // A second one in the same second keeps the first's copy.
        std::fs::write(layout.state(), "{still not json").unwrap();
        let again = State::load(&layout);
        assert_eq!(again.warnings.len(), 1, "{:?}", again.warnings);
        let kept: Vec<String> = std::fs::read_dir(layout.dir())
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| name.starts_with("state.json.corrupt-"))
            .map(|name| std::fs::read_to_string(layout.dir().join(name)).unwrap())
            .collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept.contains(&"{not json".to_owned()));
        assert!(kept.contains(&"{still not json".to_owned()));
    }

    #[test]
    fn a_goals_hint_shows_after_two_failed_checks_or_once_hints_are_asked_for() {
        let (_dir, layout) = layout();
        let first = State::record(&layout, "a/b", false, &["speed"], BTreeMap::new()).unwrap();
        assert!(!first.shows_hint("speed"));
        let second =
            State::record(&layout, "a/b", false, &["speed", "bytes"], BTreeMap::new()).unwrap();
        assert!(second.shows_hint("speed"));
        assert!(!second.shows_hint("bytes"));
        State::reveal_hint(&layout, "a/b", 3).unwrap();
        let third = State::record(&layout, "a/b", false, &["bytes"], BTreeMap::new()).unwrap();
        assert!(third.shows_hint("bytes"));
    }

    #[test]
    fn hints_are_revealed_one_at_a_time_up_to_the_last() {
        let (_dir, layout) = layout();
        assert_eq!(State::reveal_hint(&layout, "a/b", 2).unwrap(), 1);
        assert_eq!(State::reveal_hint(&layout, "a/b", 2).unwrap(), 2);
        assert_eq!(State::reveal_hint(&layout, "a/b", 2).unwrap(), 2);
        assert_eq!(State::load(&layout).hints_shown("a/b"), 2);
        assert_eq!(State::load(&layout).progress("a/b"), Progress::InProgress);
    }

    #[test]
    fn each_check_keeps_its_values_and_only_the_last_ones_are_kept() {
        let (_dir, layout) = layout();
        for n in 0..HISTORY + 3 {
            let values = BTreeMap::from([("speed".to_owned(), n as f64)]);
            State::record(&layout, "a/b", n % 2 == 0, &[], values).unwrap();
        }
        let state = State::load(&layout);
        let history = state.history("a/b");
        assert_eq!(history.len(), HISTORY);
        assert_eq!(history[0].values["speed"], 3.0);
        assert_eq!(history[HISTORY - 1].values["speed"], (HISTORY + 2) as f64);
        assert!(history[HISTORY - 1].passed);
        assert!(state.history("c/d").is_empty());
    }
}
