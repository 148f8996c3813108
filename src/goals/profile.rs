//! Goals over pprof profiles: how much of a sample type a function holds (flat
//! or cum, as a share of the total or an amount, optionally per benchmark op),
//! or the total of a sample type. Each profile comes from its own `go test`
//! run, so that profiling does not distort the other measurements.

use std::fmt;

use regex::Regex;

use std::collections::BTreeMap;

use super::{Bound, Facts, Outcome, Requirement, Status};
use crate::bench::stats::{self, ALPHA};
use crate::pprof::{Kind, Profile};

/// Which profile `go test` is asked to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProfileKind {
    Cpu,
    /// `-memprofile` at `-memprofilerate=1`: alloc_* and inuse_* sample types.
    Memory,
    Block,
    Mutex,
    /// Written by the exercise's own test code at the moment it chooses, to the
    /// path in [`GOROUTINE_PROFILE_ENV`]: `go test` has no flag for it.
    Goroutine,
}

/// The environment variable that tells a test where to write its goroutine profile.
pub const GOROUTINE_PROFILE_ENV: &str = "WORKSHOP_GOROUTINE_PROFILE";

impl ProfileKind {
    pub fn name(self) -> &'static str {
        match self {
            ProfileKind::Cpu => "cpu",
            ProfileKind::Memory => "memory",
            ProfileKind::Block => "block",
            ProfileKind::Mutex => "mutex",
            ProfileKind::Goroutine => "goroutine",
        }
    }

    /// Every kind, in the order runs are made.
    pub const ALL: [ProfileKind; 5] = [
        ProfileKind::Cpu,
        ProfileKind::Memory,
        ProfileKind::Block,
        ProfileKind::Mutex,
        ProfileKind::Goroutine,
    ];

    /// The `-test.*` flags that write this profile to `file` (in -outputdir).
    pub fn flags(self, file: &str) -> Vec<String> {
        match self {
            ProfileKind::Cpu => vec![format!("-test.cpuprofile={file}")],
            ProfileKind::Memory => vec![
                format!("-test.memprofile={file}"),
                "-test.memprofilerate=1".into(),
            ],
            ProfileKind::Block => vec![
                format!("-test.blockprofile={file}"),
                "-test.blockprofilerate=1".into(),
            ],
            ProfileKind::Mutex => vec![
                format!("-test.mutexprofile={file}"),
                "-test.mutexprofilefraction=1".into(),
            ],
            ProfileKind::Goroutine => Vec::new(),
        }
    }

    /// The sample type a goal reads when it names none.
    pub fn default_sample(self) -> &'static str {
        match self {
            ProfileKind::Cpu => "cpu",
            ProfileKind::Memory => "alloc_space",
            ProfileKind::Block | ProfileKind::Mutex => "delay",
            ProfileKind::Goroutine => "goroutine",
        }
    }

    /// The sample types this profile has, for validating check files.
    pub fn sample_types(self) -> &'static [&'static str] {
        match self {
            ProfileKind::Cpu => &["samples", "cpu"],
            ProfileKind::Memory => &[
                "alloc_objects",
                "alloc_space",
                "inuse_objects",
                "inuse_space",
            ],
            ProfileKind::Block | ProfileKind::Mutex => &["contentions", "delay"],
            ProfileKind::Goroutine => &["goroutine"],
        }
    }
}

impl fmt::Display for ProfileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What is measured of a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Flat,
    Cum,
    /// Flat as a percentage of the profile's total.
    FlatShare,
    /// Cum as a percentage of the profile's total.
    CumShare,
}

impl Measure {
    fn share(self) -> bool {
        matches!(self, Measure::FlatShare | Measure::CumShare)
    }

    fn flat(self) -> bool {
        matches!(self, Measure::Flat | Measure::FlatShare)
    }
}

/// A profile as measured for a check.
#[derive(Debug, Clone)]
pub struct ProfileFacts {
    pub profile: Profile,
    /// Benchmark iterations of the run that wrote it.
    pub ops: u64,
}

/// One profile per run of the starter and of the attendee's code, the runs
/// taken in alternation so that whatever else the machine does hits both.
#[derive(Debug, Clone, Default)]
pub struct ProfilePairs {
    pub starter: Vec<ProfileFacts>,
    pub mine: Vec<ProfileFacts>,
}

/// `regexp.compile cum-share ≤ 5%` in the CPU profile of run `bench`.
#[derive(Debug, Clone)]
pub struct ProfileFunction {
    pub run: String,
    pub profile: ProfileKind,
    pub sample: String,
    /// The pattern as written, for messages.
    pub function: String,
    pub pattern: Regex,
    pub measure: Measure,
    pub per_op: bool,
    pub bound: Bound,
    /// Judged as a ratio: at least this many times less than the starter's.
    pub relative: Option<f64>,
    pub min_samples: u64,
}

/// The total of a sample type, e.g. mutex delay per op.
#[derive(Debug, Clone)]
pub struct ProfileTotal {
    pub run: String,
    pub profile: ProfileKind,
    pub sample: String,
    pub per_op: bool,
    pub bound: Bound,
    /// Judged as a ratio: at least this many times less than the starter's.
    pub relative: Option<f64>,
    pub min_samples: u64,
}

fn unit_of(profile: &Profile, index: usize, share: bool, per_op: bool) -> String {
    if share {
        return "%".to_owned();
    }
    let unit = profile.sample_types[index].unit.clone();
    if per_op { format!("{unit}/op") } else { unit }
}

/// How many samples a profile has for judging: CPU profiles count their samples,
/// others their non-zero records.
/// The samples a CPU profile took (its ticks), 0 for other profiles.
pub fn cpu_samples(profile: &Profile) -> u64 {
    profile
        .sample_index("samples")
        .map_or(0, |samples| profile.total(samples).max(0) as u64)
}

fn samples_of(profile: &Profile, index: usize) -> u64 {
    if profile.kind() == Kind::Cpu
        && let Some(samples) = profile.sample_index("samples")
    {
        return profile.total(samples).max(0) as u64;
    }
    profile.sample_count(index) as u64
}

fn base(subject: String, bound: Bound) -> Outcome {
    Outcome {
        id: String::new(),
        kind: "",
        status: Status::Fail,
        subject,
        measured: None,
        bound: Some(bound),
        threshold: Some(bound.limit()),
        unit: None,
        explanation: None,
        evidence: Vec::new(),
        hint: None,
    }
}

/// The shared start of both kinds: the profile, its sample index, and whether
/// there is enough of it to judge.
fn prepare<'a>(
    profiles: &'a BTreeMap<(String, ProfileKind), ProfileFacts>,
    run: &str,
    kind: ProfileKind,
    sample: &str,
    min_samples: u64,
    per_op: bool,
    outcome: &mut Outcome,
) -> Option<(&'a ProfileFacts, usize)> {
    let Some(measured) = profiles.get(&(run.to_owned(), kind)) else {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!("run `{run}` wrote no {kind} profile"));
        return None;
    };
    let Some(index) = measured.profile.sample_index(sample) else {
        let types: Vec<&str> = measured
            .profile
            .sample_types
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        outcome.explanation = Some(format!(
            "the {kind} profile has no sample type `{sample}` (it has {})",
            types.join(", ")
        ));
        return None;
    };
    let samples = samples_of(&measured.profile, index);
    if samples < min_samples {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!(
            "the {kind} profile holds {samples} samples, fewer than the {min_samples} needed to judge"
        ));
        outcome.evidence.push(
            "run the benchmark longer (a larger -benchtime) so the profiler can take more samples"
                .into(),
        );
        return None;
    }
    if per_op && measured.ops == 0 {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!(
            "run `{run}` reported no benchmark iterations to divide by"
        ));
        return None;
    }
    Some((measured, index))
}

/// A short `pprof -top` of a profile, and the hottest paths into a function.
fn evidence(profile: &Profile, index: usize, target: Option<&Regex>) -> Vec<String> {
    let unit = &profile.sample_types[index].unit;
    let total = profile.total(index);
    let share = |v: i64| {
        if total == 0 {
            0.0
        } else {
            v as f64 * 100.0 / total as f64
        }
    };
    let mut lines = vec![format!(
        "top functions ({} of {}):",
        profile.sample_types[index].name,
        crate::report::profile::value(total, unit)
    )];
    for f in profile.functions(index, None).iter().take(5) {
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
            leaf = profile
                .functions(index, None)
                .first()
                .and_then(|f| Regex::new(&format!("^{}$", regex::escape(&f.name))).ok());
            leaf.as_ref()
        }
    };
    if let Some(target) = target {
        let paths = profile.paths_into(index, target, 3);
        if !paths.is_empty() {
            lines.push(format!("hottest paths into /{target}/:"));
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

impl ProfileFunction {
    pub fn requirements(&self) -> Vec<Requirement> {
        requirements(&self.run, self.profile, self.relative)
    }

    /// The amount the goal measures in one profile.
    fn value(&self, measured: &ProfileFacts, index: usize) -> f64 {
        let profile = &measured.profile;
        let total = profile.total(index);
        // Flat: samples whose leaf matches. Cum: samples with any matching frame,
        // each counted once (a pattern may match several functions of one stack).
        let amount = if self.measure.flat() {
            profile
                .functions(index, None)
                .iter()
                .filter(|f| self.pattern.is_match(&f.name))
                .map(|f| f.flat)
                .sum::<i64>()
        } else {
            profile.focused_total(index, Some(&self.pattern))
        } as f64;
        if self.measure.share() {
            if total == 0 {
                0.0
            } else {
                amount * 100.0 / total as f64
            }
        } else if self.per_op {
            amount / measured.ops as f64
        } else {
            amount
        }
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let what = match self.measure {
            Measure::Flat => "flat",
            Measure::Cum => "cum",
            Measure::FlatShare => "flat share",
            Measure::CumShare => "cum share",
        };
        let mut outcome = base(
            format!("{} {what} of /{}/", self.sample, self.function),
            self.bound,
        );
        let Some((measured, index)) = prepare(
            &facts.profiles,
            &self.run,
            self.profile,
            &self.sample,
            self.min_samples,
            self.per_op,
            &mut outcome,
        ) else {
            return outcome;
        };
        let profile = &measured.profile;
        let value = self.value(measured, index);
        outcome.unit = Some(unit_of(profile, index, self.measure.share(), self.per_op));
        if let Some(times) = self.relative {
            let goal = Compared {
                run: &self.run,
                kind: self.profile,
                sample: &self.sample,
                target: Some(&self.pattern),
            };
            return relative(outcome, facts, goal, (measured, index), times, |m, i| {
                self.value(m, i)
            });
        }
        outcome.measured = Some(value);
        if self.bound.holds(value) {
            outcome.status = Status::Pass;
            return outcome;
        }
        let unit = outcome.unit.clone().unwrap_or_default();
        outcome.explanation = Some(format!(
            "functions matching /{}/ hold {} ({what})",
            self.function,
            crate::report::human::quantity(value, &unit),
        ));
        outcome.evidence = evidence(profile, index, Some(&self.pattern));
        outcome
    }
}

impl ProfileTotal {
    pub fn requirements(&self) -> Vec<Requirement> {
        requirements(&self.run, self.profile, self.relative)
    }

    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        let subject = format!(
            "{} profile total {}{}",
            self.profile,
            self.sample,
            if self.per_op { " per op" } else { "" }
        );
        let mut outcome = base(subject, self.bound);
        let Some((measured, index)) = prepare(
            &facts.profiles,
            &self.run,
            self.profile,
            &self.sample,
            self.min_samples,
            self.per_op,
            &mut outcome,
        ) else {
            return outcome;
        };
        let profile = &measured.profile;
        let value = total_of(measured, index, self.per_op);
        outcome.unit = Some(unit_of(profile, index, false, self.per_op));
        if let Some(times) = self.relative {
            let goal = Compared {
                run: &self.run,
                kind: self.profile,
                sample: &self.sample,
                target: None,
            };
            let per_op = self.per_op;
            return relative(outcome, facts, goal, (measured, index), times, |m, i| {
                total_of(m, i, per_op)
            });
        }
        outcome.measured = Some(value);
        if self.bound.holds(value) {
            outcome.status = Status::Pass;
            return outcome;
        }
        outcome.explanation = Some(format!(
            "the {} profile's {} comes to {}",
            self.profile,
            self.sample,
            crate::report::human::quantity(value, &outcome.unit.clone().unwrap_or_default()),
        ));
        outcome.evidence = evidence(profile, index, None);
        outcome
    }
}

fn requirements(run: &str, profile: ProfileKind, relative: Option<f64>) -> Vec<Requirement> {
    let mut needed = vec![Requirement::Profile {
        run: run.to_owned(),
        profile,
    }];
    if relative.is_some() {
        needed.push(Requirement::ProfilePairs {
            run: run.to_owned(),
            profile,
        });
    }
    needed
}

fn total_of(measured: &ProfileFacts, index: usize, per_op: bool) -> f64 {
    let total = measured.profile.total(index) as f64;
    if per_op {
        total / measured.ops as f64
    } else {
        total
    }
}

/// The profile a relative goal reads, and the functions it is about.
struct Compared<'a> {
    run: &'a str,
    kind: ProfileKind,
    sample: &'a str,
    target: Option<&'a Regex>,
}

/// Judges an amount as a ratio to the starter's: the median of the starter's
/// amounts over the median of the attendee's, from profiles of alternating
/// runs, must reach `times`, and the two sides must differ significantly
/// (Mann-Whitney U): one run each varies too much (lock contention on a busy
/// machine by 70×) for a single ratio to decide.
fn relative(
    mut outcome: Outcome,
    facts: &Facts,
    goal: Compared<'_>,
    mine: (&ProfileFacts, usize),
    times: f64,
    amount: impl Fn(&ProfileFacts, usize) -> f64,
) -> Outcome {
    let (measured, index_mine) = mine;
    let unit = outcome.unit.replace("×".into()).unwrap_or_default();
    outcome.subject.push_str(" vs the starter");
    let Some(pairs) = facts.profile_pairs.get(&(goal.run.to_owned(), goal.kind)) else {
        outcome.status = Status::Inconclusive;
        outcome.explanation =
            Some("the starter could not be measured (no pristine copy of it)".into());
        return outcome;
    };
    let amounts = |side: &[ProfileFacts]| -> Vec<f64> {
        side.iter()
            .filter_map(|m| m.profile.sample_index(goal.sample).map(|i| amount(m, i)))
            .filter(|a| a.is_finite())
            .collect()
    };
    let (before, after) = (amounts(&pairs.starter), amounts(&pairs.mine));
    let (Some(old), Some(new)) = (stats::summarize(&before), stats::summarize(&after)) else {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!(
            "the alternating runs gave no {} amounts to compare",
            goal.sample
        ));
        return outcome;
    };
    let described = |median: f64, amounts: &[f64]| {
        let low = amounts.iter().copied().fold(f64::INFINITY, f64::min);
        let high = amounts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let quantity = |value| crate::report::human::quantity(value, &unit);
        format!(
            "{} (from {} to {})",
            quantity(median),
            quantity(low),
            quantity(high)
        )
    };
    let p = stats::mann_whitney_u(&before, &after).unwrap_or(1.0);
    outcome.evidence.push(format!(
        "medians: the starter's {}, yours {}; {} alternating runs each, p={p:.3}",
        described(old.median, &before),
        described(new.median, &after),
        after.len().min(before.len()),
    ));
    if old.median <= 0.0 {
        // The problem did not show in the starter this time (on a machine so
        // busy that its goroutines never met, say): nothing to compare with.
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!(
            "the starter showed no {} in most of its runs, so there is nothing to compare with",
            goal.sample
        ));
        outcome
            .evidence
            .push("check again, with fewer other programs running".into());
        return outcome;
    }
    let ratio = if new.median > 0.0 {
        old.median / new.median
    } else {
        f64::INFINITY
    };
    outcome.measured = Some(ratio.min(1e9));
    if ratio < times {
        outcome.explanation = Some(format!(
            "the starter's {} is {}× yours (medians); the goal is at least {}×",
            goal.sample,
            super::format_number(ratio),
            super::format_number(times),
        ));
        outcome
            .evidence
            .extend(evidence(&measured.profile, index_mine, goal.target));
    } else if p < ALPHA {
        outcome.status = Status::Pass;
    } else {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(format!(
            "the starter's {} is {}× yours (medians), but the difference is not significant (p={p:.3} ≥ {ALPHA})",
            goal.sample,
            super::format_number(ratio),
        ));
        outcome
            .evidence
            .push("check again, with fewer other programs running".into());
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pprof::{Sample, SampleType};

    /// A CPU profile: every sample is one 10 ms tick of the given stack.
    fn cpu(stacks: &[(&[&str], i64)]) -> Profile {
        let mut functions: Vec<String> = Vec::new();
        let mut samples = Vec::new();
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
            samples.push(Sample {
                frames: frames.into(),
                values: vec![*ticks, ticks * 10_000_000].into(),
            });
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
        }
    }

    fn facts(profile: Profile, ops: u64) -> Facts {
        let mut facts = Facts::default();
        facts.profiles.insert(
            ("bench".into(), ProfileKind::Cpu),
            ProfileFacts { profile, ops },
        );
        facts
    }

    fn goal(function: &str, measure: Measure, bound: Bound, min_samples: u64) -> ProfileFunction {
        ProfileFunction {
            run: "bench".into(),
            profile: ProfileKind::Cpu,
            sample: "cpu".into(),
            function: function.into(),
            pattern: Regex::new(function).unwrap(),
            measure,
            per_op: false,
            bound,
            relative: None,
            min_samples,
        }
    }

    const STACKS: &[(&[&str], i64)] = &[
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

    #[test]
    fn cum_share_over_a_pattern() {
        let outcome = goal(
            "^regexp\\.(Compile|compile)$",
            Measure::CumShare,
            Bound::AtMost(5.0),
            50,
        )
        .evaluate(&facts(cpu(STACKS), 1));
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.measured, Some(70.0));
        assert_eq!(outcome.unit.as_deref(), Some("%"));
        assert!(
            outcome
                .evidence
                .iter()
                .any(|l| l.contains("main.isError → regexp.Compile → regexp.compile")),
            "{:?}",
            outcome.evidence
        );
    }

    #[test]
    fn flat_amount_per_op() {
        let mut g = goal("MatchString", Measure::Flat, Bound::AtMost(1e9), 0);
        g.per_op = true;
        let outcome = g.evaluate(&facts(cpu(STACKS), 4));
        assert_eq!(outcome.status, Status::Pass);
        assert_eq!(outcome.measured, Some(20.0 * 10_000_000.0 / 4.0));
        assert_eq!(outcome.unit.as_deref(), Some("nanoseconds/op"));
    }

    #[test]
    fn too_few_samples_is_inconclusive_not_a_pass() {
        let thin = cpu(&[(&["main.main"], 3)]);
        let outcome =
            goal("regexp", Measure::CumShare, Bound::AtMost(5.0), 50).evaluate(&facts(thin, 1));
        assert_eq!(outcome.status, Status::Inconclusive);
        assert!(
            outcome
                .explanation
                .unwrap()
                .contains("3 samples, fewer than the 50")
        );
    }

    #[test]
    fn missing_profile_is_inconclusive() {
        let outcome = goal("x", Measure::Cum, Bound::AtMost(1.0), 0).evaluate(&Facts::default());
        assert_eq!(outcome.status, Status::Inconclusive);
    }

    #[test]
    fn total_per_op() {
        let total = ProfileTotal {
            run: "bench".into(),
            profile: ProfileKind::Cpu,
            sample: "cpu".into(),
            per_op: true,
            bound: Bound::AtLeast(1.0),
            relative: None,
            min_samples: 0,
        };
        let outcome = total.evaluate(&facts(cpu(STACKS), 10));
        assert_eq!(outcome.status, Status::Pass);
        assert_eq!(outcome.measured, Some(100.0 * 10_000_000.0 / 10.0));
    }

    fn relative_total(times: f64) -> ProfileTotal {
        ProfileTotal {
            run: "bench".into(),
            profile: ProfileKind::Cpu,
            sample: "cpu".into(),
            per_op: true,
            bound: Bound::AtLeast(times),
            relative: Some(times),
            min_samples: 0,
        }
    }

    /// Alternating runs: one CPU profile per run, `ticks` of `main.work` in
    /// the starter's and `mine` in the attendee's, ten ops each.
    fn pairs(measured: &mut Facts, starter: &[i64], mine: &[i64]) {
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
            },
        );
    }

    #[test]
    fn relative_total_is_the_ratio_of_the_sides_medians() {
        let mut measured = facts(cpu(&[(&["main.work"], 10)]), 10);
        let goal = relative_total(4.0);
        assert_eq!(
            goal.requirements()[1],
            Requirement::ProfilePairs {
                run: "bench".into(),
                profile: ProfileKind::Cpu
            }
        );
        // Without the starter's profiles there is nothing to compare.
        assert_eq!(goal.evaluate(&measured).status, Status::Inconclusive);
        pairs(
            &mut measured,
            &[50, 48, 55, 51, 70, 49],
            &[10, 9, 11, 10, 30, 10],
        );
        let outcome = goal.evaluate(&measured);
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert_eq!(outcome.measured, Some(5.05));
        assert_eq!(outcome.unit.as_deref(), Some("×"));
        assert!(
            outcome.evidence[0].ends_with("6 alternating runs each, p=0.005"),
            "{:?}",
            outcome.evidence
        );
        let outcome = relative_total(6.0).evaluate(&measured);
        assert_eq!(outcome.status, Status::Fail);
        assert!(
            outcome
                .explanation
                .unwrap()
                .contains("the starter's cpu is 5.05× yours (medians); the goal is at least 6×")
        );
    }

    #[test]
    fn one_lucky_run_of_the_same_code_does_not_pass() {
        // The starter against itself on a busy machine: single runs differ by
        // 70×, so one pair of runs could show 12×; the medians do not.
        let mut measured = facts(cpu(&[(&["main.work"], 10)]), 10);
        pairs(
            &mut measured,
            &[700, 90, 360, 150, 710, 560],
            &[60, 710, 150, 570, 130, 350],
        );
        let outcome = relative_total(10.0).evaluate(&measured);
        assert_eq!(outcome.status, Status::Fail, "{outcome:?}");
        // Medians far apart but the sides overlapping: not significant.
        pairs(
            &mut measured,
            &[700, 690, 710, 9, 8, 700],
            &[60, 50, 70, 800, 40, 55],
        );
        let outcome = relative_total(10.0).evaluate(&measured);
        assert_eq!(outcome.status, Status::Inconclusive, "{outcome:?}");
        assert!(outcome.explanation.unwrap().contains("not significant"));
    }

    #[test]
    fn relative_function_with_nothing_left_passes() {
        let mut measured = facts(cpu(&[(&["main.other"], 10)]), 10);
        pairs(
            &mut measured,
            &[50, 40, 60, 45, 55, 52],
            &[0, 0, 0, 0, 0, 0],
        );
        let mut g = goal("^main\\.work$", Measure::Cum, Bound::AtLeast(100.0), 0);
        g.relative = Some(100.0);
        let outcome = g.evaluate(&measured);
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert!(outcome.evidence[0].starts_with("medians: the starter's"));
    }

    #[test]
    fn a_starter_that_shows_nothing_makes_a_relative_goal_inconclusive() {
        let mut measured = facts(cpu(&[(&["main.work"], 0)]), 10);
        pairs(&mut measured, &[0, 0, 3, 0, 0, 0], &[0, 0, 0, 0, 0, 0]);
        let outcome = relative_total(2.0).evaluate(&measured);
        assert_eq!(outcome.status, Status::Inconclusive, "{outcome:?}");
        assert!(
            outcome
                .explanation
                .unwrap()
                .contains("nothing to compare with")
        );
    }
}
