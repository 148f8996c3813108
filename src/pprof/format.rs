//! Values and percentages written as `go tool pprof` writes them in its
//! reports (`-top`, `-list`): a value scaled to the largest unit it has at
//! least one of, two decimals without `.00` (`1.20s`, `10ms`, `512kB`, `37`),
//! and a percentage of at least two digits, of the absolute ratio.

/// The units of one kind, smallest first, with their size in the base unit.
const MEMORY: &[(&str, f64)] = &[
    ("B", 1.0),
    ("kB", 1024.0),
    ("MB", 1_048_576.0),
    ("GB", 1_073_741_824.0),
    ("TB", 1_099_511_627_776.0),
    ("PB", 1_125_899_906_842_624.0),
];
const TIME: &[(&str, f64)] = &[
    ("ns", 1.0),
    ("us", 1e3),
    ("ms", 1e6),
    ("s", 1e9),
    ("hrs", 3.6e12),
];

/// A value of a sample type's unit (`nanoseconds`, `bytes`, `count`...) as pprof writes it.
pub fn value(v: i64, unit: &str) -> String {
    let (scaled, name) = scale(v, unit);
    let text = format!("{scaled:.2}");
    let text = text.strip_suffix(".00").unwrap_or(&text);
    if text == "0" || text == "-0" {
        return "0".to_owned();
    }
    format!("{text}{name}")
}

/// The value in the unit pprof picks for it, and that unit's name.
fn scale(v: i64, unit: &str) -> (f64, &'static str) {
    if v < 0 && v != i64::MIN {
        let (scaled, name) = scale(-v, unit);
        return (-scaled, name);
    }
    let lower = unit.to_lowercase();
    let sniffed = if lower.len() > 2 {
        lower.strip_suffix('s').unwrap_or(&lower)
    } else {
        &lower
    };
    let (units, factor, default) = match sniffed {
        "b" | "byte" => (MEMORY, 1.0, 0),
        "kb" | "kbyte" | "kilobyte" => (MEMORY, 1024.0, 0),
        "mb" | "mbyte" | "megabyte" => (MEMORY, 1_048_576.0, 0),
        "ns" | "nanosecond" => (TIME, 1.0, 3),
        "us" | "μs" | "microsecond" => (TIME, 1e3, 3),
        "ms" | "millisecond" => (TIME, 1e6, 3),
        "s" | "sec" | "second" => (TIME, 1e9, 3),
        _ => return (v as f64, ""),
    };
    let base = v as f64 * factor;
    let mut chosen: Option<(&str, f64)> = None;
    for &(name, size) in units {
        if size >= chosen.map_or(0.0, |c| c.1) && base / size >= 1.0 {
            chosen = Some((name, size));
        }
    }
    let (name, size) = chosen.unwrap_or(units[default]);
    (base / size, name)
}

/// `value` as a percentage of `total` the way pprof writes it: `  100%`,
/// `12.34%`, ` 0.05%`.
pub fn percentage(value: i64, total: i64) -> String {
    let ratio = if total == 0 {
        0.0
    } else {
        (value as f64 / total as f64).abs() * 100.0
    };
    if (99.95..=100.05).contains(&ratio) {
        "  100%".to_owned()
    } else if ratio >= 1.0 {
        format!("{ratio:5.2}%")
    } else {
        format!("{:>5}%", go_g2(ratio))
    }
}

/// Go's `%.2g` of a non-negative number below 1: two significant digits,
/// trailing zeros dropped, an exponent below 1e-4.
fn go_g2(x: f64) -> String {
    if x == 0.0 {
        return "0".to_owned();
    }
    // Rounded to two significant digits first: the exponent is the rounded one's.
    let e = format!("{x:.1e}");
    let (mantissa, exponent) = e.split_once('e').expect("exponent form");
    let exponent: i32 = exponent.parse().expect("an exponent");
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    if !(-4..2).contains(&exponent) {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.abs())
    } else {
        let decimals = (1 - exponent).max(0) as usize;
        let text = format!("{x:.decimals$}");
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_scale_as_pprof_scales_them() {
        assert_eq!(value(10_000_000, "nanoseconds"), "10ms");
        assert_eq!(value(1_200_000_000, "nanoseconds"), "1.20s");
        assert_eq!(value(-30_000_000, "nanoseconds"), "-30ms");
        assert_eq!(value(0, "nanoseconds"), "0");
        assert_eq!(value(512, "bytes"), "512B");
        assert_eq!(value(1536, "bytes"), "1.50kB");
        assert_eq!(value(3 << 20, "bytes"), "3MB");
        assert_eq!(value(37, "count"), "37");
        assert_eq!(value(500, "nanoseconds"), "500ns");
    }

    #[test]
    fn percentages_have_two_digits_at_least() {
        assert_eq!(percentage(1, 1), "  100%");
        assert_eq!(percentage(-1234, 10000), "12.34%");
        assert_eq!(percentage(5, 10000), " 0.05%");
        assert_eq!(percentage(5, 1000), "  0.5%");
        assert_eq!(percentage(0, 1000), "    0%");
        assert_eq!(percentage(1, 10_000_000), "1e-05%");
        assert_eq!(percentage(12, 10_000_000), "0.00012%");
        assert_eq!(percentage(999, 100_000), "    1%");
    }
}
