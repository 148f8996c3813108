//! `compiler-bounds`: how many bounds checks the compiler keeps in a function
//! (or on a line): the index and slice expressions it could not prove in
//! range, as `-d=ssa/check_bce/debug=1` reports them (`Found IsInBounds`,
//! `Found IsSliceInBounds`). A check in code inlined elsewhere counts once for
//! each copy the compiler reports.

use serde::Deserialize;

use crate::compiler::Decision;
use crate::goals::compiler::{self, EVIDENCE, Place, PlaceKeys};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;

/// "`Sum` keeps at most 0 bounds checks".
#[derive(Debug, Clone)]
pub struct CompilerBounds {
    pub place: Place,
    pub bound: Bound,
}

/// The keys of a `compiler-bounds` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CompilerBoundsFile {
    #[serde(default)]
    pub function: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(default)]
    pub near: Option<String>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
}

impl Kind for CompilerBounds {
    type File = CompilerBoundsFile;

    fn validate(file: CompilerBoundsFile, checker: &mut Checker<'_, '_>) -> Self {
        let place = Place::read(
            PlaceKeys {
                function: file.function,
                file: file.file,
                line: file.line,
                near: file.near,
            },
            checker,
        );
        let bound = checker.bound(file.at_most, file.at_least);
        checker.within(bound, Domain::Count, &tr!("compiler-bounds-what"));
        CompilerBounds { place, bound }
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
            tr!("compiler-bounds-subject", place = &place),
            Some(self.bound),
        );
        let Some(decisions) = compiler::prepare(facts, &self.place, &mut outcome) else {
            return outcome;
        };
        let checks: Vec<_> = self
            .place
            .facts(decisions)
            .into_iter()
            .filter(|fact| matches!(fact.decision, Decision::BoundsCheck { .. }))
            .collect();
        if !outcome.judge(checks.len() as f64) {
            outcome.explanation = Some(tr!(
                "compiler-bounds-holds",
                count = checks.len(),
                place = &place
            ));
        }
        outcome.evidence = checks
            .iter()
            .take(EVIDENCE)
            .flat_map(|fact| {
                let mut lines = compiler::evidence(fact);
                if let Some(text) = decisions
                    .sources
                    .get(&fact.at.file)
                    .and_then(|s| s.lines().nth((fact.at.line as usize).checked_sub(1)?))
                {
                    lines.push(format!("    {}", text.trim()));
                }
                lines
            })
            .collect();
        outcome
    }
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;
    use crate::goals::Status;
    use crate::goals::compiler::testing::facts;

    fn goal(pattern: &str) -> CompilerBounds {
        CompilerBounds {
            place: Place::Function {
                text: pattern.into(),
                pattern: Regex::new(pattern).unwrap(),
            },
            bound: Bound::AtMost(0.0),
        }
    }

    #[test]
    fn checks_kept_fail_with_the_line_they_are_on() {
        let outcome = goal(r"\.Sum$").evaluate(&facts());
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.measured, Some(1.0));
        assert_eq!(
            outcome.evidence,
            ["kinds.go:67:10: Found IsInBounds", "    t += xs[i]"]
        );
    }

    #[test]
    fn a_loop_over_range_keeps_none() {
        let outcome = goal(r"\.SumAll$").evaluate(&facts());
        assert_eq!(outcome.status, Status::Pass);
    }

    #[test]
    fn slice_checks_count_on_their_line() {
        let g = CompilerBounds {
            place: Place::Line {
                file: "kinds.go".into(),
                line: 73,
            },
            bound: Bound::AtMost(0.0),
        };
        assert_eq!(g.evaluate(&facts()).measured, Some(2.0));
    }
}
