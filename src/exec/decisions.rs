//! Asking the compiler what it decided about an exercise's package: the same
//! `go test -c` as the check's test binary (same flags, overlay and `-pgo`),
//! with `-m=2` and the bounds-check debug output added to the package's own
//! `-gcflags`, and the binary thrown away (`-o /dev/null`: the go command
//! then links nothing).
//!
//! No rebuild is forced. On a build cache hit, Go 1.26 and 1.27 print the
//! compiler's output of the cached compile again, byte for byte (checked by
//! tests/fixtures/compiler/generate.sh's builds and tests/cli/compiler.rs),
//! and the cache key covers the sources, the overlay's files, the flags and
//! the PGO profile: a replayed output is the output of this very code. `-a`
//! would recompile the standard library for nothing.

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

use super::go::{BuildFailure, BuildFlags, GoTool, compile_errors};
use super::process::{self, Finished, Spawn};
use super::{GoError, go_env};

/// The compiler flags that make it say its decisions: escape analysis and
/// inlining with their reasons (`-m=2`), and every bounds check it keeps.
pub const DECISION_FLAGS: &str = "-m=2 -d=ssa/check_bce/debug=1";

impl GoTool {
    /// `go test -c -o /dev/null` of `package` with the decision flags added;
    /// the compiler's output is the `Finished`'s (bounded like every child's,
    /// and written to `log`). A build that fails gives its errors.
    pub fn compiler_decisions(
        &self,
        module_dir: &Path,
        package: &Path,
        flags: &BuildFlags,
        log: &Path,
        timeout: Duration,
    ) -> Result<Result<Finished, BuildFailure>, GoError> {
        let mut args: Vec<OsString> = vec!["test".into(), "-c".into()];
        args.extend(decision_args(flags).into_iter().map(OsString::from));
        args.push("-o".into());
        args.push(super::in_memory().into_os_string());
        args.push(Path::new(".").join(package).into_os_string());
        let mut env = go_env();
        env.push(("PWD".into(), module_dir.as_os_str().to_owned()));
        let finished = process::run(&Spawn {
            program: self.program().to_owned(),
            args,
            dir: module_dir.to_owned(),
            env,
            timeout,
            output: log.to_owned(),
            quit_first: false,
        })?;
        if finished.timed_out {
            return Err(GoError::Timeout {
                step: format!("go test -c -gcflags='{DECISION_FLAGS}'"),
                timeout,
            });
        }
        if !finished.success() {
            return Ok(Err(BuildFailure {
                errors: compile_errors(&finished.output),
                vet: false,
                output: finished.output,
            }));
        }
        Ok(Ok(finished))
    }
}

/// The build flags with the decision flags added to the package's own
/// `-gcflags`. A `-gcflags` applies to the packages named on the command line
/// unless it names a pattern, and of several that match a package the last
/// wins: the check file's flags are kept as written (for the packages their
/// pattern names), and the package gets them again with the decision flags.
fn decision_args(flags: &BuildFlags) -> Vec<String> {
    let theirs = flags.gcflags.as_deref().map(str::trim);
    let own = match theirs {
        // `pattern=args`: a pattern never begins with `-`.
        Some(g) if !g.starts_with('-') && g.contains('=') => g.split_once('=').map(|(_, a)| a),
        other => other,
    };
    let merged = match own.filter(|a| !a.is_empty()) {
        Some(args) => format!("{args} {DECISION_FLAGS}"),
        None => DECISION_FLAGS.to_owned(),
    };
    let pattern = theirs.is_some_and(|g| !g.starts_with('-') && g.contains('='));
    let mut args = BuildFlags {
        gcflags: pattern.then(|| theirs.unwrap_or_default().to_owned()),
        ..flags.clone()
    }
    .args();
    args.push(format!("-gcflags={merged}"));
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(gcflags: Option<&str>, pgo: Option<&str>) -> Vec<String> {
        decision_args(&BuildFlags {
            gcflags: gcflags.map(str::to_owned),
            pgo: pgo.map(str::to_owned),
            ..BuildFlags::default()
        })
    }

    #[test]
    fn the_package_keeps_its_own_gcflags() {
        assert_eq!(args(None, None), ["-gcflags=-m=2 -d=ssa/check_bce/debug=1"]);
        assert_eq!(
            args(Some("-l"), None),
            ["-gcflags=-l -m=2 -d=ssa/check_bce/debug=1"]
        );
        assert_eq!(
            args(Some("all=-N -l"), None),
            [
                "-gcflags=all=-N -l",
                "-gcflags=-N -l -m=2 -d=ssa/check_bce/debug=1"
            ]
        );
    }

    #[test]
    fn pgo_is_kept_so_that_decisions_reflect_it() {
        let args = args(None, Some("default.pgo"));
        assert!(args.contains(&"-pgo=default.pgo".to_owned()), "{args:?}");
    }
}
