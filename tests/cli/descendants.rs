//! No process an exercise starts outlives its check, even one that left the
//! test binary's process group or session (`Setpgid`, `Setsid`): not when the
//! check ends normally, not on Ctrl-C, not when the runner itself is killed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{Workshop, workshop_process};

/// A test file whose `init` starts two `sleep`s, one in a session of its own
/// and one in a process group of its own, and appends their pids to the file
/// named by `ESCAPEES`, in every run of the test binary.
const ESCAPING_TEST: &str = r#"package PACKAGE

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func init() {
	file := os.Getenv("ESCAPEES")
	if file == "" {
		return
	}
	for _, attr := range []*syscall.SysProcAttr{{Setsid: true}, {Setpgid: true}} {
		cmd := exec.Command("sleep", "7351")
		cmd.SysProcAttr = attr
		if err := cmd.Start(); err != nil {
			panic(err)
		}
		f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			panic(err)
		}
		fmt.Fprintln(f, cmd.Process.Pid)
		f.Close()
	}
}
"#;

/// The `outcomes` fixture with the escaping test added to `exercise`, and the
/// file its pids go to.
fn escaping(exercise: &str) -> (Workshop, PathBuf) {
    let workshop = Workshop::fixture("outcomes");
    let package = exercise.rsplit('/').next().unwrap();
    workshop.write(
        &format!("exercises/{exercise}/escape_test.go"),
        &ESCAPING_TEST.replace("PACKAGE", package),
    );
    let pids = workshop.path().join("escapees.txt");
    (workshop, pids)
}

fn pids_in(file: &Path) -> Vec<i32> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.trim().parse().ok())
        .collect()
}

/// Whether `pid` is a living process (a zombie is dead, waiting for its parent).
fn alive(pid: i32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    let state = stat[stat.rfind(')').unwrap() + 1..]
        .split_whitespace()
        .next();
    state != Some("Z")
}

/// Kills whatever the escaping test started that is still there when the
/// test ends, so that a failing run leaves nothing behind.
struct Sweep(PathBuf);

impl Drop for Sweep {
    fn drop(&mut self) {
        for pid in pids_in(&self.0) {
            if alive(pid) {
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid),
                    nix::sys::signal::Signal::SIGKILL,
                );
            }
        }
    }
}

/// Waits up to 5 s for every pid in `file` to be gone; says which are not.
#[track_caller]
fn all_gone(file: &Path) {
    let pids = pids_in(file);
    assert!(pids.len() >= 2, "the escaping test never ran: {pids:?}");
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left: Vec<i32> = pids.iter().copied().filter(|p| alive(*p)).collect();
        if left.is_empty() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "still running after the check: {left:?} of {pids:?}\n{}",
            left.iter()
                .map(|p| std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default())
                .collect::<String>()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts `workshop check <exercise>` and waits until the escaping test has
/// started its two processes.
fn check_under_way(workshop: &Workshop, exercise: &str, pids: &Path) -> std::process::Child {
    let child = workshop_process()
        .arg("--root")
        .arg(workshop.path())
        .args(["check", exercise])
        .env("ESCAPEES", pids)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while pids_in(pids).len() < 2 {
        assert!(Instant::now() < deadline, "the test never started");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

#[test]
fn descendants_in_other_sessions_and_groups_end_with_a_check() {
    let (workshop, pids) = escaping("outcome/met");
    let _sweep = Sweep(pids.clone());
    workshop
        .run_env(
            &["check", "outcome/met"],
            &[("ESCAPEES", pids.to_str().unwrap())],
        )
        .code(0);
    all_gone(&pids);
}

#[test]
fn descendants_in_other_sessions_and_groups_end_on_ctrl_c() {
    let (workshop, pids) = escaping("outcome/busy");
    let _sweep = Sweep(pids.clone());
    let mut child = check_under_way(&workshop, "outcome/busy", &pids);
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGINT,
    )
    .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130));
    all_gone(&pids);
}

#[test]
fn descendants_in_other_sessions_and_groups_end_when_the_runner_is_killed() {
    let (workshop, pids) = escaping("outcome/busy");
    let _sweep = Sweep(pids.clone());
    let mut child = check_under_way(&workshop, "outcome/busy", &pids);
    // No chance to clean up: SIGKILL; the guard must do it.
    child.kill().unwrap();
    child.wait().unwrap();
    all_gone(&pids);
}

#[test]
#[allow(clippy::disallowed_methods)] // a copy of the binary, started as the test's own process
fn a_check_goes_on_when_the_runners_file_is_replaced_midway() {
    // `cargo install` of a new version while a check or `watch` runs: the
    // running program's file is gone from its path, and every child started
    // through the reaper must still start.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("workshop");
    std::fs::copy(assert_cmd::cargo::cargo_bin("workshop"), &copy).unwrap();
    let workshop = Workshop::fixture("outcomes");
    let child = std::process::Command::new(&copy)
        .args([
            "--root",
            workshop.path().to_str().unwrap(),
            "check",
            "outcome/met",
        ])
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    std::fs::remove_file(&copy).unwrap();
    let output = child.wait_with_output().unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert_eq!(output.status.code(), Some(0), "{out}\n{err}");
    assert!(out.contains("PASS"), "{out}\n{err}");
}
