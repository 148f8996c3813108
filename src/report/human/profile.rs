//! The text of `workshop inspect <profile>`: a `pprof -top`-like table of one
//! sample type, by flat or cumulative value, optionally focused on functions.

use std::fmt::Write;
use std::path::Path;

use console::style;
use regex::Regex;

use crate::pprof::{FunctionTotal, Kind, Profile};
use crate::tr;
use crate::units::{amount, nanos, percent};

/// What to show of a profile.
#[derive(Debug, Clone, Copy)]
pub struct ProfileView<'a> {
    pub index: usize,
    /// 0 for every function.
    pub top: usize,
    pub cum: bool,
    pub focus: Option<&'a Regex>,
    /// The label filters that left samples out (`--tagfocus`, `--tagignore`), as written.
    pub tag_filters: Option<&'a str>,
}

/// The text of `workshop inspect <profile>`.
pub fn profile(path: &Path, profile: &Profile, view: &ProfileView<'_>) -> String {
    let mut out = String::new();
    let sample_type = &profile.sample_types[view.index];
    let total = profile.pprof_total(view.index);
    let kind = profile.kind().name();
    let what = if profile.duration_nanos > 0 {
        tr!(
            "profile-header-long",
            kind = kind,
            time = nanos(profile.duration_nanos)
        )
    } else {
        tr!("profile-header", kind = kind)
    };
    let header = format!("{}: {what}", style(crate::display::path(path)).bold());
    // Counted as pprof counts them: the total of the `samples` (or
    // `goroutine`) type, where one record stands for every sample that hit
    // its stack; a profile without either (heap, block) has one record per
    // distinct stack.
    let count = |name: &str| profile.sample_types.iter().position(|t| t.name == name);
    let goroutines = count("goroutine").or_else(|| count("goroutineleak"));
    let counted = match (count("samples"), goroutines) {
        (Some(index), _) => tr!("profile-samples", count = profile.total(index)),
        (None, Some(index)) => tr!("goroutine-count", count = profile.total(index)),
        (None, None) => tr!("profile-stacks", count = profile.samples.len()),
    };
    let _ = writeln!(
        out,
        "{}",
        tr!("profile-counted", header = header, counted = counted)
    );
    let types: Vec<String> = profile
        .sample_types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = format!("{}/{}", t.name, t.unit);
            if i == view.index {
                style(text).bold().to_string()
            } else {
                text
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "{}",
        tr!("profile-sample-types", types = crate::i18n::list(&types))
    );
    if let Some(filters) = view.tag_filters {
        let kept = profile.total(view.index);
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "profile-total-tag-filtered",
                total = amount(total, &sample_type.unit),
                name = &sample_type.name,
                kept = amount(kept, &sample_type.unit),
                percent = percent(kept, total),
                filters = filters
            )
        );
    }
    let focused = profile.focused_total(view.index, view.focus);
    match view.focus {
        Some(focus) => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "profile-total-focused",
                    total = amount(total, &sample_type.unit),
                    name = &sample_type.name,
                    focused = amount(focused, &sample_type.unit),
                    percent = percent(focused, total),
                    focus = focus.as_str()
                )
            );
        }
        None if view.tag_filters.is_some() => {}
        None => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "profile-total",
                    total = amount(total, &sample_type.unit),
                    name = &sample_type.name
                )
            );
        }
    }
    let functions = ordered(profile, view);
    let shown = if view.top == 0 {
        functions.len()
    } else {
        view.top.min(functions.len())
    };
    let _ = writeln!(
        out,
        "\n{}",
        style(format!(
            "{:>12} {:>7} {:>7} {:>12} {:>7}  function",
            "flat", "flat%", "sum%", "cum", "cum%"
        ))
        .bold()
    );
    let mut sum = 0;
    for f in &functions[..shown] {
        sum += f.flat;
        let _ = writeln!(
            out,
            "{:>12} {:>7} {:>7} {:>12} {:>7}  {}",
            amount(f.flat, &sample_type.unit),
            percent(f.flat, total),
            percent(sum, total),
            amount(f.cum, &sample_type.unit),
            percent(f.cum, total),
            f.name
        );
    }
    if shown < functions.len() {
        let _ = writeln!(
            out,
            "{}",
            style(tr!("profile-more", count = functions.len() - shown)).dim()
        );
    }
    if profile.kind() == Kind::Cpu && profile.sample_count(view.index) < 50 {
        let _ = writeln!(
            out,
            "{}",
            style(format!(
                "{} {}",
                tr!("label-note"),
                tr!("profile-few-samples")
            ))
            .yellow()
        );
    }
    out
}

/// The functions of the view, by flat value or, with `--cum`, by cumulative.
pub fn ordered(profile: &Profile, view: &ProfileView<'_>) -> Vec<FunctionTotal> {
    let mut functions = profile.functions(view.index, view.focus);
    if view.cum {
        functions.sort_by(|a, b| {
            b.cum
                .abs()
                .cmp(&a.cum.abs())
                .then_with(|| a.name.cmp(&b.name))
        });
    }
    functions
}
