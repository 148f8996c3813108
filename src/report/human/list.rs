//! What `workshop list` and `workshop next` print: the exercises with their
//! progress, and where to go next.

use std::fmt::Write;
use std::path::Path;

use console::style;

use super::pass;
use crate::display::{pad, width};
use crate::manifest::Exercise;
use crate::report::ListEntry;
use crate::state::{Latest, Progress};
use crate::tr;

/// The output of `workshop next`.
pub fn next(exercise: &Exercise) -> String {
    let mut out = format!(
        "{} {} {}
",
        style(tr!("label-next")).cyan().bold(),
        style(&exercise.id).bold(),
        style(format!("— {}", exercise.title)).dim()
    );
    if let Some(docs) = &exercise.docs {
        out.push_str(&tr!(
            "next-read-then-check-or-watch",
            page = crate::display::page(docs),
            id = &exercise.id
        ));
    } else {
        out.push_str(&tr!("next-check", id = &exercise.id));
    }
    out.push('\n');
    out
}

/// The output of `workshop next` when everything is done.
pub fn all_done(count: usize) -> String {
    format!("{} {}\n", pass(), tr!("all-done", count = count))
}

/// The output of `workshop list`: the exercises with their progress, then
/// where to read next.
pub fn list(title: &str, index: Option<&Path>, entries: &[ListEntry<'_>]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", style(title).bold());
    let id_width = entries.iter().map(|e| width(e.id)).max().unwrap_or(0);
    let title_width = entries.iter().map(|e| width(e.title)).max().unwrap_or(0);
    let next = entries.iter().position(|e| e.progress != Progress::Done);
    for (i, entry) in entries.iter().enumerate() {
        let (symbol, label) = match entry.progress {
            Progress::Done => match entry.latest {
                Some(Latest::Failing) => (
                    style("✓").yellow().to_string(),
                    style(tr!("progress-done-failing")).yellow(),
                ),
                Some(Latest::Reset) => (
                    style("✓").yellow().to_string(),
                    style(tr!("progress-done-reset")).yellow(),
                ),
                _ => (pass(), style(tr!("progress-done")).green()),
            },
            Progress::InProgress => (
                style("…").yellow().to_string(),
                style(tr!("progress-in-progress")).yellow(),
            ),
            Progress::NotStarted => (
                style("·").dim().to_string(),
                style(tr!("progress-not-started")).dim(),
            ),
        };
        let marker = if Some(i) == next {
            style(tr!("list-next-marker")).cyan().to_string()
        } else {
            String::new()
        };
        let gate = entry.left_out.as_ref().map_or(String::new(), |left| {
            let text = if left.goals.is_empty() {
                tr!("list-needs-go", go = &left.go)
            } else {
                tr!(
                    "list-goals-need-go",
                    go = &left.go,
                    count = left.goals.len(),
                    goals = crate::i18n::list(&left.goals)
                )
            };
            style(text).cyan().to_string()
        });
        let line = format!(
            "  {symbol} {}  {}  {label} {marker}{gate}",
            pad(entry.id, id_width),
            pad(entry.title, title_width)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let done = entries
        .iter()
        .filter(|e| e.progress == Progress::Done)
        .count();
    let _ = writeln!(
        out,
        "\n{}",
        tr!("list-done", done = done, total = entries.len())
    );
    if let Some(entry) = next.map(|i| &entries[i]) {
        let then = match entry.docs {
            Some(docs) => tr!(
                "next-read-then-check",
                page = crate::display::page(docs),
                id = entry.id
            ),
            None => tr!("next-check", id = entry.id),
        };
        let _ = writeln!(out, "{} {then}", style(tr!("label-next")).cyan().bold());
    }
    if let Some(index) = index {
        let _ = writeln!(
            out,
            "{}",
            tr!("list-text-starts", page = crate::display::page(index))
        );
    }
    out
}
