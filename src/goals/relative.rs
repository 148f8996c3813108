//! `bench-relative`: the attendee's code against the starter, measured on the
//! same machine in the same check. The goal is a ratio ("at least 5× faster");
//! timings pass only when the ratio of medians meets it AND a two-sided
//! Mann-Whitney U test says the difference is significant. Allocation counts
//! and bytes are exact and need no test.

use super::{Bound, Facts, Outcome, Requirement, Status, format_number};
use crate::bench::BenchOutput;
use crate::bench::stats::{self, ALPHA};

/// The starter's and the attendee's samples of one run.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub starter: BenchOutput,
    pub mine: BenchOutput,
    /// The starter's samples came from the cache, not this check.
    pub cached: bool,
}

#[derive(Debug, Clone)]
pub struct BenchRelative {
    pub run: String,
    pub benchmark: String,
    pub metric: String,
    /// At least this many times better than the starter.
    pub times: f64,
    /// For rates (MB/s, items/s); time, bytes and allocations are better lower.
    pub higher_is_better: bool,
}

/// Whether a metric is exact (no noise) and needs no statistics.
fn exact(metric: &str) -> bool {
    matches!(metric, "B/op" | "allocs/op")
}

impl BenchRelative {
    pub fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Baseline {
            run: self.run.clone(),
        }]
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let bound = Bound::AtLeast(self.times);
        let mut outcome = Outcome {
            id: String::new(),
            kind: "",
            status: Status::Fail,
            subject: format!("{} {} vs the starter", self.benchmark, self.metric),
            measured: None,
            bound: Some(bound),
            threshold: Some(self.times),
            unit: Some("×".into()),
            explanation: None,
            evidence: Vec::new(),
            hint: None,
        };
        let Some(baseline) = facts.baselines.get(&self.run) else {
            outcome.status = Status::Inconclusive;
            outcome.explanation =
                Some("the starter could not be measured (no pristine copy of it)".into());
            return outcome;
        };
        let before = baseline.starter.values(&self.benchmark, &self.metric);
        let after = baseline.mine.values(&self.benchmark, &self.metric);
        let (Some(old), Some(new)) = (stats::summarize(&before), stats::summarize(&after)) else {
            outcome.explanation = Some(format!(
                "{} reported no {} on one side",
                self.benchmark, self.metric
            ));
            return outcome;
        };
        let ratio = match (self.higher_is_better, old.median, new.median) {
            (false, o, n) if n > 0.0 => o / n,
            (false, o, _) if o > 0.0 => f64::INFINITY,
            (true, o, n) if o > 0.0 => n / o,
            (true, _, n) if n > 0.0 => f64::INFINITY,
            _ => 1.0,
        };
        outcome.measured = Some(if ratio.is_finite() { ratio } else { 1e9 });
        let p = stats::mann_whitney_u(&before, &after).unwrap_or(1.0);
        outcome.evidence.push(format!(
            "starter median {}, yours {}; {} runs each{}{}",
            crate::report::human::quantity(old.median, &self.metric),
            crate::report::human::quantity(new.median, &self.metric),
            after.len(),
            if exact(&self.metric) {
                String::new()
            } else {
                format!(", p={p:.3}")
            },
            if baseline.cached {
                " (starter from the cache; --fresh measures it again)"
            } else {
                ""
            },
        ));
        let meets = ratio >= self.times;
        if exact(&self.metric) {
            outcome.status = if meets { Status::Pass } else { Status::Fail };
        } else if !meets {
            outcome.status = Status::Fail;
        } else if p < ALPHA {
            outcome.status = Status::Pass;
        } else {
            outcome.status = Status::Inconclusive;
            let most_significant = if before.len() <= 3 || after.len() <= 3 {
                format!(
                    " (with {} runs per side no difference can be significant)",
                    after.len().min(before.len())
                )
            } else {
                String::new()
            };
            outcome.explanation = Some(format!(
                "{} is {}× the starter's, but the difference is not significant (p={p:.3} ≥ {ALPHA}){most_significant}",
                self.metric,
                format_number(ratio)
            ));
            outcome.evidence.push(
                "for a clearer answer, run more repeats (a larger `count` for the run) and close other busy programs".into(),
            );
            return outcome;
        }
        if outcome.status == Status::Fail {
            outcome.explanation = Some(format!(
                "{} is {}× better than the starter's; the goal is {}×",
                self.metric,
                format_number(ratio),
                format_number(self.times)
            ));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(name: &str, values: &[(f64, f64)]) -> BenchOutput {
        let text: String = values
            .iter()
            .map(|(ns, allocs)| {
                format!("{name}-2 \t 1000 \t {ns} ns/op \t 64 B/op \t {allocs} allocs/op\n")
            })
            .collect();
        crate::bench::parse(&text)
    }

    fn facts(starter: &[(f64, f64)], mine: &[(f64, f64)]) -> Facts {
        let mut facts = Facts::default();
        facts.baselines.insert(
            "bench".into(),
            Baseline {
                starter: lines("BenchmarkX", starter),
                mine: lines("BenchmarkX", mine),
                cached: false,
            },
        );
        facts
    }

    fn goal(metric: &str, times: f64) -> BenchRelative {
        BenchRelative {
            run: "bench".into(),
            benchmark: "BenchmarkX".into(),
            metric: metric.into(),
            times,
            higher_is_better: false,
        }
    }

    const SLOW: [(f64, f64); 6] = [
        (1000.0, 8.0),
        (1010.0, 8.0),
        (990.0, 8.0),
        (1020.0, 8.0),
        (1005.0, 8.0),
        (995.0, 8.0),
    ];
    const FAST: [(f64, f64); 6] = [
        (100.0, 2.0),
        (101.0, 2.0),
        (99.0, 2.0),
        (102.0, 2.0),
        (100.5, 2.0),
        (99.5, 2.0),
    ];

    #[test]
    fn a_clear_and_significant_speedup_passes() {
        let outcome = goal("ns/op", 5.0).evaluate(&facts(&SLOW, &FAST));
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert!((outcome.measured.unwrap() - 10.0).abs() < 0.2);
    }

    #[test]
    fn a_speedup_short_of_the_ratio_fails() {
        let outcome = goal("ns/op", 20.0).evaluate(&facts(&SLOW, &FAST));
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.explanation.unwrap().contains("the goal is 20×"));
    }

    #[test]
    fn too_few_runs_are_inconclusive_even_for_a_large_ratio() {
        let outcome = goal("ns/op", 5.0).evaluate(&facts(&SLOW[..3], &FAST[..3]));
        assert_eq!(outcome.status, Status::Inconclusive);
        assert!(
            outcome
                .explanation
                .unwrap()
                .contains("no difference can be significant")
        );
    }

    #[test]
    fn allocation_counts_are_exact_and_need_no_test() {
        let outcome = goal("allocs/op", 4.0).evaluate(&facts(&SLOW[..1], &FAST[..1]));
        assert_eq!(outcome.status, Status::Pass);
        let outcome = goal("allocs/op", 5.0).evaluate(&facts(&SLOW[..1], &FAST[..1]));
        assert_eq!(outcome.status, Status::Fail);
    }

    #[test]
    fn without_a_starter_measurement_the_goal_is_inconclusive() {
        let outcome = goal("ns/op", 2.0).evaluate(&Facts::default());
        assert_eq!(outcome.status, Status::Inconclusive);
    }
}
