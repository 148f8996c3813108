//! A problem in a YAML file, with its place and an excerpt of the line, and the
//! rewriting of serde's messages into ones that suggest what was meant.

use std::fmt;
use std::path::{Path, PathBuf};

use super::locate::Position;
use crate::tr;

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
            let (text, column) = excerpt(text, p.column);
            let caret_pad: String = text
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n{pad} |\n{number} | {text}\n{pad} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// The most characters of a line an excerpt shows, so that it fits a terminal.
const EXCERPT_WIDTH: usize = 72;

/// The part of `line` an excerpt shows around the 1-based character `column`,
/// with `…` where it is cut, and the column of the caret in it.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let total = line.chars().count();
    if total <= EXCERPT_WIDTH {
        return (line.to_owned(), column);
    }
    let at = column.saturating_sub(1).min(total);
    let end = (at.saturating_sub(EXCERPT_WIDTH / 2) + EXCERPT_WIDTH).min(total);
    let start = end - EXCERPT_WIDTH;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(EXCERPT_WIDTH));
    if end < total {
        shown.push('…');
    }
    (shown, at - start + 1 + usize::from(start > 0))
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

/// `unknown key `x`; did you mean `y`? (expected one of: y, z)`: `what` is
/// `key` or `kind`.
pub fn unknown(what: &str, name: &str, valid: &[&str]) -> String {
    let best = closest(name, valid.iter().copied());
    tr!(
        "yaml-unknown",
        what = what,
        name = name,
        has_best = if best.is_some() { "yes" } else { "no" },
        best = best.unwrap_or(""),
        has_valid = if valid.is_empty() { "no" } else { "yes" },
        valid = crate::i18n::list(valid),
    )
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

/// serde's "missing field `x`" and "duplicate field `x`" in the reader's
/// language.
pub fn plain_field(message: &str) -> Option<String> {
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)?
            .strip_suffix('`')
            .filter(|name| !name.contains('`'))
    };
    if let Some(name) = quoted("missing field `") {
        Some(tr!("yaml-missing-field", name = name))
    } else {
        quoted("duplicate field `").map(|name| tr!("yaml-duplicate-field", name = name))
    }
}

/// serde's "invalid type: integer `-6`, expected u32" in plain words:
/// "expected a whole number of 0 or more, found -6".
pub fn plain_type(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    // What serde expects in words of its own (a type's `expecting`) stays
    // as it says it.
    let expected = match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => tr!("yaml-type-unsigned"),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => tr!("yaml-type-integer"),
        "f32" | "f64" => tr!("yaml-type-number"),
        "a boolean" => tr!("yaml-type-boolean"),
        "a string" => tr!("yaml-type-string"),
        "a sequence" => tr!("yaml-type-list"),
        "a map" => tr!("yaml-type-mapping"),
        other => other.to_owned(),
    };
    let found = match found.split_once(' ') {
        Some(("integer" | "boolean", value)) => value.trim_matches('`').to_owned(),
        Some(("floating", value)) => value
            .trim_start_matches("point ")
            .trim_matches('`')
            .to_owned(),
        Some(("string", value)) => value.to_owned(),
        _ => match found {
            "sequence" => tr!("yaml-type-list"),
            "map" => tr!("yaml-type-mapping"),
            "unit value" => tr!("yaml-found-nothing"),
            other => other.to_owned(),
        },
    };
    Some(tr!(
        "yaml-expected-found",
        expected = expected,
        found = found
    ))
}

/// A YAML syntax error in plain words, and where it is: an unclosed quote is
/// shown where it opens, not where the file ends. `None` for messages that are
/// not syntax errors.
pub fn syntax(
    message: &str,
    source: &str,
    at: Option<Position>,
) -> Option<(Option<Position>, String)> {
    let has = |phrase: &str| message.contains(phrase);
    let text = if has("while scanning a quoted scalar") {
        let opened = unclosed_quote(source).or(at);
        return Some((opened, tr!("yaml-unclosed-quote")));
    } else if has("tab character") || (has("cannot start any token") && tab_at(source, at)) {
        tr!("yaml-tab-indent")
    } else if has("mapping values are not allowed") {
        // The mark is at the colon; the key is where the reader looks.
        let key = at.and_then(|p| {
            let line = source.lines().nth(p.line.saturating_sub(1))?;
            let column = line.len() - line.trim_start().len() + 1;
            Some(Position { column, ..p })
        });
        return Some((key.or(at), tr!("yaml-key-cannot-start")));
    } else if has("did not find expected '-' indicator") {
        tr!("yaml-indent-list")
    } else if has("did not find expected key") {
        tr!("yaml-indent-keys")
    } else if has("did not find expected ',' or ']'") {
        tr!("yaml-unclosed-list")
    } else if has("did not find expected ',' or '}'") {
        tr!("yaml-unclosed-mapping")
    } else if has("unknown anchor") {
        tr!("yaml-unknown-anchor")
    } else if has("found unexpected end of stream") {
        tr!("yaml-unexpected-end")
    } else if has("found character that cannot start any token") {
        tr!("yaml-bad-character")
    } else {
        return None;
    };
    Some((at, text))
}

/// Whether the character at `at` is a tab.
fn tab_at(source: &str, at: Option<Position>) -> bool {
    at.and_then(|p| source.lines().nth(p.line.saturating_sub(1)))
        .is_some_and(|line| line.contains('\t'))
}

/// Where a quoted scalar that is never closed opens: quotes are followed
/// through the text as YAML reads them (a quote opens a scalar only where a
/// value starts; `\"` and `''` do not close one; `#` outside quotes starts a
/// comment).
pub fn unclosed_quote(source: &str) -> Option<Position> {
    let mut open: Option<(char, Position)> = None;
    for (number, line) in source.lines().enumerate() {
        let mut previous = ' ';
        let mut escaped = false;
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match open {
                Some(('"', _)) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        open = None;
                    }
                }
                Some((_, _)) => {
                    if c == '\'' {
                        if chars.get(i + 1) == Some(&'\'') {
                            i += 1;
                        } else {
                            open = None;
                        }
                    }
                }
                None => {
                    let starts_value = previous == ' ' || "-:[{,".contains(previous);
                    let before = chars[..i].iter().rev().find(|c| **c != ' ');
                    let at_value_start =
                        before.is_none_or(|b| matches!(b, ':' | '-' | '[' | '{' | ','));
                    if c == '#' && (i == 0 || previous == ' ') {
                        break;
                    }
                    if (c == '"' || c == '\'') && starts_value && at_value_start {
                        open = Some((
                            c,
                            Position {
                                line: number + 1,
                                column: i + 1,
                            },
                        ));
                    }
                }
            }
            previous = c;
            i += 1;
        }
    }
    open.map(|(_, position)| position)
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
    fn serde_types_in_plain_words() {
        assert_eq!(
            plain_type("invalid type: integer `-6`, expected u32").unwrap(),
            "expected a whole number of 0 or more, found -6"
        );
        assert_eq!(
            plain_type("invalid type: string \"lots\", expected f64").unwrap(),
            "expected a number, found \"lots\""
        );
        assert_eq!(
            plain_type("invalid type: floating point `2.5`, expected u32").unwrap(),
            "expected a whole number of 0 or more, found 2.5"
        );
        assert_eq!(
            plain_type("invalid type: map, expected a sequence").unwrap(),
            "expected a list, found a mapping"
        );
        assert_eq!(plain_type("unknown field `x`"), None);
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let at = |line, column| Some(Position { line, column });
        assert_eq!(unclosed_quote("title: \"Goals met\nruns: []\n"), at(1, 8));
        assert_eq!(unclosed_quote("a: \"x\\\"y\"\nb: 'it''s\n"), at(2, 4));
        assert_eq!(unclosed_quote("a: don't # it's\nb: \"ok\"\n"), None);
        assert_eq!(unclosed_quote("- \"a\"\n- 'b\n"), at(2, 3));
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
    fn a_long_line_is_shown_around_the_column() {
        let line = format!("{}bogus: 1{}", "a".repeat(1_000_000), "z".repeat(500));
        let d = Diagnostic::new(
            Path::new("/nonexistent/check.yaml"),
            &line,
            Some(Position {
                line: 1,
                column: 1_000_001,
            }),
            "oops".into(),
        );
        let text = d.to_string();
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines[2].strip_prefix("1 | ").unwrap();
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{text}");
        assert_eq!(shown.chars().count(), EXCERPT_WIDTH + 2);
        let caret = lines[3].strip_prefix("  | ").unwrap();
        let under: String = shown.chars().skip(caret.len() - 1).take(5).collect();
        assert_eq!(under, "bogus");
        // At either end, the excerpt is cut on one side only.
        assert_eq!(excerpt(&line, 1), (format!("{}…", "a".repeat(72)), 1));
        let (shown, column) = excerpt(&line, line.len());
        assert_eq!(shown, format!("…{}", "z".repeat(72)));
        assert_eq!(column, 73);
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
