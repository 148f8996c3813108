//! The Mann-Whitney U test of two samples, ties taking the midrank.
//!
//! Two-sided, exactly as benchstat computes it (golang.org/x/perf/benchmath):
//! exact when no value repeats and both samples have at most 50 values; exact
//! over the arrangements of the tie groups when values repeat and both have at
//! most 25; otherwise the normal approximation with tie and continuity
//! corrections. p is twice the lower tail at the smaller U (not capped at 1),
//! 1 when both U are equal and when every value is the same.
//!
//! One-sided ([`u_test_less`]), for a goal that must show the first sample is
//! not above the second: p is the lower tail at the first sample's U, by the
//! same exact distributions or normal approximation.

use super::numeric::{choose, normal_cdf};

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
    /// The p-value: two-sided from [`u_test`], one-sided from [`u_test_less`].
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

/// The Mann-Whitney U test of `a` against `b`, two-sided; `None` when either
/// is empty.
pub fn u_test(a: &[f64], b: &[f64]) -> Option<UTest> {
    let ranked = Ranked::of(a, b)?;
    let (n1, n2, u1) = (ranked.n1, ranked.n2, ranked.u1);
    let u2 = (n1 * n2) as f64 - u1;
    let smaller = u1.min(u2);
    let method = ranked.method();
    let p = match method {
        Method::AllEqual => 1.0,
        Method::Exact | Method::ExactWithTies if u1 == u2 => 1.0,
        Method::Exact => lower_tail_without_ties(n1, n2, smaller as usize) * 2.0,
        Method::ExactWithTies => {
            lower_tail_with_ties(n1, &ranked.sizes(), (2.0 * smaller) as usize) * 2.0
        }
        Method::Normal => {
            let (mean, deviation) = ranked.normal();
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

/// The one-sided Mann-Whitney U test that `a` lies below `b`: p is the
/// chance, were both samples drawn from one distribution, of a U of `a` as
/// small as the one found or smaller. `None` when either is empty.
pub fn u_test_less(a: &[f64], b: &[f64]) -> Option<UTest> {
    let ranked = Ranked::of(a, b)?;
    let (n1, n2, u1) = (ranked.n1, ranked.n2, ranked.u1);
    let method = ranked.method();
    let p = match method {
        Method::AllEqual => 1.0,
        Method::Exact => lower_tail_without_ties(n1, n2, u1 as usize),
        Method::ExactWithTies => lower_tail_with_ties(n1, &ranked.sizes(), (2.0 * u1) as usize),
        Method::Normal => {
            let (mean, deviation) = ranked.normal();
            // Continuity correction: U takes steps of one half at least, and
            // P(U <= u) is the normal distribution's up to u + 1/2.
            normal_cdf((u1 + 0.5 - mean) / deviation, 0.0, 1.0)
        }
    };
    Some(UTest {
        p: p.min(1.0),
        u: u1,
        method,
    })
}

/// The smallest one-sided p-value two samples of `n1` and `n2` values can
/// give (every value of one below every value of the other): 1 / C(n1 + n2,
/// n1). Two-sided it is twice that.
pub fn smallest_p_less(n1: usize, n2: usize) -> f64 {
    1.0 / choose(n1 + n2, n1)
}

/// Two samples pooled in order: the groups of equal values, and U of the first.
struct Ranked {
    n1: usize,
    n2: usize,
    /// The pooled values in order, as groups of equal values: (size, how
    /// many from the first sample).
    groups: Vec<(usize, usize)>,
    /// U of the first sample: pairs in which its value is the larger, ties
    /// counting one half.
    u1: f64,
}

impl Ranked {
    fn of(a: &[f64], b: &[f64]) -> Option<Ranked> {
        let (n1, n2) = (a.len(), b.len());
        if n1 == 0 || n2 == 0 {
            return None;
        }
        let sorted = |values: &[f64]| {
            let mut v = values.to_vec();
            v.sort_by(f64::total_cmp);
            v
        };
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
        Some(Ranked { n1, n2, groups, u1 })
    }

    fn method(&self) -> Method {
        if self.groups.len() == 1 {
            return Method::AllEqual;
        }
        let (n1, n2) = (self.n1, self.n2);
        let ties = self.groups.iter().any(|&(size, _)| size > 1);
        let exact = if ties {
            n1 <= EXACT_TIES_LIMIT && n2 <= EXACT_TIES_LIMIT
        } else {
            n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT
        };
        match (exact, ties) {
            (true, false) => Method::Exact,
            (true, true) => Method::ExactWithTies,
            (false, _) => Method::Normal,
        }
    }

    fn sizes(&self) -> Vec<usize> {
        self.groups.iter().map(|&(size, _)| size).collect()
    }

    /// The mean and the standard deviation of U, corrected for ties.
    fn normal(&self) -> (f64, f64) {
        let (n1, n2) = (self.n1, self.n2);
        let correction: usize = self.groups.iter().map(|&(t, _)| t * t * t - t).sum();
        let total = (n1 + n2) as f64;
        let mean = (n1 * n2) as f64 / 2.0;
        let deviation = ((n1 * n2) as f64
            * ((total + 1.0) - correction as f64 / (total * (total - 1.0)))
            / 12.0)
            .sqrt();
        (mean, deviation)
    }
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
    use crate::bench::stats::ALPHA;

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
}

#[cfg(test)]
mod one_sided {
    //! Values found by counting every way of drawing the first sample from
    //! the pooled values (exact), or from the normal approximation's formula,
    //! computed apart from this code.
    use super::*;

    fn seq(n: usize, f: impl Fn(usize) -> f64) -> Vec<f64> {
        (0..n).map(f).collect()
    }

    fn p(a: &[f64], b: &[f64]) -> f64 {
        u_test_less(a, b).unwrap().p
    }

    #[test]
    fn separated_samples() {
        // Of the C(6, 3) = 20 draws, one puts all of `a` lowest.
        assert!((p(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]) - 0.05).abs() < 1e-15);
        // The other way round it cannot be more extreme.
        assert_eq!(p(&[4.0, 5.0, 6.0], &[1.0, 2.0, 3.0]), 1.0);
        let low: Vec<f64> = (0..6).map(f64::from).collect();
        let high: Vec<f64> = (10..16).map(f64::from).collect();
        assert!((p(&low, &high) - 1.0 / 924.0).abs() < 1e-15);
        assert_eq!(smallest_p_less(6, 6), 1.0 / 924.0);
        assert_eq!(smallest_p_less(3, 3), 0.05);
    }

    #[test]
    fn exact_without_ties() {
        let cases: [(&[f64], &[f64], f64, f64); 4] = [
            (&[1.0, 3.0, 5.0], &[2.0, 4.0, 6.0], 3.0, 7.0 / 20.0),
            (
                &[10.1, 10.5, 9.8, 10.25, 10.0, 10.3],
                &[10.4, 10.9, 10.6, 11.0, 10.7, 10.2],
                4.0,
                1.0 / 77.0,
            ),
            (
                &[5.1, 4.9, 5.3, 5.0, 5.2, 4.8, 5.4, 5.05],
                &[5.25, 5.6, 5.5, 5.45, 5.7, 5.35, 5.8],
                3.0,
                7.0 / 6435.0,
            ),
            (&[1.0, 2.0], &[1.5, 2.5], 1.0, 2.0 / 6.0),
        ];
        for (a, b, u, expected) in cases {
            let test = u_test_less(a, b).unwrap();
            assert_eq!(test.method, Method::Exact);
            assert_eq!(test.u, u);
            assert!((test.p - expected).abs() < 1e-14, "{a:?} {b:?}: {}", test.p);
        }
    }

    #[test]
    fn exact_with_ties() {
        let cases: [(&[f64], &[f64], f64, f64); 5] = [
            (&[1.0, 1.0, 2.0], &[2.0, 3.0, 3.0], 0.5, 0.1),
            (&[1.0, 1.0], &[1.0, 2.0], 1.0, 0.5),
            (&[2.0, 1.0, 1.0], &[1.0, 1.0, 1.0, 3.0], 6.0, 4.0 / 7.0),
            (
                &[1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0],
                &[2.0, 3.0, 3.0, 4.0, 5.0, 5.0, 6.0],
                8.5,
                83.0 / 3432.0,
            ),
            (
                &[3.0, 3.0, 1.0, 2.0, 2.0],
                &[2.0, 3.0, 4.0, 4.0, 5.0, 3.0],
                5.0,
                4.0 / 77.0,
            ),
        ];
        for (a, b, u, expected) in cases {
            let test = u_test_less(a, b).unwrap();
            assert_eq!(test.method, Method::ExactWithTies);
            assert_eq!(test.u, u);
            assert!((test.p - expected).abs() < 1e-14, "{a:?} {b:?}: {}", test.p);
        }
    }

    #[test]
    fn normal_approximation() {
        let a = seq(26, |i| (i % 5) as f64);
        let b = seq(26, |i| (i % 7) as f64 + 0.5 * (i % 2) as f64);
        let test = u_test_less(&a, &b).unwrap();
        assert_eq!((test.method, test.u), (Method::Normal, 226.0));
        assert!(
            (test.p - 0.019_966_460_439_946_2).abs() < 1e-12,
            "{}",
            test.p
        );
        assert!((p(&b, &a) - 0.980_907_698_471_483_5).abs() < 1e-12);
        let a = seq(51, |i| (i * 7 % 51) as f64 * 2.0);
        let b = seq(50, |i| (i * 11 % 50) as f64 * 2.0 + 3.0);
        assert!((p(&a, &b) - 0.368_351_872_512_399_5).abs() < 1e-12);
    }

    #[test]
    fn nothing_to_test() {
        assert_eq!(p(&[3.0; 5], &[3.0; 5]), 1.0);
        assert!(u_test_less(&[], &[1.0]).is_none());
    }
}

#[cfg(test)]
mod reference {
    //! Values that benchstat itself computed (golang.org/x/perf
    //! v0.0.0-20260908200009-22c9c6c9d4da with go-moremath
    //! v0.0.0-20210112150236-f10218a38794).
    use super::*;

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
}
