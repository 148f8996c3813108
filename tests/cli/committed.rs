//! The exercises as committed, for the tests that run the bundled workshop: an
//! attendee's checkout holds their own work in `exercises/` (often the solved
//! exercises), so tests never read the working copy there. The `exercises`
//! tree of `HEAD` is taken out of git once, into a directory of the test run
//! under target/ named after the tree's id, and every test reads that.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;

use super::repo;

/// `git args...` in the repository, its stdout; panics with git's message.
#[allow(clippy::disallowed_methods)]
fn git(args: &[&str]) -> Vec<u8> {
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run git ({e}): the tests read the committed exercises with it")
        });
    assert!(
        output.status.success(),
        "`git {}` failed in {} (the tests read the committed exercises from git):\n{}",
        args.join(" "),
        repo().display(),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// `exercises/` as in the commit checked out (`HEAD`), whatever the working
/// copy holds: a directory under `target/tmp/committed-exercises/<tree id>/`,
/// extracted by `git archive` into a scratch directory and renamed into place,
/// so concurrent test processes never see half of it.
pub fn exercises() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let tree = String::from_utf8(git(&["rev-parse", "HEAD:exercises"])).unwrap();
        let parent = Path::new(env!("CARGO_TARGET_TMPDIR")).join("committed-exercises");
        let dir = parent.join(tree.trim());
        if dir.is_dir() {
            return dir.join("exercises");
        }
        std::fs::create_dir_all(&parent).unwrap();
        let scratch = tempfile::Builder::new()
            .prefix("extract-")
            .tempdir_in(&parent)
            .unwrap();
        let archive = scratch.path().join("exercises.tar");
        let archive_arg = format!("--output={}", archive.display());
        git(&["archive", "--format=tar", &archive_arg, "HEAD", "exercises"]);
        untar(&archive, scratch.path());
        std::fs::remove_file(&archive).unwrap();
        // Another process may have put the same tree in place meanwhile.
        let kept = scratch.keep();
        if std::fs::rename(&kept, &dir).is_err() {
            std::fs::remove_dir_all(&kept).unwrap();
            assert!(dir.is_dir(), "{} could not be made", dir.display());
        }
        dir.join("exercises")
    })
}

#[allow(clippy::disallowed_methods)]
fn untar(archive: &Path, into: &Path) {
    let status = std::process::Command::new("tar")
        .arg("-xf")
        .arg(archive)
        .arg("-C")
        .arg(into)
        .status()
        .expect("tar runs");
    assert!(status.success(), "tar could not extract the exercises");
}
