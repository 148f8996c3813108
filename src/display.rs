//! How values read in messages, wherever the message is made: paths relative
//! to the current directory, errors with their causes. A leaf.

use std::path::{Path, PathBuf};

/// The root of the workshop being worked on, once loaded: paths inside it
/// are shown relative to the current directory even from a subdirectory.
static ROOT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Says which workshop root paths are shown against.
pub fn set_root(root: &Path) {
    let _ = ROOT.set(root.to_owned());
}

/// `path` relative to the current directory when it lies below it; inside
/// the workshop, relative from a subdirectory of it too (`../../docs/x.md`),
/// as a shell there needs it; else as is.
pub fn path(path: &Path) -> String {
    shown(
        path,
        std::env::current_dir().ok().as_deref(),
        ROOT.get().map(PathBuf::as_path),
    )
}

/// A page of the workshop text, given relative to the workshop root.
pub fn page(relative: &Path) -> String {
    match ROOT.get() {
        Some(root) if relative.is_relative() => path(&root.join(relative)),
        _ => relative.display().to_string(),
    }
}

fn shown(path: &Path, cwd: Option<&Path>, root: Option<&Path>) -> String {
    let Some(cwd) = cwd else {
        return path.display().to_string();
    };
    let cwd = cwd.canonicalize().unwrap_or_else(|_| cwd.to_owned());
    if let Ok(below) = path.strip_prefix(&cwd)
        && !below.as_os_str().is_empty()
    {
        return below.display().to_string();
    }
    if let Some(root) = root
        && path.starts_with(root)
        && let Ok(up) = cwd.strip_prefix(root)
        && up.components().count() > 0
    {
        let mut relative = PathBuf::new();
        for _ in up.components() {
            relative.push("..");
        }
        relative.push(path.strip_prefix(root).unwrap_or(path));
        return relative.display().to_string();
    }
    path.display().to_string()
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

/// A regular expression as a message shows it: one that only spells out a
/// name (`^heap/02\-retention\.Keep$`) as that name in quotes
/// (`"heap/02-retention.Keep"`), any other between slashes (`/Compile|compile/`).
pub fn pattern(pattern: &str) -> String {
    literal(pattern).map_or_else(|| format!("/{pattern}/"), |text| format!("\"{text}\""))
}

/// The text a pattern matches when it is plain text, escapes and anchors aside.
fn literal(pattern: &str) -> Option<String> {
    let inner = pattern.strip_prefix('^').unwrap_or(pattern);
    let inner = match inner.strip_suffix('$') {
        Some(rest) if !rest.ends_with('\\') || rest.ends_with("\\\\") => rest,
        _ => inner,
    };
    let mut text = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(escaped) if escaped.is_ascii_punctuation() => text.push(escaped),
                _ => return None,
            },
            '.' | '[' | ']' | '(' | ')' | '{' | '}' | '*' | '+' | '?' | '|' | '^' | '$' => {
                return None;
            }
            c => text.push(c),
        }
    }
    (!text.is_empty()).then_some(text)
}

/// The columns `text` takes on a terminal: East Asian wide characters take
/// two, colour codes none.
pub fn width(text: &str) -> usize {
    console::measure_text_width(text)
}

/// `text` followed by spaces up to `columns` terminal columns.
pub fn pad(text: &str, columns: usize) -> String {
    console::pad_str(text, columns, console::Alignment::Left, None).into_owned()
}

/// Spaces, then `text`, up to `columns` terminal columns.
pub fn pad_left(text: &str, columns: usize) -> String {
    console::pad_str(text, columns, console::Alignment::Right, None).into_owned()
}

/// `text` cut to at most `columns` terminal columns, never inside a character.
pub fn truncate(text: &str, columns: usize) -> String {
    console::truncate_str(text, columns, "").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_workshop_are_shown_from_where_one_stands() {
        let root = Path::new("/w");
        let page = Path::new("/w/docs/exercises/cpu-01.md");
        assert_eq!(
            shown(page, Some(root), Some(root)),
            "docs/exercises/cpu-01.md"
        );
        assert_eq!(
            shown(page, Some(Path::new("/w/exercises/cpu/01")), Some(root)),
            "../../../docs/exercises/cpu-01.md"
        );
        assert_eq!(
            shown(page, Some(Path::new("/elsewhere")), Some(root)),
            "/w/docs/exercises/cpu-01.md"
        );
        assert_eq!(
            shown(page, Some(Path::new("/w/docs")), None),
            "exercises/cpu-01.md"
        );
    }

    #[test]
    fn names_read_as_names_and_patterns_as_patterns() {
        assert_eq!(pattern(r"heap/02\-retention"), "\"heap/02-retention\"");
        assert_eq!(pattern(r"^service/01-search\.$"), "\"service/01-search.\"");
        assert_eq!(pattern(r"\(\*Index\)\.Search"), "\"(*Index).Search\"");
        assert_eq!(
            pattern(r"^regexp\.(Compile|compile)$"),
            r"/^regexp\.(Compile|compile)$/"
        );
        assert_eq!(pattern(r"service/01-search."), "/service/01-search./");
        assert_eq!(pattern(r"a\d"), r"/a\d/");
        assert_eq!(pattern(r"a\$"), "\"a$\"");
        assert_eq!(pattern("^$"), "/^$/");
    }
}
