//! Where the runner keeps what it makes: every path under `.workshop/` in the
//! workshop root. Nothing else joins these names by hand.
//!
//! ```text
//! .workshop/
//!   .gitignore            ignores the whole directory
//!   state.json            progress and hints (see `state`), state.lock beside it
//!   runs/<id>/            test binaries, logs, profiles and traces of the last check
//!   runs/<id>/starter/    the pristine starter's module copy and test binary
//!   runs/<id>/protected/  the workshop's copies of the exercise's protected files
//!   runs/<id>/overlay.json  what `go -overlay` compiles from those copies
//!   runs/<id>/package/    the package directory as a check runs it, when its
//!                         test data had to be the workshop's
//!   starters/<id>/        a copy of the starter proven by its sums, where git lacks it
//!   backups/<id>/<time>/  the attendee's files before a `reset` or `restore`
//! ```

use std::path::{Path, PathBuf};

use crate::fence;

/// The directory, under the workshop root, for everything the runner makes.
pub const WORK_DIR: &str = ".workshop";

/// The `.workshop/` directory of one workshop root (or of a temporary copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    dir: PathBuf,
}

impl Layout {
    /// The layout under the workshop root `root`.
    pub fn new(root: &Path) -> Layout {
        fence::enclose(root);
        Layout {
            dir: root.join(WORK_DIR),
        }
    }

    /// `.workshop/` itself.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the last check of an exercise made.
    pub fn runs(&self, id: &str) -> PathBuf {
        self.dir.join("runs").join(id)
    }

    /// The pristine starter's build for an exercise: a copy of the module
    /// with the starter's files, and its test binary, kept between checks.
    pub fn starter_build(&self, id: &str) -> PathBuf {
        self.runs(id).join("starter")
    }

    /// The workshop's copies of an exercise's protected files (its tests and
    /// test data), by their paths in the package.
    pub fn protected(&self, id: &str) -> PathBuf {
        self.runs(id).join("protected")
    }

    /// The `go -overlay` file that compiles the attendee's code with those copies.
    pub fn overlay(&self, id: &str) -> PathBuf {
        self.runs(id).join("overlay.json")
    }

    /// A copy of the package directory with those copies in place, where
    /// the attendee's test binary runs when its test data is not the workshop's.
    pub fn staged_package(&self, id: &str) -> PathBuf {
        self.runs(id).join("package")
    }

    /// The saved pristine starter of an exercise.
    pub fn starter(&self, id: &str) -> PathBuf {
        self.dir.join("starters").join(id)
    }

    /// The backups of an exercise, one directory each.
    pub fn backups(&self, id: &str) -> PathBuf {
        self.dir.join("backups").join(id)
    }

    /// The progress file.
    pub fn state(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    /// The lock taken while the progress file changes.
    pub fn state_lock(&self) -> PathBuf {
        self.dir.join("state.lock")
    }

    /// Where an unreadable progress file is set aside.
    pub fn state_aside(&self, stamp: u64, n: u32) -> PathBuf {
        match n {
            1 => self.dir.join(format!("state.json.corrupt-{stamp}")),
            n => self.dir.join(format!("state.json.corrupt-{stamp}-{n}")),
        }
    }

    /// Creates `.workshop/` if needed, a real directory (never a link), that
    /// ignores itself so that its files never show up in `git status`.
    pub fn ensure(&self) -> std::io::Result<()> {
        fence::create_dir_all(&self.dir)?;
        let ignore = self.dir.join(".gitignore");
        fence::check_all(&ignore)?;
        if !ignore.is_file() {
            let mut file = fence::create(&ignore)?;
            std::io::Write::write_all(
                &mut file,
                b"# Files made by `workshop`: binaries, logs, profiles, traces.\n*\n",
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_under_the_work_dir() {
        let layout = Layout::new(Path::new("/w"));
        assert_eq!(
            layout.runs("heap/01-concat"),
            Path::new("/w/.workshop/runs/heap/01-concat")
        );
        assert_eq!(layout.state(), Path::new("/w/.workshop/state.json"));
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        layout.ensure().unwrap();
        assert!(dir.path().join(".workshop/.gitignore").is_file());
    }
}
