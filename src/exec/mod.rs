//! The one place that starts processes: the `go` command, compiled test
//! binaries, `git`, and the helper programs `doctor` looks for. Every child runs
//! in its own process group under a deadline, below a reaper that keeps hold of
//! whatever it starts in other groups or sessions, and is killed with all of it.

mod buildinfo;
mod capture;
mod decisions;
mod go;
pub mod guard;
mod overlay;
mod process;
pub mod reaper;
pub mod server;
mod tools;
mod tree;
mod version;
pub mod viewer;

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use crate::tr;

pub use buildinfo::{BuildInfo, BuildInfoError};
pub use capture::{OUTPUT_HEAD, OUTPUT_TAIL, OutputCut};
pub use decisions::DECISION_FLAGS;
pub use go::{
    BuildFailure, BuildFlags, CompileError, Compiled, GoInfo, GoTool, TestRun, compile_errors,
};
pub use overlay::{Overlay, OverlayError};
pub use process::{Finished, install_interrupt_handler, interrupted, quit, quitting, stop_signal};
pub use tools::{git, probe_program};
pub use version::{BadGoVersion, GoVersion};

/// How long `go env` / `go version` may take.
pub(crate) const QUERY_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a Go tool invocation could not be made (not: why a test failed).
#[derive(Debug, thiserror::Error)]
pub enum GoError {
    #[error("{}", tr!("exec-go-not-found", minimum = .minimum.to_string()))]
    NotFound { minimum: GoVersion },

    #[error("{}", tr!("exec-cannot-start", program = .program.display().to_string()))]
    Spawn {
        program: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", tr!("exec-cannot-write", path = crate::display::path(.path)))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", tr!("exec-go-env-failed", output = .output))]
    Env { output: String },

    #[error("{}", tr!("exec-go-env-format"))]
    EnvFormat(#[source] serde_json::Error),

    #[error("{}", tr!("exec-go-timeout", step = .step, timeout = humantime::format_duration(*.timeout).to_string()))]
    Timeout { step: String, timeout: Duration },

    #[error("{}", tr!("exec-interrupted"))]
    Interrupted,

    /// The machine stopped the build (a full disk, a read-only file system),
    /// as go's line says, with its path.
    #[error("{}", tr!("exec-go-environment", line = .line))]
    Environment { line: String },

    /// The module (or one it needs) asks for a newer Go than the one installed.
    #[error("{}", tr!("exec-go-mod-needs-newer", what = .what, needed = .needed, running = .running))]
    NeedsNewerGo {
        /// What asks, as go says it: `go.mod`, `module example.com/x@v1.2.0`.
        what: String,
        needed: String,
        running: String,
    },
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

/// Where a short command's output goes when only its bytes in memory are
/// wanted: nowhere on disk, so that nothing is left behind however the runner
/// ends (a temporary file would outlive a kill).
pub(crate) fn in_memory() -> PathBuf {
    PathBuf::from("/dev/null")
}
