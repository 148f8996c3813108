//! The report of `workshop check`: a line per goal with its value and bound,
//! and under each unmet goal the explanation, evidence and hint; or why the
//! goals could not be judged (compiler errors, test output, a hang).

use std::fmt::Write;
use std::time::Duration;

use console::style;

use super::{fail, pass, skipped, unsure};
use crate::display::{pad, pad_left, width};
use crate::exec::OutputCut;
use crate::goals::{Look, Outcome, Status};
use crate::run::hang::HangReport;
use crate::run::{CheckReport, CheckStatus, Failure, ProtectedState};
use crate::tr;
use crate::units::{beside, duration};

/// Lines of a test's output shown before the rest is cut.
const OUTPUT_LINES: usize = 40;

/// The report of `workshop check`.
pub fn check(report: &CheckReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}",
        style(&report.exercise).bold(),
        style(format!("— {}", report.title)).dim()
    );
    if let Some(skip) = &report.skip {
        let message = report.message.clone().unwrap_or_default();
        let _ = writeln!(out, "  {} {}", skipped(), style(message).bold());
        out.push_str(&super::paragraph(
            "    ",
            "    ",
            &how_to_judge(report, skip),
        ));
    }
    if let Some(failure) = &report.failure {
        let message = report
            .message
            .clone()
            .unwrap_or_else(|| tr!("check-failed"));
        let _ = writeln!(out, "  {} {}", fail(), style(message).bold());
        failure_details(&mut out, failure);
    }
    let widths = (
        report.goals.iter().map(|g| width(&g.id)).max().unwrap_or(0),
        report
            .goals
            .iter()
            .filter(|g| g.status != Status::Skipped)
            .map(|g| width(&g.subject))
            .max()
            .unwrap_or(0),
        // A sentence in place of a value stands out of the column rather
        // than widening it for every goal.
        report
            .goals
            .iter()
            .filter(|g| g.shown.is_none() && g.status != Status::Skipped)
            .map(|g| width(&measured(g)))
            .max()
            .unwrap_or(0),
    );
    for goal in &report.goals {
        match &report.module {
            Some(module) => outcome(&mut out, &relative_to(module, goal), widths),
            None => outcome(&mut out, goal, widths),
        }
    }
    for note in protected_notes(report).iter().chain(&report.notes) {
        let _ = writeln!(out, "  {} {note}", style(tr!("label-note")).yellow());
    }
    let _ = writeln!(out);
    let skipped_goals = report.skipped();
    let summary = if let Some(skip) = &report.skip {
        tr!("gate-summary-exercise", go = skip.go.clone())
    } else if report.failure.is_some() {
        tr!("check-not-judged")
    } else if skipped_goals > 0 {
        tr!(
            "gate-summary-goals",
            met = report.met(),
            total = report.goals.len() - skipped_goals,
            skipped = skipped_goals
        )
    } else {
        tr!("goals-met", met = report.met(), total = report.goals.len())
    };
    let verdict = match report.status {
        CheckStatus::Pass => style("PASS").green().bold(),
        CheckStatus::Fail => style("FAIL").red().bold(),
        CheckStatus::Skipped => style("SKIPPED").cyan().bold(),
    };
    // Nothing ran in a check skipped whole: no time to tell.
    let took = if report.skip.is_some() {
        summary
    } else {
        tr!(
            "check-took",
            summary = summary,
            time = duration(report.elapsed)
        )
    };
    let _ = write!(out, "{verdict} {took}");
    if let Some(docs) = &report.docs {
        let _ = write!(
            out,
            " · {}",
            tr!("read-page", page = crate::display::page(docs))
        );
    }
    let _ = writeln!(out);
    if report.failure.is_none()
        && let Some(skip) = report.goals.iter().find_map(|g| g.skip.as_ref())
    {
        out.push_str(&super::paragraph("", "", &how_to_judge(report, skip)));
    }
    // Go's viewers show what is behind a goal on a profile or a trace: what
    // to look at when one is unmet, what changed since the starter when all
    // are met and the starter's profile is there to compare with.
    if let Some(text) = open_hint(report) {
        let _ = writeln!(out, "{text}");
    }
    out
}

/// The `workshop open` line: the viewer on what the first unmet goal on a
/// profile or trace read (the first such goal when all are met), or, when
/// every goal is met and the starter's profile is kept, on the change since
/// the starter. The command names the profile or
/// trace whenever the check left more than one, so that it opens as told.
fn open_hint(report: &CheckReport) -> Option<String> {
    let all_met = report
        .goals
        .iter()
        .all(|g| g.status == Status::Pass || g.skip.is_some());
    let starter_kept = report
        .artifacts
        .keys()
        .any(|key| key.starts_with("starter-profile-"));
    let diff = all_met && starter_kept;
    // A goal left out for its Go read nothing to look at.
    let looked = || {
        report
            .goals
            .iter()
            .filter(|g| g.looks_at.is_some() && g.skip.is_none())
    };
    let goal = if diff {
        looked().find(|g| matches!(g.looks_at, Some(Look::Profile(_))))
    } else {
        looked()
            .find(|g| g.status != Status::Pass)
            .or_else(|| looked().next())
    }?;
    let openable = report
        .artifacts
        .keys()
        .filter(|key| {
            ["profile-", "trace-", "snapshot-"]
                .iter()
                .any(|p| key.starts_with(p))
        })
        .count();
    // A flight recorder that wrote no snapshot left nothing to look at.
    if openable == 0 && !report.artifacts.is_empty() {
        return None;
    }
    let mut command = format!("workshop open {}", report.exercise);
    if openable > 1 || diff {
        match goal.looks_at {
            Some(Look::Profile(kind)) if openable > 1 => {
                command.push_str(&format!(" --profile {kind}"));
            }
            Some(Look::Trace) => command.push_str(" --trace"),
            _ => {}
        }
    }
    Some(if diff {
        tr!(
            "check-open-diff-hint",
            command = format!("{command} --diff")
        )
    } else {
        tr!("check-open-hint", command = command)
    })
}

/// How to judge what a Go too old left out: fetch the toolchain for one
/// command, or install it.
fn how_to_judge(report: &CheckReport, skip: &crate::goals::Skip) -> String {
    let needed = report
        .goals
        .iter()
        .filter_map(|g| g.skip.as_ref())
        .map(|s| s.go.as_str())
        .chain(std::iter::once(skip.go.as_str()))
        .max_by_key(|v| v.parse::<crate::exec::GoVersion>().ok())
        .unwrap_or(&skip.go)
        .to_owned();
    let toolchain = crate::goals::Skip::needs_go(
        needed
            .parse()
            .unwrap_or(crate::exec::GoVersion::new(1, 0, 0)),
        &skip.found,
    )
    .toolchain();
    tr!(
        "gate-how-to-judge",
        command = format!("GOTOOLCHAIN={toolchain} workshop check {}", report.exercise),
        go = needed
    )
}

/// What to say of the attendee's protected files that the check did not use:
/// a line for the edited ones, a line for the deleted ones.
fn protected_notes(report: &CheckReport) -> Vec<String> {
    [ProtectedState::Edited, ProtectedState::Deleted]
        .into_iter()
        .filter_map(|state| {
            let files: Vec<String> = report
                .protected_differ
                .iter()
                .filter(|f| f.state == state)
                .map(|f| f.path.display().to_string())
                .collect();
            let (count, files, id) = (files.len(), crate::i18n::list(&files), &report.exercise);
            (count > 0).then(|| match state {
                ProtectedState::Edited => {
                    tr!(
                        "check-protected-edited",
                        count = count,
                        files = files,
                        id = id
                    )
                }
                ProtectedState::Deleted => {
                    tr!(
                        "check-protected-deleted",
                        count = count,
                        files = files,
                        id = id
                    )
                }
            })
        })
        .collect()
}

/// The goal with the names in its texts relative to the exercises' module:
/// `example.com/ws/exercises/heap/01-concat.Join` reads `heap/01-concat.Join`.
fn relative_to(module: &str, goal: &Outcome) -> Outcome {
    let mut goal = goal.clone();
    let shorten = |text: &str| without_module(module, text);
    goal.evidence = goal.evidence.iter().map(|line| shorten(line)).collect();
    goal.explanation = goal.explanation.as_deref().map(shorten);
    if let Some(since) = &mut goal.since_starter {
        for change in &mut since.changes {
            change.function = shorten(&change.function);
        }
    }
    goal
}

/// `text` with every `module/` that begins a name taken out.
pub(super) fn without_module(module: &str, text: &str) -> String {
    let prefix = format!("{module}/");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&prefix) {
        // A name begins at the start or after a character no name has.
        let begins = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || "._-/".contains(c)));
        out.push_str(&rest[..at]);
        if !begins {
            out.push_str(&prefix);
        }
        rest = &rest[at + prefix.len()..];
    }
    out.push_str(rest);
    out
}

/// The goal's value, precise enough to read differently from its bound
/// when it differs from it; or what the goal shows in its place.
fn measured(goal: &Outcome) -> String {
    if let Some(shown) = &goal.shown {
        return shown.clone();
    }
    let unit = goal.unit.as_deref().unwrap_or("");
    let bound: Vec<f64> = goal.bound.iter().map(|b| b.limit()).collect();
    goal.measured
        .map_or_else(|| "—".to_owned(), |v| beside(v, &bound, unit))
}

fn outcome(
    out: &mut String,
    goal: &Outcome,
    (id_width, subject_width, value_width): (usize, usize, usize),
) {
    let symbol = match goal.status {
        Status::Pass => pass(),
        Status::Fail => fail(),
        Status::Inconclusive => unsure(),
        Status::Skipped => {
            let why = goal.explanation.clone().unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {}  {}",
                skipped(),
                pad(&goal.id, id_width),
                style(why).cyan()
            );
            return;
        }
    };
    let unit = goal.unit.as_deref().unwrap_or("");
    let value: Vec<f64> = goal.measured.into_iter().collect();
    let want = goal
        .bound
        .map(|b| format!("{} {}", b.sign(), beside(b.limit(), &value, unit)))
        .or_else(|| goal.want.clone())
        .map(|want| tr!("want", bound = want))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {symbol} {}  {}  {}  {}",
        pad(&goal.id, id_width),
        pad(&goal.subject, subject_width),
        style(pad_left(&measured(goal), value_width)).bold(),
        style(want).dim(),
    );
    since_starter(out, goal);
    if goal.status == Status::Pass {
        return;
    }
    if let Some(explanation) = &goal.explanation {
        out.push_str(&super::paragraph("      ", "      ", explanation));
    }
    for line in &goal.evidence {
        let _ = writeln!(out, "      {}", style(line).dim());
    }
    if let Some(picture) = &goal.picture {
        super::sparkline::goal_picture(out, picture, "      ", super::sparkline::columns());
    }
    if let Some(hint) = &goal.hint {
        let label = tr!("label-hint");
        let first = format!("      {} ", style(&label).cyan());
        let indent = " ".repeat(7 + width(&label));
        out.push_str(&super::paragraph(&first, &indent, hint));
    }
}

/// The functions whose share changed most since the starter, one a line:
/// `regexp.compile  70.0% → 0.0%  (-70.0)`.
fn since_starter(out: &mut String, goal: &Outcome) {
    let Some(since) = &goal.since_starter else {
        return;
    };
    if since.changes.is_empty() {
        return;
    }
    let measure = match since.measure {
        crate::goals::profile::Measure::Cum | crate::goals::profile::Measure::CumShare => "cum",
        _ => "flat",
    };
    let header = tr!(
        "check-since-starter",
        measure = measure,
        sample = &since.sample
    );
    let _ = writeln!(out, "      {}", style(header).dim());
    let name_width = since
        .changes
        .iter()
        .map(|c| width(&c.function))
        .max()
        .unwrap_or(0);
    for change in &since.changes {
        let _ = writeln!(
            out,
            "        {}  {:>5.1}% → {:>5.1}%  ({:+.1})",
            pad(&change.function, name_width),
            change.starter,
            change.mine,
            change.delta()
        );
    }
}

fn failure_details(out: &mut String, failure: &Failure) {
    match failure {
        Failure::Build(build) => {
            if build.errors.is_empty() {
                indented(out, &build.output);
            }
            for e in &build.errors {
                let place = match e.column {
                    Some(col) => format!("{}:{}:{col}", e.file, e.line),
                    None => format!("{}:{}", e.file, e.line),
                };
                let _ = writeln!(out, "      {}: {}", style(place).bold(), e.message);
            }
        }
        Failure::Tests { output, cut } | Failure::Benchmark { output, cut, .. } => {
            indented(out, output);
            output_cut(out, cut.as_ref());
        }
        Failure::Server { output, log, .. } => {
            indented(out, output);
            let _ = writeln!(
                out,
                "      {}",
                style(tr!("server-log", path = crate::display::path(log))).dim()
            );
        }
        Failure::Hang {
            timeout,
            deadlock,
            interrupted,
            report,
            output,
            cut,
            ..
        } => {
            hang(out, *timeout, *deadlock || *interrupted, report, output);
            output_cut(out, cut.as_ref());
        }
    }
}

/// How much of an output too long to keep whole was left out, and where the
/// rest is.
fn output_cut(out: &mut String, cut: Option<&OutputCut>) {
    if let Some(cut) = cut {
        let _ = writeln!(out, "      {}", style(cut.message()).dim());
    }
}

/// Where the goroutines of a run that was stopped were; `said` when the
/// message already says why it stopped (a deadlock, Ctrl-C).
fn hang(out: &mut String, timeout: Duration, said: bool, report: &HangReport, output: &str) {
    if !said {
        let _ = writeln!(
            out,
            "      {}",
            tr!("hang-stopped-after", time = duration(timeout))
        );
    }
    for test in &report.running_tests {
        let _ = writeln!(out, "      {}", tr!("hang-running", test = test));
    }
    if report.groups.is_empty() {
        let _ = writeln!(out, "      {}", tr!("hang-none-in-exercise"));
        let tail: Vec<&str> = output.lines().rev().take(10).collect();
        for line in tail.into_iter().rev() {
            let _ = writeln!(out, "        {line}");
        }
        return;
    }
    for group in &report.groups {
        let count = tr!("goroutine-count", count = group.count);
        // A goroutine that is running or ready to run is busy, not blocked.
        let state = match group.state.as_str() {
            "running" | "runnable" => tr!("hang-busy", state = &group.state),
            state => tr!("hang-blocked-in", state = state),
        };
        let _ = writeln!(
            out,
            "      {} {}",
            style(count).bold(),
            style(state).yellow()
        );
        for frame in &group.frames {
            let _ = writeln!(
                out,
                "          {}  {}",
                tr!("hang-at", place = format!("{}:{}", frame.file, frame.line)),
                style(&frame.function).dim()
            );
        }
        if let Some(created) = &group.created_at {
            let _ = writeln!(
                out,
                "        {}  {}",
                tr!(
                    "hang-created-at",
                    place = format!("{}:{}", created.file, created.line)
                ),
                style(&created.function).dim()
            );
        }
    }
    if report.other_goroutines > 0 {
        let _ = writeln!(
            out,
            "      {}",
            style(tr!("hang-others", count = report.other_goroutines)).dim()
        );
    }
}

fn indented(out: &mut String, text: &str) {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let skipped = lines.len().saturating_sub(OUTPUT_LINES);
    if skipped > 0 {
        let _ = writeln!(
            out,
            "      {}",
            style(tr!("earlier-lines", count = skipped)).dim()
        );
    }
    for line in &lines[skipped..] {
        let _ = writeln!(out, "      {line}");
    }
}

#[cfg(test)]
mod open_hint_tests {
    use std::path::PathBuf;

    use super::*;
    use crate::goals::{Bound, ProfileKind};
    use crate::report::human::tests::{goal, report};

    fn looking(id: &str, status: Status, look: Look) -> Outcome {
        let mut outcome = goal(id, status, 1.0, Bound::AtMost(0.0), "x");
        outcome.looks_at = Some(look);
        outcome
    }

    fn hint(goals: Vec<Outcome>, artifacts: &[&str]) -> Option<String> {
        let mut report = report(goals, None, None);
        report.exercise = "block/01-channel".into();
        for key in artifacts {
            report
                .artifacts
                .insert((*key).to_owned(), PathBuf::from(key));
        }
        open_hint(&report)
    }

    #[test]
    fn the_open_command_names_the_artifact_when_the_check_left_several() {
        let block = Look::Profile(ProfileKind::Block);
        let both = [
            "profile-bench-block",
            "trace-bench",
            "starter-profile-bench-block",
        ];
        let unmet_profile = vec![
            looking("send-waits", Status::Fail, block),
            looking("workers", Status::Fail, Look::Trace),
        ];
        assert!(
            hint(unmet_profile, &both)
                .unwrap()
                .contains("`workshop open block/01-channel --profile block`")
        );
        let unmet_trace = vec![
            looking("send-waits", Status::Pass, block),
            looking("workers", Status::Fail, Look::Trace),
        ];
        assert!(
            hint(unmet_trace, &both)
                .unwrap()
                .contains("`workshop open block/01-channel --trace`")
        );
        let all_met = vec![
            looking("send-waits", Status::Pass, block),
            looking("workers", Status::Pass, Look::Trace),
        ];
        assert!(
            hint(all_met, &both)
                .unwrap()
                .contains("`workshop open block/01-channel --profile block --diff`")
        );
        // One artifact: the command needs no choice; a snapshot opens as a trace.
        let snapshot = vec![looking("snapshot", Status::Fail, Look::Trace)];
        assert!(
            hint(snapshot, &["snapshot-record"])
                .unwrap()
                .contains("`workshop open block/01-channel`")
        );
        // A snapshot that was never written: nothing to open.
        let none = vec![looking("snapshot", Status::Fail, Look::Trace)];
        assert_eq!(hint(none, &["tests-log", "serve-snapshot"]), None);
        // No goal on a profile or trace: no line.
        let plain = vec![goal("allocs", Status::Fail, 3.0, Bound::AtMost(2.0), "x")];
        assert_eq!(hint(plain, &["profile-bench-cpu"]), None);
    }
}
