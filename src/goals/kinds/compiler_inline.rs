//! `compiler-inline`: the compiler's inlining, as `-gcflags=-m=2` says it.
//! Either the functions a pattern names can (or cannot) be inlined
//! (`inlinable:`), with their cost or the reason; or a call to a function
//! inside a place is inlined there (`call:`), such as the hot call that PGO
//! inlines when the exercise builds with `build.pgo`.

use regex::Regex;
use serde::Deserialize;

use crate::compiler::Decision;
use crate::goals::compiler::{self, EVIDENCE, Place, PlaceKeys, short};
use crate::goals::{Bound, Checker, Facts, Kind, Outcome, Requirement, Status};
use crate::tr;

/// "`hash` can be inlined", or "the call to `hash` in `Lookup` is inlined".
#[derive(Debug, Clone)]
pub struct CompilerInline {
    pub place: Place,
    pub want: Want,
}

/// What a `compiler-inline` goal asks.
#[derive(Debug, Clone)]
pub enum Want {
    /// Every function of the place can be inlined (or none can).
    Inlinable(bool),
    /// A call to a function matching the pattern is inlined in the place
    /// (or none is).
    Call {
        text: String,
        pattern: Regex,
        inlined: bool,
    },
}

/// The keys of a `compiler-inline` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CompilerInlineFile {
    #[serde(default)]
    pub function: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(default)]
    pub near: Option<String>,
    #[serde(default)]
    pub inlinable: Option<bool>,
    /// A regular expression over the called function's name.
    #[serde(default)]
    pub call: Option<String>,
    #[serde(default)]
    pub inlined: Option<bool>,
}

impl Kind for CompilerInline {
    type File = CompilerInlineFile;

    fn validate(file: CompilerInlineFile, checker: &mut Checker<'_, '_>) -> Self {
        let place = Place::read(
            PlaceKeys {
                function: file.function,
                file: file.file,
                line: file.line,
                near: file.near,
            },
            checker,
        );
        let want = match (file.inlinable, file.call, file.inlined) {
            (Some(inlinable), None, None) => {
                if !matches!(place, Place::Function { .. }) {
                    checker.problem("inlinable", tr!("compiler-inlinable-function"));
                }
                Want::Inlinable(inlinable)
            }
            (None, Some(text), inlined) => {
                let pattern = checker.regex("call", &text);
                Want::Call {
                    text,
                    pattern,
                    inlined: inlined.unwrap_or(true),
                }
            }
            (None, None, Some(_)) => {
                checker.problem("inlined", tr!("compiler-inlined-needs-call"));
                Want::Inlinable(true)
            }
            _ => {
                checker.problem("", tr!("compiler-inline-one-of"));
                Want::Inlinable(true)
            }
        };
        CompilerInline { place, want }
    }

    fn requirements(&self) -> Vec<Requirement> {
        compiler::requirements()
    }

    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let place = self.place.describe();
        match &self.want {
            Want::Inlinable(inlinable) => self.inlinable(facts, &place, *inlinable),
            Want::Call {
                text,
                pattern,
                inlined,
            } => self.call(facts, &place, (text, pattern), *inlined),
        }
    }
}

impl CompilerInline {
    /// Every function of the place can be inlined (`wanted`), or none can:
    /// measured as how many say otherwise.
    fn inlinable(&self, facts: &Facts, place: &str, wanted: bool) -> Outcome {
        let subject = if wanted {
            tr!("compiler-inline-subject-can", place = place)
        } else {
            tr!("compiler-inline-subject-cannot", place = place)
        };
        let mut outcome = Outcome::new(subject, Some(Bound::AtMost(0.0)));
        let Some(decisions) = compiler::prepare(facts, &self.place, &mut outcome) else {
            return outcome;
        };
        let verdicts: Vec<_> = decisions
            .facts
            .iter()
            .filter(|fact| match &fact.decision {
                Decision::Inlinable { function, .. } | Decision::NotInlinable { function, .. } => {
                    self.place.names(function)
                }
                _ => false,
            })
            .collect();
        let against: Vec<_> = verdicts
            .iter()
            .filter(|f| matches!(f.decision, Decision::Inlinable { .. }) != wanted)
            .collect();
        if !outcome.judge(against.len() as f64) {
            outcome.explanation = Some(if wanted {
                tr!("compiler-inline-cannot", count = against.len(), place = place)
            } else {
                tr!("compiler-inline-can", count = against.len(), place = place)
            });
        }
        outcome.evidence = verdicts
            .iter()
            .take(EVIDENCE)
            .flat_map(|fact| compiler::evidence(fact))
            .collect();
        outcome
    }

    /// Calls to functions matching `call` inlined in the place: at least one
    /// (`wanted`), or none.
    fn call(&self, facts: &Facts, place: &str, call: (&str, &Regex), wanted: bool) -> Outcome {
        let (text, pattern) = call;
        let shown = crate::display::pattern(text);
        let bound = if wanted {
            Bound::AtLeast(1.0)
        } else {
            Bound::AtMost(0.0)
        };
        let mut outcome = Outcome::new(
            tr!("compiler-inline-subject-call", call = &shown, place = place),
            Some(bound),
        );
        let Some(decisions) = compiler::prepare(facts, &self.place, &mut outcome) else {
            return outcome;
        };
        // The called function must be one the compiler knows: declared in the
        // package, or inlined somewhere in it. A pattern that names none
        // holds of nothing, and says so.
        let known = decisions
            .function_names()
            .chain(decisions.facts.iter().filter_map(|f| match &f.decision {
                Decision::Inlined { callee } => Some(callee.as_str()),
                _ => None,
            }))
            .any(|name| pattern.is_match(name));
        if !known {
            outcome.status = Status::Fail;
            outcome.explanation = Some(tr!(
                "compiler-call-unknown",
                call = &shown,
                top = decisions
                    .function_names()
                    .take(8)
                    .map(short)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            if let Some(matched) = &mut outcome.matched {
                matched.pattern = text.to_owned();
                matched.functions = 0;
            }
            return outcome;
        }
        let inlined: Vec<_> = self
            .place
            .facts(decisions)
            .into_iter()
            .filter(|fact| matches!(&fact.decision, Decision::Inlined { callee } if pattern.is_match(callee)))
            .collect();
        if !outcome.judge(inlined.len() as f64) {
            outcome.explanation = Some(if wanted {
                tr!("compiler-call-not-inlined", call = &shown, place = place)
            } else {
                tr!(
                    "compiler-call-inlined",
                    count = inlined.len(),
                    call = &shown,
                    place = place
                )
            });
        }
        let callee_verdicts = decisions.facts.iter().filter(|fact| match &fact.decision {
            Decision::Inlinable { function, .. } | Decision::NotInlinable { function, .. } => {
                pattern.is_match(function)
            }
            _ => false,
        });
        outcome.evidence = inlined
            .into_iter()
            .chain(callee_verdicts)
            .take(EVIDENCE)
            .flat_map(compiler::evidence)
            .collect();
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::compiler::testing::facts;

    fn function(pattern: &str) -> Place {
        Place::Function {
            text: pattern.into(),
            pattern: Regex::new(pattern).unwrap(),
        }
    }

    fn call(place: Place, callee: &str, inlined: bool) -> CompilerInline {
        CompilerInline {
            place,
            want: Want::Call {
                text: callee.into(),
                pattern: Regex::new(callee).unwrap(),
                inlined,
            },
        }
    }

    #[test]
    fn a_function_that_can_be_inlined_and_one_that_cannot() {
        let can = |pattern: &str| CompilerInline {
            place: function(pattern),
            want: Want::Inlinable(true),
        };
        let met = can(r"\.hash$").evaluate(&facts());
        assert_eq!(met.status, Status::Pass);
        assert_eq!(
            met.evidence,
            ["kinds.go:24:6: can inline hash with cost 29"]
        );
        let big = can(r"\.Big$").evaluate(&facts());
        assert_eq!(big.status, Status::Fail);
        assert_eq!(
            big.evidence,
            ["kinds.go:91:6: cannot inline Big: function too complex: cost 512 exceeds budget 80"]
        );
    }

    #[test]
    fn the_call_to_a_function_inside_another() {
        let met = call(function(r"\.Lookup$"), r"\.hash$", true).evaluate(&facts());
        assert_eq!(met.status, Status::Pass, "{met:?}");
        assert_eq!(met.evidence[0], "kinds.go:34:19: inlining call to hash");
        let not = call(function(r"\.Sum$"), r"\.hash$", true).evaluate(&facts());
        assert_eq!(not.status, Status::Fail);
        let none = call(function(r"\.Sum$"), r"\.hash$", false).evaluate(&facts());
        assert_eq!(none.status, Status::Pass);
    }

    #[test]
    fn a_called_function_nobody_knows_is_never_met() {
        let outcome = call(function(r"\.Lookup$"), r"\.hsah$", false).evaluate(&facts());
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.matched.unwrap().functions, 0);
    }
}
