//! SVG flame graphs of a profile's sample type, drawn by `inferno`.

use regex::Regex;

use crate::pprof::Profile;
use crate::tr;

/// An SVG flame graph of one sample type.
pub fn flamegraph(
    profile: &Profile,
    index: usize,
    focus: Option<&Regex>,
) -> Result<Vec<u8>, String> {
    let sample_type = &profile.sample_types[index];
    let what = described(&sample_type.name);
    let stacks = folded(profile, index, focus, &what);
    let total: i64 = stacks.values().sum();
    let lines: Vec<String> = stacks
        .into_iter()
        .map(|(stack, value)| format!("{stack} {value}"))
        .collect();
    let mut options = inferno::flamegraph::Options::default();
    options.title = tr!(
        "flamegraph-title",
        what = what.as_str(),
        kind = profile.kind().name()
    );
    let (factor, name) = tooltip_unit(&sample_type.name, &sample_type.unit, total);
    options.factor = factor;
    options.count_name = name;
    let mut svg = Vec::new();
    inferno::flamegraph::from_lines(&mut options, lines.iter().map(String::as_str), &mut svg)
        .map_err(|e| e.to_string())?;
    Ok(svg)
}

/// A differential flame graph: the profile's stacks drawn at their widths,
/// coloured by how much each grew (red) or shrank (blue) since the base, from
/// inferno's two-column folded lines (`stack base current`).
pub fn differential(
    profile: &Profile,
    index: usize,
    base: &Profile,
    base_index: usize,
    normalize: bool,
) -> Result<Vec<u8>, String> {
    let sample_type = &profile.sample_types[index];
    let what = described(&sample_type.name);
    let now = folded(profile, index, None, &what);
    let mut before = folded(base, base_index, None, &what);
    if normalize {
        // The base at the profile's scale: widths stay the profile's own
        // values, colours show the change of share.
        let (mine, theirs): (i64, i64) = (now.values().sum(), before.values().sum());
        if theirs != 0 {
            let scale = mine as f64 / theirs as f64;
            for value in before.values_mut() {
                *value = (*value as f64 * scale).round() as i64;
            }
        }
    }
    let total: i64 = now.values().sum();
    let mut stacks: Vec<(&String, i64, i64)> = now
        .iter()
        .map(|(stack, &value)| (stack, before.get(stack).copied().unwrap_or(0), value))
        .collect();
    stacks.extend(
        before
            .iter()
            .filter(|(stack, _)| !now.contains_key(*stack))
            .map(|(stack, &value)| (stack, value, 0)),
    );
    stacks.sort();
    // Counted in the tooltips' unit here rather than by inferno's `factor`,
    // which its differential percentages would count twice.
    let (factor, name) = tooltip_unit(&sample_type.name, &sample_type.unit, total);
    let scaled = |v: i64| (v as f64 * factor).round() as i64;
    let lines: Vec<String> = stacks
        .into_iter()
        .map(|(stack, before, now)| (stack, scaled(before), scaled(now)))
        .filter(|&(_, before, now)| before > 0 || now > 0)
        .map(|(stack, before, now)| format!("{stack} {before} {now}"))
        .collect();
    let mut options = inferno::flamegraph::Options::default();
    options.title = tr!(
        "flamegraph-diff-title",
        what = what.as_str(),
        kind = profile.kind().name()
    );
    options.count_name = name;
    let mut svg = Vec::new();
    inferno::flamegraph::from_lines(&mut options, lines.iter().map(String::as_str), &mut svg)
        .map_err(|e| e.to_string())?;
    Ok(svg)
}

/// Every stack of positive value as folded text (`root;main;f`), outermost
/// first under a root frame named for `what`, with its value.
fn folded(
    profile: &Profile,
    index: usize,
    focus: Option<&Regex>,
    what: &str,
) -> rustc_hash::FxHashMap<String, i64> {
    let mut stacks: rustc_hash::FxHashMap<String, i64> = rustc_hash::FxHashMap::default();
    let matches: Vec<bool> = profile
        .functions
        .iter()
        .map(|f| focus.is_none_or(|r| r.is_match(f)))
        .collect();
    // inferno draws the root without a name; this first frame gives it one.
    let root = tr!("flamegraph-root", what = what).replace(';', ",");
    for sample in &profile.samples {
        let value = sample.values[index];
        if value <= 0 || (focus.is_some() && !sample.frames.iter().any(|&f| matches[f as usize])) {
            continue;
        }
        let names: Vec<&str> = std::iter::once(root.as_str())
            .chain(
                sample
                    .frames
                    .iter()
                    .rev()
                    .map(|&f| profile.functions[f as usize].as_str()),
            )
            .collect();
        let key = names.join(";");
        *stacks.entry(key).or_default() += value;
    }
    stacks
}

/// What a sample type measures, in words (`cpu` is CPU time).
fn described(name: &str) -> String {
    let key = match name {
        "cpu" => "flamegraph-cpu",
        "samples" => "flamegraph-samples",
        "alloc_space" => "flamegraph-alloc-space",
        "alloc_objects" => "flamegraph-alloc-objects",
        "inuse_space" => "flamegraph-inuse-space",
        "inuse_objects" => "flamegraph-inuse-objects",
        "contentions" => "flamegraph-contentions",
        "delay" => "flamegraph-delay",
        "goroutine" | "goroutines" => "flamegraph-goroutines",
        "goroutineleak" => "flamegraph-goroutines-leaked",
        other => return other.to_owned(),
    };
    crate::i18n::message(key, None)
}

/// The unit the tooltips count in, and the factor from the profile's: the
/// largest in which the whole graph is at least a hundred, as people read
/// times and sizes (a CPU profile's 10 ms samples read exactly in ms); counts
/// are named by their type (`samples`, `goroutines`).
fn tooltip_unit(name: &str, unit: &str, total: i64) -> (f64, String) {
    let scale: &[(f64, &str)] = match unit {
        "nanoseconds" => &[(1e9, "s"), (1e6, "ms"), (1e3, "µs"), (1.0, "ns")],
        "bytes" => &[
            (1_073_741_824.0, "GiB"),
            (1_048_576.0, "MiB"),
            (1024.0, "KiB"),
            (1.0, "B"),
        ],
        "count" => return (1.0, name.to_owned()),
        other => return (1.0, other.to_owned()),
    };
    let (divisor, shown) = scale
        .iter()
        .find(|(divisor, _)| total as f64 / divisor >= 100.0)
        .unwrap_or(&scale[scale.len() - 1]);
    (1.0 / divisor, (*shown).to_owned())
}

#[cfg(test)]
mod tests {
    use super::tooltip_unit;

    #[test]
    fn tooltips_count_in_units_people_read() {
        assert_eq!(
            tooltip_unit("cpu", "nanoseconds", 1_100_000_000),
            (1e-6, "ms".into())
        );
        assert_eq!(tooltip_unit("cpu", "nanoseconds", 40_000_000_000).1, "ms");
        assert_eq!(tooltip_unit("cpu", "nanoseconds", 4_000_000_000_000).1, "s");
        assert_eq!(tooltip_unit("cpu", "nanoseconds", 900).1, "ns");
        assert_eq!(tooltip_unit("alloc_space", "bytes", 50 << 20).1, "KiB");
        assert_eq!(
            tooltip_unit("samples", "count", 150),
            (1.0, "samples".into())
        );
    }
}
