//! Snapshots of values beside their bounds, and of results against the
//! starter, as the check and verify reports render them.

use std::time::Duration;

use super::tests::{goal, report};
use super::*;
use crate::bench::parse;
use crate::goals::kinds::BenchRelative;
use crate::goals::{Baseline, Bound, Facts, Kind, OnStarter, Status};
use crate::verify::judge::{GoalVerdict, Margin, SideValues};
use crate::verify::{ExerciseResult, Side, SideResult};

/// The outcome of a `bench-relative` goal of 5× on these samples (ns/op).
fn relative(starter: &[f64], mine: &[f64]) -> crate::goals::Outcome {
    let lines = |values: &[f64]| {
        let text: String = values
            .iter()
            .map(|ns| format!("BenchmarkCount-2 \t 1000 \t {ns} ns/op\n"))
            .collect();
        parse(&text)
    };
    let mut facts = Facts::default();
    facts.baselines.insert(
        "bench".into(),
        Baseline {
            starter: lines(starter),
            mine: lines(mine),
        },
    );
    let goal = BenchRelative {
        run: "bench".into(),
        benchmark: "BenchmarkCount".into(),
        metric: "ns/op".into(),
        times: 5.0,
        higher_is_better: false,
    };
    let mut outcome = goal.evaluate(&facts);
    outcome.id = "speed".into();
    outcome
}

/// The starter against itself: medians 36% apart, the runs mixed.
const UNTOUCHED: ([f64; 6], [f64; 6]) = (
    [1360.0, 900.0, 1500.0, 1370.0, 980.0, 1400.0],
    [1000.0, 1390.0, 950.0, 1010.0, 990.0, 1450.0],
);

#[test]
fn a_starter_against_itself_shows_no_significant_difference() {
    let untouched = relative(&UNTOUCHED.0, &UNTOUCHED.1);
    let faster = relative(
        &[1000.0, 1010.0, 990.0, 1020.0, 1005.0, 995.0],
        &[300.0, 310.0, 290.0, 305.0, 295.0, 300.0],
    );
    let allocations = goal(
        "allocations",
        Status::Fail,
        1998.0,
        Bound::AtMost(2.0),
        "allocs/op",
    );
    let faster = crate::goals::Outcome {
        id: "faster".into(),
        ..faster
    };
    let text = check(&report(vec![allocations, untouched, faster], None, None));
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.contains("speed")).unwrap();
    assert!(
        lines[at].contains("no significant difference (p=0.82)  want ≥ 5×"),
        "{text}"
    );
    assert!(
        lines[at + 1].starts_with("      no significant difference from the starter (p=0.82): "),
        "{text}"
    );
    assert!(!lines[at + 1].contains("faster than"), "{text}");
    insta::assert_snapshot!(text);
    let ja = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
        let goals = vec![relative(&UNTOUCHED.0, &UNTOUCHED.1)];
        check(&report(goals, None, None))
    });
    insta::assert_snapshot!(ja);
}

/// A goal of `bound` (text, limit) in `unit`, its values on both sides and
/// its margin, as verify judged it.
fn judged(
    id: &str,
    unit: &str,
    bound: (&str, f64),
    values: (&[f64], &[f64]),
    margin: f64,
) -> GoalVerdict {
    let side = |values: &[f64], status| SideValues {
        statuses: vec![status],
        values: values.to_vec(),
        min: values.iter().copied().reduce(f64::min),
        max: values.iter().copied().reduce(f64::max),
    };
    GoalVerdict {
        skip: None,
        id: id.into(),
        kind: "trace-gc",
        ok: false,
        starter_must: OnStarter::Fails,
        bound: Some(bound.0.into()),
        threshold: Some(bound.1),
        unit: Some(unit.into()),
        starter: side(values.0, Status::Fail),
        solution: side(values.1, Status::Pass),
        margin: Some(Margin {
            times: margin,
            side: Side::Solution,
        }),
        flipped: false,
        problems: Vec::new(),
        warnings: Vec::new(),
    }
}

#[test]
fn verify_shows_values_beside_their_bounds_as_they_compare() {
    console::set_colors_enabled(false);
    let side = |side| SideResult {
        side,
        ok: true,
        reason: None,
        check: Some(report(Vec::new(), None, None)),
        error: None,
    };
    let goals = vec![
        // Once `1.334/op  0/op  want ≤ 0/op  margin 0×`: the solution's value
        // read like the bound it fails.
        judged("cycles", "/op", ("≤ 0/op", 0.0), (&[1.334], &[3.3e-5]), 0.0),
        // Once `margin 1×` and `margin 1.5×`.
        judged("waits", "×", ("≥ 10×", 10.0), (&[1.0], &[9.6]), 0.96),
        judged("speed", "×", ("≥ 5×", 5.0), (&[1.0], &[7.4998]), 1.49996),
        judged(
            "bytes",
            "B/op",
            ("≤ 19.50001 KiB/op", 19968.01),
            (&[9e6], &[19968.0]),
            1.0000005,
        ),
    ];
    let result = ExerciseResult {
        skip: None,
        exercise: "gc/01-garbage".into(),
        ok: false,
        starter: side(Side::Starter),
        solution: side(Side::Solution),
        goals,
        warnings: 0,
        starter_sums: None,
        elapsed: Duration::from_secs(4),
    };
    let table = verify(&[result], &[]);
    for (id, text) in [
        ("cycles", "3.3e-5/op"),
        ("waits", "margin 0.96×"),
        ("speed", "margin 1.49996×"),
        ("bytes", "19.5 KiB/op"),
    ] {
        let line = table.lines().find(|l| l.contains(id)).unwrap();
        assert!(line.contains(text), "{text:?} not in {line:?}\n{table}");
    }
    insta::assert_snapshot!(table);
}
