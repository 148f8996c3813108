//! Units as pprof converts them for numeric labels (its `measurement`
//! package): memory, time and GCU units by their names and aliases, a value
//! scaled from one unit to another or to the largest unit it has at least
//! one of (`minimum`), and written with two decimals without `.00`.

/// A unit: its canonical name, the names it is known by, its size in the base unit.
struct Unit {
    name: &'static str,
    aliases: &'static [&'static str],
    factor: f64,
}

/// Units of one kind, and the one used when no other fits.
struct UnitType {
    units: &'static [Unit],
    default: (&'static str, f64),
}

const fn unit(name: &'static str, aliases: &'static [&'static str], factor: f64) -> Unit {
    Unit {
        name,
        aliases,
        factor,
    }
}

const TYPES: [UnitType; 3] = [
    UnitType {
        units: &[
            unit("B", &["b", "byte"], 1.0),
            unit("kB", &["kb", "kbyte", "kilobyte"], 1024.0),
            unit("MB", &["mb", "mbyte", "megabyte"], 1_048_576.0),
            unit("GB", &["gb", "gbyte", "gigabyte"], 1_073_741_824.0),
            unit("TB", &["tb", "tbyte", "terabyte"], 1_099_511_627_776.0),
            unit("PB", &["pb", "pbyte", "petabyte"], 1_125_899_906_842_624.0),
        ],
        default: ("B", 1.0),
    },
    UnitType {
        units: &[
            unit("ns", &["ns", "nanosecond"], 1.0),
            unit("us", &["μs", "us", "microsecond"], 1e3),
            unit("ms", &["ms", "millisecond"], 1e6),
            unit("s", &["s", "sec", "second"], 1e9),
            unit("hrs", &["hour", "hr"], 3.6e12),
        ],
        default: ("s", 1e9),
    },
    UnitType {
        units: &[
            unit("n*GCU", &["nanogcu"], 1e-9),
            unit("u*GCU", &["microgcu"], 1e-6),
            unit("m*GCU", &["milligcu"], 1e-3),
            unit("GCU", &["gcu"], 1.0),
            unit("k*GCU", &["kilogcu"], 1e3),
            unit("M*GCU", &["megagcu"], 1e6),
            unit("G*GCU", &["gigagcu"], 1e9),
            unit("T*GCU", &["teragcu"], 1e12),
            unit("P*GCU", &["petagcu"], 1e15),
        ],
        default: ("GCU", 1.0),
    },
];

impl UnitType {
    /// The unit a name stands for: lower case, a plural `s` dropped from
    /// names longer than two bytes (so `μs`, three bytes, is not known).
    fn sniff(&self, name: &str) -> Option<&Unit> {
        let lower = name.to_lowercase();
        let name = if lower.len() > 2 {
            lower.strip_suffix('s').unwrap_or(&lower)
        } else {
            &lower
        };
        self.units.iter().find(|u| u.aliases.contains(&name))
    }

    fn convert(&self, value: i64, from: &str, to: &str) -> Option<(f64, String)> {
        let from = self.sniff(from)?;
        let v = value as f64 * from.factor;
        if to == "minimum" || to == "auto" {
            let mut chosen: Option<&Unit> = None;
            for u in self.units {
                if u.factor >= chosen.map_or(0.0, |c| c.factor) && v / u.factor >= 1.0 {
                    chosen = Some(u);
                }
            }
            return Some(match chosen {
                Some(u) => (v / u.factor, u.name.to_owned()),
                None => (v / self.default.1, self.default.0.to_owned()),
            });
        }
        Some(match self.sniff(to) {
            Some(u) => (v / u.factor, u.name.to_owned()),
            None => (v / self.default.1, self.default.0.to_owned()),
        })
    }
}

/// `value` in unit `from` expressed in unit `to` (or `minimum`), and the
/// unit's name: a unit pprof does not know keeps the value as it is.
pub fn scale(value: i64, from: &str, to: &str) -> (f64, String) {
    if value < 0 && value != i64::MIN {
        let (v, u) = scale(-value, from, to);
        return (-v, u);
    }
    for t in &TYPES {
        if let Some(found) = t.convert(value, from, to) {
            return found;
        }
    }
    match to {
        "count" | "sample" | "unit" | "minimum" | "auto" => (value as f64, String::new()),
        _ => (value as f64, to.to_owned()),
    }
}

/// A numeric label's value as pprof writes it: `1MB`, `1.12kB`, `37`.
pub fn label(value: i64, unit: &str) -> String {
    let (v, u) = scale(value, unit, "minimum");
    let text = format!("{v:.2}");
    let text = text.strip_suffix(".00").unwrap_or(&text);
    if text == "0" || text == "-0" {
        return "0".to_owned();
    }
    format!("{text}{u}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_as_pprof() {
        assert_eq!(label(1152, "bytes"), "1.12kB");
        assert_eq!(label(1 << 20, "bytes"), "1MB");
        assert_eq!(label(37, "count"), "37");
        assert_eq!(label(37, "shard"), "37");
        assert_eq!(label(0, "bytes"), "0");
        assert_eq!(label(90, "minutes"), "90");
        assert_eq!(label(1500, "ms"), "1.50s");
        assert_eq!(scale(32, "kb", "kb"), (32.0, "kB".to_owned()));
        assert_eq!(scale(32 * 1024, "bytes", "kB"), (32.0, "kB".to_owned()));
        assert_eq!(scale(5, "", ""), (5.0, String::new()));
        assert_eq!(scale(5, "bytes", ""), (5.0, "B".to_owned()));
        assert_eq!(scale(5, "widgets", "widgets"), (5.0, "widgets".to_owned()));
    }
}
