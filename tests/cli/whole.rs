//! What a goal reads must be whole, and where goroutines come from is any
//! frame of their creation stack: the `whole` fixture workshop, whose starters
//! write a flight-recorder snapshot twice, start goroutines only through
//! `sync.WaitGroup.Go` and a helper of another package, and name their tasks
//! after twelve kinds of order.

use crate::{Workshop, evidence_of, goal_in};

#[test]
fn a_snapshot_written_twice_fails_and_says_why() {
    let run = Workshop::fixture("whole").run(&["check", "whole/snapshot", "--json"]);
    run.code(1);
    let doc = run.json();
    let snapshot = goal_in(&doc, "snapshot");
    assert_eq!(snapshot["status"], "fail");
    assert!(snapshot["measured"].is_null(), "{snapshot}");
    let explanation = snapshot["explanation"].as_str().unwrap();
    assert!(
        explanation
            .starts_with("the snapshot holds more than one trace (a second one begins at byte ")
            && explanation.contains("WriteTo was called more than once on the same writer"),
        "{explanation}"
    );
    let evidence = evidence_of(snapshot);
    assert!(
        evidence[0].contains("a second trace begins here (`go 1."),
        "{evidence:?}"
    );
    assert!(evidence[1].contains("serve-snapshot.trace"), "{evidence:?}");
}

#[test]
fn a_snapshot_cut_short_fails_with_the_readers_words() {
    let workshop = Workshop::fixture("whole");
    // The attendee's code starts a new generation after the first request (a
    // snapshot thrown away), then writes all of its snapshot but the last 100
    // bytes: whole generations, then one cut short.
    let service = std::fs::read_to_string(
        workshop.path().join("checks/whole/snapshot/solution/service.go"),
    )
    .unwrap()
    .replace("\"io\"", "\"bytes\"\n\t\"io\"")
    .replace(
        "\t\thandle(id)\n",
        "\t\thandle(id)\n\t\tif id == 0 {\n\t\t\trecorder.WriteTo(io.Discard)\n\t\t}\n",
    )
    .replace(
        "_, err := recorder.WriteTo(snapshot)",
        "var all bytes.Buffer\n\t\t\t_, err := recorder.WriteTo(&all)\n\t\t\tsnapshot.Write(all.Bytes()[:all.Len()-100])",
    );
    workshop.write("exercises/whole/snapshot/service.go", &service);
    let run = workshop.run(&["check", "whole/snapshot", "--json"]);
    run.code(1);
    let doc = run.json();
    let snapshot = goal_in(&doc, "snapshot");
    assert_eq!(snapshot["status"], "fail");
    let explanation = snapshot["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with(
            "the snapshot is not a whole execution trace, so it meets no goal: at byte "
        ) && explanation.contains("truncated?"),
        "{explanation}"
    );
}

#[test]
fn a_trace_the_code_cut_short_fails_its_goals_rather_than_stopping_the_check() {
    let workshop = Workshop::fixture("whole");
    // The second call ends the benchmark's process at once, past the test
    // binary's watch for os.Exit: `go test -trace` leaves a trace cut short.
    let orders = std::fs::read_to_string(
        workshop
            .path()
            .join("checks/whole/names/solution/orders.go"),
    )
    .unwrap()
    .replace("\"runtime/trace\"", "\"runtime/trace\"\n\t\"syscall\"")
    .replace(
        "\ttotal := 0\n",
        "\tcalls++\n\tif calls == 2 {\n\t\tsyscall.Exit(0)\n\t}\n\ttotal := 0\n",
    );
    workshop.write(
        "exercises/whole/names/orders.go",
        &format!("{orders}\nvar calls int\n"),
    );
    let run = workshop.run(&["check", "whole/names", "--json"]);
    run.code(1);
    let doc = run.json();
    let orders = goal_in(&doc, "orders");
    assert_eq!(orders["status"], "fail");
    let explanation = orders["explanation"].as_str().unwrap();
    assert!(
        explanation
            .starts_with("the trace of run `bench` is not whole, so it meets no goal: at byte ")
            && explanation.contains("truncated?"),
        "{explanation}"
    );
}

#[test]
fn goroutines_started_through_wait_group_go_or_a_helper_count_for_created_by() {
    let run = Workshop::fixture("whole").run(&["check", "whole/spawn", "--json"]);
    run.code(1);
    let doc = run.json();
    // A hundred goroutines a call, all alive at once: none by a `go`
    // statement of the package.
    let at_once = goal_in(&doc, "at-once");
    assert_eq!(at_once["status"], "fail");
    assert!(at_once["measured"].as_f64().unwrap() >= 50.0, "{at_once}");
    assert!(goal_in(&doc, "per-call")["measured"].as_f64().unwrap() >= 100.0);
    // The evidence names the frame that matched, for both ways they started.
    let evidence = evidence_of(at_once);
    for line in [18, 21] {
        assert!(
            evidence.iter().any(|e| e.contains(&format!(
                "where `created-by` matched fixture.example/whole/whole/spawn.Fetch at fetch.go:{line} in their creation stack"
            ))),
            "line {line}: {evidence:?}"
        );
    }
}

#[test]
fn verify_proves_each_exercise_of_the_fixture() {
    let run = Workshop::fixture("whole").run(&["verify", "--json"]);
    run.code(0);
    let doc = run.json();
    assert_eq!(doc["ok"], true, "{doc}");
}

#[test]
fn verify_refuses_a_created_by_that_leaves_out_the_solutions_goroutines() {
    let workshop = Workshop::fixture("whole");
    // Only the helper: the starter's goroutines half match, the solution's
    // workers (through WaitGroup.Go) none.
    let check = std::fs::read_to_string(workshop.path().join("checks/whole/spawn/check.yaml"))
        .unwrap()
        .replace(
            r"created-by: 'whole/spawn\.'",
            r"created-by: 'internal/async\.Go$'",
        );
    workshop.write("checks/whole/spawn/check.yaml", &check);
    let run = workshop.run(&["verify", "whole/spawn"]);
    run.code(1).stdout_has(
        "/internal/async\\.Go$/ matches no function in the solution's trace, though the solution's own code started",
    );
}

#[test]
fn a_pattern_over_task_names_lists_a_few_of_those_it_matched() {
    let run = Workshop::fixture("whole").run(&["check", "whole/names", "--json"]);
    run.code(1);
    let doc = run.json();
    let orders = goal_in(&doc, "orders");
    assert_eq!(orders["status"], "fail");
    // Twelve kinds, three tasks each (the benchmark's calls): all match, none ended.
    assert!(orders["measured"].as_f64().unwrap() >= 12.0, "{orders}");
    let evidence = evidence_of(orders);
    assert!(
        evidence
            .iter()
            .any(|e| e.starts_with("/^order// matched 12 names, e.g. order/kind-00 (")),
        "{evidence:?}"
    );
    // Never all twelve names on one line.
    for line in &evidence {
        assert!(line.matches("order/kind-").count() <= 5, "{line}");
    }
}
