//! The exercise's package built as a command with the check's own flags
//! (`go build`, the protected files overlaid), for goals on how the code was
//! built: its build information, and the CPU profile its `-pgo` setting names,
//! read with the runner's pprof reader.
//!
//! `go test` and `go build` choose a profile the same way for a main package
//! (`-pgo=auto` takes `default.pgo` from its directory), but only the program
//! records the choice reliably, so it is built beside the test binary.

use std::path::{Path, PathBuf};

use super::scope::{BUILD_TIMEOUT, Scope};
use super::{Failure, Stop};
use crate::exec::{BuildInfoError, Compiled};
use crate::goals::{Damage, PgoProfile, ProgramFacts, Requirement};
use crate::tr;

/// Whether a goal of the exercise reads the program's build.
pub(super) fn wanted(scope: &Scope<'_>) -> bool {
    scope
        .exercise
        .goals
        .iter()
        .any(|g| g.requirements().contains(&Requirement::Program))
}

/// Builds the program into the run directory and reads what its build used.
/// A compile error fails the check as the test binary's would.
pub(super) fn build(scope: &Scope<'_>) -> Result<(PathBuf, ProgramFacts), Stop> {
    let binary = scope.run_dir.join("program");
    let log = scope.run_dir.join("program.build.log");
    let compiled = scope.go.build_main(
        &scope.tree.module_dir,
        &scope.exercise.package,
        &scope.mine_flags(),
        &binary,
        &log,
        BUILD_TIMEOUT,
    )?;
    let mut facts = ProgramFacts {
        package_dir: scope.package_dir.clone(),
        info: None,
        profile: None,
    };
    match compiled {
        Compiled::Failed(mut failure) => {
            scope.tree.label_errors(&mut failure);
            let count = failure.errors.len();
            return Err(Stop::failed(
                tr!("run-compile-errors", count = count),
                Failure::Build(failure),
            ));
        }
        // `go build -o` of a package that is not a command writes the
        // package's archive (`!<arch>`), which is no program.
        Compiled::Binary(None) => return Ok((binary, facts)),
        Compiled::Binary(Some(_)) if is_archive(&binary) => return Ok((binary, facts)),
        Compiled::Binary(Some(_)) => {}
    }
    let info = scope
        .go
        .build_info(&binary)?
        .map_err(|BuildInfoError::Refused(words)| words);
    if let Ok(info) = &info
        && let Some(pgo) = info.setting("-pgo")
    {
        facts.profile = Some(read(Path::new(pgo), &scope.package_dir));
    }
    facts.info = Some(info);
    Ok((binary, facts))
}

/// Whether the file is a Go package archive rather than an executable.
fn is_archive(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"!<arch>\n")
}

/// The profile at `path` (absolute, as the go command records it; relative
/// to the package when built with `-trimpath`). Whatever is wrong with it is
/// the attendee's to see: the goals that read it fail, the check goes on.
fn read(path: &Path, package_dir: &Path) -> PgoProfile {
    let path = if path.is_absolute() {
        path.to_owned()
    } else {
        package_dir.join(path)
    };
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let read = crate::pprof::Profile::read(&path).map_err(|e| Damage::profile(&path, &e));
    PgoProfile { path, bytes, read }
}
