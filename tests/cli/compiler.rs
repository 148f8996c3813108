//! Goals on the compiler's decisions, end to end: a workshop written here
//! whose starter moves a value to the heap, keeps a bounds check and calls a
//! helper too big to inline, judged from the very build the check makes (with
//! its overlay of protected files), then again from the build cache, and the
//! reference solution meeting every goal in `verify`.

use crate::{Workshop, evidence_of, goal_in};

const STARTER: &str = "package esc

// Point is a small value.
type Point struct{ X, Y int }

// Make returns the address of a local: it moves to the heap.
func Make(x, y int) *Point {
	p := Point{x, y}
	return &p
}

// Sum indexes by positions it does not know.
func Sum(xs []int, idx []int) int {
	t := 0
	for _, i := range idx {
		t += xs[i] // the indexed line
	}
	return t
}

// mix is over the inlining budget.
func mix(a, b, c, d int) int {
	for i := 0; i < 4; i++ {
		a = a*31 + b ^ c*7 + d>>1
		b = b*17 + c ^ d*3 + a>>2
		c = c*13 + d ^ a*5 + b>>3
		d = d*11 + a ^ b*9 + c>>4
		a, b, c, d = b, c, d, a+b*c-d
	}
	return a ^ b ^ c ^ d
}

// Hash calls mix.
func Hash(x int) int { return mix(x, x+1, x+2, x+3) }
";

const SOLUTION: &str = "package esc

// Point is a small value.
type Point struct{ X, Y int }

// Make returns a value.
func Make(x, y int) Point {
	return Point{x, y}
}

// Sum proves its indexes once.
func Sum(xs []int, idx []int) int {
	t := 0
	for _, i := range idx {
		if uint(i) < uint(len(xs)) {
			t += xs[i] // the indexed line
		}
	}
	return t
}

// mix is small.
func mix(a, b, c, d int) int { return a*31 + b ^ c*7 + d }

// Hash calls mix.
func Hash(x int) int { return mix(x, x+1, x+2, x+3) }
";

const TEST: &str = "package esc

import \"testing\"

func TestSum(t *testing.T) {
	if Sum([]int{1, 2, 3}, []int{0, 2}) != 4 {
		t.Fatal(\"sum\")
	}
	_ = Make(1, 2)
	_ = Hash(3)
}

func BenchmarkSum(b *testing.B) {
	xs := []int{1, 2, 3}
	for b.Loop() {
		Sum(xs, []int{0, 2})
	}
}
";

const CHECK: &str = "title: Escape
runs:
  - name: bench
    bench: BenchmarkSum
    benchtime: 10x
goals:
  - id: make-stack
    kind: compiler-escape
    function: '\\.Make$'
    at-most: 0
  - id: sum-bounds
    kind: compiler-bounds
    file: esc.go
    near: 'the indexed line'
    at-most: 0
  - id: mix-inlined
    kind: compiler-inline
    function: '\\.Hash$'
    call: '\\.mix$'
  - id: mix-inlinable
    kind: compiler-inline
    function: '\\.mix$'
    inlinable: true
solution: [esc.go]
";

fn workshop() -> Workshop {
    let workshop = Workshop::empty();
    workshop
        .write(
            "workshop.yaml",
            "title: Compiler\ngo: \"1.24\"\nexercises:\n  - c/esc\n",
        )
        .write("exercises/go.mod", "module fixture.example/c\n\ngo 1.24\n")
        .write("exercises/c/esc/esc.go", STARTER)
        .write("exercises/c/esc/esc_test.go", TEST)
        .write("checks/c/esc/check.yaml", CHECK)
        .write("checks/c/esc/solution/esc.go", SOLUTION);
    workshop
}

#[test]
fn the_starter_fails_each_goal_in_the_compilers_words_and_again_from_the_cache() {
    let workshop = workshop();
    // The second check finds the compile in Go's build cache: the go command
    // says the compiler's words again, and the verdicts are the same.
    for _ in 0..2 {
        let run = workshop.run(&["check", "c/esc", "--json"]);
        run.code(1);
        let doc = run.json();
        let make = goal_in(&doc, "make-stack");
        assert_eq!(make["status"], "fail", "{make}");
        assert_eq!(make["measured"], 1.0);
        let lines = evidence_of(make);
        assert_eq!(lines[0], "esc.go:8:2: moved to heap: p", "{lines:?}");
        assert!(lines[1].contains("flow:"), "{lines:?}");
        let bounds = goal_in(&doc, "sum-bounds");
        assert_eq!(bounds["status"], "fail", "{bounds}");
        assert_eq!(
            evidence_of(bounds),
            [
                "esc.go:16:10: Found IsInBounds",
                "    t += xs[i] // the indexed line"
            ]
        );
        let inlined = goal_in(&doc, "mix-inlined");
        assert_eq!(inlined["status"], "fail", "{inlined}");
        assert!(
            evidence_of(inlined)[0].contains("cannot inline mix: function too complex"),
            "{inlined}"
        );
        assert_eq!(goal_in(&doc, "mix-inlinable")["status"], "fail");
    }
}

#[test]
fn the_solution_meets_every_goal_and_verify_proves_the_exercise() {
    let workshop = workshop();
    let run = workshop.run(&["verify", "c/esc"]);
    run.code(0);
}

#[test]
fn a_function_the_starter_does_not_have_is_a_problem_verify_names() {
    let workshop = workshop();
    workshop.write(
        "checks/c/esc/check.yaml",
        &CHECK.replace("'\\.Make$'", "'\\.Parse$'"),
    );
    let run = workshop.run(&["verify", "c/esc"]);
    run.code(1);
    assert!(
        run.stdout
            .contains("`\\.Parse$` matches nothing the compiler said of the starter"),
        "{}",
        run.stdout
    );
}
