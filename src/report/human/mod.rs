//! Rendering for people, one file per command: symbols and colours through
//! `console`, which honours NO_COLOR, CLICOLOR and whether the output is a
//! terminal; a spinner and a progress bar on stderr, drawn only on terminals.

mod check;
mod compare;
mod doctor;
mod files;
mod history;
mod inspect;
mod list;
mod profile;
mod profile_diff;
mod source;
mod sparkline;
mod spinner;
mod tags;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_numbers;
#[cfg(test)]
mod tests_output;
mod verify;
pub mod watch;

use console::style;

pub use check::check;
pub use compare::compare;
pub use doctor::doctor;
pub use files::{
    HintView, backups, diff, hints, reset, restored, tests_already_restored, tests_restored, undone,
};
pub use history::{history, sparkline};
pub use inspect::{InspectView, trace_summary};
pub use list::{all_done, list, next};
pub use profile::{ProfileView, ordered, profile};
pub use profile_diff::{DiffView, profile_diff};
pub use source::source_listing;
pub use spinner::Spinner;
pub use tags::tags;
pub use verify::{UntranslatedDoc, verify, verify_progress};

/// `text` as one paragraph: the first line starts with `first`, the others
/// with `indent`. On a terminal the lines break between words at its width;
/// elsewhere (a pipe, a file) the paragraph stays one line.
fn paragraph(first: &str, indent: &str, text: &str) -> String {
    match console::Term::stdout().size_checked() {
        Some((_, columns)) if console::Term::stdout().is_term() => {
            wrap_to(usize::from(columns), first, indent, text)
        }
        _ => format!("{first}{text}\n"),
    }
}

/// [`paragraph`] at a given width. Words longer than a line (a path, a URL)
/// stay whole on a line of their own.
fn wrap_to(width: usize, first: &str, indent: &str, text: &str) -> String {
    // English breaks at spaces only, so that paths and names stay whole;
    // Japanese, written without spaces, wherever Unicode's line breaking
    // rules allow (between most characters, never before `。` or `）`).
    let separator = match crate::i18n::lang() {
        crate::i18n::Lang::En => textwrap::WordSeparator::AsciiSpace,
        crate::i18n::Lang::Ja => textwrap::WordSeparator::UnicodeBreakProperties,
    };
    let options = textwrap::Options::new(width.max(20))
        .word_separator(separator)
        .initial_indent(first)
        .subsequent_indent(indent)
        .break_words(false);
    let mut out = textwrap::fill(text, options);
    out.push('\n');
    out
}

fn pass() -> String {
    style("✓").green().bold().to_string()
}

fn fail() -> String {
    style("✗").red().bold().to_string()
}

fn unsure() -> String {
    style("?").yellow().bold().to_string()
}

/// The mark of something left out, neither met nor failed.
fn skipped() -> String {
    style("–").cyan().bold().to_string()
}
