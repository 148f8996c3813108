//! The files that measure an exercise are the workshop's: a check compiles and
//! runs the starter's `_test.go` files, `testdata/` and the files a check file
//! protects, never the attendee's edits of them, and says which differ;
//! `restore --tests` puts them back.

use std::path::Path;

use crate::Workshop;

/// Counts the lines that mention "error", copying every line first: one
/// allocation per line, which the goal wants gone.
const COUNT: &str = r#"package lines

import "strings"

var kept string

// Count returns how many lines mention "error".
func Count(lines []string) int {
	n := 0
	for _, line := range lines {
		kept = strings.Clone(line)
		if strings.Contains(kept, "error") {
			n++
		}
	}
	return n
}
"#;

/// The tests of `p/lines`: the benchmark's input is `Size` (1000) lines made here.
const LINES_TEST: &str = r#"package lines

import "testing"

func TestCount(t *testing.T) {
	if got := Count([]string{"an error", "fine", "error again"}); got != 2 {
		t.Fatalf("Count = %d, want 2", got)
	}
}

func BenchmarkCount(b *testing.B) {
	lines := make([]string, Size)
	for i := range lines {
		lines[i] = "a line with an error in it"
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Count(lines)
	}
}
"#;

/// The tests of `p/data`: the benchmark's input is read from testdata/ when it runs.
const DATA_TEST: &str = r#"package lines

import (
	"os"
	"strings"
	"testing"
)

func BenchmarkCount(b *testing.B) {
	text, err := os.ReadFile("testdata/lines.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Count(lines)
	}
}
"#;

fn check_file(title: &str, more: &str) -> String {
    format!(
        "title: {title}
runs:
  - name: bench
    bench: BenchmarkCount
    benchtime: 100x
goals:
  - id: allocs
    kind: bench-metric
    benchmark: BenchmarkCount
    metric: allocs/op
    at-most: 10
    explain: Count copies every line it reads.
solution: [lines.go]
{more}"
    )
}

/// A workshop of two exercises whose benchmarks allocate once per line of
/// their input: `p/lines` makes its input in its test file, `p/data` reads it
/// from testdata/. `more` is added to p/lines's check file.
fn workshop(more: &str) -> Workshop {
    let workshop = Workshop::empty();
    let solution = COUNT.replace(
        "kept = strings.Clone(line)\n\t\tif strings.Contains(kept,",
        "if strings.Contains(line,",
    );
    workshop
        .write(
            "workshop.yaml",
            "title: Protected files\ngo: \"1.22\"\nexercises:\n  - p/lines\n  - p/data\n",
        )
        .write(
            "exercises/go.mod",
            "module fixture.example/protected\n\ngo 1.22\n",
        )
        .write("exercises/p/lines/lines.go", COUNT)
        .write("exercises/p/lines/lines_test.go", LINES_TEST)
        .write(
            "exercises/p/lines/input.go",
            "package lines\n\n// Size is how many lines a caller reads at once.\nconst Size = 1000\n",
        )
        .write("checks/p/lines/check.yaml", &check_file("Lines", more))
        .write("checks/p/lines/solution/lines.go", &solution)
        .write("exercises/p/data/lines.go", COUNT)
        .write("exercises/p/data/data_test.go", DATA_TEST)
        .write(
            "exercises/p/data/testdata/lines.txt",
            &"a line with an error in it\n".repeat(1000),
        )
        .write("checks/p/data/check.yaml", &check_file("Data", ""))
        .write("checks/p/data/solution/lines.go", &solution);
    // The fixture is no git checkout: the first command saves the starters.
    workshop.run(&["list"]).code(0);
    workshop
}

fn path(workshop: &Workshop, relative: &str) -> std::path::PathBuf {
    workshop.path().join(relative)
}

fn edit(workshop: &Workshop, relative: &str, from: &str, to: &str) {
    let file = path(workshop, relative);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{relative} lacks {from:?}");
    std::fs::write(&file, text.replace(from, to)).unwrap();
}

/// The `protected_differ` of a check's JSON document, as (path, state).
fn differ(json: &serde_json::Value) -> Vec<(String, String)> {
    json["protected_differ"]
        .as_array()
        .map(|files| {
            files
                .iter()
                .map(|f| {
                    (
                        f["path"].as_str().unwrap().to_owned(),
                        f["state"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, s)| ((*p).to_owned(), (*s).to_owned()))
        .collect()
}

#[test]
fn a_benchmark_given_a_smaller_input_cannot_meet_a_goal_and_is_named() {
    let workshop = workshop("");
    let test_file = "exercises/p/lines/lines_test.go";
    edit(
        &workshop,
        test_file,
        "make([]string, Size)",
        "make([]string, 2)",
    );
    let edited = std::fs::read(path(&workshop, test_file)).unwrap();

    let run = workshop.run(&["check", "p/lines", "--json"]);
    run.code(1);
    let json = run.json();
    assert_eq!(json["goals"][0]["status"], "fail", "{json}");
    assert!(json["goals"][0]["measured"].as_f64().unwrap() >= 1000.0);
    assert_eq!(differ(&json), pairs(&[("lines_test.go", "edited")]));

    workshop.run(&["check", "p/lines"]).code(1).stdout_has(
        "your lines_test.go differs from the workshop's; the check ran the workshop's — \
             `workshop restore p/lines --tests` puts it back",
    );
    workshop
        .run(&["--lang", "ja", "check", "p/lines"])
        .code(1)
        .stdout_has("あなたの lines_test.go はワークショップのものと異なるため");
    assert_eq!(
        std::fs::read(path(&workshop, test_file)).unwrap(),
        edited,
        "the attendee's file is never touched by a check"
    );
}

#[test]
fn a_changed_assertion_cannot_pass_wrong_code() {
    let workshop = workshop("");
    // Code that allocates nothing because it counts nothing, and a test
    // changed to agree with it.
    edit(
        &workshop,
        "exercises/p/lines/lines.go",
        "\tn := 0\n\tfor",
        "\tn := 0\n\treturn n\n\tfor",
    );
    edit(
        &workshop,
        "exercises/p/lines/lines_test.go",
        "got != 2",
        "got != 0",
    );
    let run = workshop.run(&["check", "p/lines", "--json"]);
    run.code(1);
    let json = run.json();
    assert_eq!(json["failure"]["kind"], "tests", "{json}");
    assert!(
        json["failure"]["output"]
            .as_str()
            .unwrap()
            .contains("Count = 0, want 2")
    );
    assert_eq!(differ(&json), pairs(&[("lines_test.go", "edited")]));
}

#[test]
fn a_deleted_test_file_is_run_from_the_workshops_copy() {
    let workshop = workshop("");
    std::fs::remove_file(path(&workshop, "exercises/p/lines/lines_test.go")).unwrap();
    let run = workshop.run(&["check", "p/lines", "--json"]);
    run.code(1);
    let json = run.json();
    assert_eq!(json["goals"][0]["status"], "fail", "{json}");
    assert!(json["goals"][0]["measured"].as_f64().unwrap() >= 1000.0);
    assert_eq!(differ(&json), pairs(&[("lines_test.go", "deleted")]));
    assert!(!path(&workshop, "exercises/p/lines/lines_test.go").exists());
    workshop
        .run(&["check", "p/lines"])
        .code(1)
        .stdout_has("your lines_test.go is missing; the check ran the workshop's");
}

#[test]
fn a_test_file_of_the_attendees_own_is_kept_and_runs() {
    let workshop = workshop("");
    std::fs::remove_file(path(&workshop, "exercises/p/lines/lines_test.go")).unwrap();
    workshop.write(
        "exercises/p/lines/mine_test.go",
        "package lines\n\nimport \"testing\"\n\nfunc TestMine(t *testing.T) {\n\tif Count([]string{\"error\"}) != 1 {\n\t\tt.Fatal(\"mine\")\n\t}\n}\n",
    );
    let run = workshop.run(&["check", "p/lines", "--json"]);
    run.code(1);
    let json = run.json();
    assert_eq!(differ(&json), pairs(&[("lines_test.go", "deleted")]));
    let binary = json["artifacts"]["test-binary"].as_str().unwrap();
    let listed = list_tests(Path::new(binary));
    for name in ["TestCount", "BenchmarkCount", "TestMine"] {
        assert!(
            listed.lines().any(|l| l == name),
            "{name} not in:\n{listed}"
        );
    }
    assert!(path(&workshop, "exercises/p/lines/mine_test.go").is_file());
}

#[test]
fn edited_test_data_is_not_used() {
    let workshop = workshop("");
    let data = path(&workshop, "exercises/p/data/testdata/lines.txt");
    std::fs::write(&data, "a line with an error in it\n").unwrap();
    let run = workshop.run(&["check", "p/data", "--json"]);
    run.code(1);
    let json = run.json();
    assert_eq!(json["goals"][0]["status"], "fail", "{json}");
    assert!(json["goals"][0]["measured"].as_f64().unwrap() >= 1000.0);
    assert_eq!(differ(&json), pairs(&[("testdata/lines.txt", "edited")]));
    assert_eq!(
        std::fs::read_to_string(&data).unwrap(),
        "a line with an error in it\n",
        "the attendee's file is never touched by a check"
    );

    // Deleted, it is the workshop's that is read too.
    std::fs::remove_dir_all(path(&workshop, "exercises/p/data/testdata")).unwrap();
    let json = workshop.run(&["check", "p/data", "--json"]).json();
    assert_eq!(json["goals"][0]["status"], "fail", "{json}");
    assert_eq!(differ(&json), pairs(&[("testdata/lines.txt", "deleted")]));

    // Once it is put back, the check runs in the package directory again.
    workshop.run(&["restore", "p/data", "--tests"]).code(0);
    let json = workshop.run(&["check", "p/data", "--json"]).json();
    assert_eq!(differ(&json), pairs(&[]));
    assert!(!path(&workshop, ".workshop/runs/p/data/package").exists());
}

#[test]
fn files_a_check_file_protects_are_the_workshops_too() {
    let workshop = workshop("protected: [\"input.go\"]\n");
    edit(
        &workshop,
        "exercises/p/lines/input.go",
        "Size = 1000",
        "Size = 2",
    );
    let run = workshop.run(&["check", "p/lines", "--json"]);
    run.code(1);
    let json = run.json();
    assert_eq!(json["goals"][0]["status"], "fail", "{json}");
    assert_eq!(differ(&json), pairs(&[("input.go", "edited")]));
}

#[test]
fn restore_tests_puts_the_tests_back_after_a_backup_and_touches_nothing_else() {
    let workshop = workshop("");
    let test_file = path(&workshop, "exercises/p/lines/lines_test.go");
    let code_file = path(&workshop, "exercises/p/lines/lines.go");
    let pristine = std::fs::read(&test_file).unwrap();
    edit(
        &workshop,
        "exercises/p/lines/lines_test.go",
        "make([]string, Size)",
        "make([]string, 2)",
    );
    let edited = std::fs::read(&test_file).unwrap();
    std::fs::write(&code_file, COUNT.replace("// Count", "// My Count")).unwrap();
    let mine = std::fs::read(&code_file).unwrap();

    let run = workshop.run(&["restore", "p/lines", "--tests"]);
    run.code(0)
        .stdout_has("the workshop's lines_test.go is back in p/lines")
        .stdout_has(".workshop/backups/p/lines/");
    assert_eq!(std::fs::read(&test_file).unwrap(), pristine);
    assert_eq!(
        std::fs::read(&code_file).unwrap(),
        mine,
        "code is untouched"
    );
    let backups = path(&workshop, ".workshop/backups/p/lines");
    let backup = only_entry(&backups);
    assert_eq!(std::fs::read(backup.join("lines_test.go")).unwrap(), edited);
    assert_eq!(std::fs::read(backup.join("lines.go")).unwrap(), mine);

    workshop
        .run(&["restore", "p/lines", "--tests"])
        .code(0)
        .stdout_has("nothing to put back");
    // The backup brings the edit back, like any other.
    workshop.run(&["restore", "p/lines"]).code(0);
    assert_eq!(std::fs::read(&test_file).unwrap(), edited);
    workshop
        .run(&["restore", "p/lines", "--tests", "--list"])
        .code(2);
}

/// What `binary -test.list .` names: the tests and benchmarks compiled in.
#[allow(clippy::disallowed_methods)] // tests may start processes
fn list_tests(binary: &Path) -> String {
    let output = std::process::Command::new(binary)
        .args(["-test.list", "."])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn only_entry(dir: &Path) -> std::path::PathBuf {
    let entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries.into_iter().next().unwrap()
}

#[test]
fn a_protected_glob_that_matches_nothing_is_an_error_at_its_line() {
    // The list begins on line 14 of the check file, after the lines check_file writes.
    let workshop = workshop("protected:\n  - input.go\n  - fixtures/*.json\n");
    workshop
        .run(&["check", "p/lines"])
        .code(2)
        .stderr_has("check.yaml:16:5: `fixtures/*.json` matches no file of the starter");
    workshop
        .write(
            "checks/p/lines/check.yaml",
            &check_file("Lines", "protected: [\"x/[ab\"]\n"),
        )
        .run(&["list"])
        .code(2)
        .stderr_has("check.yaml:14:13: `x/[ab`: `[ab` has a `[` set that is not closed");
}

#[test]
fn a_hang_in_the_staged_package_is_shown_in_the_attendees_files() {
    let workshop = workshop("");
    workshop.write(
        "checks/p/data/check.yaml",
        &check_file("Data", "").replace("benchtime: 100x\n", "benchtime: 100x\n    timeout: 2s\n"),
    );
    // Test data of their own makes the check run in a staged copy of the
    // package; the hang's stacks still name the package's files.
    std::fs::write(
        path(&workshop, "exercises/p/data/testdata/lines.txt"),
        "x\n",
    )
    .unwrap();
    edit(
        &workshop,
        "exercises/p/data/lines.go",
        "\tn := 0\n",
        "\tn := 0\n\tselect {}\n",
    );
    let run = workshop.run(&["check", "p/data", "--json"]);
    run.code(1);
    let json = run.json();
    assert_eq!(json["failure"]["kind"], "hang", "{json}");
    let frames = &json["failure"]["report"]["groups"][0]["frames"];
    assert_eq!(frames[0]["file"], "lines.go", "{json}");
    assert_eq!(frames[0]["line"], 10, "{json}");
    assert_eq!(differ(&json), pairs(&[("testdata/lines.txt", "edited")]));
}

#[test]
fn verify_fails_a_solution_that_changes_a_protected_file() {
    let workshop = workshop("");
    workshop
        .write(
            "checks/p/lines/check.yaml",
            &check_file("Lines", "").replace("[lines.go]", "[lines.go, lines_test.go]"),
        )
        .write(
            "checks/p/lines/solution/lines_test.go",
            &LINES_TEST.replace("make([]string, Size)", "make([]string, 2)"),
        );
    workshop
        .run(&["verify", "p/lines"])
        .code(1)
        .stdout_has("the solution changes lines_test.go, which is protected");
}
