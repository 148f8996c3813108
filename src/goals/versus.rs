//! The one judgement of the attendee's code against the starter, for benchmark
//! metrics, profile amounts and rounds of load alike: samples of both sides
//! taken side by side in one check, the ratio of their medians, and a
//! two-sided Mann-Whitney U test that says whether the two sides really
//! differ. A large ratio that is not significant is not a pass.
//!
//! How a result reads, in both languages:
//! - A difference the test cannot tell from noise is said first, and no ratio
//!   word leads: "no significant difference from the starter (p=0.31)".
//! - A comparison below 2× is a percentage, from 2× on a number of times:
//!   "36% faster", "2% less", "3.4× faster", "10× less". Faster and slower
//!   compare times (36% faster: the starter takes 1.36 times as long as
//!   yours; 36% slower: yours takes 1.36 times as long); less, more, higher
//!   and lower compare amounts in percent of the starter's (2% less: yours is
//!   98% of it).
//! - A comparison and the goal beside it take two significant digits, more
//!   when the two would otherwise read alike; a p-value likewise beside α.

use super::{Outcome, Status};
use crate::bench::stats::{self, ALPHA, Summary};
use crate::bench::utest;
use crate::tr;
use crate::units::{WORD_DIGITS, digits_apart, significant};

/// Why a goal relative to the starter is inconclusive without one: why the
/// starter could not be identified, else that it could not be measured.
pub fn no_starter(facts: &super::Facts) -> String {
    facts
        .starter_missing
        .clone()
        .unwrap_or_else(|| tr!("versus-no-starter"))
}

/// A subject measured against the starter: "BenchmarkJoin ns/op vs the starter".
pub fn subject(subject: &str) -> String {
    tr!("versus-subject", subject = subject)
}

/// The significance level, as reports show it.
pub fn alpha() -> String {
    ALPHA.to_string()
}

/// A p-value as reports show it: two significant digits, more where it would
/// read like α: `0.31`, `0.0022`, `0.04996`.
pub fn p_value(p: f64) -> String {
    let digits = digits_apart(p, &[ALPHA], WORD_DIGITS, |v, d| significant(v, d).value);
    significant(p, digits).text
}

/// Which way is better for the metric compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// Time, bytes, allocations, delay.
    Lower,
    /// Rates: MB/s, items/s.
    Higher,
}

/// How the attendee's samples compare with the starter's.
#[derive(Debug, Clone, Copy)]
pub struct Judgement {
    pub starter: Summary,
    pub mine: Summary,
    /// How many times better the attendee's median is than the starter's
    /// (infinite when theirs is nothing at all).
    pub ratio: f64,
    /// The rank test's p-value (1 when it cannot be computed).
    pub p: f64,
    /// The samples are exact (counts that do not vary): no test is made.
    pub exact: bool,
    /// The difference is significant, or the samples exact.
    pub significant: bool,
    /// Pass: at least the ratio asked for, and significant. Fail: short of the
    /// ratio. Inconclusive: the ratio, but not significant.
    pub status: Status,
}

impl Judgement {
    /// The ratio as a finite number, for reports.
    pub fn measured(&self) -> f64 {
        self.ratio.min(1e9)
    }

    /// Puts the verdict in `outcome`: the ratio, the status, the p-value, and
    /// in place of a ratio the test cannot tell from noise, that there is no
    /// significant difference.
    pub fn record(&self, outcome: &mut Outcome) {
        outcome.measured = Some(self.measured());
        outcome.status = self.status;
        if !self.exact {
            outcome.p = Some(self.p);
        }
        if !self.significant {
            outcome.shown = Some(tr!("versus-no-difference-cell", p = p_value(self.p)));
        }
    }

    /// Why a goal of at least `times` better than the starter is not met, in
    /// words; `None` when it is met.
    pub fn explain(&self, times: f64, compared: &Compared<'_>) -> Option<String> {
        let (ratio, goal) = in_words(self.ratio, times, compared.better, compared.metric);
        let what = compared.what;
        let lead = || tr!("versus-no-difference", p = p_value(self.p));
        let text = match self.status {
            Status::Pass | Status::Skipped => return None,
            Status::Fail if self.significant => {
                return Some(tr!("versus-short", what = what, ratio = ratio, goal = goal));
            }
            Status::Fail => tr!(
                "versus-not-told-apart",
                lead = lead(),
                what = what,
                goal = goal
            ),
            Status::Inconclusive => {
                tr!(
                    "versus-maybe-noise",
                    lead = lead(),
                    what = what,
                    ratio = ratio
                )
            }
        };
        Some(match self.too_few() {
            Some(count) => {
                let note = match compared.samples {
                    Samples::Runs => tr!("versus-too-few-runs", count = count),
                    Samples::Rounds => tr!("versus-too-few-rounds", count = count),
                };
                tr!("versus-with-note", text = text, note = note)
            }
            None => text,
        })
    }

    /// Whether more samples could give a clearer answer: the ratio is there
    /// but not significant, or no difference could be with so few.
    pub fn needs_more(&self) -> bool {
        self.status == Status::Inconclusive
            || (self.status == Status::Fail && self.too_few().is_some())
    }

    /// The samples per side when they are too few for any difference to be
    /// significant.
    fn too_few(&self) -> Option<usize> {
        let (n1, n2) = (self.starter.n, self.mine.n);
        (!self.exact && 2.0 * utest::smallest_p_less(n1, n2) >= ALPHA).then_some(n1.min(n2))
    }
}

/// What a comparison is about, for the sentences that explain it.
#[derive(Debug, Clone, Copy)]
pub struct Compared<'a> {
    /// What was compared, as a sentence names it: `ns/op`, `your delay`,
    /// `p90 latency`.
    pub what: &'a str,
    /// The metric, which chooses the words: time is faster or slower, rates
    /// higher or lower, everything else less or more.
    pub metric: &'a str,
    pub better: Better,
    /// What one sample is.
    pub samples: Samples,
}

/// What one sample of a side is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Samples {
    /// A run of a test binary.
    Runs,
    /// A round of load.
    Rounds,
}

/// Judges `mine` against `starter`: at least `times` times better. `exact`
/// samples (allocation counts and bytes, which do not vary) are judged by the
/// ratio alone. `None` when either side has no samples.
pub fn judge(
    starter: &[f64],
    mine: &[f64],
    times: f64,
    better: Better,
    exact: bool,
) -> Option<Judgement> {
    let (old, new) = (stats::summarize(starter)?, stats::summarize(mine)?);
    let ratio = ratio(old.median, new.median, better);
    let p = utest::mann_whitney_u(starter, mine).unwrap_or(1.0);
    let significant = exact || p < ALPHA;
    let status = if ratio < times {
        Status::Fail
    } else if significant {
        Status::Pass
    } else {
        Status::Inconclusive
    };
    Some(Judgement {
        starter: old,
        mine: new,
        ratio,
        p,
        exact,
        significant,
        status,
    })
}

/// How many times better `mine` is than `starter`: infinite when it is
/// nothing at all, 1 when both are.
pub fn ratio(starter: f64, mine: f64, better: Better) -> f64 {
    match (better, starter, mine) {
        (Better::Lower, o, n) if n > 0.0 => o / n,
        (Better::Lower, o, _) if o > 0.0 => f64::INFINITY,
        (Better::Higher, o, n) if o > 0.0 => n / o,
        (Better::Higher, _, n) if n > 0.0 => f64::INFINITY,
        _ => 1.0,
    }
}

/// How the attendee's median compares with the starter's (`ratio` times
/// better), and what the goal asks (`goal` times better; below 1, how much
/// worse it may be), in words, each with the digits it takes to read
/// differently from the other: ("36% faster than the starter", "5× faster").
pub fn in_words(ratio: f64, goal: f64, better: Better, metric: &str) -> (String, String) {
    let scale = Scale::of(better, metric);
    let digits = digits_apart(ratio, &[goal], WORD_DIGITS, |v, d| scale.shown(v, d));
    (scale.result(ratio, digits), scale.goal(goal, digits))
}

/// How a comparison reads: time is faster or slower, rates higher or lower,
/// everything else less or more.
#[derive(Debug, Clone, Copy)]
enum Scale {
    Time,
    Amount,
    Rate,
}

/// Which way a factor's percentage goes: up (faster, slower, more, higher:
/// the factor less 1) or down (less, lower: 1 less its inverse).
#[derive(Debug, Clone, Copy)]
enum Way {
    Up,
    Down,
}

/// A factor of 1 or more in the numbers of words: a percentage below 2×, a
/// number of times from 2× on.
struct Factor {
    percent: bool,
    text: String,
    /// The factor the words stand for.
    value: f64,
}

impl Factor {
    fn of(t: f64, way: Way, digits: usize) -> Factor {
        let (percent, below) = match way {
            Way::Up => ((t - 1.0) * 100.0, 100.0),
            Way::Down => ((1.0 - 1.0 / t) * 100.0, 50.0),
        };
        let shown = significant(percent, digits);
        if shown.value < below {
            let value = match way {
                Way::Up => 1.0 + shown.value / 100.0,
                Way::Down => 1.0 / (1.0 - shown.value / 100.0),
            };
            return Factor {
                percent: true,
                text: shown.text,
                value,
            };
        }
        let shown = significant(t, digits);
        Factor {
            percent: false,
            text: shown.text,
            value: shown.value,
        }
    }

    /// The form, for the catalogues' selectors.
    fn form(&self) -> &'static str {
        if self.percent { "percent" } else { "times" }
    }
}

impl Scale {
    fn of(better: Better, metric: &str) -> Scale {
        match better {
            Better::Lower if metric == "ns/op" || metric.starts_with("ns/") => Scale::Time,
            Better::Lower => Scale::Amount,
            Better::Higher => Scale::Rate,
        }
    }

    /// The ways of a better and of a worse result.
    fn ways(self) -> (Way, Way) {
        match self {
            Scale::Time => (Way::Up, Way::Up),
            Scale::Amount => (Way::Down, Way::Up),
            Scale::Rate => (Way::Up, Way::Down),
        }
    }

    /// The ratio (times better) that words with `digits` stand for.
    fn shown(self, ratio: f64, digits: usize) -> f64 {
        let (better, worse) = self.ways();
        if ratio.is_infinite() || ratio >= 1e9 || ratio <= 0.0 || ratio == 1.0 {
            ratio
        } else if ratio > 1.0 {
            Factor::of(ratio, better, digits).value
        } else {
            1.0 / Factor::of(1.0 / ratio, worse, digits).value
        }
    }

    /// "36% faster than the starter", "2× less than the starter's".
    fn result(self, ratio: f64, digits: usize) -> String {
        if ratio.is_infinite() || ratio >= 1e9 {
            return match self {
                Scale::Time => tr!("versus-none-left-time"),
                Scale::Amount => tr!("versus-none-left-amount"),
                Scale::Rate => tr!("versus-none-left-rate"),
            };
        }
        if ratio <= 0.0 {
            return match self {
                Scale::Time => tr!("versus-infinitely-slower"),
                Scale::Amount => tr!("versus-infinitely-more"),
                Scale::Rate => tr!("versus-infinitely-lower"),
            };
        }
        if ratio == 1.0 {
            return match self {
                Scale::Time => tr!("versus-is-same-time"),
                Scale::Amount | Scale::Rate => tr!("versus-is-same-amount"),
            };
        }
        let (better, worse) = self.ways();
        let improved = ratio > 1.0;
        let factor = if improved {
            Factor::of(ratio, better, digits)
        } else {
            Factor::of(1.0 / ratio, worse, digits)
        };
        let (form, value) = (factor.form(), factor.text.as_str());
        match (self, improved) {
            (Scale::Time, true) => tr!("versus-is-faster", form = form, value = value),
            (Scale::Time, false) => tr!("versus-is-slower", form = form, value = value),
            (Scale::Amount, true) => tr!("versus-is-less", form = form, value = value),
            (Scale::Amount, false) => tr!("versus-is-more", form = form, value = value),
            (Scale::Rate, true) => tr!("versus-is-higher", form = form, value = value),
            (Scale::Rate, false) => tr!("versus-is-lower", form = form, value = value),
        }
    }

    /// "5× faster", "36% less"; for a goal below 1, how much worse is
    /// allowed: "at most 10% slower".
    fn goal(self, goal: f64, digits: usize) -> String {
        if goal == 1.0 {
            return match self {
                Scale::Time => tr!("versus-wants-as-fast"),
                Scale::Amount => tr!("versus-wants-no-more"),
                Scale::Rate => tr!("versus-wants-no-lower"),
            };
        }
        let (better, worse) = self.ways();
        let improved = goal >= 1.0;
        let factor = if improved {
            Factor::of(goal, better, digits)
        } else {
            Factor::of(1.0 / goal, worse, digits)
        };
        let (form, value) = (factor.form(), factor.text.as_str());
        match (self, improved) {
            (Scale::Time, true) => tr!("versus-wants-faster", form = form, value = value),
            (Scale::Time, false) => tr!("versus-wants-at-most-slower", form = form, value = value),
            (Scale::Amount, true) => tr!("versus-wants-less", form = form, value = value),
            (Scale::Amount, false) => tr!("versus-wants-at-most-more", form = form, value = value),
            (Scale::Rate, true) => tr!("versus-wants-higher", form = form, value = value),
            (Scale::Rate, false) => tr!("versus-wants-at-most-lower", form = form, value = value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLOW: [f64; 6] = [1000.0, 1010.0, 990.0, 1020.0, 1005.0, 995.0];
    const FAST: [f64; 6] = [100.0, 101.0, 99.0, 102.0, 100.5, 99.5];

    #[test]
    fn a_clear_and_significant_difference_passes() {
        let judgement = judge(&SLOW, &FAST, 5.0, Better::Lower, false).unwrap();
        assert_eq!(judgement.status, Status::Pass);
        assert!((judgement.ratio - 10.0).abs() < 0.2);
        let rates = judge(&FAST, &SLOW, 5.0, Better::Higher, false).unwrap();
        assert_eq!(rates.status, Status::Pass);
    }

    #[test]
    fn a_large_ratio_on_too_few_samples_is_inconclusive() {
        let judgement = judge(&SLOW[..3], &FAST[..3], 5.0, Better::Lower, false).unwrap();
        assert_eq!(judgement.status, Status::Inconclusive);
        let exact = judge(&SLOW[..1], &FAST[..1], 5.0, Better::Lower, true).unwrap();
        assert_eq!(exact.status, Status::Pass);
    }

    fn words(ratio: f64, goal: f64, better: Better, metric: &str) -> (String, String) {
        in_words(ratio, goal, better, metric)
    }

    #[test]
    fn below_twice_a_percentage_from_twice_on_times() {
        assert_eq!(
            words(1.359, 5.0, Better::Lower, "ns/op"),
            ("36% faster than the starter".into(), "5× faster".into())
        );
        assert_eq!(
            words(4.2, 5.0, Better::Lower, "ns/op").0,
            "4.2× faster than the starter"
        );
        assert_eq!(
            words(1.0 / 1.05, 5.0, Better::Lower, "ns/op").0,
            "5% slower than the starter"
        );
        assert_eq!(
            words(1.0 / 3.0, 5.0, Better::Lower, "ns/op").0,
            "3× slower than the starter"
        );
        // An amount: percentages of the starter's.
        assert_eq!(
            words(1.017, 2.0, Better::Lower, "B/op").0,
            "1.7% less than the starter's"
        );
        assert_eq!(
            words(1.0 / 1.821, 10.0, Better::Lower, "delay").0,
            "82% more than the starter's"
        );
        assert_eq!(
            words(2.0, 10.0, Better::Lower, "B/op").0,
            "2× less than the starter's"
        );
        assert_eq!(
            words(0.6, 2.0, Better::Higher, "MB/s").0,
            "40% lower than the starter's"
        );
        assert_eq!(
            words(0.5, 2.0, Better::Higher, "MB/s").0,
            "2× lower than the starter's"
        );
        assert_eq!(
            words(1.0, 2.0, Better::Lower, "ns/op").0,
            "the same as the starter"
        );
        assert_eq!(
            words(f64::INFINITY, 10.0, Better::Lower, "delay").0,
            "none left of the starter's (∞× less)"
        );
        assert_eq!(words(1.5, 1.2, Better::Lower, "B/op").1, "17% less");
        assert_eq!(
            words(1.0, 1.0 / 1.1, Better::Lower, "ns/op").1,
            "at most 10% slower"
        );
        assert_eq!(
            words(1.0 / 1.2, 1.0, Better::Lower, "ns/op").1,
            "at least as fast"
        );
    }

    #[test]
    fn a_result_never_reads_like_the_goal_it_misses() {
        assert_eq!(
            words(4.9996, 5.0, Better::Lower, "ns/op"),
            ("4.9996× faster than the starter".into(), "5× faster".into())
        );
        assert_eq!(
            words(1.4996, 1.5, Better::Lower, "ns/op"),
            ("49.96% faster than the starter".into(), "50% faster".into())
        );
        // 99.96% faster would round to 100%, which is 2×.
        assert_eq!(
            words(1.9996, 2.0, Better::Lower, "ns/op"),
            ("99.96% faster than the starter".into(), "2× faster".into())
        );
        assert_eq!(
            words(1.0 / 1.1004, 1.0 / 1.1, Better::Lower, "ns/op"),
            (
                "10.04% slower than the starter".into(),
                "at most 10% slower".into()
            )
        );
    }

    #[test]
    fn p_values_read_differently_from_alpha() {
        assert_eq!(p_value(0.3095), "0.31");
        assert_eq!(p_value(0.002_164), "0.0022");
        assert_eq!(p_value(0.049_96), "0.04996");
        assert_eq!(p_value(0.050_4), "0.0504");
        assert_eq!(p_value(1e-5), "1e-5");
    }

    #[test]
    fn nothing_left_is_infinitely_better() {
        let judgement = judge(&SLOW, &[0.0; 6], 100.0, Better::Lower, false).unwrap();
        assert_eq!(judgement.status, Status::Pass);
        assert_eq!(judgement.measured(), 1e9);
        assert!(judge(&[], &FAST, 2.0, Better::Lower, false).is_none());
    }
}
