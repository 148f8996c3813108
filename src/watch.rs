//! `workshop watch`: check an exercise again whenever one of its `.go` files is
//! saved, move on to the next exercise once every goal is met, and take keys:
//! h hint, l list, c check again, q quit.
//!
//! Everything arrives as an [`Event`] on one channel: file changes from the
//! watcher, keys from a reader thread. The loop handles one event at a time, so
//! two checks never run at once; saves made during a check are gathered and
//! answered by one more check. A change counts only if it is a file of the
//! exercise watched when the loop takes it ([`concerns`]): a save made during
//! the check that passes an exercise is still on the channel after the loop
//! has moved on to the next one.
//!
//! `q` quits at once, even during a check: the reader thread has `exec` stop
//! the check's processes, and the check returns as interrupted.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::Watcher;

use crate::exec::{self, GoTool};
use crate::manifest::{Exercise, Workshop};
use crate::run::{self, CheckEvent, CheckStatus, Tree};
use crate::state::State;
use crate::tr;
use crate::workspace::is_go;
use crate::{Exit, report, terminal};

/// How long the files must stay quiet after a save before the check runs:
/// editors often write a file in several steps.
const QUIET: Duration = Duration::from_millis(300);

/// Something the watch loop reacts to.
#[derive(Debug)]
enum Event {
    Changed(PathBuf),
    Key(char),
}

/// Why watching could not start.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("{}", tr!("watch-cannot-watch", path = crate::display::path(.path)))]
    Watch {
        path: PathBuf,
        #[source]
        source: notify::Error,
    },
    #[error(transparent)]
    Check(#[from] run::CheckError),
}

/// Reads keys: single key presses on a terminal (while `keys` holds it),
/// else the first character of each line of standard input.
fn read_keys(events: Sender<Event>, keys: bool) {
    if keys {
        while let Some(keys) = terminal::read_keys() {
            for key in keys {
                let c = match key {
                    terminal::Key::Char(c) => c,
                    terminal::Key::Escape => 'q',
                    terminal::Key::Other => continue,
                };
                quit_on(c);
                if events.send(Event::Key(c.to_ascii_lowercase())).is_err() {
                    return;
                }
            }
        }
    } else {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { return };
            let Some(c) = line.trim().chars().next() else {
                continue;
            };
            quit_on(c);
            if events.send(Event::Key(c.to_ascii_lowercase())).is_err() {
                return;
            }
        }
    }
}

/// `q` stops the running check's processes now, from the reader thread: the
/// loop, busy with the check, would only see the key once the check is over.
fn quit_on(key: char) {
    if key.eq_ignore_ascii_case(&'q') {
        exec::quit();
    }
}

/// Whether a change of `path` concerns the exercise whose package is `dir`:
/// a file right in it (the package is not recursive), compared as paths, so
/// that `01-channel` is not `01-channel-old`.
fn concerns(path: &Path, dir: &Path) -> bool {
    path.parent() == Some(dir) && is_go(path)
}

/// Watches exercises from `start` on, until `q`, Ctrl-C, or the last one is done.
pub fn watch(workshop: &Workshop, start: &Exercise, go: &GoTool) -> Result<Exit, WatchError> {
    match watch_until_done(workshop, start, go) {
        // `q` stopped a check: that is quitting, not an error.
        _ if exec::quitting() => Ok(Exit::Success),
        result => result,
    }
}

fn watch_until_done(
    workshop: &Workshop,
    start: &Exercise,
    go: &GoTool,
) -> Result<Exit, WatchError> {
    let (sender, events) = mpsc::channel();
    let key_sender = sender.clone();
    // Held until watch returns, however it returns: its drop (or a panic, or
    // the second Ctrl-C) puts the terminal back as it was.
    let keys = console::user_attended()
        .then(terminal::Keys::start)
        .flatten();
    let single = keys.is_some();
    std::thread::spawn(move || read_keys(key_sender, single));
    let file_sender = sender;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let Ok(event) = result else { return };
        // Only what a save does: the check's own reads of the files (access
        // events) must not set off another check.
        let saved = match event.kind {
            notify::EventKind::Create(_) | notify::EventKind::Remove(_) => true,
            notify::EventKind::Modify(notify::event::ModifyKind::Metadata(_)) => false,
            notify::EventKind::Modify(_) => true,
            notify::EventKind::Access(notify::event::AccessKind::Close(
                notify::event::AccessMode::Write,
            )) => true,
            _ => false,
        };
        if saved {
            for path in event.paths.into_iter().filter(|p| is_go(p)) {
                let _ = file_sender.send(Event::Changed(path));
            }
        }
    })
    .map_err(|source| WatchError::Watch {
        path: workshop.root.clone(),
        source,
    })?;

    let mut tree = Tree::of(workshop, start, false);
    let layout = tree.layout.clone();
    let mut current = start;
    let mut watched = watch_dir(&mut watcher, workshop, current)?;
    let mut done = run_check(current, &tree, go, true, None)?;
    // Keys that arrived while files were settling, handled before new events.
    let mut pending: std::collections::VecDeque<Event> = std::collections::VecDeque::new();
    loop {
        if done {
            match State::load(&layout).next_not_done(workshop) {
                None => {
                    report::out(&report::human::all_done(workshop.exercises.len()));
                    return Ok(Exit::Success);
                }
                Some(next) => {
                    // The passed check stays on screen above the next one's.
                    report::out(&report::human::watch::moving_on(next));
                    let _ = watcher.unwatch(&watched);
                    current = next;
                    tree.identify_starter(workshop, current);
                    watched = watch_dir(&mut watcher, workshop, current)?;
                    done = run_check(current, &tree, go, false, None)?;
                    continue;
                }
            }
        }
        if exec::interrupted() {
            return Ok(Exit::Interrupted);
        }
        let next = match pending.pop_front() {
            Some(event) => Ok(event),
            None => events.recv_timeout(Duration::from_millis(200)),
        };
        match next {
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Success),
            // Another exercise's file: a save made before the last move on.
            Ok(Event::Changed(path)) if !concerns(&path, &watched) => {}
            Ok(Event::Changed(path)) => {
                settle(&events, &mut pending);
                done = run_check(current, &tree, go, true, Some(&path))?;
            }
            Ok(Event::Key('q')) => return Ok(Exit::Success),
            Ok(Event::Key('c')) => done = run_check(current, &tree, go, true, None)?,
            Ok(Event::Key('h')) => {
                let shown = if current.hints.is_empty() {
                    0
                } else {
                    State::reveal_hint(&layout, &current.id, current.hints.len()).unwrap_or(0)
                };
                report::out(&report::human::hints(
                    current,
                    shown,
                    report::human::HintView::Watch,
                ));
            }
            Ok(Event::Key('l')) => {
                let list = report::ListDoc::new(workshop, &State::load(&layout), None);
                report::out(&report::Document::human(&list));
                report::out(&report::human::watch::keys(&current.id));
            }
            Ok(Event::Key(_)) => report::out(&report::human::watch::keys(&current.id)),
        }
    }
}

/// Waits until no file event has come for [`QUIET`]: one check answers a whole
/// burst of saves. Keys pressed meanwhile are kept for afterwards.
fn settle(events: &Receiver<Event>, pending: &mut std::collections::VecDeque<Event>) {
    loop {
        match events.recv_timeout(QUIET) {
            Ok(Event::Changed(_)) => {}
            Ok(key) => pending.push_back(key),
            Err(_) => return,
        }
    }
}

fn watch_dir(
    watcher: &mut notify::RecommendedWatcher,
    workshop: &Workshop,
    exercise: &Exercise,
) -> Result<PathBuf, WatchError> {
    // The directory, not the files: editors that save by writing a new file and
    // renaming it over the old one replace the file being watched.
    let dir = workshop.package_dir(exercise);
    watcher
        .watch(&dir, notify::RecursiveMode::NonRecursive)
        .map_err(|source| WatchError::Watch {
            path: dir.clone(),
            source,
        })?;
    Ok(dir)
}

/// Checks, shows the result (in place of the last one when `clear`, under
/// the file whose change set it off) and records it; true when every goal is met.
fn run_check(
    exercise: &Exercise,
    tree: &Tree,
    go: &GoTool,
    clear: bool,
    changed: Option<&std::path::Path>,
) -> Result<bool, WatchError> {
    let spinner = report::human::Spinner::new(true);
    let listener = |event: &CheckEvent<'_>| {
        if let CheckEvent::Started { exercise } = event {
            spinner.print(&report::human::watch::checking(exercise, clear));
            if let Some(path) = changed {
                spinner.print(&report::human::watch::changed(path));
            }
        }
        spinner.follow(event);
    };
    let mut result = run::check(exercise, tree, go, &listener)?;
    let passed = result.status == CheckStatus::Pass;
    let values = result.values();
    // An exercise this Go cannot judge leaves the progress as it was.
    let recorded = (result.status != CheckStatus::Skipped)
        .then(|| State::record(&tree.layout, &exercise.id, passed, &result.failed(), values));
    match recorded {
        Some(Ok(recorded)) => result.keep_hints(|goal| recorded.shows_hint(goal)),
        Some(Err(e)) => report::warning(&tr!("cmd-progress-not-saved", error = e.to_string())),
        None => {}
    }
    report::out(&report::human::check(&result));
    if !passed {
        report::out(&report::human::watch::keys(&exercise.id));
    }
    Ok(passed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sequence reported: the save that passes block/01-channel is
    /// followed, while that check runs, by another save of it (an editor that
    /// formats on save writes twice); the check passes, watch moves on to
    /// mutex/01-contention, and only then takes the second save off the channel.
    #[test]
    fn a_save_of_the_exercise_left_behind_does_not_concern_the_next() {
        let exercises = Path::new("/w/exercises");
        let left = exercises.join("block/01-channel");
        let now = exercises.join("mutex/01-contention");
        let queued = left.join("digest.go");
        assert!(concerns(&queued, &left));
        assert!(!concerns(&queued, &now));
    }

    #[test]
    fn only_go_files_right_in_the_package_concern_it() {
        let dir = Path::new("/w/exercises/block/01-channel");
        assert!(concerns(&dir.join("digest_test.go"), dir));
        assert!(!concerns(&dir.join("digest.go~"), dir));
        assert!(!concerns(&dir.join(".digest.go.swp"), dir));
        assert!(!concerns(&dir.join("testdata/gen.go"), dir));
        // A sibling whose name starts with this one's is another directory.
        let sibling = Path::new("/w/exercises/block/01-channel-old/digest.go");
        assert!(!concerns(sibling, dir));
        assert!(!concerns(
            Path::new("/w/exercises/block/01-channel.go"),
            dir
        ));
    }
}
