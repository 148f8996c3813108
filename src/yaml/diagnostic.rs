//! A problem in a YAML file, with its place and an excerpt of the line, and the
//! rewriting of serde's messages into ones that suggest what was meant.

use std::fmt;
use std::path::{Path, PathBuf};

use super::locate::Position;

/// One problem found in a YAML file.
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
        let file = crate::display::path(&self.file);
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

/// Keys that are valid beside the ones a struct declares (a goal's common
/// keys around its kind's), for the "expected one of" list of an unknown key.
#[derive(Debug, Clone, Copy, Default)]
pub struct Beside<'a> {
    pub before: &'a [&'a str],
    pub after: &'a [&'a str],
}

/// Rewrites serde's "unknown field/variant" messages into one that suggests the
/// closest valid name. Returns the name that was not known and the new message.
pub fn explain_unknown(message: &str, beside: Beside<'_>) -> Option<(String, String)> {
    let (what, rest) = if let Some(rest) = message.strip_prefix("unknown field `") {
        ("key", rest)
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        ("kind", rest)
    } else {
        return None;
    };
    let (name, expected) = rest.split_once('`')?;
    let declared = expected.split('`').skip(1).step_by(2);
    let valid: Vec<&str> = if what == "key" {
        beside
            .before
            .iter()
            .copied()
            .chain(declared)
            .chain(beside.after.iter().copied())
            .collect()
    } else {
        declared.collect()
    };
    Some((name.to_owned(), unknown(what, name, &valid)))
}

/// `unknown key `x`; did you mean `y`? (expected one of: y, z)`.
pub fn unknown(what: &str, name: &str, valid: &[&str]) -> String {
    let mut text = format!("unknown {what} `{name}`");
    if let Some(best) = closest(name, valid.iter().copied()) {
        text.push_str(&format!("; did you mean `{best}`?"));
    }
    if valid.is_empty() {
        text.push_str(" (no keys are allowed here)");
    } else {
        text.push_str(&format!(" (expected one of: {})", valid.join(", ")));
    }
    text
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

/// serde_yaml's message without its own path prefix and position suffix.
pub fn serde_message(text: &str) -> String {
    let text = match text.rfind(" at line ") {
        Some(i) if text[i..].contains(" column ") => &text[..i],
        _ => text,
    };
    const PHRASES: [&str; 8] = [
        "unknown field",
        "unknown variant",
        "missing field",
        "invalid type",
        "invalid value",
        "invalid length",
        "duplicate field",
        "duplicate entry",
    ];
    PHRASES
        .iter()
        .filter_map(|p| text.find(p))
        .min()
        .map_or(text, |i| &text[i..])
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_suggests_closest() {
        let (name, text) = explain_unknown(
            "unknown field `benchtme`, expected one of `bench`, `benchtime`, `count`",
            Beside::default(),
        )
        .unwrap();
        assert_eq!(name, "benchtme");
        assert_eq!(
            text,
            "unknown key `benchtme`; did you mean `benchtime`? (expected one of: bench, benchtime, count)"
        );
    }

    #[test]
    fn unknown_field_lists_the_keys_beside() {
        let (_, text) = explain_unknown(
            "unknown field `metrc`, expected one of `benchmark`, `metric`",
            Beside {
                before: &["id", "run"],
                after: &["hint"],
            },
        )
        .unwrap();
        assert_eq!(
            text,
            "unknown key `metrc`; did you mean `metric`? (expected one of: id, run, benchmark, metric, hint)"
        );
    }

    #[test]
    fn unknown_variant_without_close_match() {
        let (_, text) = explain_unknown(
            "unknown variant `zzz`, expected `bench-metric`",
            Beside::default(),
        )
        .unwrap();
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

    #[test]
    fn serde_messages_lose_prefix_and_position() {
        assert_eq!(
            serde_message("goals: unknown field `x`, expected `id` at line 3 column 3"),
            "unknown field `x`, expected `id`"
        );
        assert_eq!(serde_message("something else"), "something else");
    }
}
