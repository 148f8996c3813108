//! Comparing two benchmark outputs as benchstat does: per unit, each
//! benchmark's median and 95% interval on both sides, and the change with its
//! Mann-Whitney p-value (`~` when the difference is not significant), then the
//! geometric means. The statistics are computed on benchstat's tidied values
//! (`ns/op` in seconds, `MB/s` in bytes per second) so that every printed
//! number equals benchstat's; the numbers in JSON are in the file's unit.

use serde::Serialize;

use super::BenchOutput;
use super::format::{self, Class};
use super::stats::{self, Summary};
use super::utest::{self, Method};

/// One benchmark's comparison in one unit.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub name: String,
    /// The old side in the file's unit.
    #[serde(skip)]
    pub old: Option<Summary>,
    /// The new side in the file's unit.
    #[serde(skip)]
    pub new: Option<Summary>,
    /// The old side in benchstat's unit, as printed.
    #[serde(skip)]
    pub shown_old: Option<Summary>,
    /// The new side in benchstat's unit, as printed.
    #[serde(skip)]
    pub shown_new: Option<Summary>,
    pub old_median: Option<f64>,
    pub new_median: Option<f64>,
    pub old_n: Option<usize>,
    pub new_n: Option<usize>,
    /// The 95% interval of the old median, `null` when a bound is infinite.
    pub old_interval: Option<[f64; 2]>,
    pub new_interval: Option<[f64; 2]>,
    /// The "±": the interval's larger reach from the median, in percent.
    pub old_spread_percent: Option<f64>,
    pub new_spread_percent: Option<f64>,
    /// The change of the median, in percent (negative is smaller).
    pub change_percent: Option<f64>,
    pub p: Option<f64>,
    /// How `p` was computed.
    pub test: Option<Method>,
    /// Not `p > 0.05`: the change is shown rather than `~`.
    pub significant: bool,
    /// What limits the comparison: too few samples, all samples equal.
    pub notes: Vec<String>,
}

/// Every benchmark's comparison in one unit.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub unit: String,
    /// The unit the statistics are computed in, benchstat's (`sec/op` for `ns/op`).
    #[serde(skip)]
    pub shown_unit: String,
    /// How values of `shown_unit` scale.
    #[serde(skip)]
    pub class: Class,
    pub rows: Vec<Row>,
    /// The geometric means of each side's medians (with more than one
    /// benchmark), in the file's unit.
    pub old_geomean: Option<f64>,
    pub new_geomean: Option<f64>,
    #[serde(skip)]
    pub shown_old_geomean: Option<f64>,
    #[serde(skip)]
    pub shown_new_geomean: Option<f64>,
    /// The geometric mean of the ratios of the medians, as a change in percent,
    /// over the benchmarks on both sides.
    pub geomean_change_percent: Option<f64>,
    /// What limits the geometric means.
    pub geomean_notes: Vec<String>,
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
    units
        .into_iter()
        .map(|unit| {
            let rows: Vec<Row> = names
                .iter()
                .filter_map(|name| row(name, &unit, old, new))
                .collect();
            table(unit, rows)
        })
        .collect()
}

fn values(output: &BenchOutput, name: &str, unit: &str) -> Vec<f64> {
    output
        .results
        .iter()
        .filter(|r| r.full_name == name)
        .flat_map(|r| r.metrics.iter().filter(|m| m.unit == unit).map(|m| m.value))
        .collect()
}

fn row(name: &str, unit: &str, old: &BenchOutput, new: &BenchOutput) -> Option<Row> {
    let (a, b) = (values(old, name, unit), values(new, name, unit));
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let factor = format::tidy(unit).1;
    let tidied = |values: &[f64]| -> Vec<f64> { values.iter().map(|v| v * factor).collect() };
    let (shown_a, shown_b) = (tidied(&a), tidied(&b));
    let (old_summary, new_summary) = (stats::summarize(&a), stats::summarize(&b));
    let (shown_old, shown_new) = (stats::summarize(&shown_a), stats::summarize(&shown_b));
    let test = utest::u_test(&shown_a, &shown_b);
    let change_percent = match (shown_old, shown_new) {
        (Some(o), Some(n)) => format::change_percent(o.median, n.median),
        _ => None,
    };
    let mut notes = Vec::new();
    if [shown_old, shown_new]
        .iter()
        .flatten()
        .any(|s| s.interval().is_none())
    {
        notes.push(too_few_for_interval());
    }
    if let Some(test) = test {
        // benchstat gives a test of equal samples this note alone.
        if test.method == Method::AllEqual {
            notes.push("all samples are equal".to_owned());
        } else if !stats::significant(test.p)
            && let Some(need) = utest::u_test_min_samples(stats::ALPHA)
            && a.len() < need
            && b.len() < need
        {
            notes.push(format!(
                "need >= {need} samples to detect a difference at alpha level {}",
                stats::ALPHA
            ));
        }
    }
    Some(Row {
        name: name.to_owned(),
        old: old_summary,
        new: new_summary,
        shown_old,
        shown_new,
        old_median: old_summary.map(|s| s.median),
        new_median: new_summary.map(|s| s.median),
        old_n: old_summary.map(|s| s.n),
        new_n: new_summary.map(|s| s.n),
        old_interval: old_summary.and_then(|s| s.interval()).map(|(l, h)| [l, h]),
        new_interval: new_summary.and_then(|s| s.interval()).map(|(l, h)| [l, h]),
        old_spread_percent: shown_old.and_then(|s| s.spread_percent()),
        new_spread_percent: shown_new.and_then(|s| s.spread_percent()),
        change_percent,
        p: test.map(|t| t.p),
        test: test.map(|t| t.method),
        significant: test.is_some_and(|t| stats::significant(t.p)),
        notes,
    })
}

fn too_few_for_interval() -> String {
    match stats::interval_min_samples(stats::CONFIDENCE) {
        Some(need) => format!(
            "need >= {need} samples for confidence interval at level {}",
            stats::CONFIDENCE
        ),
        None => format!(
            "need > 50 samples for confidence interval at level {}",
            stats::CONFIDENCE
        ),
    }
}

fn table(unit: String, rows: Vec<Row>) -> Table {
    let (shown_unit, _) = format::tidy(&unit);
    let class = format::class_of(&shown_unit);
    let mut geomean = Geomean::default();
    if rows.len() > 1 {
        geomean = geomeans(&rows);
    }
    Table {
        unit,
        shown_unit,
        class,
        rows,
        old_geomean: geomean.old,
        new_geomean: geomean.new,
        shown_old_geomean: geomean.shown_old,
        shown_new_geomean: geomean.shown_new,
        geomean_change_percent: geomean.change_percent,
        geomean_notes: geomean.notes,
    }
}

#[derive(Default)]
struct Geomean {
    old: Option<f64>,
    new: Option<f64>,
    shown_old: Option<f64>,
    shown_new: Option<f64>,
    change_percent: Option<f64>,
    notes: Vec<String>,
}

/// benchstat's summary row: the geometric mean of each side's medians, and
/// that of the new-to-old ratios of the benchmarks on both sides (a ratio of
/// equal medians is 1, one from a zero makes it unknown).
fn geomeans(rows: &[Row]) -> Geomean {
    let medians = |side: fn(&Row) -> Option<Summary>| -> Vec<f64> {
        rows.iter().filter_map(side).map(|s| s.median).collect()
    };
    let mut result = Geomean {
        old: format::geomean(&medians(|r| r.old)),
        new: format::geomean(&medians(|r| r.new)),
        shown_old: format::geomean(&medians(|r| r.shown_old)),
        shown_new: format::geomean(&medians(|r| r.shown_new)),
        ..Geomean::default()
    };
    if result.shown_old.is_none() || result.shown_new.is_none() {
        result
            .notes
            .push("summaries must be >0 to compute geomean".to_owned());
    }
    let mut ratios = Vec::new();
    let mut from_zero = 0;
    for row in rows {
        if let (Some(old), Some(new)) = (row.shown_old, row.shown_new) {
            if old.median == new.median {
                ratios.push(1.0);
            } else if old.median == 0.0 {
                from_zero += 1;
            } else {
                ratios.push(new.median / old.median);
            }
        }
    }
    let with_old = rows.iter().filter(|r| r.shown_old.is_some()).count();
    if with_old != ratios.len() + from_zero {
        result
            .notes
            .push("benchmark set differs from baseline; geomeans may not be comparable".to_owned());
    }
    if from_zero == 0 {
        match format::geomean(&ratios) {
            Some(ratio) => result.change_percent = Some((ratio - 1.0) * 100.0),
            None => result
                .notes
                .push("ratios must be >0 to compute geomean".to_owned()),
        }
    }
    result
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
        assert_eq!(time.shown_unit, "sec/op");
        let a = &time.rows[0];
        assert!(a.significant);
        // Medians 1004.5 and 504.5.
        assert_eq!(a.old_median, Some(1004.5));
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
        assert_eq!(bytes.rows[0].notes, ["all samples are equal"]);
        assert_eq!(bytes.geomean_change_percent, Some(0.0));
    }

    #[test]
    fn one_sided_benchmarks_and_small_samples() {
        let old = parse("BenchmarkA 1 10 ns/op\nBenchmarkA 1 11 ns/op\nBenchmarkGone 1 5 ns/op\n");
        let new = parse("BenchmarkA 1 12 ns/op\nBenchmarkA 1 13 ns/op\nBenchmarkNew 1 7 ns/op\n");
        let table = &compare(&old, &new)[0];
        let names: Vec<&str> = table.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["BenchmarkA", "BenchmarkGone", "BenchmarkNew"]);
        let a = &table.rows[0];
        assert_eq!(a.old_interval, None);
        assert_eq!(a.old_spread_percent, None);
        assert_eq!(
            a.notes,
            [
                "need >= 6 samples for confidence interval at level 0.95",
                "need >= 4 samples to detect a difference at alpha level 0.05"
            ]
        );
        let gone = &table.rows[1];
        assert_eq!((gone.p, gone.change_percent), (None, None));
        // Only A is on both sides: its ratio is the geomean's.
        let change = table.geomean_change_percent.unwrap();
        assert!(
            (change - (12.5 / 10.5 - 1.0) * 100.0).abs() < 1e-9,
            "{change}"
        );
        assert_eq!(
            table.geomean_notes,
            ["benchmark set differs from baseline; geomeans may not be comparable"]
        );
    }
}
