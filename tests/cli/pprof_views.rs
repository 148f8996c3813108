//! `workshop inspect PROFILE --base BASE` and `--list REGEX` against the
//! installed `go tool pprof -top -diff_base=BASE` and `-list`: every row of
//! every fixture pair of the same sample types, and the whole listing of the
//! exercise profiles (tests/fixtures/profiles/generate-exercises.sh), run from
//! exercises/ where pprof and workshop find their sources alike.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::pprof_top::{parse, pprof_in, top_flags};
use crate::*;

fn profiles() -> PathBuf {
    repo().join("tests/fixtures/profiles")
}

/// The fixtures grouped by their sample types (names and units).
fn groups() -> BTreeMap<String, Vec<PathBuf>> {
    let mut groups: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(profiles())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pprof"))
        .collect();
    files.sort();
    for file in files {
        let run = inspect(&["--json", "--top", "1"], &file);
        run.code(0);
        let key = run.json()["sample_types"].to_string();
        groups.entry(key).or_default().push(file);
    }
    groups
}

/// A number as pprof prints it with `-unit=ns` or `-unit=B`: `-1200ns`, `0`.
/// What `go tool pprof -top -diff_base` prints: the rows in order as (name,
/// flat, cum), the sum shown and the total of its header.
fn go_diff(
    profile: &Path,
    base: &Path,
    sample: &str,
    unit: &str,
    extra: &[&str],
) -> (Vec<(String, i64, i64)>, i64, i64) {
    let mut flags = top_flags(sample, unit);
    flags.extend(extra.iter().map(|f| (*f).to_owned()));
    flags.push(format!("-diff_base={}", base.display()));
    let top = parse(&pprof_in(&repo(), &flags, profile));
    (
        top.rows,
        top.shown.expect("pprof's header"),
        top.total.expect("pprof's header"),
    )
}

#[test]
fn base_equals_go_tool_pprof_diff_base_on_every_fixture_pair() {
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut pairs = 0;
    for files in groups().values() {
        // Every pair of fixtures of the same types, and the first against itself.
        for (i, base) in files.iter().enumerate() {
            for (j, profile) in files.iter().enumerate().skip(i) {
                if j == i && i > 0 {
                    continue;
                }
                pairs += 1;
                let types = inspect(&["--json", "--top", "1"], profile).json();
                for sample_type in types["sample_types"].as_array().unwrap() {
                    let name = sample_type["name"].as_str().unwrap();
                    let unit = sample_type["unit"].as_str().unwrap();
                    let run = inspect(
                        &[
                            "--json",
                            "--top",
                            "0",
                            "--sample",
                            name,
                            "--base",
                            base.to_str().unwrap(),
                        ],
                        profile,
                    );
                    run.code(0);
                    let doc = run.json();
                    let ours: Vec<(String, i64, i64)> = doc["functions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|f| {
                            (
                                f["name"].as_str().unwrap().to_owned(),
                                f["flat"].as_i64().unwrap(),
                                f["cum"].as_i64().unwrap(),
                            )
                        })
                        .collect();
                    let (rows, shown, total) = go_diff(profile, base, name, unit, &[]);
                    compared += 1;
                    let label = format!(
                        "{} --base {} {name}",
                        profile.file_name().unwrap().to_string_lossy(),
                        base.file_name().unwrap().to_string_lossy()
                    );
                    if doc["total"].as_i64() != Some(total) || doc["shown"].as_i64() != Some(shown)
                    {
                        failures.push(format!(
                            "{label}: total {} shown {}, go total {total} shown {shown}",
                            doc["total"], doc["shown"]
                        ));
                    }
                    if ours != rows {
                        let first = ours
                            .iter()
                            .zip(&rows)
                            .position(|(a, b)| a != b)
                            .unwrap_or(ours.len().min(rows.len()));
                        failures.push(format!(
                            "{label}: {} rows, go {}; first difference at row {first}: ours {:?}, go {:?}",
                            ours.len(),
                            rows.len(),
                            ours.get(first),
                            rows.get(first)
                        ));
                    }
                }
            }
        }
    }
    assert!(pairs >= 20, "only {pairs} profile pairs");
    assert!(
        compared >= 60,
        "only {compared} pair/sample-type comparisons"
    );
    assert!(
        failures.is_empty(),
        "{} differences from go tool pprof -diff_base:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Our `--base` rows with `flags` as (name, flat, cum), in order.
fn our_diff(profile: &Path, base: &Path, sample: &str, flags: &[&str]) -> Vec<(String, i64, i64)> {
    let mut args = vec![
        "--json",
        "--top",
        "0",
        "--sample",
        sample,
        "--base",
        base.to_str().unwrap(),
    ];
    args.extend_from_slice(flags);
    let run = inspect(&args, profile);
    run.code(0);
    run.json()["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_owned(),
                f["flat"].as_i64().unwrap(),
                f["cum"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn base_normalized_and_by_cum_equal_go_tool_pprof() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for files in groups().values() {
        for (i, base) in files.iter().enumerate() {
            for profile in files.iter().skip(i + 1) {
                let types = inspect(&["--json", "--top", "1"], profile).json();
                let sample_type = &types["sample_types"][0];
                let name = sample_type["name"].as_str().unwrap();
                let unit = sample_type["unit"].as_str().unwrap();
                for (ours, go) in [
                    (&["--normalize"][..], &["-normalize"][..]),
                    (&["--cum"], &["-cum"]),
                    (&["--normalize", "--cum"], &["-normalize", "-cum"]),
                ] {
                    let mine = our_diff(profile, base, name, ours);
                    let (rows, _, _) = go_diff(profile, base, name, unit, go);
                    compared += 1;
                    if mine != rows {
                        let first = mine
                            .iter()
                            .zip(&rows)
                            .position(|(a, b)| a != b)
                            .unwrap_or(mine.len().min(rows.len()));
                        failures.push(format!(
                            "{} --base {} {name} {ours:?}: {} rows, go {}; first difference at row {first}: ours {:?}, go {:?}",
                            profile.file_name().unwrap().to_string_lossy(),
                            base.file_name().unwrap().to_string_lossy(),
                            mine.len(),
                            rows.len(),
                            mine.get(first),
                            rows.get(first)
                        ));
                    }
                }
            }
        }
    }
    assert!(compared >= 30, "only {compared} comparisons");
    assert!(
        failures.is_empty(),
        "{} differences from go tool pprof -diff_base:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn base_shows_changes_and_draws_a_differential_flame_graph() {
    let workshop = Workshop::empty();
    let svg = workshop.path().join("diff.svg");
    let base = profiles().join("exercise-cpu.pprof");
    let run = inspect(
        &[
            "--base",
            base.to_str().unwrap(),
            "--flamegraph",
            svg.to_str().unwrap(),
            "--top",
            "5",
        ],
        profiles().join("exercise-cpu-solution.pprof"),
    );
    run.code(0)
        .stdout_has("CPU profile against ")
        .stdout_has("in the base: -")
        .stdout_has("of the base's total")
        .stdout_has("flame graph written to");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("<svg") && text.contains("against the base"),
        "{text}"
    );
    // inferno colours a differential graph's frames by their change: what
    // grew is red (a plain graph's are warm hues of every kind).
    assert!(text.contains("fill=\"rgb(255,100,100)\""), "no red frame");
    assert!(text.contains("ms, "), "tooltips in ms");
    // A base of another kind has no sample type of that name.
    inspect(
        &["--base", profiles().join("heap.pprof").to_str().unwrap()],
        profiles().join("cpu.pprof"),
    )
    .code(2)
    .stderr_has("has no sample type `cpu`");
    let ja = binary()
        .env("WORKSHOP_LANG", "ja")
        .args(["inspect", "--base", base.to_str().unwrap()])
        .arg(profiles().join("exercise-cpu-solution.pprof"))
        .output()
        .unwrap();
    let ja = String::from_utf8_lossy(&ja.stdout);
    assert!(ja.contains("ベース"), "{ja}");
}

/// `workshop inspect --list` and `go tool pprof -list` run in `dir`.
fn both_list(dir: &Path, profile: &Path, sample: &str, pattern: &str) -> (Run, Run) {
    let ours = binary()
        .current_dir(dir)
        .args(["inspect", "--sample", sample, "--list", pattern])
        .arg(profile)
        .output()
        .unwrap();
    let theirs = go()
        .current_dir(dir)
        .args([
            "tool",
            "pprof",
            &format!("-sample_index={sample}"),
            "-list",
            pattern,
        ])
        .arg(profile)
        .output()
        .expect("`go` must be installed");
    (Run::from(ours), Run::from(theirs))
}

#[test]
fn list_equals_go_tool_pprof_list() {
    let exercises = repo().join("exercises");
    let cases = [
        ("exercise-cpu.pprof", "cpu", "CountErrors"),
        ("exercise-cpu.pprof", "samples", "01-regexp"),
        ("exercise-cpu.pprof", "cpu", "regexp.*compile$"),
        ("exercise-cpu.pprof", "cpu", "runtime.mallocgc$"),
        ("exercise-mem.pprof", "alloc_space", "01-concat"),
        ("exercise-mem.pprof", "alloc_objects", "BuildLine"),
        ("cpu.pprof", "cpu", "main\\."),
    ];
    for (file, sample, pattern) in cases {
        let (ours, theirs) = both_list(&exercises, &profiles().join(file), sample, pattern);
        assert_eq!(
            theirs.code, 0,
            "go tool pprof -list {pattern}: {}",
            theirs.stderr
        );
        ours.code(0);
        assert_eq!(
            ours.stdout, theirs.stdout,
            "--list {pattern} on {file} ({sample}) differs from go tool pprof -list"
        );
    }
    // Where the sources are not: the same routines, each with the error.
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = elsewhere.path().join("exercises");
    std::fs::create_dir(&dir).unwrap();
    let (ours, theirs) = both_list(
        &dir,
        &profiles().join("exercise-cpu.pprof"),
        "cpu",
        "CountErrors",
    );
    ours.code(0);
    assert!(
        ours.stdout.contains("Error: could not find file"),
        "{}",
        ours.stdout
    );
    assert_eq!(ours.stdout, theirs.stdout);
    // No match: both fail.
    let (ours, theirs) = both_list(
        &exercises,
        &profiles().join("exercise-cpu.pprof"),
        "cpu",
        "nomatch",
    );
    assert_ne!(theirs.code, 0);
    ours.code(2).stderr_has("matches /nomatch/");
}

#[test]
fn list_speaks_japanese_and_json() {
    let exercises = repo().join("exercises");
    let profile = profiles().join("exercise-cpu.pprof");
    let ja = binary()
        .current_dir(&exercises)
        .env("WORKSHOP_LANG", "ja")
        .args(["inspect", "--list", "CountErrors$"])
        .arg(&profile)
        .output()
        .unwrap();
    let ja = String::from_utf8_lossy(&ja.stdout);
    assert!(ja.starts_with("合計: ") && ja.contains("関数 ===="), "{ja}");
    let run = binary()
        .current_dir(&exercises)
        .args(["inspect", "--json", "--list", "CountErrors$"])
        .arg(&profile)
        .output()
        .unwrap();
    let run = Run::from(run);
    run.code(0);
    let doc = run.json();
    // BenchmarkCountErrors matches too, and comes first by name.
    let routine = doc["routines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["function"].as_str().unwrap().ends_with(".CountErrors"))
        .unwrap();
    let lines = routine["lines"].as_array().unwrap();
    let cum: i64 = lines
        .iter()
        .map(|l| l["cum"].as_i64().unwrap())
        .max()
        .unwrap();
    assert!(cum > 0 && cum <= routine["cum"].as_i64().unwrap(), "{doc}");
    assert!(
        lines
            .iter()
            .any(|l| l["text"].as_str().unwrap().contains("func CountErrors"))
    );
}
