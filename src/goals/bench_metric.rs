//! `bench-metric`: a bound on one unit of a benchmark's output, taken as the
//! median over the run's `-count` repeats.

use super::{Bound, Facts, Outcome, Requirement, Status, format_number};
use crate::bench::median;

/// `BenchmarkJoin allocs/op ≤ 2`.
#[derive(Debug, Clone)]
pub struct BenchMetric {
    pub run: String,
    pub benchmark: String,
    pub metric: String,
    pub bound: Bound,
}

impl BenchMetric {
    pub fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Benchmarks {
            run: self.run.clone(),
        }]
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome {
            id: String::new(),
            kind: "",
            status: Status::Fail,
            subject: self.benchmark.clone(),
            measured: None,
            bound: Some(self.bound),
            threshold: Some(self.bound.limit()),
            unit: Some(self.metric.clone()),
            explanation: None,
            evidence: Vec::new(),
            hint: None,
        };
        let Some(output) = facts.benchmarks.get(&self.run) else {
            outcome.status = Status::Inconclusive;
            outcome.explanation = Some(format!("run `{}` produced no benchmark output", self.run));
            return outcome;
        };
        if output.matching(&self.benchmark).next().is_none() {
            let found = output.names();
            outcome.explanation = Some(format!("{} did not run", self.benchmark));
            outcome.evidence.push(if found.is_empty() {
                "no benchmark reported a result".to_owned()
            } else {
                format!("benchmarks that ran: {}", found.join(", "))
            });
            return outcome;
        }
        let values = output.values(&self.benchmark, &self.metric);
        let Some(value) = median(&values) else {
            outcome.explanation = Some(format!(
                "{} reported no {} values",
                self.benchmark, self.metric
            ));
            outcome.evidence.push(format!(
                "units reported: {}",
                output.units(&self.benchmark).join(", ")
            ));
            return outcome;
        };
        outcome.measured = Some(value);
        if values.len() > 1 {
            let list: Vec<String> = values.iter().map(|v| format_number(*v)).collect();
            outcome.evidence.push(format!(
                "median of {} runs: {}",
                values.len(),
                list.join(", ")
            ));
        }
        if self.bound.holds(value) {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(miss(value, self.bound, &self.metric));
        }
        outcome
    }
}

/// "1999 allocs/op is 999.5× the limit of 2"
fn miss(value: f64, bound: Bound, unit: &str) -> String {
    let limit = bound.limit();
    let measured = format_number(value);
    match bound {
        Bound::AtMost(_) if limit > 0.0 => format!(
            "{measured} {unit} is {}× the limit of {}",
            format_number(value / limit),
            format_number(limit)
        ),
        Bound::AtMost(_) => format!("{measured} {unit}, the limit is {}", format_number(limit)),
        Bound::AtLeast(_) => format!(
            "{measured} {unit} is below the required {}",
            format_number(limit)
        ),
        Bound::Exactly(_) => format!(
            "{measured} {unit}, the goal is exactly {}",
            format_number(limit)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench;

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
