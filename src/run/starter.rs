//! The pristine starter's test binary, for runs against the starter: built on
//! first use in a temporary copy of the module and kept for the rest of the check.

use std::path::{Path, PathBuf};

use super::scope::{BUILD_TIMEOUT, Scope, TestBinary};
use super::{CheckError, Failure, Stop};
use crate::exec::{Compiled, GoTool};
use crate::workspace::{self, FileError, is_go};

/// The starter's binary, once asked for.
pub(super) enum StarterBuild {
    Unbuilt,
    /// There is no pristine starter, or it has no tests.
    Absent,
    Built(Built),
}

/// A built starter.
pub(super) struct Built {
    /// Holds the temporary module alive.
    _temp: tempfile::TempDir,
    binary: PathBuf,
    package: PathBuf,
}

impl Built {
    pub fn test_binary<'a>(&self, go: &'a GoTool, run_dir: &Path) -> TestBinary<'a> {
        TestBinary {
            go,
            binary: self.binary.clone(),
            package_dir: self.package.clone(),
            run_dir: run_dir.to_owned(),
        }
    }
}

impl StarterBuild {
    /// The starter's binary, built now if it was not yet; `None` when there is
    /// no starter to build. A starter that does not build fails the step `what`.
    pub fn get(&mut self, scope: &Scope<'_>, what: &str) -> Result<Option<&Built>, Stop> {
        if let StarterBuild::Unbuilt = self {
            *self = match build(scope, what)? {
                Some(built) => StarterBuild::Built(built),
                None => StarterBuild::Absent,
            };
        }
        Ok(match self {
            StarterBuild::Built(built) => Some(built),
            _ => None,
        })
    }
}

/// The starter's own binary, built in a temporary copy of the module.
fn build(scope: &Scope<'_>, what: &str) -> Result<Option<Built>, Stop> {
    let Scope {
        exercise,
        tree,
        go,
        run_dir,
        ..
    } = scope;
    let Some(starter) = &tree.starter else {
        return Ok(None);
    };
    let temp = tempfile::Builder::new()
        .prefix("workshop-starter-")
        .tempdir()
        .map_err(|source| CheckError::Io {
            path: std::env::temp_dir(),
            source,
        })?;
    let module = temp.path().join("module");
    workspace::copy_tree(&tree.module_dir, &module).map_err(CheckError::from)?;
    let package = exercise.package_dir(&module);
    if let Ok(entries) = std::fs::read_dir(&package) {
        for entry in entries.flatten() {
            if is_go(&entry.path()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    for (relative, bytes) in starter {
        let path = package.join(relative);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(&path, bytes)
            .map_err(FileError::write(&path))
            .map_err(CheckError::from)?;
    }
    let binary = run_dir.join("starter.test");
    let log = run_dir.join("starter-build.log");
    match go.compile_test(&module, &exercise.package, &binary, &log, BUILD_TIMEOUT)? {
        Compiled::Binary(Some(_)) => Ok(Some(Built {
            _temp: temp,
            binary,
            package,
        })),
        Compiled::Binary(None) => Ok(None),
        Compiled::Failed(failure) => Err(Stop::failed(
            format!("{what} failed"),
            Failure::Build(failure),
        )),
    }
}
