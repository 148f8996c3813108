//! What the commands on the attendee's files print: `hint`, `reset`,
//! `restore` (and `restore --tests`) and `diff`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use console::style;

use super::pass;
use crate::manifest::Exercise;
use crate::run::ProtectedFile;
use crate::tr;
use crate::workspace::Files;

/// Which hints to show, and how the next one is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintView {
    /// The newest hint; `workshop hint` reveals the next.
    Newest,
    /// Every hint revealed so far (`workshop hint --all`).
    All,
    /// The newest hint, in `workshop watch`, where the `h` key reveals the next.
    Watch,
}

/// The output of `workshop hint`, and of the `h` key of `workshop watch`.
pub fn hints(exercise: &Exercise, shown: usize, view: HintView) -> String {
    let all = view == HintView::All;
    let mut out = String::new();
    let total = exercise.hints.len();
    if total == 0 {
        let _ = writeln!(out, "{}", tr!("hints-none", id = &exercise.id));
        return out;
    }
    if shown == 0 {
        let _ = writeln!(out, "{}", tr!("hints-none-revealed", id = &exercise.id));
        return out;
    }
    let first = if all { 0 } else { shown - 1 };
    for (i, hint) in exercise.hints.iter().enumerate().take(shown).skip(first) {
        let label = format!(
            "{} ",
            style(tr!("hint-label", number = i + 1, total = total))
                .cyan()
                .bold()
        );
        out.push_str(&super::paragraph(&label, "  ", hint.read()));
    }
    if shown == total {
        let _ = writeln!(out, "{}", style(tr!("hints-last", id = &exercise.id)).dim());
        if let Some(page) = &exercise.reasoning {
            let text = tr!("hints-reasoning", page = crate::display::page(page));
            let _ = writeln!(out, "{}", style(text).dim());
        }
    } else if view == HintView::Watch {
        let _ = writeln!(out, "{}", style(tr!("hints-press-h")).dim());
    } else if !all {
        let _ = writeln!(out, "{}", style(tr!("hints-next", id = &exercise.id)).dim());
    }
    out
}

/// The output of `workshop reset`.
pub fn reset(exercise: &Exercise, saved: &Path) -> String {
    format!(
        "{} {}\n",
        pass(),
        tr!(
            "reset-done",
            id = &exercise.id,
            saved = crate::display::path(saved)
        )
    )
}

/// The note that a `reset` or `restore` killed midway was undone.
pub fn undone(exercise: &Exercise, undone: &crate::starter::Undone) -> String {
    let text = tr!(
        "backup-undone",
        id = &exercise.id,
        operation = undone.operation.as_str()
    );
    format!("{} {text}\n", style(tr!("label-note")).yellow())
}

/// The output of `workshop restore`.
pub fn restored(exercise: &Exercise, from: &Path, saved: Option<&Path>) -> String {
    let restored = tr!(
        "restored-from",
        id = &exercise.id,
        from = crate::display::path(from)
    );
    let mut out = format!("{} {restored}\n", pass());
    if let Some(saved) = saved {
        let text = tr!("restored-saved", saved = crate::display::path(saved));
        out.push_str(&format!("  {text}\n"));
    }
    out
}

/// The output of `workshop restore --tests` that put files back.
pub fn tests_restored(exercise: &Exercise, put_back: &[ProtectedFile], saved: &Path) -> String {
    let files: Vec<String> = put_back
        .iter()
        .map(|f| f.path.display().to_string())
        .collect();
    let text = tr!(
        "tests-restored",
        id = &exercise.id,
        count = files.len(),
        files = crate::i18n::list(&files),
        saved = crate::display::path(saved)
    );
    format!("{} {text}\n", pass())
}

/// The output of `workshop restore --tests` with nothing to put back.
pub fn tests_already_restored(exercise: &Exercise) -> String {
    format!("{}\n", tr!("tests-already-restored", id = &exercise.id))
}

/// The output of `workshop restore --list`.
pub fn backups(exercise: &Exercise, backups: &[PathBuf]) -> String {
    if backups.is_empty() {
        return format!("{}\n", tr!("backups-none", id = &exercise.id));
    }
    let mut out = format!("{}\n", tr!("backups-heading", id = &exercise.id));
    for backup in backups {
        let name = backup
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push_str(&format!(
            "  {name}  {}\n",
            style(crate::display::path(backup)).dim()
        ));
    }
    out
}

/// A coloured unified diff of an exercise's files: starter against `theirs`.
/// The output of `workshop diff`: the changes from `before` to `after`, each
/// with the label of its side (`starter`, `yours`, `solution`).
pub fn diff(exercise: &Exercise, before: (&Files, &str), after: (&Files, &str)) -> String {
    let ((starter, from), (theirs, label)) = (before, after);
    let mut out = String::new();
    let mut paths: Vec<&PathBuf> = starter.keys().chain(theirs.keys()).collect();
    paths.sort();
    paths.dedup();
    let empty = Vec::new();
    for path in paths {
        let old = starter.get(path).unwrap_or(&empty);
        let new = theirs.get(path).unwrap_or(&empty);
        if old == new {
            continue;
        }
        let old_text = String::from_utf8_lossy(old);
        let new_text = String::from_utf8_lossy(new);
        let name = path.display();
        let text = similar::TextDiff::from_lines(old_text.as_ref(), new_text.as_ref())
            .unified_diff()
            .context_radius(3)
            .header(&format!("{from}/{name}"), &format!("{label}/{name}"))
            .to_string();
        for line in text.lines() {
            let styled = if line.starts_with("+++") || line.starts_with("---") {
                style(line).bold().to_string()
            } else if line.starts_with('+') {
                style(line).green().to_string()
            } else if line.starts_with('-') {
                style(line).red().to_string()
            } else if line.starts_with("@@") {
                style(line).cyan().to_string()
            } else {
                line.to_owned()
            };
            out.push_str(&styled);
            out.push('\n');
        }
    }
    if out.is_empty() {
        out = match (from, label) {
            ("starter", "solution") => tr!("diff-solution-changes-nothing", id = &exercise.id),
            (_, "solution") => tr!("diff-yours-are-the-solution", id = &exercise.id),
            _ => tr!("diff-no-changes", id = &exercise.id),
        };
        out.push('\n');
    }
    out
}
