//! `reset` and `restore` are transactions: a backup is complete or absent,
//! links are kept as links, and a change stopped midway is undone by the next
//! command. (tests/perf/killpoints.py kills them at every system call.)

use std::path::Path;

use crate::{Run, Workshop};

const ID: &str = "outcome/met";
const PACKAGE: &str = "exercises/outcome/met";

fn package(workshop: &Workshop) -> std::path::PathBuf {
    workshop.path().join(PACKAGE)
}

/// The attendee's work: an edited file, a new one and a link.
fn work(workshop: &Workshop) -> Vec<(String, String)> {
    workshop.run(&["list"]).code(0);
    let dir = package(workshop);
    let mut sum = std::fs::read_to_string(dir.join("sum.go")).unwrap();
    sum.push_str("\n// the attendee's work\n");
    std::fs::write(dir.join("sum.go"), &sum).unwrap();
    std::fs::write(dir.join("extra.go"), "package met\n").unwrap();
    std::os::unix::fs::symlink("sum.go", dir.join("notes.link")).unwrap();
    state(workshop)
}

/// Files with their text, links with `-> target`, sorted.
fn state(workshop: &Workshop) -> Vec<(String, String)> {
    let dir = package(workshop);
    let mut entries: Vec<(String, String)> = walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .map(|e| {
            let name = e.path().strip_prefix(&dir).unwrap().display().to_string();
            let what = if e.path_is_symlink() {
                format!("-> {}", std::fs::read_link(e.path()).unwrap().display())
            } else {
                std::fs::read_to_string(e.path()).unwrap_or_default()
            };
            (name, what)
        })
        .collect();
    entries.sort();
    entries
}

fn backups(workshop: &Workshop) -> Vec<String> {
    let dir = workshop.path().join(".workshop/backups").join(ID);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn links_are_saved_and_restored_as_links() {
    let workshop = Workshop::fixture("outcomes");
    let mine = work(&workshop);
    workshop.run(&["reset", ID]).code(0);
    assert!(
        std::fs::symlink_metadata(package(&workshop).join("notes.link")).is_err(),
        "the starter has no link"
    );
    workshop.run(&["restore", ID]).code(0);
    assert_eq!(state(&workshop), mine);
    // A backup that has no marker is not one: never listed, never restored.
    let base = workshop.path().join(".workshop/backups").join(ID);
    std::fs::create_dir_all(base.join("99999999-999999")).unwrap();
    let listed: Run = workshop.run(&["restore", ID, "--list"]);
    assert!(!listed.stdout.contains("99999999"), "{}", listed.stdout);
}

#[test]
fn a_change_stopped_midway_is_undone_by_the_next_command() {
    let workshop = Workshop::fixture("outcomes");
    let mine = work(&workshop);
    workshop.run(&["reset", ID]).code(0);
    let starter = state(&workshop);
    let saved = backups(&workshop);
    assert_eq!(saved.len(), 1, "{saved:?}");
    // As a `reset` killed halfway leaves it: its journal, its backup, and a
    // package half changed (the new file back, the edited file already the
    // starter's, a file on the way to its place).
    let base = workshop.path().join(".workshop/backups").join(ID);
    let journal = serde_json::json!({
        "operation": "reset",
        "backup": saved[0],
        "touched": ["extra.go", "notes.link", "sum.go", "sum_test.go"],
    });
    std::fs::write(base.join(".pending.json"), journal.to_string()).unwrap();
    std::fs::write(package(&workshop).join("extra.go"), "package met\n").unwrap();
    std::fs::write(
        package(&workshop).join(".workshop-new-4194999-file-x"),
        "half",
    )
    .unwrap();
    let run = workshop.run(&["restore", ID]);
    run.code(0).stdout_has("was stopped midway last time");
    assert_eq!(state(&workshop), mine, "the attendee's files are back");
    assert!(backups(&workshop).is_empty(), "{:?}", backups(&workshop));
    // The next reset is a plain one again, and restore brings the work back.
    workshop.run(&["reset", ID]).code(0);
    assert_eq!(state(&workshop), starter);
    workshop.run(&["restore", ID]).code(0);
    assert_eq!(state(&workshop), mine);
    assert!(!Path::new(&base.join(".pending.json")).exists());
}

#[test]
fn a_damaged_backup_is_refused_naming_the_file() {
    let workshop = Workshop::fixture("outcomes");
    work(&workshop);
    workshop.run(&["reset", ID]).code(0);
    let backup = workshop
        .path()
        .join(".workshop/backups")
        .join(ID)
        .join(&backups(&workshop)[0]);
    std::fs::write(backup.join("sum.go"), "package met // changed\n").unwrap();
    let before = state(&workshop);
    let run = workshop.run(&["restore", ID]);
    assert_ne!(run.code, 0);
    run.stderr_has("sum.go").stderr_has("differs");
    assert_eq!(state(&workshop), before);
}
