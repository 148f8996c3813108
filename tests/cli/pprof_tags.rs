//! `workshop inspect PROFILE --tags`, `--tagfocus` and `--tagignore` against
//! the installed `go tool pprof -tags`, `-top -tagfocus/-tagignore`,
//! `-diff_base` and `-list`: profiles with pprof.Do labels
//! (tests/fixtures/profiles/generate-labels.sh) and Go's heap profiles, whose
//! samples carry a numeric `bytes` label.

use std::path::{Path, PathBuf};

use crate::pprof_top::{parse, pprof_in, top_flags};
use crate::*;

fn profiles() -> PathBuf {
    repo().join("tests/fixtures/profiles")
}

/// What `go tool pprof ARGS PROFILE` prints, run in `dir`; it must succeed.
/// The filters of one comparison, as both programs take them.
fn filter_args(focus: Option<&str>, ignore: Option<&str>) -> (Vec<String>, Vec<String>) {
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    if let Some(f) = focus {
        ours.extend(["--tagfocus".to_owned(), f.to_owned()]);
        theirs.push(format!("-tagfocus={f}"));
    }
    if let Some(f) = ignore {
        ours.extend(["--tagignore".to_owned(), f.to_owned()]);
        theirs.push(format!("-tagignore={f}"));
    }
    (ours, theirs)
}

/// A profile, its sample types, and `-tagfocus` and `-tagignore` (if any).
type Case = (
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
    Option<&'static str>,
);

/// Each profile with its sample types, and filters of every form pprof reads.
const CASES: &[Case] = &[
    ("labels-cpu.pprof", &["cpu", "samples"], None, None),
    ("labels-cpu.pprof", &["cpu"], Some("endpoint=/search"), None),
    (
        "labels-cpu.pprof",
        &["cpu"],
        Some("endpoint=search,login"),
        None,
    ),
    (
        "labels-cpu.pprof",
        &["cpu"],
        Some("endpoint=^/s"),
        Some("tenant=acme"),
    ),
    ("labels-cpu.pprof", &["cpu"], None, Some("endpoint=.")),
    ("labels-cpu.pprof", &["cpu"], Some("tenant:globex"), None),
    (
        "labels-cpu.pprof",
        &["cpu"],
        Some("endpoint:/login,phase:hash"),
        None,
    ),
    ("labels-cpu.pprof", &["cpu"], Some("phase="), None),
    // A number is a range to pprof: the string label `shard` never matches.
    (
        "labels-cpu.pprof",
        &["cpu"],
        Some("shard=1.*"),
        Some("shard=7"),
    ),
    ("labels-goroutine.pprof", &["goroutine"], None, None),
    (
        "labels-goroutine.pprof",
        &["goroutine"],
        Some("endpoint=/static"),
        None,
    ),
    (
        "labels-goroutine.pprof",
        &["goroutine"],
        None,
        Some("worker=[0-2]"),
    ),
    ("heap.pprof", &["alloc_space", "inuse_objects"], None, None),
    ("heap.pprof", &["alloc_space"], Some("bytes=1kb:"), None),
    (
        "heap.pprof",
        &["alloc_objects"],
        Some(":128"),
        Some("bytes=64b"),
    ),
    ("heap.pprof", &["inuse_space"], Some("bytes=16B:1mb"), None),
    ("allocs.pprof", &["alloc_space"], Some("32kb:"), None),
    ("test-mem.pprof", &["alloc_space"], None, None),
    ("cpu.pprof", &["cpu"], None, None),
];

#[test]
fn tags_equal_go_tool_pprof_tags() {
    let dir = profiles();
    let mut compared = 0;
    for &(file, samples, focus, ignore) in CASES {
        let profile = dir.join(file);
        for sample in samples {
            let (ours_filters, theirs_filters) = filter_args(focus, ignore);
            let mut args = vec![
                "--tags".to_owned(),
                "--sample".to_owned(),
                sample.to_string(),
            ];
            args.extend(ours_filters);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let ours = inspect(&args, &profile);
            ours.code(0);
            let mut go_args = vec!["-tags".to_owned(), format!("-sample_index={sample}")];
            go_args.extend(theirs_filters);
            let theirs = pprof_in(&dir, &go_args, &profile);
            if theirs.is_empty() {
                // pprof prints nothing when no sample carries a label.
                ours.stdout_has("no sample carries a profiler label");
            } else {
                assert_eq!(
                    ours.stdout, theirs,
                    "--tags on {file} ({sample}, {focus:?}, {ignore:?}) differs from go tool pprof -tags"
                );
            }
            compared += 1;
        }
    }
    assert!(compared >= 20, "only {compared} comparisons");
}

/// A number as pprof prints it with `-unit=ns` or `-unit=B`: `-1200ns`, `0`.
/// `go tool pprof -top`'s rows (name, flat, cum) and the total of its header.
fn go_top(
    profile: &Path,
    sample: &str,
    unit: &str,
    extra: &[String],
) -> (Vec<(String, i64, i64)>, i64) {
    let mut flags = top_flags(sample, unit);
    flags.extend_from_slice(extra);
    let top = parse(&pprof_in(&profiles(), &flags, profile));
    // With nothing left, pprof prints no header.
    (top.rows, top.total.unwrap_or(0))
}

fn our_rows(doc: &serde_json::Value) -> Vec<(String, i64, i64)> {
    doc["functions"]
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
fn top_with_tag_filters_equals_go_tool_pprof_top() {
    let mut compared = 0;
    for &(file, samples, focus, ignore) in CASES {
        if focus.is_none() && ignore.is_none() {
            continue;
        }
        let profile = profiles().join(file);
        for sample in samples {
            let (ours_filters, theirs_filters) = filter_args(focus, ignore);
            let mut args = vec![
                "--json".to_owned(),
                "--top".to_owned(),
                "0".to_owned(),
                "--sample".to_owned(),
                sample.to_string(),
            ];
            args.extend(ours_filters);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = inspect(&args, &profile);
            run.code(0);
            let doc = run.json();
            let unit = doc["unit"].as_str().unwrap().to_owned();
            let (rows, total) = go_top(&profile, sample, &unit, &theirs_filters);
            let label = format!("{file} ({sample}, {focus:?}, {ignore:?})");
            assert_eq!(doc["total"].as_i64(), Some(total), "total of {label}");
            assert_eq!(our_rows(&doc), rows, "rows of {label}");
            compared += 1;
        }
    }
    assert!(compared >= 12, "only {compared} comparisons");
}

#[test]
fn tag_filters_apply_to_the_base_and_the_listing_as_in_go_tool_pprof() {
    let profile = profiles().join("labels-cpu.pprof");
    let base = profiles().join("cpu.pprof");
    for (focus, ignore) in [(Some("endpoint=/search"), None), (None, Some("tenant=."))] {
        let (ours_filters, theirs_filters) = filter_args(focus, ignore);
        let mut args = vec![
            "--json".to_owned(),
            "--top".to_owned(),
            "0".to_owned(),
            "--base".to_owned(),
            base.to_str().unwrap().to_owned(),
        ];
        args.extend(ours_filters.clone());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = inspect(&args, &profile);
        run.code(0);
        let mut extra = vec![format!("-diff_base={}", base.display())];
        extra.extend(theirs_filters.clone());
        let (rows, total) = go_top(&profile, "cpu", "nanoseconds", &extra);
        let doc = run.json();
        assert_eq!(doc["total"].as_i64(), Some(total), "{focus:?} {ignore:?}");
        assert_eq!(our_rows(&doc), rows, "{focus:?} {ignore:?}");

        // -list, run where the generator's source is found alike.
        let dir = profiles().join("labels");
        let ours = binary()
            .current_dir(&dir)
            .args(["inspect", "--list", "main\\.spin"])
            .args(&ours_filters)
            .arg(&profile)
            .output()
            .unwrap();
        let mut go_args = vec!["-list=main\\.spin".to_owned()];
        go_args.extend(theirs_filters);
        let theirs = pprof_in(&dir, &go_args, &profile);
        assert_eq!(Run::from(ours).stdout, theirs, "-list {focus:?} {ignore:?}");
    }
}

#[test]
fn tags_combine_with_json_and_flame_graphs_and_refuse_what_pprof_cannot_read() {
    let profile = profiles().join("labels-cpu.pprof");
    let run = inspect(&["--tags", "--json"], &profile);
    run.code(0);
    let doc = run.json();
    let endpoint = &doc["tags"][0];
    assert_eq!(endpoint["key"], "endpoint");
    assert_eq!(endpoint["values"][0]["value"], "/search");
    let share = endpoint["values"][0]["share"].as_f64().unwrap();
    assert!(share > 0.3 && share < 0.9, "{doc}");

    let workshop = Workshop::empty();
    let svg = workshop.path().join("search.svg");
    inspect(
        &[
            "--tagfocus",
            "endpoint=/search",
            "--flamegraph",
            svg.to_str().unwrap(),
        ],
        &profile,
    )
    .code(0);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("main.spin") && !text.contains("main.main.func2"),
        "the /static closure is filtered out"
    );

    // pprof's warnings, on stderr.
    inspect(&["--tagfocus", "shard=7"], &profile)
        .code(0)
        .stderr_has("as a numeric range")
        .stderr_has("matched no samples");
    // What Go's regexp would refuse, and what is no regular expression.
    inspect(&["--tagfocus", "endpoint=("], &profile)
        .code(2)
        .stderr_has("--tagfocus cannot be used");
    inspect(&["--tagignore", "endpoint=a&&b"], &profile)
        .code(2)
        .stderr_has("Go's regexp");
    // Labels are a profile's: a trace takes no tag flags.
    inspect(
        &["--tags"],
        repo()
            .join("tests/fixtures/traces")
            .read_dir()
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "trace"))
            .unwrap(),
    )
    .code(2);
    let ja = binary()
        .env("WORKSHOP_LANG", "ja")
        .args(["inspect", "--tags"])
        .arg(&profile)
        .output()
        .unwrap();
    let ja = String::from_utf8_lossy(&ja.stdout);
    assert!(ja.contains("合計") && ja.contains("/search"), "{ja}");
}
