//! The runtime's goroutine-leak profile (Go 1.27+) as goals read it: collected
//! at the end of a `go test` run by a `TestMain` the check compiles in, judged
//! under Go 1.27, skipped under an older Go. The tests that run Go 1.27 need
//! the Go module proxy (or go1.27.3 in the module cache).

use crate::Workshop;

const GO_1_27: (&str, &str) = ("GOTOOLCHAIN", "go1.27.3");

/// outcome/met with a goal on the goroutine-leak profile (`go` as given) and
/// `leaks` goroutines left blocked by its benchmark.
fn leak_goal(go: Option<&str>, leaks: usize) -> Workshop {
    let workshop = Workshop::fixture("outcomes");
    let go = go.map_or(String::new(), |go| format!("    go: \"{go}\"\n"));
    workshop.write(
        "checks/outcome/met/check.yaml",
        &format!(
            "title: Goals met\nruns:\n  - name: bench\n    bench: \"^Benchmark(Sum|Leak)$\"\n    benchtime: 10x\n\
             goals:\n  - id: no-allocs\n    kind: bench-metric\n    benchmark: BenchmarkSum\n    metric: allocs/op\n    at-most: 0\n\
             \x20 - id: no-leaks\n{go}    kind: profile-total\n    profile: goroutineleak\n    at-most: 0\n\
             solution: [sum.go]\n"
        ),
    );
    workshop.write(
        "exercises/outcome/met/leak_test.go",
        &format!(
            "package met\n\nimport \"testing\"\n\n\
             func BenchmarkLeak(b *testing.B) {{\n\tfor range {leaks} {{\n\t\tch := make(chan int)\n\t\tgo func() {{ ch <- 1 }}()\n\t}}\n}}\n"
        ),
    );
    workshop
}

#[test]
fn a_goal_on_the_leak_profile_must_say_it_needs_go_1_27() {
    leak_goal(None, 0)
        .run(&["check", "outcome/met"])
        .code(2)
        .stderr_has("the goroutineleak profile exists in Go 1.27 and newer")
        .stderr_has("go: \"1.27\"");
}

#[test]
fn leaked_goroutines_fail_the_goal_with_what_they_run_and_where_they_block() {
    let workshop = leak_goal(Some("1.27"), 3);
    let run = workshop.run_env(&["check", "outcome/met", "--json"], &[GO_1_27]);
    run.code(1);
    let doc = run.json();
    let goal = &doc["goals"][1];
    assert_eq!(goal["status"], "fail", "{goal}");
    // The benchmark runs at least once, leaving 3 goroutines each time.
    assert!(goal["measured"].as_f64().unwrap() >= 3.0, "{goal}");
    let evidence = goal["evidence"].to_string();
    assert!(
        evidence.contains(
            "leaked goroutines running fixture.example/outcomes/outcome/met.BenchmarkLeak.func1"
        ),
        "{evidence}"
    );
    assert!(
        evidence.contains("blocked in runtime.chansend1"),
        "{evidence}"
    );
    // Under the machine's Go (older than 1.27) the goal is skipped, not judged.
    let local = workshop.run(&["check", "outcome/met", "--json"]).json();
    if local["go"]["version"].as_str().unwrap() < "go1.27" {
        assert_eq!(local["goals"][1]["status"], "skipped");
        assert_eq!(local["status"], "pass");
    }
}

#[test]
fn no_leaked_goroutine_meets_the_goal() {
    leak_goal(Some("1.27"), 0)
        .run_env(&["check", "outcome/met"], &[GO_1_27])
        .code(0)
        .stdout_has("no-leaks");
}

#[test]
fn a_package_with_its_own_test_main_must_write_the_profile_itself() {
    let workshop = leak_goal(Some("1.27"), 0);
    workshop.write(
        "exercises/outcome/met/main_test.go",
        "package met\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestMain(m *testing.M) { os.Exit(m.Run()) }\n",
    );
    workshop
        .run_env(&["check", "outcome/met"], &[GO_1_27])
        .code(2)
        .stderr_has("main_test.go has its own TestMain")
        .stderr_has("$WORKSHOP_GOROUTINELEAK_PROFILE");
    // One that writes it is used as it is (in a workshop whose starter has it).
    let workshop = leak_goal(Some("1.27"), 0);
    workshop.write(
        "exercises/outcome/met/main_test.go",
        "package met\n\nimport (\n\t\"os\"\n\t\"runtime/pprof\"\n\t\"testing\"\n)\n\n\
         func TestMain(m *testing.M) {\n\tcode := m.Run()\n\tif path := os.Getenv(\"WORKSHOP_GOROUTINELEAK_PROFILE\"); path != \"\" {\n\
         \t\tf, _ := os.Create(path)\n\t\tpprof.Lookup(\"goroutineleak\").WriteTo(f, 0)\n\t\tf.Close()\n\t}\n\tos.Exit(code)\n}\n",
    );
    workshop
        .run_env(&["check", "outcome/met"], &[GO_1_27])
        .code(0);
}

#[test]
fn the_bundled_leak_exercise_is_judged_by_the_leak_profile_under_go_1_27() {
    let workshop = Workshop::bundled();
    let run = workshop.run_env(&["verify", "goroutine/01-leak", "--json"], &[GO_1_27]);
    run.code(0);
    let doc = run.json();
    let goal = doc["exercises"][0]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "no-leaks-found-by-the-runtime")
        .unwrap()
        .clone();
    assert_eq!(goal["ok"], true, "{goal}");
    assert_eq!(goal["skip"], serde_json::Value::Null, "{goal}");
    assert_eq!(goal["starter"]["min"], 1000.0, "{goal}");
    assert_eq!(goal["solution"]["max"], 0.0, "{goal}");
}
