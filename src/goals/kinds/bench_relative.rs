//! `bench-relative`: the attendee's code against the starter, measured on the
//! same machine in the same check. The goal is a ratio ("at least 5× faster");
//! timings pass only when the ratio of medians meets it AND a two-sided
//! Mann-Whitney U test says the difference is significant; when it does not,
//! that is what the goal says first. Allocation counts and bytes are exact and
//! need no test.

use serde::Deserialize;

use crate::goals::versus::{self, Better, Compared, Samples};
use crate::goals::{Bound, Checker, Facts, Kind, Outcome, Requirement};
use crate::tr;
use crate::units::quantity;

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

/// The keys of a `bench-relative` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BenchRelativeFile {
    pub benchmark: String,
    pub metric: String,
    /// At least this many times better than the starter.
    pub at_least_times: f64,
    #[serde(default)]
    pub higher_is_better: bool,
}

/// Whether a metric is exact (no noise) and needs no statistics.
fn exact(metric: &str) -> bool {
    matches!(metric, "B/op" | "allocs/op")
}

impl Kind for BenchRelative {
    type File = BenchRelativeFile;

    fn validate(file: BenchRelativeFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if !(file.at_least_times.is_finite() && file.at_least_times > 0.0) {
            checker.problem("at-least-times", tr!("versus-positive-ratio"));
        }
        BenchRelative {
            run,
            benchmark: file.benchmark,
            metric: file.metric,
            times: file.at_least_times,
            higher_is_better: file.higher_is_better,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Baseline {
            run: self.run.clone(),
        }]
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome::new(
            versus::subject(&format!("{} {}", self.benchmark, self.metric)),
            Some(Bound::AtLeast(self.times)),
        );
        outcome.unit = Some("×".into());
        let Some(baseline) = facts.baselines.get(&self.run) else {
            return outcome.inconclusive(versus::no_starter(facts));
        };
        let before = baseline.starter.values(&self.benchmark, &self.metric);
        let after = baseline.mine.values(&self.benchmark, &self.metric);
        let better = if self.higher_is_better {
            Better::Higher
        } else {
            Better::Lower
        };
        let Some(judgement) =
            versus::judge(&before, &after, self.times, better, exact(&self.metric))
        else {
            outcome.explanation = Some(tr!(
                "bench-relative-no-values",
                benchmark = &self.benchmark,
                metric = &self.metric
            ));
            return outcome;
        };
        judgement.record(&mut outcome);
        let starter = quantity(judgement.starter.median, &self.metric);
        let mine = quantity(judgement.mine.median, &self.metric);
        let runs = after.len().to_string();
        outcome.evidence.push(if judgement.exact {
            tr!("bench-relative-medians", starter = starter, mine = mine, runs = runs)
        } else {
            tr!(
                "bench-relative-medians-p",
                starter = starter,
                mine = mine,
                runs = runs,
                p = versus::p_value(judgement.p)
            )
        });
        let compared = Compared {
            what: &self.metric,
            metric: &self.metric,
            better,
            samples: Samples::Runs,
        };
        outcome.explanation = judgement.explain(self.times, &compared);
        if judgement.needs_more() {
            outcome.evidence.push(tr!("bench-relative-more-repeats"));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::bench::BenchOutput;
    use crate::goals::Baseline;

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
    fn a_slower_attempt_reads_as_slower() {
        let outcome = goal("ns/op", 5.0).evaluate(&facts(&FAST, &SLOW));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some("ns/op is 10× slower than the starter; the goal is 5× faster")
        );
        assert_eq!(outcome.shown, None);
        assert!(outcome.p.is_some_and(|p| p < 0.01));
    }

    #[test]
    fn noise_on_an_untouched_starter_reads_as_no_difference_not_as_faster() {
        // The starter against itself: medians 36% apart, the runs mixed.
        let starter = [
            (1360.0, 8.0),
            (900.0, 8.0),
            (1500.0, 8.0),
            (1370.0, 8.0),
            (980.0, 8.0),
            (1400.0, 8.0),
        ];
        let mine = [
            (1000.0, 8.0),
            (1390.0, 8.0),
            (950.0, 8.0),
            (1010.0, 8.0),
            (990.0, 8.0),
            (1450.0, 8.0),
        ];
        let outcome = goal("ns/op", 5.0).evaluate(&facts(&starter, &mine));
        assert_eq!(outcome.status, Status::Fail, "{outcome:?}");
        assert_eq!(
            outcome.explanation.as_deref(),
            Some(
                "no significant difference from the starter (p=0.82): these runs cannot tell ns/op from the starter's; the goal is 5× faster"
            )
        );
        assert_eq!(
            outcome.shown.as_deref(),
            Some("no significant difference (p=0.82)")
        );
        assert!(!outcome.evidence.concat().contains("more repeats"));
        // Japanese says it first too.
        let ja = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
            goal("ns/op", 5.0).evaluate(&facts(&starter, &mine))
        });
        assert_eq!(
            ja.explanation.as_deref(),
            Some(
                "スターターとの有意な差はありません（p=0.82）。この実行では、ns/op をスターターと区別できません（ゴール: 5 倍速くなること）"
            )
        );
    }

    #[test]
    fn too_few_runs_are_inconclusive_even_for_a_large_ratio() {
        let outcome = goal("ns/op", 5.0).evaluate(&facts(&SLOW[..3], &FAST[..3]));
        assert_eq!(outcome.status, Status::Inconclusive);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some(
                "no significant difference from the starter (p=0.1): ns/op is 10× faster than the starter in the medians, which would meet the goal, but these runs cannot tell it from noise (with 3 runs per side no difference can be significant)"
            )
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
