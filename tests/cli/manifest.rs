//! Check files with mistakes in them: for every goal kind, a misspelled key is
//! reported at its line and column with the key meant; keys every goal takes
//! are located too.

use workshop::goals::GoalKind;

use crate::Workshop;

/// A check file for `outcome/met` whose only goal is `goal` (lines from 6 on).
fn check_file(goal: &str) -> String {
    format!(
        "title: Goals met\nruns:\n  - name: bench\n    bench: BenchmarkSum\ngoals:\n{goal}solution: [sum.go]\n"
    )
}

/// Lists the workshop with `goal` as outcome/met's goal and expects the manifest
/// to be rejected with `expected` on stderr.
#[track_caller]
fn rejected(goal: &str, expected: &str) {
    Workshop::fixture("outcomes")
        .write("checks/outcome/met/check.yaml", &check_file(goal))
        .run(&["list"])
        .code(2)
        .stderr_has(expected);
}

/// One goal per kind with one key misspelled on line 9 (or 8), and the
/// diagnostic that must name it.
const MISSPELLED: &[(&str, &str, &str)] = &[
    (
        "bench-metric",
        "  - id: a\n    kind: bench-metric\n    benchmark: BenchmarkSum\n    metrc: allocs/op\n    at-most: 0\n",
        "check.yaml:9:5: unknown key `metrc`; did you mean `metric`?",
    ),
    (
        "bench-relative",
        "  - id: a\n    kind: bench-relative\n    benchmark: BenchmarkSum\n    metric: ns/op\n    at-least-tims: 2\n",
        "check.yaml:10:5: unknown key `at-least-tims`; did you mean `at-least-times`?",
    ),
    (
        "bench-not-slower",
        "  - id: a\n    kind: bench-not-slower\n    benchmark: BenchmarkSum\n    at-most-slowr: 10%\n    starter: met\n",
        "check.yaml:9:5: unknown key `at-most-slowr`; did you mean `at-most-slower`?",
    ),
    (
        "profile-function",
        "  - id: a\n    kind: profile-function\n    profile: cpu\n    function: x\n    measure: cum\n    at-mst: 1\n",
        "check.yaml:11:5: unknown key `at-mst`; did you mean `at-most`?",
    ),
    (
        "profile-total",
        "  - id: a\n    kind: profile-total\n    profile: cpu\n    min-sampels: 1\n    at-most: 1\n",
        "check.yaml:9:5: unknown key `min-sampels`; did you mean `min-samples`?",
    ),
    (
        "profile-label",
        "  - id: a\n    kind: profile-label\n    profile: cpu\n    key: endpoint\n    valeu: x\n    at-least: 50\n",
        "check.yaml:10:5: unknown key `valeu`; did you mean `value`?",
    ),
    (
        "trace-leaks",
        "  - id: a\n    kind: trace-leaks\n    at-mots: 0\n",
        "check.yaml:8:5: unknown key `at-mots`; did you mean `at-most`?",
    ),
    (
        "trace-goroutines",
        "  - id: a\n    kind: trace-goroutines\n    measure: max-live\n    at-mots: 0\n",
        "check.yaml:9:5: unknown key `at-mots`; did you mean `at-most`?",
    ),
    (
        "trace-tasks",
        "  - id: a\n    kind: trace-tasks\n    name: x\n    endd: true\n",
        "check.yaml:9:5: unknown key `endd`; did you mean `ended`?",
    ),
    (
        "trace-regions",
        "  - id: a\n    kind: trace-regions\n    name: x\n    in-tsk: y\n",
        "check.yaml:9:5: unknown key `in-tsk`; did you mean `in-task`?",
    ),
    (
        "trace-logs",
        "  - id: a\n    kind: trace-logs\n    categry: x\n",
        "check.yaml:8:5: unknown key `categry`; did you mean `category`?",
    ),
    (
        "trace-blocked",
        "  - id: a\n    kind: trace-blocked\n    reason: select\n    shre: true\n    at-most: 1\n",
        "check.yaml:9:5: unknown key `shre`; did you mean `share`?",
    ),
    (
        "trace-gc",
        "  - id: a\n    kind: trace-gc\n    measure: cycles\n    per-ob: true\n    at-most: 5\n",
        "check.yaml:9:5: unknown key `per-ob`; did you mean `per-op`?",
    ),
    (
        "flight-recorder",
        "  - id: a\n    kind: flight-recorder\n    max-byts: 1\n",
        "check.yaml:8:5: unknown key `max-byts`; did you mean `max-bytes`?",
    ),
    (
        "load-latency",
        "  - id: a\n    kind: load-latency\n    at: p90\n    at-mots: 20ms\n",
        "check.yaml:9:5: unknown key `at-mots`; did you mean `at-most`?",
    ),
    (
        "load-throughput",
        "  - id: a\n    kind: load-throughput\n    at-lest: 100\n",
        "check.yaml:8:5: unknown key `at-lest`; did you mean `at-least`?",
    ),
    (
        "load-errors",
        "  - id: a\n    kind: load-errors\n    at-mots: 1\n",
        "check.yaml:8:5: unknown key `at-mots`; did you mean `at-most`?",
    ),
    (
        "endpoint",
        "  - id: a\n    kind: endpoint\n    url: http://127.0.0.1:{port}/\n    servd: false\n",
        "check.yaml:9:5: unknown key `servd`; did you mean `served`?",
    ),
    (
        "compiler-escape",
        "  - id: a\n    kind: compiler-escape\n    function: x\n    at-mots: 0\n",
        "check.yaml:9:5: unknown key `at-mots`; did you mean `at-most`?",
    ),
    (
        "compiler-inline",
        "  - id: a\n    kind: compiler-inline\n    function: x\n    inlinabel: true\n",
        "check.yaml:9:5: unknown key `inlinabel`; did you mean `inlinable`?",
    ),
    (
        "compiler-bounds",
        "  - id: a\n    kind: compiler-bounds\n    file: sum.go\n    nera: x\n    at-most: 0\n",
        "check.yaml:9:5: unknown key `nera`; did you mean `near`?",
    ),
    (
        "build-pgo",
        "  - id: a\n    kind: build-pgo\n    function: Count\n    min-sample: 5\n",
        "check.yaml:9:5: unknown key `min-sample`; did you mean `min-samples`?",
    ),
];

/// One test per kind, so that a kind whose errors lose their place names itself.
macro_rules! misspelled_key {
    ($($test:ident: $kind:literal,)+) => {
        $(
            #[test]
            fn $test() {
                let (_, goal, expected) = MISSPELLED
                    .iter()
                    .find(|(kind, _, _)| *kind == $kind)
                    .expect("a case for the kind");
                rejected(goal, expected);
            }
        )+

        #[test]
        fn every_goal_kind_has_a_misspelled_key_test() {
            let tested = [$($kind),+];
            for kind in GoalKind::NAMES {
                assert!(
                    tested.contains(kind) && MISSPELLED.iter().any(|(k, _, _)| k == kind),
                    "goal kind `{kind}` has no misspelled-key test"
                );
            }
        }
    };
}

misspelled_key! {
    misspelled_key_in_bench_metric: "bench-metric",
    misspelled_key_in_bench_relative: "bench-relative",
    misspelled_key_in_bench_not_slower: "bench-not-slower",
    misspelled_key_in_profile_function: "profile-function",
    misspelled_key_in_profile_total: "profile-total",
    misspelled_key_in_profile_label: "profile-label",
    misspelled_key_in_trace_leaks: "trace-leaks",
    misspelled_key_in_trace_goroutines: "trace-goroutines",
    misspelled_key_in_load_latency: "load-latency",
    misspelled_key_in_load_throughput: "load-throughput",
    misspelled_key_in_load_errors: "load-errors",
    misspelled_key_in_endpoint: "endpoint",
    misspelled_key_in_trace_tasks: "trace-tasks",
    misspelled_key_in_trace_regions: "trace-regions",
    misspelled_key_in_trace_logs: "trace-logs",
    misspelled_key_in_trace_blocked: "trace-blocked",
    misspelled_key_in_flight_recorder: "flight-recorder",
    misspelled_key_in_trace_gc: "trace-gc",
    misspelled_key_in_compiler_escape: "compiler-escape",
    misspelled_key_in_compiler_inline: "compiler-inline",
    misspelled_key_in_compiler_bounds: "compiler-bounds",
    misspelled_key_in_build_pgo: "build-pgo",
}

#[test]
fn a_compiler_goal_looks_at_functions_or_at_a_line_never_both() {
    rejected(
        "  - id: a\n    kind: compiler-bounds\n    function: x\n    file: sum.go\n    line: 3\n    at-most: 0\n",
        "say where the goal looks: `function:` (a pattern over function names), or `file:` with `line:` or `near:`",
    );
    rejected(
        "  - id: a\n    kind: compiler-bounds\n    file: sum.go\n    line: 3\n    near: x\n    at-most: 0\n",
        "check.yaml:10:11: give the line, by `line:` (its number) or `near:` (a pattern over its text), not both",
    );
    rejected(
        "  - id: a\n    kind: compiler-escape\n    file: ../sum.go\n    line: 3\n    at-most: 0\n",
        "check.yaml:8:11: `../sum.go` is not a Go file of the exercise's package",
    );
    rejected(
        "  - id: a\n    kind: compiler-inline\n    function: x\n    inlined: true\n",
        "check.yaml:9:14: `inlined:` is about a call: give the called function by `call:`",
    );
    rejected(
        "  - id: a\n    kind: compiler-inline\n    file: sum.go\n    line: 3\n    inlinable: true\n",
        "`inlinable:` is about functions: give them by `function:`",
    );
    rejected(
        "  - id: a\n    kind: compiler-escape\n    function: x\n",
        "check.yaml:6:5",
    );
}

#[test]
fn an_unknown_key_lists_the_keys_every_goal_takes_too() {
    rejected(
        "  - id: a\n    kind: trace-leaks\n    hnt: x\n",
        "check.yaml:8:5: unknown key `hnt`; did you mean `hint`? (expected one of: id, run, at-most, explain, hint, starter, go)",
    );
}

#[test]
fn a_goal_without_an_id_is_located() {
    rejected(
        "  - kind: bench-metric\n    benchmark: BenchmarkSum\n    metric: allocs/op\n    at-most: 0\n",
        "check.yaml:6:5: goals[0]: missing field `id`",
    );
}

#[test]
fn a_wrong_value_inside_a_goal_is_located_at_the_value() {
    rejected(
        "  - id: a\n    kind: profile-total\n    profile: cpuu\n    at-most: 1\n",
        "check.yaml:8:14: goals[0].profile: unknown kind `cpuu`; did you mean `cpu`?",
    );
    rejected(
        "  - id: a\n    kind: trace-goroutines\n    measure: max-live\n    at-most: lots\n",
        "check.yaml:9:14: goals[0].at-most: expected a number, found \"lots\"",
    );
}

#[test]
fn a_non_inferiority_goal_takes_a_percentage_and_says_the_starter_meets_it() {
    rejected(
        "  - id: a\n    kind: bench-not-slower\n    benchmark: BenchmarkSum\n    at-most-slower: 10\n    starter: met\n",
        "check.yaml:9:21: expected a percentage such as `10%` (how much slower than the starter is allowed)",
    );
    rejected(
        "  - id: a\n    kind: bench-not-slower\n    benchmark: BenchmarkSum\n    at-most-slower: 10%\n",
        "check.yaml:6:5: the starter meets a `bench-not-slower` goal (it is as fast as itself): say `starter: met` in the goal",
    );
    rejected(
        "  - id: a\n    kind: bench-not-slower\n    benchmark: BenchmarkSum\n    metric: allocs/op\n    at-most-slower: 10%\n    starter: met\n",
        "check.yaml:9:13: allocs/op does not vary from run to run: bound it with a `bench-metric` goal",
    );
}

#[test]
fn an_unknown_kind_suggests_the_closest() {
    rejected(
        "  - id: a\n    kind: trace-lekas\n",
        "check.yaml:7:11: goals[0].kind: unknown kind `trace-lekas`; did you mean `trace-leaks`?",
    );
}

#[test]
fn problems_in_several_goals_are_reported_together() {
    let run = Workshop::fixture("outcomes")
        .write(
            "checks/outcome/met/check.yaml",
            &check_file(
                "  - id: a\n    kind: trace-leaks\n    at-mots: 0\n  - id: b\n    kind: trace-logs\n    categry: x\n",
            ),
        )
        .run(&["list"]);
    run.code(2)
        .stderr_has("check.yaml:8:5: unknown key `at-mots`")
        .stderr_has("check.yaml:11:5: unknown key `categry`")
        .stderr_has("2 problems in the manifest");
}

/// Lists the workshop with outcome/met's check file replaced by `text`, and
/// expects the manifest to be rejected with `expected` on stderr.
#[track_caller]
fn rejected_file(text: &str, expected: &str) {
    Workshop::fixture("outcomes")
        .write("checks/outcome/met/check.yaml", text)
        .run(&["list"])
        .code(2)
        .stderr_has(expected);
}

#[test]
fn a_bound_outside_what_the_metric_can_be_is_refused() {
    rejected(
        "  - id: a\n    kind: bench-metric\n    benchmark: BenchmarkSum\n    metric: B/op\n    at-most: -5\n",
        "check.yaml:10:14: `at-most: -5` cannot be right: B/op is 0 or more",
    );
    rejected(
        "  - id: a\n    kind: profile-function\n    profile: cpu\n    function: x\n    measure: cum-share\n    at-most: 120\n",
        "check.yaml:11:14: `at-most: 120` cannot be right: a share is a percentage from 0 to 100",
    );
    rejected(
        "  - id: a\n    kind: trace-tasks\n    name: request\n    exactly: 2.5\n",
        "check.yaml:9:14: `exactly: 2.5` cannot be right: a number of tasks is a whole number, 0 or more",
    );
}

#[test]
fn contradictory_keys_are_refused_at_the_second() {
    rejected(
        "  - id: a\n    kind: trace-blocked\n    reason: select\n    share: true\n    per-op: true\n    at-most: 5\n",
        "check.yaml:10:13: a share is already relative; `per-op` applies to times, without `share`",
    );
    rejected_file(
        "title: t\nruns:\n  - name: bench\n    bench: BenchmarkSum\n    test: TestSum\ngoals:\n  - id: a\n    kind: trace-leaks\nsolution: [sum.go]\n",
        "check.yaml:5:11: a run takes `bench:` (benchmarks to run) or `test:` (tests to run), not both",
    );
}

#[test]
fn patterns_go_test_would_refuse_are_refused() {
    rejected_file(
        "title: t\nruns:\n  - name: bench\n    bench: \"^Benchmark(Sum$\"\ngoals:\n  - id: a\n    kind: trace-leaks\nsolution: [sum.go]\n",
        "check.yaml:4:12: `^Benchmark(Sum$` is not a regular expression Go accepts",
    );
    rejected_file(
        "title: t\ntests:\n  run: \"^Test[Sum$\"\nruns:\n  - name: bench\n    bench: BenchmarkSum\ngoals:\n  - id: a\n    kind: trace-leaks\nsolution: [sum.go]\n",
        "check.yaml:3:8: `^Test[Sum$` is not a regular expression Go accepts",
    );
    // Rust's regex would take it; Go refuses a repeat count over 1000.
    rejected_file(
        "title: t\nruns:\n  - name: bench\n    bench: \"BenchmarkSum/x{1001}\"\ngoals:\n  - id: a\n    kind: trace-leaks\nsolution: [sum.go]\n",
        "check.yaml:4:12: `x{1001}` repeats `{1001}`, more than the 1000 times Go's regular expressions allow",
    );
    rejected(
        "  - id: a\n    kind: profile-function\n    profile: cpu\n    function: 'a{2000}'\n    measure: cum\n    at-most: 1\n",
        "check.yaml:9:15: `a{2000}` repeats `{2000}`",
    );
}

#[test]
fn a_negative_count_reads_plainly() {
    rejected_file(
        "title: t\nruns:\n  - name: bench\n    bench: BenchmarkSum\n    count: -6\ngoals:\n  - id: a\n    kind: trace-leaks\nsolution: [sum.go]\n",
        "check.yaml:5:12: count must be a whole number of at least 1, not -6",
    );
    rejected(
        "  - id: a\n    kind: trace-tasks\n    name: x\n    goroutines-at-least: -2\n",
        "check.yaml:9:26: goals[0].goroutines-at-least: expected a whole number of 0 or more, found -2",
    );
}

#[test]
fn a_misplaced_key_is_reported_at_the_key() {
    rejected_file(
        "title: t\nruns:\n  - name: bench\n    bench: BenchmarkSum\ngoals:\n  - id: a\n    kind: bench-metric\n    benchmark: BenchmarkSum\n  metric: allocs/op\n    at-most: 0\nsolution: [sum.go]\n",
        "check.yaml:9:3: this line is indented like neither the list items (`- `) above it nor the keys of their mapping",
    );
    rejected_file(
        "title: t\nruns:\n  - name: bench\n    bench: BenchmarkSum\n      count: 2\ngoals: []\nsolution: [sum.go]\n",
        "check.yaml:5:7: a `key:` cannot start here",
    );
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let mut text = "title: t\nruns:\n  - name: bench\n    bench: BenchmarkSum\ngoals:\n  - id: \"a\n    kind: trace-leaks\nsolution: [sum.go]\n".to_owned();
    text.push_str(&"\n".repeat(19));
    rejected_file(&text, "check.yaml:6:9: this quote is never closed");
}

#[test]
fn settings_that_cannot_work_are_refused_at_their_key() {
    let run = Workshop::fixture("outcomes")
        .write(
            "checks/outcome/met/check.yaml",
            "title: t\ntests:\n  env:\n    GOGC: lots\nbuild:\n  tags: [fast, \"no cache\"]\n  pgo: missing.pprof\nruns:\n  - name: bench\n    bench: BenchmarkSum\n    env:\n      WORKSHOP_SNAPSHOT: x\n      GOMAXPROCS: 0\ngoals:\n  - id: a\n    kind: trace-leaks\nsolution: [sum.go]\n",
        )
        .run(&["list"]);
    run.code(2)
        .stderr_has(
            "check.yaml:4:11: `GOGC: lots` is not what Go reads (a percentage like 100, or off)",
        )
        .stderr_has("check.yaml:6:16: `no cache` is not a build tag")
        .stderr_has("check.yaml:7:8: expected `auto`, `off`, or a CPU profile at")
        .stderr_has("check.yaml:12:26: `WORKSHOP_SNAPSHOT` is the runner's to set")
        .stderr_has(
            "check.yaml:13:19: `GOMAXPROCS: 0` is not what Go reads (a whole number of 1 or more)",
        );
}

/// A manifest error in Japanese: the problems, their places and the excerpt
/// read the same, in the reader's language; and per-language texts in a
/// check file are checked for their language codes.
#[test]
fn manifest_errors_read_in_japanese() {
    let workshop = Workshop::fixture("outcomes");
    workshop.write(
        "checks/outcome/met/check.yaml",
        &check_file(
            "  - id: a\n    kind: trace-leaks\n    at-mots: 0\n  - id: b\n    kind: trace-logs\n    categry: x\n",
        ),
    );
    let run = workshop.run_env(&["list"], &[("LANG", "ja_JP.UTF-8")]);
    run.code(2);
    let stderr = run
        .stderr
        .replace(&workshop.path().display().to_string(), "[root]");
    insta::assert_snapshot!(stderr);

    workshop.write(
        "checks/outcome/met/check.yaml",
        "title:\n  en: Goals met\n  fr: Objectifs\nruns:\n  - name: bench\n    bench: BenchmarkSum\ngoals:\n  - id: a\n    kind: bench-metric\n    benchmark: BenchmarkSum\n    metric: ns/op\n    at-most: 1\nsolution: [sum.go]\n",
    );
    workshop
        .run(&["list"])
        .code(2)
        .stderr_has("check.yaml:3:3: unknown key `fr`");
}

#[test]
fn an_exercise_without_a_check_file_suggests_the_check_file_that_exists() {
    let workshop = Workshop::fixture("outcomes");
    let manifest = std::fs::read_to_string(workshop.path().join("workshop.yaml")).unwrap();
    workshop
        .write(
            "workshop.yaml",
            &manifest.replace("  - outcome/unmet\n", "  - outcome/unmt\n"),
        )
        .run(&["list"])
        .code(2)
        .stderr_has("workshop.yaml:5:5: expected the check file")
        .stderr_has("did you mean `outcome/unmet`, which has a check file?");
}

#[test]
fn a_check_file_named_yml_is_named_as_the_cause() {
    let workshop = Workshop::fixture("outcomes");
    std::fs::rename(
        workshop.path().join("checks/outcome/met/check.yaml"),
        workshop.path().join("checks/outcome/met/check.yml"),
    )
    .unwrap();
    workshop
        .run(&["list"])
        .code(2)
        .stderr_has("workshop.yaml:4:5: expected the check file")
        .stderr_has("found check.yml there: the file must be named check.yaml");
}

#[test]
fn a_go_mod_that_asks_for_more_than_workshop_yaml_is_refused_at_go() {
    Workshop::fixture("outcomes")
        .write(
            "exercises/go.mod",
            "module fixture.example/outcomes\n\ngo 1.24\n",
        )
        .run(&["list"])
        .code(2)
        .stderr_has("workshop.yaml:2:5: workshop.yaml asks for Go 1.22, but")
        .stderr_has("go.mod:3 asks for go 1.24");
}

#[test]
fn a_go_mod_that_asks_for_a_newer_go_than_installed_says_so() {
    // The module's own go line agrees with workshop.yaml; a module it needs
    // asks for more, which only the build finds out.
    Workshop::fixture("outcomes")
        .write(
            "exercises/go.mod",
            "module fixture.example/outcomes\n\ngo 1.22\n\nrequire fixture.example/newer v0.0.0\n\nreplace fixture.example/newer => ./newer\n",
        )
        .write("exercises/newer/go.mod", "module fixture.example/newer\n\ngo 1.99\n")
        .write("exercises/newer/newer.go", "package newer\n")
        .write(
            "exercises/outcome/met/newer_test.go",
            "package met\n\nimport _ \"fixture.example/newer\"\n",
        )
        .run(&["check", "outcome/met"])
        .code(2)
        .stderr_has("asks for Go 1.99 or newer, but `go` is go1.");
}

#[test]
fn tasks_and_regions_take_a_name_or_a_pattern_over_names() {
    // Both: refused at the pattern.
    rejected(
        "  - id: a\n    kind: trace-tasks\n    name: request\n    name-matches: '^request/'\n",
        "check.yaml:9:19: give either `name` (one name) or `name-matches` (a pattern over names), not both",
    );
    // Neither: refused at the goal.
    rejected(
        "  - id: a\n    kind: trace-regions\n    in-task: request\n",
        "check.yaml:6:5: give `name` (one name) or `name-matches` (a pattern over names)",
    );
    // A pattern that does not compile, or that Go's regexp would not read.
    rejected(
        "  - id: a\n    kind: trace-regions\n    name-matches: 'fetch('\n",
        "check.yaml:8:19: not a valid regular expression",
    );
    rejected(
        "  - id: a\n    kind: trace-tasks\n    name-matches: '\\<request\\>'\n",
        "check.yaml:8:19: `\\<request\\>` uses `\\<`, which Go's regular expressions do not have",
    );
}

#[test]
fn a_workshop_file_nested_100000_deep_is_refused_before_parsing() {
    let n = 100_000;
    let deep = format!("{}1{}\n", "{a: ".repeat(n), "}".repeat(n));
    let workshop = Workshop::fixture("outcomes");
    workshop.write("workshop.yaml", &deep);
    let started = std::time::Instant::now();
    let run = workshop.run(&["list"]);
    let elapsed = started.elapsed();
    // The 64th `{` (column 253) is the 65th level, under the document's own.
    run.code(2).stderr_has(
        "workshop.yaml:1:253: nested deeper than 64 levels (of indentation, `-` items or `[`/`{`)",
    );
    assert!(
        elapsed < std::time::Duration::from_secs(2),
        "took {elapsed:?}"
    );
    assert!(run.stderr.len() < 1000, "{}", run.stderr);
}

#[test]
fn a_yaml_file_past_the_size_limit_is_refused_unread() {
    Workshop::fixture("outcomes")
        .write(
            "checks/outcome/met/check.yaml",
            &"# padding\n".repeat(110_000),
        )
        .run(&["list"])
        .code(2)
        .stderr_has("check.yaml: the file is larger than 1 MiB");
}

#[test]
fn a_megabyte_line_shows_as_an_excerpt_around_the_column() {
    let title = "x".repeat(1_000_000);
    let line = format!(
        "{{title: {title}, runs: [{{name: bench, bench: BenchmarkSum}}], bogus: 1, solution: [sum.go]}}\n"
    );
    let run = Workshop::fixture("outcomes")
        .write("checks/outcome/met/check.yaml", &line)
        .run(&["list"]);
    run.code(2)
        .stderr_has("check.yaml:1:1000055: unknown key `bogus`")
        .stderr_has(
            "1 | …uns: [{name: bench, bench: BenchmarkSum}], bogus: 1, solution: [sum.go]}\n",
        );
    assert!(run.stderr.len() < 1000, "{}", run.stderr);
}

#[test]
fn label_goals_that_cannot_fail_or_match_are_refused_at_their_key() {
    rejected(
        "  - id: a\n    kind: profile-label\n    profile: cpu\n    key: endpoint\n    at-least: 0\n",
        "check.yaml:10:15: a share is always within 0% to 100%: this bound cannot fail",
    );
    rejected(
        "  - id: a\n    kind: profile-label\n    profile: memory\n    key: endpoint\n    at-least: 50\n",
        "check.yaml:8:14: Go writes pprof.Do labels in CPU and goroutine profiles",
    );
    rejected(
        "  - id: a\n    kind: profile-function\n    profile: cpu\n    function: x\n    measure: cum\n    tagfocus: shard=7\n    at-most: 1\n",
        "check.yaml:11:15: `tagfocus: shard=7` reads as a numeric range",
    );
    rejected(
        "  - id: a\n    kind: profile-total\n    profile: cpu\n    tagignore: endpoint=(\n    at-most: 1\n",
        "check.yaml:9:16: `tagignore` cannot be used",
    );
}
