//! Errors of the manifest boundary: every one names the file, and where it can, the
//! line and column and what was expected there.

use std::fmt;
use std::path::{Path, PathBuf};

use super::locate::Position;

/// One problem found in a manifest file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub position: Option<Position>,
    pub message: String,
    /// The text of the offending line, for the excerpt under the message.
    pub line_text: Option<String>,
}

impl Diagnostic {
    pub fn new(file: &Path, source: &str, position: Option<Position>, message: String) -> Self {
        let line_text = position
            .and_then(|p| source.lines().nth(p.line.saturating_sub(1)))
            .map(str::to_owned);
        Diagnostic {
            file: file.to_owned(),
            position,
            message,
            line_text,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::paths::display(&self.file);
        match self.position {
            Some(p) => write!(f, "{file}:{}:{}: {}", p.line, p.column, self.message)?,
            None => write!(f, "{file}: {}", self.message)?,
        }
        if let (Some(p), Some(text)) = (self.position, &self.line_text) {
            let number = p.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = text
                .chars()
                .take(p.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n{pad} |\n{number} | {text}\n{pad} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// Why a workshop could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error(
        "no workshop.yaml in {} or any directory above it (run inside a workshop, or pass --root DIR)",
        crate::paths::display(start)
    )]
    NotFound { start: PathBuf },

    #[error("cannot read {}", crate::paths::display(path))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&d.to_string());
    }
    if diagnostics.len() > 1 {
        out.push_str(&format!(
            "\n\n{} problems in the manifest",
            diagnostics.len()
        ));
    }
    out
}

/// Rewrites serde's "unknown field/variant" messages into one that suggests the
/// closest valid name. Returns the name that was not known and the new message.
pub fn explain_unknown(message: &str) -> Option<(String, String)> {
    let (what, rest) = if let Some(rest) = message.strip_prefix("unknown field `") {
        ("key", rest)
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        ("kind", rest)
    } else {
        return None;
    };
    let (name, expected) = rest.split_once('`')?;
    let valid: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let mut text = format!("unknown {what} `{name}`");
    if let Some(best) = closest(name, valid.iter().copied()) {
        text.push_str(&format!("; did you mean `{best}`?"));
    }
    if valid.is_empty() {
        text.push_str(" (no keys are allowed here)");
    } else {
        text.push_str(&format!(" (expected one of: {})", valid.join(", ")));
    }
    Some((name.to_owned(), text))
}

/// The candidate closest to `name`, if any is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_suggests_closest() {
        let (name, text) = explain_unknown(
            "unknown field `benchtme`, expected one of `bench`, `benchtime`, `count`",
        )
        .unwrap();
        assert_eq!(name, "benchtme");
        assert_eq!(
            text,
            "unknown key `benchtme`; did you mean `benchtime`? (expected one of: bench, benchtime, count)"
        );
    }

    #[test]
    fn unknown_variant_without_close_match() {
        let (_, text) = explain_unknown("unknown variant `zzz`, expected `bench-metric`").unwrap();
        assert_eq!(text, "unknown kind `zzz` (expected one of: bench-metric)");
    }

    #[test]
    fn diagnostic_shows_excerpt_with_caret() {
        let d = Diagnostic::new(
            Path::new("/nonexistent/check.yaml"),
            "a: 1\n  bad: 2\n",
            Some(Position { line: 2, column: 3 }),
            "oops".into(),
        );
        let text = d.to_string();
        assert!(text.ends_with("2 |   bad: 2\n  |   ^"), "{text}");
        assert!(text.contains(":2:3: oops"));
    }
}
