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
//! - Two samples are compared with the two-sided Mann-Whitney U test, ties
//!   taking the midrank: exact when no value repeats and both samples have at
//!   most 50 values; exact over the arrangements of the tie groups when values
//!   repeat and both have at most 25; otherwise the normal approximation with
//!   tie and continuity corrections. p is twice the lower tail at the smaller
//!   U (not capped at 1), 1 when both U are equal and when every value is the
//!   same.
//! - A difference is significant unless p > [`ALPHA`].

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

/// How a p-value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// The exact distribution of U, no value repeating.
    Exact,
    /// The exact distribution of U given the groups of tied values.
    ExactWithTies,
    /// The normal approximation with tie and continuity corrections.
    Normal,
    /// Every value is the same: nothing to test, p = 1.
    AllEqual,
}

/// The outcome of a Mann-Whitney U test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UTest {
    /// The two-sided p-value.
    pub p: f64,
    /// U of the first sample: pairs in which its value is the larger, ties
    /// counting one half.
    pub u: f64,
    pub method: Method,
}

/// The largest samples tested with the exact distribution when no value repeats.
const EXACT_LIMIT: usize = 50;
/// The largest samples tested with the exact distribution when values repeat.
const EXACT_TIES_LIMIT: usize = 25;

/// The two-sided p-value of the Mann-Whitney U test of `a` against `b`.
pub fn mann_whitney_u(a: &[f64], b: &[f64]) -> Option<f64> {
    u_test(a, b).map(|test| test.p)
}

/// The Mann-Whitney U test of `a` against `b`; `None` when either is empty.
pub fn u_test(a: &[f64], b: &[f64]) -> Option<UTest> {
    let (n1, n2) = (a.len(), b.len());
    if n1 == 0 || n2 == 0 {
        return None;
    }
    // The pooled values in order, as groups of equal values: (size, how
    // many from `a`).
    let (x1, x2) = (sorted(a), sorted(b));
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut last = None;
    while i < n1 || j < n2 {
        let from_first = j == n2 || (i < n1 && x1[i] < x2[j]);
        let value = if from_first { x1[i] } else { x2[j] };
        if last != Some(value) {
            groups.push((0, 0));
            last = Some(value);
        }
        let group = groups.last_mut().expect("a group was pushed");
        group.0 += 1;
        if from_first {
            group.1 += 1;
            i += 1;
        } else {
            j += 1;
        }
    }
    // The rank sum of `a`, each group at its midrank.
    let mut rank_sum = 0.0;
    let mut before = 0;
    for &(size, first) in &groups {
        if first != 0 {
            let midrank = (before + 1 + before + size) as f64 / 2.0;
            rank_sum += midrank * first as f64;
        }
        before += size;
    }
    let u1 = rank_sum - (n1 * (n1 + 1)) as f64 / 2.0;
    let u2 = (n1 * n2) as f64 - u1;
    let smaller = u1.min(u2);
    if groups.len() == 1 {
        return Some(UTest {
            p: 1.0,
            u: u1,
            method: Method::AllEqual,
        });
    }
    let ties = groups.iter().any(|&(size, _)| size > 1);
    let exact = if ties {
        n1 <= EXACT_TIES_LIMIT && n2 <= EXACT_TIES_LIMIT
    } else {
        n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT
    };
    let method = match (exact, ties) {
        (true, false) => Method::Exact,
        (true, true) => Method::ExactWithTies,
        (false, _) => Method::Normal,
    };
    let p = match method {
        _ if exact && u1 == u2 => 1.0,
        Method::Exact => lower_tail_without_ties(n1, n2, smaller as usize) * 2.0,
        Method::ExactWithTies => {
            let sizes: Vec<usize> = groups.iter().map(|&(size, _)| size).collect();
            lower_tail_with_ties(n1, &sizes, (2.0 * smaller) as usize) * 2.0
        }
        _ => {
            let correction: usize = groups.iter().map(|&(t, _)| t * t * t - t).sum();
            let total = (n1 + n2) as f64;
            let mean = (n1 * n2) as f64 / 2.0;
            let deviation = ((n1 * n2) as f64
                * ((total + 1.0) - correction as f64 / (total * (total - 1.0)))
                / 12.0)
                .sqrt();
            let mut numerator = u1 - mean;
            // Continuity correction, toward the mean.
            if numerator > 0.0 {
                numerator -= 0.5;
            } else if numerator < 0.0 {
                numerator += 0.5;
            }
            let z = numerator / deviation;
            let below = normal_cdf(z, 0.0, 1.0);
            2.0 * below.min(1.0 - normal_cdf(z, 0.0, 1.0))
        }
    };
    Some(UTest { p, u: u1, method })
}

/// P(U <= u) for samples of `n1` and `n2` distinct values, from Mann and
/// Whitney's recurrence on probabilities,
/// p(n, m; u) = (n p(n-1, m; u-m) + m p(n, m-1; u)) / (n + m),
/// computed for the smaller size n against the larger m, row by row in m.
fn lower_tail_without_ties(n1: usize, n2: usize, u: usize) -> f64 {
    let (small, large) = (n1.min(n2), n1.max(n2));
    // rows[n][v] = p(n, m; v) for the current m (and n <= m), v <= u.
    let mut rows = vec![vec![0.0f64; u + 1]; small + 1];
    for m in 0..=large {
        rows[0][0] = 1.0;
        for n in 1..=small.min(m) {
            let limit = (n * m).min(u);
            for v in (0..=limit).rev() {
                let left = if v >= m {
                    n as f64 * rows[n - 1][v - m]
                } else {
                    0.0
                };
                // p(n, m-1) is row n from the previous m, or (n = m) by
                // symmetry p(m-1, n), which this m already filled.
                let previous = if n < m { rows[n][v] } else { rows[m - 1][v] };
                let right = m as f64 * previous;
                rows[n][v] = (left + right) / (n + m) as f64;
            }
        }
    }
    rows[small].iter().take(u + 1).sum()
}

/// P(2U <= two_u) for a first sample of `n1` values when the pooled values
/// fall in groups of tied values of the given sizes (in order): every way of
/// drawing the first sample's values from the groups, counted exactly.
fn lower_tail_with_ties(n1: usize, sizes: &[usize], two_u: usize) -> f64 {
    let total: usize = sizes.iter().sum();
    let binomial = pascal(total);
    // ways[j][v]: draws of j values from the groups so far with 2U = v. 2U
    // only grows, so values above two_u are dropped.
    let mut ways = vec![vec![0u64; two_u + 1]; n1 + 1];
    ways[0][0] = 1;
    let mut before = 0;
    for &size in sizes {
        let mut next = vec![vec![0u64; two_u + 1]; n1 + 1];
        for (j, row) in ways.iter().enumerate().take(before.min(n1) + 1) {
            // j drawn before this group, so before - j from the second sample.
            let below = before - j;
            for (v, &count) in row.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                for r in 0..=size.min(n1 - j) {
                    // Each of the r values beats the `below` values of the
                    // second sample and ties with its size - r in the group.
                    let gained = r * (2 * below + size - r);
                    if v + gained <= two_u {
                        next[j + r][v + gained] += count * binomial[size][r];
                    }
                }
            }
        }
        ways = next;
        before += size;
    }
    let favourable: u64 = ways[n1].iter().sum();
    favourable as f64 / binomial[total][n1] as f64
}

/// Binomial coefficients C(n, k) for n up to `max`, exact.
fn pascal(max: usize) -> Vec<Vec<u64>> {
    let mut rows: Vec<Vec<u64>> = Vec::with_capacity(max + 1);
    for n in 0..=max {
        let mut row = vec![1u64; n + 1];
        for k in 1..n {
            row[k] = rows[n - 1][k - 1] + rows[n - 1][k];
        }
        rows.push(row);
    }
    rows
}

/// The fewest values per sample with which the test can find a difference at
/// `alpha` (4 at 0.05): the p-value of two fully separated samples, for
/// sizes up to 9; `None` when even 9 are too few.
pub fn u_test_min_samples(alpha: f64) -> Option<usize> {
    (1..=9).find(|&n| {
        let low: Vec<f64> = vec![-1.0; n];
        let high: Vec<f64> = vec![1.0; n];
        u_test(&low, &high).is_some_and(|test| test.p <= alpha)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn exact_p_values_of_separated_samples() {
        // Fully separated samples: p = 2 / C(n1 + n2, n1).
        let p = mann_whitney_u(&[1.0, 2.0, 3.0, 4.0, 5.0], &[6.0, 7.0, 8.0, 9.0, 10.0]).unwrap();
        assert!(close(p, 2.0 / 252.0, 1e-12), "{p}");
        let p = mann_whitney_u(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]).unwrap();
        assert!(close(p, 0.1, 1e-12), "{p}");
        let p = mann_whitney_u(&[1.0, 2.0, 3.0, 4.0], &[5.0, 6.0, 7.0, 8.0, 9.0]).unwrap();
        assert!(close(p, 2.0 / 126.0, 1e-12), "{p}");
        assert_eq!(u_test_min_samples(ALPHA), Some(4));
    }

    #[test]
    fn exact_p_value_of_interleaved_samples() {
        // a = {1, 3, 5}, b = {2, 4, 6}: U = 3; P(U <= 3) = 7/20 under H0
        // (U counts 0,1,2,3 occur 1,1,2,3 times of 20), so p = 0.7.
        let p = mann_whitney_u(&[1.0, 3.0, 5.0], &[2.0, 4.0, 6.0]).unwrap();
        assert!(close(p, 0.7, 1e-12), "{p}");
        // a = {1, 2}, b = {1.5, 2.5}: U = 1; U over the 6 arrangements is
        // 0, 1, 2, 2, 3, 4, so P(U <= 1) = 2/6 and p = 2/3.
        assert!(close(
            mann_whitney_u(&[1.0, 2.0], &[1.5, 2.5]).unwrap(),
            2.0 / 3.0,
            1e-12
        ));
        // Equal U on both sides: p = 1.
        assert_eq!(mann_whitney_u(&[1.0, 4.0], &[2.0, 3.0]), Some(1.0));
    }

    #[test]
    fn exact_p_value_with_ties_counts_arrangements() {
        // a = {1, 1, 2}, b = {2, 3, 3}: groups {1,1} {2,2} {3,3}, U1 = 0.5.
        // Of the C(6, 3) = 20 draws of a, 2U <= 1 for {1,1,2} twice (2U = 1)
        // and never below: P = 2/20, p = 0.2.
        let test = u_test(&[1.0, 1.0, 2.0], &[2.0, 3.0, 3.0]).unwrap();
        assert_eq!(test.method, Method::ExactWithTies);
        assert_eq!(test.u, 0.5);
        assert!(close(test.p, 0.2, 1e-15), "{}", test.p);
        // The tail is of the first sample's U, though the tie groups make its
        // distribution asymmetric: a = {1, 1}, b = {1, 2}: U1 = 1, and of the
        // C(4, 2) = 6 draws, the 3 from the group of three 1s give U = 1, the
        // others U = 3: p = 2 * 3/6.
        let test = u_test(&[1.0, 1.0], &[1.0, 2.0]).unwrap();
        assert_eq!((test.u, test.p), (1.0, 1.0));
    }

    #[test]
    fn all_equal_samples_have_nothing_to_test() {
        let test = u_test(&[3.0; 10], &[3.0; 10]).unwrap();
        assert_eq!(test.method, Method::AllEqual);
        assert_eq!(test.p, 1.0);
        assert!(u_test(&[], &[1.0]).is_none());
    }

    #[test]
    fn normal_approximation_beyond_the_exact_limits() {
        // Ties with 26 values a side: the normal approximation.
        let a: Vec<f64> = (0..26).map(|i| f64::from(i % 5)).collect();
        let b: Vec<f64> = (0..26).map(|i| f64::from(i % 5 + 1)).collect();
        let test = u_test(&a, &b).unwrap();
        assert_eq!(test.method, Method::Normal);
        // Without ties the exact distribution goes up to 50 a side.
        let a: Vec<f64> = (0..50).map(|i| f64::from(i) * 2.0).collect();
        let b: Vec<f64> = (0..50).map(|i| f64::from(i) * 2.0 + 1.0).collect();
        assert_eq!(u_test(&a, &b).unwrap().method, Method::Exact);
        let a: Vec<f64> = (0..51).map(|i| f64::from(i) * 2.0).collect();
        assert_eq!(u_test(&a, &b).unwrap().method, Method::Normal);
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

    fn seq(n: usize, f: impl Fn(usize) -> f64) -> Vec<f64> {
        (0..n).map(f).collect()
    }

    #[test]
    fn p_values_equal_benchstat() {
        // stats.MannWhitneyUTest(a, b, LocationDiffers): U and P.
        let cases: Vec<(Vec<f64>, Vec<f64>, f64, f64)> = vec![
            (
                vec![10.1, 10.5, 9.8, 10.25, 10.0, 10.3],
                vec![10.4, 10.9, 10.6, 11.0, 10.7, 10.2],
                4.0,
                0.025_974_025_974_025_98,
            ),
            (
                vec![1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0],
                vec![2.0, 3.0, 3.0, 4.0, 5.0, 5.0, 6.0],
                8.5,
                0.048_368_298_368_298_37,
            ),
            (
                vec![5.1, 4.9, 5.3, 5.0, 5.2, 4.8, 5.4, 5.05],
                vec![5.25, 5.6, 5.5, 5.45, 5.7, 5.35, 5.8],
                3.0,
                0.002_175_602_175_602_176_5,
            ),
            (vec![1.0, 1.0], vec![1.0, 2.0], 1.0, 1.0),
            (vec![1.0, 1.0, 2.0], vec![2.0, 3.0, 3.0], 0.5, 0.2),
            (vec![2.0, 1.0, 1.0], vec![1.0, 1.0, 1.0, 3.0], 6.0, 1.0),
            // Ties, 25 a side: exact.
            (
                seq(25, |i| (i % 5) as f64),
                seq(25, |i| (i % 7) as f64 + 0.5 * (i % 2) as f64),
                225.0,
                0.088_445_596_908_530_03,
            ),
            // Ties, 26 a side: normal approximation.
            (
                seq(26, |i| (i % 5) as f64),
                seq(26, |i| (i % 7) as f64 + 0.5 * (i % 2) as f64),
                226.0,
                0.039_932_920_879_892_39,
            ),
            // No ties, 50 a side: exact.
            (
                seq(50, |i| (i * 7 % 50) as f64 * 2.0),
                seq(50, |i| (i * 11 % 50) as f64 * 2.0 + 3.0),
                1176.0,
                0.613_841_935_284_883,
            ),
            // No ties, 51 and 50: normal approximation.
            (
                seq(51, |i| (i * 7 % 51) as f64 * 2.0),
                seq(50, |i| (i * 11 % 50) as f64 * 2.0 + 3.0),
                1225.0,
                0.736_703_745_024_799,
            ),
            // Ties, 21 against 3.
            (
                seq(21, |i| (i % 4) as f64),
                seq(3, |i| i as f64),
                38.0,
                0.469_367_588_932_812_83,
            ),
        ];
        for (a, b, u, p) in cases {
            let test = u_test(&a, &b).unwrap();
            assert_eq!(test.u, u, "{a:?} vs {b:?}");
            assert!(
                ((test.p - p) / p).abs() < 1e-13,
                "{a:?} vs {b:?}: p = {}, benchstat {p}",
                test.p
            );
        }
    }

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
