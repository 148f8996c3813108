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

#[test]
fn a_profile_goal_shows_what_changed_since_the_starter() {
    let workshop = Workshop::fixture("look");
    // The first check keeps the starter (and its profile) as the exercise begins.
    workshop.run(&["check", "look/regexp"]).code(1);
    let solution =
        std::fs::read_to_string(workshop.path().join("checks/look/regexp/solution/logs.go"))
            .unwrap();
    workshop.write("exercises/look/regexp/logs.go", &solution);
    let run = workshop.run(&["check", "look/regexp"]);
    run.code(0)
        .stdout_has("since the starter (cum share of cpu, points):");
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("regexp.Compile") || l.contains("regexp.MustCompile"))
        .unwrap_or_else(|| panic!("no change of the compiler:\n{}", run.stdout));
    assert!(line.contains("→   0.0%"), "{line}");

    let json = workshop.run(&["check", "look/regexp", "--json"]).json();
    let since = &json["goals"][0]["since_starter"];
    assert_eq!(since["measure"], "cum-share", "{since:#}");
    let first = &since["changes"][0];
    assert!(
        first["function"].as_str().unwrap().starts_with("regexp."),
        "{since:#}"
    );
    assert_eq!(first["mine"], 0.0);
    assert!(first["starter"].as_f64().unwrap() > 0.0, "{since:#}");
}
