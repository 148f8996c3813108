//! YAML files read with their positions: a document deserialises into serde
//! types (with `deny_unknown_fields`), and every problem, whether serde's or one
//! found afterwards, names the file, line and column of the key or value at
//! fault, with an excerpt of the line. A file too large or nested too deep is
//! refused before any parser reads it.

pub mod bounds;
mod diagnostic;
pub mod locate;

use std::path::Path;
use std::time::Duration;

use serde::de::DeserializeOwned;

pub use diagnostic::{Beside, Diagnostic, closest, unknown};
use diagnostic::{explain_unknown, plain_field, plain_type, serde_message, syntax};
use locate::Locator;

use crate::tr;

/// The longest duration a file may give: a week, far beyond any wait in a
/// workshop, and small enough that adding it to an `Instant` or another
/// duration cannot overflow.
const LONGEST: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// One YAML file being read: its text and the positions of its nodes.
pub struct Document<'a> {
    path: &'a Path,
    source: &'a str,
    locator: Locator,
}

impl<'a> Document<'a> {
    /// The document in `source`, read from `path`; a problem when it is larger
    /// or nests deeper than [`bounds`] allows, found before it is parsed.
    pub fn new(path: &'a Path, source: &'a str) -> Result<Self, Diagnostic> {
        bounds::check(source).map_err(|exceeded| refused(path, source, exceeded))?;
        Ok(Document {
            path,
            source,
            locator: Locator::new(source),
        })
    }

    /// A problem with the node at `path`: its value, else its key, else the
    /// start of the document (for a key that is absent, like a defaulted `package`).
    pub fn at(&self, path: &str, message: String) -> Diagnostic {
        let position = self
            .locator
            .value(path)
            .or_else(|| self.locator.key(path))
            .or_else(|| self.locator.value(""));
        Diagnostic::new(self.path, self.source, position, message)
    }

    /// Whether the document has a key at `path`.
    pub fn has(&self, path: &str) -> bool {
        self.locator.key(path).is_some()
    }

    /// The whole document as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        let deserializer = serde_yaml::Deserializer::from_str(self.source);
        serde_path_to_error::deserialize(deserializer)
            .map_err(|error| self.serde_problem("", error, Beside::default()))
    }

    /// A node of the document, taken out as a value at `base`, as `T`; an unknown
    /// key lists the keys `beside` too as valid.
    pub fn read<T: DeserializeOwned>(
        &self,
        value: serde_yaml::Value,
        base: &str,
        beside: Beside<'_>,
    ) -> Result<T, Diagnostic> {
        serde_path_to_error::deserialize(value)
            .map_err(|error| self.serde_problem(base, error, beside))
    }

    fn serde_problem(
        &self,
        base: &str,
        error: serde_path_to_error::Error<serde_yaml::Error>,
        beside: Beside<'_>,
    ) -> Diagnostic {
        let path = locate::join(base, &error.path().to_string());
        let error = error.into_inner();
        let message = serde_message(&error.to_string());
        let serde_position = error.location().map(|l| locate::Position {
            line: l.line(),
            column: l.column(),
        });
        if let Some((position, text)) = syntax(&message, self.source, serde_position) {
            return Diagnostic::new(self.path, self.source, position, text);
        }
        let explained = explain_unknown(&message, beside);
        // An unknown key is reported at the key, without the mapping's path.
        let unknown_key = explained.is_some() && message.starts_with("unknown field");
        let message = plain_type(&message)
            .or_else(|| plain_field(&message))
            .unwrap_or(message);
        let (position, message) = match explained {
            Some((name, text)) if unknown_key => {
                // Read from a document, the error's path is the mapping's; read
                // from a value, it is the unknown key's own.
                let key = locate::child(&path, &name);
                let position = self.locator.key(&key).or_else(|| self.locator.key(&path));
                (position, text)
            }
            Some((_, text)) => (self.locator.value(&path), text),
            None => (self.locator.value(&path), message),
        };
        let message = match path.as_str() {
            "" => message,
            _ if unknown_key => message,
            _ => format!("{path}: {message}"),
        };
        Diagnostic::new(self.path, self.source, position.or(serde_position), message)
    }

    /// A duration such as `90s`, `2m` or `1m30s` at `path`; a problem when it is
    /// not one (or is zero).
    pub fn duration(
        &self,
        path: &str,
        text: Option<&str>,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Duration> {
        let text = text?;
        match humantime::parse_duration(text) {
            Ok(d) if d > LONGEST => {
                problems.push(self.at(path, tr!("yaml-duration-too-long", text = text)));
                None
            }
            Ok(d) if !d.is_zero() => Some(d),
            _ => {
                problems.push(self.at(path, tr!("yaml-not-duration", text = text)));
                None
            }
        }
    }
}

/// The problem of a file refused by [`bounds::check`].
pub fn refused(path: &Path, source: &str, exceeded: bounds::Exceeded) -> Diagnostic {
    match exceeded {
        bounds::Exceeded::Size => too_large(path),
        bounds::Exceeded::Depth(at) => Diagnostic::new(
            path,
            source,
            Some(at),
            tr!("yaml-too-deep", limit = bounds::MAX_DEPTH),
        ),
    }
}

/// The problem of a YAML file larger than [`bounds::MAX_BYTES`].
pub fn too_large(path: &Path) -> Diagnostic {
    Diagnostic {
        file: path.to_owned(),
        position: None,
        message: tr!(
            "yaml-too-large",
            limit = crate::units::bytes(bounds::MAX_BYTES)
        ),
        line_text: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_past_a_week_are_refused() {
        let path = Path::new("check.yaml");
        let document = Document::new(path, "timeout: x\n").unwrap();
        let mut problems = Vec::new();
        assert_eq!(
            document.duration("timeout", Some("7d"), &mut problems),
            Some(LONGEST)
        );
        for text in ["500000000000y", "7d 1s"] {
            assert_eq!(
                document.duration("timeout", Some(text), &mut problems),
                None
            );
        }
        assert_eq!(problems.len(), 2);
        for problem in &problems {
            assert!(
                problem.to_string().contains("is longer than a week"),
                "{problem}"
            );
        }
    }
}
