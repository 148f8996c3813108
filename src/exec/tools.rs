//! Programs other than Go: `git`, which gives the pristine starter, and the
//! helpers `doctor` probes for.

use std::ffi::OsString;
use std::path::Path;

use super::process::{self, Spawn};
use super::{QUERY_TIMEOUT, in_memory};

/// What `git` printed on stdout, or `None` when git is missing or failed (the
/// callers fall back to other sources). stderr goes nowhere.
pub fn git(dir: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let program = process::find_program("git")?;
    let output = in_memory();
    let mut all: Vec<OsString> = vec!["-C".into(), dir.as_os_str().to_owned()];
    all.extend(args.iter().map(OsString::from));
    let finished = process::run_stdout(&Spawn {
        program,
        args: all,
        dir: dir.to_owned(),
        env: vec![("GIT_OPTIONAL_LOCKS".into(), "0".into())],
        timeout: QUERY_TIMEOUT,
        output,
        quit_first: false,
    })
    .ok()?;
    finished.success().then_some(finished.bytes)
}

/// Looks for a helper program and returns its first line of `-V`/`version` output.
pub fn probe_program(name: &str, args: &[&str]) -> Option<String> {
    let program = process::find_program(name)?;
    let output = in_memory();
    let finished = process::run(&Spawn {
        program,
        args: args.iter().map(OsString::from).collect(),
        dir: std::env::temp_dir(),
        env: Vec::new(),
        timeout: QUERY_TIMEOUT,
        output,
        quit_first: false,
    })
    .ok()?;
    finished.success().then(|| {
        finished
            .output
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    })
}
