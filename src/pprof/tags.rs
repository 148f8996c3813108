//! Samples told apart by their profiler labels, as `go tool pprof` does it:
//! `-tagfocus` and `-tagignore` filters (`[KEY=]VALUE`: regular expressions
//! on string labels, or a numeric range such as `32kb`, `:64kb`, `4mb:`,
//! `12kb:64mb` on numeric ones), and the `-tags` table (each key's values
//! and what their samples carry).
//!
//! A filter's grammar is pprof's: without a key, every comma-separated
//! expression must match some `key:value` of the sample; with one, any
//! expression matching any value of that key will do. A value that reads as
//! a number (`7`, `200ms`) is a range to pprof, not an expression, and so
//! matches only numeric labels; Go's `pprof.Do` labels are strings.

use regex::Regex;
use serde::Serialize;

use super::Profile;
use super::labels::{LabelValue, Labels};
use super::measure;
use crate::tr;

/// Why a tag filter cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TagFilterError {
    #[error("{}", tr!("pprof-tag-bad-regex", pattern = .pattern.as_str(), error = .source.to_string()))]
    Regex {
        pattern: String,
        #[source]
        source: regex::Error,
    },
    /// An expression the caller refuses (one Go's `regexp` would not read).
    #[error("{}", .why)]
    Refused { pattern: String, why: String },
    #[error("{}", tr!("pprof-tag-number", number = .0.as_str()))]
    Number(String),
}

/// How a numeric range compares.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Compare {
    Equal(f64),
    AtLeast(f64),
    AtMost(f64),
    Between(f64, f64),
}

/// What a filter tests a sample's labels with.
#[derive(Debug, Clone)]
enum Test {
    /// Regular expressions on string labels.
    Patterns(Vec<Regex>),
    /// A range of numeric labels, in `unit` (pprof's canonical name, or as written).
    Range { compare: Compare, unit: String },
}

/// A `-tagfocus` or `-tagignore` filter.
#[derive(Debug, Clone)]
pub struct TagFilter {
    text: String,
    key: Option<String>,
    test: Test,
}

/// How pprof finds a number and its unit in a filter's value.
fn range_pattern() -> Regex {
    Regex::new("([+-]?[0-9]+)([A-Za-z]+)?").expect("a valid pattern")
}

impl TagFilter {
    /// Reads `[KEY=]VALUE` as pprof does.
    pub fn parse(text: &str) -> Result<TagFilter, TagFilterError> {
        TagFilter::parse_with(text, &|_| None)
    }

    /// Reads `[KEY=]VALUE` as pprof does; `refuse` says why an expression
    /// may not be used, if it may not.
    pub fn parse_with(
        text: &str,
        refuse: &dyn Fn(&str) -> Option<String>,
    ) -> Result<TagFilter, TagFilterError> {
        let (key, value) = match text.split_once('=') {
            Some((key, value)) => ((!key.is_empty()).then(|| key.to_owned()), value),
            None => (None, text),
        };
        let test = match range(value)? {
            Some((compare, unit)) => Test::Range { compare, unit },
            None => Test::Patterns(
                value
                    .split(',')
                    .map(|p| compile(p, refuse))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        Ok(TagFilter {
            text: text.to_owned(),
            key,
            test,
        })
    }

    /// As written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether pprof reads the value as a numeric range rather than as
    /// regular expressions.
    pub fn is_range(&self) -> bool {
        matches!(self.test, Test::Range { .. })
    }

    /// Whether sample `n`'s labels pass the filter.
    pub fn matches(&self, labels: &Labels, n: usize) -> bool {
        let of = labels.of(n);
        match &self.test {
            Test::Range { compare, unit } => of.iter().any(|l| match l.value {
                LabelValue::Num(value, _) => {
                    self.key.as_deref().is_none_or(|k| labels.name(l.key) == k)
                        && in_range(value, labels.unit(l.key), *compare, unit)
                }
                LabelValue::Str(_) => false,
            }),
            Test::Patterns(patterns) => {
                let strings = || {
                    of.iter().filter_map(|l| match l.value {
                        LabelValue::Str(v) => Some((labels.name(l.key), labels.name(v))),
                        LabelValue::Num(..) => None,
                    })
                };
                match &self.key {
                    Some(key) => strings()
                        .filter(|(k, _)| k == key)
                        .any(|(_, v)| patterns.iter().any(|p| p.is_match(v))),
                    None => patterns
                        .iter()
                        .all(|p| strings().any(|(k, v)| p.is_match(&format!("{k}:{v}")))),
                }
            }
        }
    }
}

fn compile(
    pattern: &str,
    refuse: &dyn Fn(&str) -> Option<String>,
) -> Result<Regex, TagFilterError> {
    if let Some(why) = refuse(pattern) {
        return Err(TagFilterError::Refused {
            pattern: pattern.to_owned(),
            why,
        });
    }
    Regex::new(pattern).map_err(|source| TagFilterError::Regex {
        pattern: pattern.to_owned(),
        source,
    })
}

fn number(digits: &str) -> Result<i64, TagFilterError> {
    digits
        .parse()
        .map_err(|_| TagFilterError::Number(digits.to_owned()))
}

/// The numeric range a value stands for, as pprof reads it, if it is one.
fn range(value: &str) -> Result<Option<(Compare, String)>, TagFilterError> {
    let pattern = range_pattern();
    let found: Vec<regex::Captures> = pattern.captures_iter(value).take(2).collect();
    let Some(first) = found.first() else {
        return Ok(None);
    };
    let whole = first.get(0).expect("a match").as_str();
    let unit0 = first.get(2).map_or("", |m| m.as_str());
    let (low, unit) = measure::scale(number(&first[1])?, unit0, unit0);
    if found.len() == 1 {
        let compare = if value == whole {
            Compare::Equal(low)
        } else if value == format!("{whole}:") {
            Compare::AtLeast(low)
        } else if value == format!(":{whole}") {
            Compare::AtMost(low)
        } else {
            return Ok(None);
        };
        return Ok(Some((compare, unit)));
    }
    let second = &found[1];
    if value != format!("{whole}:{}", second.get(0).expect("a match").as_str()) {
        return Ok(None);
    }
    let unit1 = second.get(2).map_or("", |m| m.as_str());
    let (high, unit2) = measure::scale(number(&second[1])?, unit1, &unit);
    if unit2 != unit {
        return Ok(None);
    }
    Ok(Some((Compare::Between(low, high), unit)))
}

fn in_range(value: i64, from: &str, compare: Compare, unit: &str) -> bool {
    let (v, u) = measure::scale(value, from, unit);
    u == unit
        && match compare {
            Compare::Equal(x) => v == x,
            Compare::AtLeast(x) => v >= x,
            Compare::AtMost(x) => v <= x,
            Compare::Between(low, high) => v >= low && v <= high,
        }
}

/// `-tagfocus` and `-tagignore` together.
#[derive(Debug, Clone, Default)]
pub struct TagFilters {
    pub focus: Option<TagFilter>,
    pub ignore: Option<TagFilter>,
}

/// What filtering kept, and whether each filter matched any sample (pprof
/// warns when one did not).
#[derive(Debug, Clone)]
pub struct Filtered {
    pub profile: Profile,
    pub focus_matched: bool,
    pub ignore_matched: bool,
}

impl TagFilters {
    /// The filters as flags: `--tagfocus=… --tagignore=…`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = &self.focus {
            parts.push(format!("--tagfocus={}", f.as_str()));
        }
        if let Some(f) = &self.ignore {
            parts.push(format!("--tagignore={}", f.as_str()));
        }
        parts.join(" ")
    }

    /// Whether there is a filter at all.
    pub fn is_empty(&self) -> bool {
        self.focus.is_none() && self.ignore.is_none()
    }

    /// Whether sample `n` is kept: it passes the focus and not the ignore filter.
    pub fn keeps(&self, labels: &Labels, n: usize) -> bool {
        self.focus.as_ref().is_none_or(|f| f.matches(labels, n))
            && !self.ignore.as_ref().is_some_and(|f| f.matches(labels, n))
    }

    /// The profile with the samples kept.
    pub fn apply(&self, profile: &Profile) -> Filtered {
        let labels = &profile.labels;
        let count = profile.samples.len();
        let focus_matched = self
            .focus
            .as_ref()
            .is_none_or(|f| (0..count).any(|n| f.matches(labels, n)));
        let ignore_matched = self
            .ignore
            .as_ref()
            .is_none_or(|f| (0..count).any(|n| f.matches(labels, n)));
        Filtered {
            profile: profile.retain(|n| self.keeps(labels, n)),
            focus_matched,
            ignore_matched,
        }
    }
}

/// One value of a label key and what its samples carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagValue {
    pub value: String,
    pub amount: i64,
}

/// One label key: what its samples carry together, and each value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagKey {
    pub key: String,
    pub amount: i64,
    pub values: Vec<TagValue>,
}

/// The `-tags` table of a profile for one sample type: keys by name, each
/// key's values by amount (largest first, then by name), numeric values
/// written with their unit; a sample with two values of a key counts for both.
pub fn table(profile: &Profile, index: usize) -> Vec<TagKey> {
    let labels = &profile.labels;
    let mut keys: Vec<TagKey> = Vec::new();
    for (n, sample) in profile.samples.iter().enumerate() {
        let amount = sample.values[index];
        for label in labels.of(n) {
            let key = labels.name(label.key);
            let value = match label.value {
                LabelValue::Str(v) => labels.name(v).to_owned(),
                LabelValue::Num(v, _) => measure::label(v, labels.unit(label.key)),
            };
            let at = match keys.iter().position(|k| k.key == key) {
                Some(at) => at,
                None => {
                    keys.push(TagKey {
                        key: key.to_owned(),
                        amount: 0,
                        values: Vec::new(),
                    });
                    keys.len() - 1
                }
            };
            let entry = &mut keys[at];
            entry.amount += amount;
            match entry.values.iter_mut().find(|v| v.value == value) {
                Some(v) => v.amount += amount,
                None => entry.values.push(TagValue { value, amount }),
            }
        }
    }
    keys.sort_by(|a, b| a.key.cmp(&b.key));
    for key in &mut keys {
        key.values.sort_by(|a, b| {
            if a.amount != b.amount {
                b.amount.abs().cmp(&a.amount.abs())
            } else {
                a.value.cmp(&b.value)
            }
        });
    }
    keys
}

/// The total pprof shares are taken of: the sum of the samples' absolute values.
/// Samples left out by label filters count too, as in every pprof report.
pub fn total(profile: &Profile, index: usize) -> i64 {
    profile.pprof_total(index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pprof::labels::LabelsBuilder;

    /// Four samples of 10, 20, 30 and 40 with these labels.
    fn profile(labels: &[&[(&str, &str, i64, &str)]]) -> Profile {
        let mut p = crate::pprof::testing::cpu_profile(&[
            (&["a"], 10),
            (&["b"], 20),
            (&["c"], 30),
            (&["d"], 40),
        ]);
        let mut b = LabelsBuilder::default();
        for sample in labels {
            b.push(sample.iter().copied());
        }
        p.labels = b.finish();
        p
    }

    fn kept(p: &Profile, focus: Option<&str>, ignore: Option<&str>) -> i64 {
        let filters = TagFilters {
            focus: focus.map(|f| TagFilter::parse(f).unwrap()),
            ignore: ignore.map(|f| TagFilter::parse(f).unwrap()),
        };
        filters.apply(p).profile.total(0)
    }

    fn web() -> Profile {
        profile(&[
            &[("endpoint", "/search", 0, ""), ("tenant", "acme", 0, "")],
            &[("endpoint", "/static", 0, "")],
            &[("endpoint", "/login", 0, ""), ("shard", "7", 0, "")],
            &[],
        ])
    }

    #[test]
    fn a_key_and_expressions_on_its_values() {
        let p = web();
        assert_eq!(kept(&p, Some("endpoint=/search"), None), 10);
        assert_eq!(kept(&p, Some("endpoint=search,static"), None), 30);
        assert_eq!(kept(&p, Some("endpoint=^/s"), None), 30);
        assert_eq!(kept(&p, Some("endpoint="), None), 60);
        assert_eq!(kept(&p, None, Some("endpoint=/search")), 90);
        assert_eq!(kept(&p, Some("endpoint=."), Some("tenant=acme")), 50);
    }

    #[test]
    fn without_a_key_every_expression_matches_some_key_colon_value() {
        let p = web();
        assert_eq!(kept(&p, Some("endpoint:/s"), None), 30);
        assert_eq!(kept(&p, Some("search,acme"), None), 10);
        assert_eq!(kept(&p, Some("search,globex"), None), 0);
        assert_eq!(kept(&p, Some("=tenant"), None), 10);
    }

    #[test]
    fn numbers_are_ranges_to_pprof() {
        let p = web();
        // `7` is a range, and the shard label a string: nothing matches.
        let filter = TagFilter::parse("shard=7").unwrap();
        assert!(filter.is_range());
        assert_eq!(kept(&p, Some("shard=7"), None), 0);
        assert!(!TagFilter::parse("endpoint=/v1/items").unwrap().is_range());
        let heap = profile(&[
            &[("bytes", "", 512, "")],
            &[("bytes", "", 2048, "")],
            &[("bytes", "", 64 << 10, "")],
            &[("wait", "", 3, "ms")],
        ]);
        assert_eq!(kept(&heap, Some("bytes=2kb"), None), 20);
        assert_eq!(kept(&heap, Some("1kb:"), None), 50);
        assert_eq!(kept(&heap, Some(":1kb"), None), 10);
        assert_eq!(kept(&heap, Some("bytes=1kb:64kb"), None), 50);
        assert_eq!(
            kept(&heap, Some("bytes=512"), None),
            0,
            "no unit is not bytes"
        );
        assert_eq!(kept(&heap, Some("wait=1ms:1s"), None), 40);
        assert_eq!(kept(&heap, Some("2ms:3000us"), None), 40);
        // Units of two kinds are not a range: an expression.
        assert!(!TagFilter::parse("1kb:3ms").unwrap().is_range());
    }

    #[test]
    fn bad_filters_say_why() {
        assert!(matches!(
            TagFilter::parse("endpoint=(").unwrap_err(),
            TagFilterError::Regex { .. }
        ));
        let refuse = |p: &str| p.contains("&&").then(|| "no".to_owned());
        assert!(matches!(
            TagFilter::parse_with("endpoint=a&&b", &refuse).unwrap_err(),
            TagFilterError::Refused { .. }
        ));
        assert!(matches!(
            TagFilter::parse("99999999999999999999").unwrap_err(),
            TagFilterError::Number(_)
        ));
    }

    #[test]
    fn the_table_sums_each_value_and_key() {
        let p = web();
        let t = table(&p, 0);
        let keys: Vec<(&str, i64)> = t.iter().map(|k| (k.key.as_str(), k.amount)).collect();
        assert_eq!(keys, [("endpoint", 60), ("shard", 30), ("tenant", 10)]);
        let values: Vec<(&str, i64)> = t[0]
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.amount))
            .collect();
        assert_eq!(values, [("/login", 30), ("/static", 20), ("/search", 10)]);
        assert_eq!(total(&p, 0), 100);
    }
}
