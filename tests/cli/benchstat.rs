//! Differential test of `workshop compare` against benchstat itself
//! (golang.org/x/perf/cmd/benchstat): on each fixture pair in
//! tests/fixtures/bench, every median, "±", change, p-value and note that
//! benchstat prints must be printed by `workshop compare` too, and the JSON
//! must hold the same numbers (against benchstat's CSV, which has them
//! unrounded). The pinned benchstat is built from its module by the installed
//! Go, once, into the test run's directory under target/; one on the
//! developer's PATH is never used. Fails, never skips, when Go is missing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::{Run, binary, go, repo};

/// The module and version compared against.
const BENCHSTAT: &str = "golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da";

/// The fixture pairs: directories holding old.txt and new.txt.
const PAIRS: [&str; 5] = ["", "json", "small", "ties", "large"];

/// The pinned benchstat, built by `go install` on first use into
/// `target/tmp/benchstat/<version>/`, under a file lock so that test threads
/// and concurrent test processes build it once; built in a scratch directory
/// and renamed into place, so an interrupted build leaves no half binary.
fn benchstat_path() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let version = BENCHSTAT.rsplit_once('@').unwrap().1;
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("benchstat")
            .join(version);
        std::fs::create_dir_all(&dir).unwrap();
        let binary = dir.join("benchstat");
        let lock = std::fs::File::create(dir.join("build.lock")).unwrap();
        lock.lock().unwrap();
        if !binary.is_file() {
            let scratch = tempfile::Builder::new()
                .prefix("build-")
                .tempdir_in(&dir)
                .unwrap();
            let output = go()
                .args(["install", BENCHSTAT])
                .env("GOBIN", scratch.path())
                .env("GOWORK", "off")
                .env("GOFLAGS", "")
                .current_dir(scratch.path())
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "cannot run `go install {BENCHSTAT}` ({e}): the differential test \
                         of `workshop compare` builds benchstat with Go; install Go 1.25 or newer"
                    )
                });
            assert!(
                output.status.success(),
                "`go install {BENCHSTAT}` failed (it needs the Go module proxy, or the \
                 module in Go's module cache):\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            std::fs::rename(scratch.path().join("benchstat"), &binary).unwrap();
        }
        binary
    })
}

#[allow(clippy::disallowed_methods)]
fn benchstat(args: &[&str], old: &Path, new: &Path) -> String {
    let output = std::process::Command::new(benchstat_path())
        .args(args)
        .arg(old)
        .arg(new)
        .output()
        .expect("benchstat runs");
    assert!(
        output.status.success(),
        "benchstat failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 from benchstat")
}

fn workshop(args: &[&str], old: &Path, new: &Path) -> Run {
    let run = Run::from(
        binary()
            .arg("compare")
            .args(args)
            .arg(old)
            .arg(new)
            .output()
            .unwrap(),
    );
    run.code(0);
    run
}

/// One side of a row as printed: the median (benchstat's digits and prefix)
/// and its "±" (none on the geomean row).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Cell {
    center: String,
    spread: Option<String>,
}

/// A row as printed, in benchstat's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Printed {
    old: Option<Cell>,
    new: Option<Cell>,
    change: Option<String>,
    test: Option<String>,
    notes: BTreeSet<String>,
}

/// (unit as benchstat names it, benchmark name without "Benchmark") -> row.
type Tables = BTreeMap<(String, String), Printed>;

fn is_mark(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c))
}

fn chars_between(line: &[char], from: usize, to: usize) -> String {
    let to = to.min(line.len());
    let from = from.min(to);
    line[from..to].iter().collect::<String>().trim().to_owned()
}

/// A cell's text: `27.139m ± 45%`, `1.334 MiB ± 100%`, `14.30µ`, with marks.
fn cell(text: &str, marks: &mut Vec<String>) -> Option<Cell> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let (values, found_marks): (Vec<&str>, Vec<&str>) =
        tokens.into_iter().partition(|t| !is_mark(t));
    marks.extend(found_marks.iter().map(|m| m.to_string()));
    if values.is_empty() || values == ["—"] {
        return None;
    }
    Some(match values.iter().position(|t| *t == "±") {
        Some(i) => Cell {
            center: values[..i].join(" "),
            spread: Some(values[i + 1..].join(" ")),
        },
        None => Cell {
            center: values.join(" "),
            spread: None,
        },
    })
}

/// The change column's text: `-68.21% (p=0.000 n=8) ¹`, `~ (p=0.130 n=8)`,
/// `+3.77% ³`; the change, the test and the marks.
fn change(text: &str, marks: &mut Vec<String>) -> (Option<String>, Option<String>) {
    let (before, test) = match (text.find('('), text.find(')')) {
        (Some(open), Some(close)) => (
            format!("{} {}", &text[..open], &text[close + 1..]),
            Some(text[open + 1..close].to_owned()),
        ),
        _ => (text.to_owned(), None),
    };
    let mut change = None;
    for token in before.split_whitespace() {
        if is_mark(token) {
            marks.push(token.to_owned());
        } else if token != "—" {
            change = Some(token.to_owned());
        }
    }
    (change, test)
}

/// Footnotes under a table: `¹ all samples are equal`.
fn footnote(line: &str) -> Option<(String, String)> {
    let (mark, text) = line.split_once(' ')?;
    is_mark(mark).then(|| (mark.to_owned(), text.to_owned()))
}

fn resolve(
    tables: &mut Tables,
    pending: &mut Vec<((String, String), Vec<String>)>,
    notes: &BTreeMap<String, String>,
) {
    for (key, marks) in pending.drain(..) {
        let row = tables.get_mut(&key).expect("row");
        for mark in marks {
            let text = notes
                .get(&mark)
                .unwrap_or_else(|| panic!("footnote {mark} of {key:?}"));
            row.notes.insert(text.clone());
        }
    }
}

/// benchstat's text output: per table, a header of two lines with `│`
/// separators (the second names the unit), rows, footnotes.
fn parse_benchstat(text: &str) -> Tables {
    let mut tables = Tables::new();
    let mut header: Vec<Vec<char>> = Vec::new();
    let mut unit = String::new();
    let mut bars: Vec<usize> = Vec::new();
    let mut pending = Vec::new();
    let mut notes = BTreeMap::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if line.contains('│') {
            header.push(chars.clone());
            if header.len() == 2 {
                bars = chars
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c == '│')
                    .map(|(i, _)| i)
                    .collect();
                unit = chars_between(&chars, bars[0] + 1, bars[1]);
            }
            continue;
        }
        if line.trim().is_empty() {
            resolve(&mut tables, &mut pending, &notes);
            header.clear();
            notes.clear();
            continue;
        }
        if header.len() < 2 {
            continue; // configuration lines
        }
        if let Some((mark, note)) = footnote(line) {
            notes.insert(mark, note);
            continue;
        }
        let name = chars_between(&chars, 0, bars[0]);
        let mut marks = Vec::new();
        let old_text = chars_between(&chars, bars[0], bars[1]);
        let new_text = chars_between(&chars, bars[1], chars.len());
        let old = cell(&old_text, &mut marks);
        // The new side: a cell, then the change and test.
        let tokens: Vec<&str> = new_text.split_whitespace().collect();
        let (cell_text, rest) = match tokens.iter().position(|t| *t == "±") {
            Some(i) => (tokens[..i + 2].join(" "), tokens[i + 2..].join(" ")),
            None if name == "geomean" => {
                // A center, unless the first token is the change already.
                match tokens.first() {
                    Some(t) if !t.ends_with('%') && *t != "?" && !is_mark(t) => {
                        (t.to_string(), tokens[1..].join(" "))
                    }
                    _ => (String::new(), tokens.join(" ")),
                }
            }
            None => (String::new(), tokens.join(" ")),
        };
        let new = cell(&cell_text, &mut marks);
        let (change, test) = change(&rest, &mut marks);
        let key = (unit.clone(), name);
        tables.insert(
            key.clone(),
            Printed {
                old,
                new,
                change,
                test,
                notes: BTreeSet::new(),
            },
        );
        pending.push((key, marks));
    }
    resolve(&mut tables, &mut pending, &notes);
    tables
}

/// benchstat's name for a unit (as it tidies them).
fn benchstat_unit(unit: &str) -> String {
    match unit {
        "ns/op" => "sec/op".to_owned(),
        "MB/s" => "B/s".to_owned(),
        other => other.to_owned(),
    }
}

/// A median as workshop prints it, in benchstat's digits and prefix: the unit
/// symbol workshop adds (`ns`'s `s`, ` B`, ` B/s`) removed.
fn benchstat_center(center: &str, unit: &str) -> String {
    let compact = center.replace(' ', "");
    let stripped = match unit {
        "ns/op" => compact.strip_suffix('s'),
        "B/op" => compact.strip_suffix('B'),
        "MB/s" => compact.strip_suffix("B/s"),
        _ => Some(compact.as_str()),
    };
    stripped
        .unwrap_or_else(|| panic!("{center:?} lacks the unit of {unit}"))
        .to_owned()
}

/// workshop's text output: per table, a header naming the unit and the two
/// files (right-aligned over their columns), rows, footnotes.
fn parse_workshop(text: &str, old_label: &str, new_label: &str) -> Tables {
    let mut tables = Tables::new();
    let mut unit = String::new();
    let mut ends = (0, 0);
    let mut pending = Vec::new();
    let mut notes = BTreeMap::new();
    let mut in_table = false;
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if line.trim().is_empty() {
            resolve(&mut tables, &mut pending, &notes);
            notes.clear();
            in_table = false;
            continue;
        }
        if !in_table {
            in_table = true;
            unit = line.split_whitespace().next().unwrap().to_owned();
            let column = |label: &str, from: usize| -> usize {
                let at = line[from..].find(label).expect("file name in the header") + from;
                line[..at + label.len()].chars().count()
            };
            let old_end = column(old_label, unit.len());
            let new_start = line
                .char_indices()
                .nth(old_end)
                .map_or(line.len(), |(i, _)| i);
            ends = (old_end, column(new_label, new_start));
            continue;
        }
        if let Some((mark, note)) = footnote(line) {
            // workshop adds advice to the notes on sample sizes.
            let note = note
                .strip_suffix(" (run the benchmarks with -count 10 or more)")
                .unwrap_or(&note)
                .to_owned();
            notes.insert(mark, note);
            continue;
        }
        let name = line.split_whitespace().next().unwrap().to_owned();
        let name_end = name.chars().count();
        let mut marks = Vec::new();
        let normalize = |c: Option<Cell>| {
            c.map(|c| Cell {
                center: benchstat_center(&c.center, &unit),
                spread: c.spread,
            })
        };
        let old = normalize(cell(&chars_between(&chars, name_end, ends.0), &mut marks));
        let new = normalize(cell(&chars_between(&chars, ends.0, ends.1), &mut marks));
        let (change, test) = change(&chars_between(&chars, ends.1, chars.len()), &mut marks);
        let name = name.strip_prefix("Benchmark").unwrap_or(&name).to_owned();
        let key = (benchstat_unit(&unit), name);
        tables.insert(
            key.clone(),
            Printed {
                old,
                new,
                change,
                test,
                notes: BTreeSet::new(),
            },
        );
        pending.push((key, marks));
    }
    resolve(&mut tables, &mut pending, &notes);
    tables
}

fn pair(name: &str) -> (PathBuf, PathBuf) {
    let dir = repo().join("tests/fixtures/bench").join(name);
    (dir.join("old.txt"), dir.join("new.txt"))
}

#[test]
fn compare_prints_the_numbers_benchstat_prints() {
    let mut rows = 0;
    for name in PAIRS {
        let (old, new) = pair(name);
        let expected = parse_benchstat(&benchstat(&[], &old, &new));
        let label = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        let ours = workshop(&[], &old, &new);
        let actual = parse_workshop(&ours.stdout, &label(&old), &label(&new));
        assert!(
            !expected.is_empty(),
            "benchstat printed no rows for {name:?}"
        );
        for (key, want) in &expected {
            let got = actual.get(key).unwrap_or_else(|| {
                panic!(
                    "{name:?}: workshop lacks {key:?}\n--- workshop\n{}",
                    ours.stdout
                )
            });
            assert_eq!(
                got, want,
                "{name:?} {key:?}: workshop (left) differs from benchstat (right)\n--- workshop\n{}",
                ours.stdout
            );
        }
        let extra: Vec<_> = actual
            .keys()
            .filter(|k| !expected.contains_key(*k))
            .collect();
        assert!(
            extra.is_empty(),
            "{name:?}: rows benchstat does not print: {extra:?}"
        );
        rows += expected.len();
    }
    assert!(rows >= 140, "only {rows} rows compared");
}

/// benchstat's CSV: per table, a row of file names, a row `,unit,CI,unit,CI,vs
/// base,P`, then rows of unrounded medians.
fn parse_csv(text: &str) -> BTreeMap<(String, String), [Option<f64>; 2]> {
    let mut medians = BTreeMap::new();
    let mut unit = String::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() < 2 {
            continue;
        }
        if fields[0].is_empty() {
            if fields[2] == "CI" {
                unit = fields[1].to_owned();
            }
            continue;
        }
        let number = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
        medians.insert((unit.clone(), fields[0].to_owned()), [number(1), number(3)]);
    }
    medians
}

#[test]
fn compare_json_holds_benchstats_numbers() {
    let mut methods = BTreeSet::new();
    let mut sizes = BTreeSet::new();
    for name in PAIRS {
        let (old, new) = pair(name);
        let csv = parse_csv(&benchstat(&["-format", "csv"], &old, &new));
        let doc = workshop(&["--json"], &old, &new).json();
        for table in doc["units"].as_array().unwrap() {
            let unit = table["unit"].as_str().unwrap();
            let factor = match unit {
                "ns/op" => 1e-9,
                "MB/s" => 1e6,
                _ => 1.0,
            };
            for row in table["rows"].as_array().unwrap() {
                let bench = row["name"].as_str().unwrap();
                let key = (
                    benchstat_unit(unit),
                    bench.strip_prefix("Benchmark").unwrap().to_owned(),
                );
                let want = csv
                    .get(&key)
                    .unwrap_or_else(|| panic!("{name:?}: benchstat's CSV lacks {key:?}"));
                for (side, expected) in ["old", "new"].iter().zip(want) {
                    let got = row[format!("{side}_median")].as_f64();
                    match (got, expected) {
                        (Some(got), Some(expected)) => {
                            let relative = ((got * factor - expected) / expected).abs();
                            assert!(
                                relative < 1e-12 || got == *expected,
                                "{name:?} {key:?} {side}: {got} × {factor} vs benchstat {expected}"
                            );
                        }
                        (None, None) => {}
                        other => panic!("{name:?} {key:?} {side}: {other:?}"),
                    }
                    if let Some(n) = row[format!("{side}_n")].as_u64() {
                        sizes.insert(n);
                    }
                }
                if let Some(method) = row["test"].as_str() {
                    methods.insert(method.to_owned());
                }
            }
        }
    }
    // The fixtures cover every way of computing the numbers.
    for method in ["exact", "exact-with-ties", "normal", "all-equal"] {
        assert!(
            methods.contains(method),
            "no {method} test among {methods:?}"
        );
    }
    for n in [3, 4, 5, 6, 8, 20, 25, 26, 31, 50, 51] {
        assert!(sizes.contains(&n), "no sample of {n} among {sizes:?}");
    }
}

#[test]
fn json_rounds_to_the_printed_numbers() {
    let (old, new) = pair("json");
    let text = parse_benchstat(&benchstat(&[], &old, &new));
    let doc = workshop(&["--json"], &old, &new).json();
    for table in doc["units"].as_array().unwrap() {
        let unit = benchstat_unit(table["unit"].as_str().unwrap());
        for row in table["rows"].as_array().unwrap() {
            let bench = row["name"]
                .as_str()
                .unwrap()
                .strip_prefix("Benchmark")
                .unwrap();
            let printed = &text[&(unit.clone(), bench.to_owned())];
            let p = row["p"].as_f64().unwrap();
            let n = row["old_n"].as_u64().unwrap();
            assert_eq!(
                printed.test.as_deref(),
                Some(format!("p={p:.3} n={n}").as_str())
            );
            let spread = row["old_spread_percent"].as_f64().unwrap();
            assert_eq!(
                printed.old.as_ref().unwrap().spread.as_deref(),
                Some(format!("{spread:.0}%").as_str())
            );
            if row["significant"] == true {
                let change = row["change_percent"].as_f64().unwrap();
                let expected = if change == 0.0 {
                    "0.00%".to_owned()
                } else {
                    format!("{change:+.2}%")
                };
                assert_eq!(printed.change.as_deref(), Some(expected.as_str()));
            } else {
                assert_eq!(printed.change.as_deref(), Some("~"));
            }
        }
    }
}
