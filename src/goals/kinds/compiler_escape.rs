//! `compiler-escape`: how many values of a function (or of a line) the
//! compiler puts on the heap (`moved to heap: x`, `... escapes to heap`), as
//! `-gcflags=-m=2` says, with its reason.

use regex::Regex;
use serde::Deserialize;

use crate::compiler::Decision;
use crate::goals::compiler::{self, EVIDENCE, Place, PlaceKeys};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;

/// "No variable of `Parse` moves to the heap".
#[derive(Debug, Clone)]
pub struct CompilerEscape {
    pub place: Place,
    /// Only what matches counts (`^buf$`, `^make\(`), as written and read.
    pub value: Option<(String, Regex)>,
    pub bound: Bound,
}

/// The keys of a `compiler-escape` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CompilerEscapeFile {
    #[serde(default)]
    pub function: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(default)]
    pub near: Option<String>,
    /// A regular expression over what goes to the heap, as the compiler names it.
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
}

impl Kind for CompilerEscape {
    type File = CompilerEscapeFile;

    fn validate(file: CompilerEscapeFile, checker: &mut Checker<'_, '_>) -> Self {
        let place = Place::read(
            PlaceKeys {
                function: file.function,
                file: file.file,
                line: file.line,
                near: file.near,
            },
            checker,
        );
        let value = file.value.map(|text| {
            let pattern = checker.regex("value", &text);
            (text, pattern)
        });
        let bound = checker.bound(file.at_most, file.at_least);
        checker.within(bound, Domain::Count, &tr!("compiler-escape-what"));
        CompilerEscape {
            place,
            value,
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        compiler::requirements()
    }

    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let place = self.place.describe();
        let mut outcome = Outcome::new(
            tr!("compiler-escape-subject", place = &place),
            Some(self.bound),
        );
        let Some(decisions) = compiler::prepare(facts, &self.place, &mut outcome) else {
            return outcome;
        };
        let heap: Vec<_> = self
            .place
            .facts(decisions)
            .into_iter()
            .filter(|fact| match &fact.decision {
                Decision::Heap { what, .. } => {
                    self.value.as_ref().is_none_or(|(_, p)| p.is_match(what))
                }
                _ => false,
            })
            .collect();
        let count = heap.len() as f64;
        if !outcome.judge(count) {
            outcome.explanation = Some(tr!(
                "compiler-escape-holds",
                count = heap.len(),
                place = &place
            ));
        }
        outcome.evidence = heap
            .iter()
            .take(EVIDENCE)
            .flat_map(|fact| compiler::evidence(fact))
            .collect();
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::compiler::testing::facts;

    fn goal(place: Place, bound: Bound) -> CompilerEscape {
        CompilerEscape {
            place,
            value: None,
            bound,
        }
    }

    fn function(pattern: &str) -> Place {
        Place::Function {
            text: pattern.into(),
            pattern: Regex::new(pattern).unwrap(),
        }
    }

    #[test]
    fn a_variable_moved_to_the_heap_fails_with_the_compilers_reason() {
        let outcome = goal(function(r"\.NewPoint$"), Bound::AtMost(0.0)).evaluate(&facts());
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.measured, Some(1.0));
        assert_eq!(outcome.evidence[0], "kinds.go:39:2: moved to heap: p");
        assert!(outcome.evidence[1].contains("flow: ~r0 ← &p"), "{:?}", outcome.evidence);
    }

    #[test]
    fn nothing_on_the_heap_passes() {
        let outcome = goal(function(r"\.SumAll$"), Bound::AtMost(0.0)).evaluate(&facts());
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert_eq!(outcome.measured, Some(0.0));
    }

    #[test]
    fn a_line_found_by_its_text() {
        let near = Place::Near {
            file: "kinds.go".into(),
            text: "make\\(\\[\\]byte, n\\)".into(),
            pattern: Regex::new(r"make\(\[\]byte, n\)").unwrap(),
        };
        let mut g = goal(near, Bound::AtMost(0.0));
        g.value = Some(("^make".into(), Regex::new("^make").unwrap()));
        let outcome = g.evaluate(&facts());
        assert_eq!(outcome.measured, Some(1.0));
        assert_eq!(outcome.status, Status::Fail);
    }

    #[test]
    fn a_function_that_is_not_there_is_never_met() {
        let outcome = goal(function(r"\.Parse$"), Bound::AtMost(0.0)).evaluate(&facts());
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.matched.as_ref().unwrap().functions, 0);
        assert!(outcome.explanation.unwrap().contains("match nothing"));
    }

    #[test]
    fn no_decisions_is_inconclusive() {
        let outcome =
            goal(function("x"), Bound::AtMost(0.0)).evaluate(&crate::goals::Facts::default());
        assert_eq!(outcome.status, Status::Inconclusive);
    }
}
