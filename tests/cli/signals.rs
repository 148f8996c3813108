//! SIGTERM and Ctrl-C end the program wherever it is, even blocked in a system
//! call that does not return (opening a named pipe nobody writes to); and
//! `inspect` does not wait on what is not a file.

use std::path::Path;
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

use crate::workshop_process;

/// Makes a named pipe at `path`.
#[allow(clippy::disallowed_methods)] // tests may start processes
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// How `child` ended, if it did within `limit`; killed otherwise.
fn ended_within(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn signals_end_the_program_blocked_opening_a_named_pipe() {
    for (signal, status) in [(Signal::SIGTERM, 143), (Signal::SIGINT, 130)] {
        let dir = tempfile::tempdir().unwrap();
        // `compare` takes pipes (`<(go test -bench .)`): it blocks in open(2)
        // on one nobody writes to.
        let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
        mkfifo(&old);
        std::fs::write(&new, "BenchmarkX-8 10 100 ns/op\n").unwrap();
        let mut child = workshop_process()
            .arg("compare")
            .arg(&old)
            .arg(&new)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        kill(Pid::from_raw(child.id() as i32), signal).unwrap();
        let ended = ended_within(&mut child, Duration::from_secs(2));
        assert_eq!(
            ended.and_then(|s| s.code()),
            Some(status),
            "{signal}: {ended:?}"
        );
    }
}

#[test]
fn signals_inspect_refuses_a_named_pipe_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("cpu.prof");
    mkfifo(&fifo);
    let mut child = workshop_process()
        .arg("inspect")
        .arg(&fifo)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let ended = ended_within(&mut child, Duration::from_secs(2));
    assert_eq!(ended.and_then(|s| s.code()), Some(2), "{ended:?}");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "cannot read {}: not a regular file",
            fifo.display()
        )),
        "{stderr}"
    );
}
