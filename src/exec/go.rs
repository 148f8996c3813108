//! The `go` command: what it says about itself, building test binaries, and
//! running them the way `go test` does.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::process::{self, Finished, Spawn};
use super::{GoError, GoVersion, QUERY_TIMEOUT, go_env, in_memory};

/// What `go env` says about the toolchain.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GoInfo {
    /// As Go prints it, e.g. `go1.26.8`.
    pub version: String,
    #[serde(skip)]
    pub parsed: Option<GoVersion>,
    pub goos: String,
    pub goarch: String,
    #[serde(skip)]
    pub gocache: PathBuf,
    /// cgo is on (`CGO_ENABLED=1`), which `-race` needs.
    #[serde(skip)]
    pub cgo: bool,
    /// The C compiler cgo uses (`CC`).
    #[serde(skip)]
    pub cc: String,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
struct GoEnv {
    goversion: String,
    goos: String,
    goarch: String,
    gocache: String,
    #[serde(default)]
    cgo_enabled: String,
    #[serde(default, rename = "CC")]
    cc: String,
}

/// A located `go` command and what it reported about itself.
#[derive(Debug, Clone)]
pub struct GoTool {
    program: PathBuf,
    pub info: GoInfo,
}

/// How a binary is built: the `go build`/`go test -c` flags a check file sets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct BuildFlags {
    /// `-race`: the race detector (needs cgo).
    pub race: bool,
    /// `-gcflags=...`, as written.
    pub gcflags: Option<String>,
    /// `-tags=a,b`.
    pub tags: Vec<String>,
    /// `-pgo=...`: `auto`, `off`, or the path of a CPU profile.
    pub pgo: Option<String>,
    /// `-overlay=...`: the file naming the files compiled from elsewhere
    /// (see [`super::Overlay`]). Set by a check, never by a check file.
    pub overlay: Option<PathBuf>,
}

impl BuildFlags {
    /// The flags, ready for `go test -c` or `go build`.
    pub fn args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.race {
            args.push("-race".to_owned());
        }
        if let Some(gcflags) = &self.gcflags {
            args.push(format!("-gcflags={gcflags}"));
        }
        if !self.tags.is_empty() {
            args.push(format!("-tags={}", self.tags.join(",")));
        }
        if let Some(pgo) = &self.pgo {
            args.push(format!("-pgo={pgo}"));
        }
        if let Some(overlay) = &self.overlay {
            args.push(format!("-overlay={}", overlay.display()));
        }
        args
    }
}

/// The result of `go test -c`.
#[derive(Debug)]
pub enum Compiled {
    /// The test binary, or `None` when the package has no test files.
    Binary(Option<PathBuf>),
    /// The compiler's complaints.
    Failed(BuildFailure),
}

/// A build that failed, with the compiler's `file:line:col: message` lines.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BuildFailure {
    pub errors: Vec<CompileError>,
    /// The problems come from the vet checks `go test` runs, not the compiler.
    pub vet: bool,
    pub output: String,
}

/// One `file:line:col: message` line of the compiler.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CompileError {
    pub file: String,
    pub line: u32,
    pub column: Option<u32>,
    pub message: String,
}

/// One execution of a compiled test binary.
#[derive(Debug, Clone)]
pub struct TestRun<'a> {
    pub binary: &'a Path,
    /// The package directory: `go test` runs test binaries there.
    pub package_dir: &'a Path,
    /// `-test.*` flags.
    pub args: Vec<String>,
    /// Where stdout and stderr go.
    pub output: &'a Path,
    pub timeout: Duration,
    pub env: Vec<(String, String)>,
}

impl GoTool {
    /// The `go` command itself.
    pub(super) fn program(&self) -> &Path {
        &self.program
    }

    /// Finds `go` on PATH and asks it for its version and platform.
    pub fn detect(minimum: GoVersion) -> Result<GoTool, GoError> {
        let program = process::find_program("go").ok_or(GoError::NotFound { minimum })?;
        let output = in_memory();
        let finished = process::run(&Spawn {
            program: program.clone(),
            args: [
                "env",
                "-json",
                "GOVERSION",
                "GOOS",
                "GOARCH",
                "GOCACHE",
                "CGO_ENABLED",
                "CC",
            ]
            .map(OsString::from)
            .to_vec(),
            dir: std::env::temp_dir(),
            env: go_env(),
            timeout: QUERY_TIMEOUT,
            output,
            quit_first: false,
        })?;
        if finished.timed_out {
            return Err(GoError::Timeout {
                step: "env".into(),
                timeout: QUERY_TIMEOUT,
            });
        }
        if !finished.success() {
            return Err(GoError::Env {
                output: finished.output.trim().to_owned(),
            });
        }
        let env: GoEnv = serde_json::from_str(&finished.output).map_err(GoError::EnvFormat)?;
        Ok(GoTool {
            program,
            info: GoInfo {
                parsed: env.goversion.parse().ok(),
                version: env.goversion,
                goos: env.goos,
                goarch: env.goarch,
                gocache: PathBuf::from(env.gocache),
                cgo: env.cgo_enabled == "1",
                cc: env.cc,
            },
        })
    }

    /// `go test -c -o binary ./package` in the module directory.
    pub fn compile_test(
        &self,
        module_dir: &Path,
        package: &Path,
        flags: &BuildFlags,
        binary: &Path,
        log: &Path,
        timeout: Duration,
    ) -> Result<Compiled, GoError> {
        self.compile(
            &["test", "-c"],
            module_dir,
            package,
            flags,
            binary,
            log,
            timeout,
        )
    }

    /// `go build -o binary ./package` in the module directory: a main package,
    /// such as an exercise's server.
    pub fn build_main(
        &self,
        module_dir: &Path,
        package: &Path,
        flags: &BuildFlags,
        binary: &Path,
        log: &Path,
        timeout: Duration,
    ) -> Result<Compiled, GoError> {
        self.compile(&["build"], module_dir, package, flags, binary, log, timeout)
    }

    #[allow(clippy::too_many_arguments)] // the two public forms above name them
    fn compile(
        &self,
        command: &[&str],
        module_dir: &Path,
        package: &Path,
        flags: &BuildFlags,
        binary: &Path,
        log: &Path,
        timeout: Duration,
    ) -> Result<Compiled, GoError> {
        let _ = crate::fence::remove_file(binary);
        let mut args: Vec<OsString> = command.iter().map(OsString::from).collect();
        args.extend(flags.args().into_iter().map(OsString::from));
        args.push("-o".into());
        args.push(binary.as_os_str().to_owned());
        args.push(Path::new(".").join(package).into_os_string());
        // The go command names files from its working directory as $PWD spells
        // it: the spelling of the overlay's paths, whatever the shell's was.
        let mut env = go_env();
        env.push(("PWD".into(), module_dir.as_os_str().to_owned()));
        let finished = process::run(&Spawn {
            program: self.program.clone(),
            args,
            dir: module_dir.to_owned(),
            env,
            timeout,
            output: log.to_owned(),
            quit_first: false,
        })?;
        if finished.timed_out {
            return Err(GoError::Timeout {
                step: format!("{} ./{}", command.join(" "), package.display()),
                timeout,
            });
        }
        if !finished.success() {
            if let Some(error) = needs_newer_go(&finished.output, &self.info.version) {
                return Err(error);
            }
            if let Some(line) = environment_failure(&finished.output) {
                return Err(GoError::Environment { line });
            }
            // `go test` prints vet's findings under a `# [package]` header.
            let vet = finished.output.lines().any(|l| l.starts_with("# ["));
            return Ok(Compiled::Failed(BuildFailure {
                errors: compile_errors(&finished.output),
                vet,
                output: finished.output,
            }));
        }
        Ok(Compiled::Binary(
            binary.is_file().then(|| binary.to_owned()),
        ))
    }

    /// Runs a compiled test binary the way `go test` does: in the package directory.
    /// On a deadline the binary is sent SIGQUIT for its goroutine dump, then killed.
    pub fn run_test(&self, run: &TestRun<'_>) -> Result<Finished, GoError> {
        let mut env: Vec<(OsString, OsString)> = go_env();
        env.extend(run.env.iter().map(|(k, v)| (k.into(), v.into())));
        process::run(&Spawn {
            program: run.binary.to_owned(),
            args: run.args.iter().map(OsString::from).collect(),
            dir: run.package_dir.to_owned(),
            env,
            timeout: run.timeout,
            output: run.output.to_owned(),
            quit_first: true,
        })
    }
}

/// The go command's refusal to build a module that asks for a newer Go
/// (`go: go.mod requires go >= 1.27 (running go 1.26.8; GOTOOLCHAIN=local)`):
/// nothing the attendee wrote is wrong, and no compiler error is there to show.
fn needs_newer_go(output: &str, running: &str) -> Option<GoError> {
    output.lines().find_map(|line| {
        let line = line.trim().strip_prefix("go: ").unwrap_or(line.trim());
        let (what, rest) = line.split_once(" requires go >= ")?;
        let needed = rest.split([' ', ')', ';']).next()?.to_owned();
        let running = rest
            .split_once("(running go ")
            .and_then(|(_, r)| r.split([';', ')']).next())
            .map(|v| format!("go{v}"))
            .unwrap_or_else(|| running.to_owned());
        (!needed.is_empty()).then(|| GoError::NeedsNewerGo {
            what: what.to_owned(),
            needed,
            running,
        })
    })
}

/// The line of go's output that says the machine, not the code, stopped the
/// build: a full disk, a read-only file system, a quota.
fn environment_failure(output: &str) -> Option<String> {
    const CAUSES: [&str; 3] = [
        "no space left on device",
        "read-only file system",
        "disk quota exceeded",
    ];
    output
        .lines()
        .find(|line| {
            let line = line.to_ascii_lowercase();
            CAUSES.iter().any(|cause| line.contains(cause))
        })
        .map(|line| line.trim().to_owned())
}

/// Picks the `file.go:line[:col]: message` lines out of `go build` output.
pub fn compile_errors(output: &str) -> Vec<CompileError> {
    output
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let (file, rest) = line.split_once(".go:")?;
            let mut parts = rest.splitn(3, ':');
            let line_no: u32 = parts.next()?.parse().ok()?;
            let second = parts.next()?;
            let (column, message) = match second.parse::<u32>() {
                Ok(column) => (Some(column), parts.next()?),
                Err(_) => (None, &rest[rest.find(':')? + 1..]),
            };
            Some(CompileError {
                file: format!("{}.go", file.strip_prefix("./").unwrap_or(file)),
                line: line_no,
                column,
                message: message.trim().to_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_compile_errors() {
        let output = "# exercises/heap/01-concat [exercises/heap/01-concat.test]
heap/01-concat/join.go:5:2: undefined: x
heap/01-concat/join.go:9:1: missing return
vet: something else
FAIL\texercises/heap/01-concat [build failed]
";
        let errors = compile_errors(output);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].file, "heap/01-concat/join.go");
        assert_eq!(errors[0].line, 5);
        assert_eq!(errors[0].column, Some(2));
        assert_eq!(errors[0].message, "undefined: x");
    }

    #[test]
    fn vet_paths_lose_their_dot_prefix() {
        let errors = compile_errors(
            "./a_test.go:3:39: fmt.Printf format %d has arg \"x\" of wrong type string\n",
        );
        assert_eq!(errors[0].file, "a_test.go");
        assert_eq!(errors[0].column, Some(39));
    }

    #[test]
    fn a_module_asking_for_a_newer_go_is_said_as_such() {
        let output = "go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)\n";
        match needs_newer_go(output, "go1.26.8") {
            Some(GoError::NeedsNewerGo {
                what,
                needed,
                running,
            }) => {
                assert_eq!(what, "go.mod");
                assert_eq!(needed, "1.99");
                assert_eq!(running, "go1.26.8");
            }
            other => panic!("{other:?}"),
        }
        let output = "go: module example.com/x@v1.2.0 requires go >= 1.27; switching\n";
        assert!(matches!(
            needs_newer_go(output, "go1.26.8"),
            Some(GoError::NeedsNewerGo { what, .. }) if what == "module example.com/x@v1.2.0"
        ));
        assert!(needs_newer_go("x.go:1:2: undefined: y\n", "go1.26.8").is_none());
    }

    #[test]
    fn a_full_disk_is_the_machine_not_the_code() {
        let output = "# fixture.example/x\ngo: creating work dir: mkdir /tmp/go-build123: no space left on device\n";
        assert_eq!(
            environment_failure(output).as_deref(),
            Some("go: creating work dir: mkdir /tmp/go-build123: no space left on device")
        );
        assert!(environment_failure("x.go:1:2: undefined: y\n").is_none());
    }

    #[test]
    fn compile_error_without_column() {
        let errors = compile_errors("a/b.go:7: something odd: here\n");
        assert_eq!(errors[0].column, None);
        assert_eq!(errors[0].message, "something odd: here");
    }
}
