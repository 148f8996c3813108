//! `load-errors`: the share of the load's requests that got no answer or an
//! answer with another status than expected (any 2xx or 3xx, unless the
//! request says which).

use serde::Deserialize;

use crate::goals::load::round;
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;
use crate::units::number;

#[derive(Debug, Clone)]
pub struct LoadErrors {
    pub run: String,
    /// A percentage of the requests.
    pub at_most: f64,
}

/// The keys of a `load-errors` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LoadErrorsFile {
    /// A percentage; 0 when not given.
    #[serde(default)]
    pub at_most: Option<f64>,
}

impl Kind for LoadErrors {
    type File = LoadErrorsFile;

    fn validate(file: LoadErrorsFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let at_most = file.at_most.unwrap_or(0.0);
        checker.within(
            Bound::AtMost(at_most),
            Domain::Share,
            &tr!("load-errors-share"),
        );
        LoadErrors { run, at_most }
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Load {
            run: self.run.clone(),
        }]
    }

    /// Whether a request fails is the server's answer, not a timing.
    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome::new(
            tr!("load-errors-subject"),
            Some(Bound::AtMost(self.at_most)),
        );
        outcome.unit = Some("%".into());
        let Some(round) = round(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        outcome.evidence.push(round.to_string());
        if !outcome.judge(round.error_share()) {
            outcome.explanation = Some(tr!(
                "load-errors-failed",
                failed = number(round.failed() as f64),
                requests = number(round.requests() as f64),
                failures = round.failures()
            ));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::testing::{round, with_load};

    #[test]
    fn the_share_of_failed_requests() {
        let goal = LoadErrors {
            run: "load".into(),
            at_most: 1.0,
        };
        let met = goal.evaluate(&with_load(round(&[1_000; 999], &[], 1)));
        assert_eq!(met.status, Status::Pass);
        let unmet = goal.evaluate(&with_load(round(&[1_000; 90], &[], 10)));
        assert_eq!(unmet.status, Status::Fail);
        assert_eq!(unmet.measured, Some(10.0));
        assert_eq!(
            unmet.explanation.as_deref(),
            Some("10 of 100 requests failed (503 ×10)")
        );
    }
}
