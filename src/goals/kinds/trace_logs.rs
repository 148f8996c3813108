//! `trace-logs`: `trace.Log` records of one category, optionally inside tasks
//! of a name: how many; the evidence lists the categories the trace holds.

use serde::Deserialize;

use crate::goals::picture::Level;
use crate::goals::trace::{inventory, trace, traced};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement, Status};
use crate::tr;

/// Logs of one category (optionally inside tasks of a name): how many.
#[derive(Debug, Clone)]
pub struct TraceLogs {
    pub run: String,
    pub category: String,
    pub in_task: Option<String>,
    pub count: Bound,
}

/// The keys of a `trace-logs` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceLogsFile {
    pub category: String,
    #[serde(default)]
    pub in_task: Option<String>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub exactly: Option<f64>,
}

impl Kind for TraceLogs {
    type File = TraceLogsFile;

    fn validate(file: TraceLogsFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let count = checker.count(file.at_most, file.at_least, file.exactly);
        checker.within(count, Domain::Count, &tr!("trace-what-logs"));
        TraceLogs {
            run,
            category: file.category,
            in_task: file.in_task,
            count,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome::new(
            tr!(
                "trace-logs-subject",
                category = format!("{:?}", self.category)
            ),
            Some(self.count),
        );
        let Some(measured) = trace(facts, &self.run, &mut outcome, &[Level::RunningGoroutines]) else {
            return outcome;
        };
        let t = &measured.facts;
        let task_ids: Option<Vec<u64>> = self.in_task.as_ref().map(|name| {
            t.tasks
                .iter()
                .filter(|task| *task.name == **name)
                .map(|task| task.id)
                .collect()
        });
        let count = t
            .logs
            .iter()
            .filter(|l| *l.category == *self.category)
            .filter(|l| task_ids.as_ref().is_none_or(|ids| ids.contains(&l.task)))
            .count();
        outcome.measured = Some(count as f64);
        if self.count.holds(count as f64) {
            outcome.status = Status::Pass;
            return outcome;
        }
        outcome.explanation = Some(tr!(
            "trace-logs-explanation",
            count = count,
            category = format!("{:?}", self.category),
            bound = self.count.to_string()
        ));
        outcome.evidence.push(tr!(
            "trace-logs-found",
            categories = inventory(t.logs.iter().map(|l| &*l.category))
        ));
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::trace::testing::facts;

    #[test]
    fn logs_by_category_in_tasks() {
        let facts = facts("tasks-go126.trace");
        let goal = |category: &str, bound| TraceLogs {
            run: "bench".into(),
            category: category.into(),
            in_task: Some("request".into()),
            count: bound,
        };
        assert_eq!(
            goal("worker", Bound::Exactly(3.0)).evaluate(&facts).status,
            Status::Pass
        );
        let missing = goal("items", Bound::AtLeast(1.0)).evaluate(&facts);
        assert_eq!(missing.status, Status::Fail);
        assert!(missing.evidence[0].contains("worker (3)"));
    }

}
