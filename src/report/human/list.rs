//! What `workshop list` and `workshop next` print: the exercises with their
//! progress, and where to go next.

use std::fmt::Write;
use std::path::Path;

use console::style;

use super::pass;
use crate::manifest::Exercise;
use crate::report::ListEntry;
use crate::state::Progress;

/// The output of `workshop next`.
pub fn next(exercise: &Exercise) -> String {
    let mut out = format!(
        "{} {} {}
",
        style("next:").cyan().bold(),
        style(&exercise.id).bold(),
        style(format!("— {}", exercise.title)).dim()
    );
    if let Some(docs) = &exercise.docs {
        out.push_str(&format!(
            "read {}, then run `workshop check {}` or `workshop watch {}`\n",
            docs.display(),
            exercise.id,
            exercise.id
        ));
    } else {
        out.push_str(&format!(
            "run `workshop check {}`
",
            exercise.id
        ));
    }
    out
}

/// The output of `workshop next` when everything is done.
pub fn all_done(count: usize) -> String {
    format!(
        "{} all {count} exercises are done.
",
        pass()
    )
}

/// The output of `workshop list`: the exercises with their progress, then
/// where to read next.
pub fn list(title: &str, index: Option<&Path>, entries: &[ListEntry<'_>]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", style(title).bold());
    let id_width = entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
    let title_width = entries
        .iter()
        .map(|e| e.title.chars().count())
        .max()
        .unwrap_or(0);
    let next = entries.iter().position(|e| e.progress != Progress::Done);
    for (i, entry) in entries.iter().enumerate() {
        let (symbol, label) = match entry.progress {
            Progress::Done => (pass(), style("done").green()),
            Progress::InProgress => (
                style("…").yellow().to_string(),
                style("in progress").yellow(),
            ),
            Progress::NotStarted => (style("·").dim().to_string(), style("not started").dim()),
        };
        let marker = if Some(i) == next {
            style("← next").cyan().to_string()
        } else {
            String::new()
        };
        let line = format!(
            "  {symbol} {:<id_width$}  {:<title_width$}  {label} {marker}",
            entry.id, entry.title
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let done = entries
        .iter()
        .filter(|e| e.progress == Progress::Done)
        .count();
    let _ = writeln!(out, "\n{done} of {} exercises done", entries.len());
    if let Some(entry) = next.map(|i| &entries[i]) {
        let read = entry
            .docs
            .map(|docs| format!("read {}, then ", docs.display()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {read}run `workshop check {}`",
            style("next:").cyan().bold(),
            entry.id
        );
    }
    if let Some(index) = index {
        let _ = writeln!(out, "the workshop text starts at {}", index.display());
    }
    out
}
