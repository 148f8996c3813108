//! Snapshots of the renderings, with colours off.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::*;
use crate::exec::GoInfo;
use crate::goals::{Bound, Outcome, Status};
use crate::report::ListEntry;
use crate::run::hang::{Frame, HangReport, StuckGroup};
use crate::run::{CheckReport, CheckStatus, Failure};

pub(super) fn report(
    goals: Vec<Outcome>,
    failure: Option<Failure>,
    message: Option<&str>,
) -> CheckReport {
    console::set_colors_enabled(false);
    let status = if failure.is_none() && goals.iter().all(|g| g.status == Status::Pass) {
        CheckStatus::Pass
    } else {
        CheckStatus::Fail
    };
    CheckReport {
        skip: None,
        exercise: "heap/01-concat".into(),
        title: "Building a string piece by piece".into(),
        status,
        message: message.map(str::to_owned),
        failure,
        goals,
        artifacts: BTreeMap::new(),
        go: GoInfo {
            version: "go1.26.0".into(),
            parsed: None,
            goos: "linux".into(),
            goarch: "amd64".into(),
            gocache: PathBuf::new(),
            cgo: false,
            cc: String::new(),
        },
        steps: Vec::new(),
        elapsed: Duration::from_millis(1430),
        docs: Some(PathBuf::from("docs/exercises/heap-01-concat.md")),
        module: None,
        notes: Vec::new(),
        protected_differ: Vec::new(),
    }
}

pub(super) fn goal(id: &str, status: Status, measured: f64, bound: Bound, unit: &str) -> Outcome {
    Outcome {
        skip: None,
        id: id.into(),
        kind: "bench-metric",
        status,
        subject: format!("BenchmarkBuildLine {unit}"),
        measured: Some(measured),
        samples: Vec::new(),
        matched: None,
        bound: Some(bound),
        threshold: Some(bound.limit()),
        unit: Some(unit.into()),
        want: None,
        shown: None,
        p: None,
        explanation: (status != Status::Pass).then(|| format!("{measured} {unit} is too many")),
        evidence: vec!["median of 3 runs: 1998, 1998, 1998".into()],
        hint: (status != Status::Pass).then(|| "try a strings.Builder".into()),
        since_starter: None,
        picture: None,
        looks_at: None,
    }
}

#[test]
fn check_with_met_and_unmet_goals() {
    let report = report(
        vec![
            goal(
                "allocations",
                Status::Fail,
                1998.0,
                Bound::AtMost(2.0),
                "allocs/op",
            ),
            goal(
                "bytes",
                Status::Pass,
                9472.0,
                Bound::AtMost(20000.0),
                "B/op",
            ),
            goal(
                "speed",
                Status::Inconclusive,
                12.5,
                Bound::AtLeast(3.0),
                "x",
            ),
        ],
        None,
        None,
    );
    insta::assert_snapshot!(check(&report));
}

/// Tests stuck in a channel send, stopped at their timeout.
pub(super) fn hang_failure() -> Failure {
    let frame = |file: &str, line, function: &str| Frame {
        function: function.into(),
        file: file.into(),
        line,
    };
    Failure::Hang {
        step: "tests".into(),
        deadlock: false,
        interrupted: false,
        timeout: Duration::from_secs(60),
        report: HangReport {
            running_tests: vec!["TestFetch (1m0s)".into()],
            groups: vec![StuckGroup {
                count: 37,
                state: "chan send".into(),
                frames: vec![frame("fetch.go", 47, "fetch.worker")],
                created_at: Some(frame("fetch.go", 41, "fetch.Fetch")),
            }],
            other_goroutines: 3,
        },
        output: String::new(),
        cut: None,
    }
}

#[test]
fn check_that_hung() {
    let report = report(
        Vec::new(),
        Some(hang_failure()),
        Some("the tests did not finish in time"),
    );
    insta::assert_snapshot!(check(&report));
}

#[test]
fn list_with_progress() {
    console::set_colors_enabled(false);
    use crate::state::Progress;
    let entries = [
        ListEntry {
            left_out: None,
            id: "cpu/01-regexp",
            title: "A regular expression in a hot loop",
            progress: Progress::Done,
            latest: None,
            docs: Some(Path::new("docs/exercises/cpu-01-regexp.md")),
        },
        ListEntry {
            left_out: None,
            id: "heap/01-concat",
            title: "Building a string piece by piece",
            progress: Progress::InProgress,
            latest: None,
            docs: Some(Path::new("docs/exercises/heap-01-concat.md")),
        },
        ListEntry {
            left_out: None,
            id: "trace/02-task",
            title: "One task per request",
            progress: Progress::NotStarted,
            latest: None,
            docs: None,
        },
    ];
    insta::assert_snapshot!(list(
        "Go performance: profiling and tracing",
        Some(Path::new("docs/README.md")),
        &entries
    ));
}

#[test]
fn diff_of_an_edited_file() {
    console::set_colors_enabled(false);
    let exercise = test_exercise();
    let mut starter = crate::workspace::Files::new();
    starter.insert(
        "a.go".into(),
        b"package a\n\nfunc F() int {\n\treturn 1\n}\n".to_vec(),
    );
    let mut mine = starter.clone();
    mine.insert(
        "a.go".into(),
        b"package a\n\nfunc F() int {\n\treturn 2\n}\n".to_vec(),
    );
    insta::assert_snapshot!(diff(&exercise, (&starter, "starter"), (&mine, "yours")));
}

#[test]
fn reset_message_with_redacted_path() {
    console::set_colors_enabled(false);
    let text = reset(
        &test_exercise(),
        std::path::Path::new("/tmp/x/.workshop/backups/heap/01-concat/20261121-074105"),
    );
    insta::with_settings!({filters => vec![(r"/\S*/\.workshop/", "[root]/.workshop/"), (r"\d{8}-\d{6}", "[time]")]}, {
        insta::assert_snapshot!(text);
    });
}

fn test_exercise() -> crate::manifest::Exercise {
    crate::manifest::Exercise {
        id: "heap/01-concat".into(),
        title: "Building a string piece by piece".into(),
        summary: None,
        go: crate::exec::GoVersion::new(1, 25, 0),
        package: "heap/01-concat".into(),
        check_file: PathBuf::from("checks/heap/01-concat/check.yaml"),
        docs: None,
        reasoning: None,
        tests: crate::manifest::TestSpec {
            run: ".".into(),
            timeout: Duration::from_secs(60),
            env: Vec::new(),
        },
        build: Default::default(),
        runs: Vec::new(),
        goals: Vec::new(),
        hints: vec!["first".into(), "second".into()],
        solution: Vec::new(),
        protected: Vec::new(),
        sums_file: PathBuf::from("checks/heap/01-concat/starter.sums"),
        starter_sums: None,
    }
}

#[test]
fn hints_so_far() {
    console::set_colors_enabled(false);
    insta::assert_snapshot!(hints(&test_exercise(), 2, HintView::All));
}

/// One side's values of a goal over one round that met it.
fn values(v: f64) -> crate::verify::SideValues {
    crate::verify::SideValues {
        statuses: vec![Status::Pass],
        values: vec![v],
        min: Some(v),
        max: Some(v),
    }
}

#[test]
fn verify_lines_up_goal_values_under_the_sides_however_long_the_ids() {
    use crate::goals::OnStarter;
    use crate::verify::{ExerciseResult, GoalVerdict, Side, SideResult};
    console::set_colors_enabled(false);
    let side = |side| SideResult {
        side,
        ok: true,
        reason: None,
        check: None,
        error: None,
    };
    let goal = |id: &str| GoalVerdict {
        skip: None,
        id: id.into(),
        kind: "bench-metric",
        ok: true,
        starter_must: OnStarter::Fails,
        bound: Some("≤ 10".into()),
        threshold: Some(10.0),
        unit: None,
        starter: values(400.0),
        solution: values(2.0),
        margin: None,
        flipped: false,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let result = ExerciseResult {
        skip: None,
        exercise: "a/01-b".into(),
        ok: true,
        starter: side(Side::Starter),
        solution: side(Side::Solution),
        goals: vec![goal("x"), goal("a-goal-id-longer-than-its-exercise")],
        warnings: 0,
        elapsed: Duration::from_secs(2),
        starter_sums: None,
    };
    let table = verify(&[result], &[]);
    let lines: Vec<&str> = table.lines().collect();
    let column = |line: &str, text: &str| line.find(text).map(|i| line[..i].chars().count());
    let sides = column(lines[1], "not run").unwrap();
    for line in &lines[2..4] {
        assert_eq!(column(line, "400"), Some(sides), "{table}");
    }
    assert!(
        lines[3].contains("a-goal-id-longer-than-its-exercise 400"),
        "{table}"
    );
}

#[test]
fn paragraphs_break_between_words_within_the_width() {
    let text = "regexp.MatchString compiles its pattern on every call; compile the query once per request at /very/long/path/that/cannot/break.go:12";
    let wrapped = wrap_to(40, "      hint: ", "            ", text);
    let words: Vec<&str> = text.split(' ').collect();
    let mut seen = Vec::new();
    for (i, line) in wrapped.lines().enumerate() {
        let indent = if i == 0 {
            "      hint: "
        } else {
            "            "
        };
        let rest = line.strip_prefix(indent).expect(line);
        assert!(
            line.chars().count() <= 40 || !rest.contains(' '),
            "{line:?} is wider than 40 and could have broken"
        );
        seen.extend(rest.split(' '));
    }
    assert_eq!(seen, words, "every word whole, in order:\n{wrapped}");
}

#[test]
fn names_read_relative_to_the_exercises_module() {
    let module = "github.com/owner/repo/exercises";
    assert_eq!(
        check::without_module(
            module,
            "57.1%  github.com/owner/repo/exercises/service/01-search.(*Index).Search.func1 → regexp.MatchString"
        ),
        "57.1%  service/01-search.(*Index).Search.func1 → regexp.MatchString"
    );
    // Only where a name begins, and not the module's own root package.
    assert_eq!(
        check::without_module(
            module,
            "x.github.com/owner/repo/exercises/a github.com/owner/repo/exercises.F"
        ),
        "x.github.com/owner/repo/exercises/a github.com/owner/repo/exercises.F"
    );
}

/// The report of a check in Japanese: the same goals, the framing and the
/// check file's texts in Japanese, the columns lined up by terminal width.
#[test]
fn check_in_japanese() {
    let text = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
        let mut unmet = goal(
            "allocations",
            Status::Fail,
            1998.0,
            Bound::AtMost(2.0),
            "allocs/op",
        );
        unmet.explanation = Some("BuildLine の 1 回の呼び出しあたりのアロケーション数".into());
        unmet.hint = Some(
            "最終的なサイズを最初に伝えた strings.Builder ならアロケーションは 1 回で済みます"
                .into(),
        );
        let mut report = report(
            vec![
                unmet,
                goal(
                    "bytes",
                    Status::Pass,
                    9472.0,
                    Bound::AtMost(20000.0),
                    "B/op",
                ),
            ],
            None,
            None,
        );
        report.title = "文字列を少しずつ組み立てる".into();
        report.docs = Some(PathBuf::from("docs/ja/exercises/heap-01-concat.md"));
        check(&report)
    });
    insta::assert_snapshot!(text);
}

#[test]
fn hang_in_japanese() {
    let text = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
        let mut report = report(
            Vec::new(),
            Some(hang_failure()),
            Some("テストが時間内に終わりませんでした"),
        );
        report.title = "文字列を少しずつ組み立てる".into();
        report.docs = Some(PathBuf::from("docs/ja/exercises/heap-01-concat.md"));
        check(&report)
    });
    insta::assert_snapshot!(text);
}

/// The columns of a list line up when titles hold double-width characters.
#[test]
fn list_in_japanese_lines_up_by_width() {
    console::set_colors_enabled(false);
    use crate::state::Progress;
    let entries = [
        ListEntry {
            left_out: None,
            id: "cpu/01-regexp",
            title: "ホットループの中の正規表現",
            progress: Progress::Done,
            latest: None,
            docs: Some(Path::new("docs/ja/exercises/cpu-01-regexp.md")),
        },
        ListEntry {
            left_out: None,
            id: "heap/01-concat",
            title: "文字列を少しずつ組み立てる（mixed ASCII）",
            progress: Progress::InProgress,
            latest: None,
            docs: Some(Path::new("docs/ja/exercises/heap-01-concat.md")),
        },
        ListEntry {
            left_out: None,
            id: "trace/02-task",
            title: "リクエストごとに 1 つのタスク",
            progress: Progress::NotStarted,
            latest: None,
            docs: None,
        },
    ];
    let text = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
        list(
            "Go パフォーマンス: プロファイリングとトレース",
            Some(Path::new("docs/ja/README.md")),
            &entries,
        )
    });
    let lines: Vec<&str> = text.lines().collect();
    let status = ["完了", "取り組み中", "未着手"];
    let columns: Vec<usize> = lines[1..4]
        .iter()
        .zip(status)
        .map(|(line, word)| crate::display::width(&line[..line.find(word).expect(line)]))
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
    insta::assert_snapshot!(text);
}

/// The verify table in Japanese: headings, sides and goal rows line up by
/// terminal width; an untranslated text is warned about.
#[test]
fn verify_in_japanese() {
    use crate::goals::OnStarter;
    use crate::verify::{ExerciseResult, GoalVerdict, Side, SideResult};
    console::set_colors_enabled(false);
    let side = |side, met| SideResult {
        side,
        ok: true,
        reason: None,
        check: Some({
            let status = if met { Status::Pass } else { Status::Fail };
            let mut r = report(
                vec![goal(
                    "allocations",
                    status,
                    2.0,
                    Bound::AtMost(2.0),
                    "allocs/op",
                )],
                None,
                None,
            );
            r.status = if met {
                CheckStatus::Pass
            } else {
                CheckStatus::Fail
            };
            r
        }),
        error: None,
    };
    let result = ExerciseResult {
        skip: None,
        exercise: "heap/01-concat".into(),
        ok: true,
        starter: side(Side::Starter, false),
        solution: side(Side::Solution, true),
        goals: vec![GoalVerdict {
            skip: None,
            id: "allocations".into(),
            kind: "bench-metric",
            ok: true,
            starter_must: OnStarter::Fails,
            bound: Some("≤ 2 allocs/op".into()),
            threshold: Some(2.0),
            unit: Some("allocs/op".into()),
            starter: values(1998.0),
            solution: values(1.0),
            margin: Some(crate::verify::judge::Margin {
                times: 999.0,
                side: Side::Starter,
            }),
            flipped: false,
            problems: Vec::new(),
            warnings: Vec::new(),
        }],
        warnings: 0,
        elapsed: Duration::from_secs(4),
        starter_sums: None,
    };
    let untranslated = [UntranslatedDoc {
        file: "checks/heap/01-concat/check.yaml".into(),
        field: "hints[2]".into(),
        lang: crate::i18n::Lang::Ja,
    }];
    let table = crate::i18n::with_lang(crate::i18n::Lang::Ja, || verify(&[result], &untranslated));
    let lines: Vec<&str> = table.lines().collect();
    let at = |line: &str, text: &str| {
        line.find(text)
            .map(|i| crate::display::width(&line[..i]))
            .unwrap_or_else(|| panic!("no {text:?} in {line:?}\n{table}"))
    };
    // The sides' cells start under their headings, the goal's values under the cells.
    assert_eq!(
        at(lines[0], "スターター"),
        at(lines[1], "✓ ゴール 1 個中 0"),
        "{table}"
    );
    assert_eq!(
        at(lines[0], "解答例"),
        at(lines[1], "✓ ゴール 1 個中 1"),
        "{table}"
    );
    assert_eq!(
        at(lines[1], "ゴール 1 個中 0"),
        at(lines[2], "1998"),
        "{table}"
    );
    assert_eq!(at(lines[0], "時間"), at(lines[1], "4s"), "{table}");
    insta::assert_snapshot!(table);
}

/// Japanese, written without spaces, still breaks within the width, counted
/// in terminal columns (two per character), and loses no character.
#[test]
fn japanese_paragraphs_break_between_characters_within_the_width() {
    let text = "最終的なサイズを最初に伝えた strings.Builder なら、アロケーションは 1 回で済みます。`line += field` は毎回新しい文字列を作り、それまでの内容をすべてコピーします。";
    let wrapped = crate::i18n::with_lang(crate::i18n::Lang::Ja, || {
        wrap_to(40, "      ヒント: ", "              ", text)
    });
    let lines: Vec<&str> = wrapped.lines().collect();
    assert!(lines.len() >= 4, "{wrapped}");
    for line in &lines {
        assert!(
            crate::display::width(line) <= 40,
            "{line:?} is wider than 40"
        );
        assert!(
            !line.trim_start().starts_with(['。', '、']),
            "{line:?} starts with punctuation"
        );
    }
    let joined: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let indent = if i == 0 {
                "      ヒント: "
            } else {
                "              "
            };
            l.strip_prefix(indent).unwrap()
        })
        .collect::<Vec<_>>()
        .join("");
    let without_spaces = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
    assert_eq!(without_spaces(&joined), without_spaces(text));
}

/// A check whose attendee edited one test file and deleted two, in `lang`.
fn check_with_protected_files_not_used(lang: crate::i18n::Lang) -> String {
    use crate::run::{ProtectedFile, ProtectedState};
    crate::i18n::with_lang(lang, || {
        let mut report = report(
            vec![goal(
                "allocations",
                Status::Fail,
                1998.0,
                Bound::AtMost(2.0),
                "allocs/op",
            )],
            None,
            None,
        );
        report.protected_differ = vec![
            ProtectedFile {
                path: "concat_test.go".into(),
                state: ProtectedState::Edited,
            },
            ProtectedFile {
                path: "helpers_test.go".into(),
                state: ProtectedState::Deleted,
            },
            ProtectedFile {
                path: "testdata/fields.txt".into(),
                state: ProtectedState::Deleted,
            },
        ];
        report.notes = vec!["a note of the run".into()];
        check(&report)
    })
}

#[test]
fn check_names_the_protected_files_it_did_not_use() {
    insta::assert_snapshot!(check_with_protected_files_not_used(crate::i18n::Lang::En));
    insta::assert_snapshot!(
        "check_names_the_protected_files_it_did_not_use_in_japanese",
        check_with_protected_files_not_used(crate::i18n::Lang::Ja)
    );
}

#[test]
fn a_goal_shows_what_changed_since_the_starter_met_or_not() {
    use crate::goals::since::{Change, SinceStarter};
    let mut met = goal("share", Status::Pass, 0.0, Bound::AtMost(5.0), "%");
    met.since_starter = Some(SinceStarter {
        measure: crate::goals::profile::Measure::CumShare,
        sample: "cpu".into(),
        changes: vec![
            Change {
                function: "regexp.compile".into(),
                starter: 70.0,
                mine: 0.0,
            },
            Change {
                function: "main.isError".into(),
                starter: 90.0,
                mine: 60.5,
            },
        ],
    });
    let text = check(&report(vec![met], None, None));
    assert!(
        text.contains("since the starter (cum share of cpu, points):"),
        "{text}"
    );
    assert!(
        text.contains("regexp.compile   70.0% →   0.0%  (-70.0)"),
        "{text}"
    );
    assert!(
        text.contains("main.isError     90.0% →  60.5%  (-29.5)"),
        "{text}"
    );
}

#[test]
fn a_goal_on_a_profile_ends_the_report_with_workshop_open() {
    let mut share = goal("share", Status::Fail, 60.0, Bound::AtMost(5.0), "%");
    share.kind = "profile-function";
    share.looks_at = Some(crate::goals::Look::Profile(crate::goals::ProfileKind::Cpu));
    let text = check(&report(vec![share.clone()], None, None));
    let last = text.lines().last().unwrap();
    assert!(last.contains("`workshop open "), "{text}");
    // Met: still worth a look, against the starter when its profile is kept.
    share.status = Status::Pass;
    let text = check(&report(vec![share.clone()], None, None));
    assert!(text.contains("`workshop open "), "{text}");
    assert!(!text.contains("--diff"), "{text}");
    let mut kept = report(vec![share], None, None);
    kept.artifacts.insert(
        "profile-bench-cpu".into(),
        PathBuf::from(".workshop/runs/x/bench-cpu.pprof"),
    );
    kept.artifacts.insert(
        "starter-profile-bench-cpu".into(),
        PathBuf::from(".workshop/runs/x/starter/artifacts/bench-cpu.pprof"),
    );
    let text = check(&kept);
    let last = text.lines().last().unwrap();
    assert!(
        last.contains("since the starter") && last.contains("--diff`"),
        "{text}"
    );
    let bench = goal("allocs", Status::Fail, 3.0, Bound::AtMost(0.0), "allocs/op");
    assert!(!check(&report(vec![bench], None, None)).contains("workshop open"));
}
