//! Positions of YAML nodes by path, so that errors found after deserialising
//! (and serde errors whose own position is lost) can name a line and column.
//!
//! Paths use the notation of `serde_path_to_error`: `goals[2].at-most`.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// A 1-based line and column in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl From<Marker> for Position {
    fn from(marker: Marker) -> Self {
        Position {
            line: marker.line(),
            column: marker.col() + 1,
        }
    }
}

/// Where each node and each mapping key of one YAML document starts.
#[derive(Debug, Default)]
pub struct Locator {
    values: HashMap<String, Position>,
    keys: HashMap<String, Position>,
}

impl Locator {
    /// Index a YAML source. A source that does not parse yields an empty
    /// locator: serde_yaml reports syntax errors with their own position.
    pub fn new(source: &str) -> Locator {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(source);
        if parser.load(&mut builder, false).is_err() {
            return Locator::default();
        }
        builder.locator
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &str) -> Option<Position> {
        self.values.get(normalise(path)).copied()
    }

    /// Where the key of the mapping entry at `path` starts (falls back to the value).
    pub fn key(&self, path: &str) -> Option<Position> {
        self.keys
            .get(normalise(path))
            .copied()
            .or_else(|| self.value(path))
    }
}

fn normalise(path: &str) -> &str {
    if path == "." { "" } else { path }
}

/// Joins a child onto a path: `join("goals[0]", "id")` is `goals[0].id`.
pub fn child(path: &str, key: &str) -> String {
    match normalise(path) {
        "" => key.to_owned(),
        parent => format!("{parent}.{key}"),
    }
}

/// Joins a path relative to `base` (as `serde_path_to_error` prints it, `.`
/// for the value itself) onto `base`.
pub fn join(base: &str, relative: &str) -> String {
    match (normalise(base), normalise(relative)) {
        (base, "") => base.to_owned(),
        ("", relative) => relative.to_owned(),
        (base, relative) if relative.starts_with('[') => format!("{base}{relative}"),
        (base, relative) => format!("{base}.{relative}"),
    }
}

/// The path of element `index` of the sequence at `path`.
pub fn element(path: &str, index: usize) -> String {
    format!("{}[{index}]", normalise(path))
}

enum Frame {
    Sequence {
        path: String,
        next: usize,
    },
    Mapping {
        path: String,
        pending_key: Option<String>,
    },
}

#[derive(Default)]
struct Builder {
    locator: Locator,
    stack: Vec<Frame>,
}

impl Builder {
    /// The path of the node that starts now, or `None` when the node is a mapping key.
    fn next_path(&mut self, scalar: Option<&str>, position: Position) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Sequence { path, next }) => {
                let p = element(path, *next);
                *next += 1;
                Some(p)
            }
            Some(Frame::Mapping { path, pending_key }) => match pending_key.take() {
                Some(key) => Some(child(path, &key)),
                None => {
                    // A block mapping's own marker points past its first key; the
                    // first key is where a reader sees the mapping start.
                    self.locator.values.entry(path.clone()).or_insert(position);
                    let key = scalar.unwrap_or("").to_owned();
                    self.locator
                        .keys
                        .entry(child(path, &key))
                        .or_insert(position);
                    *pending_key = Some(key);
                    None
                }
            },
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, marker: Marker) {
        let position = Position::from(marker);
        match event {
            Event::Scalar(value, ..) => {
                if let Some(path) = self.next_path(Some(&value), position) {
                    self.locator.values.entry(path).or_insert(position);
                }
            }
            Event::Alias(_) => {
                if let Some(path) = self.next_path(None, position) {
                    self.locator.values.entry(path).or_insert(position);
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                // A collection used as a mapping key has no sensible path; give it an empty one.
                let path = self.next_path(None, position).unwrap_or_default();
                let is_sequence = matches!(event, Event::SequenceStart(..));
                if is_sequence {
                    self.locator.values.entry(path.clone()).or_insert(position);
                }
                self.stack.push(if is_sequence {
                    Frame::Sequence { path, next: 0 }
                } else {
                    Frame::Mapping {
                        path,
                        pending_key: None,
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let source = "title: x\ngoals:\n  - id: a\n    at-most: 2\n  - id: b\n";
        let locator = Locator::new(source);
        assert_eq!(
            locator.value("title"),
            Some(Position { line: 1, column: 8 })
        );
        assert_eq!(
            locator.key("goals[0].at-most"),
            Some(Position { line: 4, column: 5 })
        );
        assert_eq!(
            locator.value("goals[0].at-most"),
            Some(Position {
                line: 4,
                column: 14
            })
        );
        assert_eq!(
            locator.value("goals[1].id"),
            Some(Position { line: 5, column: 9 })
        );
        assert_eq!(
            locator.value("goals[1]"),
            Some(Position { line: 5, column: 5 })
        );
    }

    #[test]
    fn relative_paths_join_their_base() {
        assert_eq!(join("goals[0]", "."), "goals[0]");
        assert_eq!(join("goals[0]", "at-most"), "goals[0].at-most");
        assert_eq!(join("goals[0]", "[1].x"), "goals[0][1].x");
        assert_eq!(join("", "title"), "title");
    }

    #[test]
    fn broken_source_gives_empty_locator() {
        let locator = Locator::new("title: [\n");
        assert_eq!(locator.value("title"), None);
    }
}
