//! No child of the runner outlives it, however the runner ends. With its first
//! child the runner starts a guard: a copy of itself (`workshop __guard`), in a
//! process group of its own, reading the process groups of the running children
//! from a pipe. When the runner ends in any way, a SIGKILL or a closed terminal
//! included, the pipe closes and the guard kills every group still listed, with
//! everything below its leader (a reaper, see `exec::reaper`) in other groups
//! and sessions.

use std::io::{BufRead, Write};
use std::os::unix::process::CommandExt;
use std::process::{ChildStdin, Stdio};
use std::sync::Mutex;

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

/// The argument that makes the program a guard.
pub const GUARD_ARG: &str = "__guard";

/// The pipe to the guard, once started; `None` inside when it could not be.
static GUARD: Mutex<Option<Option<ChildStdin>>> = Mutex::new(None);

/// Starts the guard of this runner.
#[allow(clippy::disallowed_methods)] // exec starts the processes; this is its guard
fn start() -> Option<ChildStdin> {
    let program = super::reaper::own_executable().ok()?;
    let mut child = std::process::Command::new(program)
        .arg(GUARD_ARG)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Out of the terminal's group: Ctrl-C is the runner's to handle.
        .process_group(0)
        .spawn()
        .ok()?;
    child.stdin.take()
}

/// Starts the guard now, before a child it must watch exists.
pub fn ensure() {
    if let Ok(mut guard) = GUARD.lock() {
        guard.get_or_insert_with(start);
    }
}

fn tell(line: &str) {
    let Ok(mut guard) = GUARD.lock() else { return };
    let pipe = guard.get_or_insert_with(start);
    if let Some(stdin) = pipe
        && (stdin.write_all(line.as_bytes()).is_err() || stdin.flush().is_err())
    {
        // The guard is gone: there is nobody left to tell.
        *pipe = None;
    }
}

/// Has the guard kill process group `group` should the runner end before it does.
pub fn watch(group: i32) {
    tell(&format!("+{group}\n"));
}

/// `group` is over: the guard forgets it.
pub fn release(group: i32) {
    tell(&format!("-{group}\n"));
}

/// The guard itself: follows the groups on standard input until it closes,
/// then kills those still listed.
pub fn serve() -> std::process::ExitCode {
    let mut groups: Vec<i32> = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let (sign, number) = line.split_at(line.len().min(1));
        let Ok(group) = number.parse::<i32>() else {
            continue;
        };
        match sign {
            "+" if group > 1 => groups.push(group),
            "-" => groups.retain(|g| *g != group),
            _ => {}
        }
    }
    // Each group is led by a child's reaper, which holds what the child
    // started in other groups and sessions: the whole tree goes.
    super::tree::kill_tree(&groups, true);
    for group in groups {
        let _ = killpg(Pid::from_raw(group), Signal::SIGKILL);
    }
    std::process::ExitCode::SUCCESS
}
