//! Names for what a command makes on its way and removes when it is done — a
//! file written before it is renamed into place, a backup being filled — and
//! the sweeping of those a killed command left behind.
//!
//! Each such name carries the id of the process that made it
//! (`.workshop-new-<pid>-<rest>`), so that a later command removes only those
//! whose process is gone, never those of a command still running beside it.

use std::path::{Path, PathBuf};

/// The prefix of every name made on the way.
pub const PREFIX: &str = ".workshop-new-";

/// A name on the way for this process, unique within it: `<PREFIX><pid>-<what>-`
/// (a temporary-file builder appends random characters).
pub fn prefix(what: &str) -> String {
    format!("{PREFIX}{}-{what}-", std::process::id())
}

/// Whether `name` was made on the way by a process that no longer runs.
pub fn is_stale(name: &str) -> bool {
    let Some(rest) = name.strip_prefix(PREFIX) else {
        return false;
    };
    let pid: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match pid.parse::<u32>() {
        Ok(pid) => pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists(),
        Err(_) => true,
    }
}

/// The stale leftovers directly in `dir`.
pub fn stale_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(is_stale))
        .map(|e| e.path())
        .collect()
}

/// Removes the stale leftovers directly in `dir`.
pub fn sweep_here(dir: &Path) {
    for path in stale_in(dir) {
        remove(&path);
    }
}

fn remove(path: &Path) {
    let removed = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => crate::fence::remove_dir_all(path),
        Ok(_) => crate::fence::remove_file(path),
        Err(_) => Ok(()),
    };
    drop(removed);
}

/// Removes the stale leftovers in `dir` and in the directories below it
/// (not following links); what cannot be removed stays, to be tried again.
pub fn sweep(dir: &Path) {
    let walker = walkdir::WalkDir::new(dir).follow_links(false).into_iter();
    let mut found = Vec::new();
    for entry in walker.filter_entry(|e| {
        e.depth() == 0
            || !e
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(PREFIX))
    }) {
        let Ok(entry) = entry else { continue };
        if entry.file_type().is_dir() {
            found.extend(stale_in(entry.path()));
        }
    }
    for path in found {
        remove(&path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_leftovers_of_processes_gone_are_stale() {
        assert!(!is_stale(&prefix("x")));
        assert!(!is_stale("sum.go"));
        assert!(!is_stale(".workshop-new-1-x"), "pid 1 always runs");
        assert!(is_stale(".workshop-new-4194999-x-abc"));
        assert!(is_stale(".workshop-new-junk"));
    }

    #[test]
    fn sweeping_removes_stale_files_and_directories_below() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join(".workshop-new-4194999-file-x"), "half").unwrap();
        std::fs::create_dir(dir.path().join(".workshop-new-4194999-backup-y")).unwrap();
        std::fs::write(deep.join(format!("{}z", prefix("mine"))), "mine").unwrap();
        std::fs::write(deep.join("sum.go"), "kept").unwrap();
        sweep(dir.path());
        let mut left: Vec<String> = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [format!("{}z", prefix("mine")), "sum.go".to_owned()]);
        assert!(!dir.path().join(".workshop-new-4194999-backup-y").exists());
    }
}
