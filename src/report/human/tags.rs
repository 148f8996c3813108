//! `workshop inspect PROFILE --tags`: each label key with what its samples
//! carry, and each of its values, laid out as `go tool pprof -tags` lays
//! them out (Go's `text/tabwriter`, cells aligned right, padding 1).

use crate::pprof::format;
use crate::pprof::tags::TagKey;
use crate::tr;

/// The table for a sample type of unit `unit`, with shares of `total`.
pub fn tags(keys: &[TagKey], total: i64, unit: &str) -> String {
    if keys.is_empty() {
        return format!("{}\n", tr!("inspect-tags-none"));
    }
    let value = |v: i64| format::value(v, unit);
    let mut text = String::new();
    for key in keys {
        let head = if total > 0 {
            tr!(
                "inspect-tags-key",
                amount = value(key.amount),
                total = value(total),
                share = format::percentage(key.amount, total)
            )
        } else {
            tr!(
                "inspect-tags-key-no-total",
                amount = value(key.amount),
                total = value(total)
            )
        };
        text.push_str(&format!("{}:\t {head}\n", key.key));
        for v in &key.values {
            if total > 0 {
                text.push_str(&format!(
                    " \t{} ({}):\t {}\n",
                    value(v.amount),
                    format::percentage(v.amount, total),
                    v.value
                ));
            } else {
                text.push_str(&format!(" \t{}:\t {}\n", value(v.amount), v.value));
            }
        }
        text.push('\n');
    }
    align_right(&text)
}

/// `text` through Go's `tabwriter.NewWriter(w, 0, 0, 1, ' ', AlignRight)`:
/// each tab-terminated cell padded on the left to the widest cell of its
/// column block (consecutive lines that have that cell) plus one.
fn align_right(text: &str) -> String {
    let mut lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
    // The part after the last newline is not a line of its own.
    if lines
        .last()
        .is_some_and(|l| l.len() == 1 && l[0].is_empty())
    {
        lines.pop();
    }
    let mut out = String::new();
    format_block(&lines, &mut Vec::new(), 0, lines.len(), &mut out);
    out
}

fn format_block(
    lines: &[Vec<&str>],
    widths: &mut Vec<usize>,
    mut line0: usize,
    line1: usize,
    out: &mut String,
) {
    let column = widths.len();
    let mut this = line0;
    while this < line1 {
        if column + 1 >= lines[this].len() {
            this += 1;
            continue;
        }
        write_lines(lines, widths, line0, this, out);
        line0 = this;
        let mut width = 0;
        while this < line1 && column + 1 < lines[this].len() {
            width = width.max(lines[this][column].chars().count() + 1);
            this += 1;
        }
        widths.push(width);
        format_block(lines, widths, line0, this, out);
        widths.pop();
        line0 = this;
    }
    write_lines(lines, widths, line0, line1, out);
}

fn write_lines(lines: &[Vec<&str>], widths: &[usize], from: usize, to: usize, out: &mut String) {
    for line in &lines[from..to] {
        for (j, cell) in line.iter().enumerate() {
            if j < widths.len() {
                let pad = widths[j].saturating_sub(cell.chars().count());
                out.extend(std::iter::repeat_n(' ', pad));
            }
            out.push_str(cell);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_align_right_per_column_block() {
        let text =
            "bytes:\t Total\n \t1MB (63.73%):\t 1MB\n \t49.98kB ( 3.11%):\t 112B\n\nab:\t x\n";
        assert_eq!(
            align_right(text),
            " bytes: Total\n            1MB (63.73%): 1MB\n        49.98kB ( 3.11%): 112B\n\n ab: x\n"
        );
    }
}
