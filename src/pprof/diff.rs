//! One profile against another, as `go tool pprof -diff_base=BASE PROFILE`
//! shows it: the base's samples count negated, so a function's flat and cum
//! are what it gained (positive) or lost (negative). Functions are matched by
//! name across the two profiles; percentages are of the base's total, the
//! sum of the absolute values of its samples (of both profiles' when the base
//! has none), as pprof computes it. With `normalize` (pprof's `-normalize`)
//! the profile's values are first scaled so that they sum to the base's, each
//! rounded, so that two runs of different lengths compare by share.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{FunctionTotal, Profile};

/// The difference of one sample type between a profile and its base.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// What percentages are of, as pprof takes it.
    pub total: i64,
    /// The sum of the profile's values, and of the base's.
    pub current: i64,
    pub base: i64,
    /// The factor the profile's values were scaled by to the base's sum
    /// (`normalize`), if they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<f64>,
    /// Every function whose flat or cum changed, largest change of flat first
    /// (by absolute value, then by name), as `pprof -top` orders them.
    pub functions: Vec<FunctionTotal>,
}

/// `current` (sample type `ci`) less `base` (sample type `bi`), per function;
/// `current` first scaled to the base's sum when `normalize`.
pub fn diff(current: &Profile, ci: usize, base: &Profile, bi: usize, normalize: bool) -> Diff {
    let scale = normalize.then(|| {
        let sum = |p: &Profile, at: usize| p.samples.iter().map(|s| s.values[at]).sum::<i64>();
        match sum(current, ci) {
            0 => 0.0,
            mine => sum(base, bi) as f64 / mine as f64,
        }
    });
    let mut names: Vec<&str> = Vec::new();
    let mut index: FxHashMap<&str, u32> = FxHashMap::default();
    let mut maps: [Vec<u32>; 2] = [Vec::new(), Vec::new()];
    for (map, profile) in maps.iter_mut().zip([current, base]) {
        for name in &profile.functions {
            let next = names.len() as u32;
            let i = *index.entry(name).or_insert(next);
            if i == next {
                names.push(name);
            }
            map.push(i);
        }
    }
    let mut flat = vec![0i64; names.len()];
    let mut cum = vec![0i64; names.len()];
    let mut seen = vec![u32::MAX; names.len()];
    let mut counter = 0u32;
    let mut abs_total = [0i64; 2];
    let mut sums = [0i64; 2];
    for (side, (profile, at, sign)) in [(current, ci, 1i64), (base, bi, -1i64)]
        .into_iter()
        .enumerate()
    {
        let map = &maps[side];
        for sample in &profile.samples {
            let value = match scale {
                Some(scale) if side == 0 => (sample.values[at] as f64 * scale).round() as i64,
                _ => sample.values[at],
            };
            if value == 0 {
                continue;
            }
            abs_total[side] += value.abs();
            sums[side] += value;
            let value = value * sign;
            counter = counter.wrapping_add(1);
            if let Some(&leaf) = sample.frames.first() {
                flat[map[leaf as usize] as usize] += value;
            }
            for &frame in sample.frames {
                let f = map[frame as usize] as usize;
                // Once per sample: a recursive function is not counted twice.
                if seen[f] != counter {
                    seen[f] = counter;
                    cum[f] += value;
                }
            }
        }
    }
    let mut functions: Vec<FunctionTotal> = (0..names.len())
        .filter(|&i| flat[i] != 0 || cum[i] != 0)
        .map(|i| FunctionTotal {
            name: names[i].to_owned(),
            flat: flat[i],
            cum: cum[i],
        })
        .collect();
    functions.sort_by(|a, b| {
        b.flat
            .abs()
            .cmp(&a.flat.abs())
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| b.cum.abs().cmp(&a.cum.abs()))
    });
    if current.unfiltered.is_some() || base.unfiltered.is_some() {
        // Label filters left samples out: pprof's total is taken before.
        abs_total = [current.pprof_total(ci), base.pprof_total(bi)];
    }
    let total = if abs_total[1] > 0 {
        abs_total[1]
    } else {
        abs_total[0]
    };
    Diff {
        total,
        current: sums[0],
        base: sums[1],
        scale,
        functions,
    }
}

impl Diff {
    /// Orders the functions by the absolute change of cum, then name, then
    /// the absolute change of flat, as `pprof -top -cum` does.
    pub fn sort_by_cum(&mut self) {
        self.functions.sort_by(|a, b| {
            b.cum
                .abs()
                .cmp(&a.cum.abs())
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| b.flat.abs().cmp(&a.flat.abs()))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(samples: &[(&[&str], i64)]) -> Profile {
        crate::pprof::testing::cpu_profile(samples)
    }

    #[test]
    fn the_base_counts_negated_and_functions_match_by_name() {
        let base = profile(&[(&["slow", "main"], 30), (&["fast", "main"], 10)]);
        let new = profile(&[(&["fast", "main"], 15), (&["other", "main"], 5)]);
        let d = diff(&new, 0, &base, 0, false);
        let rows: Vec<(&str, i64, i64)> = d
            .functions
            .iter()
            .map(|f| (f.name.as_str(), f.flat, f.cum))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("slow", -30, -30),
                ("fast", 5, 5),
                ("other", 5, 5),
                ("main", 0, -20)
            ]
        );
        assert_eq!((d.total, d.current, d.base), (40, 20, 40));
    }

    #[test]
    fn normalized_the_profile_counts_at_the_bases_scale() {
        // Twice as long a run with the same shares: no change once normalized.
        let base = profile(&[(&["a", "main"], 30), (&["b", "main"], 10)]);
        let twice = profile(&[(&["a", "main"], 60), (&["b", "main"], 20)]);
        assert!(!diff(&twice, 0, &base, 0, false).functions.is_empty());
        let d = diff(&twice, 0, &base, 0, true);
        assert_eq!(d.scale, Some(0.5));
        assert!(d.functions.is_empty(), "{:?}", d.functions);
        assert_eq!(d.current, 40);
        // By cum: main's change comes first.
        let grown = profile(&[(&["a", "main"], 30), (&["b", "main"], 10), (&["c", "x"], 4)]);
        let mut d = diff(&grown, 0, &base, 0, false);
        assert_eq!(d.functions[0].name, "c");
        d.sort_by_cum();
        let names: Vec<&str> = d.functions.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["c", "x"]);
    }

    #[test]
    fn what_cancels_out_is_not_shown() {
        let p = profile(&[(&["a", "main"], 7)]);
        assert!(diff(&p, 0, &p, 0, false).functions.is_empty());
    }
}
