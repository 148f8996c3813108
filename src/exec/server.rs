//! A server the runner starts and stops: the exercise's own program, serving
//! while the load generator runs. It runs in a process group of its own; its
//! output goes to a bounded file (the first part kept whole, then only the
//! last lines), so a server that logs every request cannot fill the disk. It is
//! stopped with SIGTERM, given a grace period, then its whole group is killed;
//! dropping a [`Server`] kills the group on any path out.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use nix::sys::signal::{self, Signal};
use nix::unistd::Pid;

use super::GoError;
use super::process::{Running, kill_group, kill_tree, start_group};

/// How much of the start of a server's output its log keeps.
pub const LOG_HEAD: usize = 512 * 1024;
/// How much of the end of a server's output is kept in memory (and added to
/// the log when the head overflowed).
const LOG_TAIL: usize = 64 * 1024;
/// How long the output reader may take to finish after the group is killed.
const READER_GRACE: Duration = Duration::from_secs(1);

/// What to start.
#[derive(Debug, Clone)]
pub struct ServerSpawn {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub dir: PathBuf,
    pub env: Vec<(String, String)>,
    /// Where its stdout and stderr go.
    pub log: PathBuf,
}

/// How a server ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit {
    pub code: Option<i32>,
    pub signal: Option<i32>,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match (self.code, self.signal) {
            (Some(code), _) => crate::tr!("exec-exit-status", code = code.to_string()),
            (None, Some(signal)) => match Signal::try_from(signal) {
                Ok(signal) => crate::tr!("exec-killed-by", signal = signal.as_str()),
                Err(_) => crate::tr!("exec-killed-by-signal", signal = signal.to_string()),
            },
            (None, None) => crate::tr!("exec-ended"),
        };
        f.write_str(&text)
    }
}

impl From<std::process::ExitStatus> for Exit {
    fn from(status: std::process::ExitStatus) -> Exit {
        Exit {
            code: status.code(),
            signal: status.signal(),
        }
    }
}

/// How a stop went.
#[derive(Debug, Clone)]
pub struct Stopped {
    pub exit: Exit,
    /// It was still running after the grace period and was killed.
    pub killed: bool,
}

/// What the server has written so far.
#[derive(Debug, Default)]
struct Output {
    /// Bytes written in all.
    total: u64,
    /// The last [`LOG_TAIL`] bytes.
    tail: std::collections::VecDeque<u8>,
    /// The first [`LOG_HEAD`] bytes, for finding what a server says as it starts.
    head: Vec<u8>,
}

/// A running server.
pub struct Server {
    handle: duct::Handle,
    pid: Option<i32>,
    output: Arc<Mutex<Output>>,
    reader: Option<JoinHandle<()>>,
    exit: Option<Exit>,
    _running: Running,
}

impl Server {
    /// Starts it; its output starts going to its log.
    pub fn start(spawn: &ServerSpawn) -> Result<Server, GoError> {
        let io_error = |source| GoError::Io {
            path: spawn.log.clone(),
            source,
        };
        let log = crate::fence::create(&spawn.log).map_err(io_error)?;
        let (reader, writer) = std::io::pipe().map_err(io_error)?;
        let mut env: Vec<(OsString, OsString)> = super::go_env();
        env.extend(spawn.env.iter().map(|(k, v)| (k.into(), v.into())));
        let args: Vec<OsString> = spawn.args.iter().map(OsString::from).collect();
        let (handle, pid, running) = start_group(&spawn.program, &args, &spawn.dir, &env, writer)?;
        let output = Arc::new(Mutex::new(Output::default()));
        let shared = Arc::clone(&output);
        let reader = std::thread::Builder::new()
            .name("server-output".into())
            .spawn(move || keep_output(reader, log, &shared))
            .ok();
        Ok(Server {
            handle,
            pid,
            output,
            reader,
            exit: None,
            _running: running,
        })
    }

    /// How it ended, if it has.
    pub fn exited(&mut self) -> Option<Exit> {
        if self.exit.is_none()
            && let Ok(Some(output)) = self.handle.try_wait()
        {
            self.exit = Some(output.status.into());
        }
        self.exit
    }

    /// The last `lines` lines it wrote.
    pub fn last_lines(&self, lines: usize) -> String {
        let Ok(output) = self.output.lock() else {
            return String::new();
        };
        let bytes: Vec<u8> = output.tail.iter().copied().collect();
        let text = String::from_utf8_lossy(&bytes);
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }

    /// Whether its output so far (its start, and its end) contains `needle`.
    pub fn said(&self, needle: &str) -> bool {
        let Ok(output) = self.output.lock() else {
            return false;
        };
        let tail: Vec<u8> = output.tail.iter().copied().collect();
        [&output.head[..], &tail[..]]
            .iter()
            .any(|bytes| String::from_utf8_lossy(bytes).contains(needle))
    }

    /// Waits until its output reader has seen everything (after it ended).
    fn drain(&mut self) {
        let Some(reader) = self.reader.take() else {
            return;
        };
        let until = Instant::now() + READER_GRACE;
        while !reader.is_finished() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        if reader.is_finished() {
            let _ = reader.join();
        }
    }

    /// Stops it: SIGTERM, up to `grace` to end, then SIGKILL of its group.
    pub fn stop(mut self, grace: Duration) -> Stopped {
        let mut killed = false;
        if self.exited().is_none() {
            if let Some(pid) = self.pid {
                let _ = signal::kill(Pid::from_raw(pid), Signal::SIGTERM);
            }
            let until = Instant::now() + grace;
            while self.exited().is_none() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
            killed = self.exited().is_none();
        }
        if self.exit.is_none() {
            kill_tree(self.pid);
        } else {
            kill_group(self.pid);
        }
        let exit = match self.exited() {
            Some(exit) => exit,
            None => match self.handle.wait() {
                Ok(output) => output.status.into(),
                Err(_) => Exit {
                    code: None,
                    signal: Some(Signal::SIGKILL as i32),
                },
            },
        };
        self.drain();
        Stopped { exit, killed }
    }

    /// Kills its group now, leaving it to be reaped later.
    pub fn kill_now(&self) {
        if self.exit.is_none() {
            kill_tree(self.pid);
        } else {
            kill_group(self.pid);
        }
    }

    /// Kills its group now, and says how it ended.
    pub fn kill(self) -> Exit {
        self.stop(Duration::ZERO).exit
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.exit.is_none() {
            kill_tree(self.pid);
        } else {
            kill_group(self.pid);
        }
        // Reaps it, so that no zombie is left behind.
        let _ = self.handle.wait();
    }
}

/// Copies the server's output into its log, the first [`LOG_HEAD`] bytes
/// whole, and keeps the last [`LOG_TAIL`] bytes in memory; when the output
/// ends, a log that overflowed gets the tail after a line that says how much
/// was left out.
fn keep_output(mut pipe: std::io::PipeReader, mut log: std::fs::File, output: &Mutex<Output>) {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut written = 0usize;
    loop {
        let n = match pipe.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        let chunk = &buffer[..n];
        if written < LOG_HEAD {
            let room = (LOG_HEAD - written).min(n);
            // A log that cannot be written loses nothing the check needs.
            let _ = log.write_all(&chunk[..room]);
            written += room;
        }
        if let Ok(mut output) = output.lock() {
            output.total += n as u64;
            let head_room = LOG_HEAD.saturating_sub(output.head.len()).min(n);
            output.head.extend_from_slice(&chunk[..head_room]);
            output.tail.extend(chunk.iter().copied());
            let excess = output.tail.len().saturating_sub(LOG_TAIL);
            output.tail.drain(..excess);
        }
    }
    let Ok(output) = output.lock() else { return };
    let unkept = output.total - written as u64;
    if unkept > 0 {
        let tail: Vec<u8> = output.tail.iter().copied().collect();
        let from_tail = tail
            .len()
            .min(usize::try_from(unkept).unwrap_or(usize::MAX));
        let skipped = unkept - from_tail as u64;
        let _ = write!(log, "\n[... {skipped} bytes of output not kept ...]\n");
        let _ = log.write_all(&tail[tail.len() - from_tail..]);
    }
}
