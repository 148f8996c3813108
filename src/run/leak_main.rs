//! The goroutine-leak profile in runs of `go test` (Go 1.27+). `go test` has
//! no flag for it, so a check that needs it compiles one more test file into
//! the package through the overlay: a `TestMain` that runs the tests and
//! benchmarks (`m.Run`) and then writes `pprof.Lookup("goroutineleak")` to the
//! path in [`GOROUTINELEAK_PROFILE_ENV`], set only in the run that asks for it.
//! Writing the profile runs the garbage collection cycle that finds the leaks
//! first (runtime/pprof does), so no GC of ours is needed; but that cycle only
//! finds goroutines already blocked: one a benchmark started just before it
//! ended may not have reached its channel yet, and would be missed (a starter
//! that passes by chance). So the `TestMain` first waits, a second at most,
//! until no goroutine is runnable any more.
//!
//! A package has one `TestMain`. When the package's tests have their own, the
//! check adds none: that `TestMain` must write the profile itself, to the path
//! in the same variable, after `m.Run` (it is the workshop's file, so the
//! instructor writes it once); one that does not mention the variable is an
//! error naming its file, rather than a profile that never appears.

use std::path::{Path, PathBuf};

use crate::goals::{GOROUTINELEAK_PROFILE_ENV, ProfileKind, Requirement};
use crate::manifest::Exercise;
use crate::workspace::{self, Files};

/// The name of the test file the check adds to the package.
pub(super) const FILE_NAME: &str = "zz_workshop_goroutineleak_test.go";

/// Why the profile cannot be collected from the package's tests.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("run-leak-own-testmain", file = crate::display::path(.file), env = GOROUTINELEAK_PROFILE_ENV))]
pub struct OwnTestMain {
    /// The test file with the package's own `TestMain`.
    pub file: PathBuf,
}

/// Whether a goal reads a goroutine-leak profile from a run of `go test`
/// (a serve run fetches it from the server instead).
pub(super) fn needed(exercise: &Exercise) -> bool {
    exercise
        .goals
        .iter()
        .flat_map(|g| g.requirements())
        .any(|r| match r {
            Requirement::Profile { run, profile, .. }
            | Requirement::ProfilePairs { run, profile } => {
                profile == ProfileKind::GoroutineLeak
                    && exercise
                        .runs
                        .iter()
                        .any(|spec| spec.name == run && spec.serve.is_none())
            }
            _ => false,
        })
}

/// The overlay entry that adds the `TestMain` to the package at
/// `package_dir`, its source written under `run_dir`; `None` when the
/// package's own `TestMain` writes the profile. `tests` are the package's
/// test files as the check compiles them, by path in the package.
pub(super) fn stage(
    package_dir: &Path,
    run_dir: &Path,
    tests: &Files,
) -> Result<Option<(PathBuf, PathBuf)>, super::CheckError> {
    let mut own: Vec<(&PathBuf, &Vec<u8>)> = tests
        .iter()
        .filter(|(_, bytes)| has_test_main(&String::from_utf8_lossy(bytes)))
        .collect();
    own.sort();
    if let Some((path, bytes)) = own.first() {
        if String::from_utf8_lossy(bytes).contains(GOROUTINELEAK_PROFILE_ENV) {
            return Ok(None);
        }
        return Err(super::CheckError::OwnTestMain(OwnTestMain {
            file: package_dir.join(path),
        }));
    }
    let sources = workspace::read_tree(package_dir, |p| {
        workspace::is_go(p)
            && !p.to_string_lossy().ends_with("_test.go")
            && p.parent() == Some(Path::new(""))
    })?;
    let package = sources
        .values()
        .find_map(|bytes| package_name(&String::from_utf8_lossy(bytes)))
        .unwrap_or_else(|| "main".to_owned());
    let copy = run_dir.join(FILE_NAME);
    workspace::write_atomic(&copy, source(&package).as_bytes(), None)?;
    Ok(Some((package_dir.join(FILE_NAME), copy)))
}

/// Whether Go source declares `func TestMain(`.
fn has_test_main(source: &str) -> bool {
    source
        .lines()
        .any(|line| line.trim_start().starts_with("func TestMain("))
}

/// The package a Go file's `package` clause names.
fn package_name(source: &str) -> Option<String> {
    source.lines().find_map(|line| {
        let name = line.trim().strip_prefix("package ")?;
        let name = name.split_whitespace().next()?;
        Some(name.to_owned())
    })
}

/// The test file: a `TestMain` that writes the profile after `m.Run`.
fn source(package: &str) -> String {
    format!(
        r#"// Added by workshop to this check's build only (go test -overlay): writes the
// goroutine-leak profile once the tests and benchmarks are over.

package {package}

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

func TestMain(m *testing.M) {{
	code := m.Run()
	if path := os.Getenv("{GOROUTINELEAK_PROFILE_ENV}"); path != "" {{
		workshopSettleGoroutines()
		if err := workshopWriteGoroutineLeakProfile(path); err != nil {{
			fmt.Fprintf(os.Stderr, "workshop: goroutineleak profile: %v\n", err)
			code = 1
		}}
	}}
	os.Exit(code)
}}

// workshopSettleGoroutines waits, a second at most, until every goroutine but
// this one has run as far as it can: the leak detector only finds goroutines
// that are blocked.
func workshopSettleGoroutines() {{
	buf := make([]byte, 1<<20)
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {{
		n := runtime.Stack(buf, true)
		if n < len(buf) && !bytes.Contains(buf[:n], []byte(" [runnable")) {{
			return
		}}
		time.Sleep(time.Millisecond)
	}}
}}

// workshopWriteGoroutineLeakProfile writes the profile; runtime/pprof runs
// the GC cycle that finds leaked goroutines before it writes.
func workshopWriteGoroutineLeakProfile(path string) error {{
	profile := pprof.Lookup("goroutineleak")
	if profile == nil {{
		return fmt.Errorf("this Go has no goroutineleak profile (Go 1.27 and newer have it)")
	}}
	file, err := os.Create(path)
	if err != nil {{
		return err
	}}
	if err := profile.WriteTo(file, 0); err != nil {{
		file.Close()
		return err
	}}
	return file.Close()
}}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_test_main_and_the_package_name() {
        assert!(has_test_main(
            "package p\n\nfunc TestMain(m *testing.M) {\n"
        ));
        assert!(!has_test_main(
            "package p\n// func TestMainly\nfunc TestX(t *testing.T) {}\n"
        ));
        assert_eq!(
            package_name("// Package mirror ...\npackage mirror // import \"x\"\n"),
            Some("mirror".to_owned())
        );
    }

    #[test]
    fn the_test_main_writes_the_profile_named_by_the_variable() {
        let text = source("mirror");
        assert!(text.contains("package mirror\n"));
        assert!(text.contains("os.Getenv(\"WORKSHOP_GOROUTINELEAK_PROFILE\")"));
        assert!(text.contains("pprof.Lookup(\"goroutineleak\")"));
    }
}
