//! The text of `workshop inspect PROFILE --base BASE`: what changed per
//! function, as `go tool pprof -top -diff_base=BASE PROFILE` shows it, values
//! and percentages written as pprof writes them.

use std::fmt::Write;
use std::path::Path;

use console::style;

use crate::pprof::Profile;
use crate::pprof::diff::Diff;
use crate::pprof::format::{percentage, value};
use crate::tr;

/// What the difference of two profiles is shown of.
#[derive(Debug, Clone, Copy)]
pub struct DiffView<'a> {
    pub base_path: &'a Path,
    pub index: usize,
    /// 0 for every function.
    pub top: usize,
}

/// The text of `workshop inspect PROFILE --base BASE`.
pub fn profile_diff(path: &Path, profile: &Profile, diff: &Diff, view: &DiffView<'_>) -> String {
    let mut out = String::new();
    let sample_type = &profile.sample_types[view.index];
    let unit = sample_type.unit.as_str();
    let header = format!(
        "{}: {}",
        style(crate::display::path(path)).bold(),
        tr!("profile-header", kind = profile.kind().name())
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "profile-diff-header",
            header = header,
            base = crate::display::path(view.base_path)
        )
    );
    let change = diff.current - diff.base;
    let change = if change > 0 {
        format!("+{}", value(change, unit))
    } else {
        value(change, unit)
    };
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "profile-diff-totals",
            current = value(diff.current, unit),
            name = &sample_type.name,
            base = value(diff.base, unit),
            change = change
        )
    );
    if let Some(scale) = diff.scale {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "profile-diff-normalized",
                scale = crate::units::number(scale)
            )
        );
    }
    let shown = if view.top == 0 {
        diff.functions.len()
    } else {
        view.top.min(diff.functions.len())
    };
    let functions = &diff.functions[..shown];
    if diff.functions.is_empty() {
        let _ = writeln!(out, "{}", tr!("profile-diff-none"));
        return out;
    }
    let shown_total: i64 = functions.iter().map(|f| f.flat).sum();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "profile-diff-shown",
            shown = value(shown_total, unit),
            percent = percentage(shown_total, diff.total).trim().to_owned(),
            total = value(diff.total, unit)
        )
    );
    let _ = writeln!(
        out,
        "\n{}",
        style(format!(
            "{:>10} {:>6} {:>6} {:>10} {:>6}  function",
            "flat", "flat%", "sum%", "cum", "cum%"
        ))
        .bold()
    );
    let mut sum = 0;
    for f in functions {
        sum += f.flat;
        let _ = writeln!(
            out,
            "{:>10} {:>6} {:>6} {:>10} {:>6}  {}",
            value(f.flat, unit),
            percentage(f.flat, diff.total),
            percentage(sum, diff.total),
            value(f.cum, unit),
            percentage(f.cum, diff.total),
            f.name
        );
    }
    if shown < diff.functions.len() {
        let _ = writeln!(
            out,
            "{}",
            style(tr!("profile-more", count = diff.functions.len() - shown)).dim()
        );
    }
    out
}
