//! `trace-blocked`: time the exercise's goroutines spent blocked for reasons
//! matching a pattern (`chan send`, `select`, `sync`...), in all, per op or as
//! a share of their lifetime; the evidence lists blocked time by reason.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Deserialize;

use crate::goals::picture::Level;
use crate::goals::trace::{created_in, trace, traced};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement, Status};
use crate::tr;
use crate::units::{beside, nanos};

/// Time the exercise's goroutines spent blocked for a reason, per op.
#[derive(Debug, Clone)]
pub struct TraceBlocked {
    pub run: String,
    /// The reason as written (`chan send`, `select`, `sync`...).
    pub reason: String,
    pub pattern: Regex,
    pub per_op: bool,
    /// As a percentage of the exercise's goroutines' lifetime instead of a time.
    pub share: bool,
    pub bound: Bound,
}

/// The keys of a `trace-blocked` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceBlockedFile {
    /// A regular expression over Go's blocking reasons (`chan send`, `select`...).
    pub reason: String,
    #[serde(default)]
    pub per_op: bool,
    /// As a percentage of the exercise's goroutines' lifetime.
    #[serde(default)]
    pub share: bool,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
}

impl Kind for TraceBlocked {
    type File = TraceBlockedFile;

    fn validate(file: TraceBlockedFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let pattern = checker.regex("reason", &file.reason);
        let bound = checker.bound(file.at_most, file.at_least);
        if file.share && file.per_op {
            checker.problem("per-op", tr!("trace-blocked-share-per-op"));
        }
        if file.share {
            checker.within(bound, Domain::Share, &tr!("trace-what-share"));
        } else {
            checker.within(bound, Domain::Amount, &tr!("trace-what-time"));
        }
        TraceBlocked {
            run,
            reason: file.reason,
            pattern,
            per_op: file.per_op,
            share: file.share,
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome::new(
            tr!(
                "trace-blocked-subject",
                reason = crate::display::pattern(&self.reason)
            ),
            Some(self.bound),
        );
        let Some(measured) = trace(facts, &self.run, &mut outcome, &[Level::RunningGoroutines, Level::LiveGoroutines]) else {
            return outcome;
        };
        let mut by_reason: BTreeMap<&str, i64> = BTreeMap::new();
        let mut lifetime = 0i64;
        for g in measured
            .facts
            .goroutine_groups
            .iter()
            .filter(|g| created_in(&g.creation_stack, &facts.package_dir))
        {
            lifetime += g.lifetime_ns();
            for (reason, ns) in &g.waiting_ns {
                *by_reason.entry(reason).or_default() += ns;
            }
        }
        let total: i64 = by_reason
            .iter()
            .filter(|(r, _)| self.pattern.is_match(r))
            .map(|(_, ns)| ns)
            .sum();
        let value = if self.share {
            if lifetime == 0 {
                0.0
            } else {
                total as f64 * 100.0 / lifetime as f64
            }
        } else if self.per_op {
            if measured.ops == 0 {
                outcome.status = Status::Inconclusive;
                outcome.explanation = Some(tr!("trace-no-iterations", run = &self.run));
                return outcome;
            }
            total as f64 / measured.ops as f64
        } else {
            total as f64
        };
        outcome.measured = Some(value);
        outcome.unit = Some(if self.share {
            "%".into()
        } else if self.per_op {
            "ns/op".into()
        } else {
            "ns".into()
        });
        if self.bound.holds(value) {
            outcome.status = Status::Pass;
            return outcome;
        }
        outcome.explanation = Some(tr!(
            "trace-blocked-explanation",
            reason = crate::display::pattern(&self.reason),
            time = beside(
                value,
                &[self.bound.limit()],
                outcome.unit.as_deref().unwrap_or("")
            )
        ));
        let mut reasons: Vec<_> = by_reason.into_iter().collect();
        reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
        let listed: Vec<String> = reasons
            .iter()
            .take(5)
            .map(|(r, ns)| format!("{r} {}", nanos(*ns)))
            .collect();
        outcome
            .evidence
            .push(tr!("trace-blocked-by-reason", reasons = crate::i18n::list(&listed)));
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::trace::testing::facts;

    #[test]
    fn blocked_time_by_reason() {
        let facts = facts("leak-go126.trace");
        let goal = TraceBlocked {
            run: "bench".into(),
            reason: "chan send".into(),
            pattern: Regex::new("^chan send$").unwrap(),
            per_op: false,
            share: false,
            bound: Bound::AtMost(0.0),
        };
        let outcome = goal.evaluate(&facts);
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.measured.unwrap() > 0.0);
        assert!(outcome.evidence[0].starts_with("blocked time by reason: chan send"));
        let share = TraceBlocked {
            share: true,
            bound: Bound::AtLeast(50.0),
            ..goal
        }
        .evaluate(&facts);
        assert_eq!(share.unit.as_deref(), Some("%"));
        // The leaked goroutines spend nearly all their lives blocked in the send.
        assert_eq!(share.status, Status::Pass, "{:?}", share.measured);
        assert!(share.measured.unwrap() <= 100.0, "{:?}", share.measured);
    }
}
