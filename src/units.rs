//! Numbers, units and durations as people read them. A leaf: goals write their
//! evidence with these, reports render with them, and neither imports the other.
//!
//! One rule for digits, [`significant`]: a number shows [`DIGITS`] significant
//! digits (4), never fewer than its whole integer part (`812345`, not
//! `812300`), without trailing zeros (`8.4ms`, `2 KiB`); below 0.0001 it is
//! written in scientific notation (`3.3e-5`), so that a value that is not 0
//! never reads as 0. A value shown beside a bound it is judged against takes
//! more digits, as many as it needs to read differently from the bound
//! whenever the two differ ([`against`], [`beside`]): `2.0001 allocs/op`
//! against `≤ 2 allocs/op`, `19.5 KiB` against `19.50001 KiB`. Comparisons in
//! words (`36% faster`, `3.4× faster`) and p-values take [`WORD_DIGITS`] (2)
//! by the same rule.
//!
//! Every unit goes through it:
//! - [`number`]: a plain number; [`quantity`]: a goal's value in its unit, by
//!   [`nanos`], [`bytes`] or [`number`] (`56.25%`, `1.359×`, `1998 allocs/op`).
//! - [`nanos`]: ns, µs, ms, then s (`850ns`, `12.35µs`, `4.5ms`, `1.235s`).
//! - [`bytes`]: B, then KiB, MiB, GiB, TiB (`512 B`, `19.53 KiB`).
//! - [`duration`]: elapsed wall time as [`nanos`] does, from a minute on in
//!   minutes and seconds (`1m12s`).
//! - [`amount`]: a profile value in its sample unit: time by [`nanos`], bytes
//!   by [`bytes`].
//!
//! The one exception is [`percent`], a column of shares in the tables of
//! `workshop inspect`: two decimals, as `go tool pprof -top` prints them,
//! never beside a bound.

use std::time::Duration;

/// Significant digits of a measured value.
pub const DIGITS: usize = 4;

/// Significant digits of a comparison in words and of a p-value.
pub const WORD_DIGITS: usize = 2;

/// Enough digits to tell any two `f64` apart.
const MAX_DIGITS: usize = 17;

/// Below this a number is written in scientific notation.
const SCIENTIFIC_BELOW: f64 = 1e-4;

/// A number as shown: its text, and the value that text stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub text: String,
    pub value: f64,
}

/// `value` with `digits` significant digits, never fewer than its integer
/// part, trailing zeros dropped; in scientific notation below 0.0001.
pub fn significant(value: f64, digits: usize) -> Shown {
    let digits = digits.max(1);
    if !value.is_finite() || value == 0.0 {
        let text = if value == 0.0 {
            "0".to_owned()
        } else {
            value.to_string()
        };
        return Shown { text, value };
    }
    let text = if value.abs() < SCIENTIFIC_BELOW {
        let text = format!("{:.*e}", digits - 1, value);
        match text.split_once('e') {
            Some((mantissa, exponent)) => format!("{}e{exponent}", trimmed(mantissa)),
            None => text,
        }
    } else {
        let exponent = value.abs().log10().floor() as i64;
        let decimals = (digits as i64 - 1 - exponent).max(0) as usize;
        trimmed(&format!("{value:.decimals$}")).to_owned()
    };
    Shown {
        value: text.parse().unwrap_or(value),
        text,
    }
}

/// A decimal without the zeros that end its fraction, nor a lone point.
fn trimmed(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// The fewest digits, from `digits` up, with which `shown` (the value a
/// number stands for when shown with so many digits) tells `value` apart from
/// each of `others` that differs from it.
pub fn digits_apart(
    value: f64,
    others: &[f64],
    digits: usize,
    shown: impl Fn(f64, usize) -> f64,
) -> usize {
    (digits..=MAX_DIGITS)
        .find(|&d| {
            others
                .iter()
                .all(|&other| other == value || shown(value, d) != shown(other, d))
        })
        .unwrap_or(MAX_DIGITS)
}

/// A number as people write it: `1999`, `12.5`, `0.1235`, `3.3e-5`.
pub fn number(value: f64) -> String {
    significant(value, DIGITS).text
}

/// A measured value in its unit: `56.25%`, `8.4ms/op`, `12.5 MiB`, `1998 allocs/op`.
pub fn quantity(value: f64, unit: &str) -> String {
    render(value, unit, DIGITS).text
}

/// `value` in `unit`, with the digits it takes to read differently from each
/// of `others` it differs from (the bound it is judged against, or the values
/// judged against it).
pub fn beside(value: f64, others: &[f64], unit: &str) -> String {
    let digits = digits_apart(value, others, DIGITS, |v, d| render(v, unit, d).value);
    render(value, unit, digits).text
}

/// A value and the bound it is judged against, in their unit, each precise
/// enough to read differently from the other when they differ.
pub fn against(value: f64, bound: f64, unit: &str) -> (String, String) {
    (beside(value, &[bound], unit), beside(bound, &[value], unit))
}

/// `value` in `unit` with `digits` significant digits.
fn render(value: f64, unit: &str, digits: usize) -> Shown {
    let (base, per_op) = match unit.strip_suffix("/op") {
        Some(base) => (base, "/op"),
        None => (unit, ""),
    };
    let suffixed = |shown: Shown, suffix: &str| Shown {
        text: format!("{}{suffix}", shown.text),
        value: shown.value,
    };
    match base {
        "%" => suffixed(significant(value, digits), "%"),
        // A ratio to nothing: none of it is left.
        "×" if value >= 1e9 => Shown {
            text: "∞×".to_owned(),
            value: f64::INFINITY,
        },
        "×" => suffixed(significant(value, digits), "×"),
        "ns" | "nanoseconds" => suffixed(time(value, digits), per_op),
        "B" | "bytes" => suffixed(binary(value, digits), per_op),
        "" | "count" => suffixed(significant(value, digits), per_op),
        _ => suffixed(significant(value, digits), &format!(" {unit}")),
    }
}

/// Nanoseconds in the largest unit that keeps them at 1 or more.
fn time(ns: f64, digits: usize) -> Shown {
    let (scale, unit) = match ns.abs() {
        abs if abs < 1e3 => (1.0, "ns"),
        abs if abs < 1e6 => (1e3, "µs"),
        abs if abs < 1e9 => (1e6, "ms"),
        _ => (1e9, "s"),
    };
    let shown = significant(ns / scale, digits);
    Shown {
        text: format!("{}{unit}", shown.text),
        value: shown.value * scale,
    }
}

/// Bytes in the largest binary unit that keeps them at 1 or more.
fn binary(n: f64, digits: usize) -> Shown {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut scale = 1.0;
    let mut unit = 0;
    while n.abs() >= scale * 1024.0 && unit < UNITS.len() - 1 {
        scale *= 1024.0;
        unit += 1;
    }
    let shown = significant(n / scale, digits);
    Shown {
        text: format!("{} {}", shown.text, UNITS[unit]),
        value: shown.value * scale,
    }
}

/// A span of trace or profile time: `850ns`, `12.35µs`, `4.5ms`, `1.235s`.
pub fn nanos(ns: i64) -> String {
    time(ns as f64, DIGITS).text
}

/// Bytes with a binary unit: `512 B`, `4.2 MiB`.
pub fn bytes(n: u64) -> String {
    binary(n as f64, DIGITS).text
}

/// Elapsed wall time: `850ms`, `4.21s`, `1m12s`.
pub fn duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 60_000 {
        time(d.as_nanos() as f64, DIGITS).text
    } else {
        format!("{}m{:02}s", ms / 60_000, (ms % 60_000) / 1000)
    }
}

/// A profile value in its sample unit: `120ms`, `4.2 MiB`, `37`.
pub fn amount(value: i64, unit: &str) -> String {
    match unit {
        "nanoseconds" => nanos(value),
        "bytes" => binary(value as f64, DIGITS).text,
        _ => value.to_string(),
    }
}

/// `part` as a percentage of `whole`, two decimals as `go tool pprof -top`
/// prints its columns: `12.50%`.
pub fn percent(part: i64, whole: i64) -> String {
    if whole == 0 {
        "0.00%".to_owned()
    } else {
        format!("{:.2}%", part as f64 * 100.0 / whole as f64)
    }
}

/// Serialises a duration as seconds, to the millisecond (for `serialize_with`).
pub fn seconds<S: serde::Serializer>(
    duration: &Duration,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((duration.as_secs_f64() * 1000.0).round() / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(1999.0), "1999");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(0.12345), "0.1235");
        assert_eq!(number(812345.25), "812345");
        assert_eq!(number(-2.5), "-2.5");
        assert_eq!(number(0.0), "0");
    }

    #[test]
    fn a_value_that_is_not_zero_never_reads_as_zero() {
        assert_eq!(number(3.3e-5), "3.3e-5");
        assert_eq!(number(0.0004), "0.0004");
        assert_eq!(quantity(3.3e-5, "/op"), "3.3e-5/op");
        assert_eq!(quantity(0.25, "ns/op"), "0.25ns/op");
        assert_eq!(quantity(0.4, "B/op"), "0.4 B/op");
        assert_eq!(quantity(1e-6, "%"), "1e-6%");
        assert_eq!(duration(Duration::from_micros(400)), "400µs");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_millis(850)), "850ms");
        assert_eq!(duration(Duration::from_millis(4210)), "4.21s");
        assert_eq!(duration(Duration::from_secs(72)), "1m12s");
        assert_eq!(nanos(12_345_678), "12.35ms");
        assert_eq!(nanos(850), "850ns");
    }

    #[test]
    fn quantities_in_their_units() {
        assert_eq!(quantity(56.25, "%"), "56.25%");
        assert_eq!(quantity(8_400_000.0, "ns/op"), "8.4ms/op");
        assert_eq!(quantity(12.5 * 1024.0 * 1024.0, "bytes"), "12.5 MiB");
        assert_eq!(quantity(20000.0, "B/op"), "19.53 KiB/op");
        assert_eq!(quantity(1998.0, "allocs/op"), "1998 allocs/op");
        assert_eq!(quantity(5.05, "×"), "5.05×");
        assert_eq!(quantity(1e9, "×"), "∞×");
        assert_eq!(quantity(40.0, "items/s"), "40 items/s");
    }

    #[test]
    fn profile_amounts_and_shares() {
        assert_eq!(amount(-2048, "bytes"), "-2 KiB");
        assert_eq!(amount(37, "count"), "37");
        assert_eq!(percent(1, 8), "12.50%");
        assert_eq!(percent(1, 0), "0.00%");
    }

    #[test]
    fn a_value_reads_differently_from_a_bound_it_fails() {
        // The value a per-op goal of at most 0 failed on, once shown as 0/op.
        assert_eq!(
            against(3.3e-5, 0.0, "/op"),
            ("3.3e-5/op".into(), "0/op".into())
        );
        assert_eq!(
            against(0.500_000_1, 0.5, ""),
            ("0.5000001".into(), "0.5".into())
        );
        assert_eq!(
            against(2.0001, 2.0, "allocs/op"),
            ("2.0001 allocs/op".into(), "2 allocs/op".into())
        );
        assert_eq!(
            against(19.5 * 1024.0, 19.500_01 * 1024.0, "B/op"),
            ("19.5 KiB/op".into(), "19.50001 KiB/op".into())
        );
        assert_eq!(against(4.9996, 5.0, "×"), ("4.9996×".into(), "5×".into()));
        assert_eq!(
            against(20_000_400.0, 20e6, "ns"),
            ("20.0004ms".into(), "20ms".into())
        );
        // Equal values may read alike; far ones keep the usual digits.
        assert_eq!(against(2.0, 2.0, "allocs/op").0, "2 allocs/op");
        assert_eq!(
            against(1998.0, 2.0, "allocs/op"),
            ("1998 allocs/op".into(), "2 allocs/op".into())
        );
    }

    #[test]
    fn values_across_a_unit_boundary_are_told_apart_by_what_they_mean() {
        // 1023.9 B rounds to 1024 B, which is the bound's 1 KiB.
        assert_eq!(
            against(1023.9, 1024.0, "B"),
            ("1023.9 B".into(), "1 KiB".into())
        );
        assert_eq!(
            against(999_960.0, 1e6, "ns"),
            ("999.96µs".into(), "1ms".into())
        );
    }

    #[test]
    fn a_bound_reads_differently_from_every_value_beside_it() {
        assert_eq!(beside(2.0, &[1.0, 2.0001], "allocs/op"), "2 allocs/op");
        assert_eq!(beside(1.5, &[1.49996, 3.0], "×"), "1.5×");
        assert_eq!(beside(1.49996, &[1.0, 1.5], "×"), "1.49996×");
        assert_eq!(beside(0.99996, &[1.0, 1.5], "×"), "0.99996×");
    }
}
