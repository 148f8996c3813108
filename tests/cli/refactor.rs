//! A refactoring exercise guarded by `bench-not-slower`: a workshop written
//! here, whose starter sums numbers; a refactoring that stays as fast meets
//! the goal, one sixteen times slower fails it, and `verify` accepts a goal
//! the starter meets on purpose. The runs are short and the effects large: on
//! two cores shared with builds (a load of 12), single runs of the same code
//! took from 110µs to 750µs, so the goal allows four times the starter's time
//! and the slow refactoring takes sixteen; with 16 runs a side, simulations
//! from those timings give the same verdicts every time.

use crate::Workshop;

const STARTER: &str = "package refactor

// Sum adds the numbers.
func Sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}
";

/// The same loop written another way: as fast.
const AS_FAST: &str = "package refactor

// Sum adds the numbers, by index.
func Sum(xs []int) int {
	total := 0
	for i := 0; i < len(xs); i++ {
		total += xs[i]
	}
	return total
}
";

/// A refactoring that walks the numbers sixteen times.
const SLOWER: &str = "package refactor

// Sum adds the numbers, again and again.
func Sum(xs []int) int {
	total := 0
	for range 16 {
		total = 0
		for _, x := range xs {
			total += x
		}
	}
	return total
}
";

const TEST: &str = "package refactor

import \"testing\"

var sink int

func TestSum(t *testing.T) {
	if Sum([]int{1, 2, 3}) != 6 {
		t.Fatal(\"wrong sum\")
	}
}

func BenchmarkSum(b *testing.B) {
	xs := make([]int, 200000)
	for i := range xs {
		xs[i] = i
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = Sum(xs)
	}
}
";

const CHECK: &str = "title: Refactor without slowing down
runs:
  - name: bench
    bench: BenchmarkSum
    benchtime: 50x
    count: 16
goals:
  - id: not-slower
    kind: bench-not-slower
    benchmark: BenchmarkSum
    at-most-slower: 300%
    starter: met
solution: [sum.go]
";

fn workshop() -> Workshop {
    let workshop = Workshop::empty();
    workshop
        .write(
            "workshop.yaml",
            "title: Refactoring\ngo: \"1.22\"\nexercises:\n  - refactor/01-sum\n",
        )
        .write(
            "exercises/go.mod",
            "module fixture.example/refactor\n\ngo 1.22\n",
        )
        .write("exercises/refactor/01-sum/sum.go", STARTER)
        .write("exercises/refactor/01-sum/sum_test.go", TEST)
        .write("checks/refactor/01-sum/check.yaml", CHECK)
        .write("checks/refactor/01-sum/solution/sum.go", AS_FAST);
    // No git checkout: the first command saves the starter.
    workshop.run(&["list"]).code(0);
    workshop
}

#[test]
fn a_refactoring_as_fast_as_the_starter_passes_and_a_much_slower_one_fails() {
    let workshop = workshop();
    workshop.write("exercises/refactor/01-sum/sum.go", AS_FAST);
    let run = workshop.run(&["check", "refactor/01-sum", "--json"]);
    let goal = &run.json()["goals"][0];
    assert_eq!(goal["kind"], "bench-not-slower", "{goal}");
    assert_eq!(goal["status"], "pass", "{goal}");
    assert_eq!(goal["threshold"], 4.0, "{goal}");
    assert!(goal["p"].as_f64().unwrap() < 0.05, "{goal}");
    assert!(
        goal["evidence"][0]
            .as_str()
            .unwrap()
            .contains("at most 4× allowed; 16 runs each, one-sided p="),
        "{goal}"
    );
    run.code(0);

    workshop.write("exercises/refactor/01-sum/sum.go", SLOWER);
    let run = workshop.run(&["check", "refactor/01-sum", "--json"]);
    run.code(1);
    let goal = &run.json()["goals"][0];
    assert_eq!(goal["status"], "fail", "{goal}");
    assert!(goal["measured"].as_f64().unwrap() > 4.0, "{goal}");
    let explanation = goal["explanation"].as_str().unwrap();
    assert!(
        explanation.ends_with("slower than the starter; the goal is at most 4× slower"),
        "{goal}"
    );
}

#[test]
fn verify_accepts_a_guard_the_starter_meets_on_purpose() {
    // One check at a time: the two sides' runs do not compete with each other.
    let run = workshop().run(&["verify", "-j", "1", "--json"]);
    run.code(0);
    let goal = &run.json()["exercises"][0]["goals"][0];
    assert_eq!(goal["starter_must"], "met", "{goal}");
    assert_eq!(goal["ok"], true, "{goal}");
    // The verdict is the test's: no margin to a bound is measured.
    assert!(goal["margin"].is_null(), "{goal}");
}
