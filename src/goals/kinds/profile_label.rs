//! `profile-label`: the share of a CPU or goroutine profile carried by the
//! samples with a profiler label (`pprof.Do`, `pprof.SetGoroutineLabels`):
//! with `key` alone, the samples that have that key ("≥ 90% of the CPU is
//! attributed to an endpoint"); with `value`, those whose value of the key
//! matches ("the `/search` endpoint holds ≥ 50%"). Shares are of the whole
//! profile, as `go tool pprof -tags` takes them; `tagfocus` and `tagignore`
//! first leave samples out as they do for the other profile goals.

use regex::Regex;
use serde::Deserialize;

use crate::goals::profile::{self, ProfileSource};
use crate::goals::{
    Bound, Checker, Domain, Facts, Kind, Matched, Outcome, ProfileKind, Requirement,
};
use crate::pprof::Profile;
use crate::pprof::format;
use crate::pprof::labels::LabelValue;
use crate::pprof::tags;
use crate::tr;
use crate::units::beside;

/// The share of the samples that carry a label (of a value).
#[derive(Debug, Clone)]
pub struct ProfileLabel {
    pub source: ProfileSource,
    pub key: String,
    /// The value pattern as written, and compiled.
    pub value: Option<(String, Regex)>,
    pub bound: Bound,
}

/// The keys of a `profile-label` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileLabelFile {
    pub profile: ProfileKind,
    #[serde(default)]
    pub sample: Option<String>,
    /// The label's key (`endpoint`).
    pub key: String,
    /// A regular expression over the key's values (`^/search$`).
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub min_samples: Option<u64>,
    #[serde(default)]
    pub tagfocus: Option<String>,
    #[serde(default)]
    pub tagignore: Option<String>,
}

impl ProfileLabel {
    /// Whether sample `n` carries the label (with a matching value).
    fn carries(&self, profile: &Profile, n: usize) -> bool {
        let labels = &profile.labels;
        labels.of(n).iter().any(|l| {
            labels.name(l.key) == self.key
                && match (&self.value, l.value) {
                    (None, _) => true,
                    (Some((_, pattern)), LabelValue::Str(v)) => pattern.is_match(labels.name(v)),
                    (Some(_), LabelValue::Num(..)) => false,
                }
        })
    }

    /// The amount the labelled samples carry, and how many they are.
    fn carried(&self, profile: &Profile, index: usize) -> (i64, usize) {
        profile
            .samples
            .iter()
            .enumerate()
            .filter(|&(n, _)| self.carries(profile, n))
            .fold((0, 0), |(amount, count), (_, s)| {
                (amount + s.values[index], count + 1)
            })
    }

    /// `key` or `key=/value/`, as messages name the label.
    fn named(&self) -> String {
        match &self.value {
            None => self.key.clone(),
            Some((value, _)) => format!("{}={}", self.key, crate::display::pattern(value)),
        }
    }
}

impl Kind for ProfileLabel {
    type File = ProfileLabelFile;

    fn validate(file: ProfileLabelFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if !matches!(file.profile, ProfileKind::Cpu | ProfileKind::Goroutine) {
            checker.problem(
                "profile",
                tr!("profile-label-which-profile", profile = file.profile.name()),
            );
        }
        let sample = profile::sample(checker, file.profile, file.sample);
        if file.key.trim().is_empty() {
            checker.problem("key", tr!("profile-label-empty-key"));
        }
        let value = file
            .value
            .map(|v| (v.clone(), checker.regex("value", &v)));
        let bound = checker.bound(file.at_most, file.at_least);
        checker.within(bound, Domain::Share, &tr!("profile-function-share"));
        // A share is never below 0% nor above 100%.
        if matches!(bound, Bound::AtLeast(v) if v <= 0.0)
            || matches!(bound, Bound::AtMost(v) if v >= 100.0)
        {
            let key = if matches!(bound, Bound::AtLeast(_)) {
                "at-least"
            } else {
                "at-most"
            };
            checker.problem(key, tr!("profile-label-cannot-fail"));
        }
        ProfileLabel {
            source: ProfileSource {
                run,
                profile: file.profile,
                sample,
                per_op: false,
                min_samples: file
                    .min_samples
                    .unwrap_or(profile::default_min_samples(file.profile)),
                relative: None,
                tags: crate::goals::labels::read(
                    checker,
                    file.profile,
                    file.tagfocus,
                    file.tagignore,
                ),
            },
            key: file.key,
            value,
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        self.source.requirements()
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let source = &self.source;
        let named = self.named();
        let mut outcome = Outcome::new(
            tr!(
                "profile-label-subject",
                profile = source.profile.name(),
                sample = &source.sample,
                label = &named
            ),
            Some(self.bound),
        );
        let Some((measured, index)) = source.prepare(facts, &mut outcome) else {
            return outcome;
        };
        let profile = &measured.profile;
        let total = profile.pprof_total(index);
        let (amount, count) = self.carried(profile, index);
        let share = if total == 0 {
            0.0
        } else {
            amount as f64 * 100.0 / total as f64
        };
        outcome.unit = Some("%".to_owned());
        let table = tags::table(profile, index);
        outcome.matched = Some(Matched {
            pattern: named.clone(),
            functions: count,
            top: table.iter().map(|k| k.key.clone()).collect(),
            within: "labels",
            missed: 0,
        });
        if outcome.judge(share) {
            return outcome;
        }
        let unit = &profile.sample_types[index].unit;
        outcome.explanation = Some(if profile.labels.is_empty() {
            tr!(
                "profile-label-none",
                profile = source.profile.name(),
                label = &named
            )
        } else {
            tr!(
                "profile-label-holds",
                label = &named,
                amount = format::value(amount, unit),
                share = beside(share, &[self.bound.limit()], "%")
            )
        });
        outcome.evidence = evidence(&table, total, unit, &self.key);
        outcome
            .evidence
            .extend(crate::goals::labels::evidence(&source.tags));
        outcome
    }
}

/// The label table in `go tool pprof -tags` style lines: the goal's key
/// first (all keys when the profile lacks it), each with its values.
fn evidence(table: &[tags::TagKey], total: i64, unit: &str, key: &str) -> Vec<String> {
    if table.is_empty() {
        return Vec::new();
    }
    let value = |v: i64| format::value(v, unit);
    let mut lines = vec![tr!("profile-label-table")];
    let shown: Vec<&tags::TagKey> = match table.iter().find(|k| k.key == key) {
        Some(found) => vec![found],
        None => table.iter().collect(),
    };
    for k in shown {
        lines.push(format!(
            "  {}: {}",
            k.key,
            tr!(
                "inspect-tags-key",
                amount = value(k.amount),
                total = value(total),
                share = format::percentage(k.amount, total)
            )
        ));
        for v in k.values.iter().take(8) {
            lines.push(format!(
                "    {} ({}): {}",
                value(v.amount),
                format::percentage(v.amount, total),
                v.value
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::profile::testing::{cpu, facts};
    use crate::pprof::labels::LabelsBuilder;

    /// 60 ticks of /search, 20 of /static, 20 unlabelled.
    fn labelled() -> Profile {
        let mut p = cpu(&[
            (&["main.search"], 60),
            (&["main.static"], 20),
            (&["runtime.gcBgMarkWorker"], 20),
        ]);
        let mut b = LabelsBuilder::default();
        b.push([("endpoint", "/search", 0, "")]);
        b.push([("endpoint", "/static", 0, "")]);
        b.push([]);
        p.labels = b.finish();
        p
    }

    fn goal(value: Option<&str>, bound: Bound) -> ProfileLabel {
        ProfileLabel {
            source: ProfileSource {
                run: "bench".into(),
                profile: ProfileKind::Cpu,
                sample: "cpu".into(),
                per_op: false,
                min_samples: 50,
                relative: None,
                tags: Default::default(),
            },
            key: "endpoint".into(),
            value: value.map(|v| (v.to_owned(), Regex::new(v).unwrap())),
            bound,
        }
    }

    #[test]
    fn the_share_of_a_key_and_of_a_value() {
        let measured = facts(labelled(), 1);
        let outcome = goal(None, Bound::AtLeast(75.0)).evaluate(&measured);
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert_eq!(outcome.measured, Some(80.0));
        let outcome = goal(Some("^/search$"), Bound::AtLeast(70.0)).evaluate(&measured);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.measured, Some(60.0));
        assert!(
            outcome.evidence.iter().any(|l| l.contains("endpoint: Total 800ms of 1s")),
            "{:?}",
            outcome.evidence
        );
        assert!(outcome.evidence.iter().any(|l| l.ends_with("(60.00%): /search")));
    }

    #[test]
    fn no_labels_fail_and_say_so() {
        let measured = facts(cpu(&[(&["main.search"], 100)]), 1);
        let outcome = goal(None, Bound::AtLeast(50.0)).evaluate(&measured);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.measured, Some(0.0));
        assert!(outcome.explanation.unwrap().contains("no sample"));
        assert_eq!(outcome.matched.unwrap().functions, 0);
    }

    #[test]
    fn tag_filters_leave_samples_out_first() {
        let mut g = goal(None, Bound::AtMost(30.0));
        g.source.tags.ignore = Some(tags::TagFilter::parse("endpoint=/search").unwrap());
        let outcome = g.evaluate(&facts(labelled(), 1));
        // Of the whole profile, as pprof's shares are.
        assert_eq!(outcome.measured, Some(20.0));
        assert_eq!(outcome.status, Status::Pass);
    }
}
