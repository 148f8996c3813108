//! The one judgement of the attendee's code against the starter, for benchmark
//! metrics and profile amounts alike: samples of both sides taken side by side
//! in one check, the ratio of their medians, and a two-sided Mann-Whitney U test
//! that says whether the two sides really differ. A large ratio that is not
//! significant is not a pass.

use super::Status;
use crate::bench::stats::{self, ALPHA, Summary};

/// Why a goal relative to the starter is inconclusive without one.
pub const NO_STARTER: &str = "the starter could not be measured: there is no pristine copy of it; commit the exercise (or run `workshop` once before editing it) so the starter can be compared";

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
    let (up, down, whose) = match better {
        Better::Lower if metric == "ns/op" => ("faster", "slower", "the starter"),
        Better::Lower => ("less", "more", "the starter's"),
        Better::Higher => ("higher", "lower", "the starter's"),
    };
    if ratio.is_infinite() || ratio >= 1e9 {
        return format!("none left of {whose} (∞× {up})");
    }
    if (0.995..1.005).contains(&ratio) {
        return format!("about the same as {whose}");
    }
    let (times, word) = if ratio >= 1.0 {
        (ratio, up)
    } else if ratio > 0.0 {
        (1.0 / ratio, down)
    } else {
        return format!("infinitely {down} than {whose}");
    };
    format!("{}× {word} than {whose}", crate::units::number(times))
}

/// The goal's ratio in words: "5× faster", "10× less".
pub fn goal_in_words(times: f64, better: Better, metric: &str) -> String {
    let word = match better {
        Better::Lower if metric == "ns/op" => "faster",
        Better::Lower => "less",
        Better::Higher => "higher",
    };
    format!("{}× {word}", crate::units::number(times))
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
