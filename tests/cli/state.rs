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
