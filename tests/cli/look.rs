//! Looking at a check's profiles: the starter's kept beside the attendee's,
//! what changed since the starter, and `workshop open`.

use crate::*;

/// The starter's side of a run, as the check's steps name it.
fn starter_steps(report: &serde_json::Value) -> usize {
    report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["name"]
                .as_str()
                .unwrap()
                .starts_with("the starter's side")
        })
        .count()
}

#[test]
fn the_starters_profile_is_kept_beside_the_attendees_and_made_once() {
    let workshop = Workshop::fixture("look");
    let first = workshop.run(&["check", "look/regexp", "--json"]);
    first.code(1);
    let first = first.json();
    let starter = first["artifacts"]["starter-profile-bench-cpu"]
        .as_str()
        .expect("the starter's CPU profile among the artifacts");
    assert!(Path::new(starter).is_file(), "{starter}");
    assert_ne!(
        starter,
        first["artifacts"]["profile-bench-cpu"].as_str().unwrap()
    );
    assert_eq!(starter_steps(&first), 1, "{first:#}");
    let made = std::fs::metadata(starter).unwrap().modified().unwrap();

    let second = workshop.run(&["check", "look/regexp", "--json"]).json();
    assert_eq!(
        second["artifacts"]["starter-profile-bench-cpu"].as_str(),
        Some(starter)
    );
    assert_eq!(
        starter_steps(&second),
        0,
        "kept, not made again: {second:#}"
    );
    assert_eq!(
        std::fs::metadata(starter).unwrap().modified().unwrap(),
        made
    );
}
