//! `trace-regions`: regions of one name (`trace.WithRegion`), or of the names
//! a pattern matches: how many, present in every task of a name, nested in a
//! parent region, how long they took; the evidence lists the regions the
//! trace holds instead.

use serde::Deserialize;

use crate::goals::picture::Level;
use crate::goals::trace::{
    Conditions, Durations, DurationsFile, Names, Spans, inventory, trace, traced,
};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;

/// Regions of one name, or of the names a pattern matches: present (in every
/// task of a name, or anywhere), nested in a parent region, how many, and how
/// long they took.
#[derive(Debug, Clone)]
pub struct TraceRegions {
    pub run: String,
    pub names: Names,
    pub in_task: Option<String>,
    pub parent: Option<String>,
    pub count: Bound,
    /// How long the regions may take.
    pub duration: Option<Durations>,
}

/// The keys of a `trace-regions` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceRegionsFile {
    /// One name; or `name-matches`, a pattern over names.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub name_matches: Option<String>,
    #[serde(default)]
    pub in_task: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub exactly: Option<f64>,
    #[serde(default)]
    pub duration: Option<DurationsFile>,
}

impl Kind for TraceRegions {
    type File = TraceRegionsFile;

    fn validate(file: TraceRegionsFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let names = Names::validate(file.name, file.name_matches, checker);
        let count = checker.count(file.at_most, file.at_least, file.exactly);
        checker.within(count, Domain::Count, &tr!("trace-what-regions"));
        let duration = file.duration.and_then(|d| Durations::validate(d, checker));
        TraceRegions {
            run,
            names,
            in_task: file.in_task,
            parent: file.parent,
            count,
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
        let subject = match &self.in_task {
            None => tr!("trace-regions-subject", name = &name),
            Some(task) => tr!(
                "trace-regions-subject-in-task",
                name = &name,
                task = format!("{task:?}")
            ),
        };
        let mut outcome = Outcome::new(subject, Some(self.count));
        let Some(measured) = trace(facts, &self.run, &mut outcome, &[Level::RunningGoroutines]) else {
            return outcome;
        };
        let t = &measured.facts;
        let regions: Vec<_> = t
            .regions
            .iter()
            .filter(|r| self.names.matches(&r.name))
            .collect();
        outcome.measured = Some(regions.len() as f64);
        // The headline shows the first condition that fails.
        let mut conditions = Conditions::default();
        if !self.count.holds(regions.len() as f64) {
            conditions.count_failed(tr!(
                "trace-regions-count",
                count = regions.len(),
                name = &name,
                bound = self.count.to_string()
            ));
        }
        if let Some(task_name) = &self.in_task {
            let tasks: Vec<_> = t
                .tasks
                .iter()
                .filter(|task| *task.name == **task_name)
                .collect();
            let without: Vec<_> = tasks
                .iter()
                .filter(|task| !regions.iter().any(|r| r.task == task.id))
                .collect();
            let task = format!("{task_name:?}");
            if tasks.is_empty() {
                conditions.failed(
                    tr!("trace-tasks-subject", name = &task),
                    0.0,
                    Bound::AtLeast(1.0),
                    tr!("trace-regions-no-task", task = &task),
                );
                outcome.evidence.push(tr!(
                    "trace-found-tasks",
                    tasks = inventory(t.tasks.iter().map(|x| &*x.name))
                ));
            } else if !without.is_empty() {
                conditions.failed(
                    tr!("trace-regions-tasks-without", task = &task, name = &name),
                    without.len() as f64,
                    Bound::AtMost(0.0),
                    tr!(
                        "trace-regions-tasks-without-count",
                        without = without.len(),
                        total = tasks.len(),
                        task = &task,
                        name = &name
                    ),
                );
            }
        }
        if let Some(parent) = &self.parent {
            let orphans = regions
                .iter()
                .filter(|r| r.parent.as_deref() != Some(parent.as_str()))
                .count();
            if orphans > 0 {
                let parent = format!("{parent:?}");
                conditions.failed(
                    tr!("trace-regions-outside", name = &name, parent = &parent),
                    orphans as f64,
                    Bound::AtMost(0.0),
                    tr!(
                        "trace-regions-outside-count",
                        count = orphans,
                        name = &name,
                        parent = &parent
                    ),
                );
            }
        }
        if let Some(durations) = &self.duration {
            // The regions recorded one by one: all but in the largest traces.
            let lasted: Vec<i64> = regions
                .iter()
                .filter_map(|r| Some(r.end? - r.begin?))
                .collect();
            conditions.durations(durations, &lasted, Spans::Regions, &name);
        }
        if conditions.any_failed() {
            if let Some(matched) = self.names.matched(regions.iter().map(|r| &*r.name)) {
                outcome.evidence.push(matched);
            }
            outcome.evidence.push(tr!(
                "trace-found-regions",
                regions = inventory(t.regions.iter().map(|r| &*r.name))
            ));
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

    fn regions(name: &str, in_task: Option<&str>, parent: Option<&str>) -> TraceRegions {
        TraceRegions {
            run: "bench".into(),
            names: Names::Exactly(name.into()),
            in_task: in_task.map(str::to_owned),
            parent: parent.map(str::to_owned),
            count: Bound::AtLeast(1.0),
            duration: None,
        }
    }

    #[test]
    fn regions_whose_name_a_pattern_matches() {
        let facts = facts("tasks-go126.trace");
        let goal = |pattern: &str| TraceRegions {
            names: Names::Matching(pattern.into(), regex::Regex::new(pattern).unwrap()),
            ..regions("", Some("request"), None)
        };
        // fetch and decode, three each, all in the one request task.
        let found = goal("^(fetch|decode)$").evaluate(&facts);
        assert_eq!(found.status, Status::Pass, "{:?}", found.explanation);
        assert_eq!(found.measured, Some(6.0));
        let mut quick = goal("^(fetch|decode)$");
        quick.duration = Some(Durations {
            percentile: None,
            at_most: std::time::Duration::from_nanos(1),
        });
        let slow = quick.evaluate(&facts);
        assert_eq!(slow.status, Status::Fail);
        assert_eq!(
            slow.subject,
            "longest duration of regions named /^(fetch|decode)$/"
        );
        assert_eq!(
            slow.evidence[0],
            "/^(fetch|decode)$/ matched decode (3), fetch (3)"
        );
        let none = goal("^nothing$").evaluate(&facts);
        assert_eq!(none.status, Status::Fail);
        assert_eq!(none.measured, Some(0.0));
    }

    #[test]
    fn regions_in_tasks_and_nesting() {
        let facts = facts("tasks-go126.trace");
        assert_eq!(
            regions("fetch", Some("request"), None)
                .evaluate(&facts)
                .status,
            Status::Pass
        );
        assert_eq!(
            regions("decode", None, Some("fetch"))
                .evaluate(&facts)
                .status,
            Status::Pass
        );
        let outside = regions("write", Some("request"), None).evaluate(&facts);
        assert_eq!(outside.status, Status::Fail);
        assert!(
            outside
                .explanation
                .unwrap()
                .contains("1 of 1 tasks named \"request\" have no region \"write\"")
        );
        let unnested = regions("fetch", None, Some("decode")).evaluate(&facts);
        assert_eq!(unnested.status, Status::Fail);
        // How long the regions take: a bound far below it fails, and heads the outcome.
        let mut quick = regions("fetch", None, None);
        quick.duration = Some(Durations {
            percentile: None,
            at_most: std::time::Duration::from_nanos(1),
        });
        let slow = quick.evaluate(&facts);
        assert_eq!(slow.status, Status::Fail);
        assert_eq!(slow.subject, "longest duration of regions named \"fetch\"");
        assert_eq!(slow.unit.as_deref(), Some("ns"));
        quick.duration = Some(Durations {
            percentile: Some(50.0),
            at_most: std::time::Duration::from_secs(60),
        });
        assert_eq!(quick.evaluate(&facts).status, Status::Pass);
    }

}
