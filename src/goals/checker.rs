//! What a goal kind's validation works with: the keys every goal takes (`id`,
//! `run`, `explain`, `hint`, besides `kind`), the runs its check file declares,
//! and a place to report problems at the key at fault.

use regex::Regex;
use serde::Deserialize;

use super::Bound;
use crate::exec::GoVersion;
use crate::i18n::Text;
use crate::tr;
use crate::yaml::locate::child;
use crate::yaml::{Beside, Diagnostic, Document, closest};

/// The keys every goal takes besides `kind`, whatever its kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Common {
    pub id: String,
    /// The run whose artifacts the goal reads; may be left out when there is one.
    #[serde(default)]
    pub run: Option<String>,
    /// Shown under the goal when it is not met.
    #[serde(default)]
    pub explain: Option<Text>,
    /// Shown beside the goal when it is not met.
    #[serde(default)]
    pub hint: Option<Text>,
    /// `met` when the starter meets the goal on purpose.
    #[serde(default)]
    pub starter: Option<super::OnStarter>,
    /// A higher Go version than the exercise's, if this goal needs one.
    #[serde(default)]
    pub go: Option<String>,
}

/// Where the common keys stand among a kind's keys in "expected one of" lists.
pub(super) const COMMON: Beside<'static> = Beside {
    before: &["id", "run"],
    after: &["explain", "hint", "starter", "go"],
};

/// What values a goal's measure can take, so that a bound outside them (which
/// could never be met, or never fail) is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// Time, bytes, rates: 0 or more.
    Amount,
    /// A percentage: 0 to 100.
    Share,
    /// Goroutines, tasks, regions, logs: a whole number, 0 or more.
    Count,
}

/// A run a goal may name, as its check file declares it.
#[derive(Debug, Clone, Copy)]
pub struct RunInfo<'a> {
    pub name: &'a str,
    /// Whether it reports B/op and allocs/op.
    pub benchmem: bool,
    /// It starts a server instead of benchmarks.
    pub serves: bool,
    /// It serves and sends load to its server.
    pub loads: bool,
    /// Its load is an open loop (a fixed rate).
    pub open_loop: bool,
}

/// What a goal kind's validation sees of its check file, and where it reports
/// problems: at one of the goal's keys, or at the goal itself.
pub struct Checker<'a, 'd> {
    pub(super) doc: &'a Document<'d>,
    pub(super) path: &'a str,
    pub(super) runs: &'a [RunInfo<'a>],
    pub(super) go: GoVersion,
    pub(super) run: Option<String>,
    /// What the goal's `starter` key says, when it is there.
    pub(super) starter: Option<super::OnStarter>,
    pub(super) problems: &'a mut Vec<Diagnostic>,
}

impl Checker<'_, '_> {
    /// A problem at the goal's `key` (its value, else the key), or at the goal
    /// itself when `key` is empty.
    pub fn problem(&mut self, key: &str, message: String) {
        let path = if key.is_empty() {
            self.path.to_owned()
        } else {
            child(self.path, key)
        };
        self.problems.push(self.doc.at(&path, message));
    }

    /// What the goal's `starter` key says, when it is there.
    pub fn starter(&self) -> Option<super::OnStarter> {
        self.starter
    }

    /// The Go version the goal needs: the exercise's, or the goal's own when higher.
    pub fn go(&self) -> GoVersion {
        self.go
    }

    /// Whether the named run reports memory statistics (`benchmem`); `None`
    /// when there is no such run.
    pub fn benchmem(&self, run: &str) -> Option<bool> {
        self.runs.iter().find(|r| r.name == run).map(|r| r.benchmem)
    }

    /// The named run as its check file declares it.
    pub fn run_info(&self, run: &str) -> Option<RunInfo<'_>> {
        self.runs.iter().find(|r| r.name == run).copied()
    }

    /// The run the goal reads: the one its `run` key names, or the only one.
    pub fn run(&mut self) -> String {
        let names: Vec<&str> = self.runs.iter().map(|r| r.name).collect();
        match (self.run.clone(), names.as_slice()) {
            (Some(run), _) if names.contains(&run.as_str()) => run,
            (Some(run), _) => {
                let best = closest(&run, names.iter().copied());
                let message = tr!(
                    "goal-no-run",
                    run = &run,
                    has_best = if best.is_some() { "yes" } else { "no" },
                    best = best.unwrap_or(""),
                    runs = crate::i18n::list(&names),
                );
                self.problem("run", message);
                run
            }
            (None, [only]) => (*only).to_owned(),
            (None, []) => {
                self.problem("", tr!("goal-runs-empty"));
                String::new()
            }
            (None, many) => {
                let message = tr!("goal-which-run", runs = crate::i18n::list(many));
                self.problem("", message);
                String::new()
            }
        }
    }

    /// An absolute bound: `at-most` or `at-least`.
    pub fn bound(&mut self, at_most: Option<f64>, at_least: Option<f64>) -> Bound {
        match (at_most, at_least) {
            (Some(v), None) if v.is_finite() => Bound::AtMost(v),
            (None, Some(v)) if v.is_finite() => Bound::AtLeast(v),
            (Some(_), Some(_)) => {
                self.problem("", tr!("goal-bound-both"));
                Bound::AtMost(0.0)
            }
            (None, None) => {
                self.problem("", tr!("goal-bound-missing"));
                Bound::AtMost(0.0)
            }
            _ => {
                self.problem("", tr!("goal-bound-finite"));
                Bound::AtMost(0.0)
            }
        }
    }

    /// A count bound: `at-least`, `at-most` or `exactly`; at least 1 when none is given.
    pub fn count(
        &mut self,
        at_most: Option<f64>,
        at_least: Option<f64>,
        exactly: Option<f64>,
    ) -> Bound {
        match (at_most, at_least, exactly) {
            (None, None, None) => Bound::AtLeast(1.0),
            (None, None, Some(n)) => Bound::Exactly(n),
            (_, _, None) => self.bound(at_most, at_least),
            _ => {
                self.problem("", tr!("goal-count-one-of"));
                Bound::AtLeast(1.0)
            }
        }
    }

    /// Refuses a bound outside what `what` can measure, at the bound's key.
    pub fn within(&mut self, bound: Bound, domain: Domain, what: &str) {
        let (key, value) = match bound {
            Bound::AtMost(v) => ("at-most", v),
            Bound::AtLeast(v) => ("at-least", v),
            Bound::Exactly(v) => ("exactly", v),
        };
        let range = match domain {
            Domain::Amount if value < 0.0 => tr!("goal-range-amount"),
            Domain::Share if !(0.0..=100.0).contains(&value) => tr!("goal-range-share"),
            Domain::Count if value < 0.0 || value.fract() != 0.0 => tr!("goal-range-count"),
            _ => return,
        };
        let shown = crate::units::number(value);
        self.problem(
            key,
            tr!(
                "goal-out-of-range",
                key = key,
                value = shown,
                what = what,
                range = range
            ),
        );
    }

    /// A regular expression written at `key`, as Go's regexp reads it.
    pub fn regex(&mut self, key: &str, pattern: &str) -> Regex {
        // Never used when refused: the manifest is rejected. Any valid pattern will do.
        let refused = || Regex::new(&regex::escape(pattern)).expect("an escaped pattern is valid");
        if let Some(syntax) = crate::goregex::rust_only(pattern) {
            let message = tr!(
                "manifest-pattern-rust-only",
                part = pattern,
                syntax = syntax
            );
            self.problem(key, message);
            return refused();
        }
        if let Some(repeat) = crate::goregex::repeat_over_limit(pattern) {
            let message = tr!(
                "manifest-pattern-repeat",
                part = pattern,
                repeat = repeat,
                limit = crate::goregex::MAX_REPEAT
            );
            self.problem(key, message);
            return refused();
        }
        Regex::new(pattern).unwrap_or_else(|e| {
            self.problem(key, tr!("goal-bad-regex", error = e.to_string()));
            refused()
        })
    }
}

impl Checker<'_, '_> {
    /// The kind's own keys, as its serde mirror.
    pub(super) fn read<T: serde::de::DeserializeOwned>(
        &self,
        body: serde_yaml::Value,
    ) -> Result<T, Diagnostic> {
        self.doc.read(body, self.path, COMMON)
    }
}
