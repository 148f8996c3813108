//! `workshop`: a self-checking workshop on Go profiling and tracing.
//!
//! Data flows one way: the manifest gives a plan of `go test` runs, the runs give
//! artifacts, artifacts give facts, facts give goal outcomes, and outcomes are
//! rendered by `report`, the only module that prints.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod bench;
pub mod check;
pub mod cli;
pub mod doctor;
pub mod goals;
pub mod gotool;
pub mod manifest;
mod paths;
pub mod pprof;
pub mod report;
pub mod starter;
pub mod state;
pub mod trace;
pub mod verify;
pub mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use check::{CheckStatus, Tree};
use cli::{Cli, Command};
use gotool::{GoError, GoTool, GoVersion};
use manifest::Workshop;

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every goal met, every exercise behaves, the machine is ready.
    Success = 0,
    /// Ran, and something is not met.
    Unmet = 1,
    /// Could not run: bad manifest, Go missing or too old, unknown exercise.
    CouldNotRun = 2,
    /// Stopped by Ctrl-C.
    Interrupted = 130,
}

/// The directory, under the workshop root, for everything the runner makes.
pub const WORK_DIR: &str = ".workshop";

/// Parses the command line, runs the command, and maps the result to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    report::set_color(cli.color);
    gotool::install_interrupt_handler();
    let exit = match run(&cli) {
        Ok(exit) => exit,
        Err(error) => {
            if gotool::interrupted() {
                Exit::Interrupted
            } else {
                report::error(error.as_ref());
                Exit::CouldNotRun
            }
        }
    };
    ExitCode::from(exit as u8)
}

fn run(cli: &Cli) -> anyhow::Result<Exit> {
    match &cli.command {
        Command::List { json } => list(cli, *json),
        Command::Check { id, json, fresh } => check(cli, id, *json, *fresh),
        Command::Verify {
            ids,
            jobs,
            json,
            junit,
        } => verify(cli, ids, *jobs, *json, junit.as_deref()),
        Command::Compare { old, new, json } => compare(old, new, *json),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(
                *shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "workshop",
                &mut script,
            );
            report::out(&String::from_utf8_lossy(&script));
            Ok(Exit::Success)
        }
        Command::Doctor { json } => doctor(cli, *json),
        Command::Inspect { .. } => inspect(&cli.command),
        Command::Hint { id, all, json } => hint(cli, id, *all, *json),
        Command::Next {
            check: then_check,
            json,
        } => next(cli, *then_check, *json),
        Command::Reset { id } => reset(cli, id),
        Command::Restore { id, from, list } => restore(cli, id, from.as_deref(), *list),
        Command::Diff { id, solution } => diff(cli, id, *solution),
        Command::Watch { id } => watch(cli, id.as_deref()),
    }
}

fn root(cli: &Cli) -> Result<PathBuf, manifest::ManifestError> {
    match &cli.root {
        Some(root) if root.join(manifest::MANIFEST).is_file() => Ok(root.clone()),
        Some(root) => Err(manifest::ManifestError::NotFound {
            start: root.clone(),
        }),
        None => {
            let cwd = std::env::current_dir().map_err(|source| manifest::ManifestError::Read {
                path: PathBuf::from("."),
                source,
            })?;
            manifest::find_root(&cwd)
        }
    }
}

fn load(cli: &Cli) -> Result<Workshop, manifest::ManifestError> {
    let workshop = manifest::load(&root(cli)?)?;
    starter::remember(&workshop);
    Ok(workshop)
}

fn list(cli: &Cli, json: bool) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let state = state::State::load(&workshop.root.join(WORK_DIR));
    for warning in &state.warnings {
        report::warning(warning);
    }
    let entries = report::human::ListEntry::all(&workshop, &state);
    if json {
        let rows: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "id": e.id,
                    "title": e.title,
                    "progress": e.progress,
                    "docs": e.docs,
                })
            })
            .collect();
        report::out(&report::json::render(&report::json::list(
            &workshop.title,
            workshop.docs.as_deref(),
            &rows,
        )));
    } else {
        report::out(&report::human::list(
            &workshop.title,
            workshop.docs.as_deref(),
            &entries,
        ));
    }
    Ok(Exit::Success)
}

fn check(cli: &Cli, id: &str, json: bool, fresh: bool) -> anyhow::Result<Exit> {
    let fail = |message: String, go: Option<&gotool::GoInfo>| -> anyhow::Result<Exit> {
        if json {
            report::out(&report::json::render(&report::json::check_error(
                id, &message, go,
            )));
            Ok(Exit::CouldNotRun)
        } else {
            Err(anyhow::anyhow!(message))
        }
    };
    let workshop = match load(cli) {
        Ok(w) => w,
        Err(e) => return fail(report::error_chain(&e), None),
    };
    let exercise = match workshop.exercise(id) {
        Ok(e) => e,
        Err(e) => return fail(e.to_string(), None),
    };
    let go = match GoTool::detect(exercise.go) {
        Ok(go) => go,
        Err(GoError::Interrupted) => return Ok(Exit::Interrupted),
        Err(e) => return fail(report::error_chain(&e), None),
    };
    let work_dir = workshop.root.join(WORK_DIR);
    state::ensure_ignored(&work_dir)?;
    let tree = Tree {
        module_dir: workshop.module_dir(),
        work_dir: work_dir.clone(),
        module_label: workshop.module.clone(),
        starter: starter::starter(&workshop, exercise)
            .ok()
            .map(|(files, _)| files),
        fresh,
    };
    let spinner = report::human::spinner(
        &format!("checking {}: building, testing, measuring", exercise.id),
        !json,
    );
    let result = check::check(exercise, &tree, &go);
    spinner.finish_and_clear();
    let report = match result {
        Ok(report) => report,
        Err(check::CheckError::Go(GoError::Interrupted)) => return Ok(Exit::Interrupted),
        Err(e) => return fail(report::error_chain(&e), Some(&go.info)),
    };
    let passed = report.status == CheckStatus::Pass;
    if let Err(e) = state::State::record(&work_dir, &exercise.id, passed) {
        report::warning(&format!("could not save progress: {e}"));
    }
    if json {
        report::out(&report::json::render(&report::json::check(&report)));
    } else {
        report::out(&report::human::check(&report));
    }
    Ok(if passed { Exit::Success } else { Exit::Unmet })
}

fn hint(cli: &Cli, id: &str, all: bool, json: bool) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let exercise = workshop.exercise(id)?;
    let work_dir = workshop.root.join(WORK_DIR);
    let available = exercise.hints.len();
    let shown = if all || available == 0 {
        state::State::load(&work_dir).hints_shown(&exercise.id)
    } else {
        state::State::reveal_hint(&work_dir, &exercise.id, available)?
    };
    if json {
        report::out(&report::json::render(&serde_json::json!({
            "version": report::json::VERSION,
            "exercise": exercise.id,
            "shown": shown,
            "total": available,
            "hints": &exercise.hints[..shown],
        })));
    } else {
        report::out(&report::human::hints(exercise, shown, all));
    }
    Ok(Exit::Success)
}

fn reset(cli: &Cli, id: &str) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let exercise = workshop.exercise(id)?;
    let (pristine, _) = starter::starter(&workshop, exercise)?;
    let current = starter::current(&workshop, exercise, &pristine)?;
    if current == pristine {
        report::out(&format!(
            "{} already holds its starter code; nothing to do\n",
            exercise.id
        ));
        return Ok(Exit::Success);
    }
    let saved = starter::backup(&workshop, exercise, &current)?;
    starter::replace(&workshop, exercise, &current, &pristine)?;
    report::out(&report::human::reset(exercise, &saved));
    Ok(Exit::Success)
}

fn restore(cli: &Cli, id: &str, from: Option<&str>, list: bool) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let exercise = workshop.exercise(id)?;
    let backups = starter::backups(&workshop, exercise);
    if list {
        report::out(&report::human::backups(exercise, &backups));
        return Ok(Exit::Success);
    }
    let chosen = match from {
        Some(name) => backups
            .iter()
            .find(|b| b.file_name().is_some_and(|n| n == name))
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "no backup `{name}` of {} (see `workshop restore {} --list`)",
                    exercise.id,
                    exercise.id
                )
            })?,
        None => backups
            .last()
            .ok_or_else(|| starter::StarterError::NoBackup(exercise.id.clone()))?,
    };
    let wanted = starter::read_backup(chosen)?;
    let pristine = starter::starter(&workshop, exercise)
        .map(|(files, _)| files)
        .unwrap_or_default();
    let current = starter::current(&workshop, exercise, &pristine)?;
    // What is there now is saved too: restoring never loses anything either.
    let saved = (current != wanted)
        .then(|| starter::backup(&workshop, exercise, &current))
        .transpose()?;
    starter::replace(&workshop, exercise, &current, &wanted)?;
    report::out(&report::human::restored(exercise, chosen, saved.as_deref()));
    Ok(Exit::Success)
}

fn diff(cli: &Cli, id: &str, solution: bool) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let exercise = workshop.exercise(id)?;
    let (pristine, _) = starter::starter(&workshop, exercise)?;
    let (theirs, label) = if solution {
        (starter::solution(exercise, &pristine)?, "solution")
    } else {
        (starter::current(&workshop, exercise, &pristine)?, "yours")
    };
    report::out(&report::human::diff(exercise, &pristine, &theirs, label));
    Ok(Exit::Success)
}

fn watch(cli: &Cli, id: Option<&str>) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let state = state::State::load(&workshop.root.join(WORK_DIR));
    let start = match id {
        Some(id) => workshop.exercise(id)?,
        None => match workshop
            .exercises
            .iter()
            .find(|e| state.progress(&e.id) != state::Progress::Done)
        {
            Some(exercise) => exercise,
            None => {
                report::out(&report::human::all_done(workshop.exercises.len()));
                return Ok(Exit::Success);
            }
        },
    };
    let go = GoTool::detect(workshop.required_go())?;
    state::ensure_ignored(&workshop.root.join(WORK_DIR))?;
    Ok(watch::watch(&workshop, start, &go)?)
}

fn next(cli: &Cli, then_check: bool, json: bool) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let state = state::State::load(&workshop.root.join(WORK_DIR));
    let next = workshop
        .exercises
        .iter()
        .find(|e| state.progress(&e.id) != state::Progress::Done);
    let Some(exercise) = next else {
        if json {
            report::out(&report::json::render(
                &serde_json::json!({"version": report::json::VERSION, "next": null}),
            ));
        } else {
            report::out(&report::human::all_done(workshop.exercises.len()));
        }
        return Ok(Exit::Success);
    };
    if then_check {
        return check(cli, &exercise.id, json, false);
    }
    if json {
        report::out(&report::json::render(&serde_json::json!({
            "version": report::json::VERSION,
            "next": exercise.id,
            "title": exercise.title,
            "docs": exercise.docs,
        })));
    } else {
        report::out(&report::human::next(exercise));
    }
    Ok(Exit::Success)
}

fn verify(
    cli: &Cli,
    ids: &[String],
    jobs: Option<usize>,
    json: bool,
    junit: Option<&std::path::Path>,
) -> anyhow::Result<Exit> {
    let workshop = load(cli)?;
    let exercises: Vec<&manifest::Exercise> = if ids.is_empty() {
        workshop.exercises.iter().collect()
    } else {
        ids.iter()
            .map(|id| workshop.exercise(id))
            .collect::<Result<_, _>>()?
    };
    let go = GoTool::detect(workshop.required_go())?;
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let bar = report::human::verify_progress(exercises.len() * 2, !json);
    let progress = |event: verify::Progress<'_>| match event {
        verify::Progress::Started { exercise, side } => {
            bar.set_message(format!("{exercise} ({side:?})"))
        }
        verify::Progress::Finished { exercise, side, ok } => {
            bar.inc(1);
            if !ok {
                bar.println(format!(
                    "{} {exercise} ({side:?}) does not behave",
                    console::style("✗").red()
                ));
            }
        }
    };
    let results = verify::verify(&workshop, &exercises, jobs, &go, &progress);
    bar.finish_and_clear();
    if let Some(path) = junit {
        std::fs::write(path, report::junit::verify(&results))
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", paths::display(path)))?;
    }
    if gotool::interrupted() {
        return Ok(Exit::Interrupted);
    }
    if json {
        report::out(&report::json::render(&report::json::verify(&results)));
    } else {
        report::out(&report::human::verify(&results));
    }
    Ok(if results.iter().all(|r| r.ok) {
        Exit::Success
    } else {
        Exit::Unmet
    })
}

/// A trace file that could not be read, named.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}", paths::display(path))]
struct TraceFileError {
    path: PathBuf,
    #[source]
    source: trace::TraceError,
}

/// A profile file that could not be read, named.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}", paths::display(path))]
struct ProfileFileError {
    path: PathBuf,
    #[source]
    source: pprof::ProfileError,
}

fn inspect(command: &Command) -> anyhow::Result<Exit> {
    let Command::Inspect {
        file,
        json,
        dump,
        goroutines,
        tasks,
        regions,
        top,
        sample,
        cum,
        focus,
        flamegraph,
    } = command
    else {
        unreachable!("inspect is only called for the inspect command");
    };
    let mut head = [0u8; 16];
    let read = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|source| TraceFileError {
            path: file.clone(),
            source: trace::TraceError::Io(source),
        })?;
    if head[..read].starts_with(b"go 1.") {
        if sample.is_some() || *cum || focus.is_some() || flamegraph.is_some() {
            anyhow::bail!(
                "--sample, --cum, --focus and --flamegraph apply to profiles; {} is an execution trace",
                paths::display(file)
            );
        }
        if *dump {
            return inspect_dump(file);
        }
        let view = report::human::InspectView {
            goroutines: *goroutines,
            tasks: *tasks,
            regions: *regions,
        };
        return inspect_trace(file, &view, *json);
    }
    if *dump || *goroutines || *tasks || *regions {
        anyhow::bail!(
            "--dump, --goroutines, --tasks and --regions apply to execution traces; {} is not one",
            paths::display(file)
        );
    }
    let profile = match pprof::Profile::read(file) {
        Ok(profile) => profile,
        Err(pprof::ProfileError::NotProfile(why)) => anyhow::bail!(
            "cannot read {}: not a Go execution trace (no `go 1.N trace` header) and not a pprof profile ({why})",
            paths::display(file)
        ),
        Err(source) => {
            return Err(ProfileFileError {
                path: file.clone(),
                source,
            }
            .into());
        }
    };
    let index = match sample {
        None => profile.default_type,
        Some(name) => profile.sample_index(name).ok_or_else(|| {
            let types: Vec<&str> = profile
                .sample_types
                .iter()
                .map(|t| t.name.as_str())
                .collect();
            anyhow::anyhow!(
                "{} has no sample type `{name}` (it has: {})",
                paths::display(file),
                types.join(", ")
            )
        })?,
    };
    let focus = focus
        .as_deref()
        .map(regex::Regex::new)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--focus is not a valid regular expression: {e}"))?;
    let view = report::profile::View {
        index,
        top: *top,
        cum: *cum,
        focus: focus.as_ref(),
    };
    if let Some(out) = flamegraph {
        let svg = report::profile::flamegraph(&profile, index, focus.as_ref())
            .map_err(|e| anyhow::anyhow!("cannot draw the flame graph: {e}"))?;
        std::fs::write(out, svg)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", paths::display(out)))?;
    }
    if *json {
        report::out(&report::json::render(&report::profile::json(
            &profile, &view,
        )));
    } else {
        report::out(&report::profile::human(file, &profile, &view));
        if let Some(out) = flamegraph {
            report::out(&format!("flame graph written to {}\n", paths::display(out)));
        }
    }
    Ok(Exit::Success)
}

fn inspect_dump(file: &std::path::Path) -> anyhow::Result<Exit> {
    let named = |source| TraceFileError {
        path: file.to_owned(),
        source,
    };
    let reader = trace::Reader::open(file).map_err(named)?;
    let mut out = report::stdout_writer();
    let mut dumper = trace::dump::Dumper::new();
    for event in reader {
        let event = event.map_err(named)?;
        if dumper.write(&mut out, &event).is_err() {
            // The reader of our output went away (`| head`): stop quietly.
            return Ok(Exit::Success);
        }
    }
    let _ = std::io::Write::flush(&mut out);
    Ok(Exit::Success)
}

fn inspect_trace(
    file: &std::path::Path,
    view: &report::human::InspectView,
    json: bool,
) -> anyhow::Result<Exit> {
    let named = |source| TraceFileError {
        path: file.to_owned(),
        source,
    };
    let facts = trace::facts::Facts::read(file).map_err(named)?;
    if json {
        report::out(&report::json::render(&report::json::trace_facts(&facts)));
    } else {
        report::out(&report::human::trace_summary(file, &facts, view));
    }
    Ok(Exit::Success)
}

fn compare(old: &std::path::Path, new: &std::path::Path, json: bool) -> anyhow::Result<Exit> {
    let read = |path: &std::path::Path| -> anyhow::Result<bench::BenchOutput> {
        let text = std::fs::read(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", paths::display(path)))?;
        let output = bench::parse(&String::from_utf8_lossy(&text));
        if output.results.is_empty() {
            anyhow::bail!(
                "{} holds no benchmark results (expected lines like `BenchmarkSearch-8  1000  1234 ns/op`)",
                paths::display(path)
            );
        }
        Ok(output)
    };
    let tables = bench::compare::compare(&read(old)?, &read(new)?);
    if json {
        report::out(&report::json::render(&serde_json::json!({
            "version": report::json::VERSION,
            "old": old,
            "new": new,
            "units": tables,
        })));
    } else {
        report::out(&report::human::compare(old, new, &tables));
    }
    Ok(Exit::Success)
}

fn doctor(cli: &Cli, json: bool) -> anyhow::Result<Exit> {
    let (required, why) = match load(cli) {
        Ok(workshop) => {
            let required = workshop.required_go();
            let why = workshop
                .exercises
                .iter()
                .find(|e| e.go == required && e.go > workshop.go)
                .map_or_else(
                    || "this workshop".to_owned(),
                    |e| format!("exercise {}", e.id),
                );
            (required, why)
        }
        Err(manifest::ManifestError::NotFound { .. }) => {
            (GoVersion::new(1, 25, 0), "the workshop".to_owned())
        }
        Err(e) => return Err(e.into()),
    };
    let findings = doctor::examine(required, &why);
    if json {
        report::out(&report::json::render(&report::json::doctor(&findings)));
    } else {
        report::out(&report::human::doctor(&findings));
    }
    let failed = findings.iter().any(|f| f.health == doctor::Health::Fail);
    Ok(if failed { Exit::Unmet } else { Exit::Success })
}
