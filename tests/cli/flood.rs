//! A test that prints in a tight loop until its deadline: the check still ends
//! with a verdict, its log and its memory stay bounded, and the report says how
//! much of the output was left out.

use std::time::{Duration, Instant};

use crate::*;

/// The bounds of a kept output (`OUTPUT_HEAD` and `OUTPUT_TAIL`), and room for
/// the line between them.
const LOG_BOUND: u64 = 8 * 1024 * 1024 + 4096;

/// The outcomes workshop with two more exercises: one whose test prints until
/// its deadline, one whose test prints 20 MiB and passes.
fn flooding_workshop() -> Workshop {
    let workshop = Workshop::fixture("outcomes");
    let manifest = std::fs::read_to_string(workshop.path().join("workshop.yaml")).unwrap();
    workshop
        .write(
            "exercises/outcome/flood/flood.go",
            "package flood\n\n// Line is what the test prints, again and again.\nfunc Line() string { return \"flood flood flood flood flood flood flood\\n\" }\n",
        )
        .write(
            "exercises/outcome/flood/flood_test.go",
            r#"package flood

import (
	"os"
	"strings"
	"testing"
)

func TestFlood(t *testing.T) {
	block := []byte(strings.Repeat(Line(), 1500))
	for {
		os.Stdout.Write(block)
	}
}
"#,
        )
        .write(
            "checks/outcome/flood/check.yaml",
            "title: The test prints until its deadline\ntests:\n  timeout: 3s\nruns:\n  - name: bench\n    bench: BenchmarkNone\ngoals:\n  - id: no-allocs\n    kind: bench-metric\n    benchmark: BenchmarkNone\n    metric: allocs/op\n    at-most: 0\nsolution: [flood.go]\n",
        )
        .write(
            "checks/outcome/flood/solution/flood.go",
            "package flood\n\nfunc Line() string { return \"\" }\n",
        )
        .write(
            "workshop.yaml",
            &manifest.replace(
                "  - outcome/hang\n",
                "  - outcome/hang\n  - outcome/flood\n  - outcome/chatty\n",
            ),
        )
        .write(
            "exercises/outcome/chatty/chatty.go",
            "package chatty\n\n// Sum adds.\nfunc Sum(a, b int) int { return a + b }\n",
        )
        .write(
            "exercises/outcome/chatty/chatty_test.go",
            r#"package chatty

import (
	"os"
	"strings"
	"testing"
)

// TestChatty prints 20 MiB, then passes.
func TestChatty(t *testing.T) {
	block := []byte(strings.Repeat("chatty!\n", 1<<17))
	for i := 0; i < 20; i++ {
		os.Stdout.Write(block)
	}
	if Sum(1, 2) != 3 {
		t.Fatal("Sum(1, 2) != 3")
	}
}

func BenchmarkNone(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = Sum(i, i)
	}
}
"#,
        )
        .write(
            "checks/outcome/chatty/check.yaml",
            "title: The test prints a lot, then passes\nruns:\n  - name: bench\n    bench: BenchmarkNone\n    benchtime: 100x\ngoals:\n  - id: no-allocs\n    kind: bench-metric\n    benchmark: BenchmarkNone\n    metric: allocs/op\n    at-most: 0\nsolution: [chatty.go]\n",
        )
        .write(
            "checks/outcome/chatty/solution/chatty.go",
            "package chatty\n\nfunc Sum(a, b int) int { return a + b }\n",
        );
    workshop
}

/// Runs `workshop --root <root> args...` to its end, and the highest resident
/// memory /proc showed for it while it ran, in KiB.
fn run_watching_memory(root: &std::path::Path, args: &[&str]) -> (std::process::Output, u64) {
    let child = workshop_process()
        .arg("--root")
        .arg(root)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        let Ok(text) = std::fs::read_to_string(&status) else {
            break;
        };
        let Some(line) = text.lines().find(|l| l.starts_with("VmHWM:")) else {
            break; // a zombie: it has ended
        };
        let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        peak = peak.max(kib);
        std::thread::sleep(Duration::from_millis(20));
    }
    (child.wait_with_output().unwrap(), peak)
}

#[test]
fn a_test_that_prints_until_its_deadline_is_judged_within_bounds() {
    let workshop = flooding_workshop();
    let started = Instant::now();
    let (output, peak_kib) = run_watching_memory(workshop.path(), &["check", "outcome/flood"]);
    let elapsed = started.elapsed();
    let run = Run::from(output);
    run.code(1)
        .stdout_has("the tests did not finish in time")
        .stdout_has("running: TestFlood")
        .stdout_has("left out); the first 4 MiB and the last 4 MiB are kept in ");
    let log = workshop
        .path()
        .join(".workshop/runs/outcome/flood/tests.log");
    let size = std::fs::metadata(&log).unwrap().len();
    assert!(size <= LOG_BOUND, "the log has {size} bytes");
    let text = std::fs::read(&log).unwrap();
    let text = String::from_utf8_lossy(&text);
    assert!(text.contains("bytes of output not kept ...]"));
    // The goroutine dump of the stopped binary is at the end, and kept.
    assert!(
        text.contains("panic: test timed out after 3s"),
        "{}",
        &text[text.len() - 2000..]
    );
    assert!(
        peak_kib < 256 * 1024,
        "the workshop process reached {peak_kib} KiB in {elapsed:?}"
    );

    let run = workshop.run(&["check", "outcome/flood", "--json"]);
    run.code(1);
    let doc = run.json();
    let failure = &doc["failure"];
    assert_eq!(failure["kind"], "hang");
    let cut = &failure["cut"];
    assert_eq!(cut["head"], 4 * 1024 * 1024);
    assert_eq!(cut["tail"], 4 * 1024 * 1024);
    let (total, dropped) = (
        cut["total"].as_u64().unwrap(),
        cut["dropped"].as_u64().unwrap(),
    );
    assert_eq!(dropped, total - 8 * 1024 * 1024);
    assert!(cut["log"].as_str().unwrap().ends_with("tests.log"));
}

#[test]
fn a_run_that_went_well_says_its_output_was_cut() {
    let workshop = flooding_workshop();
    let run = workshop.run(&["check", "outcome/chatty"]);
    run.code(0).stdout_has("✓ no-allocs").stdout_has(
        "note: the output was 20 MiB (12 MiB left out); the first 4 MiB and the last 4 MiB are kept in ",
    );
    let log = workshop
        .path()
        .join(".workshop/runs/outcome/chatty/tests.log");
    let size = std::fs::metadata(&log).unwrap().len();
    assert!(size <= LOG_BOUND, "the log has {size} bytes");
}
