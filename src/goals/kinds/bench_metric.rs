//! `bench-metric`: a bound on one unit of a benchmark's output (`ns/op`, `B/op`,
//! `allocs/op` or a custom `b.ReportMetric` unit), taken as the median over the
//! run's `-count` repeats.

use serde::Deserialize;

use crate::bench::median;
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;
use crate::units::{against, beside};

/// `BenchmarkJoin allocs/op ≤ 2`.
#[derive(Debug, Clone)]
pub struct BenchMetric {
    pub run: String,
    pub benchmark: String,
    pub metric: String,
    pub bound: Bound,
}

/// The keys of a `bench-metric` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BenchMetricFile {
    pub benchmark: String,
    pub metric: String,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
}

impl Kind for BenchMetric {
    type File = BenchMetricFile;

    fn validate(file: BenchMetricFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if !file.benchmark.starts_with("Benchmark") {
            checker.problem(
                "benchmark",
                tr!("bench-metric-not-a-benchmark", name = &file.benchmark),
            );
        }
        if file.metric.trim().is_empty() {
            checker.problem("metric", tr!("bench-metric-empty-metric"));
        }
        if matches!(file.metric.as_str(), "B/op" | "allocs/op")
            && checker.benchmem(&run) == Some(false)
        {
            checker.problem(
                "metric",
                tr!("bench-metric-needs-benchmem", metric = &file.metric, run = &run),
            );
        }
        let bound = checker.bound(file.at_most, file.at_least);
        if matches!(file.metric.as_str(), "ns/op" | "B/op" | "allocs/op" | "MB/s") {
            checker.within(bound, Domain::Amount, &file.metric);
        }
        BenchMetric {
            run,
            benchmark: file.benchmark,
            metric: file.metric,
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Benchmarks {
            run: self.run.clone(),
        }]
    }

    /// Allocations per op follow from the code; bytes per op may not (the
    /// runtime's own allocations come and go).
    fn exact(&self) -> bool {
        self.metric == "allocs/op"
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome::new(self.benchmark.clone(), Some(self.bound));
        outcome.unit = Some(self.metric.clone());
        let Some(output) = facts.benchmarks.get(&self.run) else {
            return outcome.inconclusive(tr!("bench-metric-no-output", run = &self.run));
        };
        if output.matching(&self.benchmark).next().is_none() {
            let found = output.names();
            outcome.explanation = Some(tr!("bench-metric-not-run", benchmark = &self.benchmark));
            outcome.evidence.push(if found.is_empty() {
                tr!("bench-metric-no-results")
            } else {
                tr!("bench-metric-ran", benchmarks = crate::i18n::list(&found))
            });
            return outcome;
        }
        let values = output.values(&self.benchmark, &self.metric);
        let Some(value) = median(&values) else {
            outcome.explanation = Some(tr!(
                "bench-metric-no-values",
                benchmark = &self.benchmark,
                metric = &self.metric
            ));
            outcome.evidence.push(tr!(
                "bench-metric-units",
                units = crate::i18n::list(output.units(&self.benchmark))
            ));
            return outcome;
        };
        if values.len() > 1 {
            outcome.samples = values.clone();
            let limit = [self.bound.limit()];
            let list: Vec<String> = values.iter().map(|v| beside(*v, &limit, "")).collect();
            outcome.evidence.push(tr!(
                "bench-metric-median-of",
                runs = values.len().to_string(),
                values = crate::i18n::list(&list)
            ));
        }
        if !outcome.judge(value) {
            outcome.explanation = Some(miss(value, self.bound, &self.metric));
        }
        outcome
    }
}

/// "1999 allocs/op is 999.5× the limit of 2": the value, the bound and their
/// ratio each precise enough to read differently from the other (and the
/// ratio from 1) when they differ.
fn miss(value: f64, bound: Bound, unit: &str) -> String {
    let (measured, limit) = against(value, bound.limit(), "");
    match bound {
        Bound::AtMost(l) if l > 0.0 => tr!(
            "bench-metric-times-the-limit",
            measured = measured,
            unit = unit,
            times = beside(value / l, &[1.0], ""),
            limit = limit
        ),
        Bound::AtMost(_) => tr!(
            "bench-metric-over-the-limit",
            measured = measured,
            unit = unit,
            limit = limit
        ),
        Bound::AtLeast(_) => tr!(
            "bench-metric-below-the-required",
            measured = measured,
            unit = unit,
            limit = limit
        ),
        Bound::Exactly(_) => tr!(
            "bench-metric-not-exactly",
            measured = measured,
            unit = unit,
            limit = limit
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench;
    use crate::goals::Status;

    fn goal(metric: &str, bound: Bound) -> BenchMetric {
        BenchMetric {
            run: "bench".into(),
            benchmark: "BenchmarkJoin".into(),
            metric: metric.into(),
            bound,
        }
    }

    fn facts(text: &str) -> Facts {
        let mut facts = Facts::default();
        facts.benchmarks.insert("bench".into(), bench::parse(text));
        facts
    }

    #[test]
    fn median_meets_bound() {
        let facts = facts(
            "BenchmarkJoin-2 100 5 ns/op 1 allocs/op\nBenchmarkJoin-2 100 5 ns/op 9 allocs/op\nBenchmarkJoin-2 100 5 ns/op 2 allocs/op\n",
        );
        let outcome = goal("allocs/op", Bound::AtMost(2.0)).evaluate(&facts);
        assert_eq!(outcome.status, Status::Pass);
        assert_eq!(outcome.measured, Some(2.0));
        assert_eq!(outcome.evidence, vec!["median of 3 runs: 1, 9, 2"]);
    }

    #[test]
    fn unmet_bound_says_by_how_much() {
        let facts = facts("BenchmarkJoin-2 100 5 ns/op 1999 allocs/op\n");
        let outcome = goal("allocs/op", Bound::AtMost(2.0)).evaluate(&facts);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some("1999 allocs/op is 999.5× the limit of 2")
        );
    }

    #[test]
    fn a_value_just_over_its_bound_reads_over_it() {
        let over = facts("BenchmarkJoin-2 100 5 ns/op 2.0001 allocs/op\n");
        let outcome = goal("allocs/op", Bound::AtMost(2.0)).evaluate(&over);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some("2.0001 allocs/op is 1.0001× the limit of 2")
        );
        let tiny = facts("BenchmarkJoin-2 100 5 ns/op 0.000033 things/op\n");
        let outcome = goal("things/op", Bound::AtMost(0.0)).evaluate(&tiny);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some("3.3e-5 things/op, the limit is 0")
        );
    }

    #[test]
    fn missing_benchmark_lists_what_ran() {
        let facts = facts("BenchmarkOther-2 100 5 ns/op\n");
        let outcome = goal("ns/op", Bound::AtMost(2.0)).evaluate(&facts);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            outcome.evidence,
            vec!["benchmarks that ran: BenchmarkOther"]
        );
    }

    #[test]
    fn missing_unit_lists_units() {
        let facts = facts("BenchmarkJoin-2 100 5 ns/op\n");
        let outcome = goal("B/op", Bound::AtMost(2.0)).evaluate(&facts);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.evidence, vec!["units reported: ns/op"]);
    }

    #[test]
    fn at_least_bound_on_custom_unit() {
        let facts = facts("BenchmarkJoin-2 100 5 ns/op 40 items/s\n");
        let outcome = goal("items/s", Bound::AtLeast(50.0)).evaluate(&facts);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(
            outcome.explanation.as_deref(),
            Some("40 items/s is below the required 50")
        );
    }
}
