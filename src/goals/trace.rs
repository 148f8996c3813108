//! What the trace goal kinds share: the trace of a run (whole, or the goal
//! fails), which goroutines are the exercise's own and where goroutines come
//! from (any frame of their creation stack), the tasks or regions a goal is
//! about (by name or by a pattern over names) and its conditions on them, and
//! lists of the names a trace holds for "found ...; expected ..." evidence.
//! Traces come from their own `go test -trace` run; snapshots from the
//! exercise's code, written to the path the runner puts in [`SNAPSHOT_ENV`].

use std::collections::BTreeMap;
use std::path::Path;

use regex::Regex;

use super::picture::{Level, Picture};
use super::{Bound, Facts, MeasuredTrace, Outcome, Requirement, Status};
use crate::tr;
use crate::trace::facts::{FrameInfo, GoroutineGroup};

/// The environment variable naming where a flight-recorder snapshot goes.
pub const SNAPSHOT_ENV: &str = "WORKSHOP_SNAPSHOT";

/// What every trace goal needs: a trace of its own run.
pub(super) fn traced(run: &str) -> Vec<Requirement> {
    vec![Requirement::Trace {
        run: run.to_owned(),
    }]
}

/// The trace of `run`; without one the goal is inconclusive, and on one that
/// is not whole it fails with the reader's words. The outcome gets the
/// picture of the trace's `levels` over time.
pub(super) fn trace<'a>(
    facts: &'a Facts,
    run: &str,
    outcome: &mut Outcome,
    levels: &[Level],
) -> Option<&'a MeasuredTrace> {
    match facts.traces.get(run) {
        Some(Ok(measured)) => {
            outcome.picture = Picture::of(&measured.facts, levels);
            Some(measured)
        }
        Some(Err(damage)) => {
            let why = tr!("trace-not-whole", run = run, why = &damage.why);
            damage.fail(outcome, why);
            None
        }
        None => {
            outcome.status = Status::Inconclusive;
            outcome.explanation = Some(tr!("trace-no-trace", run = run));
            None
        }
    }
}

/// Whether goroutines created at this stack were created by code in the
/// exercise's package. The `go` statements of the runtime and of the tracer
/// (its workers, the trace reader) are theirs, even when the exercise's call
/// set them off.
pub(super) fn created_in(creation_stack: &[FrameInfo], package_dir: &Path) -> bool {
    let by_runtime = creation_stack.first().is_some_and(|f| {
        f.function.starts_with("runtime.") || f.function.starts_with("runtime/trace.")
    });
    !by_runtime
        && creation_stack
            .iter()
            .any(|f| Path::new(&f.file).starts_with(package_dir))
}

/// What a pattern on where goroutines come from matched: a frame of their
/// creation stack (the innermost that matches), or else the function they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin<'a> {
    Frame(&'a FrameInfo),
    Runs(&'a str),
}

impl Origin<'_> {
    /// The match, for evidence: the function and where it is.
    pub fn describe(self) -> String {
        match self {
            Origin::Frame(frame) => tr!(
                "trace-origin-frame",
                function = &frame.function,
                file = frame.file.rsplit('/').next().unwrap_or(&frame.file),
                line = frame.line.to_string()
            ),
            Origin::Runs(function) => tr!("trace-origin-runs", function = function),
        }
    }
}

/// Where the goroutines of `group` come from, by `pattern`: any frame of
/// their creation stack whose function it matches (so that goroutines
/// started through `sync.(*WaitGroup).Go` or a helper count for the code
/// that called it), else the function they run; `None` when nothing matches.
pub(super) fn origin<'a>(group: &'a GoroutineGroup, pattern: &Regex) -> Option<Origin<'a>> {
    group
        .creation_stack
        .iter()
        .find(|f| pattern.is_match(&f.function))
        .map(Origin::Frame)
        .or_else(|| {
            group
                .start_function
                .as_deref()
                .filter(|f| pattern.is_match(f))
                .map(Origin::Runs)
        })
}

/// The innermost frame of a stack in the exercise's package.
pub(super) fn in_package<'a>(stack: &'a [FrameInfo], package_dir: &Path) -> Option<&'a FrameInfo> {
    stack
        .iter()
        .find(|f| Path::new(&f.file).starts_with(package_dir))
}

/// A bound on how long tasks or regions take: at a percentile, or the longest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Durations {
    /// The percentile (50 for the median), or `None` for the longest.
    pub percentile: Option<f64>,
    pub at_most: std::time::Duration,
}

/// The keys of a `duration:` bound.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DurationsFile {
    /// `p50`, `p90`, `p99` (any `pN`), or `max`.
    pub at: String,
    /// A duration such as `20ms`.
    pub at_most: String,
}

impl Durations {
    /// Validates a `duration:` bound of a goal.
    pub(super) fn validate(
        file: DurationsFile,
        checker: &mut super::Checker<'_, '_>,
    ) -> Option<Durations> {
        let percentile = match file.at.as_str() {
            "max" => None,
            p => match p.strip_prefix('p').and_then(|n| n.parse::<f64>().ok()) {
                Some(n) if n > 0.0 && n < 100.0 => Some(n),
                _ => {
                    checker.problem("duration.at", tr!("trace-duration-not-percentile", at = p));
                    return None;
                }
            },
        };
        match humantime::parse_duration(&file.at_most) {
            Ok(at_most) if !at_most.is_zero() => Some(Durations {
                percentile,
                at_most,
            }),
            _ => {
                checker.problem(
                    "duration.at-most",
                    tr!("trace-duration-not-duration", at_most = &file.at_most),
                );
                None
            }
        }
    }

    /// `p90`, or `longest` (in the reader's language).
    pub fn name(&self) -> String {
        match self.percentile {
            Some(p) => format!("p{}", crate::units::number(p)),
            None => tr!("trace-durations-longest"),
        }
    }

    /// The duration at the percentile (nearest rank), or the longest; `None`
    /// without any.
    pub fn of(&self, durations: &[i64]) -> Option<i64> {
        let mut sorted = durations.to_vec();
        sorted.sort_unstable();
        let last = sorted.len().checked_sub(1)?;
        let rank = match self.percentile {
            None => last,
            Some(p) => {
                ((p / 100.0 * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1
            }
        };
        sorted.get(rank).copied()
    }

    /// The bound in nanoseconds.
    pub fn limit(&self) -> f64 {
        self.at_most.as_nanos() as f64
    }
}

/// How many names an inventory lists: beyond it, the most frequent of them
/// and how many there are.
const INVENTORY_NAMES: usize = 5;

/// Names and counts of what a trace holds, for "found ...; expected ..."
/// evidence: every name when there are a few (in name order), else the most
/// frequent few and how many names there are, never all of them on one line.
pub(super) fn inventory<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    if counts.is_empty() {
        return tr!("trace-inventory-none");
    }
    let distinct = counts.len();
    let mut listed: Vec<(&str, usize)> = counts.into_iter().collect();
    if distinct > INVENTORY_NAMES {
        // Stable: names of one count stay in name order.
        listed.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        listed.truncate(INVENTORY_NAMES);
    }
    let shown = crate::i18n::list(listed.iter().map(|(name, n)| {
        if name.is_empty() {
            tr!("trace-inventory-unnamed", count = n)
        } else {
            format!("{name} ({n})")
        }
    }));
    if distinct > INVENTORY_NAMES {
        tr!("trace-inventory-some", count = distinct, names = shown)
    } else {
        shown
    }
}

/// Which tasks or regions a goal is about: those of one name (`name:`), or
/// those whose name a pattern matches (`name-matches:`, for material whose
/// names vary: `request/GET`, `request/POST`).
#[derive(Debug, Clone)]
pub enum Names {
    Exactly(String),
    /// The pattern as written, and compiled.
    Matching(String, Regex),
}

impl Names {
    /// The `name` or `name-matches` key of a goal: exactly one of them.
    pub(super) fn validate(
        name: Option<String>,
        matches: Option<String>,
        checker: &mut super::Checker<'_, '_>,
    ) -> Names {
        match (name, matches) {
            (Some(name), None) => Names::Exactly(name),
            (None, Some(pattern)) => {
                let regex = checker.regex("name-matches", &pattern);
                Names::Matching(pattern, regex)
            }
            (Some(name), Some(_)) => {
                checker.problem("name-matches", tr!("trace-names-both"));
                Names::Exactly(name)
            }
            (None, None) => {
                checker.problem("", tr!("trace-names-missing"));
                Names::Exactly(String::new())
            }
        }
    }

    /// Whether a task or region of this name is one the goal is about.
    pub fn matches(&self, name: &str) -> bool {
        match self {
            Names::Exactly(exact) => name == exact,
            Names::Matching(_, regex) => regex.is_match(name),
        }
    }

    /// As messages show it: a name in quotes (`"request"`), a pattern between
    /// slashes (`/^request/`).
    pub fn shown(&self) -> String {
        match self {
            Names::Exactly(name) => format!("{name:?}"),
            Names::Matching(pattern, _) => format!("/{pattern}/"),
        }
    }

    /// As "expected: ..." evidence says it: the name as written, or the pattern.
    pub fn expected(&self) -> String {
        match self {
            Names::Exactly(name) => name.clone(),
            Names::Matching(pattern, _) => format!("/{pattern}/"),
        }
    }

    /// With a pattern, the names it matched among `names` (as an inventory),
    /// for the evidence of a goal that is not met.
    pub(super) fn matched<'a>(&self, names: impl Iterator<Item = &'a str>) -> Option<String> {
        let Names::Matching(pattern, regex) = self else {
            return None;
        };
        let mut matched = names.filter(|n| regex.is_match(n)).peekable();
        matched.peek()?;
        Some(tr!(
            "trace-names-matched",
            pattern = format!("/{pattern}/"),
            names = inventory(matched)
        ))
    }
}

/// What a goal of several conditions headlines when one fails: what, the
/// value, the bound, and whether the value is a time.
type Headline = (String, f64, Bound, bool);

/// Tasks or regions, for the words of [`Conditions::durations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Spans {
    Tasks,
    Regions,
}

/// The conditions of a goal on tasks or regions, judged one after another:
/// the problems found, and the headline of the first that failed (the count,
/// which the outcome heads from the start, or another).
#[derive(Debug, Default)]
pub(super) struct Conditions {
    /// `Some(None)` when the count failed first.
    headline: Option<Option<Headline>>,
    problems: Vec<String>,
}

impl Conditions {
    /// The count of tasks or regions is off.
    pub fn count_failed(&mut self, problem: String) {
        self.headline.get_or_insert(None);
        self.problems.push(problem);
    }

    /// Another condition failed, with what it would headline.
    pub fn failed(&mut self, subject: String, value: f64, bound: Bound, problem: String) {
        self.headline
            .get_or_insert(Some((subject, value, bound, false)));
        self.problems.push(problem);
    }

    /// A `duration:` bound on the spans named `name` that lasted `lasted` (ns).
    pub fn durations(&mut self, durations: &Durations, lasted: &[i64], spans: Spans, name: &str) {
        let Some(value) = durations.of(lasted) else {
            return;
        };
        if value as f64 <= durations.limit() {
            return;
        }
        let at = durations.name();
        let took = crate::units::beside(value as f64, &[durations.limit()], "ns");
        let limit = crate::units::beside(durations.limit(), &[value as f64], "ns");
        let (subject, problem) = match spans {
            Spans::Tasks => (
                tr!("trace-tasks-duration", at = &at, name = name),
                tr!(
                    "trace-tasks-takes",
                    at = &at,
                    name = name,
                    took = took,
                    limit = limit
                ),
            ),
            Spans::Regions => (
                tr!("trace-regions-duration", at = &at, name = name),
                tr!(
                    "trace-regions-takes",
                    at = &at,
                    name = name,
                    took = took,
                    limit = limit
                ),
            ),
        };
        let bound = Bound::AtMost(durations.limit());
        self.headline
            .get_or_insert(Some((subject, value as f64, bound, true)));
        self.problems.push(problem);
    }

    /// Whether any condition failed.
    pub fn any_failed(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The verdict on `outcome`: met when no condition failed, else headed by
    /// the first that did and explained by all of them.
    pub fn judge(self, outcome: &mut Outcome) {
        if let Some(Some((subject, value, bound, timed))) = self.headline {
            if timed {
                outcome.unit = Some("ns".into());
            }
            outcome.headline(subject, value, bound);
        }
        if self.problems.is_empty() {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(crate::i18n::clauses(&self.problems));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inventory_lists_a_few_names_and_counts_the_rest() {
        assert_eq!(inventory(["b", "a", "b"].into_iter()), "a (1), b (2)");
        assert_eq!(inventory(std::iter::empty()), "none");
        let names: Vec<String> = (0..12).map(|i| format!("task/{i:02}")).collect();
        // The most frequent first: task/07 three times, task/03 twice.
        let all = names
            .iter()
            .map(String::as_str)
            .chain(["task/07", "task/07", "task/03"]);
        assert_eq!(
            inventory(all),
            "12 names, e.g. task/07 (3), task/03 (2), task/00 (1), task/01 (1), task/02 (1)"
        );
    }

    #[test]
    fn durations_at_a_percentile_or_the_longest() {
        let at = |percentile| Durations {
            percentile,
            at_most: std::time::Duration::from_millis(1),
        };
        let lasted = [40, 10, 30, 20, 50];
        assert_eq!(at(Some(50.0)).of(&lasted), Some(30));
        assert_eq!(at(Some(90.0)).of(&lasted), Some(50));
        assert_eq!(at(Some(20.0)).of(&lasted), Some(10));
        assert_eq!(at(None).of(&lasted), Some(50));
        assert_eq!(at(None).of(&[]), None);
        assert_eq!(at(Some(99.0)).name(), "p99");
        assert_eq!(at(None).name(), "longest");
    }
}

/// Traces for the kinds' tests.
#[cfg(test)]
pub(super) mod testing {
    use std::path::{Path, PathBuf};

    use crate::goals::{Facts, MeasuredTrace};
    use crate::trace::facts::Facts as TraceFacts;

    pub fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/traces")
            .join(name)
    }

    /// The facts of a corpus trace, with the directory of the program that wrote
    /// it (as recorded in the trace) as the "exercise package".
    pub fn facts(name: &str) -> Facts {
        let trace = TraceFacts::read(&fixture(name)).unwrap();
        let package_dir = trace
            .goroutine_groups
            .iter()
            .flat_map(|g| g.creation_stack.iter())
            .chain(trace.goroutines.iter().flat_map(|g| g.last_stack.iter()))
            .find(|f| f.file.ends_with("/gen/basic.go") || f.file.ends_with("/gen/main.go"))
            .map(|f| Path::new(&f.file).parent().unwrap().to_owned())
            .expect("a frame of the generator");
        let mut facts = Facts {
            package_dir,
            ..Facts::default()
        };
        facts.traces.insert(
            "bench".into(),
            Ok(MeasuredTrace {
                facts: trace,
                ops: 1,
            }),
        );
        facts
    }
}
