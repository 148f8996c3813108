//! Statistics of benchmark samples, computed exactly as benchstat computes them
//! (golang.org/x/perf/benchmath, whose default assumes no distribution):
//!
//! - The center of a sample is its median: quantile method 8 of Hyndman and
//!   Fan, which for the median is the middle value, or the two middle values'
//!   midpoint, interpolated in floating point as benchstat does.
//! - Its interval is a 95% confidence interval of the median bounded by order
//!   statistics, without interpolation. The number of values below the
//!   population median is Binomial(n, 1/2). Up to 30 values, the interval is
//!   grown from the distribution's mode (the lower one of two), adding the
//!   more probable neighbouring band and the lower one on a tie, until it holds
//!   95%: it need not be symmetric (n = 8 gives the smallest value to the
//!   second largest). Above 30 values, it comes from the normal approximation
//!   with a continuity correction, one order statistic narrower at the top when
//!   that still holds 95%. A bound beyond the sample is infinite: fewer than 6
//!   values give no finite interval.
//! - Two samples are compared with the Mann-Whitney U test, in
//!   [`super::utest`]; a difference is significant unless p > [`ALPHA`].

use super::numeric::{choose, normal_cdf, normal_quantile};

/// The significance level of comparisons.
pub const ALPHA: f64 = 0.05;

/// The confidence level of the median's interval.
pub const CONFIDENCE: f64 = 0.95;

/// Whether a p-value says the two samples differ: benchstat shows a change
/// unless p > α.
pub fn significant(p: f64) -> bool {
    p <= ALPHA
}

/// A sample's center and the confidence interval around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    /// The interval's lower bound; -∞ when the sample is too small.
    pub low: f64,
    /// The interval's upper bound; +∞ when the sample is too small.
    pub high: f64,
    /// The interval's actual confidence, at least [`CONFIDENCE`].
    pub confidence: f64,
}

/// How far an interval reaches from the center.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spread {
    /// A bound is infinite: too few values.
    Infinite,
    /// A bound has another sign than the center: no percentage says it.
    Signs,
    /// The larger of the distances to either bound, in percent of the center.
    Percent(f64),
}

impl Summary {
    /// The interval's bounds, or `None` when one is infinite.
    pub fn interval(&self) -> Option<(f64, f64)> {
        (self.low.is_finite() && self.high.is_finite()).then_some((self.low, self.high))
    }

    /// The interval's reach from the median, as benchstat's "±" states it.
    pub fn spread(&self) -> Spread {
        if self.low.is_infinite() || self.high.is_infinite() {
            return Spread::Infinite;
        }
        let sign = |v: f64| {
            if v > 0.0 {
                1
            } else if v < 0.0 {
                -1
            } else {
                0
            }
        };
        if sign(self.median) != sign(self.low) || sign(self.median) != sign(self.high) {
            return Spread::Signs;
        }
        if self.median == 0.0 {
            return Spread::Percent(0.0);
        }
        let reach = (self.high / self.median - 1.0).max(1.0 - self.low / self.median);
        Spread::Percent(100.0 * reach)
    }

    /// The spread in percent, when it is one.
    pub fn spread_percent(&self) -> Option<f64> {
        match self.spread() {
            Spread::Percent(percent) => Some(percent),
            Spread::Infinite | Spread::Signs => None,
        }
    }
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

/// The median of sorted values by quantile method 8: position
/// 1/3 + (n + 1/3)/2, interpolated between its neighbours.
fn median_of_sorted(v: &[f64]) -> f64 {
    let n = v.len() as f64;
    let third = 1.0 / 3.0;
    let position = third + 0.5 * (n + third);
    let whole = position.trunc();
    let fraction = position - whole;
    let k = whole as usize;
    if k == 0 {
        v[0]
    } else if k >= v.len() {
        v[v.len() - 1]
    } else {
        v[k - 1] + fraction * (v[k] - v[k - 1])
    }
}

/// The order statistics bounding a confidence interval of the median.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MedianInterval {
    /// 1-based rank of the lower bound; 0 when it is below the sample (-∞).
    pub low_rank: usize,
    /// 1-based rank of the upper bound; n + 1 when it is above the sample (+∞).
    pub high_rank: usize,
    /// The probability that the interval holds the population median.
    pub confidence: f64,
}

/// The samples up to which the interval comes from the binomial
/// distribution itself rather than its normal approximation.
const EXACT_INTERVAL_LIMIT: usize = 30;

/// The interval of the median of `n` values at `confidence`, as ranks.
pub fn median_interval(n: usize, confidence: f64) -> MedianInterval {
    if confidence >= 1.0 {
        return MedianInterval {
            low_rank: 0,
            high_rank: n + 1,
            confidence: 1.0,
        };
    }
    // Band k is the gap between the k-th and (k+1)-th values (band 0 lies
    // below the smallest); the population median falls in band k with
    // probability C(n, k) / 2^n. The bands [low, high) make the interval
    // from value `low` to value `high`.
    let (low, high, reached) = if n <= EXACT_INTERVAL_LIMIT {
        let mass = |k: isize| -> f64 {
            if k < 0 || k as usize > n {
                0.0
            } else {
                let k = k as usize;
                choose(n, k) * half_to_the(k) * half_to_the(n - k)
            }
        };
        let mode = ((n + 1) as f64 * 0.5).ceil() as isize - 1;
        let (mut low, mut high) = (mode, mode + 1);
        let mut reached = mass(mode);
        let (mut below, mut above) = (mass(low - 1), mass(high));
        while reached < confidence && (below > 0.0 || above > 0.0) {
            if below >= above {
                reached += below;
                low -= 1;
                below = mass(low - 1);
            } else {
                reached += above;
                high += 1;
                above = mass(high);
            }
        }
        (low, high, reached)
    } else {
        let (mu, sigma) = (n as f64 * 0.5, (n as f64 * 0.5 * 0.5).sqrt());
        let tail = (1.0 - confidence) / 2.0;
        let left = normal_quantile(tail, mu, sigma);
        let right = 2.0 * mu - left;
        // Band k stands for [k - 0.5, k + 0.5) of the normal distribution:
        // round the central range out to half-integers, then back to bands.
        let low = (left - 0.5).floor() as isize + 1;
        let mut high = (right - 0.5).ceil() as isize + 1;
        let held = |low: isize, high: isize| {
            normal_cdf(high as f64 - 0.5, mu, sigma) - normal_cdf(low as f64 - 0.5, mu, sigma)
        };
        let mut reached = held(low, high);
        let narrower = held(low, high - 1);
        if narrower >= confidence && narrower < reached {
            reached = narrower;
            high -= 1;
        }
        if low <= 0 && high > n as isize {
            reached = 1.0;
        }
        (low, high, reached)
    };
    MedianInterval {
        low_rank: low.max(0) as usize,
        high_rank: (high.min(n as isize + 1)).max(0) as usize,
        confidence: reached,
    }
}

/// 2^-k, exactly.
fn half_to_the(k: usize) -> f64 {
    (0..k).fold(1.0, |acc, _| acc * 0.5)
}

/// The fewest values with a finite interval at `confidence` (6 at 95%), or
/// `None` when even 50 are too few.
pub fn interval_min_samples(confidence: f64) -> Option<usize> {
    (2..=50).find(|&n| {
        let interval = median_interval(n, confidence);
        interval.low_rank > 0 && interval.high_rank <= n
    })
}

/// Median and 95% confidence interval of the median.
pub fn summarize(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let v = sorted(values);
    let n = v.len();
    let interval = median_interval(n, CONFIDENCE);
    Some(Summary {
        n,
        median: median_of_sorted(&v),
        low: match interval.low_rank {
            0 => f64::NEG_INFINITY,
            rank => v[rank - 1],
        },
        high: if interval.high_rank > n {
            f64::INFINITY
        } else {
            v[interval.high_rank - 1]
        },
        confidence: interval.confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn median_is_the_middle_or_the_midpoint() {
        let s = summarize(&[5.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
        assert_eq!(s.median, 3.0);
        let s = summarize(&[12.0, 11.0, 12.0, 11.0]).unwrap();
        assert_eq!(s.median, 11.5);
        assert_eq!(summarize(&[7.0]).unwrap().median, 7.0);
    }

    #[test]
    fn median_interval_needs_six_values() {
        let s = summarize(&[5.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
        assert_eq!(s.interval(), None);
        assert_eq!(s.spread(), Spread::Infinite);
        let s = summarize(&[6.0, 1.0, 5.0, 2.0, 4.0, 3.0]).unwrap();
        assert_eq!(s.median, 3.5);
        assert_eq!(s.interval(), Some((1.0, 6.0)));
        assert_eq!(interval_min_samples(CONFIDENCE), Some(6));
    }

    #[test]
    fn median_intervals_may_lean_to_one_side() {
        // n = 8: from the smallest value to the second largest (96.1%).
        let s = summarize(&(1..=8).map(f64::from).collect::<Vec<_>>()).unwrap();
        assert_eq!(s.interval(), Some((1.0, 7.0)));
        assert!(close(s.confidence, 0.960_937_5, 1e-15));
        let s = summarize(&(1..=10).map(f64::from).collect::<Vec<_>>()).unwrap();
        assert_eq!(s.interval(), Some((2.0, 9.0)));
    }
}

#[cfg(test)]
mod reference {
    //! Values that benchstat itself computed (golang.org/x/perf
    //! v0.0.0-20260908200009-22c9c6c9d4da with go-moremath
    //! v0.0.0-20210112150236-f10218a38794).
    use super::*;

    /// QuantileCI(n, 0.5, 0.95): (n, LoOrder, HiOrder) for n = 1..=120.
    const MEDIAN_INTERVALS: [(usize, usize); 120] = [
        (0, 2),
        (0, 3),
        (0, 4),
        (0, 5),
        (0, 5),
        (1, 6),
        (1, 7),
        (1, 7),
        (2, 8),
        (2, 9),
        (2, 9),
        (3, 10),
        (3, 11),
        (3, 11),
        (4, 12),
        (4, 12),
        (5, 13),
        (5, 14),
        (5, 14),
        (6, 15),
        (6, 16),
        (6, 16),
        (7, 17),
        (8, 18),
        (8, 18),
        (8, 19),
        (8, 19),
        (9, 20),
        (9, 20),
        (10, 21),
        (10, 22),
        (10, 22),
        (11, 23),
        (11, 23),
        (12, 24),
        (12, 24),
        (13, 25),
        (13, 26),
        (13, 26),
        (14, 27),
        (14, 27),
        (15, 28),
        (15, 29),
        (15, 29),
        (16, 30),
        (16, 30),
        (17, 31),
        (17, 31),
        (18, 32),
        (18, 32),
        (19, 33),
        (19, 34),
        (19, 34),
        (20, 35),
        (20, 35),
        (21, 36),
        (21, 36),
        (22, 37),
        (22, 38),
        (22, 38),
        (23, 39),
        (23, 39),
        (24, 40),
        (24, 40),
        (25, 41),
        (25, 42),
        (25, 42),
        (26, 43),
        (26, 43),
        (27, 44),
        (27, 44),
        (28, 45),
        (28, 45),
        (29, 46),
        (29, 47),
        (29, 47),
        (30, 48),
        (30, 48),
        (31, 49),
        (31, 49),
        (32, 50),
        (32, 50),
        (33, 51),
        (33, 52),
        (33, 52),
        (34, 53),
        (34, 53),
        (35, 54),
        (35, 54),
        (36, 55),
        (36, 55),
        (37, 56),
        (37, 57),
        (37, 57),
        (38, 58),
        (38, 58),
        (39, 59),
        (39, 59),
        (40, 60),
        (40, 60),
        (41, 61),
        (41, 61),
        (42, 62),
        (42, 63),
        (42, 63),
        (43, 64),
        (43, 64),
        (44, 65),
        (44, 65),
        (45, 66),
        (45, 66),
        (46, 67),
        (46, 67),
        (47, 68),
        (47, 69),
        (47, 69),
        (48, 70),
        (48, 70),
        (49, 71),
        (49, 71),
    ];

    #[test]
    fn median_intervals_equal_benchstat() {
        for (i, &(low, high)) in MEDIAN_INTERVALS.iter().enumerate() {
            let n = i + 1;
            let interval = median_interval(n, CONFIDENCE);
            assert_eq!(
                (interval.low_rank, interval.high_rank),
                (low, high),
                "n = {n}"
            );
        }
        // Two of the actual confidences benchstat reports.
        assert_eq!(median_interval(8, CONFIDENCE).confidence, 0.960_937_5);
        assert!(close(
            median_interval(50, CONFIDENCE).confidence,
            0.950_056_545_707_981_6
        ));
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12
    }
}
