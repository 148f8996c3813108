//! Spawning a child with a deadline, in a process group of its own, so that the
//! child and everything it started can be stopped together.

use std::ffi::OsString;
use std::fs::File;
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use nix::sys::signal::{self, Signal};
use nix::unistd::Pid;

use super::GoError;
use super::capture::{HeadTail, OUTPUT_HEAD, OUTPUT_TAIL, OutputCut};

/// How long a child may take to print its goroutine dump after SIGQUIT.
const QUIT_GRACE: Duration = Duration::from_secs(5);
/// How long the output reader may take to finish after the group is killed.
const READER_GRACE: Duration = Duration::from_secs(1);
/// How often a wait wakes up to look for Ctrl-C.
const POLL: Duration = Duration::from_millis(100);

static INTERRUPTED: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// The signal that asked to stop, once one has.
static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// Set when the user quits (`q` in `watch`): no child is started any more,
/// and every wait returns [`GoError::Interrupted`] without asking the child
/// for its goroutines.
static QUITTING: AtomicBool = AtomicBool::new(false);

/// The process groups of the children running now, for a second Ctrl-C.
static RUNNING: Mutex<Vec<i32>> = Mutex::new(Vec::new());

/// Held while a child is started and registered, so that ending the program
/// at once never falls between the two (the child would be nobody's).
static STARTING: Mutex<()> = Mutex::new(());

/// How long the program may go on with no child to stop after being asked to
/// stop before it is ended: enough to report what the stopped children left,
/// short enough that a program blocked where it cannot look (opening a FIFO,
/// reading a device) still ends promptly.
const IDLE_AFTER_STOP: Duration = Duration::from_secs(1);

/// Makes the first Ctrl-C (or SIGTERM) stop the running children: a Go test
/// binary is asked for its goroutines (SIGQUIT) and its run returns them;
/// anything else returns [`GoError::Interrupted`]. Should the program then
/// have no child to stop for [`IDLE_AFTER_STOP`] and still not have ended
/// (it may be blocked in a system call that never looks at the request), or
/// should a second signal come, every child's process group is killed and the
/// program ends at once, with status 128 + the signal (130 for Ctrl-C, 143 for
/// SIGTERM).
pub fn install_interrupt_handler() {
    let flag = Arc::clone(INTERRUPTED.get_or_init(|| Arc::new(AtomicBool::new(false))));
    let signals = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];
    // Failing to register leaves the default action (termination), which is safe.
    let Ok(mut signals) = signal_hook::iterator::Signals::new(signals) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if flag.swap(true, Ordering::SeqCst) {
                end_now();
            }
            SIGNAL.store(signal, Ordering::SeqCst);
            std::thread::spawn(end_when_idle);
        }
    });
}

/// Which signal asked to stop, if one has.
pub fn stop_signal() -> Option<i32> {
    match SIGNAL.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

/// Ends the program once it has had no child to stop for [`IDLE_AFTER_STOP`].
fn end_when_idle() {
    let step = Duration::from_millis(50);
    let mut idle = Duration::ZERO;
    while idle < IDLE_AFTER_STOP {
        std::thread::sleep(step);
        let running = RUNNING.lock().map(|r| !r.is_empty()).unwrap_or(false);
        idle = if running { Duration::ZERO } else { idle + step };
    }
    end_now();
}

/// Every child's group is killed, then the program ends.
#[allow(clippy::disallowed_methods)] // the one exit that cannot wait for the commands to return
fn end_now() -> ! {
    // A child being started is registered first, then killed with the rest.
    let _starting = STARTING.lock();
    let groups = RUNNING.lock().map(|g| g.clone()).unwrap_or_default();
    super::tree::kill_tree(&groups, true);
    for group in groups {
        let _ = signal::killpg(Pid::from_raw(group), Signal::SIGKILL);
    }
    crate::terminal::restore();
    let signal = stop_signal().unwrap_or(signal_hook::consts::SIGINT);
    std::process::exit(128 + signal)
}

/// Keeps a child's process group in [`RUNNING`] while the value lives.
pub(super) struct Running(Option<i32>);

impl Running {
    pub(super) fn new(pid: Option<i32>) -> Running {
        if let Some(pid) = pid {
            if let Ok(mut running) = RUNNING.lock() {
                running.push(pid);
            }
            super::guard::watch(pid);
        }
        Running(pid)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(pid) = self.0 {
            if let Ok(mut running) = RUNNING.lock() {
                running.retain(|p| *p != pid);
            }
            super::guard::release(pid);
        }
    }
}

/// Whether the user has asked to stop: Ctrl-C, or [`quit`].
pub fn interrupted() -> bool {
    quitting()
        || INTERRUPTED
            .get()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
}

/// The user quits, from any thread: every running child's process group is
/// killed at once (no goroutine dump: nobody will read it), the runs waiting
/// on them return [`GoError::Interrupted`], and no child starts any more.
pub fn quit() {
    QUITTING.store(true, Ordering::SeqCst);
    let groups = RUNNING.lock().map(|g| g.clone()).unwrap_or_default();
    for group in groups {
        // The group's leader is the child itself (its reaper): its whole
        // tree goes, in whatever group or session.
        kill_tree(Some(group));
    }
}

/// Whether [`quit`] was called.
pub fn quitting() -> bool {
    QUITTING.load(Ordering::SeqCst)
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Spawn {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    pub dir: PathBuf,
    pub env: Vec<(OsString, OsString)>,
    pub timeout: Duration,
    /// Where stdout and stderr go, interleaved as the child wrote them.
    pub output: PathBuf,
    /// Send SIGQUIT before killing, so that a Go program prints its goroutines.
    pub quit_first: bool,
}

/// How a child ended.
#[derive(Debug, Clone)]
pub struct Finished {
    /// The exit code, or `None` when a signal ended it.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    /// The deadline passed and the process group was killed.
    pub timed_out: bool,
    /// Ctrl-C stopped it (after SIGQUIT, so that its output ends with its goroutines).
    pub interrupted: bool,
    /// stdout and stderr interleaved (lossily decoded as UTF-8).
    pub output: String,
    /// The same, as the exact bytes written.
    pub bytes: Vec<u8>,
    /// What was left out of the middle of an output too long to keep whole
    /// (`output`, `bytes` and the log then hold its start and its end).
    pub cut: Option<OutputCut>,
    pub elapsed: Duration,
}

impl Finished {
    pub fn success(&self) -> bool {
        self.code == Some(0) && !self.timed_out && !self.interrupted
    }
}

/// Runs `spawn` to completion or to its deadline; its output is kept within
/// [`OUTPUT_HEAD`] and [`OUTPUT_TAIL`]. On expiry the child gets
/// SIGQUIT (if asked), a grace period, then the whole process group gets SIGKILL.
/// Even after a normal exit the group is killed, so that nothing the child left
/// running in the background survives it.
pub fn run(spawn: &Spawn) -> Result<Finished, GoError> {
    run_with(spawn, true)
}

/// Like [`run`], but only stdout is kept, and whole (git's answers are files of
/// the repository); stderr is discarded.
pub fn run_stdout(spawn: &Spawn) -> Result<Finished, GoError> {
    run_with(spawn, false)
}

/// Reads the child's output from `pipe` into `capture` until every writer has
/// closed it, or the runner has taken the capture.
fn read_output(mut pipe: std::io::PipeReader, capture: &Mutex<Option<HeadTail<File>>>) {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match pipe.read(&mut buffer) {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        };
        let Ok(mut capture) = capture.lock() else {
            return;
        };
        match capture.as_mut() {
            Some(capture) => capture.push(&buffer[..n]),
            None => return,
        }
    }
}

#[allow(clippy::disallowed_methods)] // the one place that starts a process
fn run_with(spawn: &Spawn, with_stderr: bool) -> Result<Finished, GoError> {
    let started = Instant::now();
    let spawn_error = |source| GoError::Spawn {
        program: spawn.program.clone(),
        source,
    };
    let io_error = |source| GoError::Io {
        path: spawn.output.clone(),
        source,
    };
    let output_file = crate::fence::create(&spawn.output).map_err(io_error)?;
    let (head, tail) = if with_stderr {
        (OUTPUT_HEAD, OUTPUT_TAIL)
    } else {
        (usize::MAX, 0)
    };
    let capture = Arc::new(Mutex::new(Some(HeadTail::new(output_file, head, tail))));
    // Through a pipe the runner reads, not into the file: the child cannot
    // make the log longer than the bounds.
    let (pipe, writer) = std::io::pipe().map_err(io_error)?;
    let (program, args) = super::reaper::wrap(&spawn.program, &spawn.args);
    let mut expression = duct::cmd(program, args).dir(&spawn.dir).stdin_null();
    expression = if with_stderr {
        expression.stderr_to_stdout()
    } else {
        expression.stderr_null()
    };
    let mut expression = expression
        .stdout_file(writer)
        .unchecked()
        .before_spawn(|command| {
            command.process_group(0);
            Ok(())
        });
    for (key, value) in &spawn.env {
        expression = expression.env(key, value);
    }
    if quitting() {
        return Err(GoError::Interrupted);
    }
    super::guard::ensure();
    let starting = STARTING.lock();
    let handle = expression.start().map_err(spawn_error)?;
    // The expression holds the pipe's write end: dropped, only the child has it.
    drop(expression);
    let shared = Arc::clone(&capture);
    let reader = std::thread::Builder::new()
        .name("child-output".into())
        .spawn(move || read_output(pipe, &shared))
        .map_err(io_error)?;
    let pid = handle
        .pids()
        .first()
        .copied()
        .and_then(|p| i32::try_from(p).ok());
    let _running = Running::new(pid);
    drop(starting);
    let deadline = started + spawn.timeout;

    let (mut timed_out, mut stopped) = (false, false);
    let status = loop {
        if quitting() {
            stop_group(pid, &handle, false);
            return Err(GoError::Interrupted);
        }
        if interrupted() {
            if !spawn.quit_first {
                stop_group(pid, &handle, false);
                return Err(GoError::Interrupted);
            }
            stopped = true;
            break stop_group(pid, &handle, true);
        }
        let step = deadline.saturating_duration_since(Instant::now()).min(POLL);
        match handle.wait_timeout(step).map_err(spawn_error)? {
            Some(output) => break output.status,
            None if Instant::now() >= deadline => {
                timed_out = true;
                break stop_group(pid, &handle, spawn.quit_first);
            }
            None => {}
        }
    };
    kill_group(pid);

    // Something the child started outside its group may hold the pipe open.
    let until = Instant::now() + READER_GRACE;
    while !reader.is_finished() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(10));
    }
    let capture = capture.lock().ok().and_then(|mut c| c.take());
    let kept = match capture {
        Some(capture) => capture.finish().map_err(io_error)?,
        None => return Err(io_error(std::io::Error::other("output lost"))),
    };
    let cut = (kept.dropped > 0).then(|| OutputCut {
        total: kept.total,
        head: kept.head,
        tail: kept.tail,
        dropped: kept.dropped,
        log: spawn.output.clone(),
    });
    let output = kept.bytes;
    Ok(Finished {
        code: status.code(),
        signal: status.signal(),
        timed_out,
        interrupted: stopped,
        output: String::from_utf8_lossy(&output).into_owned(),
        bytes: output,
        cut,
        elapsed: started.elapsed(),
    })
}

/// Stops a child that is still running and returns how it ended.
fn stop_group(
    pid: Option<i32>,
    handle: &duct::Handle,
    quit_first: bool,
) -> std::process::ExitStatus {
    if quit_first && let Some(pid) = pid {
        let _ = signal::kill(Pid::from_raw(pid), Signal::SIGQUIT);
        if let Ok(Some(output)) = handle.wait_timeout(QUIT_GRACE) {
            let status = output.status;
            kill_group(Some(pid));
            return status;
        }
    }
    kill_tree(pid);
    match handle.wait() {
        Ok(output) => output.status,
        // Waiting on a child that was just SIGKILLed only fails if it was already
        // reaped; report it as killed.
        Err(_) => std::process::ExitStatus::from_raw(Signal::SIGKILL as i32),
    }
}

/// Starts a long-running child in a process group of its own, stdin closed,
/// stdout and stderr into `output`; the group is registered for a second
/// Ctrl-C and with the guard for as long as the returned [`Running`] lives.
#[allow(clippy::disallowed_methods)] // the one place that starts a process
pub(super) fn start_group(
    program: &Path,
    args: &[OsString],
    dir: &Path,
    env: &[(OsString, OsString)],
    output: std::io::PipeWriter,
) -> Result<(duct::Handle, Option<i32>, Running), GoError> {
    let spawn_error = |source| GoError::Spawn {
        program: program.to_owned(),
        source,
    };
    let errors = output.try_clone().map_err(spawn_error)?;
    let (program, args) = super::reaper::wrap(program, args);
    let mut expression = duct::cmd(program, args)
        .dir(dir)
        .stdin_null()
        .stdout_file(output)
        .stderr_file(errors)
        .unchecked()
        .before_spawn(|command| {
            command.process_group(0);
            Ok(())
        });
    for (key, value) in env {
        expression = expression.env(key, value);
    }
    if quitting() {
        return Err(GoError::Interrupted);
    }
    super::guard::ensure();
    let _starting = STARTING.lock();
    let handle = expression.start().map_err(spawn_error)?;
    // The expression holds the pipe's write ends: dropped, only the child has them.
    drop(expression);
    let pid = handle
        .pids()
        .first()
        .copied()
        .and_then(|p| i32::try_from(p).ok());
    let running = Running::new(pid);
    Ok((handle, pid, running))
}

/// Kills what is left in the process group of a child that has ended (its
/// reaper has killed everything below it that left the group).
pub(super) fn kill_group(pid: Option<i32>) {
    if let Some(pid) = pid {
        // ESRCH (nothing left in the group) is the common, good case.
        let _ = signal::killpg(Pid::from_raw(pid), Signal::SIGKILL);
    }
}

/// Kills a child that has not been reaped yet (its pid still names it), with
/// everything below it in whatever group or session, then its group.
pub(super) fn kill_tree(pid: Option<i32>) {
    if let Some(pid) = pid {
        super::tree::kill_tree(&[pid], true);
    }
    kill_group(pid);
}

/// Looks a program up on `PATH`, the way a shell would.
pub fn find_program(name: &str) -> Option<PathBuf> {
    let candidate = Path::new(name);
    if candidate.components().count() > 1 {
        return candidate.is_file().then(|| candidate.to_owned());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| is_executable(path))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
