//! `build-pgo`: a workshop written here whose exercise is a small command
//! with a hot loop. Without `default.pgo` the goal fails and names the CPU
//! profile the check took; an empty `default.pgo` fails although the build
//! used it; the check's own profile, copied to `default.pgo`, meets it, and
//! the evidence names the profile; a package that is no command cannot meet it.

use crate::{Workshop, evidence_of};

const CODE: &str = "package main

import \"os\"

// Sum adds the bytes of data, one call of add per byte.
func Sum(data []byte) int {
	total := 0
	for _, b := range data {
		total = add(total, b)
	}
	return total
}

func add(total int, b byte) int {
	if b%3 == 0 {
		return total + int(b)*2
	}
	return total + int(b)
}

func main() {
	os.Exit(Sum([]byte(os.Args[0])) % 2)
}
";

const TEST: &str = "package main

import \"testing\"

func TestSum(t *testing.T) {
	if got := Sum([]byte{1, 3}); got != 7 {
		t.Fatalf(\"Sum = %d, want 7\", got)
	}
}

func BenchmarkSum(b *testing.B) {
	data := make([]byte, 1<<16)
	for i := range data {
		data[i] = byte(i)
	}
	for b.Loop() {
		Sum(data)
	}
}
";

const CHECK: &str = "title: Profile-guided
runs:
  - name: bench
    bench: BenchmarkSum
    benchtime: 1s
goals:
  - id: pgo
    kind: build-pgo
    function: '\\.Sum$'
solution: [default.pgo]
";

fn workshop() -> Workshop {
    let workshop = Workshop::empty();
    workshop
        .write(
            "workshop.yaml",
            "title: PGO\ngo: \"1.24\"\nexercises:\n  - p/sum\n",
        )
        .write(
            "exercises/go.mod",
            "module fixture.example/pgo\n\ngo 1.24\n",
        )
        .write("exercises/p/sum/sum.go", CODE)
        .write("exercises/p/sum/sum_test.go", TEST)
        .write("checks/p/sum/check.yaml", CHECK)
        .write("checks/p/sum/solution/default.pgo", "");
    workshop
}

/// The `pgo` goal of a `check --json` document.
fn goal(run: &crate::Run) -> serde_json::Value {
    let doc = run.json();
    doc["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "pgo")
        .unwrap_or_else(|| panic!("no goal pgo in {doc}"))
        .clone()
}

#[test]
fn the_checks_own_cpu_profile_as_default_pgo_meets_build_pgo_and_none_does_not() {
    let workshop = workshop();
    let run = workshop.run(&["check", "p/sum", "--json"]);
    run.code(1);
    let missing = goal(&run);
    assert_eq!(missing["status"], "fail", "{missing}");
    let explanation = missing["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with("the program was built without a profile"),
        "{explanation}"
    );
    let profile = workshop.path().join(".workshop/runs/p/sum/bench-cpu.pprof");
    assert!(
        evidence_of(&missing)
            .iter()
            .any(|e| e.contains("bench-cpu.pprof") && e.contains("default.pgo")),
        "{missing}"
    );

    let target = workshop.path().join("exercises/p/sum/default.pgo");
    std::fs::copy(&profile, &target).unwrap();
    let run = workshop.run(&["check", "p/sum", "--json"]);
    run.code(0);
    let met = goal(&run);
    assert_eq!(met["status"], "pass", "{met}");
    assert!(met["measured"].as_f64().unwrap() >= 10.0, "{met}");
    let evidence = evidence_of(&met);
    assert!(
        evidence[0].starts_with("built by go1.")
            && evidence[0].ends_with("/exercises/p/sum/default.pgo"),
        "{evidence:?}"
    );
    assert!(
        evidence[1].contains("fixture.example/pgo/p/sum.Sum"),
        "{evidence:?}"
    );
}

#[test]
fn an_empty_default_pgo_fails_build_pgo_although_the_build_used_it() {
    let workshop = workshop();
    workshop.write("exercises/p/sum/default.pgo", "");
    let run = workshop.run(&["check", "p/sum", "--json"]);
    run.code(1);
    let empty = goal(&run);
    assert_eq!(empty["status"], "fail", "{empty}");
    let explanation = empty["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with("the profile ")
            && explanation.contains("/exercises/p/sum/default.pgo is empty (0 bytes)"),
        "{explanation}"
    );
    assert!(
        evidence_of(&empty)[0].ends_with("/exercises/p/sum/default.pgo"),
        "{empty}"
    );
}

#[test]
fn a_package_that_is_not_a_command_cannot_meet_build_pgo() {
    let workshop = workshop();
    let library = |text: &str| text.replacen("package main", "package sum", 1);
    let code = library(CODE).replace(
        "func main() {\n\tos.Exit(Sum([]byte(os.Args[0])) % 2)\n}\n",
        "// Odd says whether the bytes of the program's name add up to an odd number.\nfunc Odd() bool { return Sum([]byte(os.Args[0]))%2 == 1 }\n",
    );
    workshop
        .write("exercises/p/sum/sum.go", &code)
        .write("exercises/p/sum/sum_test.go", &library(TEST));
    let run = workshop.run(&["check", "p/sum", "--json"]);
    run.code(1);
    let library = goal(&run);
    assert_eq!(library["status"], "fail", "{library}");
    let explanation = library["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with("`go build` made no program of ")
            && explanation.contains("this package is not one"),
        "{explanation}"
    );
}
