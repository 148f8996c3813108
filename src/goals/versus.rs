//! The one judgement of the attendee's code against the starter, for benchmark
//! metrics and profile amounts alike: samples of both sides taken side by side
//! in one check, the ratio of their medians, and a two-sided Mann-Whitney U test
//! that says whether the two sides really differ. A large ratio that is not
//! significant is not a pass.

use super::Status;
use crate::bench::stats::{self, ALPHA, Summary};

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
    fn nothing_left_is_infinitely_better() {
        let judgement = judge(&SLOW, &[0.0; 6], 100.0, Better::Lower, false).unwrap();
        assert_eq!(judgement.status, Status::Pass);
        assert_eq!(judgement.measured(), 1e9);
        assert!(judge(&[], &FAST, 2.0, Better::Lower, false).is_none());
    }
}
