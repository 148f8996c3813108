//! Integration tests: the real `workshop` binary against fixture workshops and
//! fixture traces. Tests that need Go fail (never skip) when it is missing.

mod architecture;
mod benchstat;
mod committed;
mod compiler;
mod descendants;
mod docs;
mod events;
mod fence;
mod flood;
mod gate;
mod help;
mod leak;
mod links;
mod look;
mod manifest;
mod pgo;
mod pprof;
mod pprof_tags;
mod pprof_top;
mod pprof_views;
mod protected;
mod refactor;
mod serve;
mod signals;
mod spine;
mod starter;
mod state;
mod terminal;
mod tiny;
mod trace;
mod trace_timeline;
mod transactions;
mod whole;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A workshop copied into a temporary directory, so that nothing a test does
/// touches the source tree.
pub struct Workshop {
    dir: TempDir,
}

impl Workshop {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Workshop {
        let workshop = Workshop::empty();
        copy_dir(&repo().join("tests/fixtures").join(name), workshop.path());
        workshop
    }

    /// A copy of the workshop this repository ships, with the exercises as
    /// committed (never the attendee's work in the checkout's `exercises/`).
    pub fn bundled() -> Workshop {
        let workshop = Workshop::empty();
        for part in ["workshop.yaml", "checks", "exercises", "docs"] {
            let from = match part {
                "exercises" => committed::exercises().to_owned(),
                _ => repo().join(part),
            };
            if from.is_dir() {
                copy_dir(&from, &workshop.path().join(part));
            } else if from.is_file() {
                std::fs::copy(&from, workshop.path().join(part)).unwrap();
            }
        }
        workshop
    }

    pub fn empty() -> Workshop {
        Workshop {
            dir: tempfile::Builder::new()
                .prefix("workshop-test-")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file, creating its directories.
    pub fn write(&self, relative: &str, contents: &str) -> &Self {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    /// Runs `workshop --root <this> args...`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut command = binary();
        command.arg("--root").arg(self.path()).args(args);
        Run::from(command.output().unwrap())
    }

    /// `workshop --root <this> args...` with environment variables set.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = binary();
        command.arg("--root").arg(self.path()).args(args);
        for (name, value) in env {
            command.env(name, value);
        }
        Run::from(command.output().unwrap())
    }

    /// `workshop <args>` started in `dir` (relative to the workshop), with
    /// environment variables set.
    pub fn run_env_in(&self, dir: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = binary();
        command.current_dir(self.path().join(dir)).args(args);
        for (name, value) in env {
            command.env(name, value);
        }
        Run::from(command.output().unwrap())
    }

    /// `workshop <args>` started in `dir` (relative to the workshop), finding
    /// the workshop from there as an attendee's shell would.
    pub fn run_in(&self, dir: &str, args: &[&str]) -> Run {
        let mut command = binary();
        command.current_dir(self.path().join(dir)).args(args);
        Run::from(command.output().unwrap())
    }
}

/// `workshop inspect <flags...> <file>`, which needs no workshop.
pub fn inspect(flags: &[&str], file: impl AsRef<std::ffi::OsStr>) -> Run {
    let mut command = binary();
    command.arg("inspect").args(flags).arg(file);
    Run::from(command.output().unwrap())
}

/// The `workshop` binary, in English whatever the locale of the machine
/// running the tests (tests of other languages say so).
pub fn binary() -> Command {
    let mut command = Command::cargo_bin("workshop").unwrap();
    command.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    for name in ["WORKSHOP_LANG", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(name);
    }
    command.env("LANG", "C.UTF-8");
    command
}

/// The `workshop` binary as a plain process, for the tests that drive its
/// input, kill it midway or run several at once. (Tests may start processes;
/// the program may only through its `exec` module.)
#[allow(clippy::disallowed_methods)]
pub fn workshop_process() -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("workshop"));
    command.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    for name in ["WORKSHOP_LANG", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(name);
    }
    command.env("LANG", "C.UTF-8");
    command
}

/// The `go` command of the installed toolchain (never a downloaded one): the
/// oracle of the differential tests and what the docs tests run.
#[allow(clippy::disallowed_methods)]
pub fn go() -> std::process::Command {
    let mut command = std::process::Command::new("go");
    command.env("GOTOOLCHAIN", "local");
    command
}

pub fn copy_dir(from: &Path, to: &Path) {
    let entries = walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".workshop");
    for entry in entries {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code, expected,
            "exit code {} (expected {expected})\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}:\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

/// Processes whose command line mentions `needle`.
/// The processes whose command line contains `needle`, once those that are
/// only being torn down are gone: a killed process lingers for a moment until
/// the kernel and its new parent are done with it, so this waits up to 5 s for
/// the list to empty.
pub fn processes_mentioning(needle: &str) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let found = processes_now(needle);
        if found.is_empty() || std::time::Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The processes whose command line contains `needle`, at once.
pub fn processes_now_mentioning(needle: &str) -> Vec<String> {
    processes_now(needle)
}

fn processes_now(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains(needle) {
            found.push(format!(
                "{}: {cmdline}",
                entry.file_name().to_string_lossy()
            ));
        }
    }
    found
}

/// The bytes of every file under `dir`.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Goal `id` of a `check --json` document.
pub fn goal_in<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap_or_else(|| panic!("no goal {id} in {doc}"))
}

/// A goal's evidence lines, from a `check --json` document.
pub fn evidence_of(goal: &serde_json::Value) -> Vec<String> {
    goal["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_owned())
        .collect()
}
