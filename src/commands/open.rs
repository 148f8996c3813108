//! `workshop open [<id>]`: Go's own viewer on an artifact of the exercise's
//! last check — `go tool pprof -http` on a profile (against the starter's with
//! `--diff`), or `go tool trace` on a trace — on a free loopback port, until
//! Ctrl-C stops it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Context;
use crate::Exit;
use crate::cli::OpenArgs;
use crate::exec::{GoError, GoTool, viewer};
use crate::goals::ProfileKind;
use crate::layout::Layout;
use crate::report;
use crate::tr;

/// How long a viewer may take to read its file and answer.
const READY_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a viewer asked to stop may take before its group is killed.
const STOP_GRACE: Duration = Duration::from_secs(2);

/// Why the viewer could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}", tr!("open-nothing", id = .0))]
    Nothing(String),
    #[error("{}", tr!("open-choose", choices = .0))]
    Choose(String),
    #[error("{}", tr!("open-unknown-profile", name = .name, choices = .choices))]
    UnknownProfile { name: String, choices: String },
    #[error("{}", tr!("open-no-such", what = .what, choices = .choices))]
    NoSuch { what: String, choices: String },
    #[error("{}", tr!("open-no-starter", id = .0))]
    NoStarter(String),
    #[error("{}", tr!("open-no-port"))]
    Port(#[source] std::io::Error),
    #[error("{}", tr!("open-viewer-ended", output = .0))]
    Ended(String),
    #[error("{}", tr!("open-viewer-slow", seconds = READY_TIMEOUT.as_secs().to_string()))]
    Slow,
}

/// An artifact of a check that a viewer can open.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Artifact {
    Profile { kind: ProfileKind, path: PathBuf },
    Trace(PathBuf),
}

impl Artifact {
    fn path(&self) -> &Path {
        match self {
            Artifact::Profile { path, .. } | Artifact::Trace(path) => path,
        }
    }

    /// How `--profile`/`--trace` name it.
    fn option(&self) -> String {
        match self {
            Artifact::Profile { kind, .. } => format!("--profile {kind}"),
            Artifact::Trace(_) => "--trace".to_owned(),
        }
    }
}

/// The profiles and traces a check left in `run_dir`, by name: `<run>-<kind>.pprof`,
/// `<run>-trace.trace` and the flight recorder's `<run>-snapshot.trace` (not
/// the numbered profiles of alternating runs).
fn artifacts(run_dir: &Path) -> Vec<Artifact> {
    let Ok(entries) = std::fs::read_dir(run_dir) else {
        return Vec::new();
    };
    let mut found: Vec<Artifact> = entries
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let name = path.file_name()?.to_str()?.to_owned();
            if name.ends_with("-trace.trace") || name.ends_with("-snapshot.trace") {
                return Some(Artifact::Trace(path));
            }
            let stem = name.strip_suffix(".pprof")?;
            let (_, kind) = stem.rsplit_once('-')?;
            let kind = profile_kind(kind)?;
            Some(Artifact::Profile { kind, path })
        })
        .collect();
    found.sort_by(|a, b| a.path().cmp(b.path()));
    found
}

fn profile_kind(name: &str) -> Option<ProfileKind> {
    Some(match name {
        "cpu" => ProfileKind::Cpu,
        "heap" | "memory" | "allocs" => ProfileKind::Memory,
        "block" => ProfileKind::Block,
        "mutex" => ProfileKind::Mutex,
        "goroutine" => ProfileKind::Goroutine,
        "goroutineleak" => ProfileKind::GoroutineLeak,
        _ => return None,
    })
}

/// The artifact the arguments ask for: the one there is, or the one named.
fn choose(found: &[Artifact], args: &OpenArgs, id: &str) -> Result<Artifact, OpenError> {
    let choices = || {
        let options: Vec<String> = found.iter().map(Artifact::option).collect();
        crate::i18n::list(&options)
    };
    if found.is_empty() {
        return Err(OpenError::Nothing(id.to_owned()));
    }
    let wanted: Vec<&Artifact> = if args.trace {
        found
            .iter()
            .filter(|a| matches!(a, Artifact::Trace(_)))
            .collect()
    } else if let Some(name) = &args.profile {
        let kind = profile_kind(name).ok_or_else(|| OpenError::UnknownProfile {
            name: name.clone(),
            choices: choices(),
        })?;
        found
            .iter()
            .filter(|a| matches!(a, Artifact::Profile { kind: k, .. } if *k == kind))
            .collect()
    } else if args.diff {
        found
            .iter()
            .filter(|a| matches!(a, Artifact::Profile { .. }))
            .collect()
    } else {
        found.iter().collect()
    };
    match wanted.as_slice() {
        [one] => Ok((*one).clone()),
        // Several runs with the same kind of profile: the first by name.
        [first, ..] if args.trace || args.profile.is_some() => Ok((*first).clone()),
        [] => Err(OpenError::NoSuch {
            what: match &args.profile {
                Some(name) => format!("--profile {name}"),
                None => "--trace".to_owned(),
            },
            choices: choices(),
        }),
        _ => Err(OpenError::Choose(choices())),
    }
}

/// One line for the attendee.
fn say(line: &str) {
    report::out(&format!("{line}\n"));
}

pub fn run(cx: &Context, args: &OpenArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = match args.id.as_deref() {
        Some(id) => workshop.exercise(id)?,
        None => workshop.exercise_here()?,
    };
    let layout = Layout::new(&workshop.root);
    let run_dir = layout.runs(&exercise.id);
    let artifact = choose(&artifacts(&run_dir), args, &exercise.id)?;
    let go = match GoTool::detect(exercise.go) {
        Ok(go) => go,
        Err(GoError::Interrupted) => return Ok(Exit::Interrupted),
        Err(e) => return Err(e.into()),
    };
    let port = viewer::free_port().map_err(OpenError::Port)?;
    let address = format!("127.0.0.1:{port}");
    let (tool_args, url) = match &artifact {
        Artifact::Profile { path, .. } => {
            let mut tool_args = vec![
                "pprof".to_owned(),
                format!("-http={address}"),
                "-no_browser".to_owned(),
            ];
            if args.diff {
                let name = path.file_name().unwrap_or_default();
                let starter = layout
                    .starter_build(&exercise.id)
                    .join("artifacts")
                    .join(name);
                if !starter.is_file() {
                    return Err(OpenError::NoStarter(exercise.id.clone()).into());
                }
                tool_args.push(format!("-diff_base={}", starter.display()));
            }
            tool_args.push(path.display().to_string());
            (tool_args, format!("http://{address}/ui/"))
        }
        Artifact::Trace(path) => (
            vec![
                "trace".to_owned(),
                format!("-http={address}"),
                path.display().to_string(),
            ],
            format!("http://{address}/"),
        ),
    };
    say(&tr!(
        "open-starting",
        path = crate::display::path(artifact.path())
    ));
    let log = run_dir.join("open-viewer.log");
    let mut server = go.start_tool(tool_args, &run_dir, log)?;
    let started = Instant::now();
    while !viewer::answers(port) {
        if crate::exec::interrupted() {
            server.stop(STOP_GRACE);
            return Ok(Exit::Interrupted);
        }
        if server.exited().is_some() {
            let output = server.last_lines(20);
            server.stop(STOP_GRACE);
            return Err(OpenError::Ended(output).into());
        }
        if started.elapsed() > READY_TIMEOUT {
            server.stop(STOP_GRACE);
            return Err(OpenError::Slow.into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    say(&tr!("open-serving", url = &url));
    if viewer::in_container() {
        say(&tr!("open-in-container", port = port.to_string()));
    }
    if !args.no_browser && !viewer::open_browser(&url) {
        say(&tr!("open-no-browser"));
    }
    say(&tr!("open-stop"));
    loop {
        if crate::exec::interrupted() {
            server.stop(STOP_GRACE);
            return Ok(Exit::Success);
        }
        if server.exited().is_some() {
            let output = server.last_lines(20);
            server.stop(STOP_GRACE);
            return Err(OpenError::Ended(output).into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(profile: Option<&str>, trace: bool) -> OpenArgs {
        OpenArgs {
            id: None,
            profile: profile.map(str::to_owned),
            trace,
            diff: false,
            no_browser: true,
        }
    }

    #[test]
    fn the_artifacts_of_a_check_and_which_one_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "bench-cpu.pprof",
            "bench-memory.pprof",
            "bench-mutex-starter-0.pprof",
            "bench-cpu-yours-3.pprof",
            "load-trace.trace",
            "bench-cpu.txt",
        ] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        let found = artifacts(dir.path());
        let options: Vec<String> = found.iter().map(Artifact::option).collect();
        assert_eq!(options, ["--profile cpu", "--profile memory", "--trace"]);
        assert!(matches!(
            choose(&found, &args(None, false), "x"),
            Err(OpenError::Choose(_))
        ));
        let heap = choose(&found, &args(Some("heap"), false), "x").unwrap();
        assert!(heap.path().ends_with("bench-memory.pprof"));
        let trace = choose(&found, &args(None, true), "x").unwrap();
        assert!(trace.path().ends_with("load-trace.trace"));
        assert!(matches!(
            choose(&found, &args(Some("block"), false), "x"),
            Err(OpenError::NoSuch { .. })
        ));
        assert!(matches!(
            choose(&[], &args(None, false), "x"),
            Err(OpenError::Nothing(_))
        ));
    }

    #[test]
    fn a_flight_recorder_snapshot_opens_as_a_trace() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("record-snapshot.trace"), b"").unwrap();
        let found = artifacts(dir.path());
        let chosen = choose(&found, &args(None, false), "x").unwrap();
        assert!(chosen.path().ends_with("record-snapshot.trace"));
        assert_eq!(chosen.option(), "--trace");
    }
}
