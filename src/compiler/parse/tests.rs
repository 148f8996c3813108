//! The parser on real output of Go 1.26 and Go 1.27 for the package in
//! tests/fixtures/compiler/src/kinds (made by its generate.sh).

use std::collections::BTreeMap;

use super::*;

const GO126: &str = include_str!("../../../tests/fixtures/compiler/go1.26.txt");
const GO127: &str = include_str!("../../../tests/fixtures/compiler/go1.27.txt");
const SOURCE: &str = include_str!("../../../tests/fixtures/compiler/src/kinds/kinds.go");
const PACKAGE: &str = "fixture.example/compiler/kinds";

fn read(output: &str) -> Decisions {
    let sources = BTreeMap::from([("kinds.go".to_owned(), SOURCE.to_owned())]);
    parse(
        output,
        |path| path.strip_prefix("kinds/").map(str::to_owned),
        sources,
    )
}

fn at(decisions: &Decisions, line: u32) -> Vec<&Fact> {
    decisions
        .facts
        .iter()
        .filter(|f| f.at.line == line)
        .collect()
}

fn both() -> [Decisions; 2] {
    [read(GO126), read(GO127)]
}

#[test]
fn the_package_and_its_functions() {
    for d in both() {
        assert_eq!(d.package, PACKAGE);
        let names: Vec<&str> = d.function_names().collect();
        for name in [
            "(*Square).Area",
            "hash",
            "Counter.func1",
            "Big",
            "Recovers.func1",
            "Max[go.shape.int]",
        ] {
            assert!(
                names.contains(&format!("{PACKAGE}.{name}").as_str()),
                "{name}: {names:?}"
            );
        }
        assert!(
            d.functions.iter().all(|f| f.span.is_some()),
            "{:?}",
            d.functions
        );
    }
}

#[test]
fn moved_to_heap_with_its_reason_in_its_function() {
    for d in both() {
        let moved: Vec<&Fact> = d
            .facts
            .iter()
            .filter(|f| matches!(&f.decision, Decision::Heap { moved: true, .. }))
            .collect();
        let names: Vec<(&str, &str)> = moved
            .iter()
            .map(|f| match &f.decision {
                Decision::Heap { what, .. } => (what.as_str(), f.function.as_deref().unwrap()),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            names,
            [
                ("p", &*format!("{PACKAGE}.NewPoint")),
                ("n", &*format!("{PACKAGE}.Counter"))
            ]
        );
        let Decision::Heap { why, .. } = &moved[0].decision else {
            unreachable!()
        };
        assert_eq!(why[0], "flow: ~r0 ← &p:");
        assert_eq!(why[1], "from &p (address-of) at kinds/kinds.go:40:9");
        assert_eq!(moved[0].at.to_string(), "kinds.go:39:2");
    }
}

#[test]
fn escapes_and_stays() {
    for d in both() {
        let line45 = at(&d, 45);
        assert!(line45.iter().any(|f| matches!(
            &f.decision,
            Decision::Heap { what, moved: false, why } if what == "n" && !why.is_empty()
        )));
        assert!(line45.iter().any(|f| matches!(
            &f.decision,
            Decision::Stays { what } if what == "... argument"
        )));
        let closure = at(&d, 57);
        assert!(closure.iter().any(|f| matches!(
            &f.decision,
            Decision::Heap { what, .. } if what == "func literal"
        ) && f.function.as_deref()
            == Some(&*format!("{PACKAGE}.Counter"))));
        assert!(at(&d, 52).iter().any(|f| matches!(
            &f.decision,
            Decision::Leaks { param, why } if param == "p" && !why.is_empty()
        )));
        // Escape analysis sees `make` with a size known only at run time.
        assert!(at(&d, 119).iter().any(|f| matches!(
            &f.decision,
            Decision::Heap { what, .. } if what == "make([]byte, n)"
        )));
        assert!(at(&d, 123).iter().any(|f| matches!(
            &f.decision,
            Decision::Stays { what } if what == "make([]byte, 16)"
        )));
    }
}

#[test]
fn inlining_costs_reasons_and_calls() {
    for d in both() {
        let find = |line: u32| at(&d, line).into_iter().next().unwrap().decision.clone();
        assert_eq!(
            find(24),
            Decision::Inlinable {
                function: format!("{PACKAGE}.hash"),
                cost: 29
            }
        );
        assert_eq!(
            find(91),
            Decision::NotInlinable {
                function: format!("{PACKAGE}.Big"),
                reason: "function too complex: cost 512 exceeds budget 80".into()
            }
        );
        assert!(
            matches!(find(106), Decision::NotInlinable { reason, .. } if reason == "marked go:noinline")
        );
        let calls: Vec<(&str, &str)> = d
            .facts
            .iter()
            .filter_map(|f| match &f.decision {
                Decision::Inlined { callee } => Some((callee.as_str(), f.function.as_deref()?)),
                _ => None,
            })
            .collect();
        let lookup = format!("{PACKAGE}.Lookup");
        let hash = format!("{PACKAGE}.hash");
        assert!(
            calls.contains(&(hash.as_str(), lookup.as_str())),
            "{calls:?}"
        );
        let big = format!("{PACKAGE}.Big");
        assert!(calls.contains(&("strings.(*Builder).WriteString", big.as_str())));
        let area = format!("{PACKAGE}.(*Square).Area");
        let total = format!("{PACKAGE}.Total");
        assert!(calls.contains(&(area.as_str(), total.as_str())));
    }
}

#[test]
fn devirtualized_calls() {
    for d in both() {
        assert!(at(&d, 87).iter().any(|f| f.decision
            == Decision::Devirtualized {
                call: "s.Area".into(),
                to: "*Square".into()
            }));
    }
}

#[test]
fn bounds_checks_kept_by_function() {
    for d in both() {
        let checks: Vec<(String, bool)> = d
            .facts
            .iter()
            .filter_map(|f| match f.decision {
                Decision::BoundsCheck { slice } => {
                    Some((f.function.clone()?.rsplit('.').next()?.to_owned(), slice))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            checks,
            [
                ("Lookup".to_owned(), false),
                ("Sum".to_owned(), false),
                ("Window".to_owned(), true),
                ("Window".to_owned(), true)
            ]
        );
    }
}

#[test]
fn other_files_and_odd_lines_are_left_out() {
    let output = "# p [p.test]\n\
        <autogenerated>:1: inlining call to reflect.flag.kind\n\
        _testmain.go:37:6: can inline init.0 with cost 6 as: func() {}\n\
        kinds/kinds.go:x:1: moved to heap: p\n\
        kinds/kinds.go:1:2: something new the reader does not know\n\
        kinds/kinds.go:3:4:\n";
    let d = read(output);
    assert_eq!(d.package, "p");
    assert!(d.facts.is_empty(), "{:?}", d.facts);
}

#[test]
fn go_1_26_and_1_27_say_the_same_of_this_package() {
    let [old, new] = both();
    assert_eq!(old.facts, new.facts);
}
