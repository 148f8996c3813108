//! `trace-tasks`: tasks of one name (`trace.NewTask`), or of the names a
//! pattern matches: how many, how many goroutines each touched, whether each
//! ended, how long they took; the evidence lists the tasks the trace holds
//! instead.

use serde::Deserialize;

use crate::goals::picture::Level;
use crate::goals::trace::{
    Conditions, Durations, DurationsFile, Names, Spans, inventory, trace, traced,
};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;

/// Tasks of one name, or of the names a pattern matches: how many, how many
/// goroutines each touched, whether they ended, how long they took.
#[derive(Debug, Clone)]
pub struct TraceTasks {
    pub run: String,
    pub names: Names,
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
    /// One name; or `name-matches`, a pattern over names.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub name_matches: Option<String>,
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
        let names = Names::validate(file.name, file.name_matches, checker);
        let count = checker.count(file.at_most, file.at_least, file.exactly);
        checker.within(count, Domain::Count, &tr!("trace-what-tasks"));
        let duration = file.duration.and_then(|d| Durations::validate(d, checker));
        TraceTasks {
            run,
            names,
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
        let name = self.names.shown();
        let mut outcome = Outcome::new(tr!("trace-tasks-subject", name = &name), Some(self.count));
        let Some(measured) = trace(facts, &self.run, &mut outcome, &[Level::RunningGoroutines, Level::LiveGoroutines]) else {
            return outcome;
        };
        let all = &measured.facts.tasks;
        let tasks: Vec<_> = all.iter().filter(|t| self.names.matches(&t.name)).collect();
        outcome.measured = Some(tasks.len() as f64);
        // The headline shows the first condition that fails.
        let mut conditions = Conditions::default();
        if !self.count.holds(tasks.len() as f64) {
            conditions.count_failed(tr!(
                "trace-tasks-count",
                count = tasks.len(),
                name = &name,
                bound = self.count.to_string()
            ));
            outcome.evidence.push(tr!(
                "trace-tasks-found-expected",
                tasks = inventory(all.iter().map(|t| &*t.name)),
                expected = self.names.expected()
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
                conditions.failed(
                    tr!("trace-tasks-fewest-goroutines", name = &name),
                    fewest as f64,
                    Bound::AtLeast(at_least as f64),
                    tr!(
                        "trace-tasks-thin",
                        thin = thin.len(),
                        total = tasks.len(),
                        at_least = at_least
                    ),
                );
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
                conditions.failed(
                    tr!("trace-tasks-not-ended", name = &name),
                    open as f64,
                    Bound::AtMost(0.0),
                    tr!(
                        "trace-tasks-never-ended",
                        open = open,
                        total = tasks.len()
                    ),
                );
            }
        }
        if let Some(durations) = &self.duration {
            let lasted: Vec<i64> = tasks
                .iter()
                .filter_map(|t| Some(t.end? - t.begin?))
                .collect();
            conditions.durations(durations, &lasted, Spans::Tasks, &name);
        }
        if conditions.any_failed()
            && let Some(matched) = self.names.matched(tasks.iter().map(|t| &*t.name))
        {
            outcome.evidence.push(matched);
        }
        conditions.judge(&mut outcome);
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::trace::testing::facts;

    fn tasks(name: &str, ended: bool) -> TraceTasks {
        TraceTasks {
            run: "bench".into(),
            names: Names::Exactly(name.into()),
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
    fn tasks_whose_name_a_pattern_matches() {
        let facts = facts("tasks-go126.trace");
        let matching = |pattern: &str, at_least: f64| TraceTasks {
            names: Names::Matching(pattern.into(), regex::Regex::new(pattern).unwrap()),
            count: Bound::AtLeast(at_least),
            goroutines_at_least: None,
            ..tasks("", true)
        };
        let both = matching("^(request|save)$", 2.0).evaluate(&facts);
        assert_eq!(both.status, Status::Pass, "{:?}", both.explanation);
        assert_eq!(both.measured, Some(2.0));
        assert_eq!(both.subject, "tasks named /^(request|save)$/");
        let more = matching("^re", 3.0).evaluate(&facts);
        assert_eq!(more.status, Status::Fail);
        assert_eq!(more.measured, Some(1.0));
        assert_eq!(
            more.evidence,
            [
                "found tasks: request (1), save (1); expected: /^re/",
                "/^re/ matched request (1)"
            ]
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
