//! `profile-function`: how much of a sample type the functions matching a
//! pattern hold in one run's profile, flat or cum, as a share of the total or
//! an amount (optionally per benchmark op); or, with `at-least-times`, that
//! amount against the starter's.

use regex::Regex;
use serde::Deserialize;

use crate::goals::profile::{self, Measure, ProfileSource, evidence, unit_of};
use crate::goals::{
    Bound, Checker, Domain, Facts, Kind, Matched, Outcome, ProfileFacts, ProfileKind, Requirement,
};
use crate::tr;
use crate::units::beside;

/// `regexp.compile cum-share ≤ 5%` in the CPU profile of run `bench`.
#[derive(Debug, Clone)]
pub struct ProfileFunction {
    pub source: ProfileSource,
    /// The pattern as written, for messages.
    pub function: String,
    pub pattern: Regex,
    pub measure: Measure,
    pub bound: Bound,
}

/// The keys of a `profile-function` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileFunctionFile {
    pub profile: ProfileKind,
    #[serde(default)]
    pub sample: Option<String>,
    /// A regular expression over function names (`^regexp\.compile$`).
    pub function: String,
    pub measure: Measure,
    #[serde(default)]
    pub per_op: bool,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    /// At least this many times less than the starter's amount.
    #[serde(default)]
    pub at_least_times: Option<f64>,
    #[serde(default)]
    pub min_samples: Option<u64>,
    /// Only the samples whose profiler labels match, as `go tool pprof -tagfocus`.
    #[serde(default)]
    pub tagfocus: Option<String>,
    /// Not the samples whose profiler labels match, as `go tool pprof -tagignore`.
    #[serde(default)]
    pub tagignore: Option<String>,
}

impl ProfileFunction {
    /// The amount the goal measures in one profile.
    fn value(&self, measured: &ProfileFacts, index: usize) -> f64 {
        let profile = &measured.profile;
        // Of every sample, those label filters leave out too, as pprof's shares are.
        let total = profile.pprof_total(index);
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
        } else if self.source.per_op {
            amount / measured.ops as f64
        } else {
            amount
        }
    }
}

impl ProfileFunction {
    /// How many of the profile's functions the pattern matches, and its top ones.
    fn matched(&self, profile: &crate::pprof::Profile, index: usize) -> Matched {
        Matched {
            pattern: self.function.clone(),
            functions: profile
                .functions
                .iter()
                .filter(|name| self.pattern.is_match(name))
                .count(),
            top: profile::top(profile, index, 5)
                .into_iter()
                .map(|f| f.name)
                .collect(),
            within: "profile",
            missed: 0,
        }
    }
}

impl Kind for ProfileFunction {
    type File = ProfileFunctionFile;

    fn validate(file: ProfileFunctionFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let sample = profile::sample(checker, file.profile, file.sample);
        let pattern = checker.regex("function", &file.function);
        if file.per_op && file.measure.share() {
            checker.problem("per-op", tr!("profile-function-share-per-op"));
        }
        let (bound, relative) =
            profile::bound(checker, file.at_most, file.at_least, file.at_least_times);
        crate::goals::leak::absolute_only(checker, file.profile, relative);
        if relative.is_none() {
            let (domain, what) = if file.measure.share() {
                (Domain::Share, tr!("profile-function-share"))
            } else {
                (Domain::Amount, tr!("profile-function-amount"))
            };
            checker.within(bound, domain, &what);
        }
        ProfileFunction {
            source: ProfileSource {
                run,
                profile: file.profile,
                sample,
                per_op: file.per_op,
                min_samples: file
                    .min_samples
                    .unwrap_or(profile::default_min_samples(file.profile)),
                relative,
                tags: crate::goals::labels::read(
                    checker,
                    file.profile,
                    file.tagfocus,
                    file.tagignore,
                ),
            },
            function: file.function,
            pattern,
            measure: file.measure,
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        self.source.requirements()
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let what = match self.measure {
            Measure::Flat => tr!("profile-function-flat"),
            Measure::Cum => tr!("profile-function-cum"),
            Measure::FlatShare => tr!("profile-function-flat-share"),
            Measure::CumShare => tr!("profile-function-cum-share"),
        };
        let source = &self.source;
        let pattern = crate::display::pattern(&self.function);
        let mut outcome = Outcome::new(
            tr!(
                "profile-function-subject",
                sample = &source.sample,
                measure = &what,
                pattern = &pattern
            ),
            Some(self.bound),
        );
        let Some((measured, index)) = source.prepare(facts, &mut outcome) else {
            return outcome;
        };
        let measured = &*measured;
        let profile = &measured.profile;
        let value = self.value(measured, index);
        let unit = unit_of(profile, index, self.measure.share(), source.per_op);
        outcome.unit = Some(unit.clone());
        let matched = self.matched(profile, index);
        // Gone from the attendee's code (the fix) or renamed: either way the
        // goal reads nothing there, and says so.
        let gone = (matched.functions == 0)
            .then(|| tr!("profile-function-none-matching", pattern = &pattern));
        outcome.matched = Some(matched);
        let mut outcome = if let Some(times) = source.relative {
            let target = Some(&self.pattern);
            source.versus_starter(times, outcome, facts, target, (measured, index), |m, i| {
                self.value(m, i)
            })
        } else if outcome.judge(value) {
            outcome
        } else {
            outcome.explanation = Some(tr!(
                "profile-function-holds",
                pattern = &pattern,
                amount = beside(value, &[self.bound.limit()], &unit),
                measure = &what
            ));
            outcome.evidence = evidence(profile, index, Some(&self.pattern));
            outcome
        };
        outcome.evidence.extend(gone);
        if outcome.status != crate::goals::Status::Pass {
            outcome
                .evidence
                .extend(crate::goals::labels::evidence(&source.tags));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::profile::testing::{STACKS, cpu, facts, pairs};

    fn goal(function: &str, measure: Measure, bound: Bound, min_samples: u64) -> ProfileFunction {
        ProfileFunction {
            source: ProfileSource {
                run: "bench".into(),
                profile: ProfileKind::Cpu,
                sample: "cpu".into(),
                per_op: false,
                min_samples,
                relative: None,
                tags: Default::default(),
            },
            function: function.into(),
            pattern: Regex::new(function).unwrap(),
            measure,
            bound,
        }
    }

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
    fn generic_code_is_matched_as_docs_manifest_shows() {
        // The names Go gives generic code in profiles, and the patterns
        // docs/manifest.md suggests for them.
        let put = "example.com/gen.(*Cache[go.shape.string,go.shape.int64]).Put";
        let keys = "example.com/gen.Keys[go.shape.string,go.shape.int64]";
        let profile = cpu(&[(&[put, "main.main"], 60), (&[keys, "main.main"], 40)]);
        for (pattern, share) in [(r"\.\(\*Cache\[.*\]\)\.Put$", 60.0), (r"\.Keys\[.*\]$", 40.0)] {
            let outcome = goal(pattern, Measure::FlatShare, Bound::AtMost(100.0), 0)
                .evaluate(&facts(profile.clone(), 1));
            assert_eq!(outcome.measured, Some(share), "{pattern}");
            assert_eq!(outcome.matched.unwrap().functions, 1, "{pattern}");
        }
    }

    #[test]
    fn flat_amount_per_op() {
        let mut g = goal("MatchString", Measure::Flat, Bound::AtMost(1e9), 0);
        g.source.per_op = true;
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
    fn relative_function_with_nothing_left_passes() {
        let mut measured = facts(cpu(&[(&["main.other"], 10)]), 10);
        pairs(
            &mut measured,
            &[50, 40, 60, 45, 55, 52],
            &[0, 0, 0, 0, 0, 0],
        );
        let mut g = goal("^main\\.work$", Measure::Cum, Bound::AtLeast(100.0), 0);
        g.source.relative = Some(100.0);
        let outcome = g.evaluate(&measured);
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert!(outcome.evidence[0].starts_with("medians: the starter's"));
    }
}
