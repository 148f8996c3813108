//! The one place that starts processes: the `go` command, compiled test
//! binaries, `git`, and the helper programs `doctor` looks for. Every child runs
//! in its own process group under a deadline and is killed with that whole group.

mod go;
pub mod guard;
mod process;
pub mod server;
mod tools;
mod version;

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

pub use go::{
    BuildFailure, BuildFlags, CompileError, Compiled, GoInfo, GoTool, TestRun, compile_errors,
};
pub use process::{Finished, install_interrupt_handler, interrupted};
pub use tools::{git, probe_program};
pub use version::{BadGoVersion, GoVersion};

/// How long `go env` / `go version` may take.
pub(crate) const QUERY_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a Go tool invocation could not be made (not: why a test failed).
#[derive(Debug, thiserror::Error)]
pub enum GoError {
    #[error(
        "the `go` command was not found on PATH; install Go {minimum} or newer from the Go downloads page, or put its bin directory on PATH"
    )]
    NotFound { minimum: GoVersion },

    #[error("cannot start {}", program.display())]
    Spawn {
        program: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("cannot write {}", crate::display::path(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("`go env` failed: {output}")]
    Env { output: String },

    #[error(
        "cannot read the output of `go env`: expected JSON with GOVERSION, GOOS, GOARCH and GOCACHE"
    )]
    EnvFormat(#[source] serde_json::Error),

    #[error("`go {step}` did not finish within {}", humantime::format_duration(*timeout))]
    Timeout { step: String, timeout: Duration },

    #[error("interrupted")]
    Interrupted,
}

/// The environment every Go child gets on top of ours: never download a
/// toolchain behind the attendee's back (the workshop must work offline).
pub(crate) fn go_env() -> Vec<(OsString, OsString)> {
    if std::env::var_os("GOTOOLCHAIN").is_some() {
        Vec::new()
    } else {
        vec![("GOTOOLCHAIN".into(), "local".into())]
    }
}

/// A temporary file to capture a short command's output; removed when dropped.
pub(crate) fn capture_file() -> Result<(tempfile::TempPath, PathBuf), GoError> {
    let file = tempfile::NamedTempFile::new().map_err(|source| GoError::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let path = file.into_temp_path();
    let owned = path.to_path_buf();
    Ok((path, owned))
}
