//! The one judgement of the attendee's code against the starter, for benchmark
//! metrics and profile amounts alike: samples of both sides taken side by side
//! in one check, the ratio of their medians, and a two-sided Mann-Whitney U test
//! that says whether the two sides really differ. A large ratio that is not
//! significant is not a pass.

use super::Status;
use crate::bench::stats::{self, ALPHA, Summary};
use crate::tr;

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

/// A p-value, as reports show it: `0.002`.
pub fn p_value(p: f64) -> String {
    format!("{p:.3}")
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
    /// Pass: at least the ratio asked for, and significant. Fail: short of the
    /// ratio. Inconclusive: the ratio, but not significant.
    pub status: Status,
}

impl Judgement {
    /// The ratio as a finite number, for reports.
    pub fn measured(&self) -> f64 {
        self.ratio.min(1e9)
    }
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
    let ratio = match (better, old.median, new.median) {
        (Better::Lower, o, n) if n > 0.0 => o / n,
        (Better::Lower, o, _) if o > 0.0 => f64::INFINITY,
        (Better::Higher, o, n) if o > 0.0 => n / o,
        (Better::Higher, _, n) if n > 0.0 => f64::INFINITY,
        _ => 1.0,
    };
    let p = stats::mann_whitney_u(starter, mine).unwrap_or(1.0);
    let meets = ratio >= times;
    let status = if !meets {
        Status::Fail
    } else if exact || p < ALPHA {
        Status::Pass
    } else {
        Status::Inconclusive
    };
    Some(Judgement {
        starter: old,
        mine: new,
        ratio,
        p,
        status,
    })
}

/// How the attendee's median compares with the starter's, in words: "4.2×
/// faster than the starter", "1.05× slower than the starter", "2× less than
/// the starter's". Time (`ns/op`) is faster or slower, rates higher or lower,
/// everything else less or more.
pub fn in_words(ratio: f64, better: Better, metric: &str) -> String {
    let scale = Scale::of(better, metric);
    if ratio.is_infinite() || ratio >= 1e9 {
        return match scale {
            Scale::Time => tr!("versus-none-left-time"),
            Scale::Amount => tr!("versus-none-left-amount"),
            Scale::Rate => tr!("versus-none-left-rate"),
        };
    }
    if (0.995..1.005).contains(&ratio) {
        return match scale {
            Scale::Time => tr!("versus-same-time"),
            Scale::Amount | Scale::Rate => tr!("versus-same-amount"),
        };
    }
    let (times, better) = if ratio >= 1.0 {
        (ratio, true)
    } else if ratio > 0.0 {
        (1.0 / ratio, false)
    } else {
        return match scale {
            Scale::Time => tr!("versus-infinitely-slower"),
            Scale::Amount => tr!("versus-infinitely-more"),
            Scale::Rate => tr!("versus-infinitely-lower"),
        };
    };
    let times = crate::units::number(times);
    match (scale, better) {
        (Scale::Time, true) => tr!("versus-faster", times = times),
        (Scale::Time, false) => tr!("versus-slower", times = times),
        (Scale::Amount, true) => tr!("versus-less", times = times),
        (Scale::Amount, false) => tr!("versus-more", times = times),
        (Scale::Rate, true) => tr!("versus-higher", times = times),
        (Scale::Rate, false) => tr!("versus-lower", times = times),
    }
}

/// The goal's ratio in words: "5× faster", "10× less".
pub fn goal_in_words(times: f64, better: Better, metric: &str) -> String {
    let times = crate::units::number(times);
    match Scale::of(better, metric) {
        Scale::Time => tr!("versus-goal-faster", times = times),
        Scale::Amount => tr!("versus-goal-less", times = times),
        Scale::Rate => tr!("versus-goal-higher", times = times),
    }
}

/// How a comparison reads: time is faster or slower, rates higher or lower,
/// everything else less or more.
#[derive(Debug, Clone, Copy)]
enum Scale {
    Time,
    Amount,
    Rate,
}

impl Scale {
    fn of(better: Better, metric: &str) -> Scale {
        match better {
            Better::Lower if metric == "ns/op" => Scale::Time,
            Better::Lower => Scale::Amount,
            Better::Higher => Scale::Rate,
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

    #[test]
    fn ratios_read_as_what_they_are() {
        assert_eq!(
            in_words(4.2, Better::Lower, "ns/op"),
            "4.2× faster than the starter"
        );
        assert_eq!(
            in_words(1.0 / 1.05, Better::Lower, "ns/op"),
            "1.05× slower than the starter"
        );
        assert_eq!(
            in_words(2.0, Better::Lower, "B/op"),
            "2× less than the starter's"
        );
        assert_eq!(
            in_words(0.5, Better::Higher, "MB/s"),
            "2× lower than the starter's"
        );
        assert_eq!(
            in_words(1.001, Better::Lower, "ns/op"),
            "about the same as the starter"
        );
        assert_eq!(
            in_words(f64::INFINITY, Better::Lower, "delay"),
            "none left of the starter's (∞× less)"
        );
        assert_eq!(goal_in_words(5.0, Better::Lower, "ns/op"), "5× faster");
    }

    #[test]
    fn nothing_left_is_infinitely_better() {
        let judgement = judge(&SLOW, &[0.0; 6], 100.0, Better::Lower, false).unwrap();
        assert_eq!(judgement.status, Status::Pass);
        assert_eq!(judgement.measured(), 1e9);
        assert!(judge(&[], &FAST, 2.0, Better::Lower, false).is_none());
    }
}
