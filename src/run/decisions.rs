//! The compiler's decisions about the exercise's package, for the goals on
//! them: asked of the go command with the flags, overlay and `-pgo` of the
//! check's own build (`exec::GoTool::compiler_decisions`), and read with the
//! package's sources as compiled (the attendee's files, with the workshop's
//! copies of the protected ones).

use std::path::{Component, Path, PathBuf};

use super::scope::{BUILD_TIMEOUT, Scope};
use super::{Failure, Stop};
use crate::compiler::Decisions;
use crate::tr;
use crate::workspace;

/// The decisions, or why they are not whole (an output too long to keep).
pub(super) fn decisions(scope: &Scope<'_>) -> Result<Result<Decisions, String>, Stop> {
    let log = scope.run_dir.join("decisions.log");
    let exercise = scope.exercise;
    let built = scope.go.compiler_decisions(
        &scope.tree.module_dir,
        &exercise.package,
        &scope.mine_flags(),
        &log,
        BUILD_TIMEOUT,
    )?;
    let finished = match built {
        Ok(finished) => finished,
        Err(mut failure) => {
            scope.tree.label_errors(&mut failure);
            let count = failure.errors.len();
            return Err(Stop::failed(
                tr!("run-compile-errors", count = count),
                Failure::Build(failure),
            ));
        }
    };
    if let Some(cut) = &finished.cut {
        return Ok(Err(cut.message()));
    }
    let package_dir = &scope.package_dir;
    let copies = scope
        .protection
        .overlay
        .is_some()
        .then(|| scope.tree.layout.protected(&exercise.id));
    let mut sources = workspace::read_tree(package_dir, workspace::is_go).unwrap_or_default();
    if let Some(copies) = &copies
        && let Ok(pristine) = workspace::read_tree(copies, workspace::is_go)
    {
        sources.extend(pristine);
    }
    let sources = sources
        .into_iter()
        .filter(|(path, _)| path.components().count() == 1)
        .map(|(path, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (path.display().to_string(), text)
        })
        .collect();
    let module_dir = &scope.tree.module_dir;
    let place = |printed: &str| place(module_dir, package_dir, copies.as_deref(), printed);
    Ok(Ok(crate::compiler::parse(&finished.output, place, sources)))
}

/// A file's path as the compiler printed it (from the module directory, or
/// absolute), as a path in the package directory: a file of the package, or
/// the workshop's copy of a protected one. `None` for any other file.
fn place(
    module_dir: &Path,
    package_dir: &Path,
    copies: Option<&Path>,
    printed: &str,
) -> Option<String> {
    let path = normal(&module_dir.join(printed));
    let within = |dir: &Path| {
        let rest = path.strip_prefix(normal(dir)).ok()?;
        let mut parts = rest.components();
        match (parts.next(), parts.next()) {
            (Some(Component::Normal(name)), None) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        }
    };
    within(package_dir).or_else(|| within(copies?))
}

/// The path with its `.` and `..` taken out, without asking the file system.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_the_package_and_of_the_workshops_copies() {
        let module = Path::new("/w/exercises");
        let package = Path::new("/w/exercises/heap/03-escape");
        let copies = Path::new("/w/.workshop/runs/heap/03-escape/protected");
        let at = |printed: &str| place(module, package, Some(copies), printed);
        assert_eq!(at("heap/03-escape/parse.go").as_deref(), Some("parse.go"));
        assert_eq!(at("./heap/03-escape/parse.go").as_deref(), Some("parse.go"));
        assert_eq!(
            at("../.workshop/runs/heap/03-escape/protected/parse_test.go").as_deref(),
            Some("parse_test.go")
        );
        assert_eq!(
            at("/w/.workshop/runs/heap/03-escape/protected/parse_test.go").as_deref(),
            Some("parse_test.go")
        );
        assert_eq!(at("heap/01-concat/join.go"), None);
        assert_eq!(at("heap/03-escape/sub/x.go"), None);
        assert_eq!(at("_testmain.go"), None);
    }
}
