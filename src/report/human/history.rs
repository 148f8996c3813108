//! What `workshop list --history <id>` prints: for each goal of an exercise,
//! its measured value in the last checks as numbers and a sparkline.

use std::fmt::Write;

use console::style;

use crate::display::{pad, width};
use crate::report::HistoryDoc;
use crate::tr;

/// The eight heights of a sparkline, lowest first (as the trace pictures draw them).
use super::sparkline::BLOCKS as BARS;

/// One block character per value, from the lowest to the highest of them;
/// a space where there is none, and the middle height when all are equal.
pub fn sparkline(values: &[Option<f64>]) -> String {
    let known = values.iter().flatten().copied();
    let low = known.clone().fold(f64::INFINITY, f64::min);
    let high = known.fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|value| match value {
            None => ' ',
            Some(_) if high <= low => BARS[3],
            Some(v) => {
                let at = ((v - low) / (high - low) * (BARS.len() - 1) as f64).round();
                BARS[(at as usize).min(BARS.len() - 1)]
            }
        })
        .collect()
}

/// A value as a history shows it: four significant digits at most.
fn number(value: Option<f64>) -> String {
    match value {
        None => "—".to_owned(),
        Some(v) if v != 0.0 && (v.abs() >= 1e6 || v.abs() < 1e-3) => format!("{v:.3e}"),
        Some(v) => {
            let text = format!("{v:.3}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            text.to_owned()
        }
    }
}

/// The output of `workshop list --history <id>`.
pub fn history(doc: &HistoryDoc<'_>) -> String {
    let mut out = format!(
        "{} {}\n",
        style(doc.exercise).bold(),
        style(format!("— {}", doc.title)).dim()
    );
    if doc.checks.is_empty() {
        let _ = writeln!(out, "  {}", tr!("history-none", id = doc.exercise));
        return out;
    }
    let verdicts: String = doc
        .checks
        .iter()
        .map(|c| if c.passed { '✓' } else { '✗' })
        .collect();
    let _ = writeln!(
        out,
        "  {}",
        tr!(
            "history-checks",
            count = doc.checks.len(),
            verdicts = verdicts
        )
    );
    let id_width = doc.goals.iter().map(|g| width(&g.id)).max().unwrap_or(0);
    for goal in &doc.goals {
        let numbers: Vec<String> = goal.values.iter().map(|v| number(*v)).collect();
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            pad(&goal.id, id_width),
            sparkline(&goal.values),
            numbers.join(" → ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_spans_the_lowest_to_the_highest_value() {
        let values = [Some(10.0), Some(0.0), None, Some(5.0), Some(20.0)];
        assert_eq!(sparkline(&values), "▅▁ ▃█");
        assert_eq!(sparkline(&[Some(3.0), Some(3.0)]), "▄▄");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn numbers_keep_a_few_digits() {
        assert_eq!(number(Some(1998.0)), "1998");
        assert_eq!(number(Some(63.4615)), "63.462");
        assert_eq!(number(Some(9423970.0)), "9.424e6");
        assert_eq!(number(None), "—");
    }
}
