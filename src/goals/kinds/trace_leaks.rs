//! `trace-leaks`: goroutines created by the exercise's package and still alive
//! when the trace stopped, at most a bound (none by default); the evidence
//! groups them by where they were created and where they wait.

use serde::Deserialize;

use crate::goals::picture::Level;
use crate::goals::trace::{created_in, in_package, trace, traced};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;
use crate::trace::facts::{Goroutine, Naming, group, site};
use crate::trace::GoState;

/// Goroutines created in the exercise's package and still alive when the trace
/// stopped: at most `bound`.
#[derive(Debug, Clone)]
pub struct TraceLeaks {
    pub run: String,
    pub bound: Bound,
}

/// The keys of a `trace-leaks` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceLeaksFile {
    #[serde(default)]
    pub at_most: Option<f64>,
}

impl Kind for TraceLeaks {
    type File = TraceLeaksFile;

    fn validate(file: TraceLeaksFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let bound = Bound::AtMost(file.at_most.unwrap_or(0.0));
        checker.within(bound, Domain::Count, &tr!("trace-what-goroutines"));
        TraceLeaks { run, bound }
    }

    fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome::new(
            tr!("trace-leaks-subject"),
            Some(self.bound),
        );
        let Some(measured) = trace(facts, &self.run, &mut outcome, &[Level::LiveGoroutines]) else {
            return outcome;
        };
        let package = &facts.package_dir;
        let leaked: Vec<&Goroutine> = measured
            .facts
            .alive_at_end()
            .filter(|g| created_in(&g.creation_stack, package))
            .collect();
        if outcome.judge(leaked.len() as f64) {
            return outcome;
        }
        outcome.explanation = Some(tr!("trace-leaks-explanation", count = leaked.len()));
        let trace = &measured.facts;
        let groups = group(leaked, |g| {
            let created = site(in_package(&g.creation_stack, package), Naming::Short);
            let entry = (g.final_state == GoState::Waiting)
                .then(|| trace.runtime_entry(&g.last_stack))
                .flatten()
                .map(|f| format!(" ({f})"))
                .unwrap_or_default();
            // Go's names of states and reasons (`runnable`, `chan send`).
            let state = if g.last_reason.is_empty() {
                format!("{}{entry}", g.final_state.name().to_lowercase())
            } else {
                tr!("trace-leaks-blocked-in", reason = &*g.last_reason, entry = entry)
            };
            let waits = in_package(&g.last_stack, package).or_else(|| trace.place(&g.last_stack));
            (created, state, site(waits, Naming::Short))
        });
        for ((created, state, at), count) in groups.into_iter().take(5) {
            outcome.evidence.push(tr!(
                "trace-leaks-evidence",
                count = count,
                created = created,
                state = state,
                place = at
            ));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::goals::Status;
    use crate::goals::trace::testing::facts;

    #[test]
    fn leaks_are_grouped_by_creation_and_blocking_site() {
        let outcome = TraceLeaks {
            run: "bench".into(),
            bound: Bound::AtMost(0.0),
        }
        .evaluate(&facts("leak-go126.trace"));
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.measured.unwrap() >= 4.0);
        assert!(
            outcome.evidence.iter().any(|l| l.starts_with(
                "4 goroutines created at basic.go:191 (leak) blocked in chan send (runtime.chansend1) at basic.go:191"
            )),
            "{:?}",
            outcome.evidence
        );
    }

    #[test]
    fn goroutines_created_outside_the_package_do_not_count() {
        let mut facts = facts("leak-go126.trace");
        facts.package_dir = PathBuf::from("/nowhere/else");
        let outcome = TraceLeaks {
            run: "bench".into(),
            bound: Bound::AtMost(0.0),
        }
        .evaluate(&facts);
        assert_eq!(outcome.status, Status::Pass);
        assert_eq!(outcome.measured, Some(0.0));
    }
}
