//! The lines `workshop watch` prints around its checks.

use std::path::Path;

use console::style;

use crate::manifest::Exercise;
use crate::tr;

/// What `workshop watch` prints before each check. On a terminal, where the
/// spinner says what is being checked, it only clears the screen (when
/// `clear`), so that each result shows in place; elsewhere a line.
pub fn checking(id: &str, clear: bool) -> String {
    match (console::Term::stdout().is_term(), clear) {
        (true, true) => "\x1b[2J\x1b[H".to_owned(),
        (true, false) => String::new(),
        (false, _) => format!("{}\n", style(tr!("watch-checking", id = id)).dim()),
    }
}

/// After a pass, the exercise `workshop watch` goes on with.
pub fn moving_on(next: &Exercise) -> String {
    let mut out = format!(
        "\n{} {} {}\n",
        style(tr!("label-next")).cyan().bold(),
        style(&next.id).bold(),
        style(format!("— {}", next.title)).dim()
    );
    if let Some(docs) = &next.docs {
        let text = tr!("watch-moving-on", page = crate::display::page(docs));
        out.push_str(&format!("{text}\n"));
    }
    out
}

/// Which file change set off a check.
pub fn changed(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}\n", style(tr!("watch-changed", name = name)).dim())
}

/// The keys `workshop watch` takes.
pub fn keys(id: &str) -> String {
    let text = tr!("watch-keys", id = id);
    style(super::paragraph("", "  ", &text)).dim().to_string()
}
