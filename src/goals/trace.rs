//! Goals over execution traces: goroutines left running when the trace stops
//! (leaks), goroutines created and live at once, tasks, regions and logs by
//! name, time blocked by reason, and flight-recorder snapshots. Traces come from
//! their own `go test -trace` run; snapshots from the exercise's code, written to
//! the path the runner puts in [`SNAPSHOT_ENV`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::Regex;

use super::{Bound, Facts, Outcome, Requirement, Status, format_number};
use crate::trace::facts::{Facts as TraceFacts, FrameInfo, Goroutine};

/// The environment variable naming where a flight-recorder snapshot goes.
pub const SNAPSHOT_ENV: &str = "WORKSHOP_SNAPSHOT";

/// A trace as measured for a check.
#[derive(Debug, Clone)]
pub struct MeasuredTrace {
    pub facts: TraceFacts,
    /// Benchmark iterations of the run that wrote it.
    pub ops: u64,
}

/// A flight-recorder snapshot as found after its run.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub path: PathBuf,
    /// `None` when the file does not exist.
    pub size: Option<u64>,
    /// The snapshot's facts, or why it could not be read.
    pub read: Option<Result<TraceFacts, String>>,
}

fn base(subject: String, bound: Option<Bound>) -> Outcome {
    Outcome {
        id: String::new(),
        kind: "",
        status: Status::Fail,
        subject,
        measured: None,
        bound,
        threshold: bound.map(Bound::limit),
        unit: None,
        explanation: None,
        evidence: Vec::new(),
        hint: None,
    }
}

fn trace<'a>(facts: &'a Facts, run: &str, outcome: &mut Outcome) -> Option<&'a MeasuredTrace> {
    let found = facts.traces.get(run);
    if found.is_none() {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!("run `{run}` wrote no trace"));
    }
    found
}

/// Whether a goroutine was created by code in the exercise's package.
fn created_in(goroutine: &Goroutine, package_dir: &Path) -> bool {
    goroutine
        .creation_stack
        .iter()
        .any(|f| Path::new(&f.file).starts_with(package_dir))
}

/// `fetch.go:41 (Fetch)`
fn site(frame: Option<&FrameInfo>) -> String {
    match frame {
        Some(f) => {
            let file = f.file.rsplit('/').next().unwrap_or(&f.file);
            let function = f.function.rsplit('/').next().unwrap_or(&f.function);
            let function = function.split_once('.').map_or(function, |(_, name)| name);
            format!("{file}:{} ({function})", f.line)
        }
        None => "an unknown place".to_owned(),
    }
}

fn in_package<'a>(stack: &'a [FrameInfo], package_dir: &Path) -> Option<&'a FrameInfo> {
    stack
        .iter()
        .find(|f| Path::new(&f.file).starts_with(package_dir))
}

/// Goroutines created in the exercise's package and still alive when the trace
/// stopped: at most `bound`.
#[derive(Debug, Clone)]
pub struct TraceLeaks {
    pub run: String,
    pub bound: Bound,
}

/// What every trace goal needs: a trace of its own run.
fn traced(run: &str) -> Vec<Requirement> {
    vec![Requirement::Trace {
        run: run.to_owned(),
    }]
}

impl TraceLeaks {
    pub fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = base(
            "goroutines of the exercise alive at the end".into(),
            Some(self.bound),
        );
        let Some(measured) = trace(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        let leaked: Vec<&Goroutine> = measured
            .facts
            .alive_at_end()
            .filter(|g| created_in(g, &facts.package_dir))
            .collect();
        outcome.measured = Some(leaked.len() as f64);
        if self.bound.holds(leaked.len() as f64) {
            outcome.status = Status::Pass;
            return outcome;
        }
        outcome.explanation = Some(format!(
            "{} goroutine{} created by the exercise never ended",
            leaked.len(),
            if leaked.len() == 1 { "" } else { "s" }
        ));
        let mut groups: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for g in &leaked {
            let created = site(in_package(&g.creation_stack, &facts.package_dir));
            let state = if g.last_reason.is_empty() {
                g.final_state.name().to_lowercase()
            } else {
                format!("blocked in {}", g.last_reason)
            };
            let at = site(in_package(&g.last_stack, &facts.package_dir).or(g.last_stack.first()));
            *groups.entry((created, state, at)).or_default() += 1;
        }
        let mut groups: Vec<_> = groups.into_iter().collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for ((created, state, at), count) in groups.into_iter().take(5) {
            outcome.evidence.push(format!(
                "{count} goroutine{} created at {created} {state} at {at}",
                if count == 1 { "" } else { "s" }
            ));
        }
        outcome
    }
}

/// What `trace-goroutines` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoroutineMeasure {
    /// Goroutines created by the exercise's package, in total.
    Created,
    /// The same, per benchmark op.
    CreatedPerOp,
    /// The most goroutines alive at the same time (all of the program's).
    MaxLive,
}

#[derive(Debug, Clone)]
pub struct TraceGoroutines {
    pub run: String,
    pub measure: GoroutineMeasure,
    pub bound: Bound,
}

impl TraceGoroutines {
    pub fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let subject = match self.measure {
            GoroutineMeasure::Created => "goroutines created by the exercise",
            GoroutineMeasure::CreatedPerOp => "goroutines created by the exercise per op",
            GoroutineMeasure::MaxLive => "goroutines live at once, at most",
        };
        let mut outcome = base(subject.into(), Some(self.bound));
        let Some(measured) = trace(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        let created = measured
            .facts
            .goroutines
            .iter()
            .filter(|g| g.created.is_some() && created_in(g, &facts.package_dir))
            .count() as f64;
        let value = match self.measure {
            GoroutineMeasure::Created => created,
            GoroutineMeasure::CreatedPerOp => {
                if measured.ops == 0 {
                    outcome.status = Status::Inconclusive;
                    outcome.explanation = Some(format!(
                        "run `{}` reported no benchmark iterations",
                        self.run
                    ));
                    return outcome;
                }
                created / measured.ops as f64
            }
            GoroutineMeasure::MaxLive => measured.facts.max_live_goroutines as f64,
        };
        outcome.measured = Some(value);
        if self.bound.holds(value) {
            outcome.status = Status::Pass;
            return outcome;
        }
        outcome.explanation = Some(format!(
            "{} is {}, want {}",
            subject,
            format_number(value),
            self.bound
        ));
        let mut sites: BTreeMap<String, usize> = BTreeMap::new();
        for g in measured
            .facts
            .goroutines
            .iter()
            .filter(|g| g.created.is_some() && created_in(g, &facts.package_dir))
        {
            *sites
                .entry(site(in_package(&g.creation_stack, &facts.package_dir)))
                .or_default() += 1;
        }
        let mut sites: Vec<_> = sites.into_iter().collect();
        sites.sort_by_key(|s| std::cmp::Reverse(s.1));
        for (at, count) in sites.into_iter().take(3) {
            outcome
                .evidence
                .push(format!("{count} goroutines created at {at}"));
        }
        if self.measure == GoroutineMeasure::MaxLive {
            outcome.evidence.push(format!(
                "the most were live {} into the trace",
                crate::report::human::nanos(measured.facts.max_live_at - measured.facts.start)
            ));
        }
        outcome
    }
}

/// Names and counts of what a trace holds, for "found ...; expected ..." evidence.
fn inventory<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    if counts.is_empty() {
        return "none".to_owned();
    }
    counts
        .iter()
        .map(|(name, n)| format!("{} ({n})", if name.is_empty() { "(unnamed)" } else { name }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Tasks of one name: how many, how many goroutines each touched, whether they ended.
#[derive(Debug, Clone)]
pub struct TraceTasks {
    pub run: String,
    pub name: String,
    pub count: Bound,
    pub goroutines_at_least: Option<usize>,
    pub ended: bool,
}

impl TraceTasks {
    pub fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = base(format!("tasks named {:?}", self.name), Some(self.count));
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
        if !self.count.holds(tasks.len() as f64) {
            problems.push(format!(
                "{} tasks named {:?}, want {}",
                tasks.len(),
                self.name,
                self.count
            ));
            outcome.evidence.push(format!(
                "found tasks: {}; expected: {}",
                inventory(measured.facts.tasks.iter().map(|t| &*t.name)),
                self.name
            ));
            let untasked = inventory(
                measured
                    .facts
                    .regions
                    .iter()
                    .filter(|r| r.task == 0)
                    .map(|r| &*r.name),
            );
            if untasked != "none" {
                outcome.evidence.push(format!(
                    "regions in no task (the background task): {untasked}"
                ));
            }
        }
        if let Some(at_least) = self.goroutines_at_least {
            let thin: Vec<_> = tasks
                .iter()
                .filter(|t| t.goroutines.len() < at_least)
                .collect();
            if !thin.is_empty() {
                problems.push(format!(
                    "{} of {} tasks touched fewer than {at_least} goroutines",
                    thin.len(),
                    tasks.len()
                ));
                outcome.evidence.push(format!(
                    "task {} touched goroutine{} {:?}: a goroutine belongs to a task when it begins or ends it, or runs a region or logs with the task's context",
                    thin[0].id,
                    if thin[0].goroutines.len() == 1 { "" } else { "s" },
                    thin[0].goroutines
                ));
            }
        }
        if self.ended {
            let open = tasks.iter().filter(|t| t.end.is_none()).count();
            if open > 0 {
                problems.push(format!(
                    "{open} of {} tasks never ended (call End on each task)",
                    tasks.len()
                ));
            }
        }
        if problems.is_empty() {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(problems.join("; "));
        }
        outcome
    }
}

/// Regions of one name: present (in every task of a name, or anywhere), nested
/// in a parent region, and how many.
#[derive(Debug, Clone)]
pub struct TraceRegions {
    pub run: String,
    pub name: String,
    pub in_task: Option<String>,
    pub parent: Option<String>,
    pub count: Bound,
}

impl TraceRegions {
    pub fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut subject = format!("regions named {:?}", self.name);
        if let Some(task) = &self.in_task {
            subject.push_str(&format!(" in every task {task:?}"));
        }
        let mut outcome = base(subject, Some(self.count));
        let Some(measured) = trace(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        let t = &measured.facts;
        let regions: Vec<_> = t.regions.iter().filter(|r| *r.name == *self.name).collect();
        outcome.measured = Some(regions.len() as f64);
        let mut problems = Vec::new();
        if !self.count.holds(regions.len() as f64) {
            problems.push(format!(
                "{} regions named {:?}, want {}",
                regions.len(),
                self.name,
                self.count
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
            if tasks.is_empty() {
                problems.push(format!("the trace has no task named {task_name:?}"));
                outcome.evidence.push(format!(
                    "found tasks: {}",
                    inventory(t.tasks.iter().map(|x| &*x.name))
                ));
            } else if !without.is_empty() {
                problems.push(format!(
                    "{} of {} tasks named {task_name:?} have no region {:?}",
                    without.len(),
                    tasks.len(),
                    self.name
                ));
            }
        }
        if let Some(parent) = &self.parent {
            let orphans = regions
                .iter()
                .filter(|r| r.parent.as_deref() != Some(parent.as_str()))
                .count();
            if orphans > 0 {
                problems.push(format!(
                    "{orphans} regions {:?} are not inside a region {parent:?}",
                    self.name
                ));
            }
        }
        if problems.is_empty() {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(problems.join("; "));
            outcome.evidence.push(format!(
                "found regions: {}",
                inventory(t.regions.iter().map(|r| &*r.name))
            ));
        }
        outcome
    }
}

/// Logs of one category (optionally inside tasks of a name): how many.
#[derive(Debug, Clone)]
pub struct TraceLogs {
    pub run: String,
    pub category: String,
    pub in_task: Option<String>,
    pub count: Bound,
}

impl TraceLogs {
    pub fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = base(
            format!("logs of category {:?}", self.category),
            Some(self.count),
        );
        let Some(measured) = trace(facts, &self.run, &mut outcome) else {
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
        outcome.explanation = Some(format!(
            "{count} logs of category {:?}, want {}",
            self.category, self.count
        ));
        outcome.evidence.push(format!(
            "found log categories: {}",
            inventory(t.logs.iter().map(|l| &*l.category))
        ));
        outcome
    }
}

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

impl TraceBlocked {
    pub fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = base(
            format!("time blocked in /{}/", self.reason),
            Some(self.bound),
        );
        let Some(measured) = trace(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        let mut by_reason: BTreeMap<&str, i64> = BTreeMap::new();
        let mut lifetime = 0i64;
        for g in measured
            .facts
            .goroutines
            .iter()
            .filter(|g| created_in(g, &facts.package_dir))
        {
            lifetime += g.running_ns + g.runnable_ns + g.syscall_ns + g.waiting_total();
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
                outcome.explanation = Some(format!(
                    "run `{}` reported no benchmark iterations",
                    self.run
                ));
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
        outcome.explanation = Some(format!(
            "the exercise's goroutines were blocked in /{}/ for {}",
            self.reason,
            crate::report::human::quantity(value, outcome.unit.as_deref().unwrap_or(""))
        ));
        let mut reasons: Vec<_> = by_reason.into_iter().collect();
        reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
        let listed: Vec<String> = reasons
            .iter()
            .take(5)
            .map(|(r, ns)| format!("{r} {}", crate::report::human::nanos(*ns)))
            .collect();
        outcome
            .evidence
            .push(format!("blocked time by reason: {}", listed.join(", ")));
        outcome
    }
}

/// A flight-recorder snapshot the exercise wrote: it exists, parses, comes from
/// Go 1.25 or later, holds a task or region, and stays within a size.
#[derive(Debug, Clone)]
pub struct FlightRecorder {
    pub run: String,
    pub task: Option<String>,
    pub region: Option<String>,
    pub max_bytes: Option<u64>,
}

impl FlightRecorder {
    pub fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Snapshot {
            run: self.run.clone(),
        }]
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = base(
            "flight-recorder snapshot".into(),
            self.max_bytes.map(|b| Bound::AtMost(b as f64)),
        );
        outcome.unit = Some("bytes".into());
        let Some(snapshot) = facts.snapshots.get(&self.run) else {
            outcome.status = Status::Inconclusive;
            outcome.explanation = Some(format!("run `{}` was not made", self.run));
            return outcome;
        };
        let Some(size) = snapshot.size else {
            outcome.explanation = Some(format!(
                "no snapshot was written (the test hands the code a writer that saves to the path in ${SNAPSHOT_ENV})"
            ));
            outcome
                .evidence
                .push(format!("expected a file at {}", snapshot.path.display()));
            return outcome;
        };
        outcome.measured = Some(size as f64);
        let trace = match &snapshot.read {
            Some(Ok(trace)) => trace,
            Some(Err(why)) => {
                outcome.explanation = Some(format!(
                    "the snapshot is not a readable execution trace: {why}"
                ));
                return outcome;
            }
            None => return outcome,
        };
        let mut problems = Vec::new();
        let minor: u32 = trace
            .format
            .trim_start_matches("go 1.")
            .parse()
            .unwrap_or(0);
        if minor < 25 {
            problems.push(format!(
                "the snapshot's format is {}; flight recording needs Go 1.25 or later",
                trace.format
            ));
        }
        if let Some(task) = &self.task
            && !trace.tasks.iter().any(|t| *t.name == **task)
        {
            problems.push(format!("it holds no task named {task:?}"));
            outcome.evidence.push(format!(
                "found tasks: {}",
                inventory(trace.tasks.iter().map(|t| &*t.name))
            ));
        }
        if let Some(region) = &self.region
            && !trace.regions.iter().any(|r| *r.name == **region)
        {
            problems.push(format!("it holds no region named {region:?}"));
            outcome.evidence.push(format!(
                "found regions: {}",
                inventory(trace.regions.iter().map(|r| &*r.name))
            ));
        }
        if let Some(max) = self.max_bytes
            && size > max
        {
            problems.push(format!(
                "it is {}, more than the {} allowed (set MaxBytes on the recorder)",
                crate::report::human::bytes(size),
                crate::report::human::bytes(max)
            ));
        }
        if problems.is_empty() {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(format!("the snapshot {}", problems.join("; ")));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/traces")
            .join(name)
    }

    /// The facts of a corpus trace, with the directory of the program that wrote
    /// it (as recorded in the trace) as the "exercise package".
    fn facts(name: &str) -> Facts {
        let trace = TraceFacts::read(&fixture(name)).unwrap();
        let package_dir = trace
            .goroutines
            .iter()
            .flat_map(|g| g.creation_stack.iter().chain(g.last_stack.iter()))
            .find(|f| f.file.ends_with("/gen/basic.go") || f.file.ends_with("/gen/main.go"))
            .map(|f| Path::new(&f.file).parent().unwrap().to_owned())
            .expect("a frame of the generator");
        let mut facts = Facts {
            package_dir,
            ..Facts::default()
        };
        facts.traces.insert(
            "bench".into(),
            MeasuredTrace {
                facts: trace,
                ops: 1,
            },
        );
        facts
    }

    #[test]
    fn leaks_are_grouped_by_creation_and_blocking_site() {
        let outcome = TraceLeaks {
            run: "bench".into(),
            bound: Bound::AtMost(0.0),
        }
        .evaluate(&facts("leak-go126.trace"));
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.measured.unwrap() >= 4.0);
        assert!(
            outcome.evidence.iter().any(|l| l.starts_with(
                "4 goroutines created at basic.go:191 (leak) blocked in chan send at basic.go:191"
            )),
            "{:?}",
            outcome.evidence
        );
    }

    #[test]
    fn goroutines_created_outside_the_package_do_not_count() {
        let mut facts = facts("leak-go126.trace");
        facts.package_dir = PathBuf::from("/nowhere/else");
        let outcome = TraceLeaks {
            run: "bench".into(),
            bound: Bound::AtMost(0.0),
        }
        .evaluate(&facts);
        assert_eq!(outcome.status, Status::Pass);
        assert_eq!(outcome.measured, Some(0.0));
    }

    #[test]
    fn goroutines_created_and_live() {
        let facts = facts("churn-go125.trace");
        let created = TraceGoroutines {
            run: "bench".into(),
            measure: GoroutineMeasure::Created,
            bound: Bound::AtMost(10.0),
        }
        .evaluate(&facts);
        assert_eq!(created.status, Status::Fail);
        assert!(created.measured.unwrap() >= 300.0);
        assert!(
            created.evidence[0].contains("created at basic.go"),
            "{:?}",
            created.evidence
        );
        let live = TraceGoroutines {
            run: "bench".into(),
            measure: GoroutineMeasure::MaxLive,
            bound: Bound::AtLeast(2.0),
        }
        .evaluate(&facts);
        assert_eq!(live.status, Status::Pass);
    }

    fn tasks(name: &str, ended: bool) -> TraceTasks {
        TraceTasks {
            run: "bench".into(),
            name: name.into(),
            count: Bound::AtLeast(1.0),
            goroutines_at_least: Some(2),
            ended,
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
        // "save" ran on one goroutine only.
        let thin = tasks("save", true).evaluate(&facts("tasks-go126.trace"));
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

    fn regions(name: &str, in_task: Option<&str>, parent: Option<&str>) -> TraceRegions {
        TraceRegions {
            run: "bench".into(),
            name: name.into(),
            in_task: in_task.map(str::to_owned),
            parent: parent.map(str::to_owned),
            count: Bound::AtLeast(1.0),
        }
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
    }

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

    fn snapshot_facts(name: Option<&str>) -> Facts {
        let path = fixture(name.unwrap_or("does-not-exist.trace"));
        let size = std::fs::metadata(&path).ok().map(|m| m.len());
        let read = size.map(|_| TraceFacts::read(&path).map_err(|e| e.to_string()));
        let mut facts = Facts::default();
        facts
            .snapshots
            .insert("serve".into(), Snapshot { path, size, read });
        facts
    }

    fn recorder(max_bytes: u64) -> FlightRecorder {
        FlightRecorder {
            run: "serve".into(),
            task: Some("request".into()),
            region: Some("handle".into()),
            max_bytes: Some(max_bytes),
        }
    }

    #[test]
    fn flight_recorder_snapshots() {
        assert_eq!(
            recorder(4 << 20)
                .evaluate(&snapshot_facts(Some("flightrecorder-go126.trace")))
                .status,
            Status::Pass
        );
        let too_big = recorder(1000).evaluate(&snapshot_facts(Some("flightrecorder-go126.trace")));
        assert!(too_big.explanation.unwrap().contains("more than the"));
        let old = recorder(4 << 20).evaluate(&snapshot_facts(Some("tasks-go122.trace")));
        assert!(old.explanation.unwrap().contains("needs Go 1.25 or later"));
        let missing = recorder(4 << 20).evaluate(&snapshot_facts(None));
        assert_eq!(missing.status, Status::Fail);
        assert!(
            missing
                .explanation
                .unwrap()
                .starts_with("no snapshot was written")
        );
    }
}
