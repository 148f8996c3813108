//! Numbers, units and durations as people read them. A leaf: goals write their
//! evidence with these, reports render with them, and neither imports the other.
//!
//! Each formatter has one rounding rule, stated on it:
//! - [`number`]: integers whole; others 1 decimal from 100 up, else up to 3.
//! - [`quantity`]: a goal's value in its unit, by [`nanos`], [`bytes`] or [`number`].
//! - [`nanos`]: ns whole; µs and ms 1 decimal; s 2 decimals.
//! - [`bytes`]: B whole; KiB and up 1 decimal.
//! - [`duration`]: elapsed wall time: ms whole; s 1 decimal; then minutes and seconds.
//! - [`amount`]: a profile value in its sample unit: time by [`nanos`], bytes by [`bytes`].
//! - [`percent`]: 2 decimals, as `go tool pprof -top` prints shares.

use std::time::Duration;

/// A number as people write it: integers without decimals, others with one
/// decimal from 100 up and up to three significant decimals below.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 100.0 {
        format!("{value:.1}")
    } else {
        let text = format!("{value:.3}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A measured value in its unit: `56.3%`, `8.4ms/op`, `12.5 MiB`, `1998 allocs/op`.
pub fn quantity(value: f64, unit: &str) -> String {
    let (base, per_op) = match unit.strip_suffix("/op") {
        Some(base) => (base, "/op"),
        None => (unit, ""),
    };
    match base {
        "%" => format!("{value:.1}%"),
        // A ratio to nothing: none of it is left.
        "×" if value >= 1e9 => "∞×".to_owned(),
        "×" => format!("{}×", number(value)),
        "ns" | "nanoseconds" => format!("{}{per_op}", nanos(value.round() as i64)),
        "B" | "bytes" => format!("{}{per_op}", bytes(value.max(0.0).round() as u64)),
        "" | "count" => format!("{}{per_op}", number(value)),
        _ => format!("{} {unit}", number(value)),
    }
}

/// A span of trace or profile time: `850ns`, `12.3µs`, `4.5ms`, `1.23s`.
pub fn nanos(ns: i64) -> String {
    let abs = ns.unsigned_abs() as f64;
    let sign = if ns < 0 { "-" } else { "" };
    if abs < 1e3 {
        format!("{ns}ns")
    } else if abs < 1e6 {
        format!("{sign}{:.1}µs", abs / 1e3)
    } else if abs < 1e9 {
        format!("{sign}{:.1}ms", abs / 1e6)
    } else {
        format!("{sign}{:.2}s", abs / 1e9)
    }
}

/// Bytes with a binary unit: `512 B`, `4.2 MiB`.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Elapsed wall time: `850ms`, `4.2s`, `1m12s`.
pub fn duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms}ms")
    } else if ms < 60_000 {
        format!("{:.1}s", d.as_secs_f64())
    } else {
        format!("{}m{:02}s", ms / 60_000, (ms % 60_000) / 1000)
    }
}

/// A profile value in its sample unit: `120ms`, `4.2 MiB`, `37`.
pub fn amount(value: i64, unit: &str) -> String {
    match unit {
        "nanoseconds" => nanos(value),
        "bytes" => {
            let text = bytes(value.unsigned_abs());
            if value < 0 { format!("-{text}") } else { text }
        }
        _ => value.to_string(),
    }
}

/// `part` as a percentage of `whole`, two decimals: `12.50%`.
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
        assert_eq!(number(0.12345), "0.123");
        assert_eq!(number(812345.25), "812345.2");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_millis(850)), "850ms");
        assert_eq!(duration(Duration::from_millis(4210)), "4.2s");
        assert_eq!(duration(Duration::from_secs(72)), "1m12s");
    }

    #[test]
    fn quantities_in_their_units() {
        assert_eq!(quantity(56.25, "%"), "56.2%");
        assert_eq!(quantity(8_400_000.0, "ns/op"), "8.4ms/op");
        assert_eq!(quantity(12.5 * 1024.0 * 1024.0, "bytes"), "12.5 MiB");
        assert_eq!(quantity(1998.0, "allocs/op"), "1998 allocs/op");
        assert_eq!(quantity(5.05, "×"), "5.05×");
    }

    #[test]
    fn profile_amounts_and_shares() {
        assert_eq!(amount(-2048, "bytes"), "-2.0 KiB");
        assert_eq!(amount(37, "count"), "37");
        assert_eq!(percent(1, 8), "12.50%");
        assert_eq!(percent(1, 0), "0.00%");
    }
}
