//! `trace-goroutines`: goroutines the exercise's package created (in all or
//! per benchmark op), or the most goroutines live at once, against a bound; the
//! evidence names where they were created.

use serde::Deserialize;

use crate::goals::trace::{created_in, in_package, trace, traced};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::trace::facts::{Naming, group, site};
use crate::units::{nanos, number};

/// What `trace-goroutines` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoroutineMeasure {
    /// Goroutines created by the exercise's package, in total.
    Created,
    /// The same, per benchmark op.
    CreatedPerOp,
    /// The most goroutines alive at the same time (all of the program's).
    MaxLive,
}

#[derive(Debug, Clone)]
pub struct TraceGoroutines {
    pub run: String,
    pub measure: GoroutineMeasure,
    pub bound: Bound,
}

/// The keys of a `trace-goroutines` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceGoroutinesFile {
    pub measure: GoroutineMeasure,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
}

impl Kind for TraceGoroutines {
    type File = TraceGoroutinesFile;

    fn validate(file: TraceGoroutinesFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let bound = checker.bound(file.at_most, file.at_least);
        match file.measure {
            GoroutineMeasure::CreatedPerOp => {
                checker.within(bound, Domain::Amount, "goroutines per op")
            }
            _ => checker.within(bound, Domain::Count, "a number of goroutines"),
        }
        TraceGoroutines {
            run,
            measure: file.measure,
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    /// Goroutines created follow from the code; how many are live at once
    /// depends on the scheduler.
    fn exact(&self) -> bool {
        self.measure != GoroutineMeasure::MaxLive
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let subject = match self.measure {
            GoroutineMeasure::Created => "goroutines created by the exercise",
            GoroutineMeasure::CreatedPerOp => "goroutines created by the exercise per op",
            GoroutineMeasure::MaxLive => "goroutines live at once, at most",
        };
        let mut outcome = Outcome::new(subject.into(), Some(self.bound));
        let Some(measured) = trace(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        let package = &facts.package_dir;
        let created: Vec<_> = measured
            .facts
            .goroutines
            .iter()
            .filter(|g| g.created.is_some() && created_in(g, package))
            .collect();
        let value = match self.measure {
            GoroutineMeasure::Created => created.len() as f64,
            GoroutineMeasure::CreatedPerOp if measured.ops == 0 => {
                return outcome.inconclusive(format!(
                    "run `{}` reported no benchmark iterations",
                    self.run
                ));
            }
            GoroutineMeasure::CreatedPerOp => created.len() as f64 / measured.ops as f64,
            GoroutineMeasure::MaxLive => measured.facts.max_live_goroutines as f64,
        };
        if outcome.judge(value) {
            return outcome;
        }
        outcome.explanation = Some(format!(
            "{} is {}, want {}",
            subject,
            number(value),
            self.bound
        ));
        let sites = group(created, |g| {
            site(in_package(&g.creation_stack, package), Naming::Short)
        });
        for (at, count) in sites.into_iter().take(3) {
            outcome
                .evidence
                .push(format!("{count} goroutines created at {at}"));
        }
        if self.measure == GoroutineMeasure::MaxLive {
            outcome.evidence.push(format!(
                "the most were live {} into the trace",
                nanos(measured.facts.max_live_at - measured.facts.start)
            ));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::trace::testing::facts;

    #[test]
    fn goroutines_created_and_live() {
        let facts = facts("churn-go125.trace");
        let created = TraceGoroutines {
            run: "bench".into(),
            measure: GoroutineMeasure::Created,
            bound: Bound::AtMost(10.0),
        }
        .evaluate(&facts);
        assert_eq!(created.status, Status::Fail);
        assert!(created.measured.unwrap() >= 300.0);
        assert!(
            created.evidence[0].contains("created at basic.go"),
            "{:?}",
            created.evidence
        );
        let live = TraceGoroutines {
            run: "bench".into(),
            measure: GoroutineMeasure::MaxLive,
            bound: Bound::AtLeast(2.0),
        }
        .evaluate(&facts);
        assert_eq!(live.status, Status::Pass);
    }
}
