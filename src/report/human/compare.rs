//! The tables of `workshop compare`, benchstat-style: per unit, each
//! benchmark's median ± its interval on both sides and the change.

use std::fmt::Write;
use std::path::Path;

use console::style;

use crate::bench::compare::Table;
use crate::bench::stats::Summary;
use crate::units::bench_value;

/// The output of `workshop compare`: a table per unit, benchstat-style.
pub fn compare(old: &Path, new: &Path, tables: &[Table]) -> String {
    let mut out = String::new();
    let old_label = old.file_name().map_or_else(
        || old.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let new_label = new.file_name().map_or_else(
        || new.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut thin = false;
    for table in tables {
        let side = |summary: Option<Summary>| -> String {
            match summary {
                None => "—".to_owned(),
                Some(s) => match s.spread_percent() {
                    Some(spread) => {
                        format!("{} ± {spread:.0}%", bench_value(s.median, &table.unit))
                    }
                    None => format!("{} ± ∞", bench_value(s.median, &table.unit)),
                },
            }
        };
        let name_width = table
            .rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(0)
            .max(7);
        let _ = writeln!(
            out,
            "{}",
            style(format!(
                "{:<name_width$}  {:>18}  {:>18}  change",
                table.unit, old_label, new_label
            ))
            .bold()
        );
        for row in &table.rows {
            thin |= row.old.is_some_and(|s| s.interval.is_none())
                || row.new.is_some_and(|s| s.interval.is_none());
            let n = match (row.old, row.new) {
                (Some(a), Some(b)) if a.n == b.n => format!("n={}", a.n),
                (Some(a), Some(b)) => format!("n={}+{}", a.n, b.n),
                _ => String::new(),
            };
            let change = match (row.change_percent, row.p) {
                (Some(change), Some(p)) if row.significant => {
                    let text = format!("{change:+.2}% (p={p:.3} {n})");
                    if change < 0.0 {
                        style(text).green().to_string()
                    } else {
                        style(text).red().to_string()
                    }
                }
                (_, Some(p)) => format!("~ (p={p:.3} {n})"),
                _ => "—".to_owned(),
            };
            let _ = writeln!(
                out,
                "{:<name_width$}  {:>18}  {:>18}  {change}",
                row.name,
                side(row.old),
                side(row.new)
            );
        }
        if let Some(change) = table.geomean_change_percent {
            let _ = writeln!(
                out,
                "{:<name_width$}  {:>18}  {:>18}  {change:+.2}%",
                "geomean", "", ""
            );
        }
        let _ = writeln!(out);
    }
    if thin {
        let _ = writeln!(out, "{}", style("± ∞: fewer than 6 samples, too few for a 95% interval; run the benchmarks with -count 10").dim());
    }
    out
}
