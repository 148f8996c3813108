//! Benchmark numbers as benchstat prints them (golang.org/x/perf/benchunit
//! and benchmath):
//!
//! - Units are tidied first: `ns` becomes seconds (× 1e-9) and `MB` bytes
//!   (× 1e6) outside a unit's denominator, so `ns/op` is `sec/op` and `MB/s` is
//!   `B/s`; the statistics are computed on the tidied values.
//! - A unit with bytes (`B`, `MB`, `bytes`) in its numerator scales by powers
//!   of 1024 (Ki, Mi, Gi, Ti), every other unit by powers of 1000 (n, µ, m, k,
//!   M, G, T).
//! - A benchmark's old and new medians share one scale, set by the smaller
//!   non-zero one: the largest prefix that leaves it at 1 or more, and 4
//!   significant digits for it (1 decimal from 100, 2 from 10, 3 from 1; more
//!   below the smallest prefix). All zero: 3 decimals.
//! - "±" is the larger distance from the median to either end of its interval
//!   in whole percent; "∞" when the sample is too small; "?" when a bound has
//!   another sign than the median.
//! - A change is "~" when not significant, else the change of the medians to 2
//!   decimals with its sign ("0.00%" when equal, "?" from a zero).
//! - The test is "p=0.PPP n=N", or "n=N1+N2" when the sample sizes differ.
//! - The geomean row's values are scaled each on their own.

use super::stats::{self, Spread, Summary};

/// A unit as benchstat tidies it, and the factor its values are multiplied by.
pub fn tidy(unit: &str) -> (String, f64) {
    match unit {
        "ns/op" => return ("sec/op".to_owned(), 1e-9),
        "MB/s" => return ("B/s".to_owned(), 1e6),
        _ if !unit.contains("ns") && !unit.contains("MB") => return (unit.to_owned(), 1.0),
        _ => {}
    }
    let mut tidied = String::with_capacity(unit.len() + 2);
    let mut factor = 1.0;
    let mut rest = 0;
    for token in tokens(unit) {
        if token.denominator {
            continue;
        }
        let replacement = match token.text {
            "ns" => {
                factor /= 1e9;
                "sec"
            }
            "MB" => {
                factor *= 1e6;
                "B"
            }
            _ => continue,
        };
        tidied.push_str(&unit[rest..token.start]);
        tidied.push_str(replacement);
        rest = token.start + token.text.len();
    }
    tidied.push_str(&unit[rest..]);
    (tidied, factor)
}

/// How values of a unit scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// By powers of 1000, with SI prefixes.
    Decimal,
    /// By powers of 1024, with IEC prefixes: amounts of bytes.
    Binary,
}

/// The class of a (tidied) unit.
pub fn class_of(unit: &str) -> Class {
    let bytes = tokens(unit).any(|t| !t.denominator && matches!(t.text, "B" | "MB" | "bytes"));
    if bytes { Class::Binary } else { Class::Decimal }
}

struct Token<'a> {
    text: &'a str,
    start: usize,
    denominator: bool,
}

/// A unit's words, split at `*`, `/`, `-` and spaces; after `/` (until `*`)
/// they are in the denominator.
fn tokens(unit: &str) -> impl Iterator<Item = Token<'_>> {
    let mut denominator = false;
    let mut start = None;
    let mut found = Vec::new();
    for (i, c) in unit
        .char_indices()
        .chain(std::iter::once((unit.len(), ' ')))
    {
        let separator = matches!(c, '*' | '/' | '-') || c.is_whitespace();
        if separator {
            if let Some(s) = start.take() {
                found.push(Token {
                    text: &unit[s..i],
                    start: s,
                    denominator,
                });
            }
            match c {
                '*' => denominator = false,
                '/' => denominator = true,
                _ => {}
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    found.into_iter()
}

/// How a row's values are printed: divided by `factor`, `precision` decimals,
/// then `prefix`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scaler {
    pub precision: usize,
    pub factor: f64,
    pub prefix: &'static str,
}

impl Scaler {
    /// The digits of `value` in this scale, without the prefix.
    pub fn digits(&self, value: f64) -> String {
        format!("{:.*}", self.precision, value / self.factor)
    }

    /// `value` as benchstat prints it: digits and prefix, `1227.8n`.
    pub fn format(&self, value: f64) -> String {
        format!("{}{}", self.digits(value), self.prefix)
    }
}

struct Prefix {
    factor: f64,
    prefix: &'static str,
    /// The smallest values printed with 1, 2 and 3 decimals: those that round
    /// to 100.0, 10.00 and 1.000.
    hundred: f64,
    ten: f64,
    one: f64,
}

fn decimal_prefixes() -> Vec<Prefix> {
    let names = ["T", "G", "M", "k", "", "m", "µ", "n"];
    names
        .iter()
        .enumerate()
        .map(|(i, &prefix)| {
            let exponent = 12 - 3 * i as i32;
            let parse = |mantissa: &str| -> f64 {
                format!("{mantissa}e{exponent}")
                    .parse()
                    .expect("a valid float literal")
            };
            Prefix {
                factor: parse("1"),
                prefix,
                hundred: parse("99.995"),
                ten: parse("9.9995"),
                one: parse(".99995"),
            }
        })
        .collect()
}

fn binary_prefixes() -> Vec<Prefix> {
    // 99.995, 9.9995 and .99995 as the doubles nearest to them, scaled by
    // 2^exponent exactly.
    let scaled = |nearest: f64, exponent: i32| nearest * 2f64.powi(exponent);
    let names = ["Ti", "Gi", "Mi", "Ki", ""];
    names
        .iter()
        .enumerate()
        .map(|(i, &prefix)| {
            let exponent = 40 - 10 * i as i32;
            Prefix {
                factor: 2f64.powi(exponent),
                prefix,
                hundred: scaled(99.995, exponent),
                ten: scaled(9.9995, exponent),
                one: scaled(0.99995, exponent),
            }
        })
        .collect()
}

/// One scale for all of `values`, set by the non-zero one closest to zero.
pub fn common_scale(values: &[f64], class: Class) -> Scaler {
    let smallest = values
        .iter()
        .map(|v| v.abs())
        .filter(|&v| v != 0.0)
        .fold(None, |min: Option<f64>, v| {
            Some(min.map_or(v, |m| m.min(v)))
        });
    let Some(smallest) = smallest else {
        return Scaler {
            precision: 3,
            factor: 1.0,
            prefix: "",
        };
    };
    let prefixes = match class {
        Class::Decimal => decimal_prefixes(),
        Class::Binary => binary_prefixes(),
    };
    for p in &prefixes {
        let precision = if smallest >= p.hundred {
            1
        } else if smallest >= p.ten {
            2
        } else if smallest >= p.one {
            3
        } else {
            continue;
        };
        return Scaler {
            precision,
            factor: p.factor,
            prefix: p.prefix,
        };
    }
    // Below the smallest prefix: more decimals, up to 10, for 4 significant digits.
    let last = prefixes.last().expect("prefixes");
    let value = smallest / last.factor;
    let precision = (1..=8)
        .position(|i| value >= format!("9.9995e-{i}").parse::<f64>().expect("a float"))
        .unwrap_or(7)
        + 3;
    Scaler {
        precision,
        factor: last.factor,
        prefix: last.prefix,
    }
}

/// `value` scaled on its own, as benchstat prints a geomean.
pub fn scale(value: f64, class: Class) -> String {
    common_scale(&[value], class).format(value)
}

/// The "±" of a summary: `4%`, `∞` or `?`.
pub fn spread(summary: &Summary) -> String {
    match summary.spread() {
        Spread::Infinite => "∞".to_owned(),
        Spread::Signs => "?".to_owned(),
        Spread::Percent(percent) => format!("{percent:.0}%"),
    }
}

/// The change from `old` to `new` (medians in benchstat's unit), in percent:
/// `None` from zero to something.
pub fn change_percent(old: f64, new: f64) -> Option<f64> {
    if old == new {
        Some(0.0)
    } else if old == 0.0 {
        None
    } else {
        Some((new / old - 1.0) * 100.0)
    }
}

/// The change column: `~` when not significant, else `-48.38%`, `0.00%` or `?`.
pub fn change(p: f64, old: f64, new: f64) -> String {
    if !stats::significant(p) {
        return "~".to_owned();
    }
    if old == new {
        return "0.00%".to_owned();
    }
    match change_percent(old, new) {
        Some(percent) => format!("{percent:+.2}%"),
        None => "?".to_owned(),
    }
}

/// The test: `p=0.684 n=10` or `p=0.002 n=8+10`.
pub fn test(p: f64, n1: usize, n2: usize) -> String {
    let p = if p != 0.0 {
        format!("p={p:.3} ")
    } else {
        String::new()
    };
    if n1 == n2 {
        format!("{p}n={n1}")
    } else {
        format!("{p}n={n1}+{n2}")
    }
}

/// The geometric mean of positive values (a running mean of logarithms, as
/// benchstat takes it); `None` when there are none or one is not positive.
pub fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut mean = 0.0;
    for (i, &v) in values.iter().enumerate() {
        if v <= 0.0 || v.is_nan() {
            return None;
        }
        mean += (v.ln() - mean) / (i + 1) as f64;
    }
    Some(mean.exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_tidied_outside_denominators() {
        assert_eq!(tidy("ns/op"), ("sec/op".to_owned(), 1e-9));
        assert_eq!(tidy("MB/s"), ("B/s".to_owned(), 1e6));
        assert_eq!(tidy("B/op"), ("B/op".to_owned(), 1.0));
        assert_eq!(tidy("ns/line"), ("sec/line".to_owned(), 1e-9));
        assert_eq!(tidy("ops/ns"), ("ops/ns".to_owned(), 1.0));
        assert_eq!(tidy("MB*ns/op").0, "B*sec/op");
        assert_eq!(class_of("B/op"), Class::Binary);
        assert_eq!(class_of("B/s"), Class::Binary);
        assert_eq!(class_of("sec/op"), Class::Decimal);
        assert_eq!(class_of("allocs/op"), Class::Decimal);
        assert_eq!(class_of("ops/B"), Class::Decimal);
    }

    #[test]
    fn rows_share_the_scale_of_their_smaller_value() {
        // benchstat: "1227.8n", "633.8n"; "1.976µ"; "192.00", "16.00";
        // "12.000", "1.000"; "11.50". 633.75 ns as benchstat's median of
        // tidied values rounds up, the exact 633.75e-9 down.
        let new = 6.337_500_000_000_001e-7;
        let s = common_scale(&[1.2278e-6, new], Class::Decimal);
        assert_eq!(
            (s.format(1.2278e-6), s.format(new), s.format(6.3375e-7)),
            ("1227.8n".into(), "633.8n".into(), "633.7n".into())
        );
        assert_eq!(scale(1.9762e-6, Class::Decimal), "1.976µ");
        let s = common_scale(&[192.0, 16.0], Class::Binary);
        assert_eq!(
            (s.format(192.0), s.format(16.0)),
            ("192.00".into(), "16.00".into())
        );
        let s = common_scale(&[12.0, 1.0], Class::Decimal);
        assert_eq!(s.format(12.0), "12.000");
        assert_eq!(scale(11.5, Class::Binary), "11.50");
        assert_eq!(scale(9472.0, Class::Binary), "9.250Ki");
        assert_eq!(scale(1023.0 * 1024.0, Class::Binary), "1023.0Ki");
        assert_eq!(scale(0.0, Class::Decimal), "0.000");
        assert_eq!(scale(2.5e-11, Class::Decimal), "0.02500n");
        assert_eq!(scale(1500.0, Class::Decimal), "1.500k");
    }

    #[test]
    fn changes_and_tests_read_as_in_benchstat() {
        assert_eq!(change(0.684, 1.0, 2.0), "~");
        assert_eq!(change(0.0, 1.2278e-6, 6.3375e-7), "-48.38%");
        assert_eq!(change(0.01, 3.0, 3.0), "0.00%");
        assert_eq!(change(0.01, 0.0, 3.0), "?");
        assert_eq!(change(stats::ALPHA, 1.0, 1.5), "+50.00%");
        assert_eq!(test(0.000_012, 10, 10), "p=0.000 n=10");
        assert_eq!(test(0.4835, 8, 6), "p=0.483 n=8+6");
        assert_eq!(geomean(&[1.0, 4.0]), Some(2.0));
        assert_eq!(geomean(&[1.0, 0.0]), None);
    }
}
