//! `workshop inspect` on pprof profiles: flat and cum of every function, for
//! every fixture and every sample type, must equal `go tool pprof -top`'s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::pprof_top::{parse, pprof_in, top_flags};
use crate::*;

fn fixtures() -> Vec<PathBuf> {
    let mut profiles: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures/profiles"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pprof"))
        .collect();
    profiles.sort();
    assert!(profiles.len() >= 10, "the profile fixtures are missing");
    profiles
}

/// function -> (flat, cum), and the total, as `go tool pprof -top` prints them.
fn go_top(profile: &Path, sample: &str, unit: &str) -> (BTreeMap<String, (i64, i64)>, i64) {
    let top = parse(&pprof_in(&repo(), &top_flags(sample, unit), profile));
    let mut functions = BTreeMap::new();
    for (name, flat, cum) in top.rows {
        let entry = functions.entry(name).or_insert((0, 0));
        entry.0 += flat;
        entry.1 += cum;
    }
    (functions, top.total.unwrap_or(0))
}

#[test]
fn flat_and_cum_equal_go_tool_pprof_on_every_fixture_and_sample_type() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for profile in fixtures() {
        let types = inspect(&["--json"], &profile);
        types.code(0);
        let types = types.json()["sample_types"].as_array().unwrap().clone();
        for sample_type in types {
            let name = sample_type["name"].as_str().unwrap();
            let unit = sample_type["unit"].as_str().unwrap();
            let ours = inspect(&["--json", "--top", "0", "--sample", name], &profile);
            ours.code(0);
            let doc = ours.json();
            let ours_total = doc["total"].as_i64().unwrap();
            let ours_functions: BTreeMap<String, (i64, i64)> = doc["functions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["name"].as_str().unwrap().to_owned(),
                        (f["flat"].as_i64().unwrap(), f["cum"].as_i64().unwrap()),
                    )
                })
                .collect();
            let (go_functions, go_total) = go_top(&profile, name, unit);
            compared += 1;
            let label = format!("{} {name}", profile.file_name().unwrap().to_string_lossy());
            if ours_total != go_total {
                failures.push(format!("{label}: total {ours_total}, go {go_total}"));
            }
            for (function, go_value) in &go_functions {
                match ours_functions.get(function) {
                    Some(ours_value) if ours_value == go_value => {}
                    other => failures.push(format!(
                        "{label}: {function}: ours {other:?}, go {go_value:?}"
                    )),
                }
            }
            for function in ours_functions
                .keys()
                .filter(|f| !go_functions.contains_key(*f))
            {
                failures.push(format!("{label}: {function} is ours only"));
            }
        }
    }
    assert!(
        compared >= 25,
        "only {compared} profile/sample-type pairs compared"
    );
    assert!(
        failures.is_empty(),
        "{} differences from go tool pprof:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn profile_summary_names_kind_and_top_functions() {
    let run = inspect(
        &["--top", "5"],
        repo().join("tests/fixtures/profiles/cpu.pprof"),
    );
    run.code(0)
        .stdout_has("CPU profile")
        .stdout_has("sample types: samples/count, cpu/nanoseconds")
        .stdout_has("main.fib");
}

#[test]
fn the_header_counts_samples_and_goroutines_as_pprof_does() {
    for (file, sample, word) in [
        ("cpu.pprof", "samples", "samples"),
        ("goroutine.pprof", "goroutine", "goroutines"),
    ] {
        let path = repo().join("tests/fixtures/profiles").join(file);
        let (_, total) = go_top(&path, sample, "count");
        // One record per stack stands for many samples: the count is theirs.
        inspect(&["--top", "1"], &path)
            .code(0)
            .stdout_has(&format!(", {total} {word}\n"));
    }
    inspect(
        &["--top", "1"],
        repo().join("tests/fixtures/profiles/heap.pprof"),
    )
    .code(0)
    .stdout_has(" stacks\n");
}

#[test]
fn raw_and_gzipped_profiles_read_the_same() {
    let raw = inspect(
        &["--json", "--top", "0"],
        repo().join("tests/fixtures/profiles/heap-raw.pprof"),
    );
    let gz = inspect(
        &["--json", "--top", "0"],
        repo().join("tests/fixtures/profiles/heap.pprof"),
    );
    assert_eq!(raw.json(), gz.json());
}

#[test]
fn flame_graph_is_an_svg() {
    let workshop = Workshop::empty();
    let svg = workshop.path().join("flame.svg");
    inspect(
        &["--flamegraph", svg.to_str().unwrap()],
        repo().join("tests/fixtures/profiles/cpu.pprof"),
    )
    .code(0);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<?xml") && text.contains("<svg") && text.contains("main.fib"));
    // Tooltips in the units people read, not "1,100,000,000 nanoseconds".
    inspect(
        &["--sample", "cpu", "--flamegraph", svg.to_str().unwrap()],
        repo().join("tests/fixtures/profiles/cpu.pprof"),
    )
    .code(0);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(!text.contains("nanoseconds"), "{text}");
    assert!(text.contains(" ms, "), "{text}");
    // Titled by what it measures, and a root bar that says what it holds.
    assert!(text.contains(">CPU time (CPU profile)</text>"), "{text}");
    assert!(text.contains(">all CPU time</text>"), "{text}");
    let heap = workshop.path().join("heap.svg");
    inspect(
        &[
            "--sample",
            "alloc_space",
            "--flamegraph",
            heap.to_str().unwrap(),
        ],
        repo().join("tests/fixtures/profiles/heap.pprof"),
    )
    .code(0);
    let text = std::fs::read_to_string(&heap).unwrap();
    assert!(
        text.contains(">bytes allocated (heap profile)</text>"),
        "{text}"
    );
}

#[test]
fn a_missing_file_is_not_called_a_trace_or_a_profile() {
    let workshop = Workshop::empty();
    let run = inspect(&[], workshop.path().join("nothing.out"));
    run.code(2)
        .stderr_has("nothing.out: No such file or directory");
    assert!(
        !run.stderr.contains("trace") && !run.stderr.contains("profile"),
        "{}",
        run.stderr
    );
}

#[test]
fn truncated_and_foreign_profiles_are_clear_errors() {
    let workshop = Workshop::empty();
    let bytes = std::fs::read(repo().join("tests/fixtures/profiles/cpu.pprof")).unwrap();
    let cut = workshop.path().join("cut.pprof");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    inspect(&[], &cut)
        .code(2)
        .stderr_has("cut.pprof")
        .stderr_has("gzip stream is damaged");
    let text = workshop.path().join("notes.txt");
    std::fs::write(&text, "these are notes, not a profile\n").unwrap();
    inspect(&[], &text)
        .code(2)
        .stderr_has("notes.txt")
        .stderr_has("not a pprof profile");
    inspect(
        &["--sample", "nope"],
        repo().join("tests/fixtures/profiles/cpu.pprof"),
    )
    .code(2)
    .stderr_has("no sample type `nope` (it has: samples, cpu)");
}

/// The goroutine-leak profile of Go 1.27 (tests/fixtures/profiles/
/// generate-goroutineleak.sh): named as what it is, its goroutines counted as
/// `go tool pprof` counts them (its numbers per function are compared with
/// pprof's with every other fixture's above).
#[test]
fn the_goroutine_leak_profile_is_named_and_counted() {
    let path = repo().join("tests/fixtures/profiles/goroutineleak.pprof");
    let (functions, total) = go_top(&path, "goroutineleak", "count");
    assert_eq!(total, 16);
    assert_eq!(functions["main.send"], (0, 12));
    inspect(&["--top", "3"], &path)
        .code(0)
        .stdout_has("goroutine-leak profile, 16 goroutines\n")
        .stdout_has("sample types: goroutineleak/count");
    let doc = inspect(&["--json", "--top", "0"], &path).json();
    assert_eq!(doc["kind"], "goroutineleak");
    assert_eq!(doc["total"], 16);
}
