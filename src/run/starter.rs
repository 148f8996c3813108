//! The pristine starter's test binary, for runs against the starter: built in a
//! copy of the module with the starter's files, under the exercise's run
//! directory, and kept for later checks while the starter, the module's
//! go.mod and go.sum, and the Go toolchain stay the same (the module's other
//! packages stay as they were when it was built). Only the build is kept: the
//! starter's runs are made anew in every check.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use super::scope::{BUILD_TIMEOUT, Scope, TestBinary};
use super::{CheckError, Failure, Stop};
use crate::exec::{Compiled, GoTool};
use crate::tr;
use crate::workspace::{self, FileError, Files, is_go};

/// The profile `-pgo=auto` takes from a main package's directory.
const PGO_PROFILE: &str = "default.pgo";

/// The starter's binary, once asked for.
pub(super) enum StarterBuild {
    Unbuilt,
    /// There is no pristine starter, or it has no tests.
    Absent,
    Built(Built),
}

/// A built starter: its test binary and the package directory it runs in.
pub(super) struct Built {
    binary: PathBuf,
    package: PathBuf,
    /// The copy of the module it was built in.
    module: PathBuf,
}

impl Built {
    /// The copy of the module with the starter's files.
    pub fn module(&self) -> &std::path::Path {
        &self.module
    }

    /// The directory of the starter's build, where its other binaries go.
    pub fn dir(&self) -> &std::path::Path {
        self.binary.parent().unwrap_or(&self.module)
    }

    pub fn test_binary<'a>(&self, go: &'a GoTool, run_dir: &std::path::Path) -> TestBinary<'a> {
        TestBinary {
            go,
            binary: self.binary.clone(),
            package_dir: self.package.clone(),
            run_dir: run_dir.to_owned(),
        }
    }
}

impl StarterBuild {
    /// Whether a run of this check asked for the starter.
    pub fn asked(&self) -> bool {
        !matches!(self, StarterBuild::Unbuilt)
    }

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

impl StarterBuild {
    /// Whether the starter's build kept from an earlier check still stands
    /// (nothing it depends on has changed, and `--fresh` was not asked).
    pub fn kept(scope: &Scope<'_>) -> bool {
        let Some(starter) = &scope.tree.starter else {
            return false;
        };
        let dir = scope.tree.layout.starter_build(&scope.exercise.id);
        !scope.tree.fresh
            && std::fs::read_to_string(dir.join("key")).is_ok_and(|k| k == key(scope, starter))
            && dir.join("starter.test").is_file()
    }
}

/// What the starter's build depends on: its files, the module's go.mod and
/// go.sum, the package's place, and the toolchain.
fn key(scope: &Scope<'_>, starter: &Files) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    starter.hash(&mut hasher);
    for name in ["go.mod", "go.sum"] {
        std::fs::read(scope.tree.module_dir.join(name))
            .ok()
            .hash(&mut hasher);
    }
    scope.exercise.package.hash(&mut hasher);
    scope.exercise.build.hash(&mut hasher);
    // Builds made before the copy left out the attendee's default.pgo.
    PGO_PROFILE.hash(&mut hasher);
    let go = &scope.go.info;
    (&go.version, &go.goos, &go.goarch).hash(&mut hasher);
    format!("{:016x}\n", hasher.finish())
}

/// The starter's build: the one kept from an earlier check when nothing it
/// depends on has changed (and `--fresh` was not asked), else a new one.
fn build(scope: &Scope<'_>, what: &str) -> Result<Option<Built>, Stop> {
    let Some(starter) = &scope.tree.starter else {
        return Ok(None);
    };
    let dir = scope.tree.layout.starter_build(&scope.exercise.id);
    let module = dir.join("module");
    let built = Built {
        binary: dir.join("starter.test"),
        package: scope.exercise.package_dir(&module),
        module: module.clone(),
    };
    let key = key(scope, starter);
    let key_file = dir.join("key");
    let kept = std::fs::read_to_string(&key_file).is_ok_and(|k| k == key)
        && built.binary.is_file()
        && built.package.is_dir();
    if kept && !scope.tree.fresh {
        return Ok(Some(built));
    }
    // A build half made by an interrupted check must not be taken for whole.
    let _ = crate::fence::remove_file(&key_file);
    if dir.exists() {
        crate::fence::remove_dir_all(&dir)
            .map_err(FileError::write(&dir))
            .map_err(CheckError::from)?;
    }
    workspace::copy_tree(&scope.tree.module_dir, &module).map_err(CheckError::from)?;
    // The attendee's code goes, and with it their `default.pgo`, which
    // `-pgo=auto` would otherwise build the starter with.
    if let Ok(entries) = std::fs::read_dir(&built.package) {
        for entry in entries.flatten() {
            if is_go(&entry.path()) || entry.file_name() == PGO_PROFILE {
                let _ = crate::fence::remove_file(&entry.path());
            }
        }
    }
    workspace::write_files(&built.package, starter, &workspace::Modes::new())
        .map_err(CheckError::from)?;
    let log = dir.join("build.log");
    let compiled = scope.go.compile_test(
        &module,
        &scope.exercise.package,
        &scope.exercise.build,
        &built.binary,
        &log,
        BUILD_TIMEOUT,
    )?;
    match compiled {
        Compiled::Binary(Some(_)) => {
            workspace::write_atomic(&key_file, key.as_bytes(), None).map_err(CheckError::from)?;
            Ok(Some(built))
        }
        Compiled::Binary(None) => Ok(None),
        Compiled::Failed(failure) => Err(Stop::failed(
            tr!("run-step-failed", what = what),
            Failure::Build(failure),
        )),
    }
}
