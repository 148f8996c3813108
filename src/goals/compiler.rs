//! What the goals on the compiler's decisions share: where in the package a
//! goal looks ([`Place`]: the functions a pattern names, or a line of a file
//! given by number or by a pattern over its text), the decisions made there,
//! and their evidence in the compiler's own words.

use regex::Regex;

use super::{Checker, Facts, Matched, Outcome, Requirement, Status};
use crate::compiler::{Decision, Decisions, Fact};
use crate::tr;

/// Where a goal on the compiler's decisions looks.
#[derive(Debug, Clone)]
pub enum Place {
    /// The functions whose names (as pprof names them) match.
    Function { text: String, pattern: Regex },
    /// One line of a file of the package.
    Line { file: String, line: u32 },
    /// The lines of a file whose text matches: the goal follows its line
    /// when lines above it come or go.
    Near {
        file: String,
        text: String,
        pattern: Regex,
    },
}

/// The keys every compiler goal takes to say where it looks.
#[derive(Debug, Default)]
pub struct PlaceKeys {
    pub function: Option<String>,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub near: Option<String>,
}

impl Place {
    /// Validates the place keys: `function`, or `file` with `line` or `near`.
    pub fn read(keys: PlaceKeys, checker: &mut Checker<'_, '_>) -> Place {
        let fallback = || Place::Line {
            file: String::new(),
            line: 0,
        };
        match keys {
            PlaceKeys {
                function: Some(text),
                file: None,
                line: None,
                near: None,
            } => {
                let pattern = checker.regex("function", &text);
                Place::Function { text, pattern }
            }
            PlaceKeys {
                function: None,
                file: Some(file),
                line,
                near,
            } => {
                let plain =
                    file.ends_with(".go") && !file.contains(['/', '\\']) && !file.starts_with('.');
                if !plain {
                    checker.problem("file", tr!("compiler-file-plain", file = &file));
                }
                match (line, near) {
                    (Some(0), None) => {
                        checker.problem("line", tr!("compiler-line-zero"));
                        fallback()
                    }
                    (Some(line), None) => Place::Line { file, line },
                    (None, Some(text)) => {
                        let pattern = checker.regex("near", &text);
                        Place::Near {
                            file,
                            text,
                            pattern,
                        }
                    }
                    (line, _) => {
                        // Both given: the second is at fault; neither: the file.
                        let key = if line.is_some() { "near" } else { "file" };
                        checker.problem(key, tr!("compiler-line-or-near"));
                        fallback()
                    }
                }
            }
            _ => {
                checker.problem("", tr!("compiler-place"));
                fallback()
            }
        }
    }

    /// The place in words: "functions matching `\.Parse$`", "parse.go:12".
    pub fn describe(&self) -> String {
        match self {
            Place::Function { text, .. } => {
                tr!(
                    "compiler-place-function",
                    pattern = crate::display::pattern(text)
                )
            }
            Place::Line { file, line } => format!("{file}:{line}"),
            Place::Near { file, text, .. } => tr!(
                "compiler-place-near",
                file = file,
                pattern = crate::display::pattern(text)
            ),
        }
    }

    /// Whether the function named `name` is one the place names.
    pub fn names(&self, name: &str) -> bool {
        matches!(self, Place::Function { pattern, .. } if pattern.is_match(name))
    }

    /// What the place matches in `decisions`: the functions (or lines) it
    /// names, and what to show when it names none.
    pub fn matched(&self, decisions: &Decisions) -> Matched {
        let (pattern, found) = match self {
            Place::Function { text, pattern } => (
                text.clone(),
                decisions
                    .functions
                    .iter()
                    .filter(|f| pattern.is_match(&f.name))
                    .count(),
            ),
            Place::Line { file, line } => (
                format!("{file}:{line}"),
                decisions
                    .sources
                    .get(file)
                    .map_or(0, |s| usize::from(s.lines().count() >= *line as usize)),
            ),
            Place::Near { text, .. } => (text.clone(), self.lines(decisions).len()),
        };
        Matched {
            pattern,
            functions: found,
            top: decisions.function_names().take(8).map(short).collect(),
            within: "compiler",
            missed: 0,
        }
    }

    /// The lines of its file that a `near:` place matches.
    fn lines(&self, decisions: &Decisions) -> Vec<u32> {
        let Place::Near { file, pattern, .. } = self else {
            return Vec::new();
        };
        decisions.sources.get(file).map_or_else(Vec::new, |source| {
            source
                .lines()
                .enumerate()
                .filter(|(_, text)| pattern.is_match(text))
                .map(|(n, _)| n as u32 + 1)
                .collect()
        })
    }

    /// The decisions made at the place.
    pub fn facts<'d>(&self, decisions: &'d Decisions) -> Vec<&'d Fact> {
        let near = self.lines(decisions);
        decisions
            .facts
            .iter()
            .filter(|fact| match self {
                Place::Function { pattern, .. } => fact
                    .function
                    .as_deref()
                    .is_some_and(|f| pattern.is_match(f)),
                Place::Line { file, line } => fact.at.file == *file && fact.at.line == *line,
                Place::Near { file, .. } => fact.at.file == *file && near.contains(&fact.at.line),
            })
            .collect()
    }
}

/// A function's name without its package's path, for lists
/// (`kinds.hash` of `example.com/x/kinds.hash`).
pub fn short(name: &str) -> String {
    let cut = name.find(['(', '[']).unwrap_or(name.len());
    match name[..cut].rfind('/') {
        Some(slash) => name[slash + 1..].to_owned(),
        None => name.to_owned(),
    }
}

/// What every compiler goal needs measured.
pub fn requirements() -> Vec<Requirement> {
    vec![Requirement::Compiler]
}

/// The decisions of this check, or the outcome that says why there are none
/// to judge; when the place matches nothing, the failed outcome that says so.
pub fn prepare<'f>(
    facts: &'f Facts,
    place: &Place,
    outcome: &mut Outcome,
) -> Option<&'f Decisions> {
    let decisions = match &facts.compiler {
        None => {
            *outcome = outcome.clone().inconclusive(tr!("compiler-not-measured"));
            return None;
        }
        Some(Err(why)) => {
            outcome.status = Status::Fail;
            outcome.explanation = Some(tr!("compiler-not-whole", why = why));
            return None;
        }
        Some(Ok(decisions)) => decisions,
    };
    let matched = place.matched(decisions);
    if matched.functions == 0 {
        outcome.status = Status::Fail;
        outcome.explanation = Some(tr!(
            "compiler-place-matches-nothing",
            place = place.describe(),
            top = matched.top.join(", ")
        ));
        outcome.matched = Some(matched);
        return None;
    }
    outcome.matched = Some(matched);
    Some(decisions)
}

/// A decision in the compiler's words, at its place: `parse.go:12:5: moved to
/// heap: buf`, then the first lines of the compiler's reason.
pub fn evidence(fact: &Fact) -> Vec<String> {
    let said = match fact.said.split_once(" as: ") {
        Some((head, _)) => head,
        None => &fact.said,
    };
    let mut lines = vec![format!("{}: {said}", fact.at)];
    let why = match &fact.decision {
        Decision::Heap { why, .. } | Decision::Leaks { why, .. } => why.as_slice(),
        _ => &[],
    };
    lines.extend(why.iter().take(WHY_LINES).map(|w| format!("    {w}")));
    lines
}

/// How many lines of the compiler's reason a decision shows.
const WHY_LINES: usize = 6;

/// How many decisions a goal shows as evidence.
pub const EVIDENCE: usize = 6;

#[cfg(test)]
pub(crate) mod testing {
    use std::collections::BTreeMap;

    use crate::compiler::Decisions;

    /// The decisions of Go 1.26 about tests/fixtures/compiler/src/kinds.
    pub fn kinds() -> Decisions {
        let output = include_str!("../../tests/fixtures/compiler/go1.26.txt");
        let source = include_str!("../../tests/fixtures/compiler/src/kinds/kinds.go");
        crate::compiler::parse(
            output,
            |path| path.strip_prefix("kinds/").map(str::to_owned),
            BTreeMap::from([("kinds.go".to_owned(), source.to_owned())]),
        )
    }

    /// Facts holding those decisions.
    pub fn facts() -> crate::goals::Facts {
        crate::goals::Facts {
            compiler: Some(Ok(kinds())),
            ..Default::default()
        }
    }
}
