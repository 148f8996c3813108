//! Every child the runner starts runs under a reaper: a copy of the runner
//! (`workshop __reap PROGRAM ARGS...`), in the child's process group, that
//! starts the program and is a child subreaper (`PR_SET_CHILD_SUBREAPER`). A
//! process the program starts in a session or group of its own is still below
//! the reaper, and when its parent ends it is handed to the reaper rather than
//! to init; so when the program ends the reaper finds and kills all of them
//! (see [`super::tree`]), then ends the way the program did. The signals the
//! runner sends (SIGQUIT for a goroutine dump, SIGTERM to a server) are passed
//! on to the program. Killed from outside, the reaper still holds the tree:
//! the runner and the guard kill it with everything below it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use nix::errno::Errno;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::Pid;

/// The argument that makes the program a reaper.
pub const REAPER_ARG: &str = "__reap";

/// What a reaper says when the program could not be started at all (a shell
/// says the same).
const CANNOT_START: u8 = 127;

/// The signals passed on to the program.
const PASSED_ON: [i32; 4] = [
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGHUP,
];

/// Whether this process's executable is the `workshop` binary, which
/// answers [`REAPER_ARG`] (a program using the library may not).
static OWN_BINARY: AtomicBool = AtomicBool::new(false);

/// Says that this process runs the `workshop` binary, so that its children
/// can run under a copy of it.
pub fn enable() {
    OWN_BINARY.store(true, Ordering::SeqCst);
}

/// The program and arguments that run `program` under a reaper; `program`
/// itself when the runner is not the `workshop` binary or cannot name its
/// own executable (its children's groups are still killed, not what left them).
pub(super) fn wrap(program: &Path, args: &[OsString]) -> (PathBuf, Vec<OsString>) {
    if !OWN_BINARY.load(Ordering::SeqCst) {
        return (program.to_owned(), args.to_vec());
    }
    match own_executable() {
        Ok(own) => {
            let mut all = vec![OsString::from(REAPER_ARG), program.as_os_str().to_owned()];
            all.extend(args.iter().cloned());
            (own, all)
        }
        Err(_) => (program.to_owned(), args.to_vec()),
    }
}

/// This program's executable, to start again as a reaper or a guard: on
/// Linux `/proc/self/exe`, which stays the running program's file even when
/// the file at its path has been replaced or removed since it started (a
/// `cargo install` of a new version while `workshop watch` runs); elsewhere
/// the path it was started from.
pub(super) fn own_executable() -> std::io::Result<PathBuf> {
    let proc = Path::new("/proc/self/exe");
    if proc.exists() {
        Ok(proc.to_owned())
    } else {
        std::env::current_exe()
    }
}

/// The reaper itself: runs the program named by the arguments after
/// [`REAPER_ARG`], kills what it left behind, and ends as it ended.
#[allow(clippy::disallowed_methods)] // exec starts the processes; this is one of its own
pub fn serve() -> ExitCode {
    let mut args = std::env::args_os().skip(2);
    let Some(program) = args.next() else {
        return ExitCode::from(CANNOT_START);
    };
    // Without it, orphans go to init and only the tree walk of a living
    // parent finds them; the program still runs.
    let _ = nix::sys::prctl::set_child_subreaper(true);
    // Registered before the program starts, so that no signal meant for it
    // can end the reaper instead.
    let signals = signal_hook::iterator::Signals::new(PASSED_ON).ok();
    let Ok(child) = std::process::Command::new(program).args(args).spawn() else {
        return ExitCode::from(CANNOT_START);
    };
    let pid = Pid::from_raw(child.id() as i32);
    let over = Arc::new(AtomicBool::new(false));
    if let Some(mut signals) = signals {
        let over = Arc::clone(&over);
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if over.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(signal) = Signal::try_from(signal) {
                    let _ = kill(pid, signal);
                }
            }
        });
    }
    let status = wait_for(pid);
    over.store(true, Ordering::SeqCst);
    super::tree::kill_tree(&[std::process::id() as i32], false);
    // The killed are this process's children now: reaped, no zombie is left.
    while !matches!(waitpid(None, None), Err(Errno::ECHILD)) {}
    match status {
        WaitStatus::Exited(_, code) => ExitCode::from(u8::try_from(code).unwrap_or(u8::MAX)),
        WaitStatus::Signaled(_, signal, _) => {
            // Ending by the same signal tells the runner how the program ended;
            // no core file of the reaper lands in the exercise's directory.
            let _ = nix::sys::prctl::set_dumpable(false);
            let _ = signal_hook::low_level::emulate_default_handler(signal as i32);
            ExitCode::from(128u8.saturating_add(signal as u8))
        }
        _ => ExitCode::FAILURE,
    }
}

/// Waits until `pid` ends, reaping the orphans handed over meanwhile.
fn wait_for(pid: Pid) -> WaitStatus {
    loop {
        match waitpid(None, None) {
            Ok(status @ (WaitStatus::Exited(p, _) | WaitStatus::Signaled(p, _, _))) if p == pid => {
                return status;
            }
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => return WaitStatus::Exited(pid, i32::from(CANNOT_START)),
        }
    }
}
