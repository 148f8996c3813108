//! The starter is identified, never assumed: a copy serves as the baseline of
//! goals relative to the starter only when its files match the exercise's
//! `checks/<id>/starter.sums`. Fixture workshops in temporary directories,
//! with real git and Go.

use std::path::Path;

use crate::{Run, Workshop};

const ID: &str = "outcome/speedup";
const PACKAGE: &str = "exercises/outcome/speedup";
const SUMS: &str = "checks/outcome/speedup/starter.sums";

/// `git <args>` in `dir`, which must succeed; no user configuration counts.
#[allow(clippy::disallowed_methods)]
pub(crate) fn git(dir: &Path, args: &[&str]) {
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args([
            "-c",
            "user.name=Instructor",
            "-c",
            "user.email=instructor@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git must be installed");
    assert!(
        output.status.success(),
        "git {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Records the sums of the exercise's starter as its files are now, in the
/// format of `sha256sum` (as the instructor's `workshop verify` would).
fn record_sums(root: &Path) {
    use sha2::{Digest, Sha256};
    let package = root.join(PACKAGE);
    let mut lines: Vec<String> = walkdir::WalkDir::new(&package)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let sum = Sha256::digest(std::fs::read(e.path()).unwrap());
            let hex: String = sum.iter().map(|b| format!("{b:02x}")).collect();
            let path = e
                .path()
                .strip_prefix(&package)
                .unwrap()
                .display()
                .to_string();
            format!("{hex}  {path}\n")
        })
        .collect();
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    let text = format!("# the starter of {ID}\n{}", lines.concat());
    std::fs::write(root.join(SUMS), text).unwrap();
}

/// The attendee's work: the reference solution in place of the starter.
fn apply_solution(root: &Path) {
    std::fs::copy(
        root.join("checks/outcome/speedup/solution/sum.go"),
        root.join(PACKAGE).join("sum.go"),
    )
    .unwrap();
}

/// The one goal of the exercise, from a check's JSON document.
fn goal(run: &Run) -> serde_json::Value {
    run.json()["goals"][0].clone()
}

#[test]
fn a_copy_with_the_solution_applied_before_the_first_check_is_refused_as_the_starter() {
    let workshop = Workshop::fixture("outcomes");
    record_sums(workshop.path());
    let original = std::fs::read(workshop.path().join(PACKAGE).join("sum.go")).unwrap();
    // Copied without git, and solved before `workshop` ever ran.
    apply_solution(workshop.path());

    let run = workshop.run(&["check", ID, "--json"]);
    run.code(1);
    let refused = goal(&run);
    assert_eq!(refused["status"], "inconclusive", "{refused}");
    let explanation = refused["explanation"].as_str().unwrap();
    assert!(
        explanation.contains("the starter of outcome/speedup could not be identified")
            && explanation.contains("changed: sum.go"),
        "{explanation}"
    );
    let notes = run.json()["notes"].to_string();
    assert!(notes.contains("original files"), "{notes}");
    assert!(
        !workshop
            .path()
            .join(".workshop/starters/outcome/speedup")
            .exists(),
        "the solution was kept as the starter"
    );
    workshop
        .run(&["check", ID])
        .code(1)
        .stdout_has("your files in ")
        .stdout_has("(changed: sum.go)")
        .stdout_has("note: to compare with the starter, put the exercise's original files");
    workshop
        .run(&["reset", ID])
        .code(2)
        .stderr_has("could not be identified");

    // What the note says helps: the original files, one check, then the
    // attendee's own files back.
    let solved = std::fs::read(workshop.path().join(PACKAGE).join("sum.go")).unwrap();
    std::fs::write(workshop.path().join(PACKAGE).join("sum.go"), &original).unwrap();
    let starter = workshop.run(&["check", ID, "--json"]);
    let measured = goal(&starter);
    assert!(
        measured["measured"].is_number() && !measured.to_string().contains("identified"),
        "{}",
        starter.stdout
    );
    assert!(
        workshop
            .path()
            .join(".workshop/starters/outcome/speedup/sum.go")
            .is_file()
    );
    std::fs::write(workshop.path().join(PACKAGE).join("sum.go"), &solved).unwrap();
    let solved = workshop.run(&["check", ID, "--json"]);
    assert_eq!(goal(&solved)["status"], "pass", "{}", solved.stdout);
}

#[test]
fn a_workshop_untracked_inside_another_git_repository_has_its_starter() {
    let outer = Workshop::empty();
    outer.write("README.md", "someone's own repository\n");
    git(outer.path(), &["init", "-q"]);
    git(outer.path(), &["add", "-A"]);
    git(outer.path(), &["commit", "-q", "-m", "their work"]);
    let root = outer.path().join("workshops/profiling");
    crate::copy_dir(&crate::repo().join("tests/fixtures/outcomes"), &root);
    record_sums(&root);

    // Any command before editing keeps the starter; then the attendee edits.
    let list = crate::binary()
        .arg("--root")
        .arg(&root)
        .arg("list")
        .output()
        .unwrap();
    Run::from(list).code(0);
    apply_solution(&root);
    let run = Run::from(
        crate::binary()
            .arg("--root")
            .arg(&root)
            .args(["check", ID, "--json"])
            .output()
            .unwrap(),
    );
    let goal = goal(&run);
    assert_eq!(goal["status"], "pass", "{goal}");
    assert!(goal["measured"].as_f64().unwrap() >= 2.0, "{goal}");
}

#[test]
fn an_attendee_who_commits_their_work_still_has_the_starter_from_history() {
    let workshop = Workshop::fixture("outcomes");
    let root = workshop.path();
    record_sums(root);
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "the workshop"]);
    let original = std::fs::read(root.join(PACKAGE).join("sum.go")).unwrap();
    apply_solution(root);
    git(root, &["commit", "-q", "-am", "faster"]);
    std::fs::write(root.join(PACKAGE).join("notes.go"), "package speedup\n").unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "notes"]);

    let run = workshop.run(&["check", ID, "--json"]);
    let goal = goal(&run);
    assert_eq!(goal["status"], "pass", "{goal}");
    assert!(goal["measured"].as_f64().unwrap() >= 2.0, "{goal}");
    workshop
        .run(&["diff", ID])
        .code(0)
        .stdout_has("+++ yours/sum.go")
        .stdout_has("+++ yours/notes.go");
    workshop.run(&["reset", ID]).code(0);
    assert_eq!(
        std::fs::read(root.join(PACKAGE).join("sum.go")).unwrap(),
        original
    );
    assert!(!root.join(PACKAGE).join("notes.go").exists());
}

#[test]
fn verify_records_missing_sums_and_flags_a_changed_starter() {
    let workshop = Workshop::fixture("outcomes");
    let root = workshop.path();
    std::fs::write(root.join("exercises/.gitignore"), "*.prof\n").unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "the workshop"]);
    // Left by a profiling session: ignored by git, no file of the starter.
    std::fs::write(root.join(PACKAGE).join("cpu.prof"), "profile").unwrap();

    let run = workshop.run(&["verify", ID, "--json"]);
    run.code(0);
    let sums = &run.json()["exercises"][0]["starter_sums"];
    assert_eq!(sums["file"], SUMS);
    assert_eq!(sums["status"], "recorded", "{sums}");
    let text = std::fs::read_to_string(root.join(SUMS)).unwrap();
    let listed: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once("  ").unwrap().1)
        .collect();
    assert_eq!(listed, ["sum.go", "sum_test.go"]);

    // The instructor changes the starter and forgets the sums.
    let file = root.join(PACKAGE).join("sum.go");
    let mut changed = std::fs::read_to_string(&file).unwrap();
    changed.push_str("\n// A clearer comment.\n");
    std::fs::write(&file, changed).unwrap();
    std::fs::write(root.join(PACKAGE).join("README.txt"), "new\n").unwrap();
    let run = workshop.run(&["verify", ID, "--json"]);
    run.code(1);
    let doc = run.json();
    assert_eq!(doc["ok"], false);
    let sums = &doc["exercises"][0]["starter_sums"];
    assert_eq!(sums["status"], "differs", "{sums}");
    assert_eq!(sums["differences"]["changed"][0], "sum.go");
    assert_eq!(sums["differences"]["extra"][0], "README.txt");
    workshop
        .run(&["verify", ID])
        .code(1)
        .stdout_has("✗ outcome/speedup: the starter differs from checks/outcome/speedup/starter.sums (changed: sum.go; extra: README.txt)")
        .stdout_has("`workshop verify --record-starter outcome/speedup`");

    workshop
        .run(&["verify", ID, "--record-starter"])
        .code(0)
        .stdout_has("note: recorded checks/outcome/speedup/starter.sums again for the changed starter — commit it");
    let run = workshop.run(&["verify", ID, "--json"]);
    run.code(0);
    assert_eq!(
        run.json()["exercises"][0]["starter_sums"]["status"],
        "matched"
    );
    assert!(
        std::fs::read_to_string(root.join(SUMS))
            .unwrap()
            .contains("  README.txt\n")
    );
}

#[test]
fn a_malformed_sums_file_is_an_error_at_its_line() {
    let workshop = Workshop::fixture("outcomes");
    record_sums(workshop.path());
    let mut text = std::fs::read_to_string(workshop.path().join(SUMS)).unwrap();
    text.push_str("0123  handler.go\n");
    workshop.write(SUMS, &text);
    let line = text.lines().count();
    let run = workshop.run(&["check", ID]);
    run.code(2).stderr_has(&format!(
        "checks/outcome/speedup/starter.sums:{line}:5: expected a line of `sha256sum`"
    ));
    workshop.run(&["list"]).code(2).stderr_has("starter.sums");
}

#[test]
fn a_starter_without_sums_is_taken_as_before_with_a_note_for_the_instructor() {
    let workshop = Workshop::fixture("outcomes");
    workshop.run(&["list"]).code(0);
    let run = workshop.run(&["check", ID, "--json"]);
    assert_ne!(goal(&run)["status"], "pass");
    let notes = run.json()["notes"].to_string();
    assert!(
        notes.contains("for the instructor: outcome/speedup has no ")
            && notes.contains("starter.sums yet")
            && notes.contains("`workshop verify outcome/speedup` records the sums"),
        "{notes}"
    );
}

#[test]
fn verify_outside_git_records_the_exercise_not_what_working_in_it_left() {
    let workshop = Workshop::fixture("outcomes");
    let root = workshop.path();
    // Left by an instructor's profiling session in a workshop kept without git.
    std::fs::write(root.join(PACKAGE).join("cpu.prof"), "profile").unwrap();
    std::fs::write(root.join(PACKAGE).join("speedup.test"), "binary").unwrap();
    std::fs::create_dir_all(root.join(PACKAGE).join("testdata")).unwrap();
    std::fs::write(root.join(PACKAGE).join("testdata/input.txt"), "1 2 3\n").unwrap();

    let run = workshop.run(&["verify", ID, "--json"]);
    run.code(0);
    assert_eq!(
        run.json()["exercises"][0]["starter_sums"]["status"],
        "recorded"
    );
    let text = std::fs::read_to_string(root.join(SUMS)).unwrap();
    let listed: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once("  ").unwrap().1)
        .collect();
    assert_eq!(listed, ["sum.go", "sum_test.go", "testdata/input.txt"]);

    // An attendee's copy, handed out without those files, is the starter.
    std::fs::remove_file(root.join(PACKAGE).join("cpu.prof")).unwrap();
    std::fs::remove_file(root.join(PACKAGE).join("speedup.test")).unwrap();
    apply_solution(root);
    let run = workshop.run(&["check", ID, "--json"]);
    run.code(0);
    assert_eq!(goal(&run)["status"], "pass", "{}", goal(&run));
}
