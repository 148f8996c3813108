//! `check`, `verify`, `list` and `doctor` on fixture workshops, one exercise per outcome.

use crate::*;

#[test]
fn goals_met_exits_zero() {
    Workshop::fixture("outcomes")
        .run(&["check", "outcome/met"])
        .code(0)
        .stdout_has("✓ no-allocs")
        .stdout_has("BenchmarkSum")
        .stdout_has("128 items/op")
        .stdout_has("PASS 2 of 2 goals met");
}

#[test]
fn unmet_goal_shows_measured_value_and_explanation() {
    Workshop::fixture("outcomes")
        .run(&["check", "outcome/unmet"])
        .code(1)
        .stdout_has("✗ no-allocs")
        .stdout_has("1 allocs/op, the limit is 0. Clone copies its input.")
        .stdout_has("median of 3 runs: 1, 1, 1")
        .stdout_has("FAIL 0 of 1 goals met");
}

#[test]
fn compile_error_is_a_failed_check_with_compiler_lines() {
    Workshop::fixture("outcomes")
        .run(&["check", "outcome/broken"])
        .code(1)
        .stdout_has("the code does not compile (1 error)")
        .stdout_has("exercises/outcome/broken/broken.go:4:9: undefined: undefinedAnswer");
}

#[test]
fn failing_functional_test_shows_its_output() {
    Workshop::fixture("outcomes")
        .run(&["check", "outcome/wrong"])
        .code(1)
        .stdout_has("the functional tests fail")
        .stdout_has("--- FAIL: TestDouble")
        .stdout_has("Double(5) = 7, want 10")
        .stdout_has("goals not judged");
}

#[test]
fn hanging_test_is_stopped_and_its_whole_process_group_killed() {
    let workshop = Workshop::fixture("outcomes");
    let run = workshop.run(&["check", "outcome/hang"]);
    run.code(1)
        .stdout_has("the tests did not finish in time")
        .stdout_has("running: TestFetch")
        .stdout_has("1 goroutine blocked in chan send")
        .stdout_has("at hang.go:17")
        .stdout_has("created at hang.go:8");
    // The test started `sleep 7341` in the background; it must not outlive the run.
    assert_eq!(processes_mentioning("sleep 7341"), Vec::<String>::new());
    assert_eq!(
        processes_mentioning(&workshop.path().display().to_string()),
        Vec::<String>::new()
    );
}

#[test]
fn binary_stuck_before_go_timeout_gets_sigquit_then_kill() {
    let workshop = Workshop::fixture("outcomes");
    workshop
        .run(&["check", "outcome/stuck"])
        .code(1)
        .stdout_has("the tests did not finish in time")
        .stdout_has("blocked in chan receive")
        .stdout_has("at stuck.go:7");
    assert_eq!(processes_mentioning("sleep 7342"), Vec::<String>::new());
    assert_eq!(
        processes_mentioning(&workshop.path().display().to_string()),
        Vec::<String>::new()
    );
}

#[test]
fn unknown_exercise_lists_closest_ids() {
    Workshop::fixture("outcomes")
        .run(&["check", "outcome/mett"])
        .code(2)
        .stderr_has("no exercise `outcome/mett`")
        .stderr_has("outcome/met");
}

#[test]
fn unknown_exercise_with_json_is_an_error_document() {
    let run = Workshop::fixture("outcomes").run(&["check", "nope/zzz", "--json"]);
    run.code(2);
    let doc = run.json();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["status"], "error");
    assert_eq!(doc["exercise"], "nope/zzz");
    assert!(doc["message"].as_str().unwrap().contains("no exercise"));
}

#[test]
fn check_json_document_has_goals_and_artifacts() {
    let run = Workshop::fixture("outcomes").run(&["check", "outcome/unmet", "--json"]);
    run.code(1);
    let doc = run.json();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["exercise"], "outcome/unmet");
    assert_eq!(doc["status"], "fail");
    let goal = &doc["goals"][0];
    assert_eq!(goal["id"], "no-allocs");
    assert_eq!(goal["kind"], "bench-metric");
    assert_eq!(goal["status"], "fail");
    assert_eq!(goal["measured"], 1.0);
    assert_eq!(goal["threshold"], 0.0);
    assert_eq!(goal["unit"], "allocs/op");
    assert!(goal["evidence"].is_array());
    assert!(
        doc["artifacts"]["bench-bench"]
            .as_str()
            .unwrap()
            .contains(".workshop")
    );
    assert!(doc["go"]["version"].as_str().unwrap().starts_with("go1."));
    assert_eq!(doc["go"]["goos"], std::env::consts::OS);
}

#[test]
fn a_thin_cpu_profile_is_taken_again_with_more_repeats() {
    let workshop = Workshop::fixture("outcomes");
    workshop.write(
        "checks/outcome/met/check.yaml",
        "title: Goals met\nruns:\n  - name: bench\n    bench: BenchmarkSum\n    benchtime: 1x\ngoals:\n  - id: a\n    kind: profile-total\n    profile: cpu\n    at-least: 0\n    min-samples: 1000000\nsolution: [sum.go]\n",
    );
    let run = workshop.run(&["check", "outcome/met", "--json"]);
    run.code(1);
    let report = run.json();
    assert_eq!(report["goals"][0]["status"], "inconclusive");
    // 1, then 4 and 8 times the repeats: three profiled runs, then it gives up.
    let profiled = report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|step| step["name"] == "cpu profile run `bench`")
        .count();
    assert_eq!(profiled, 3, "{}", report["steps"]);
}

#[test]
fn relative_and_absolute_bounds_do_not_mix() {
    Workshop::fixture("outcomes")
        .write(
            "checks/outcome/met/check.yaml",
            "title: Goals met\nruns:\n  - name: bench\n    bench: BenchmarkSum\ngoals:\n  - id: a\n    kind: profile-total\n    profile: cpu\n    at-most: 5\n    at-least-times: 2\nsolution: [sum.go]\n",
        )
        .run(&["check", "outcome/met"])
        .code(2)
        .stderr_has("checks/outcome/met/check.yaml")
        .stderr_has("give either `at-least-times` (relative to the starter) or `at-most`/`at-least`, not both");
}

#[test]
fn malformed_check_file_names_line_and_suggests_key() {
    Workshop::fixture("outcomes")
        .write(
            "checks/outcome/met/check.yaml",
            "title: Goals met\nruns:\n  - name: bench\n    bench: BenchmarkSum\n    benchtme: 100x\ngoals: []\nsolution: [sum.go]\n",
        )
        .run(&["check", "outcome/met"])
        .code(2)
        .stderr_has("checks/outcome/met/check.yaml:5:5: unknown key `benchtme`; did you mean `benchtime`?")
        .stderr_has("5 |     benchtme: 100x");
}

#[test]
fn malformed_goal_inside_tagged_kind_is_located_exactly() {
    Workshop::fixture("outcomes")
        .write(
            "checks/outcome/met/check.yaml",
            "title: Goals met\nruns:\n  - name: bench\n    bench: BenchmarkSum\ngoals:\n  - id: a\n    kind: bench-metric\n    benchmark: BenchmarkSum\n    metric: allocs/op\n    at-most: lots\nsolution: [sum.go]\n",
        )
        .run(&["list"])
        .code(2)
        .stderr_has("check.yaml:10:14: goals[0].at-most: expected a number, found \"lots\"");
}

#[test]
fn validation_reports_every_problem_with_its_place() {
    Workshop::fixture("outcomes")
        .write(
            "checks/outcome/met/check.yaml",
            "title: Goals met
package: ../../elsewhere
runs:
  - name: bench
    bench: BenchmarkSum
goals:
  - id: same
    kind: bench-metric
    run: benh
    benchmark: BenchmarkSum
    metric: allocs/op
    at-most: 0
  - id: same
    kind: bench-metric
    benchmark: BenchmarkSum
    metric: allocs/op
solution: [missing.go]
",
        )
        .run(&["list"])
        .code(2)
        .stderr_has("check.yaml:2:10: `../../elsewhere` leaves the workshop")
        .stderr_has("check.yaml:9:10: no run named `benh`; did you mean `bench`?")
        .stderr_has("check.yaml:13:5: expected a bound: `at-most: N` or `at-least: N`")
        .stderr_has("check.yaml:13:9: goal `same` is defined twice")
        .stderr_has("check.yaml:17:12: expected the solution file")
        .stderr_has("problems in the manifest");
}

#[test]
fn duplicate_and_missing_exercises_in_workshop_yaml() {
    Workshop::fixture("outcomes")
        .write(
            "workshop.yaml",
            "title: t\ngo: \"1.22\"\nexercises:\n  - outcome/met\n  - outcome/met\n  - outcome/ghost\n",
        )
        .run(&["list"])
        .code(2)
        .stderr_has("workshop.yaml:5:5: exercise `outcome/met` is listed twice")
        .stderr_has("workshop.yaml:6:5: expected the check file");
}

#[test]
fn a_missing_docs_page_is_named_with_its_place() {
    Workshop::fixture("outcomes")
        .write(
            "workshop.yaml",
            "title: t\ngo: \"1.22\"\ndocs: docs/index.md\nexercises:\n  - outcome/met\n",
        )
        .run(&["list"])
        .code(2)
        .stderr_has("workshop.yaml:3:7: expected the page")
        .stderr_has("docs/index.md");
}

#[test]
fn missing_manifest_says_where_it_looked() {
    let empty = Workshop::empty();
    let mut command = binary();
    command.current_dir(empty.path()).arg("list");
    Run::from(command.output().unwrap())
        .code(2)
        .stderr_has("no workshop.yaml in")
        .stderr_has("--root");
}

#[test]
fn root_is_found_from_a_subdirectory() {
    let workshop = Workshop::fixture("outcomes");
    let mut command = binary();
    command
        .current_dir(workshop.path().join("exercises/outcome/met"))
        .args(["check", "outcome/met"]);
    Run::from(command.output().unwrap()).code(0);
}

#[test]
fn missing_go_cannot_run() {
    let workshop = Workshop::fixture("outcomes");
    let mut command = binary();
    command
        .env("PATH", "/nonexistent")
        .arg("--root")
        .arg(workshop.path())
        .args(["check", "outcome/met"]);
    Run::from(command.output().unwrap())
        .code(2)
        .stderr_has("the `go` command was not found on PATH");
}

#[test]
fn list_shows_progress_after_checks() {
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["check", "outcome/met"]).code(0);
    workshop.run(&["check", "outcome/unmet"]).code(1);
    workshop
        .run(&["list"])
        .code(0)
        .stdout_has("outcome/met")
        .stdout_has("Goals met")
        .stdout_has("done")
        .stdout_has("in progress")
        .stdout_has("not started")
        .stdout_has("1 of 11 exercises done");
    // Artifacts stay under .workshop/, which ignores itself.
    assert!(workshop.path().join(".workshop/.gitignore").is_file());
    assert!(
        workshop
            .path()
            .join(".workshop/runs/outcome/met/bench-bench.txt")
            .is_file()
    );
    let list = workshop.run(&["list", "--json"]);
    assert_eq!(list.json()["exercises"][0]["progress"], "done");
}

#[test]
fn verify_fails_a_starter_that_already_passes() {
    Workshop::fixture("outcomes")
        .run(&["verify", "outcome/met", "outcome/unmet", "-j", "2"])
        .code(1)
        .stdout_has("the starter fails no goal")
        .stdout_has("FAILED 1 of 2 exercises behave");
}

#[test]
fn verify_json_lists_both_sides() {
    let run = Workshop::fixture("outcomes").run(&["verify", "outcome/unmet", "--json"]);
    run.code(0);
    let doc = run.json();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["ok"], true);
    let exercise = &doc["exercises"][0];
    assert_eq!(exercise["starter"]["ok"], true);
    assert_eq!(exercise["starter"]["check"]["status"], "fail");
    assert_eq!(exercise["solution"]["check"]["status"], "pass");
}

#[test]
fn verify_of_the_bundled_workshop_passes_and_modifies_nothing() {
    // The bundled workshop as a git checkout, as attendees and CI have it.
    let workshop = Workshop::bundled();
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &["commit", "-qm", "shipped"],
    ] {
        crate::starter::git(workshop.path(), args);
    }
    let before = snapshot(&workshop.path().join("exercises"));
    let run = workshop.run(&["verify"]);
    run.code(0).stdout_has("OK");
    assert_eq!(
        snapshot(&workshop.path().join("exercises")),
        before,
        "verify changed the exercises"
    );
    assert!(
        !workshop.path().join(".workshop").exists(),
        "verify created .workshop/ in the workshop root"
    );
}

#[test]
fn heap_concat_fails_on_starter_and_passes_with_the_solution() {
    let workshop = Workshop::bundled();
    workshop
        .run_in(".", &["check", "heap/01-concat"])
        .code(1)
        .stdout_has("✗ allocations")
        .stdout_has("BenchmarkBuildLine")
        .stdout_has("1998 allocs/op")
        .stdout_has("read docs/exercises/heap-01-concat.md");
    std::fs::copy(
        workshop
            .path()
            .join("checks/heap/01-concat/solution/concat.go"),
        workshop.path().join("exercises/heap/01-concat/concat.go"),
    )
    .unwrap();
    workshop
        .run(&["check", "heap/01-concat"])
        .code(0)
        .stdout_has("✓ allocations")
        .stdout_has("PASS 2 of 2 goals met");
}

#[test]
fn doctor_reports_go() {
    Workshop::bundled()
        .run(&["doctor"])
        .code(0)
        .stdout_has("✓ go")
        .stdout_has("go build cache")
        .stdout_has("✓ git")
        .stdout_has("✓ loopback ports");
}

#[test]
fn doctor_says_what_is_lost_without_git() {
    // A PATH with Go and nothing else.
    let bin = tempfile::tempdir().unwrap();
    let go =
        String::from_utf8(crate::go().args(["env", "GOROOT"]).output().unwrap().stdout).unwrap();
    std::os::unix::fs::symlink(
        std::path::Path::new(go.trim()).join("bin/go"),
        bin.path().join("go"),
    )
    .unwrap();
    let workshop = Workshop::bundled();
    let mut command = crate::binary();
    command
        .arg("--root")
        .arg(workshop.path())
        .arg("doctor")
        .env("PATH", bin.path());
    crate::Run::from(command.output().unwrap())
        .code(0)
        .stdout_has("! git")
        .stdout_has("reset, restore and diff take the starter from the copy saved")
        .stdout_has("fix: install git");
}

#[test]
fn goroutine_profile_counts_goroutines_by_stack() {
    let workshop = Workshop::fixture("outcomes");
    let run = workshop.run(&["check", "outcome/goroutines", "--json"]);
    run.code(1);
    let goal = &run.json()["goals"][0];
    assert_eq!(goal["status"], "fail");
    // Start(5) runs once for the benchmark's first iteration and 3 times more.
    assert_eq!(goal["measured"], 20.0);
    assert!(
        goal["evidence"]
            .to_string()
            .contains("outcome/goroutines.worker")
    );
}

#[test]
fn text_names_functions_relative_to_the_module_and_json_in_full() {
    let workshop = Workshop::fixture("outcomes");
    let text = workshop.run(&["check", "outcome/goroutines"]);
    text.code(1).stdout_has("outcome/goroutines.worker");
    assert!(
        !text.stdout.contains("fixture.example/outcomes/"),
        "{}",
        text.stdout
    );
    let json = workshop.run(&["check", "outcome/goroutines", "--json"]);
    assert!(
        json.json()["goals"][0]["evidence"]
            .to_string()
            .contains("fixture.example/outcomes/outcome/goroutines.worker")
    );
    assert_eq!(json.json()["module"], "fixture.example/outcomes");
}

#[test]
fn profile_goals_of_the_bundled_workshop_point_at_the_right_functions() {
    let workshop = Workshop::bundled();
    workshop
        .run(&["check", "cpu/01-regexp"])
        .code(1)
        .stdout_has("✗ compiler-share")
        .stdout_has("isError → regexp.MustCompile");
    workshop
        .run(&["check", "mutex/01-contention"])
        .code(1)
        .stdout_has("✗ lock-waits")
        .stdout_has("6 alternating runs each")
        .stdout_has("Count.func1 → sync.(*Mutex).Unlock");
}

#[test]
fn hints_are_revealed_progressively_and_remembered() {
    let workshop = Workshop::fixture("outcomes");
    workshop
        .run(&["hint", "outcome/unmet"])
        .code(0)
        .stdout_has("Hint 1 of 3:")
        .stdout_has("reveals the next one");
    let second = workshop.run(&["hint", "outcome/unmet"]);
    second.code(0).stdout_has("Hint 2 of 3:");
    assert!(
        !second.stdout.contains("Hint 1 of 3"),
        "only the new hint is shown"
    );
    workshop
        .run(&["hint", "outcome/unmet", "--all"])
        .code(0)
        .stdout_has("Hint 1 of 3:")
        .stdout_has("Hint 2 of 3:");
    workshop
        .run(&["hint", "outcome/unmet"])
        .code(0)
        .stdout_has("Hint 3 of 3:")
        .stdout_has("That was the last hint");
    let doc = workshop.run(&["hint", "outcome/unmet", "--json"]).json();
    assert_eq!(doc["shown"], 3);
    assert_eq!(doc["hints"].as_array().unwrap().len(), 3);
    workshop
        .run(&["hint", "outcome/unmte"])
        .code(2)
        .stderr_has("did you mean `outcome/unmet`");
}

#[test]
fn next_names_the_first_unfinished_exercise() {
    let workshop = Workshop::fixture("outcomes");
    workshop
        .run(&["next"])
        .code(0)
        .stdout_has("next: outcome/met");
    workshop
        .run(&["next", "--check"])
        .code(0)
        .stdout_has("PASS");
    workshop
        .run(&["next"])
        .code(0)
        .stdout_has("next: outcome/unmet");
    assert_eq!(
        workshop.run(&["next", "--json"]).json()["next"],
        "outcome/unmet"
    );
}

#[test]
fn reset_then_restore_gives_back_the_exact_bytes() {
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["list"]).code(0);
    let file = workshop.path().join("exercises/outcome/unmet/clone.go");
    let starter = std::fs::read(&file).unwrap();
    // The attendee's work, with bytes an editor might write: CRLF, trailing
    // spaces, no final newline, and a file of their own.
    let mine = b"package unmet\r\n\r\nfunc Clone(xs []int) []int {   \r\n\treturn xs }".to_vec();
    std::fs::write(&file, &mine).unwrap();
    let extra = workshop.path().join("exercises/outcome/unmet/notes.go");
    std::fs::write(&extra, "package unmet // my notes\n").unwrap();

    workshop
        .run(&["diff", "outcome/unmet"])
        .code(0)
        .stdout_has("+++ yours/clone.go")
        .stdout_has("+++ yours/notes.go");
    let reset = workshop.run(&["reset", "outcome/unmet"]);
    reset
        .code(0)
        .stdout_has("back to its starter code")
        .stdout_has(".workshop/backups/outcome/unmet/");
    assert_eq!(std::fs::read(&file).unwrap(), starter);
    assert!(
        !extra.exists(),
        "a file the starter lacks is removed (after the backup)"
    );
    workshop
        .run(&["diff", "outcome/unmet"])
        .code(0)
        .stdout_has("no changes to outcome/unmet yet");

    workshop
        .run(&["restore", "outcome/unmet"])
        .code(0)
        .stdout_has("restored from");
    assert_eq!(std::fs::read(&file).unwrap(), mine);
    assert_eq!(
        std::fs::read_to_string(&extra).unwrap(),
        "package unmet // my notes\n"
    );
    workshop
        .run(&["restore", "outcome/unmet", "--list"])
        .code(0)
        .stdout_has("backups of outcome/unmet");
}

#[test]
fn diff_of_the_solution_shows_the_reference_changes() {
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["list"]).code(0);
    workshop
        .run(&["diff", "outcome/unmet", "--solution"])
        .code(0)
        .stdout_has("--- yours/clone.go")
        .stdout_has("+++ solution/clone.go")
        .stdout_has("+func Clone(xs []int) []int { return xs }");
    // Against the attendee's files, not the starter's: once they hold the
    // solution, nothing is left to show.
    std::fs::copy(
        workshop
            .path()
            .join("checks/outcome/unmet/solution/clone.go"),
        workshop.path().join("exercises/outcome/unmet/clone.go"),
    )
    .unwrap();
    workshop
        .run(&["diff", "outcome/unmet", "--solution"])
        .code(0)
        .stdout_has("your files of outcome/unmet are the reference solution's");
}

#[test]
fn reset_and_restore_keep_every_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let workshop = Workshop::fixture("outcomes");
    let dir = workshop.path().join("exercises/outcome/unmet");
    let file = dir.join("clone.go");
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let set = |path: &std::path::Path, m: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(m)).unwrap()
    };
    set(&file, 0o644);
    workshop.run(&["list"]).code(0);
    std::fs::write(
        &file,
        "package unmet\n\nfunc Clone(xs []int) []int { return xs }\n",
    )
    .unwrap();
    set(&file, 0o664);
    let notes = dir.join("notes.go");
    std::fs::write(&notes, "package unmet\n").unwrap();
    set(&notes, 0o755);

    workshop.run(&["reset", "outcome/unmet"]).code(0);
    assert_eq!(mode(&file), 0o644, "the starter's mode");
    let backups = workshop.path().join(".workshop/backups/outcome/unmet");
    let backup = std::fs::read_dir(&backups)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(
        mode(&backup.join("clone.go")),
        0o664,
        "a backup keeps the modes"
    );
    assert_eq!(mode(&backup.join("notes.go")), 0o755);

    workshop.run(&["restore", "outcome/unmet"]).code(0);
    assert_eq!(mode(&file), 0o664, "restored with the mode it had");
    assert_eq!(mode(&notes), 0o755);
}

#[test]
fn state_survives_being_killed_while_it_is_written() {
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["hint", "outcome/unmet"]).code(0);
    let state = workshop.path().join(".workshop/state.json");
    for round in 0..40u64 {
        let mut child = workshop_process()
            .arg("--root")
            .arg(workshop.path())
            .args(["hint", "outcome/met"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(round * 250));
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(&state).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("round {round}: state.json is damaged ({e}):\n{text}"));
        assert_eq!(
            doc["exercises"]["outcome/unmet"]["hints_shown"], 1,
            "round {round}: an earlier change was lost"
        );
    }
}

#[test]
fn verify_writes_junit_for_ci() {
    let workshop = Workshop::fixture("outcomes");
    let junit = workshop.path().join("junit.xml");
    let junit_arg = junit.display().to_string();
    workshop
        .run(&[
            "verify",
            "outcome/met",
            "outcome/unmet",
            "--junit",
            &junit_arg,
        ])
        .code(1);
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.starts_with("<?xml"));
    assert!(xml.contains("tests=\"4\" failures=\"1\""), "{xml}");
    assert!(xml.contains("<testcase classname=\"outcome/met\" name=\"starter\""));
    assert!(xml.contains("<failure message=\"the starter fails no goal"));
    assert!(xml.contains("<testcase classname=\"outcome/unmet\" name=\"solution\""));
}

#[test]
fn completions_for_a_shell() {
    let run = Run::from(binary().args(["completions", "bash"]).output().unwrap());
    run.code(0).stdout_has("_workshop()").stdout_has("verify");
    Run::from(binary().args(["completions", "tcsh"]).output().unwrap()).code(2);
}

/// Waits until `output` contains `text`, or fails after a minute.
fn wait_for(output: &std::sync::Arc<std::sync::Mutex<String>>, text: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline {
        if output.lock().unwrap().contains(text) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!(
        "watch never printed {text:?}; it printed:\n{}",
        output.lock().unwrap()
    );
}

#[test]
fn watch_rechecks_when_an_editor_saves_and_moves_on() {
    use std::io::{Read, Write};
    let workshop = Workshop::fixture("outcomes");
    let mut child = workshop_process()
        .arg("--root")
        .arg(workshop.path())
        .args(["watch", "outcome/unmet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let output = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let mut stdout = child.stdout.take().unwrap();
    let sink = std::sync::Arc::clone(&output);
    let reader = std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buffer) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    wait_for(&output, "FAIL 0 of 1 goals met");

    // Save the way many editors do: write a new file beside it, rename it over.
    let dir = workshop.path().join("exercises/outcome/unmet");
    let fixed = std::fs::read(
        workshop
            .path()
            .join("checks/outcome/unmet/solution/clone.go"),
    )
    .unwrap();
    std::fs::write(dir.join(".clone.go.swp"), fixed).unwrap();
    std::fs::rename(dir.join(".clone.go.swp"), dir.join("clone.go")).unwrap();
    wait_for(&output, "clone.go changed");
    wait_for(&output, "PASS 1 of 1 goals met");
    wait_for(&output, "next: outcome/met");

    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "q").unwrap();
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert!(status.success(), "watch ended with {status}");
    let text = output.lock().unwrap().clone();
    assert_eq!(
        text.matches("checking outcome/unmet").count(),
        2,
        "one check at the start and one per save:\n{text}"
    );
}

#[test]
fn two_processes_at_once_keep_both_changes() {
    let workshop = Workshop::fixture("outcomes");
    let root = workshop.path().to_owned();
    let reveal = |id: &'static str| {
        let root = root.clone();
        std::thread::spawn(move || {
            for _ in 0..3 {
                let status = workshop_process()
                    .arg("--root")
                    .arg(&root)
                    .args(["hint", id])
                    .stdout(std::process::Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
            }
        })
    };
    let a = reveal("outcome/unmet");
    let b = reveal("outcome/met");
    a.join().unwrap();
    b.join().unwrap();
    let state: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(workshop.path().join(".workshop/state.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(state["exercises"]["outcome/unmet"]["hints_shown"], 3);
    assert_eq!(state["exercises"]["outcome/met"]["hints_shown"], 3);
}

#[test]
fn compare_two_benchmark_outputs_like_benchstat() {
    let fixtures = repo().join("tests/fixtures/bench");
    let run = Run::from(
        binary()
            .arg("compare")
            .arg(fixtures.join("old.txt"))
            .arg(fixtures.join("new.txt"))
            .output()
            .unwrap(),
    );
    run.code(0)
        .stdout_has("ns/op")
        .stdout_has("BenchmarkSearch-8")
        .stdout_has("(p=0.000 n=10)")
        .stdout_has("~ (p=")
        .stdout_has("allocs/op")
        .stdout_has("geomean");
    let doc = Run::from(
        binary()
            .args(["compare", "--json"])
            .arg(fixtures.join("old.txt"))
            .arg(fixtures.join("new.txt"))
            .output()
            .unwrap(),
    )
    .json();
    let search = &doc["units"][0]["rows"][0];
    assert_eq!(search["name"], "BenchmarkSearch-8");
    assert_eq!(search["significant"], true);
    assert!(search["change_percent"].as_f64().unwrap() < -45.0);
    assert_eq!(doc["units"][0]["rows"][1]["significant"], false);
    let empty = Workshop::empty();
    empty.write("empty.txt", "PASS\n");
    Run::from(
        binary()
            .arg("compare")
            .arg(empty.path().join("empty.txt"))
            .arg(fixtures.join("new.txt"))
            .output()
            .unwrap(),
    )
    .code(2)
    .stderr_has("empty.txt holds no benchmark results");
}

#[test]
fn marginally_faster_code_is_inconclusive_not_passed() {
    let workshop = Workshop::fixture("outcomes");
    // The fixture is no git checkout: the first command saves the starters.
    workshop.run(&["list"]).code(0);
    let dir = workshop.path().join("exercises/outcome/marginal");
    std::fs::copy(
        workshop
            .path()
            .join("checks/outcome/marginal/solution/sum.go"),
        dir.join("sum.go"),
    )
    .unwrap();
    let run = workshop.run(&["check", "outcome/marginal", "--json"]);
    run.code(1);
    let goal = &run.json()["goals"][0];
    assert_eq!(goal["kind"], "bench-relative");
    assert_eq!(goal["status"], "inconclusive", "{goal}");
    let explanation = goal["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with("no significant difference from the starter (p="),
        "{explanation}"
    );
    assert!(goal["evidence"].to_string().contains("run more repeats"));
    // The next check measures the starter again, beside the attendee's code;
    // only its build is kept.
    let binary = workshop
        .path()
        .join(".workshop/runs/outcome/marginal/starter/starter.test");
    let built = std::fs::metadata(&binary).unwrap().modified().unwrap();
    let again = workshop.run(&["check", "outcome/marginal", "--json"]);
    let evidence = again.json()["goals"][0]["evidence"].to_string();
    assert!(
        evidence.contains("3 runs each") && !evidence.contains("cache"),
        "{evidence}"
    );
    assert_eq!(
        std::fs::metadata(&binary).unwrap().modified().unwrap(),
        built
    );
}

#[test]
fn an_unchanged_starter_is_never_awarded_a_speed_up() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["list"]).code(0);
    let ratio = |run: &Run| {
        let goal = &run.json()["goals"][0];
        assert_ne!(goal["status"], "pass", "{goal}");
        goal["measured"].as_f64().unwrap()
    };
    // The first check on a busy machine, the second on a quiet one: a starter
    // measured in the first and kept would make the second look faster.
    let stop = Arc::new(AtomicBool::new(false));
    let busy: Vec<_> = (0..2)
        .map(|_| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut x = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                }
            })
        })
        .collect();
    let loaded = workshop.run(&["check", "outcome/speedup", "--json"]);
    stop.store(true, Ordering::Relaxed);
    for thread in busy {
        thread.join().unwrap();
    }
    let quiet = workshop.run(&["check", "outcome/speedup", "--json"]);
    // Never awarded (`ratio` asserts the verdict); the medians themselves
    // can still drift apart on a machine loaded by others, though not far.
    for (run, ratio) in [(&loaded, ratio(&loaded)), (&quiet, ratio(&quiet))] {
        assert!(ratio < 5.0, "{ratio}× for unchanged code:\n{}", run.stdout);
    }
}

#[test]
fn verify_fails_a_goal_the_starter_meets_unless_it_says_so() {
    let workshop = Workshop::fixture("outcomes");
    workshop
        .run(&["verify", "outcome/met"])
        .code(1)
        .stdout_has("met by the starter: the goal asks for nothing the starter lacks")
        .stdout_has("say `starter: met` in the goal");
    let check = workshop.path().join("checks/outcome/met/check.yaml");
    let text = std::fs::read_to_string(&check)
        .unwrap()
        .replace("    at-most: 0\n", "    at-most: 0\n    starter: met\n")
        .replace(
            "    at-least: 100\n",
            "    at-least: 100\n    starter: met\n",
        );
    std::fs::write(&check, text).unwrap();
    let run = workshop.run(&["verify", "outcome/met", "--json"]);
    run.code(0);
    let goals = &run.json()["exercises"][0]["goals"];
    assert_eq!(goals[0]["starter_must"], "met", "{goals}");
    assert_eq!(goals[0]["ok"], true, "{goals}");
}

#[test]
fn verify_fails_a_function_pattern_that_matches_nothing_in_the_starter() {
    let workshop = Workshop::fixture("outcomes");
    let check = workshop.path().join("checks/outcome/unmet/check.yaml");
    let text = std::fs::read_to_string(&check).unwrap().replace(
        "goals:\n",
        "goals:\n  - id: renamed\n    kind: profile-function\n    profile: memory\n    function: '^unmet\\.CopyAll$'\n    measure: flat-share\n    at-most: 5\n",
    );
    std::fs::write(&check, text).unwrap();
    workshop
        .run(&["verify", "outcome/unmet"])
        .code(1)
        .stdout_has(
            "/^unmet\\.CopyAll$/ matches no function in the starter's profile (its heaviest: ",
        )
        .stdout_has("unmet.Clone");
}

#[test]
fn verify_warns_of_a_thin_margin_and_strict_fails_it() {
    let workshop = Workshop::fixture("outcomes");
    let run = workshop.run(&["verify", "outcome/thin", "--json"]);
    run.code(0);
    let goal = &run.json()["exercises"][0]["goals"][0];
    // 896 bytes (800 in Go's size class); a runtime allocation can add a few.
    let worst = goal["solution"]["max"].as_f64().unwrap();
    assert!((896.0..1000.0).contains(&worst), "{goal}");
    assert!(goal["margin"]["times"].as_f64().unwrap() < 1.5, "{goal}");
    assert_eq!(goal["margin"]["side"], "solution");
    assert!(
        goal["warnings"][0]
            .as_str()
            .unwrap()
            .contains("the solution's worst value is 1."),
        "{goal}"
    );
    workshop
        .run(&["verify", "outcome/thin"])
        .code(0)
        .stdout_has("1 margin warning");
    workshop
        .run(&["verify", "outcome/thin", "--strict"])
        .code(1)
        .stdout_has("FAILED 0 of 1 exercises behave");
}

#[test]
fn verify_fails_a_goal_inconclusive_on_either_side() {
    Workshop::fixture("outcomes")
        .run(&["verify", "outcome/marginal"])
        .code(1)
        .stdout_has("inconclusive on the solution");
}

#[test]
fn verify_repeats_under_load_and_says_what_changed() {
    let run = Workshop::fixture("outcomes").run(&[
        "verify",
        "outcome/unmet",
        "--repeat",
        "3",
        "--load",
        "1",
        "--json",
    ]);
    run.code(0);
    let goal = &run.json()["exercises"][0]["goals"][0];
    assert_eq!(
        goal["starter"]["statuses"],
        serde_json::json!(["fail", "fail", "fail"])
    );
    assert_eq!(
        goal["solution"]["statuses"],
        serde_json::json!(["pass", "pass", "pass"])
    );
    assert_eq!(goal["flipped"], false);
}

#[test]
fn a_goals_hint_waits_for_a_second_failure_or_a_request_for_hints() {
    let hint = "hint: A caller that only reads the numbers";
    let workshop = Workshop::fixture("outcomes");
    let first = workshop.run(&["check", "outcome/unmet"]);
    first.code(1);
    assert!(
        !first.stdout.contains(hint),
        "the first failure gives no hint away:\n{}",
        first.stdout
    );
    workshop
        .run(&["check", "outcome/unmet"])
        .code(1)
        .stdout_has(hint);
    let asked = Workshop::fixture("outcomes");
    asked.run(&["hint", "outcome/unmet"]).code(0);
    asked
        .run(&["check", "outcome/unmet"])
        .code(1)
        .stdout_has(hint);
}

#[test]
fn ctrl_c_during_a_hang_shows_where_the_code_is_and_exits_130() {
    use std::io::Read;
    let workshop = Workshop::fixture("outcomes");
    let mut child = workshop_process()
        .arg("--root")
        .arg(workshop.path())
        .args(["check", "outcome/busy"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the test binary spins, then press Ctrl-C.
    let binary = workshop
        .path()
        .join(".workshop/runs/outcome/busy/exercise.test");
    // The binary running its tests (not `go test -c` building it).
    let needle = format!("{} -test.run", binary.display());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while processes_now_mentioning(&needle).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the test binary never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGINT,
    )
    .unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{stdout}");
    assert!(stdout.contains("the tests stopped by Ctrl-C"), "{stdout}");
    assert!(stdout.contains("(busy, not blocked)"), "{stdout}");
    assert!(stdout.contains("at busy.go:"), "{stdout}");
    assert_eq!(processes_mentioning(&needle), Vec::<String>::new());
}

#[test]
fn no_child_outlives_a_runner_killed_mid_run() {
    let workshop = Workshop::fixture("outcomes");
    let mut child = workshop_process()
        .arg("--root")
        .arg(workshop.path())
        .args(["check", "outcome/busy"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let binary = workshop
        .path()
        .join(".workshop/runs/outcome/busy/exercise.test");
    let needle = format!("{} -test.run", binary.display());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while processes_now_mentioning("sleep 7343").is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the test never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // No chance to clean up: SIGKILL.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(processes_mentioning(&needle), Vec::<String>::new());
    assert_eq!(processes_mentioning("sleep 7343"), Vec::<String>::new());
}

#[test]
fn build_tags_race_and_environment_reach_the_test_binary() {
    let workshop = Workshop::fixture("outcomes");
    let package = "exercises/outcome/unmet";
    // Tests that pass only when the settings arrive.
    workshop.write(
        &format!("{package}/settings_test.go"),
        "//go:build fast && race\n\npackage unmet\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestSettings(t *testing.T) {\n\tif os.Getenv(\"GOGC\") != \"off\" || os.Getenv(\"GODEBUG\") != \"madvdontneed=1\" {\n\t\tt.Fatalf(\"GOGC=%q GODEBUG=%q\", os.Getenv(\"GOGC\"), os.Getenv(\"GODEBUG\"))\n\t}\n}\n",
    );
    workshop.write(
        &format!("{package}/unset_test.go"),
        "//go:build !(fast && race)\n\npackage unmet\n\nimport \"testing\"\n\nfunc TestSettings(t *testing.T) { t.Fatal(\"built without the tag or -race\") }\n",
    );
    let check = workshop.path().join("checks/outcome/unmet/check.yaml");
    let text = std::fs::read_to_string(&check).unwrap().replace(
        "runs:\n",
        "tests:\n  env:\n    GOGC: \"off\"\n    GODEBUG: madvdontneed=1\nbuild:\n  race: true\n  tags: [fast]\nruns:\n",
    );
    std::fs::write(&check, text).unwrap();
    let run = workshop.run(&["check", "outcome/unmet"]);
    run.code(1).stdout_has("✗ no-allocs");
    assert!(
        !run.stdout.contains("functional tests fail"),
        "{}",
        run.stdout
    );
    workshop.run(&["doctor"]).stdout_has("race detector");
}

#[test]
fn an_exercise_is_named_by_its_directory_or_by_being_in_it() {
    let workshop = Workshop::fixture("outcomes");
    let here = "exercises/outcome/met";
    // Inside the exercise: no id, `.`, and a path all mean it.
    for args in [&["check"][..], &["check", "."], &["check", "./"]] {
        workshop
            .run_in(here, args)
            .code(0)
            .stdout_has("outcome/met — Goals met");
    }
    workshop
        .run_in(".", &["check", "exercises/outcome/met/"])
        .code(0)
        .stdout_has("outcome/met — Goals met");
    workshop
        .run_in("checks/outcome/unmet", &["hint"])
        .code(0)
        .stdout_has("Hint 1 of");
    workshop.run_in("exercises", &["check"]).code(2).stderr_has(
        "name an exercise (`workshop list` shows them), or run this inside an exercise's directory",
    );
}

#[test]
fn a_passing_check_says_what_comes_next() {
    let workshop = Workshop::fixture("outcomes");
    workshop
        .run(&["check", "outcome/met"])
        .code(0)
        .stdout_has("PASS 2 of 2 goals met")
        .stdout_has("next: outcome/unmet");
}

/// A check in Japanese: the report's prose and the check file's texts in
/// Japanese, its keys, values and step names what they are in English.
#[test]
fn a_check_in_japanese_keeps_its_json_language_neutral() {
    let workshop = Workshop::fixture("outcomes");
    workshop.write(
        "checks/outcome/unmet/check.yaml",
        "title:\n  en: Goal unmet\n  ja: 未達成のゴール\nruns:\n  - name: bench\n    bench: BenchmarkClone\n    benchtime: 100x\n    count: 3\ngoals:\n  - id: no-allocs\n    kind: bench-metric\n    benchmark: BenchmarkClone\n    metric: allocs/op\n    at-most: 0\n    explain:\n      en: Clone copies its input.\n      ja: Clone は入力をコピーします。\n    hint: A caller that only reads the numbers can be handed the slice itself.\nsolution: [clone.go]\n",
    );
    let english = workshop.run(&["check", "outcome/unmet", "--json"]).json();
    let japanese = workshop
        .run(&["check", "outcome/unmet", "--json", "--lang", "ja"])
        .json();
    assert_eq!(english["lang"], "en");
    assert_eq!(japanese["lang"], "ja");
    assert_eq!(japanese["title"], "未達成のゴール");
    let names = |doc: &serde_json::Value| -> Vec<String> {
        doc["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(&japanese), names(&english));
    assert_eq!(names(&english), ["build", "tests", "benchmark run `bench`"]);
    for key in ["status", "exercise"] {
        assert_eq!(japanese[key], english[key], "{key}");
    }
    for field in ["id", "kind", "status", "unit", "measured", "threshold"] {
        assert_eq!(
            japanese["goals"][0][field], english["goals"][0][field],
            "{field}"
        );
    }
    assert_ne!(
        japanese["goals"][0]["explanation"],
        english["goals"][0]["explanation"]
    );
    // The goal has failed twice: its hint shows, in English, which is all
    // the check file gives.
    let run = workshop.run_env(&["check", "outcome/unmet"], &[("LANG", "ja_JP.UTF-8")]);
    run.code(1)
        .stdout_has("outcome/unmet — 未達成のゴール")
        .stdout_has("基準 ≤ 0 allocs/op")
        .stdout_has("Clone は入力をコピーします。")
        .stdout_has("ヒント: A caller that only reads the numbers")
        .stdout_has("FAIL ゴール 1 個中 0 個を達成");
}
