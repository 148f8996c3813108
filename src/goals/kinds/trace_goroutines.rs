//! `trace-goroutines`: goroutines the exercise's package created (in all or
//! per benchmark op), or the most goroutines live at once, against a bound; the
//! evidence names where they were created. With `created-by`, only the
//! goroutines that come from a function of that pattern count, for all three
//! measures: in a server, the goroutines of the code under study rather than
//! those of net/http. A goroutine comes from every function of its creation
//! stack, not only the one with the `go` statement (`sync.(*WaitGroup).Go`, a
//! helper that runs `go f()`), and from the function it runs.

use serde::Deserialize;

use regex::Regex;

use crate::goals::picture::Level;
use crate::goals::trace::{Origin, created_in, in_package, origin, trace, traced};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Matched, Outcome, Requirement};
use crate::tr;
use crate::trace::facts::{GoroutineGroup, Naming, site, tally};
use crate::units::{beside, nanos};

/// What `trace-goroutines` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
    /// Only goroutines that come from a function this matches (any frame of
    /// their creation stack, or the function they run), as written and compiled.
    pub created_by: Option<(String, Regex)>,
}

/// The keys of a `trace-goroutines` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceGoroutinesFile {
    pub measure: GoroutineMeasure,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    /// A regular expression over the functions goroutines come from: any
    /// frame of their creation stack, or the function they run.
    #[serde(default)]
    pub created_by: Option<String>,
}

impl Kind for TraceGoroutines {
    type File = TraceGoroutinesFile;

    fn validate(file: TraceGoroutinesFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let bound = checker.bound(file.at_most, file.at_least);
        match file.measure {
            GoroutineMeasure::CreatedPerOp => checker.within(
                bound,
                Domain::Amount,
                &tr!("trace-what-goroutines-per-op"),
            ),
            _ => checker.within(bound, Domain::Count, &tr!("trace-what-goroutines")),
        }
        let created_by = file.created_by.map(|pattern| {
            let regex = checker.regex("created-by", &pattern);
            (pattern, regex)
        });
        TraceGoroutines {
            run,
            measure: file.measure,
            bound,
            created_by,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    /// Goroutines created follow from the code; how many are live at once
    /// depends on the scheduler.
    fn exact(&self) -> bool {
        self.measure != GoroutineMeasure::MaxLive
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let subject = match (self.measure, &self.created_by) {
            (GoroutineMeasure::Created, None) => tr!("trace-goroutines-created"),
            (GoroutineMeasure::CreatedPerOp, None) => tr!("trace-goroutines-created-per-op"),
            (GoroutineMeasure::MaxLive, None) => tr!("trace-goroutines-max-live"),
            (GoroutineMeasure::Created, Some((p, _))) => tr!(
                "trace-goroutines-created-by",
                pattern = crate::display::pattern(p)
            ),
            (GoroutineMeasure::CreatedPerOp, Some((p, _))) => tr!(
                "trace-goroutines-created-by-per-op",
                pattern = crate::display::pattern(p)
            ),
            (GoroutineMeasure::MaxLive, Some((p, _))) => tr!(
                "trace-goroutines-max-live-of",
                pattern = crate::display::pattern(p)
            ),
        };
        let mut outcome = Outcome::new(subject.clone(), Some(self.bound));
        let Some(measured) = trace(facts, &self.run, &mut outcome, &[Level::LiveGoroutines, Level::RunningGoroutines]) else {
            return outcome;
        };
        let package = &facts.package_dir;
        let trace = &measured.facts;
        let created: Vec<&GoroutineGroup> = trace
            .goroutine_groups
            .iter()
            .filter(|g| g.created > 0)
            .filter(|g| match &self.created_by {
                Some((_, regex)) => origin(g, regex).is_some(),
                None => created_in(&g.creation_stack, package),
            })
            .collect();
        let count = created.iter().map(|g| g.created).sum::<u64>() as f64;
        if let Some((pattern, regex)) = &self.created_by {
            outcome.matched = Some(creators(trace, pattern, regex, package));
        }
        let (value, peak_at) = match self.measure {
            GoroutineMeasure::Created => (count, None),
            GoroutineMeasure::CreatedPerOp if measured.ops == 0 => {
                return outcome.inconclusive(tr!("trace-no-iterations", run = &self.run));
            }
            GoroutineMeasure::CreatedPerOp => (count / measured.ops as f64, None),
            GoroutineMeasure::MaxLive if self.created_by.is_some() => {
                let (most, at) = most_alive(created.iter().flat_map(|g| g.lifetimes.iter().copied()));
                (most as f64, at)
            }
            GoroutineMeasure::MaxLive => (
                trace.max_live_goroutines as f64,
                Some(trace.max_live_at),
            ),
        };
        if outcome.judge(value) {
            return outcome;
        }
        outcome.explanation = Some(tr!(
            "trace-is-want",
            subject = &subject,
            value = beside(value, &[self.bound.limit()], ""),
            bound = self.bound.against(value, "")
        ));
        let sites = tally(created.iter().map(|g| {
            let place = site(
                in_package(&g.creation_stack, package)
                    .or_else(|| trace.creation_place(&g.creation_stack)),
                Naming::Short,
            );
            // With a pattern, the frame it matched: what made them count.
            let matched = self
                .created_by
                .as_ref()
                .and_then(|(_, regex)| origin(g, regex))
                .map(Origin::describe);
            ((place, matched), g.created as usize)
        }));
        for ((place, matched), count) in sites.into_iter().take(3) {
            outcome.evidence.push(match matched {
                Some(matched) => tr!(
                    "trace-goroutines-created-at-matched",
                    count = count,
                    place = place,
                    matched = matched
                ),
                None => tr!("trace-goroutines-created-at", count = count, place = place),
            });
        }
        if let Some(at) = peak_at {
            outcome.evidence.push(tr!(
                "trace-goroutines-peak-at",
                time = nanos(at - trace.start)
            ));
        }
        outcome
    }
}

/// How many of the functions goroutines come from (every frame of their
/// creation stacks, and the functions they run) `regex` matches in the trace,
/// the places that created the most goroutines, and how many goroutines the
/// code of the exercise's own package (`package`: not its tests, which are the
/// workshop's, nor the packages below it, such as a server's `cmd/`) created
/// that `regex` leaves out.
fn creators(
    trace: &crate::trace::facts::Facts,
    pattern: &str,
    regex: &Regex,
    package: &std::path::Path,
) -> Matched {
    let mut origins: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut missed = 0;
    for group in &trace.goroutine_groups {
        origins.extend(group.creation_stack.iter().map(|f| f.function.as_str()));
        origins.extend(group.start_function.as_deref());
        if let Some(place) = trace.creation_place(&group.creation_stack) {
            *counts.entry(place.function.as_str()).or_default() += group.count() as usize;
        }
        let stack = &group.creation_stack;
        let own = created_in(stack, package)
            && stack.iter().any(|f| {
                std::path::Path::new(&f.file).parent() == Some(package)
                    && !f.file.ends_with("_test.go")
            });
        if own && origin(group, regex).is_none() {
            missed += group.created;
        }
    }
    let mut top: Vec<(&str, usize)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    Matched {
        pattern: pattern.to_owned(),
        functions: origins.iter().filter(|f| regex.is_match(f)).count(),
        top: top.into_iter().take(5).map(|(f, _)| f.to_owned()).collect(),
        within: "trace",
        missed,
    }
}

/// The most goroutines alive at one moment, and when, from when each was
/// created and ended.
fn most_alive(lifetimes: impl Iterator<Item = (i64, i64)>) -> (usize, Option<i64>) {
    let mut changes: Vec<(i64, i32)> = Vec::new();
    for (created, ended) in lifetimes {
        changes.push((created, 1));
        changes.push((ended, -1));
    }
    // Ends before starts at the same instant: a goroutine that ends as another
    // starts does not overlap it.
    changes.sort_by_key(|&(at, change)| (at, change));
    let (mut alive, mut most, mut when) = (0i64, 0i64, None);
    for (at, change) in changes {
        alive += i64::from(change);
        if alive > most {
            most = alive;
            when = Some(at);
        }
    }
    (most as usize, when)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::trace::testing::facts;

    #[test]
    fn goroutines_created_and_live() {
        let facts = facts("churn-go125.trace");
        let created = TraceGoroutines {
            run: "bench".into(),
            measure: GoroutineMeasure::Created,
            bound: Bound::AtMost(10.0),
            created_by: None,
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
            created_by: None,
        }
        .evaluate(&facts);
        assert_eq!(live.status, Status::Pass);
    }

    #[test]
    fn goroutines_of_one_creator() {
        let facts = facts("churn-go125.trace");
        let everyone = TraceGoroutines {
            run: "bench".into(),
            measure: GoroutineMeasure::Created,
            bound: Bound::AtMost(10.0),
            created_by: None,
        }
        .evaluate(&facts);
        let creator = everyone.evidence[0]
            .split(" (")
            .nth(1)
            .and_then(|s| s.strip_suffix(')'))
            .unwrap()
            .to_owned();
        let pattern = regex::escape(&creator);
        let goal = |measure| TraceGoroutines {
            run: "bench".into(),
            measure,
            bound: Bound::AtMost(1.0),
            created_by: Some((pattern.clone(), Regex::new(&pattern).unwrap())),
        };
        let created = goal(GoroutineMeasure::Created).evaluate(&facts);
        assert!(created.measured.unwrap() >= 300.0, "{created:?}");
        // `churn` and the closure its goroutines run, `churn.func1`.
        assert_eq!(created.matched.as_ref().unwrap().functions, 2);
        let live = goal(GoroutineMeasure::MaxLive).evaluate(&facts);
        assert!(live.measured.unwrap() >= 2.0, "{live:?}");
        assert!(live.measured.unwrap() <= created.measured.unwrap());
        let nobody = TraceGoroutines {
            created_by: Some(("^nothing$".into(), Regex::new("^nothing$").unwrap())),
            ..goal(GoroutineMeasure::MaxLive)
        }
        .evaluate(&facts);
        assert_eq!(nobody.measured, Some(0.0));
        assert_eq!(nobody.matched.unwrap().functions, 0);
    }

    fn created_by(pattern: &str, measure: GoroutineMeasure) -> TraceGoroutines {
        TraceGoroutines {
            run: "bench".into(),
            measure,
            bound: Bound::AtMost(0.0),
            created_by: Some((pattern.into(), Regex::new(pattern).unwrap())),
        }
    }

    #[test]
    fn goroutines_started_through_wait_group_go_or_a_helper_come_from_their_caller() {
        for name in ["wggo-go125.trace", "wggo-go126.trace"] {
            let facts = facts(name);
            // fanOut has no `go` statement: sync.(*WaitGroup).Go and goHelper do.
            let created = created_by(r"^main\.fanOut$", GoroutineMeasure::Created).evaluate(&facts);
            assert_eq!(created.measured, Some(40.0), "{name}: {created:?}");
            assert_eq!(created.status, Status::Fail);
            assert_eq!(created.matched.as_ref().unwrap().functions, 1);
            // The evidence names the frame that matched, beyond the `go` statement.
            assert!(
                created.evidence.iter().any(|e| e.contains(
                    "where `created-by` matched main.fanOut at go125.go:"
                ) && e.ends_with("in their creation stack")),
                "{name}: {:?}",
                created.evidence
            );
            let live = created_by(r"^main\.fanOut$", GoroutineMeasure::MaxLive).evaluate(&facts);
            assert_eq!(live.measured, Some(40.0), "{name}: all alive until the last started");
            // The function they run counts too: the closure goHelper was given...
            let runs = created_by(r"^main\.fanOut\.func2$", GoroutineMeasure::Created)
                .evaluate(&facts);
            assert_eq!(runs.measured, Some(20.0), "{name}: {runs:?}");
            assert!(
                runs.evidence[0].contains("matched the function they run, main.fanOut.func2"),
                "{:?}",
                runs.evidence
            );
            // ...and the `go` statement's own function still does.
            let helper = created_by(r"^main\.goHelper$", GoroutineMeasure::Created).evaluate(&facts);
            assert_eq!(helper.measured, Some(20.0), "{name}");
            let waitgroup = created_by(r"^sync\.\(\*WaitGroup\)\.Go$", GoroutineMeasure::Created)
                .evaluate(&facts);
            assert_eq!(waitgroup.measured, Some(20.0), "{name}");
            // What a pattern leaves out of the package's own goroutines, for verify.
            assert_eq!(helper.matched.unwrap().missed, 20, "{name}");
            let nothing = created_by("^nothing$", GoroutineMeasure::Created).evaluate(&facts);
            let matched = nothing.matched.unwrap();
            assert_eq!((matched.functions, matched.missed), (0, 40), "{name}");
        }
    }

    #[test]
    fn the_most_alive_at_once() {
        let lifetimes = [(0, 10), (5, 20), (10, 30)];
        assert_eq!(most_alive(lifetimes.into_iter()), (2, Some(5)));
    }
}
