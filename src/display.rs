//! How values read in messages, wherever the message is made: paths relative
//! to the current directory, errors with their causes. A leaf.

use std::path::Path;

/// `path` relative to the current directory when it lies below it, else as is.
pub fn path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let cwd = cwd.canonicalize().unwrap_or(cwd);
            path.strip_prefix(&cwd).ok().map(Path::to_owned)
        })
        .filter(|relative| !relative.as_os_str().is_empty())
        .unwrap_or_else(|| path.to_owned())
        .display()
        .to_string()
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
    use super::pattern;

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
