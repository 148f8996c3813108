//! What the profile goal kinds (`profile-function`, `profile-total`) share:
//! which profile a run writes, whether a profile holds enough to judge, the
//! evidence of a `pprof -top`, and the judgement of an amount against the
//! starter's. Each profile comes from its own `go test` run, so that profiling
//! does not distort the other measurements.

use regex::Regex;
use serde::Deserialize;

use super::versus::{self, Better, Compared, Samples};
use super::{Bound, Checker, Facts, Outcome, ProfileFacts, ProfileKind, Requirement, Status};
use crate::pprof::{Kind, Profile};
use crate::tr;
use crate::units::{amount, quantity};
use crate::yaml::closest;

/// What is measured of a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Flat,
    Cum,
    /// Flat as a percentage of the profile's total.
    FlatShare,
    /// Cum as a percentage of the profile's total.
    CumShare,
}

impl Measure {
    pub fn share(self) -> bool {
        matches!(self, Measure::FlatShare | Measure::CumShare)
    }

    pub fn flat(self) -> bool {
        matches!(self, Measure::Flat | Measure::FlatShare)
    }
}

pub(super) fn unit_of(profile: &Profile, index: usize, share: bool, per_op: bool) -> String {
    if share {
        return "%".to_owned();
    }
    let unit = profile.sample_types[index].unit.clone();
    if per_op { format!("{unit}/op") } else { unit }
}

/// How many samples a profile has for judging: CPU profiles count their
/// samples, others their non-zero records.
fn samples_of(profile: &Profile, index: usize) -> u64 {
    if profile.kind() == Kind::Cpu
        && let Some(samples) = profile.sample_index("samples")
    {
        return profile.total(samples).max(0) as u64;
    }
    profile.sample_count(index) as u64
}

/// What both profile kinds read: one sample type of a run's profile, whether
/// per benchmark op, how many samples it needs to be judged, and whether it is
/// judged against the starter's.
#[derive(Debug, Clone)]
pub struct ProfileSource {
    pub run: String,
    pub profile: ProfileKind,
    pub sample: String,
    pub per_op: bool,
    pub min_samples: u64,
    /// Judged as a ratio: at least this many times less than the starter's.
    pub relative: Option<f64>,
    /// The samples judged, by their profiler labels (`tagfocus`, `tagignore`).
    pub tags: crate::pprof::tags::TagFilters,
}

impl ProfileSource {
    /// A profile of the run, and with `relative` the same profile taken in
    /// alternating runs of the starter and the attendee's code.
    pub(super) fn requirements(&self) -> Vec<Requirement> {
        let mut needed = vec![Requirement::Profile {
            run: self.run.clone(),
            profile: self.profile,
            min_samples: self.min_samples,
        }];
        if self.relative.is_some() {
            needed.push(Requirement::ProfilePairs {
                run: self.run.clone(),
                profile: self.profile,
            });
        }
        needed
    }

    /// The shared start of both kinds: the profile, its sample index, and
    /// whether there is enough of it to judge (else the outcome says why not).
    /// The samples are counted before the label filters leave any out: they
    /// say whether the profile is long enough, the filters what is judged.
    pub(super) fn prepare<'a>(
        &self,
        facts: &'a Facts,
        outcome: &mut Outcome,
    ) -> Option<(std::borrow::Cow<'a, ProfileFacts>, usize)> {
        let (run, kind, sample) = (&self.run, self.profile, &self.sample);
        let measured = match facts.profiles.get(&(run.clone(), kind)) {
            Some(Ok(measured)) => measured,
            Some(Err(damage)) => {
                let why = tr!(
                    "profile-not-whole",
                    run = run,
                    profile = kind.name(),
                    why = &damage.why
                );
                damage.fail(outcome, why);
                return None;
            }
            None => {
                outcome.status = Status::Inconclusive;
                outcome.explanation = Some(tr!(
                    "profile-none-written",
                    run = run,
                    profile = kind.name()
                ));
                return None;
            }
        };
        let Some(index) = measured.profile.sample_index(sample) else {
            let types: Vec<&str> = measured
                .profile
                .sample_types
                .iter()
                .map(|t| t.name.as_str())
                .collect();
            outcome.explanation = Some(tr!(
                "profile-no-sample-type",
                profile = kind.name(),
                sample = sample,
                types = crate::i18n::list(&types)
            ));
            return None;
        };
        let samples = samples_of(&measured.profile, index);
        let min_samples = self.min_samples;
        if samples < min_samples {
            outcome.status = Status::Inconclusive;
            outcome.explanation = Some(tr!(
                "profile-too-few-samples",
                profile = kind.name(),
                samples = samples.to_string(),
                needed = min_samples.to_string()
            ));
            outcome.evidence.push(tr!("profile-run-longer"));
            return None;
        }
        if self.per_op && measured.ops == 0 {
            outcome.status = Status::Inconclusive;
            outcome.explanation = Some(tr!("profile-no-iterations", run = run));
            return None;
        }
        Some((super::labels::apply(&self.tags, measured), index))
    }

    /// Judges an amount as a ratio to the starter's: the median of the starter's
    /// amounts over the median of the attendee's, from profiles of alternating
    /// runs, must reach `times`, and the two sides must differ significantly
    /// (Mann-Whitney U): one run each varies too much (lock contention on a busy
    /// machine by 70×) for a single ratio to decide. `target` names the functions
    /// the goal is about, for the evidence.
    pub(super) fn versus_starter(
        &self,
        times: f64,
        mut outcome: Outcome,
        facts: &Facts,
        target: Option<&Regex>,
        mine: (&ProfileFacts, usize),
        amount: impl Fn(&ProfileFacts, usize) -> f64,
    ) -> Outcome {
        let goal = self;
        let (measured, index_mine) = mine;
        let unit = outcome.unit.replace("×".into()).unwrap_or_default();
        outcome.subject = versus::subject(&outcome.subject);
        let Some(pairs) = facts.profile_pairs.get(&(goal.run.clone(), goal.profile)) else {
            return outcome.inconclusive(versus::no_starter(facts));
        };
        if let Some(damage) = &pairs.damaged {
            let why = tr!(
                "profile-not-whole",
                run = &goal.run,
                profile = goal.profile.name(),
                why = &damage.why
            );
            damage.fail(&mut outcome, why);
            return outcome;
        }
        let amounts = |side: &[ProfileFacts]| -> Vec<f64> {
            side.iter()
                .map(|m| super::labels::apply(&goal.tags, m))
                .filter_map(|m| m.profile.sample_index(&goal.sample).map(|i| amount(&m, i)))
                .filter(|a| a.is_finite())
                .collect()
        };
        let (before, after) = (amounts(&pairs.starter), amounts(&pairs.mine));
        let Some(judgement) = versus::judge(&before, &after, times, Better::Lower, false) else {
            return outcome.inconclusive(tr!("profile-no-amounts", sample = &goal.sample));
        };
        let described = |median: f64, amounts: &[f64]| {
            let low = amounts.iter().copied().fold(f64::INFINITY, f64::min);
            let high = amounts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let quantity = |value| quantity(value, &unit);
            tr!(
                "profile-median-range",
                median = quantity(median),
                low = quantity(low),
                high = quantity(high)
            )
        };
        let p = versus::p_value(judgement.p);
        outcome.evidence.push(tr!(
            "profile-medians",
            starter = described(judgement.starter.median, &before),
            mine = described(judgement.mine.median, &after),
            runs = after.len().min(before.len()).to_string(),
            p = &p
        ));
        if judgement.starter.median <= 0.0 {
            // The problem did not show in the starter this time (on a machine so
            // busy that its goroutines never met, say): nothing to compare with.
            let mut outcome =
                outcome.inconclusive(tr!("profile-starter-shows-nothing", sample = &goal.sample));
            outcome.evidence.push(tr!("profile-check-again"));
            return outcome;
        }
        judgement.record(&mut outcome);
        let what = tr!("profile-your-sample", sample = &goal.sample);
        let compared = Compared {
            what: &what,
            metric: &goal.sample,
            better: Better::Lower,
            samples: Samples::Runs,
        };
        outcome.explanation = judgement.explain(times, &compared);
        if judgement.needs_more() {
            outcome.evidence.push(tr!("profile-check-again"));
        } else if outcome.status == Status::Fail {
            outcome
                .evidence
                .extend(evidence(&measured.profile, index_mine, target));
        }
        outcome
    }
}

/// A short `pprof -top` of a profile, and the hottest paths into a function.
pub(super) fn evidence(profile: &Profile, index: usize, target: Option<&Regex>) -> Vec<String> {
    if profile.kind() == Kind::GoroutineLeak {
        return super::leak::leaked(profile, index);
    }
    let unit = &profile.sample_types[index].unit;
    let total = profile.total(index);
    let share = |v: i64| {
        if total == 0 {
            0.0
        } else {
            v as f64 * 100.0 / total as f64
        }
    };
    let mut lines = vec![tr!(
        "profile-top-functions",
        sample = &profile.sample_types[index].name,
        total = amount(total, unit)
    )];
    for f in top(profile, index, 5) {
        lines.push(format!(
            "  flat {:>5.1}%  cum {:>5.1}%  {}",
            share(f.flat),
            share(f.cum),
            f.name
        ));
    }
    // Without a target, show how the heaviest leaf is reached.
    let leaf;
    let target = match target {
        Some(target) => Some(target),
        None => {
            leaf = top(profile, index, 1)
                .first()
                .and_then(|f| Regex::new(&format!("^{}$", regex::escape(&f.name))).ok());
            leaf.as_ref()
        }
    };
    if let Some(target) = target {
        let paths = profile.paths_into(index, target, 3);
        if !paths.is_empty() {
            lines.push(tr!(
                "profile-hottest-paths",
                pattern = crate::display::pattern(target.as_str())
            ));
            for path in paths {
                // The test harness's own frames say nothing about the exercise.
                let frames: Vec<&str> = path
                    .frames
                    .iter()
                    .map(String::as_str)
                    .skip_while(|f| f.starts_with("testing.") || f.starts_with("runtime.main"))
                    .collect();
                lines.push(format!(
                    "  {:>5.1}%  {}",
                    share(path.value),
                    frames.join(" → ")
                ));
            }
        }
    }
    lines
}

/// Where a function's code comes from, in the order a top shows them: the
/// exercise's own code (package `main` or a module path, whose first element
/// has a dot), then the standard library, then the runtime's internals and the
/// test harness, which say least about what the attendee wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    Own,
    Std,
    Runtime,
}

impl Origin {
    /// The origin of a function as the profile names it
    /// (`regexp.(*Regexp).doExecute`, `workshop.example/exercises/cpu.isError`).
    pub(crate) fn of(name: &str) -> Origin {
        let first = name.split(['/', '.']).next().unwrap_or_default();
        // A module path's first element has a dot (`github.com/...`); a name
        // without a slash is a package of one element (`regexp.compile`).
        let head = match name.split_once('/') {
            Some((head, _)) => head,
            None => first,
        };
        if name.starts_with("runtime.")
            || name.starts_with("runtime/")
            || name.starts_with("internal/")
            || name.starts_with("testing.")
            || name.contains("/internal/") && !head.contains('.')
        {
            Origin::Runtime
        } else if first == "main" || first == "command-line-arguments" || head.contains('.') {
            Origin::Own
        } else {
            Origin::Std
        }
    }
}

/// The heaviest `limit` functions by flat value, the exercise's own first,
/// then the standard library's, then the runtime's; functions with no flat
/// value (a caller of the leaf that holds it all) say nothing in a flat top.
pub(crate) fn top(
    profile: &Profile,
    index: usize,
    limit: usize,
) -> Vec<crate::pprof::FunctionTotal> {
    let mut functions: Vec<_> = profile
        .functions(index, None)
        .into_iter()
        .filter(|f| f.flat != 0)
        .collect();
    // A stable sort keeps the order of `functions` (largest flat first) within an origin.
    functions.sort_by_key(|f| Origin::of(&f.name));
    functions.truncate(limit);
    functions
}

pub(super) fn total_of(measured: &ProfileFacts, index: usize, per_op: bool) -> f64 {
    let total = measured.profile.total(index) as f64;
    if per_op {
        total / measured.ops as f64
    } else {
        total
    }
}

/// The sample type a profile goal reads (its kind's default when none is
/// named), checked against what the profile has.
pub(super) fn sample(
    checker: &mut Checker<'_, '_>,
    profile: ProfileKind,
    sample: Option<String>,
) -> String {
    // A Go without the profile would never write it: the goal must say it
    // needs the Go that does, so that an older one skips it.
    if profile == ProfileKind::GoroutineLeak && checker.go() < super::GOROUTINELEAK_GO {
        checker.problem(
            "profile",
            tr!(
                "profile-goroutineleak-needs-go",
                go = super::GOROUTINELEAK_GO.to_string(),
                found = checker.go().to_string()
            ),
        );
    }
    let Some(sample) = sample else {
        return profile.default_sample().to_owned();
    };
    let valid = profile.sample_types();
    if !valid.contains(&sample.as_str()) {
        let expected = crate::i18n::list(valid);
        let message = match closest(&sample, valid.iter().copied()) {
            Some(best) => tr!(
                "profile-unknown-sample-did-you-mean",
                profile = profile.name(),
                sample = &sample,
                best = best,
                expected = expected
            ),
            None => tr!(
                "profile-unknown-sample",
                profile = profile.name(),
                sample = &sample,
                expected = expected
            ),
        };
        checker.problem("sample", message);
    }
    sample
}

/// An absolute bound, or `at-least-times` less than the starter's amount.
pub(super) fn bound(
    checker: &mut Checker<'_, '_>,
    at_most: Option<f64>,
    at_least: Option<f64>,
    at_least_times: Option<f64>,
) -> (Bound, Option<f64>) {
    let Some(times) = at_least_times else {
        return (checker.bound(at_most, at_least), None);
    };
    if at_most.is_some() || at_least.is_some() {
        checker.problem("", tr!("profile-both-bounds"));
    } else if !(times.is_finite() && times > 0.0) {
        checker.problem("at-least-times", tr!("profile-positive-times"));
    }
    (Bound::AtLeast(times), Some(times))
}

/// CPU profiles sample at 100 Hz: below 50 samples (half a second of CPU) a
/// share is noise. Other profiles record every event at the rates the runner sets.
pub(super) fn default_min_samples(profile: ProfileKind) -> u64 {
    if profile == ProfileKind::Cpu { 50 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::testing::cpu;
    use super::*;

    #[test]
    fn origins_of_function_names() {
        for (name, origin) in [
            ("main.isError", Origin::Own),
            (
                "workshop.example/exercises/cpu/01-regexp.isError",
                Origin::Own,
            ),
            ("github.com/a/b.(*T).Run", Origin::Own),
            ("regexp.compile", Origin::Std),
            ("net/http.(*conn).serve", Origin::Std),
            ("sync.(*Mutex).Unlock", Origin::Std),
            ("runtime.lock2", Origin::Runtime),
            ("runtime/internal/atomic.Load", Origin::Runtime),
            ("internal/runtime/maps.(*Map).Get", Origin::Runtime),
            ("internal/poll.(*FD).Read", Origin::Runtime),
            ("testing.(*B).runN", Origin::Runtime),
        ] {
            assert_eq!(Origin::of(name), origin, "{name}");
        }
    }

    #[test]
    fn a_top_shows_the_exercise_then_the_library_then_the_runtime_and_no_empty_rows() {
        let profile = cpu(&[
            (&["runtime.lock2", "main.work", "main.main"], 50),
            (&["asyncPreempt", "main.work"], 0),
            (&["runtime.asyncPreempt", "main.work"], 20),
            (&["regexp.compile", "main.work"], 15),
            (&["main.work"], 10),
        ]);
        let names: Vec<String> = top(&profile, 1, 5).into_iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                "main.work",
                "regexp.compile",
                "runtime.lock2",
                "runtime.asyncPreempt"
            ]
        );
        let lines = evidence(&profile, 1, None);
        assert!(
            lines[1].contains("flat  10.5%") && lines[1].ends_with("main.work"),
            "{lines:?}"
        );
        // main.main holds no flat value: no row of the top.
        assert_eq!(lines[5], "hottest paths into \"main.work\":", "{lines:?}");
    }
}

/// Profiles for the kinds' tests.
#[cfg(test)]
pub(super) mod testing {
    use crate::goals::{Facts, ProfileFacts, ProfileKind, ProfilePairs};
    use crate::pprof::{Profile, SampleType, Samples};

    /// A CPU profile: every sample is one 10 ms tick of the given stack.
    pub fn cpu(stacks: &[(&[&str], i64)]) -> Profile {
        let mut functions: Vec<String> = Vec::new();
        let mut samples = Samples::new(2);
        for (stack, ticks) in stacks {
            let frames: Vec<u32> = stack
                .iter()
                .map(|name| match functions.iter().position(|f| f == name) {
                    Some(i) => i as u32,
                    None => {
                        functions.push((*name).to_owned());
                        (functions.len() - 1) as u32
                    }
                })
                .collect();
            samples.push(&frames, &[*ticks, ticks * 10_000_000]);
        }
        Profile {
            sample_types: vec![
                SampleType {
                    name: "samples".into(),
                    unit: "count".into(),
                },
                SampleType {
                    name: "cpu".into(),
                    unit: "nanoseconds".into(),
                },
            ],
            default_type: 1,
            period_type: None,
            period: 10_000_000,
            duration_nanos: 0,
            time_nanos: 0,
            functions,
            samples,
            sites: Vec::new(),
            labels: Default::default(),
            unfiltered: None,
        }
    }

    pub fn facts(profile: Profile, ops: u64) -> Facts {
        let mut facts = Facts::default();
        facts.profiles.insert(
            ("bench".into(), ProfileKind::Cpu),
            Ok(ProfileFacts { profile, ops }),
        );
        facts
    }

    pub const STACKS: &[(&[&str], i64)] = &[
        (
            &[
                "regexp.compile",
                "regexp.Compile",
                "main.isError",
                "main.main",
            ],
            70,
        ),
        (
            &["regexp.(*Regexp).MatchString", "main.isError", "main.main"],
            20,
        ),
        (&["main.main"], 10),
    ];

    /// Alternating runs: one CPU profile per run, `ticks` of `main.work` in
    /// the starter's and `mine` in the attendee's, ten ops each.
    pub fn pairs(measured: &mut Facts, starter: &[i64], mine: &[i64]) {
        let side = |ticks: &[i64], function: &str| -> Vec<ProfileFacts> {
            ticks
                .iter()
                .map(|&t| ProfileFacts {
                    profile: cpu(&[(&[function], t)]),
                    ops: 10,
                })
                .collect()
        };
        measured.profile_pairs.insert(
            ("bench".into(), ProfileKind::Cpu),
            ProfilePairs {
                starter: side(starter, "main.work"),
                mine: side(mine, "main.work"),
                damaged: None,
            },
        );
    }
}
