//! Comparing two benchmark outputs, benchstat's way: per unit, each
//! benchmark's median and 95% interval on both sides, and the change with its
//! Mann-Whitney p-value (`~` when the difference is not significant).

use serde::Serialize;

use super::BenchOutput;
use super::stats::{self, ALPHA, Summary};

/// One benchmark's comparison in one unit.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub name: String,
    #[serde(skip)]
    pub old: Option<Summary>,
    #[serde(skip)]
    pub new: Option<Summary>,
    pub old_median: Option<f64>,
    pub new_median: Option<f64>,
    /// The change of the median, in percent (negative is smaller).
    pub change_percent: Option<f64>,
    pub p: Option<f64>,
    pub significant: bool,
}

/// Every benchmark's comparison in one unit.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub unit: String,
    pub rows: Vec<Row>,
    /// The change of the geometric mean of the medians, over benchmarks on both sides.
    pub geomean_change_percent: Option<f64>,
}

/// Compares `old` with `new`, one table per unit in order of appearance.
pub fn compare(old: &BenchOutput, new: &BenchOutput) -> Vec<Table> {
    let mut units: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for result in old.results.iter().chain(&new.results) {
        if !names.contains(&result.full_name) {
            names.push(result.full_name.clone());
        }
        for metric in &result.metrics {
            if !units.contains(&metric.unit) {
                units.push(metric.unit.clone());
            }
        }
    }
    let values = |output: &BenchOutput, name: &str, unit: &str| -> Vec<f64> {
        output
            .results
            .iter()
            .filter(|r| r.full_name == name)
            .flat_map(|r| r.metrics.iter().filter(|m| m.unit == unit).map(|m| m.value))
            .collect()
    };
    units
        .into_iter()
        .map(|unit| {
            let rows: Vec<Row> = names
                .iter()
                .filter_map(|name| {
                    let (a, b) = (values(old, name, &unit), values(new, name, &unit));
                    if a.is_empty() && b.is_empty() {
                        return None;
                    }
                    let (old_summary, new_summary) = (stats::summarize(&a), stats::summarize(&b));
                    let p = stats::mann_whitney_u(&a, &b);
                    let change = match (old_summary, new_summary) {
                        (Some(o), Some(n)) if o.median != 0.0 => {
                            Some((n.median - o.median) / o.median.abs() * 100.0)
                        }
                        (Some(o), Some(n)) if o.median == n.median => Some(0.0),
                        _ => None,
                    };
                    Some(Row {
                        name: name.clone(),
                        old: old_summary,
                        new: new_summary,
                        old_median: old_summary.map(|s| s.median),
                        new_median: new_summary.map(|s| s.median),
                        change_percent: change,
                        p,
                        significant: p.is_some_and(|p| p < ALPHA),
                    })
                })
                .collect();
            let both: Vec<(f64, f64)> = rows
                .iter()
                .filter_map(|r| Some((r.old_median?, r.new_median?)))
                .filter(|(o, n)| *o > 0.0 && *n > 0.0)
                .collect();
            let geomean_change_percent = (both.len() >= 2).then(|| {
                let log_ratio: f64 =
                    both.iter().map(|(o, n)| (n / o).ln()).sum::<f64>() / both.len() as f64;
                (log_ratio.exp() - 1.0) * 100.0
            });
            Table {
                unit,
                rows,
                geomean_change_percent,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::parse;

    #[test]
    fn significant_and_insignificant_changes() {
        let old = parse(
            &(0..10)
                .map(|i| {
                    format!(
                        "BenchmarkA-2 100 {} ns/op 64 B/op\nBenchmarkB-2 100 {} ns/op 8 B/op\n",
                        1000 + i,
                        500 + i % 3
                    )
                })
                .collect::<String>(),
        );
        let new = parse(
            &(0..10)
                .map(|i| {
                    format!(
                        "BenchmarkA-2 100 {} ns/op 64 B/op\nBenchmarkB-2 100 {} ns/op 8 B/op\n",
                        500 + i,
                        500 + (i + 1) % 3
                    )
                })
                .collect::<String>(),
        );
        let tables = compare(&old, &new);
        assert_eq!(tables.len(), 2);
        let time = &tables[0];
        assert_eq!(time.unit, "ns/op");
        let a = &time.rows[0];
        assert!(a.significant);
        // Medians 1004.5 and 504.5.
        assert!(
            (a.change_percent.unwrap() + 49.776).abs() < 0.001,
            "{:?}",
            a.change_percent
        );
        let b = &time.rows[1];
        assert!(!b.significant, "{:?}", b.p);
        let bytes = &tables[1];
        assert_eq!(bytes.unit, "B/op");
        assert_eq!(bytes.rows[0].change_percent, Some(0.0));
        assert!(!bytes.rows[0].significant);
    }
}
