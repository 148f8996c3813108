//! `trace-tasks`: tasks of one name (`trace.NewTask`): how many, how many
//! goroutines each touched, whether each ended; the evidence lists the tasks
//! the trace holds instead.

use serde::Deserialize;

use crate::goals::trace::{Durations, DurationsFile, inventory, trace, traced};
use crate::units::beside;
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement, Status};
use crate::tr;

/// Tasks of one name: how many, how many goroutines each touched, whether they ended.
#[derive(Debug, Clone)]
pub struct TraceTasks {
    pub run: String,
    pub name: String,
    pub count: Bound,
    pub goroutines_at_least: Option<usize>,
    pub ended: bool,
    /// How long the tasks may take.
    pub duration: Option<Durations>,
}

/// The keys of a `trace-tasks` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceTasksFile {
    pub name: String,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub exactly: Option<f64>,
    #[serde(default)]
    pub goroutines_at_least: Option<usize>,
    #[serde(default)]
    pub ended: bool,
    #[serde(default)]
    pub duration: Option<DurationsFile>,
}

impl Kind for TraceTasks {
    type File = TraceTasksFile;

    fn validate(file: TraceTasksFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let count = checker.count(file.at_most, file.at_least, file.exactly);
        checker.within(count, Domain::Count, &tr!("trace-what-tasks"));
        let duration = file.duration.and_then(|d| Durations::validate(d, checker));
        TraceTasks {
            run,
            name: file.name,
            count,
            goroutines_at_least: file.goroutines_at_least,
            ended: file.ended,
            duration,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let name = format!("{:?}", self.name);
        let mut outcome = Outcome::new(
            tr!("trace-tasks-subject", name = &name),
            Some(self.count),
        );
        let Some(measured) = trace(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        let tasks: Vec<_> = measured
            .facts
            .tasks
            .iter()
            .filter(|t| *t.name == *self.name)
            .collect();
        outcome.measured = Some(tasks.len() as f64);
        let mut problems = Vec::new();
        // The headline shows the first condition that fails: what, the
        // value, the bound, and whether it is a duration.
        let mut headline = None;
        if !self.count.holds(tasks.len() as f64) {
            headline = Some(None);
            problems.push(tr!(
                "trace-tasks-count",
                count = tasks.len(),
                name = &name,
                bound = self.count.to_string()
            ));
            outcome.evidence.push(tr!(
                "trace-tasks-found-expected",
                tasks = inventory(measured.facts.tasks.iter().map(|t| &*t.name)),
                expected = &self.name
            ));
            let mut untasked = measured
                .facts
                .regions
                .iter()
                .filter(|r| r.task == 0)
                .map(|r| &*r.name)
                .peekable();
            if untasked.peek().is_some() {
                outcome.evidence.push(tr!(
                    "trace-tasks-background-regions",
                    regions = inventory(untasked)
                ));
            }
        }
        if let Some(at_least) = self.goroutines_at_least {
            let thin: Vec<_> = tasks
                .iter()
                .filter(|t| t.goroutine_count < at_least)
                .collect();
            if !thin.is_empty() {
                let fewest = tasks.iter().map(|t| t.goroutine_count).min().unwrap_or(0);
                headline.get_or_insert(Some((
                    tr!("trace-tasks-fewest-goroutines", name = &name),
                    fewest as f64,
                    Bound::AtLeast(at_least as f64),
                    false,
                )));
                problems.push(tr!(
                    "trace-tasks-thin",
                    thin = thin.len(),
                    total = tasks.len(),
                    at_least = at_least
                ));
                outcome.evidence.push(tr!(
                    "trace-tasks-touched",
                    task = thin[0].id.to_string(),
                    count = thin[0].goroutine_count,
                    goroutines = format!("{:?}", thin[0].goroutines)
                ));
            }
        }
        if self.ended {
            let open = tasks.iter().filter(|t| t.end.is_none()).count();
            if open > 0 {
                headline.get_or_insert(Some((
                    tr!("trace-tasks-not-ended", name = &name),
                    open as f64,
                    Bound::AtMost(0.0),
                    false,
                )));
                problems.push(tr!(
                    "trace-tasks-never-ended",
                    open = open,
                    total = tasks.len()
                ));
            }
        }
        if let Some(durations) = &self.duration {
            let lasted: Vec<i64> = tasks
                .iter()
                .filter_map(|t| Some(t.end? - t.begin?))
                .collect();
            if let Some(value) = durations.of(&lasted)
                && value as f64 > durations.limit()
            {
                headline.get_or_insert(Some((
                    tr!(
                        "trace-tasks-duration",
                        at = durations.name(),
                        name = &name
                    ),
                    value as f64,
                    Bound::AtMost(durations.limit()),
                    true,
                )));
                problems.push(tr!(
                    "trace-tasks-takes",
                    at = durations.name(),
                    name = &name,
                    took = beside(value as f64, &[durations.limit()], "ns"),
                    limit = beside(durations.limit(), &[value as f64], "ns")
                ));
            }
        }
        if let Some(Some((subject, measured, bound, timed))) = headline {
            if timed {
                outcome.unit = Some("ns".into());
            }
            outcome.headline(subject, measured, bound);
        }
        if problems.is_empty() {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(problems.join("; "));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::trace::testing::facts;

    fn tasks(name: &str, ended: bool) -> TraceTasks {
        TraceTasks {
            run: "bench".into(),
            name: name.into(),
            count: Bound::AtLeast(1.0),
            goroutines_at_least: Some(2),
            ended,
            duration: None,
        }
    }

    #[test]
    fn tasks_by_name_with_goroutines() {
        let outcome = tasks("request", true).evaluate(&facts("tasks-go126.trace"));
        assert_eq!(outcome.status, Status::Pass, "{:?}", outcome.explanation);
        let wrong = tasks("order", true).evaluate(&facts("tasks-go126.trace"));
        assert_eq!(wrong.status, Status::Fail);
        assert_eq!(
            wrong.evidence[0],
            "found tasks: request (1), save (1); expected: order"
        );
        // "save" ran on one goroutine only: that is the headline, not its count.
        let thin = tasks("save", true).evaluate(&facts("tasks-go126.trace"));
        assert_eq!(thin.subject, "goroutines in each task \"save\", fewest");
        assert_eq!(thin.measured, Some(1.0));
        assert_eq!(thin.bound, Some(Bound::AtLeast(2.0)));
        assert!(
            thin.explanation
                .unwrap()
                .contains("fewer than 2 goroutines")
        );
    }

    #[test]
    fn trace_without_tasks() {
        let outcome = tasks("request", false).evaluate(&facts("churn-go126.trace"));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.measured, Some(0.0));
        assert_eq!(outcome.evidence[0], "found tasks: none; expected: request");
    }

    #[test]
    fn unended_tasks() {
        let mut goal = tasks("forever", true);
        goal.goroutines_at_least = None;
        let outcome = goal.evaluate(&facts("unended-go126.trace"));
        assert_eq!(outcome.status, Status::Fail);
        assert!(
            outcome
                .explanation
                .unwrap()
                .contains("1 of 1 tasks never ended")
        );
    }
}
