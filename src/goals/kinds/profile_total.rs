//! `profile-total`: the total of one sample type of a run's profile (mutex
//! delay per op, say), against a bound or, with `at-least-times`, against the
//! starter's.

use serde::Deserialize;

use crate::goals::profile::{self, ProfileSource, evidence, total_of, unit_of};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, ProfileKind, Requirement};
use crate::tr;
use crate::units::beside;

/// The total of a sample type, e.g. mutex delay per op.
#[derive(Debug, Clone)]
pub struct ProfileTotal {
    pub source: ProfileSource,
    pub bound: Bound,
}

/// The keys of a `profile-total` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileTotalFile {
    pub profile: ProfileKind,
    #[serde(default)]
    pub sample: Option<String>,
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

impl Kind for ProfileTotal {
    type File = ProfileTotalFile;

    fn validate(file: ProfileTotalFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let sample = profile::sample(checker, file.profile, file.sample);
        let (bound, relative) =
            profile::bound(checker, file.at_most, file.at_least, file.at_least_times);
        crate::goals::leak::absolute_only(checker, file.profile, relative);
        if relative.is_none() {
            checker.within(bound, Domain::Amount, &tr!("profile-total-a-total"));
        }
        ProfileTotal {
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
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        self.source.requirements()
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let source = &self.source;
        let (profile, sample) = (source.profile.name(), &source.sample);
        let subject = if source.per_op {
            tr!(
                "profile-total-subject-per-op",
                profile = profile,
                sample = sample
            )
        } else {
            tr!("profile-total-subject", profile = profile, sample = sample)
        };
        let mut outcome = Outcome::new(subject, Some(self.bound));
        let Some((measured, index)) = source.prepare(facts, &mut outcome) else {
            return outcome;
        };
        let measured = &*measured;
        let profile = &measured.profile;
        let value = total_of(measured, index, source.per_op);
        let unit = unit_of(profile, index, false, source.per_op);
        outcome.unit = Some(unit.clone());
        if let Some(times) = source.relative {
            return source.versus_starter(times, outcome, facts, None, (measured, index), |m, i| {
                total_of(m, i, source.per_op)
            });
        }
        if outcome.judge(value) {
            return outcome;
        }
        outcome.explanation = Some(tr!(
            "profile-total-comes-to",
            profile = source.profile.name(),
            sample = &source.sample,
            amount = beside(value, &[self.bound.limit()], &unit)
        ));
        outcome.evidence = evidence(profile, index, None);
        outcome
            .evidence
            .extend(crate::goals::labels::evidence(&source.tags));
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::profile::testing::{STACKS, cpu, facts, pairs};

    #[test]
    fn total_per_op() {
        let total = ProfileTotal {
            source: cpu_per_op(None),
            bound: Bound::AtLeast(1.0),
        };
        let outcome = total.evaluate(&facts(cpu(STACKS), 10));
        assert_eq!(outcome.status, Status::Pass);
        assert_eq!(outcome.measured, Some(100.0 * 10_000_000.0 / 10.0));
    }

    /// The CPU time per op of run `bench`.
    fn cpu_per_op(relative: Option<f64>) -> ProfileSource {
        ProfileSource {
            run: "bench".into(),
            profile: ProfileKind::Cpu,
            sample: "cpu".into(),
            per_op: true,
            min_samples: 0,
            relative,
            tags: Default::default(),
        }
    }

    fn relative_total(times: f64) -> ProfileTotal {
        ProfileTotal {
            source: cpu_per_op(Some(times)),
            bound: Bound::AtLeast(times),
        }
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
            outcome.evidence[0].ends_with("6 alternating runs each, p=0.0022"),
            "{:?}",
            outcome.evidence
        );
        let outcome = relative_total(6.0).evaluate(&measured);
        assert_eq!(outcome.status, Status::Fail);
        assert!(
            outcome
                .explanation
                .unwrap()
                .contains("your cpu is 5× less than the starter's; the goal is 6× less")
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
        let explanation = outcome.explanation.unwrap();
        assert!(
            explanation.starts_with("no significant difference from the starter (p=0.78): your cpu is 12× less"),
            "{explanation}"
        );
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
