//! All output. Commands build data (reports, outcomes, findings); this module
//! renders it for people (`human`) or machines (`json`) and is the only place
//! that writes to stdout or stderr.

pub mod human;
pub mod json;
pub mod junit;
pub mod profile;

use std::io::Write;

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
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// A buffered writer on stdout for long streamed output (trace dumps).
pub fn stdout_writer() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())
}

/// Writes rendered text to stderr.
pub fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// Prints an error that stopped a command, with its causes.
pub fn error(error: &(dyn std::error::Error + 'static)) {
    err(&format!(
        "{} {}\n",
        console::style("error:").red().bold().for_stderr(),
        error_chain(error)
    ));
}

/// Prints a warning.
pub fn warning(message: &str) {
    err(&format!(
        "{} {message}\n",
        console::style("warning:").yellow().bold().for_stderr()
    ));
}

/// An error and its sources as one message: `cannot read x: permission denied`.
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
