//! `bench-not-slower`: a guard for a refactoring. The attendee's code may be
//! slower than the starter by at most a given percentage, measured on the same
//! machine in the same check, in runs alternating with the starter's (as for
//! `bench-relative`). A non-inferiority test: the goal is met only when a
//! one-sided Mann-Whitney U test of the attendee's runs against the starter's
//! scaled by 1 + X rejects, at α = 0.05, that the attendee's code is slower
//! than that. Too few runs for the test ever to reject make the goal
//! inconclusive, never met; a median beyond the bound fails it.

use serde::Deserialize;

use crate::bench::stats::{self, ALPHA};
use crate::bench::utest;
use crate::goals::versus::{self, Better};
use crate::goals::{Bound, Checker, Facts, Kind, OnStarter, Outcome, Requirement, Status};
use crate::tr;
use crate::units::{beside, quantity};

/// `BenchmarkParse ns/op` at most 10% slower than the starter's.
#[derive(Debug, Clone)]
pub struct BenchNotSlower {
    pub run: String,
    pub benchmark: String,
    /// A time per op or per item: lower is better.
    pub metric: String,
    /// How much slower is allowed, as a fraction (0.1 for `10%`).
    pub slower: f64,
}

/// The keys of a `bench-not-slower` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BenchNotSlowerFile {
    pub benchmark: String,
    /// `ns/op` unless another time is named.
    #[serde(default)]
    pub metric: Option<String>,
    /// A percentage: `10%`.
    pub at_most_slower: serde_yaml::Value,
}

/// A percentage as written, `10%` or `2.5%`, as a fraction.
fn percentage(value: &serde_yaml::Value) -> Option<f64> {
    let number: f64 = value.as_str()?.trim().strip_suffix('%')?.trim().parse().ok()?;
    (number.is_finite() && number > 0.0).then_some(number / 100.0)
}

impl Kind for BenchNotSlower {
    type File = BenchNotSlowerFile;

    fn validate(file: BenchNotSlowerFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if !file.benchmark.starts_with("Benchmark") {
            checker.problem(
                "benchmark",
                tr!("bench-metric-not-a-benchmark", name = &file.benchmark),
            );
        }
        let metric = file.metric.unwrap_or_else(|| "ns/op".to_owned());
        if matches!(metric.as_str(), "B/op" | "allocs/op") {
            checker.problem(
                "metric",
                tr!("bench-not-slower-exact-metric", metric = &metric),
            );
        }
        let slower = percentage(&file.at_most_slower).unwrap_or_else(|| {
            checker.problem("at-most-slower", tr!("bench-not-slower-not-a-percentage"));
            0.1
        });
        if checker.starter() != Some(OnStarter::Met) {
            checker.problem("", tr!("bench-not-slower-starter-met"));
        }
        BenchNotSlower {
            run,
            benchmark: file.benchmark,
            metric,
            slower,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Baseline {
            run: self.run.clone(),
        }]
    }

    /// The verdict is the test's, not a value's distance from the bound.
    fn margin(&self) -> bool {
        false
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let bound = 1.0 + self.slower;
        let mut outcome = Outcome::new(
            versus::subject(&format!("{} {}", self.benchmark, self.metric)),
            Some(Bound::AtMost(bound)),
        );
        outcome.unit = Some("×".into());
        let Some(baseline) = facts.baselines.get(&self.run) else {
            return outcome.inconclusive(versus::no_starter(facts));
        };
        let before = baseline.starter.values(&self.benchmark, &self.metric);
        let after = baseline.mine.values(&self.benchmark, &self.metric);
        let (Some(old), Some(new)) = (stats::summarize(&before), stats::summarize(&after)) else {
            outcome.explanation = Some(tr!(
                "bench-relative-no-values",
                benchmark = &self.benchmark,
                metric = &self.metric
            ));
            return outcome;
        };
        // How many times the starter's time the attendee's takes.
        let slowdown = 1.0 / versus::ratio(old.median, new.median, Better::Lower);
        let scaled: Vec<f64> = before.iter().map(|v| v * bound).collect();
        let p = utest::u_test_less(&after, &scaled).map_or(1.0, |t| t.p);
        outcome.measured = Some(slowdown.min(1e9));
        outcome.p = Some(p);
        outcome.evidence.push(tr!(
            "bench-not-slower-medians",
            starter = quantity(old.median, &self.metric),
            mine = quantity(new.median, &self.metric),
            ratio = beside(slowdown, &[bound], "×"),
            bound = beside(bound, &[slowdown], "×"),
            runs = after.len().min(before.len()).to_string(),
            p = versus::p_value(p)
        ));
        let (ratio, goal) = versus::in_words(1.0 / slowdown, 1.0 / bound, Better::Lower, &self.metric);
        let what = &self.metric;
        let runs = after.len().min(before.len());
        if utest::smallest_p_less(after.len(), before.len()) >= ALPHA {
            let needed = (1..=50)
                .find(|&n| utest::smallest_p_less(n, n) < ALPHA)
                .unwrap_or(50);
            return outcome.inconclusive(tr!(
                "bench-not-slower-too-few",
                runs = runs.to_string(),
                what = what,
                goal = goal,
                needed = needed.to_string()
            ));
        }
        if p < ALPHA {
            outcome.status = Status::Pass;
        } else if slowdown > bound {
            outcome.explanation = Some(tr!("versus-short", what = what, ratio = ratio, goal = goal));
        } else {
            outcome.status = Status::Inconclusive;
            outcome.explanation = Some(tr!(
                "bench-not-slower-unshown",
                what = what,
                goal = goal,
                p = versus::p_value(p),
                alpha = versus::alpha(),
                ratio = ratio
            ));
            outcome.evidence.push(tr!("bench-relative-more-repeats"));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Baseline;

    fn facts(starter: &[f64], mine: &[f64]) -> Facts {
        let lines = |values: &[f64]| {
            let text: String = values
                .iter()
                .map(|ns| format!("BenchmarkParse-2 \t 1000 \t {ns} ns/op\n"))
                .collect();
            crate::bench::parse(&text)
        };
        let mut facts = Facts::default();
        facts.baselines.insert(
            "bench".into(),
            Baseline {
                starter: lines(starter),
                mine: lines(mine),
            },
        );
        facts
    }

    fn goal(slower: f64) -> BenchNotSlower {
        BenchNotSlower {
            run: "bench".into(),
            benchmark: "BenchmarkParse".into(),
            metric: "ns/op".into(),
            slower,
        }
    }

    const STARTER: [f64; 6] = [1000.0, 1010.0, 990.0, 1020.0, 1005.0, 995.0];

    #[test]
    fn as_fast_as_the_starter_is_met() {
        let mine = [1003.0, 998.0, 1012.0, 991.0, 1007.0, 1001.0];
        let outcome = goal(0.1).evaluate(&facts(&STARTER, &mine));
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert_eq!(outcome.bound, Some(Bound::AtMost(1.1)));
        // Every run below the starter's runs × 1.1: one draw in C(12, 6).
        assert!((outcome.p.unwrap() - 1.0 / 924.0).abs() < 1e-12);
        assert_eq!(
            outcome.evidence,
            vec![
                "starter median 1.002µs/op, yours 1.002µs/op: 0.9995× the starter's, at most 1.1× allowed; 6 runs each, one-sided p=0.0011"
            ]
        );
    }

    #[test]
    fn three_times_slower_fails() {
        let mine: Vec<f64> = STARTER.iter().map(|v| v * 3.0).collect();
        let outcome = goal(0.1).evaluate(&facts(&STARTER, &mine));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some("ns/op is 3× slower than the starter; the goal is at most 10% slower")
        );
        assert!((outcome.measured.unwrap() - 3.0).abs() < 1e-9);
        let ja = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
            goal(0.1).evaluate(&facts(&STARTER, &mine))
        });
        assert_eq!(
            ja.explanation.as_deref(),
            Some("ns/op はスターターより 3 倍遅い（ゴール: 遅くなっても 10% までであること）")
        );
    }

    #[test]
    fn within_the_bound_but_not_shown_is_inconclusive() {
        // 5% slower in the medians, the runs spread across the bound.
        let mine = [1050.0, 1200.0, 900.0, 1060.0, 1040.0, 1150.0];
        let outcome = goal(0.1).evaluate(&facts(&STARTER, &mine));
        assert_eq!(outcome.status, Status::Inconclusive, "{outcome:?}");
        let explanation = outcome.explanation.unwrap();
        assert!(
            explanation.starts_with(
                "these runs cannot show that ns/op is at most 10% slower than the starter (one-sided p="
            ),
            "{explanation}"
        );
        assert!(explanation.ends_with("in the medians it is 5.2% slower than the starter"), "{explanation}");
    }

    #[test]
    fn too_few_runs_are_inconclusive_never_met() {
        let outcome = goal(0.5).evaluate(&facts(&STARTER[..3], &STARTER[..3]));
        assert_eq!(outcome.status, Status::Inconclusive);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some(
                "with 3 runs per side the test cannot show that ns/op is at most 50% slower than the starter: give the run a `count` of 4 or more"
            )
        );
        let slow: Vec<f64> = STARTER[..3].iter().map(|v| v * 3.0).collect();
        let outcome = goal(0.5).evaluate(&facts(&STARTER[..3], &slow));
        assert_eq!(outcome.status, Status::Inconclusive);
    }

    #[test]
    fn without_the_starter_nothing_is_judged() {
        assert_eq!(goal(0.1).evaluate(&Facts::default()).status, Status::Inconclusive);
    }

    #[test]
    fn percentages_as_written() {
        let value = |text: &str| serde_yaml::from_str::<serde_yaml::Value>(text).unwrap();
        assert_eq!(percentage(&value("10%")), Some(0.1));
        assert_eq!(percentage(&value("2.5 %")), Some(0.025));
        assert_eq!(percentage(&value("10")), None);
        assert_eq!(percentage(&value("0%")), None);
        assert_eq!(percentage(&value("fast")), None);
    }
}
