//! `workshop`: a self-checking workshop on Go profiling and tracing.
//!
//! Data flows one way: the manifest gives a plan of `go test` runs, the runs give
//! artifacts, artifacts give facts, facts give goal outcomes, and outcomes are
//! rendered by `report`, the only module that prints. `exec` is the only module
//! that starts processes.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod bench;
pub mod cli;
pub mod commands;
pub mod compiler;
pub mod display;
pub mod doctor;
pub mod exec;
pub mod fence;
pub mod goals;
pub mod goregex;
pub mod http;
pub mod i18n;
pub mod layout;
pub mod leftovers;
pub mod manifest;
pub mod pprof;
pub mod report;
pub mod run;
pub mod starter;
pub mod state;
pub mod terminal;
pub mod trace;
pub mod units;
pub mod verify;
pub mod watch;
pub mod workspace;
pub mod yaml;

use std::process::ExitCode;

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every goal met, every exercise behaves, the machine is ready.
    Success = 0,
    /// Ran, and something is not met.
    Unmet = 1,
    /// Could not run: bad manifest, Go missing, unknown exercise.
    CouldNotRun = 2,
    /// Nothing was judged: the installed Go is older than the exercise needs
    /// (`check`). Not a failure of the attendee's code.
    Skipped = 3,
    /// Stopped by Ctrl-C.
    Interrupted = 130,
    /// Stopped by SIGTERM.
    Terminated = 143,
}

/// Parses the command line, runs the command, and maps the result to an exit code.
pub fn main() -> ExitCode {
    // The guard that outlives nothing: see `exec::guard`.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == exec::guard::GUARD_ARG)
    {
        return exec::guard::serve();
    }
    // What every child runs under: see `exec::reaper`.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == exec::reaper::REAPER_ARG)
    {
        return exec::reaper::serve();
    }
    exec::reaper::enable();
    // Sets the language before parsing, so that `--help` speaks it too.
    let cli = cli::parse();
    report::set_color(cli.color);
    exec::install_interrupt_handler();
    let context = commands::Context {
        root: cli.root.clone(),
    };
    let exit = match commands::run(&context, &cli.command) {
        Ok(exit) => exit,
        Err(_) if exec::interrupted() => Exit::Interrupted,
        Err(error) => {
            report::error(error.as_ref());
            Exit::CouldNotRun
        }
    };
    // Commands say they were stopped; how is the signal's to say.
    let exit = match (exit, exec::stop_signal()) {
        (Exit::Interrupted, Some(signal)) if signal == signal_hook::consts::SIGTERM => {
            Exit::Terminated
        }
        (exit, _) => exit,
    };
    ExitCode::from(exit as u8)
}
