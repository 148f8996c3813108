//! Exercises and goals that need a newer Go than the one installed: `check`
//! skips them with the reason and how to get that Go, `verify` reports them
//! as skipped (never passed, never failed), `doctor` names them.

use crate::Workshop;

/// outcome/met, whose check file asks `go:` of the exercise (`exercise_go`)
/// and of its second goal (`goal_go`).
fn gated(exercise_go: Option<&str>, goal_go: Option<&str>) -> Workshop {
    let workshop = Workshop::fixture("outcomes");
    let exercise_go = exercise_go.map_or(String::new(), |go| format!("go: \"{go}\"\n"));
    let goal_go = goal_go.map_or(String::new(), |go| format!("    go: \"{go}\"\n"));
    workshop.write(
        "checks/outcome/met/check.yaml",
        &format!(
            "title: Goals met\n{exercise_go}runs:\n  - name: bench\n    bench: BenchmarkSum\n    benchtime: 100x\n\
             goals:\n  - id: no-allocs\n    kind: bench-metric\n    benchmark: BenchmarkSum\n    metric: allocs/op\n    at-most: 0\n\
             \x20 - id: items\n{goal_go}    kind: bench-metric\n    benchmark: BenchmarkSum\n    metric: items/op\n    at-least: 100\n\
             solution: [sum.go]\n"
        ),
    );
    workshop
}

#[test]
fn an_exercise_that_needs_a_newer_go_is_skipped_with_how_to_get_it() {
    let workshop = gated(Some("1.99"), None);
    workshop
        .run(&["check", "outcome/met"])
        .code(3)
        .stdout_has("exercise `outcome/met` needs Go 1.99 or newer, and `go` is go1.")
        .stdout_has("nothing was judged")
        .stdout_has("GOTOOLCHAIN=go1.99.0 workshop check outcome/met")
        .stdout_has("SKIPPED");
    let run = workshop.run(&["check", "outcome/met", "--json"]);
    run.code(3);
    let doc = run.json();
    assert_eq!(doc["status"], "skipped");
    assert_eq!(doc["skip"]["reason"], "needs-go");
    assert_eq!(doc["skip"]["go"], "1.99");
    assert!(doc["goals"].as_array().unwrap().is_empty());
    // Nothing was judged: the progress is as it was.
    let list = workshop.run(&["list", "--json"]).json();
    assert_eq!(list["exercises"][0]["progress"], "not-started");
    assert_eq!(list["exercises"][0]["left_out"]["go"], "1.99");
    workshop
        .run(&["list"])
        .stdout_has("(skipped: needs Go 1.99)");
}

#[test]
fn a_goal_that_needs_a_newer_go_is_skipped_and_the_rest_judged() {
    let workshop = gated(None, Some("1.99"));
    workshop
        .run(&["check", "outcome/met"])
        .code(0)
        .stdout_has("needs Go 1.99 or newer")
        .stdout_has("skipped, neither met nor failed")
        .stdout_has("1 of 1 goals met, judged without 1 goal skipped")
        .stdout_has("GOTOOLCHAIN=go1.99.0 workshop check outcome/met");
    let doc = workshop.run(&["check", "outcome/met", "--json"]).json();
    assert_eq!(doc["status"], "pass");
    assert_eq!(doc["goals"][0]["status"], "pass");
    assert_eq!(doc["goals"][1]["id"], "items");
    assert_eq!(doc["goals"][1]["status"], "skipped");
    assert_eq!(doc["goals"][1]["skip"]["reason"], "needs-go");
    assert_eq!(doc["goals"][1]["skip"]["go"], "1.99");
    workshop.run(&["list"]).stdout_has("(items needs Go 1.99)");
    let list = workshop.run(&["list", "--json"]).json();
    assert_eq!(list["exercises"][0]["left_out"]["goals"][0], "items");
}

#[test]
fn a_goal_go_that_is_no_version_is_refused_at_its_key() {
    gated(None, Some("soon"))
        .run(&["check", "outcome/met"])
        .code(2)
        .stderr_has("check.yaml:")
        .stderr_has("soon");
}

#[test]
fn verify_reports_what_needs_a_newer_go_as_skipped_and_passes() {
    // outcome/met's starter meets its goals: verified, it would fail.
    let workshop = gated(Some("1.99"), None);
    workshop.write(
        "checks/outcome/unmet/check.yaml",
        "title: Goal unmet\nruns:\n  - name: bench\n    bench: BenchmarkClone\n    benchtime: 100x\n\
         goals:\n  - id: no-allocs\n    kind: bench-metric\n    benchmark: BenchmarkClone\n    metric: allocs/op\n    at-most: 0\n\
         \x20 - id: later\n    go: \"1.99\"\n    kind: bench-metric\n    benchmark: BenchmarkClone\n    metric: allocs/op\n    at-most: 0\n\
         solution: [clone.go]\n",
    );
    let junit = workshop.path().join("verify.xml");
    workshop
        .run(&[
            "verify",
            "outcome/met",
            "outcome/unmet",
            "-j",
            "2",
            "--junit",
            junit.to_str().unwrap(),
        ])
        .code(0)
        .stdout_has("skipped: needs Go 1.99 or newer")
        .stdout_has("skipped on both sides: needs Go 1.99 or newer")
        .stdout_has("1 exercise skipped; 1 goal skipped");
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("skipped=\"3\""), "{xml}");
    assert!(
        xml.contains("name=\"goal later\" time=\"0.000\">\n      <skipped message=\"skipped on both sides: needs Go 1.99"),
        "{xml}"
    );
    assert!(!xml.contains("<failure"), "{xml}");
    let run = workshop.run(&["verify", "outcome/met", "outcome/unmet", "--json"]);
    run.code(0);
    let doc = run.json();
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["exercises"][0]["skip"]["reason"], "needs-go");
    assert_eq!(
        doc["exercises"][1]["goals"][1]["skip"]["reason"],
        "needs-go"
    );
    assert_eq!(doc["exercises"][1]["goals"][1]["ok"], true);
    assert_eq!(
        doc["exercises"][1]["goals"][0]["skip"],
        serde_json::Value::Null
    );
}

#[test]
fn doctor_names_what_the_installed_go_leaves_out() {
    let workshop = gated(None, Some("1.99"));
    workshop
        .run(&["doctor"])
        .stdout_has("newer Go")
        .stdout_has("leaves out outcome/met: items (Go 1.99)")
        .stdout_has("GOTOOLCHAIN=go1.99.0 workshop check <id>");
}

/// Needs the Go module proxy (or a module cache that has go1.27.3).
#[test]
fn a_goal_for_go_1_27_is_judged_under_that_toolchain() {
    let workshop = gated(None, Some("1.27"));
    let doc = workshop
        .run_env(
            &["check", "outcome/met", "--json"],
            &[("GOTOOLCHAIN", "go1.27.3")],
        )
        .json();
    assert_eq!(doc["go"]["version"], "go1.27.3");
    assert_eq!(doc["status"], "pass");
    assert_eq!(doc["goals"][1]["status"], "pass");
    assert_eq!(doc["goals"][1]["skip"], serde_json::Value::Null);
    let local = workshop.run(&["check", "outcome/met", "--json"]).json();
    if local["go"]["version"].as_str().unwrap() < "go1.27" {
        assert_eq!(local["goals"][1]["status"], "skipped");
    }
}
