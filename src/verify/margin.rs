//! How far a goal stays from its bound on the side nearer to it: the margin
//! `verify` shows and warns about, and whether a side's values straddle the
//! bound.

use serde::Serialize;

use super::Side;
use crate::goals::Bound;
use crate::units::beside;

/// How many times away from its bound a goal's nearer side must stay. Under
/// `verify --repeat 5 --load 2` the bundled exercises' values that vary swing
/// between rounds by up to 1.35× (the retained heap, a speed-up, CPU shares);
/// waiting times swing more, which is why they are judged as ratios to the
/// starter with bounds of 10×.
pub const SAFE_MARGIN: f64 = 1.5;

/// How far a goal's nearer side stays from the bound.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Margin {
    /// How many times the bound the nearer side's closest value is away from it.
    pub times: f64,
    pub side: Side,
}

/// A margin, precise enough to read differently from 1 (where a side gives
/// the wrong verdict) and from [`SAFE_MARGIN`] when it differs from them.
pub fn margin_text(times: f64) -> String {
    beside(times, &[1.0, SAFE_MARGIN], "")
}

/// Whether some of the values meet the bound and others miss it.
pub(super) fn straddles(bound: Bound, values: &[f64]) -> bool {
    values.iter().any(|v| bound.holds(*v)) && values.iter().any(|v| !bound.holds(*v))
}

/// How many times the bound the side's nearest value stays away from it: for
/// a side that must meet the bound its worst value, for one that must miss it
/// its closest. `None` without values, for exact bounds, and where a ratio
/// means nothing (negative values); infinite where the bound is 0 and the side
/// meets it exactly or misses it at all.
pub(super) fn margin(bound: Bound, must_meet: bool, values: &[f64]) -> Option<f64> {
    let lo = values.iter().copied().reduce(f64::min)?;
    let hi = values.iter().copied().reduce(f64::max)?;
    if lo < 0.0 || bound.limit() < 0.0 {
        return None;
    }
    let ratio = |a: f64, b: f64| {
        if b > 0.0 {
            a / b
        } else if a > 0.0 || b == 0.0 {
            f64::INFINITY
        } else {
            0.0
        }
    };
    let times = match (bound, must_meet) {
        (Bound::AtMost(limit), true) => {
            if hi == 0.0 {
                f64::INFINITY
            } else {
                limit / hi
            }
        }
        (Bound::AtMost(limit), false) => ratio(lo, limit),
        (Bound::AtLeast(limit), true) => ratio(lo, limit),
        (Bound::AtLeast(limit), false) => {
            if hi == 0.0 {
                f64::INFINITY
            } else {
                limit / hi
            }
        }
        (Bound::Exactly(_), _) => return None,
    };
    times.is_finite().then_some(times)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_of_both_sides() {
        // allocs ≤ 2: a solution at 1 is 2× inside, a starter at 1998 far outside.
        assert_eq!(margin(Bound::AtMost(2.0), true, &[1.0, 1.0]), Some(2.0));
        assert_eq!(margin(Bound::AtMost(2.0), false, &[1998.0]), Some(999.0));
        // None at all where none is asked is as safe as can be.
        assert_eq!(margin(Bound::AtMost(0.0), true, &[0.0]), None);
        assert_eq!(margin(Bound::AtLeast(5.0), true, &[20.0, 25.0]), Some(4.0));
        assert_eq!(margin(Bound::AtLeast(5.0), false, &[1.0, 1.25]), Some(4.0));
        assert_eq!(margin(Bound::Exactly(3.0), true, &[3.0]), None);
        assert_eq!(margin(Bound::AtMost(2.0), true, &[]), None);
    }
}
