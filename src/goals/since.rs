//! What changed since the starter in the profile a goal reads: the functions
//! whose share of the goal's sample type moved most between the starter's
//! profile (kept beside the attendee's for looking) and the attendee's, as
//! `go tool pprof -diff_base` shows it (the attendee's minus the starter's).
//! Shares, not amounts: the two runs need not have made as many iterations.
//! No verdict reads this.

use regex::Regex;
use rustc_hash::FxHashMap;

use super::profile::Measure;
use super::{GoalKind, ProfileKind};
use crate::pprof::Profile;

/// How many functions the comparison names.
const CHANGES: usize = 3;

/// What a profile goal looks at, for the comparison.
#[derive(Debug, Clone)]
pub struct Looked<'a> {
    pub run: &'a str,
    pub profile: ProfileKind,
    pub sample: &'a str,
    /// Cum (the function and what it calls) rather than flat.
    pub cum: bool,
    /// The functions the goal is about: the largest change among them is named first.
    pub pattern: Option<&'a Regex>,
}

impl GoalKind {
    /// What the goal reads of a profile, for goals on profiles.
    pub fn looked(&self) -> Option<Looked<'_>> {
        match self {
            GoalKind::ProfileFunction(goal) => Some(Looked {
                run: &goal.source.run,
                profile: goal.source.profile,
                sample: &goal.source.sample,
                cum: !goal.measure.flat(),
                pattern: Some(&goal.pattern),
            }),
            GoalKind::ProfileTotal(goal) => Some(Looked {
                run: &goal.source.run,
                profile: goal.source.profile,
                sample: &goal.source.sample,
                cum: false,
                pattern: None,
            }),
            _ => None,
        }
    }
}

/// The share of one function in the starter's profile and in the attendee's.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    pub function: String,
    /// Percent of the profile's total, in the starter's profile.
    pub starter: f64,
    /// Percent of the profile's total, in the attendee's.
    pub mine: f64,
}

impl Change {
    /// The attendee's share minus the starter's, in percentage points.
    pub fn delta(&self) -> f64 {
        self.mine - self.starter
    }
}

/// The functions whose share moved most since the starter.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SinceStarter {
    /// `flat-share` or `cum-share`.
    pub measure: Measure,
    pub sample: String,
    pub changes: Vec<Change>,
}

/// Every function's flat or cum share of `sample` in a profile.
fn shares(profile: &Profile, sample: &str, cum: bool) -> Option<FxHashMap<String, f64>> {
    let index = profile.sample_index(sample)?;
    let total = profile.total(index);
    if total == 0 {
        return Some(FxHashMap::default());
    }
    Some(
        profile
            .functions(index, None)
            .into_iter()
            .map(|f| {
                let value = if cum { f.cum } else { f.flat };
                (f.name, value as f64 * 100.0 / total as f64)
            })
            .collect(),
    )
}

/// The few functions whose share changed most from `starter` to `mine`: the
/// one the goal is about that changed most first, then the others by the size
/// of their change. `None` when either profile lacks the sample type.
pub fn since_starter(
    looked: &Looked<'_>,
    starter: &Profile,
    mine: &Profile,
) -> Option<SinceStarter> {
    let before = shares(starter, looked.sample, looked.cum)?;
    let after = shares(mine, looked.sample, looked.cum)?;
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    let mut changes: Vec<Change> = names
        .into_iter()
        .map(|name| Change {
            function: name.clone(),
            starter: before.get(name).copied().unwrap_or(0.0),
            mine: after.get(name).copied().unwrap_or(0.0),
        })
        // Less than a tenth of a point reads as no change at all.
        .filter(|c| c.delta().abs() >= 0.05)
        .collect();
    // Largest change first; the order of names keeps ties stable.
    changes.sort_by(|a, b| b.delta().abs().total_cmp(&a.delta().abs()));
    if let Some(pattern) = looked.pattern
        && let Some(at) = changes.iter().position(|c| pattern.is_match(&c.function))
    {
        let about = changes.remove(at);
        changes.insert(0, about);
    }
    changes.truncate(CHANGES);
    Some(SinceStarter {
        measure: if looked.cum {
            Measure::CumShare
        } else {
            Measure::FlatShare
        },
        sample: looked.sample.to_owned(),
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::profile::testing::{STACKS, cpu};

    fn looked(pattern: Option<&Regex>, cum: bool) -> Looked<'_> {
        Looked {
            run: "bench",
            profile: ProfileKind::Cpu,
            sample: "cpu",
            cum,
            pattern,
        }
    }

    #[test]
    fn the_goals_function_first_then_the_largest_changes() {
        let starter = cpu(STACKS);
        let mine = cpu(&[
            (
                &["regexp.(*Regexp).MatchString", "main.isError", "main.main"],
                60,
            ),
            (&["main.main"], 40),
        ]);
        let pattern = Regex::new(r"^regexp\.(MustCompile|Compile|compile)$").unwrap();
        let since = since_starter(&looked(Some(&pattern), true), &starter, &mine).unwrap();
        let changes: Vec<(&str, i64, i64)> = since
            .changes
            .iter()
            .map(|c| {
                (
                    c.function.as_str(),
                    c.starter.round() as i64,
                    c.mine.round() as i64,
                )
            })
            .collect();
        assert_eq!(
            changes,
            [
                ("regexp.Compile", 70, 0),
                ("regexp.compile", 70, 0),
                ("regexp.(*Regexp).MatchString", 20, 60),
            ]
        );
        assert_eq!(since.measure, Measure::CumShare);
    }

    #[test]
    fn flat_changes_leave_out_functions_that_did_not_move() {
        let starter = cpu(&[(&["main.a"], 50), (&["main.b"], 50)]);
        let mine = cpu(&[(&["main.a"], 25), (&["main.b"], 75)]);
        let since = since_starter(&looked(None, false), &starter, &mine).unwrap();
        assert_eq!(since.changes.len(), 2);
        assert_eq!(since.changes[0].delta(), -25.0);
        let same = since_starter(&looked(None, false), &starter, &starter).unwrap();
        assert!(same.changes.is_empty());
    }
}
