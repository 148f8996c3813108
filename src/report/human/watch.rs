//! The lines `workshop watch` prints around its checks.

use std::path::Path;

use console::style;

/// The line `workshop watch` prints before each check; on a terminal it first
/// clears the screen, so each result shows in place.
pub fn checking(id: &str) -> String {
    let clear = if console::Term::stdout().is_term() {
        "\x1b[2J\x1b[H"
    } else {
        ""
    };
    format!("{clear}{}\n", style(format!("checking {id} …")).dim())
}

/// Which file change set off a check.
pub fn changed(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}\n", style(format!("{name} changed")).dim())
}

/// The keys `workshop watch` takes.
pub fn keys(id: &str) -> String {
    format!(
        "{}\n",
        style(format!(
            "watching {id}: save a .go file to check again · h hint · l list · c check · q quit"
        ))
        .dim()
    )
}
