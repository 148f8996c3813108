//! The files that measure an exercise are the workshop's (see
//! `manifest::protected`): a check compiles and runs the pristine starter's
//! copies of them, never the attendee's, without touching the attendee's.
//!
//! The copies are written under the run directory, and every compile of the
//! attendee's code gets a `go -overlay` file that takes each protected file
//! from there (a deleted one is added back). Files read at run time, such as
//! `testdata/`, are beyond the compiler: when one of them is not the
//! workshop's, the attendee's binaries run in a copy of the package directory
//! with the workshop's files in place. The attendee is told which of their
//! files were not used.

use std::path::{Path, PathBuf};

use super::{CheckError, Tree};
use crate::exec::Overlay;
use crate::manifest::Exercise;
use crate::workspace::{self, FileError, Files, Modes, is_go};

/// One of the attendee's protected files that is not the workshop's.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProtectedFile {
    /// Relative to the package directory.
    pub path: PathBuf,
    pub state: ProtectedState,
}

/// How the attendee's copy of a protected file differs from the workshop's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProtectedState {
    /// Changed, or replaced by something that is no regular file.
    Edited,
    /// Not there.
    Deleted,
}

/// How a check compiles and runs the attendee's code with the workshop's
/// protected files.
#[derive(Debug, Clone)]
pub(super) struct Protection {
    /// The `-overlay` file of every compile of the attendee's code; `None`
    /// when there is no starter to take the files from.
    pub overlay: Option<PathBuf>,
    /// Where the attendee's binaries run: the package directory, or its
    /// staged copy when a protected file read at run time was not the workshop's.
    pub workdir: PathBuf,
    /// The attendee's protected files that were not used.
    pub differ: Vec<ProtectedFile>,
}

/// Writes the workshop's copies of the exercise's protected files, the
/// overlay that compiles with them and, when needed, the staged package
/// directory; says which of the attendee's files differ.
pub(super) fn prepare(
    exercise: &Exercise,
    tree: &Tree,
    package_dir: &Path,
) -> Result<Protection, CheckError> {
    let (layout, id) = (&tree.layout, &exercise.id);
    let staged = layout.staged_package(id);
    // A copy staged by an earlier check holds that check's files.
    workspace::remove_tree(&staged)?;
    let pristine: Files = match &tree.starter {
        Some(starter) => {
            let protected = exercise
                .protected_files(starter)
                .map_err(CheckError::Protected)?;
            starter
                .iter()
                .filter(|(path, _)| protected.contains(*path))
                .map(|(path, bytes)| (path.clone(), bytes.clone()))
                .collect()
        }
        None => Files::new(),
    };
    // The goroutine-leak profile's TestMain, added to what is compiled.
    let leak_main = if super::leak_main::needed(exercise) {
        let is_test = |p: &Path| {
            p.parent() == Some(Path::new("")) && p.to_string_lossy().ends_with("_test.go")
        };
        let mut tests = workspace::read_tree(package_dir, is_test)?;
        tests.extend(
            pristine
                .iter()
                .filter(|(path, _)| is_test(path))
                .map(|(path, bytes)| (path.clone(), bytes.clone())),
        );
        super::leak_main::stage(package_dir, &layout.runs(id), &tests)?
    } else {
        None
    };
    if pristine.is_empty() && leak_main.is_none() {
        return Ok(Protection {
            overlay: None,
            workdir: package_dir.to_owned(),
            differ: Vec::new(),
        });
    }
    let copies = layout.protected(id);
    workspace::remove_tree(&copies)?;
    workspace::write_files(&copies, &pristine, &Modes::new())?;
    let mut overlay = Overlay {
        replace: pristine
            .keys()
            .map(|path| (package_dir.join(path), Some(copies.join(path))))
            .collect(),
    };
    if let Some((from, to)) = leak_main {
        overlay.replace.insert(from, Some(to));
    }
    let overlay_file = layout.overlay(id);
    workspace::write_atomic(&overlay_file, &overlay.to_json()?, None)?;

    let differ = differing(package_dir, &pristine)?;
    let workdir = if differ.iter().any(|file| !is_go(&file.path)) {
        workspace::copy_tree(package_dir, &staged)?;
        workspace::write_files(&staged, &pristine, &Modes::new())?;
        staged
    } else {
        package_dir.to_owned()
    };
    Ok(Protection {
        overlay: Some(overlay_file),
        workdir,
        differ,
    })
}

/// Which of `pristine`'s files (protected files, by their paths in the
/// package) the package directory holds otherwise: edited or deleted. Links
/// are not followed: a link in place of a protected file is an edit.
pub fn differing(package_dir: &Path, pristine: &Files) -> Result<Vec<ProtectedFile>, FileError> {
    let theirs = workspace::read_tree(package_dir, |path| pristine.contains_key(path))?;
    Ok(pristine
        .iter()
        .filter_map(|(path, bytes)| {
            let state = match theirs.get(path) {
                Some(mine) if mine == bytes => return None,
                Some(_) => ProtectedState::Edited,
                None if package_dir.join(path).symlink_metadata().is_ok() => ProtectedState::Edited,
                None => ProtectedState::Deleted,
            };
            Some(ProtectedFile {
                path: path.clone(),
                state,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edited_deleted_and_linked_files_differ_and_others_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let package = dir.path();
        let mut pristine = Files::new();
        for name in [
            "same_test.go",
            "edited_test.go",
            "gone_test.go",
            "testdata/link",
        ] {
            pristine.insert(name.into(), b"pristine\n".to_vec());
        }
        let mut theirs = Files::new();
        theirs.insert("same_test.go".into(), b"pristine\n".to_vec());
        theirs.insert("edited_test.go".into(), b"mine\n".to_vec());
        theirs.insert("mine_test.go".into(), b"added\n".to_vec());
        workspace::write_files(package, &theirs, &Modes::new()).unwrap();
        std::fs::create_dir(package.join("testdata")).unwrap();
        std::os::unix::fs::symlink(package.join("same_test.go"), package.join("testdata/link"))
            .unwrap();
        let differ = differing(package, &pristine).unwrap();
        let found: Vec<(&str, ProtectedState)> = differ
            .iter()
            .map(|f| (f.path.to_str().unwrap(), f.state))
            .collect();
        assert_eq!(
            found,
            vec![
                ("edited_test.go", ProtectedState::Edited),
                ("gone_test.go", ProtectedState::Deleted),
                ("testdata/link", ProtectedState::Edited),
            ]
        );
    }
}
