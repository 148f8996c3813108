//! `workshop inspect` on the trace corpus: the dump must equal Go's own reader's,
//! event for event, and the summary must say what the traces hold.

use std::path::{Path, PathBuf};

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
    // The oracle is Go's own reader.
    let output = go()
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
        .stdout_has("4 × created at basic.go:191 (main.leak), waiting (chan send, runtime.chansend1) at basic.go:191 (main.leak.func1)");
}

#[test]
fn summary_lists_tasks_regions_and_logs() {
    let trace = repo().join("tests/fixtures/traces/tasks-go125.trace");
    let run = inspect(&["--tasks", "--regions"], &trace);
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
    let run = inspect(&["--json"], &trace);
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
    let run = inspect(&["--json"], &trace);
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
    let run = inspect(&[], workshop.path().join("not-a-trace.out"));
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
    let run = inspect(&["--dump"], &cut);
    run.code(2).stderr_has("cut.trace").stderr_has("at byte");
}

/// Go's own reader tests: hand-written traces of scheduling corner cases (procs
/// stolen from syscalls across generation boundaries, reused thread ids, tasks
/// spanning generations), in the text form of Go's test suite. They are read from
/// the installed Go tree, turned into binary traces here, and must give the same
/// verdict (read or rejected) and the same dump as `go tool trace`.
#[test]
fn go_reader_corner_cases_give_the_same_verdict_and_dump() {
    let goroot = go()
        .args(["env", "GOROOT"])
        .output()
        .expect("`go` must be installed");
    let goroot = String::from_utf8(goroot.stdout).unwrap();
    let dir = Path::new(goroot.trim()).join("src/internal/trace/testdata/tests");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "test"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 15,
        "only {} cases in {}",
        cases.len(),
        dir.display()
    );
    let temp = Workshop::empty();
    let mut failures = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(case).unwrap();
        let expect_ok = section(&text, "expect").trim_start().starts_with("SUCCESS");
        let binary_trace = text_trace_to_binary(section(&text, "trace"));
        let file = temp
            .path()
            .join(case.file_name().unwrap())
            .with_extension("trace");
        std::fs::write(&file, binary_trace).unwrap();
        let ours = binary()
            .arg("inspect")
            .arg("--dump")
            .arg(&file)
            .output()
            .unwrap();
        let go = go()
            .args(["tool", "trace", "-d=parsed"])
            .arg(&file)
            .output()
            .unwrap();
        let name = case.file_name().unwrap().to_string_lossy();
        match (expect_ok, ours.status.success(), go.status.success()) {
            (true, true, true) if ours.stdout == go.stdout => {}
            (true, true, true) => failures.push(format!(
                "{name}: dumps differ: {}",
                first_difference(&ours.stdout, &go.stdout)
            )),
            (false, false, false) => {}
            (expected, ours_ok, go_ok) => failures.push(format!(
                "{name}: expected {}, go {}, ours {} ({})",
                if expected { "success" } else { "failure" },
                if go_ok { "succeeded" } else { "failed" },
                if ours_ok { "succeeded" } else { "failed" },
                String::from_utf8_lossy(&ours.stderr).trim()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The body of a `-- name --` section of a txtar file.
fn section<'a>(text: &'a str, name: &str) -> &'a str {
    let marker = format!("-- {name} --\n");
    let start = text
        .find(&marker)
        .map(|i| i + marker.len())
        .unwrap_or(text.len());
    let end = text[start..]
        .find("\n-- ")
        .map_or(text.len(), |i| start + i + 1);
    &text[start..end]
}

/// Turns the text form of a trace (`Trace Go1.22` then one event per line,
/// `Name arg=value ...`) into the binary format.
fn text_trace_to_binary(text: &str) -> Vec<u8> {
    use workshop::trace::spec;
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    let header = lines.next().expect("a header line");
    let minor: u32 = header
        .strip_prefix("Trace Go1.")
        .expect("Trace Go1.N")
        .parse()
        .unwrap();
    let mut out = format!("go 1.{minor} trace\0\0\0").into_bytes();
    let names: std::collections::HashMap<String, u8> =
        (0..=255u8).map(|t| (spec::name(t), t)).collect();
    while let Some(line) = lines.next() {
        let mut fields = line.split_whitespace();
        let name = fields.next().unwrap();
        let typ = *names
            .get(name)
            .unwrap_or_else(|| panic!("unknown event {name}"));
        out.push(typ);
        let values: Vec<u64> = fields
            .map(|f| f.split_once('=').unwrap().1.parse().unwrap())
            .collect();
        for &value in &values {
            uvarint(&mut out, value);
        }
        match typ {
            spec::EV_STACK => {
                for _ in 0..values[1] {
                    for frame in lines.next().unwrap().split_whitespace() {
                        uvarint(&mut out, frame.split_once('=').unwrap().1.parse().unwrap());
                    }
                }
            }
            spec::EV_STRING | spec::EV_EXPERIMENTAL_BATCH => {
                let data = lines.next().unwrap();
                let quoted = data.split_once('=').unwrap().1.trim();
                let bytes = unquote(quoted);
                uvarint(&mut out, bytes.len() as u64);
                out.extend_from_slice(&bytes);
            }
            _ => {}
        }
    }
    out
}

fn uvarint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A Go double-quoted string literal's bytes (the escapes these files use).
fn unquote(quoted: &str) -> Vec<u8> {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .expect("a quoted string");
    let mut out = Vec::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next() {
            Some('n') => out.push(b'\n'),
            Some('t') => out.push(b'\t'),
            Some('\\') => out.push(b'\\'),
            Some('"') => out.push(b'"'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(u8::from_str_radix(&hex, 16).unwrap());
            }
            other => panic!("unsupported escape \\{other:?}"),
        }
    }
    out
}
