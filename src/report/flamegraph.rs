//! SVG flame graphs of a profile's sample type, drawn by `inferno`.

use regex::Regex;

use crate::pprof::Profile;

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
