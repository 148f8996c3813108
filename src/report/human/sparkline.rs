//! Small pictures of a trace over time, drawn with block characters
//! (`▁▂▃▄▅▆▇█`) as wide as the terminal: live goroutines, running goroutines,
//! heap in use, and a row marking when the GC ran.

use std::fmt::Write;

use console::style;

use crate::goals::picture::{Level, Picture};
use crate::tr;
use crate::trace::facts::{Facts, Series};
use crate::units::{bytes, nanos};

/// The blocks, from the lowest level up.
pub(super) const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The width of the label column, as in the summary above the pictures.
const LABEL: usize = 13;

/// The width of standard output if it is a terminal, else 80 columns.
pub fn columns() -> usize {
    let term = console::Term::stdout();
    match term.size_checked() {
        Some((_, columns)) if term.is_term() => usize::from(columns),
        _ => 80,
    }
}

/// `values` squeezed or stretched to `width` columns, each column the
/// largest of the values it covers.
pub fn resample(values: &[f64], width: usize) -> Vec<f64> {
    let n = values.len();
    if n == 0 || width == 0 {
        return Vec::new();
    }
    (0..width)
        .map(|c| {
            let from = c * n / width;
            let to = ((c + 1) * n / width).max(from + 1).min(n);
            values[from..to].iter().copied().fold(f64::MIN, f64::max)
        })
        .collect()
}

/// A row of blocks: zero is a space, `top` and above the full block.
pub fn spark(values: &[f64], top: f64) -> String {
    values
        .iter()
        .map(|&v| {
            if v <= 0.0 || top <= 0.0 {
                ' '
            } else {
                let level = ((v / top) * BLOCKS.len() as f64).ceil() as usize;
                BLOCKS[level.clamp(1, BLOCKS.len()) - 1]
            }
        })
        .collect()
}

/// One picture's row: label, blocks, and the range of the values.
struct Row {
    label: String,
    values: Vec<f64>,
    top: f64,
    range: String,
    gc: bool,
}

fn range(values: &[f64], show: impl Fn(f64) -> String) -> (f64, String) {
    let min = values.iter().copied().fold(f64::MAX, f64::min);
    let max = values.iter().copied().fold(0.0, f64::max);
    (
        max,
        tr!("inspect-series-range", min = show(min), max = show(max)),
    )
}

/// The row of one level of `series`.
fn row(series: &Series, level: Level) -> Row {
    let count = |v: f64| format!("{}", (v * 10.0).round() / 10.0);
    match level {
        Level::LiveGoroutines => {
            let live: Vec<f64> = series.live_goroutines.iter().map(|&v| v as f64).collect();
            let (top, range) = range(&live, count);
            Row {
                label: tr!("inspect-series-live"),
                values: live,
                top,
                range,
                gc: false,
            }
        }
        Level::RunningGoroutines => {
            let (top, range) = range(&series.running_goroutines, count);
            Row {
                label: tr!("inspect-series-running"),
                values: series.running_goroutines.clone(),
                top,
                range,
                gc: false,
            }
        }
        Level::HeapBytes => {
            let heap: Vec<f64> = series.heap_bytes.iter().map(|&v| v as f64).collect();
            let (top, range) = range(&heap, |v| bytes(v as u64));
            Row {
                label: tr!("inspect-heap"),
                values: heap,
                top,
                range,
                gc: false,
            }
        }
        Level::Gc => {
            let share = series.gc.iter().sum::<f64>() / series.len().max(1) as f64;
            Row {
                label: "GC".to_owned(),
                values: series.gc.clone(),
                top: 1.0,
                range: tr!("inspect-series-gc", share = format!("{:.0}", share * 100.0)),
                gc: true,
            }
        }
    }
}

/// Every level, in the order the summary draws them.
const ALL: [Level; 4] = [
    Level::LiveGoroutines,
    Level::RunningGoroutines,
    Level::HeapBytes,
    Level::Gc,
];

/// The pictures of a trace over time, `columns` wide in all; nothing for a
/// trace without time.
pub fn pictures(out: &mut String, facts: &Facts, columns: usize) {
    if let Some(picture) = Picture::of(facts, &ALL) {
        draw(out, &picture, "", columns);
    }
}

/// A trace goal's picture under its evidence, each line after `indent`,
/// `columns` wide in all.
pub fn goal_picture(out: &mut String, picture: &Picture, indent: &str, columns: usize) {
    draw(out, picture, indent, columns);
}

/// The picture's levels, one row each under a heading with the time span,
/// and a time axis.
fn draw(out: &mut String, picture: &Picture, indent: &str, columns: usize) {
    let rows: Vec<Row> = picture
        .levels
        .iter()
        .map(|&level| row(&picture.series, level))
        .collect();
    let widest = rows
        .iter()
        .map(|r| crate::display::width(&r.range))
        .max()
        .unwrap_or(0);
    let used = crate::display::width(indent) + LABEL + 2 + widest;
    let bar = columns.saturating_sub(used).max(8);
    let duration = picture.duration_ns;
    let per_column = duration / bar as i64;
    let _ = writeln!(
        out,
        "{}{indent}{}{}",
        if indent.is_empty() { "\n" } else { "" },
        style(crate::display::pad(&tr!("inspect-over-time"), LABEL)).bold(),
        tr!(
            "inspect-series-axis",
            span = nanos(duration),
            column = nanos(per_column)
        )
    );
    for row in rows {
        let blocks = spark(&resample(&row.values, bar), row.top);
        let blocks = if row.gc {
            style(blocks).yellow().to_string()
        } else {
            style(blocks).cyan().to_string()
        };
        let _ = writeln!(
            out,
            "{indent}{}{blocks}  {}",
            crate::display::pad(&row.label, LABEL),
            row.range
        );
    }
    // The time axis: where the picture starts and ends.
    let end = format!("+{}", nanos(duration));
    let _ = writeln!(
        out,
        "{indent}{}0{}",
        " ".repeat(LABEL),
        crate::display::pad_left(&end, bar.saturating_sub(1))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparks_scale_to_the_top_and_fit_the_width() {
        assert_eq!(spark(&[0.0, 1.0, 4.0, 8.0], 8.0), " ▁▄█");
        assert_eq!(resample(&[1.0, 5.0, 2.0, 3.0], 2), vec![5.0, 3.0]);
        assert_eq!(resample(&[1.0, 2.0], 4), vec![1.0, 1.0, 2.0, 2.0]);
        let wide = resample(&(0..1000).map(f64::from).collect::<Vec<_>>(), 77);
        assert_eq!(wide.len(), 77);
        assert_eq!(wide[76], 999.0);
    }
}
