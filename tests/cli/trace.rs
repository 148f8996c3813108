//! `workshop inspect` on the trace corpus: the dump must equal Go's own reader's,
//! event for event, and the summary must say what the traces hold.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::*;

fn corpus() -> Vec<PathBuf> {
    let mut traces: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures/traces"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "trace"))
        .collect();
    traces.sort();
    assert!(
        traces.len() >= 20,
        "the trace corpus is missing: {} traces",
        traces.len()
    );
    traces
}

fn go_dump(trace: &Path) -> Vec<u8> {
    // The oracle is Go's own reader. (Tests may start processes; the program may not.)
    #[allow(clippy::disallowed_methods)]
    let output = Command::new("go")
        .args(["tool", "trace", "-d=parsed"])
        .arg(trace)
        .output()
        .expect("`go` must be installed to compare with go tool trace");
    assert!(
        output.status.success(),
        "go tool trace failed on {}: {}",
        trace.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn our_dump(trace: &Path) -> Vec<u8> {
    let output = binary()
        .arg("inspect")
        .arg("--dump")
        .arg(trace)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "workshop inspect --dump failed on {}: {}",
        trace.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// The first line where two dumps differ, with context.
fn first_difference(ours: &[u8], go: &[u8]) -> String {
    let ours: Vec<&[u8]> = ours.split(|&b| b == b'\n').collect();
    let go: Vec<&[u8]> = go.split(|&b| b == b'\n').collect();
    let line = ours
        .iter()
        .zip(&go)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(go.len()));
    format!(
        "line {}:\n  ours: {}\n  go:   {}\n(ours has {} lines, go {})",
        line + 1,
        ours.get(line)
            .map_or("<end>".into(), |l| String::from_utf8_lossy(l)),
        go.get(line)
            .map_or("<end>".into(), |l| String::from_utf8_lossy(l)),
        ours.len(),
        go.len()
    )
}

#[test]
fn dump_is_identical_to_go_tool_trace_on_every_corpus_trace() {
    let mut failures = Vec::new();
    let traces = corpus();
    for trace in &traces {
        let (ours, go) = (our_dump(trace), go_dump(trace));
        if ours != go {
            failures.push(format!(
                "{}: {}",
                trace.display(),
                first_difference(&ours, &go)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} dumps differ from go tool trace -d=parsed:\n{}",
        failures.len(),
        traces.len(),
        failures.join("\n\n")
    );
}

#[test]
fn corpus_covers_every_format_version() {
    let names: Vec<String> = corpus()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for version in ["go122", "go123", "go124", "go125", "go126"] {
        assert!(
            names.iter().any(|n| n.contains(version)),
            "no trace from {version}"
        );
    }
    for header in [
        "go 1.22 trace",
        "go 1.23 trace",
        "go 1.25 trace",
        "go 1.26 trace",
    ] {
        let found = corpus()
            .iter()
            .any(|p| std::fs::read(p).unwrap().starts_with(header.as_bytes()));
        assert!(found, "no trace with the header {header:?}");
    }
}

#[test]
fn summary_of_a_leak_shows_the_blocked_goroutines() {
    let trace = repo().join("tests/fixtures/traces/leak-go126.trace");
    let output = binary().arg("inspect").arg(&trace).output().unwrap();
    let run = Run::from(output);
    run.code(0)
        .stdout_has("format go 1.26")
        .stdout_has("4 × created at basic.go:191 (main.leak), waiting (chan send) at basic.go:191 (main.leak.func1)");
}

#[test]
fn summary_lists_tasks_regions_and_logs() {
    let trace = repo().join("tests/fixtures/traces/tasks-go125.trace");
    let run = Run::from(
        binary()
            .args(["inspect", "--tasks", "--regions"])
            .arg(&trace)
            .output()
            .unwrap(),
    );
    run.code(0)
        .stdout_has("request ×1")
        .stdout_has("save ×1")
        .stdout_has("fetch ×3")
        .stdout_has("decode ×3")
        .stdout_has("worker ×3")
        .stdout_has("\"request\"            parent none")
        .stdout_has("\"save\"               parent 1");
}

#[test]
fn json_facts_of_unended_tasks_and_regions() {
    let trace = repo().join("tests/fixtures/traces/unended-go126.trace");
    let run = Run::from(
        binary()
            .args(["inspect", "--json"])
            .arg(&trace)
            .output()
            .unwrap(),
    );
    run.code(0);
    let doc = run.json();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["format"], "go 1.26");
    let tasks = doc["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0]["name"], "forever");
    assert!(tasks[0]["end"].is_null());
    let regions = doc["regions"].as_array().unwrap();
    assert_eq!(regions[0]["name"], "open-region");
    assert!(regions[0]["end"].is_null());
    assert_eq!(doc["logs"][0]["category"], "state");
}

#[test]
fn flight_recorder_snapshot_holds_the_slow_request() {
    let trace = repo().join("tests/fixtures/traces/flightrecorder-go126.trace");
    let run = Run::from(
        binary()
            .args(["inspect", "--json"])
            .arg(&trace)
            .output()
            .unwrap(),
    );
    run.code(0);
    let doc = run.json();
    let regions = doc["regions"].as_array().unwrap();
    assert!(
        regions.iter().any(|r| r["name"] == "handle"),
        "no handle region in the snapshot"
    );
}

#[test]
fn non_trace_input_is_a_clear_error() {
    let workshop = Workshop::empty();
    workshop.write("not-a-trace.out", "hello, world\n");
    let run = Run::from(
        binary()
            .arg("inspect")
            .arg(workshop.path().join("not-a-trace.out"))
            .output()
            .unwrap(),
    );
    run.code(2)
        .stderr_has("not-a-trace.out")
        .stderr_has("not a Go execution trace");
}

#[test]
fn truncated_trace_names_the_byte_offset() {
    let workshop = Workshop::empty();
    let bytes = std::fs::read(repo().join("tests/fixtures/traces/churn-go126.trace")).unwrap();
    let cut = workshop.path().join("cut.trace");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let run = Run::from(
        binary()
            .arg("inspect")
            .arg("--dump")
            .arg(&cut)
            .output()
            .unwrap(),
    );
    run.code(2).stderr_has("cut.trace").stderr_has("at byte");
}
