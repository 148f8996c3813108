//! Go's benchmark data format: configuration lines (`goos: linux`) and result lines
//! (`BenchmarkJoin-8  1000  1234 ns/op  56 B/op  2 allocs/op`), with any other
//! output (test logs, PASS, FAIL) skipped.

pub mod compare;
pub mod format;
mod numeric;
pub mod stats;
pub mod utest;

use std::collections::BTreeMap;

/// Everything a benchmark run printed that the format describes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BenchOutput {
    /// Configuration in effect, in order of appearance (a key may change midway).
    pub config: Vec<(String, String)>,
    pub results: Vec<BenchResult>,
}

/// One result line.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchResult {
    /// The name without its `-GOMAXPROCS` suffix, sub-benchmarks included:
    /// `BenchmarkJoin/words=100`.
    pub name: String,
    /// The name exactly as printed.
    pub full_name: String,
    /// The `-N` suffix, when there was one.
    pub procs: Option<u32>,
    pub iterations: u64,
    pub metrics: Vec<Metric>,
    /// 1-based line in the output.
    pub line: usize,
}

/// A value and its unit: `1234 ns/op`.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub value: f64,
    pub unit: String,
}

impl BenchOutput {
    /// Every value of `unit` reported by the benchmark called `name` (with or
    /// without its `-N` suffix), one per `-count` repeat.
    pub fn values(&self, name: &str, unit: &str) -> Vec<f64> {
        self.matching(name)
            .flat_map(|r| r.metrics.iter().filter(|m| m.unit == unit).map(|m| m.value))
            .collect()
    }

    /// Results of the benchmark called `name`.
    pub fn matching<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a BenchResult> + 'a {
        let exact = self.results.iter().any(|r| r.name == name);
        self.results.iter().filter(move |r| {
            if exact {
                r.name == name
            } else {
                r.full_name == name
            }
        })
    }

    /// The distinct benchmark names, in order of first appearance.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for r in &self.results {
            if !names.contains(&r.name.as_str()) {
                names.push(&r.name);
            }
        }
        names
    }

    /// The units reported by the benchmark called `name`.
    pub fn units<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        let mut units: Vec<&str> = Vec::new();
        for m in self.matching(name).flat_map(|r| &r.metrics) {
            if !units.contains(&m.unit.as_str()) {
                units.push(&m.unit);
            }
        }
        units
    }

    /// The last value of each configuration key.
    pub fn config_map(&self) -> BTreeMap<&str, &str> {
        self.config
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }
}

/// Parses benchmark output. Never fails: lines that are neither configuration nor
/// results are not part of the format and are skipped.
pub fn parse(text: &str) -> BenchOutput {
    let mut output = BenchOutput::default();
    for (index, line) in text.lines().enumerate() {
        if let Some(result) = parse_result(line, index + 1) {
            output.results.push(result);
        } else if let Some((key, value)) = parse_config(line) {
            output.config.push((key.to_owned(), value.to_owned()));
        }
    }
    output
}

fn parse_result(line: &str, line_number: usize) -> Option<BenchResult> {
    let mut fields = line.split_whitespace();
    let full_name = fields.next()?;
    let rest = full_name.strip_prefix("Benchmark")?;
    // "Benchmark" must be followed by the end of the name or a non-lowercase rune.
    if rest.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let iterations: u64 = fields.next()?.parse().ok()?;
    let mut metrics = Vec::new();
    while let Some(value) = fields.next() {
        let unit = fields.next()?;
        let value: f64 = value.parse().ok()?;
        if !value.is_finite() {
            return None;
        }
        metrics.push(Metric {
            value,
            unit: unit.to_owned(),
        });
    }
    if metrics.is_empty() {
        return None;
    }
    let (name, procs) = split_procs(full_name);
    Some(BenchResult {
        name: name.to_owned(),
        full_name: full_name.to_owned(),
        procs,
        iterations,
        metrics,
        line: line_number,
    })
}

/// `BenchmarkJoin-8` -> (`BenchmarkJoin`, Some(8)).
fn split_procs(name: &str) -> (&str, Option<u32>) {
    if let Some((base, suffix)) = name.rsplit_once('-')
        && !suffix.is_empty()
        && suffix.bytes().all(|b| b.is_ascii_digit())
        && let Ok(procs) = suffix.parse()
    {
        return (base, Some(procs));
    }
    (name, None)
}

/// `key: value`, where the key starts with a lowercase letter and holds no
/// spaces or uppercase letters.
fn parse_config(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let first = key.chars().next()?;
    if !first.is_lowercase() || key.chars().any(|c| c.is_whitespace() || c.is_uppercase()) {
        return None;
    }
    let value = value.strip_prefix([' ', '\t'])?;
    Some((key, value.trim()))
}

/// The median of `values`, or `None` when there are none.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = "goos: linux
goarch: amd64
pkg: exercises/heap/01-concat
cpu: AMD EPYC 7B13
BenchmarkJoin-2          \t     200\t    812345 ns/op\t 5312043 B/op\t    1999 allocs/op
BenchmarkJoin-2          \t     200\t    798001 ns/op\t 5312043 B/op\t    1999 allocs/op
BenchmarkJoin-2          \t     200\t    840000 ns/op\t 5312043 B/op\t    1999 allocs/op
BenchmarkSplit/size=10-2 \t 1000000\t      1033 ns/op\t        12.50 widgets/op
BenchmarkSplit/size=100-2\t  100000\t     10330 ns/op
--- BENCH: BenchmarkSplit/size=100-2
    join_test.go:30: some log line
Benchmarking is fun: 3
BenchmarkBroken-2 notanumber 12 ns/op
Benchmarkfoo 10 1 ns/op
BenchmarkOdd 10 1
PASS
ok  \texercises/heap/01-concat\t1.234s
";

    #[test]
    fn parses_config_and_repeats() {
        let out = parse(OUTPUT);
        assert_eq!(out.config_map()["goos"], "linux");
        assert_eq!(out.config_map()["cpu"], "AMD EPYC 7B13");
        assert_eq!(out.values("BenchmarkJoin", "allocs/op"), vec![1999.0; 3]);
        assert_eq!(
            out.values("BenchmarkJoin", "ns/op"),
            vec![812345.0, 798001.0, 840000.0]
        );
        assert_eq!(
            median(&out.values("BenchmarkJoin", "ns/op")),
            Some(812345.0)
        );
        assert_eq!(out.results[0].procs, Some(2));
        assert_eq!(out.results[0].iterations, 200);
        assert_eq!(out.results[0].line, 5);
    }

    #[test]
    fn parses_sub_benchmarks_and_custom_units() {
        let out = parse(OUTPUT);
        assert_eq!(
            out.values("BenchmarkSplit/size=10", "widgets/op"),
            vec![12.5]
        );
        assert_eq!(
            out.units("BenchmarkSplit/size=10"),
            vec!["ns/op", "widgets/op"]
        );
        assert_eq!(
            out.names(),
            vec![
                "BenchmarkJoin",
                "BenchmarkSplit/size=10",
                "BenchmarkSplit/size=100"
            ]
        );
    }

    #[test]
    fn skips_garbage_lines() {
        let out = parse(OUTPUT);
        assert_eq!(out.results.len(), 5);
        assert!(out.config.iter().all(|(k, _)| !k.contains(' ')));
        assert!(out.values("BenchmarkBroken", "ns/op").is_empty());
        assert!(out.values("Benchmarkfoo", "ns/op").is_empty());
    }

    #[test]
    fn name_matches_with_and_without_procs_suffix() {
        let out = parse("BenchmarkA 10 5 ns/op\nBenchmarkA-4 10 7 ns/op\n");
        assert_eq!(out.values("BenchmarkA", "ns/op"), vec![5.0, 7.0]);
        assert_eq!(out.values("BenchmarkA-4", "ns/op"), vec![7.0]);
    }

    #[test]
    fn median_of_even_and_empty() {
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }
}
