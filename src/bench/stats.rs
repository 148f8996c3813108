//! Statistics for comparing benchmark samples the way benchstat does: the
//! median with a distribution-free 95% confidence interval, and the two-sided
//! Mann-Whitney U test (exact for small samples without ties, the normal
//! approximation with tie and continuity corrections otherwise).

/// The significance level of comparisons.
pub const ALPHA: f64 = 0.05;

/// A sample's center and its 95% confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    /// `None` when the sample is too small for a 95% interval (fewer than 6).
    pub interval: Option<(f64, f64)>,
}

impl Summary {
    /// The interval's largest distance from the median, as a percentage of it.
    pub fn spread_percent(&self) -> Option<f64> {
        let (low, high) = self.interval?;
        if self.median == 0.0 {
            return Some(0.0);
        }
        Some(((self.median - low).max(high - self.median) / self.median.abs()) * 100.0)
    }
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

fn median_of_sorted(v: &[f64]) -> f64 {
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// P(X <= k) for X ~ Binomial(n, 1/2).
fn binomial_cdf_half(n: usize, k: usize) -> f64 {
    let mut total = 0.0;
    let mut term = 0.5f64.powi(n as i32); // C(n, 0) / 2^n
    for i in 0..=k.min(n) {
        total += term;
        term = term * (n - i) as f64 / (i + 1) as f64;
    }
    total
}

/// Median and 95% confidence interval of the median from order statistics:
/// [x(k+1), x(n-k)] with the largest k whose coverage is still at least 95%.
pub fn summarize(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let v = sorted(values);
    let n = v.len();
    let median = median_of_sorted(&v);
    let mut interval = None;
    let mut k = 0;
    while k < n / 2 {
        let coverage = 1.0 - 2.0 * binomial_cdf_half(n, k);
        if coverage < 1.0 - ALPHA {
            break;
        }
        interval = Some((v[k], v[n - 1 - k]));
        k += 1;
    }
    Some(Summary {
        n,
        median,
        interval,
    })
}

/// The two-sided p-value of the Mann-Whitney U test of `a` against `b`.
pub fn mann_whitney_u(a: &[f64], b: &[f64]) -> Option<f64> {
    let (n1, n2) = (a.len(), b.len());
    if n1 == 0 || n2 == 0 {
        return None;
    }
    // Rank the pooled sample, ties getting the average of their ranks.
    let mut pooled: Vec<(f64, bool)> = a
        .iter()
        .map(|&x| (x, true))
        .chain(b.iter().map(|&x| (x, false)))
        .collect();
    pooled.sort_by(|x, y| x.0.total_cmp(&y.0));
    let n = pooled.len();
    let mut ranks = vec![0.0; n];
    let mut tie_term = 0.0; // sum of (t^3 - t) over groups of ties
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && pooled[j + 1].0 == pooled[i].0 {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for r in ranks.iter_mut().take(j + 1).skip(i) {
            *r = rank;
        }
        let t = (j - i + 1) as f64;
        tie_term += t * t * t - t;
        i = j + 1;
    }
    let r1: f64 = pooled
        .iter()
        .zip(&ranks)
        .filter(|(p, _)| p.1)
        .map(|(_, r)| r)
        .sum();
    let u1 = r1 - (n1 * (n1 + 1)) as f64 / 2.0;
    let u = u1.min((n1 * n2) as f64 - u1);
    if tie_term == 0.0 && n1 <= 50 && n2 <= 50 {
        // Exact: count the arrangements with U <= u among all C(n1+n2, n1).
        let counts = u_distribution(n1, n2);
        let total: f64 = counts.iter().sum();
        let below: f64 = counts.iter().take(u as usize + 1).sum();
        return Some((2.0 * below / total).min(1.0));
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let mean = n1f * n2f / 2.0;
    let variance =
        n1f * n2f / 12.0 * ((n1f + n2f + 1.0) - tie_term / ((n1f + n2f) * (n1f + n2f - 1.0)));
    if variance <= 0.0 {
        return Some(1.0);
    }
    // Continuity correction toward the mean.
    let z = ((u - mean).abs() - 0.5).max(0.0) / variance.sqrt();
    Some((2.0 * (1.0 - normal_cdf(z))).min(1.0))
}

/// How many arrangements of n1 and n2 items give each value of U (0..=n1*n2).
fn u_distribution(n1: usize, n2: usize) -> Vec<f64> {
    // counts[i][j][u]: arrangements of i items of the first sample and j of the
    // second with statistic u; built up one item at a time.
    let max = n1 * n2;
    let mut previous: Vec<Vec<f64>> = vec![vec![0.0; max + 1]; n2 + 1];
    for row in previous.iter_mut() {
        row[0] = 1.0;
    }
    for _ in 1..=n1 {
        let mut current: Vec<Vec<f64>> = vec![vec![0.0; max + 1]; n2 + 1];
        current[0][0] = 1.0;
        for j in 1..=n2 {
            for u in 0..=max {
                // The largest item is from the first sample (it beats all j of the
                // second: +j), or from the second sample (+0).
                let from_first = if u >= j { previous[j][u - j] } else { 0.0 };
                current[j][u] = from_first + current[j - 1][u];
            }
        }
        previous = current;
    }
    previous[n2].clone()
}

/// The standard normal CDF.
fn normal_cdf(z: f64) -> f64 {
    0.5 * (1.0 + erf(z / std::f64::consts::SQRT_2))
}

/// The error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
fn erf(x: f64) -> f64 {
    let sign = if x < 0.0 { -1.0 } else { 1.0 };
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y = 1.0
        - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t
            + 0.254_829_592)
            * t
            * (-x * x).exp();
    sign * y
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
    }

    #[test]
    fn normal_approximation_with_ties() {
        // Ties force the approximation; fully separated samples of 10 are
        // clearly different, all-equal samples are not.
        let a = [1.0; 10];
        let b = [2.0; 10];
        assert!(mann_whitney_u(&a, &b).unwrap() < 0.001);
        assert!(close(mann_whitney_u(&a, &a).unwrap(), 1.0, 1e-9));
    }

    #[test]
    fn median_interval_needs_six_values() {
        let s = summarize(&[5.0, 1.0, 3.0, 2.0, 4.0]).unwrap();
        assert_eq!(s.median, 3.0);
        assert_eq!(s.interval, None);
        let s = summarize(&[6.0, 1.0, 5.0, 2.0, 4.0, 3.0]).unwrap();
        assert_eq!(s.median, 3.5);
        // n = 6: only [min, max] covers 95% (coverage 1 - 2/64 = 96.9%).
        assert_eq!(s.interval, Some((1.0, 6.0)));
        let s = summarize(&(1..=10).map(f64::from).collect::<Vec<_>>()).unwrap();
        // n = 10: k = 1 covers 1 - 2 * 11/1024 = 97.9%; k = 2 only 89%.
        assert_eq!(s.interval, Some((2.0, 9.0)));
    }

    #[test]
    fn erf_matches_known_values() {
        assert!(close(erf(0.0), 0.0, 1e-7));
        assert!(close(erf(1.0), 0.842_700_79, 2e-7));
        assert!(close(normal_cdf(1.959_964), 0.975, 2e-7));
    }
}

#[cfg(test)]
mod reference {
    use super::*;

    // Reference p-values computed with an independent implementation
    // (scipy.stats.mannwhitneyu, two-sided; exact without ties, asymptotic with
    // continuity correction with ties).
    #[test]
    fn agrees_with_an_independent_implementation() {
        let cases: [(&[f64], &[f64], f64); 3] = [
            (
                &[10.1, 10.5, 9.8, 10.25, 10.0, 10.3],
                &[10.4, 10.9, 10.6, 11.0, 10.7, 10.2],
                0.025974025974025976,
            ),
            (
                &[1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0],
                &[2.0, 3.0, 3.0, 4.0, 5.0, 5.0, 6.0],
                0.04353024903571153,
            ),
            (
                &[5.1, 4.9, 5.3, 5.0, 5.2, 4.8, 5.4, 5.05],
                &[5.25, 5.6, 5.5, 5.45, 5.7, 5.35, 5.8],
                0.0021756021756021756,
            ),
        ];
        for (a, b, expected) in cases {
            let p = mann_whitney_u(a, b).unwrap();
            assert!(
                (p - expected).abs() < 1e-6,
                "{a:?} vs {b:?}: {p}, expected {expected}"
            );
        }
    }
}
