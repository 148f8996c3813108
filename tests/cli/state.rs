//! Progress kept in `.workshop/state.json`: an unreadable file is moved aside
//! and said by whichever command meets it first, never silently.

use crate::Workshop;

#[test]
fn an_unreadable_state_file_is_set_aside_and_said_by_the_first_command() {
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["list"]).code(0);
    workshop.write(".workshop/state.json", "{\"version\": 1, \"exer");
    workshop
        .run(&["hint", "outcome/met"])
        .code(0)
        .stderr_has("state.json could not be read and was moved to")
        .stderr_has("progress starts afresh");
    let aside: Vec<_> = std::fs::read_dir(workshop.path().join(".workshop"))
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).unwrap(),
        "{\"version\": 1, \"exer"
    );
    // Said once: the next command finds the state the first one saved.
    let run = workshop.run(&["list"]);
    run.code(0);
    assert!(!run.stderr.contains("could not be read"), "{}", run.stderr);
}

#[test]
fn list_says_when_a_done_exercise_fails_now_or_was_reset() {
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["check", "outcome/met"]).code(0);
    workshop
        .run(&["list"])
        .code(0)
        .stdout_has("outcome/met")
        .stdout_has("done\n");
    // Broken since: done once, failing now.
    let sum = workshop.path().join("exercises/outcome/met/sum.go");
    let good = std::fs::read_to_string(&sum).unwrap();
    std::fs::write(&sum, format!("{good}\nfunc broken() {{ return 1 }}\n")).unwrap();
    assert_ne!(workshop.run(&["check", "outcome/met"]).code, 0);
    let list = workshop.run(&["list", "--json"]);
    let entry = list.json()["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "outcome/met")
        .cloned()
        .unwrap();
    assert_eq!(entry["progress"], "done");
    assert_eq!(entry["latest"], "failing");
    workshop.run(&["list"]).stdout_has("done once, failing now");
    workshop.run(&["reset", "outcome/met"]).code(0);
    workshop.run(&["list"]).stdout_has("done once, reset since");
}

#[test]
fn pages_are_named_from_where_the_attendee_stands() {
    let workshop = Workshop::bundled();
    workshop
        .run_in("exercises/cpu/01-regexp", &["list"])
        .code(0)
        .stdout_has("read ../../../docs/exercises/cpu-01-regexp.md")
        .stdout_has("starts at ../../../docs/README.md");
    workshop
        .run_in(".", &["list"])
        .code(0)
        .stdout_has("read docs/exercises/cpu-01-regexp.md");
}

#[test]
fn the_solutions_reasoning_waits_on_its_own_page_until_the_last_hint() {
    let workshop = Workshop::bundled();
    let page =
        std::fs::read_to_string(workshop.path().join("docs/exercises/cpu-01-regexp.md")).unwrap();
    assert!(!page.contains("<details>"), "the page shows the reasoning");
    assert!(page.contains("(solutions/cpu-01-regexp.md)"));
    let mut last = None;
    for _ in 0..3 {
        last = Some(workshop.run_in(".", &["hint", "cpu/01-regexp"]));
    }
    last.unwrap()
        .code(0)
        .stdout_has("That was the last hint")
        .stdout_has(
            "How the reference solution reasons: docs/exercises/solutions/cpu-01-regexp.md",
        );
}
