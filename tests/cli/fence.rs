//! The workshop root is a fence: links planted in a repository never make the
//! runner write, truncate or delete outside it, nor read material from
//! outside it. Each attack runs against a fixture workshop beside an
//! `outside/` directory whose every byte is checked afterwards.

use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use crate::{Run, copy_dir, repo};

const ID: &str = "outcome/met";
const PACKAGE: &str = "exercises/outcome/met";

/// A fixture workshop at `world/workshop` and a canary tree at `world/outside`.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let dir = tempfile::Builder::new()
            .prefix("workshop-fence-")
            .tempdir()
            .unwrap();
        copy_dir(
            &repo().join("tests/fixtures/outcomes"),
            &dir.path().join("workshop"),
        );
        let outside = dir.path().join("outside");
        for (file, text) in [
            ("victim.txt", "the attendee's thesis\n"),
            ("runs/keep.txt", "not the runner's\n"),
            ("internal/x.go", "package internal // someone else's\n"),
            ("backups/README", "someone else's backups\n"),
            ("state/notes.txt", "someone else's notes\n"),
            ("secret.txt", "root:x:0:0:secret\n"),
        ] {
            let path = outside.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        World { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("workshop")
    }

    fn outside(&self) -> PathBuf {
        self.dir.path().join("outside")
    }

    /// Every path and byte under `outside/`, directories included.
    fn canary(&self) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        walkdir::WalkDir::new(self.outside())
            .into_iter()
            .flatten()
            .map(|e| {
                let bytes = e
                    .file_type()
                    .is_file()
                    .then(|| std::fs::read(e.path()).unwrap());
                (e.path().to_owned(), bytes)
            })
            .collect()
    }

    /// A link at `relative` (inside the workshop) to `target`.
    fn link(&self, relative: &str, target: &Path) {
        let at = self.root().join(relative);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        symlink(target, at).unwrap();
    }

    fn run(&self, args: &[&str]) -> Run {
        let mut command = crate::binary();
        command.arg("--root").arg(self.root()).args(args);
        Run::from(command.output().unwrap())
    }
}

/// Runs `args` after `plant`, and checks the canary and the error.
#[track_caller]
fn refused(world: &World, args: &[&str], link: &str) -> Run {
    let before = world.canary();
    let run = world.run(args);
    assert_eq!(
        before,
        world.canary(),
        "something outside changed: {args:?}"
    );
    assert!(
        run.code != 0 && run.code != 101,
        "{args:?} exited {}:\n{}\n{}",
        run.code,
        run.stdout,
        run.stderr
    );
    run.stderr_has(link).stderr_has("symbolic link");
    run
}

#[test]
fn a_linked_state_lock_is_not_truncated() {
    let world = World::new();
    world.link(".workshop/state.lock", &world.outside().join("victim.txt"));
    refused(&world, &["hint", ID], "state.lock");
}

#[test]
fn a_linked_run_directory_is_neither_emptied_nor_written() {
    let world = World::new();
    world.link(
        &format!(".workshop/runs/{ID}"),
        &world.outside().join("runs"),
    );
    refused(&world, &["check", ID], ID);
}

#[test]
fn a_dangling_gitignore_creates_nothing_outside() {
    let world = World::new();
    world.link(".workshop/.gitignore", &world.outside().join("made.txt"));
    refused(&world, &["hint", ID], ".gitignore");
    assert!(!world.outside().join("made.txt").exists());
}

#[test]
fn a_linked_work_directory_keeps_no_state_elsewhere() {
    let world = World::new();
    world.link(".workshop", &world.outside().join("state"));
    refused(&world, &["hint", ID], ".workshop");
}

#[test]
fn linked_backups_are_refused_and_the_attendees_files_kept() {
    let world = World::new();
    // The first command saves the starter; then the attendee works.
    world.run(&["list"]).code(0);
    let mine = "package met // the attendee's work\n";
    std::fs::write(world.root().join(PACKAGE).join("sum.go"), mine).unwrap();
    world.link(".workshop/backups", &world.outside().join("backups"));
    refused(&world, &["reset", ID], "backups");
    assert_eq!(
        std::fs::read_to_string(world.root().join(PACKAGE).join("sum.go")).unwrap(),
        mine
    );
}

#[test]
fn a_linked_package_directory_is_never_written_through() {
    let world = World::new();
    let internal = world.root().join(PACKAGE).join("util");
    std::fs::create_dir_all(&internal).unwrap();
    std::fs::write(internal.join("x.go"), "package util\n").unwrap();
    world.run(&["list"]).code(0);
    // The attendee's tree now has the directory as a link out, and work.
    std::fs::remove_dir_all(&internal).unwrap();
    symlink(world.outside().join("internal"), &internal).unwrap();
    let mine = "package met // the attendee's work\n";
    std::fs::write(world.root().join(PACKAGE).join("sum.go"), mine).unwrap();
    refused(&world, &["reset", ID], "util");
    assert_eq!(
        std::fs::read_to_string(world.root().join(PACKAGE).join("sum.go")).unwrap(),
        mine,
        "a refused reset must change nothing"
    );
}

#[test]
fn a_solution_file_linked_out_is_a_manifest_error_at_its_key() {
    let world = World::new();
    let solution = world.root().join("checks/outcome/met/solution/sum.go");
    std::fs::remove_file(&solution).unwrap();
    symlink(world.outside().join("secret.txt"), &solution).unwrap();
    let before = world.canary();
    let run = world.run(&["diff", ID, "--solution"]);
    assert_eq!(before, world.canary());
    assert_ne!(run.code, 0);
    run.stderr_has("checks/outcome/met/check.yaml:")
        .stderr_has("leads outside the workshop");
    assert!(!run.stdout.contains("secret") && !run.stderr.contains("root:x"));
}
