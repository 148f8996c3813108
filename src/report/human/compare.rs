//! The tables of `workshop compare`, in benchstat's numbers: per unit, each
//! benchmark's median ± its interval on both sides, the change and its test,
//! then the geometric means, with benchstat's notes as footnotes.
//!
//! Values carry their unit where it is one of time or bytes (`1227.8ns`,
//! `11.50 B`, `9.250 KiB`, `95.37 MiB/s`); the digits and prefix are
//! benchstat's (`1227.8n`, `11.50`, `9.250Ki`, `95.37Mi`), other units print
//! exactly as benchstat does (`12.000`, `1.500k`).

use std::fmt::Write;
use std::path::Path;

use console::style;

use crate::bench::compare::{Row, Table};
use crate::bench::format::{self, Scaler};
use crate::bench::stats::Summary;

/// The output of `workshop compare`: a table per unit.
pub fn compare(old: &Path, new: &Path, tables: &[Table]) -> String {
    let label = |path: &Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let (old_label, new_label) = (label(old), label(new));
    let mut out = String::new();
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render(&mut out, table, &old_label, &new_label);
    }
    out
}

/// One side of a row: the median's text and its "±".
struct Side {
    center: String,
    spread: Option<String>,
}

struct Line {
    name: String,
    old: Option<Side>,
    new: Option<Side>,
    change: String,
    /// For a significant change: whether it is for the better.
    better: Option<bool>,
    test: Option<String>,
    marks: String,
}

fn render(out: &mut String, table: &Table, old_label: &str, new_label: &str) {
    let mut notes: Vec<String> = Vec::new();
    let mut mark = |row_notes: &[String]| -> String {
        let mut marks = Vec::new();
        for note in row_notes {
            let index = notes.iter().position(|n| n == note).unwrap_or_else(|| {
                notes.push(note.clone());
                notes.len() - 1
            });
            marks.push(superscript(index + 1));
        }
        marks.join(" ")
    };
    let higher_is_better = table.unit.ends_with("/s");
    let mut lines: Vec<Line> = Vec::new();
    for row in &table.rows {
        let marks = mark(&row.notes);
        lines.push(line(table, row, higher_is_better, marks));
    }
    if table.rows.len() > 1 {
        let side = |value: Option<f64>| {
            value.map(|v| Side {
                center: value_text(&format::common_scale(&[v], table.class), v, table),
                spread: None,
            })
        };
        let marks = mark(&table.geomean_notes);
        lines.push(Line {
            name: "geomean".to_owned(),
            old: side(table.shown_old_geomean),
            new: side(table.shown_new_geomean),
            change: table
                .geomean_change_percent
                .map_or_else(|| "?".to_owned(), |c| format!("{c:+.2}%")),
            better: None,
            test: None,
            marks,
        });
    }

    let width = |f: &dyn Fn(&Line) -> usize| lines.iter().map(f).max().unwrap_or(0);
    let chars = |s: &str| s.chars().count();
    let name_width = width(&|l| chars(&l.name)).max(chars(&table.unit));
    let center_width = |side: fn(&Line) -> &Option<Side>| {
        width(&|l| side(l).as_ref().map_or(0, |s| chars(&s.center)))
    };
    let spread_width = |side: fn(&Line) -> &Option<Side>| {
        width(&|l| {
            side(l)
                .as_ref()
                .and_then(|s| s.spread.as_deref())
                .map_or(0, chars)
        })
    };
    let old_widths = (center_width(|l| &l.old), spread_width(|l| &l.old));
    let new_widths = (center_width(|l| &l.new), spread_width(|l| &l.new));
    let cell_width = |(center, spread): (usize, usize)| center + 3 + spread;
    let old_width = cell_width(old_widths).max(chars(old_label));
    let new_width = cell_width(new_widths).max(chars(new_label));
    let change_width = width(&|l| chars(&l.change));

    let _ = writeln!(
        out,
        "{}",
        style(format!(
            "{:<name_width$}  {old_label:>old_width$}  {new_label:>new_width$}  change",
            table.unit
        ))
        .bold()
    );
    for line in &lines {
        let cell = |side: &Option<Side>, (center_w, spread_w): (usize, usize), total: usize| {
            let text = match side {
                None if line.name == "geomean" => String::new(),
                None => "—".to_owned(),
                Some(Side {
                    center,
                    spread: Some(spread),
                }) => format!("{center:>center_w$} ± {spread:>spread_w$}"),
                Some(Side {
                    center,
                    spread: None,
                }) => {
                    format!("{center:>center_w$}{:pad$}", "", pad = 3 + spread_w)
                }
            };
            format!("{text:>total$}")
        };
        let change = format!("{:>change_width$}", line.change);
        let change = match line.better {
            Some(true) => style(change).green().to_string(),
            Some(false) => style(change).red().to_string(),
            None => change,
        };
        let mut text = format!(
            "{:<name_width$}  {}  {}  {change}",
            line.name,
            cell(&line.old, old_widths, old_width),
            cell(&line.new, new_widths, new_width),
        );
        if let Some(test) = &line.test {
            let _ = write!(text, " ({test})");
        }
        if !line.marks.is_empty() {
            let _ = write!(text, " {}", line.marks);
        }
        let _ = writeln!(out, "{}", text.trim_end());
    }
    for (i, note) in notes.iter().enumerate() {
        let hint = if note.starts_with("need ") {
            crate::tr!("compare-need-more")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{}",
            style(format!("{} {note}{hint}", superscript(i + 1))).dim()
        );
    }
}

fn line(table: &Table, row: &Row, higher_is_better: bool, marks: String) -> Line {
    let centers: Vec<f64> = [row.shown_old, row.shown_new]
        .iter()
        .flatten()
        .map(|s| s.median)
        .collect();
    let scaler = format::common_scale(&centers, table.class);
    let side = |summary: Option<Summary>| {
        summary.map(|s| Side {
            center: value_text(&scaler, s.median, table),
            spread: Some(format::spread(&s)),
        })
    };
    let (change, better, test) = match (row.shown_old, row.shown_new, row.p) {
        (Some(old), Some(new), Some(p)) => {
            let change = format::change(p, old.median, new.median);
            let better = row
                .change_percent
                .filter(|c| row.significant && *c != 0.0)
                .map(|c| (c < 0.0) != higher_is_better);
            (change, better, Some(format::test(p, old.n, new.n)))
        }
        _ => ("—".to_owned(), None, None),
    };
    Line {
        name: row.name.clone(),
        old: side(row.shown_old),
        new: side(row.shown_new),
        change,
        better,
        test,
        marks,
    }
}

/// A value in benchstat's digits and prefix, with its unit where that is time
/// or bytes.
fn value_text(scaler: &Scaler, value: f64, table: &Table) -> String {
    let digits = scaler.digits(value);
    let prefix = scaler.prefix;
    let unit = table.shown_unit.as_str();
    let numerator = unit.split(['/', '*']).next().unwrap_or(unit);
    match numerator {
        "sec" => format!("{digits}{prefix}s"),
        "B" if unit == "B/s" => format!("{digits} {prefix}B/s"),
        "B" => format!("{digits} {prefix}B"),
        _ if unit != table.unit => format!("{digits}{prefix} {unit}"),
        _ => format!("{digits}{prefix}"),
    }
}

fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}
