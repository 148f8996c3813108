//! The events the check pipeline emits, which the spinner of `check`, the
//! progress bar of `verify` and `watch` all follow: the library's `run::check`
//! on a fixture workshop, listened to.

use std::sync::Mutex;

use workshop::exec::GoTool;
use workshop::run::{self, CheckEvent, CheckStatus, Tree};

use crate::Workshop;

/// The events of one check of `id` in the outcomes fixture, as text; the
/// exercise's files as they are serve as its pristine starter.
fn events_of(id: &str) -> (Vec<String>, CheckStatus) {
    let fixture = Workshop::fixture("outcomes");
    let workshop = workshop::manifest::load(fixture.path()).unwrap();
    let exercise = workshop.exercise(id).unwrap();
    let go = GoTool::detect(exercise.go).expect("Go must be installed");
    let starter = workshop::starter::current(&workshop, exercise, &Default::default()).unwrap();
    let mut tree = Tree::of(&workshop, exercise, true);
    tree.starter = Some(starter);
    let heard = Mutex::new(Vec::new());
    let listener = |event: &CheckEvent<'_>| {
        let text = match event {
            CheckEvent::Waiting { exercise } => format!("waiting {exercise}"),
            CheckEvent::Started { exercise } => format!("started {exercise}"),
            CheckEvent::StepStarted { step, .. } => format!("step {step}"),
            CheckEvent::RunProgress {
                step, done, total, ..
            } => format!("progress {step} {done}/{total}"),
            CheckEvent::StepFinished { step, .. } => format!("done {step}"),
            CheckEvent::Finished { report } => format!("finished {:?}", report.status),
        };
        heard.lock().unwrap().push(text);
    };
    let report = run::check(exercise, &tree, &go, &listener).unwrap();
    (heard.into_inner().unwrap(), report.status)
}

#[test]
fn a_check_tells_each_step_from_start_to_verdict() {
    let (events, status) = events_of("outcome/met");
    assert_eq!(status, CheckStatus::Pass);
    assert_eq!(
        events,
        [
            "started outcome/met",
            "step build",
            "done build",
            "step tests",
            "done tests",
            "step benchmark run `bench`",
            "done benchmark run `bench`",
            "finished Pass",
        ]
    );
}

#[test]
fn a_failed_build_ends_the_steps_and_still_finishes() {
    let (events, status) = events_of("outcome/broken");
    assert_eq!(status, CheckStatus::Fail);
    assert_eq!(
        events,
        [
            "started outcome/broken",
            "step build",
            "done build",
            "finished Fail"
        ]
    );
}

#[test]
fn runs_against_the_starter_count_their_progress() {
    let (events, _) = events_of("outcome/marginal");
    let step = "run `bench` against the starter";
    let progress: Vec<&String> = events
        .iter()
        .filter(|e| e.starts_with("progress"))
        .collect();
    let expected: Vec<String> = (1..=6).map(|n| format!("progress {step} {n}/6")).collect();
    assert_eq!(progress, expected.iter().collect::<Vec<_>>(), "{events:?}");
    let at = |text: &str| events.iter().position(|e| e == text).unwrap();
    assert!(at(&format!("step {step}")) < at(&expected[0]));
    assert!(at(&expected[5]) < at(&format!("done {step}")));
}
