//! All output. Commands build documents (reports, outcomes, findings); this
//! module renders them for people ([`human`]) or machines (versioned JSON) in
//! the [`Format`] chosen once per command, and is the only place that writes to
//! stdout or stderr.

mod docs;
pub mod flamegraph;
pub mod human;
mod json;
pub mod junit;
mod pprof_docs;
pub mod timeline;

use std::io::Write;

pub use docs::{
    CheckErrorDoc, CompareDoc, DoctorDoc, GoalHistory, HintDoc, HistoryCheck, HistoryDoc, ListDoc,
    ListEntry, NextDoc, ProfileDoc, TraceDoc, VerifyDoc,
};
pub use json::VERSION;
pub use pprof_docs::{DiffDoc, SourceDoc, TagsDoc};

/// How a command writes its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text for people, coloured on terminals.
    Human,
    /// One versioned JSON document.
    Json,
}

impl Format {
    /// JSON when `--json` was given.
    pub fn json(json: bool) -> Format {
        if json { Format::Json } else { Format::Human }
    }
}

/// A command's output: serialised for `--json`, rendered for people otherwise.
pub trait Document: serde::Serialize {
    /// The text people read.
    fn human(&self) -> String;
}

/// Writes `doc` to stdout in `format`.
pub fn emit<D: Document>(format: Format, doc: &D) {
    match format {
        Format::Human => out(&doc.human()),
        Format::Json => out(&json::render(doc)),
    }
}

/// Writes a document that exists only as JSON (the error document of `check --json`).
pub fn emit_json<D: serde::Serialize>(doc: &D) {
    out(&json::render(doc));
}

/// How output should be coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

/// Applies the user's colour choice to everything rendered afterwards.
pub fn set_color(choice: ColorChoice) {
    match choice {
        ColorChoice::Auto => {}
        ColorChoice::Always => {
            console::set_colors_enabled(true);
            console::set_colors_enabled_stderr(true);
        }
        ColorChoice::Never => {
            console::set_colors_enabled(false);
            console::set_colors_enabled_stderr(false);
        }
    }
}

/// Writes rendered text to stdout. A closed pipe (`workshop list | head`) is not an error.
#[allow(clippy::disallowed_methods)] // the one place that writes to stdout
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// A buffered writer on stdout for long streamed output (trace dumps).
#[allow(clippy::disallowed_methods)] // the one place that writes to stdout
pub fn stdout_writer() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())
}

/// Writes rendered text to stderr.
#[allow(clippy::disallowed_methods)] // the one place that writes to stderr
pub fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// Prints an error that stopped a command, with its causes.
pub fn error(error: &(dyn std::error::Error + 'static)) {
    err(&format!(
        "{} {}\n",
        console::style(crate::tr!("label-error"))
            .red()
            .bold()
            .for_stderr(),
        crate::display::error_chain(error)
    ));
}

/// Prints a warning.
pub fn warning(message: &str) {
    err(&format!(
        "{} {message}\n",
        console::style(crate::tr!("label-warning"))
            .yellow()
            .bold()
            .for_stderr()
    ));
}
