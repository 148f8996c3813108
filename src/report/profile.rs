//! Rendering of pprof profiles: a `pprof -top`-like table, its JSON, and an SVG
//! flame graph.

use std::fmt::Write;
use std::path::Path;

use console::style;
use regex::Regex;
use serde_json::{Value, json};

use super::human::{bytes, nanos};
use crate::pprof::{Kind, Profile};

/// What to show of a profile.
pub struct View<'a> {
    pub index: usize,
    /// 0 for every function.
    pub top: usize,
    pub cum: bool,
    pub focus: Option<&'a Regex>,
}

/// A value in its unit: `120ms`, `4.2 MiB`, `37`.
pub fn value(amount: i64, unit: &str) -> String {
    match unit {
        "nanoseconds" => nanos(amount),
        "bytes" => {
            let text = bytes(amount.unsigned_abs());
            if amount < 0 { format!("-{text}") } else { text }
        }
        _ => amount.to_string(),
    }
}

fn percent(part: i64, whole: i64) -> String {
    if whole == 0 {
        "0.00%".to_owned()
    } else {
        format!("{:.2}%", part as f64 * 100.0 / whole as f64)
    }
}

/// The text of `workshop inspect <profile>`.
pub fn human(path: &Path, profile: &Profile, view: &View<'_>) -> String {
    let mut out = String::new();
    let sample_type = &profile.sample_types[view.index];
    let total = profile.total(view.index);
    let mut header = format!(
        "{}: {} profile",
        style(crate::paths::display(path)).bold(),
        profile.kind().name()
    );
    if profile.duration_nanos > 0 {
        header.push_str(&format!(", {} long", nanos(profile.duration_nanos)));
    }
    let _ = writeln!(out, "{header}, {} samples", profile.samples.len());
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
    let _ = writeln!(out, "sample types: {}", types.join(", "));
    let focused = profile.focused_total(view.index, view.focus);
    match view.focus {
        Some(focus) => {
            let _ = writeln!(
                out,
                "total {} {}; {} ({}) in samples through /{focus}/",
                value(total, &sample_type.unit),
                sample_type.name,
                value(focused, &sample_type.unit),
                percent(focused, total)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "total {} {}",
                value(total, &sample_type.unit),
                sample_type.name
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
            value(f.flat, &sample_type.unit),
            percent(f.flat, total),
            percent(sum, total),
            value(f.cum, &sample_type.unit),
            percent(f.cum, total),
            f.name
        );
    }
    if shown < functions.len() {
        let _ = writeln!(
            out,
            "{}",
            style(format!(
                "({} more functions; --top 0 shows all)",
                functions.len() - shown
            ))
            .dim()
        );
    }
    if profile.kind() == Kind::Cpu && profile.sample_count(view.index) < 50 {
        let _ = writeln!(
            out,
            "{}",
            style("note: fewer than 50 samples; at 100 Hz a CPU profile needs about a second of work to say much").yellow()
        );
    }
    out
}

/// The functions of the view, by flat value or, with `--cum`, by cumulative.
fn ordered(profile: &Profile, view: &View<'_>) -> Vec<crate::pprof::FunctionTotal> {
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

/// The JSON document of `workshop inspect <profile> --json`.
pub fn json(profile: &Profile, view: &View<'_>) -> Value {
    let sample_type = &profile.sample_types[view.index];
    let mut functions = ordered(profile, view);
    if view.top > 0 {
        functions.truncate(view.top);
    }
    json!({
        "version": super::json::VERSION,
        "kind": profile.kind(),
        "sample_types": profile.sample_types,
        "sample_type": sample_type.name,
        "unit": sample_type.unit,
        "total": profile.total(view.index),
        "focused_total": view.focus.map(|f| profile.focused_total(view.index, Some(f))),
        "samples": profile.samples.len(),
        "duration_nanos": profile.duration_nanos,
        "functions": functions,
    })
}

/// An SVG flame graph of one sample type.
pub fn flamegraph(
    profile: &Profile,
    index: usize,
    focus: Option<&Regex>,
) -> Result<Vec<u8>, String> {
    let mut stacks: rustc_hash::FxHashMap<String, i64> = rustc_hash::FxHashMap::default();
    let matches: Vec<bool> = profile
        .functions
        .iter()
        .map(|f| focus.is_none_or(|r| r.is_match(f)))
        .collect();
    for sample in &profile.samples {
        let value = sample.values[index];
        if value <= 0 || (focus.is_some() && !sample.frames.iter().any(|&f| matches[f as usize])) {
            continue;
        }
        let names: Vec<&str> = sample
            .frames
            .iter()
            .rev()
            .map(|&f| profile.functions[f as usize].as_str())
            .collect();
        let key = names.join(";").replace(' ', "_");
        *stacks.entry(key).or_default() += value;
    }
    let lines: Vec<String> = stacks
        .into_iter()
        .map(|(stack, value)| format!("{stack} {value}"))
        .collect();
    let sample_type = &profile.sample_types[index];
    let mut options = inferno::flamegraph::Options::default();
    options.title = format!("{} profile: {}", profile.kind().name(), sample_type.name);
    options.count_name = sample_type.unit.clone();
    let mut svg = Vec::new();
    inferno::flamegraph::from_lines(&mut options, lines.iter().map(String::as_str), &mut svg)
        .map_err(|e| e.to_string())?;
    Ok(svg)
}
