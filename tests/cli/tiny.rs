//! A value far below its unit's usual size is printed so that it visibly
//! fails or meets its bound: a workshop written here whose benchmark reports
//! about 3.3e-05 of a metric per op, judged against a bound of 0 and of 1e-4.

use crate::Workshop;

const CODE: &str = "package tiny

// Rare reports how often something rare happens per call: once in 30,000.
func Rare() float64 { return 1.0 / 30000 }
";

const TEST: &str = "package tiny

import \"testing\"

func TestRare(t *testing.T) {
	if Rare() <= 0 {
		t.Fatal(\"never\")
	}
}

func BenchmarkRare(b *testing.B) {
	var rate float64
	for b.Loop() {
		rate = Rare()
	}
	b.ReportMetric(rate, \"mishaps/op\")
}
";

fn workshop(at_most: &str) -> Workshop {
    let workshop = Workshop::empty();
    workshop
        .write(
            "workshop.yaml",
            "title: Tiny values\ngo: \"1.24\"\nexercises:\n  - t/tiny\n",
        )
        .write("exercises/go.mod", "module fixture.example/tiny\n\ngo 1.24\n")
        .write("exercises/t/tiny/tiny.go", CODE)
        .write("exercises/t/tiny/tiny_test.go", TEST)
        .write(
            "checks/t/tiny/check.yaml",
            &format!(
                "title: Tiny\nruns:\n  - name: bench\n    bench: BenchmarkRare\n    benchtime: 10x\ngoals:\n  - id: mishaps\n    kind: bench-metric\n    benchmark: BenchmarkRare\n    metric: mishaps/op\n    at-most: {at_most}\nsolution: [tiny.go]\n"
            ),
        )
        .write("checks/t/tiny/solution/tiny.go", CODE);
    workshop
}

/// The goal's line of a check's report.
fn goal_line(run: &crate::Run) -> String {
    run.stdout
        .lines()
        .find(|l| l.contains("mishaps"))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_tiny_value_above_a_bound_of_zero_is_printed_so_that_it_visibly_fails() {
    let run = workshop("0").run(&["check", "t/tiny"]);
    run.code(1);
    let line = goal_line(&run);
    assert!(line.contains('✗'), "{line}");
    assert!(line.contains("3.33e-5 mishaps/op"), "{line}");
    assert!(line.contains("want ≤ 0 mishaps/op"), "{line}");
}

#[test]
fn a_tiny_value_below_its_bound_is_printed_apart_from_it() {
    let run = workshop("0.0001").run(&["check", "t/tiny"]);
    run.code(0);
    let line = goal_line(&run);
    assert!(line.contains('✓'), "{line}");
    assert!(line.contains("3.33e-5 mishaps/op"), "{line}");
    assert!(line.contains("want ≤ 0.0001 mishaps/op"), "{line}");
}
