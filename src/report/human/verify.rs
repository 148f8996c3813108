//! The summary table of `workshop verify`: each exercise's sides, and under it
//! each goal's values on both sides, its bound and margin, with what makes it
//! fail or fragile; then each side that misbehaved, shown in full. And its
//! progress bar.

use std::fmt::Write;

use console::style;

use super::{check, fail, pass, skipped};
use crate::display::{pad, truncate, width};
use crate::goals::OnStarter;
use crate::tr;
use crate::units::{beside, duration};
use crate::verify::{ExerciseResult, GoalVerdict, SideResult, SideValues};

/// A text without its translation into `lang`.
#[derive(Debug, serde::Serialize)]
pub struct UntranslatedDoc {
    /// The file, relative to the workshop root.
    pub file: String,
    /// Where in the file: `title`, `goals[1].explain`, `hints[0]`.
    pub field: String,
    pub lang: crate::i18n::Lang,
}

/// A progress bar for `workshop verify` on stderr, drawn only on a terminal.
pub fn verify_progress(total: usize, visible: bool) -> indicatif::ProgressBar {
    let target = if visible && console::Term::stderr().is_term() {
        indicatif::ProgressDrawTarget::stderr()
    } else {
        indicatif::ProgressDrawTarget::hidden()
    };
    let bar = indicatif::ProgressBar::with_draw_target(Some(total as u64), target);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&tr!("verify-progress"))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// The summary table of `workshop verify`.
pub fn verify(results: &[ExerciseResult], untranslated: &[UntranslatedDoc]) -> String {
    let mut out = String::new();
    // A goal's id sits two columns further in than its exercise's name and
    // needs a space after it.
    let width = results
        .iter()
        .flat_map(|r| {
            let ids = r.goals.iter().map(|g| width(&g.id) + 1);
            std::iter::once(width(&r.exercise)).chain(ids)
        })
        .max()
        .unwrap_or(8)
        .max(8);
    let _ = writeln!(
        out,
        "{}",
        style(format!(
            "{}  {}  {}  {}",
            pad(&tr!("verify-exercise"), width),
            pad(&tr!("verify-starter"), 28),
            pad(&tr!("verify-solution"), 28),
            tr!("verify-time")
        ))
        .bold()
    );
    for result in results {
        if let Some(skip) = &result.skip {
            let why = tr!(
                "verify-exercise-skipped",
                go = &skip.go,
                found = &skip.found
            );
            let _ = writeln!(
                out,
                "{}  {} {}",
                pad(&result.exercise, width),
                skipped(),
                style(why).cyan()
            );
            continue;
        }
        let _ = writeln!(
            out,
            "{}  {}  {}  {}",
            pad(&result.exercise, width),
            side_cell(&result.starter),
            side_cell(&result.solution),
            style(duration(result.elapsed)).dim()
        );
        for goal in &result.goals {
            goal_rows(&mut out, goal, width);
        }
    }
    let failures: Vec<&ExerciseResult> = results.iter().filter(|r| !r.ok).collect();
    for result in &failures {
        let _ = writeln!(out);
        if let Some(problem) = result.starter_sums.as_ref().and_then(|s| s.problem()) {
            let _ = writeln!(
                out,
                "{} {}: {problem}",
                fail(),
                style(&result.exercise).bold()
            );
        }
        for side in [&result.starter, &result.solution] {
            if let Some(reason) = &side.reason {
                let name = match side.side {
                    crate::verify::Side::Starter => tr!("verify-side-starter"),
                    crate::verify::Side::Solution => tr!("verify-side-solution"),
                };
                let _ = writeln!(
                    out,
                    "{} {} {name}: {reason}",
                    fail(),
                    style(&result.exercise).bold(),
                );
                if let Some(report) = &side.check {
                    for line in check(report).lines() {
                        let _ = writeln!(out, "    {line}");
                    }
                }
            }
        }
    }
    let recorded: Vec<String> = results
        .iter()
        .filter_map(|r| r.starter_sums.as_ref().and_then(|s| s.notice()))
        .collect();
    if !recorded.is_empty() {
        let _ = writeln!(out);
    }
    for notice in &recorded {
        let _ = writeln!(out, "{} {notice}", style(tr!("label-note")).yellow());
    }
    if !untranslated.is_empty() {
        let _ = writeln!(out);
    }
    for text in untranslated {
        let _ = writeln!(
            out,
            "{} {}",
            style(tr!("label-warning")).yellow().bold(),
            tr!(
                "verify-untranslated",
                file = &text.file,
                field = &text.field,
                lang = tr!("lang-name", lang = text.lang.code())
            )
        );
    }
    let _ = writeln!(out);
    let ok = results.len() - failures.len();
    let verdict = if failures.is_empty() {
        style(tr!("verify-ok")).green().bold()
    } else {
        style(tr!("verify-failed")).red().bold()
    };
    let warnings: usize = results.iter().map(|r| r.warnings).sum();
    let flipped = results
        .iter()
        .flat_map(|r| &r.goals)
        .filter(|g| g.flipped)
        .count();
    let mut summary = format!(
        "{verdict} {}",
        tr!("verify-behave", ok = ok, total = results.len())
    );
    if warnings > 0 {
        summary.push_str(&tr!("verify-margin-warnings", count = warnings));
    }
    if flipped > 0 {
        summary.push_str(&tr!("verify-flipped", count = flipped));
    }
    let skipped_exercises = results.iter().filter(|r| r.skip.is_some()).count();
    let skipped_goals = results
        .iter()
        .flat_map(|r| &r.goals)
        .filter(|g| g.skip.is_some())
        .count();
    if skipped_exercises + skipped_goals > 0 {
        summary.push_str(&tr!(
            "verify-skipped-count",
            exercises = skipped_exercises,
            goals = skipped_goals
        ));
    }
    if !untranslated.is_empty() {
        summary.push_str(&tr!(
            "verify-untranslated-count",
            count = untranslated.len()
        ));
    }
    let _ = writeln!(out, "{summary}");
    out
}

/// A goal's line (its values on both sides, its bound and margin), and under
/// it what fails it or makes it fragile.
fn goal_rows(out: &mut String, goal: &GoalVerdict, width: usize) {
    if let Some(skip) = &goal.skip {
        let why = tr!("verify-goal-skipped", go = &skip.go, found = &skip.found);
        let _ = writeln!(
            out,
            "  {} {}{}",
            skipped(),
            pad(&goal.id, width),
            style(why).cyan()
        );
        return;
    }
    let unit = goal.unit.as_deref().unwrap_or("");
    let symbol = if !goal.ok {
        fail()
    } else if !goal.warnings.is_empty() {
        style("!").yellow().bold().to_string()
    } else {
        pass()
    };
    let bound: Vec<f64> = goal.threshold.into_iter().collect();
    let mut starter = values(&goal.starter, unit, &bound);
    if goal.starter_must == OnStarter::Met {
        starter.push_str(&tr!("verify-met-on-purpose"));
    }
    let starter = truncate(&starter, 26);
    let solution = truncate(&values(&goal.solution, unit, &bound), 26);
    let mut tail = goal
        .bound
        .as_ref()
        .map(|b| tr!("want", bound = b.to_string()))
        .unwrap_or_default();
    if let Some(margin) = goal.margin {
        let times = crate::verify::judge::margin_text(margin.times);
        tail.push_str(&format!("  {}", tr!("verify-margin", times = times)));
    }
    if goal.flipped {
        tail.push_str(&format!("  {}", tr!("verify-changed")));
    }
    // Lined up with the sides' texts and the time of the exercise's line.
    let _ = writeln!(
        out,
        "  {symbol} {}{}{}{}",
        pad(&goal.id, width),
        pad(&starter, 30),
        pad(&solution, 28),
        style(tail).dim()
    );
    for problem in &goal.problems {
        let _ = writeln!(out, "      {} {problem}", fail());
    }
    for warning in &goal.warnings {
        let _ = writeln!(
            out,
            "      {} {warning}",
            style(tr!("label-warning")).yellow().bold()
        );
    }
}

/// A side's values: one, or the lowest and highest, each precise enough to
/// read differently from the bound when it differs from it.
fn values(side: &SideValues, unit: &str, bound: &[f64]) -> String {
    match (side.min, side.max) {
        (Some(lo), Some(hi)) => {
            let (lo, hi) = (beside(lo, bound, unit), beside(hi, bound, unit));
            if lo == hi { lo } else { format!("{lo}–{hi}") }
        }
        _ => "—".to_owned(),
    }
}

fn side_cell(side: &SideResult) -> String {
    let symbol = if side.ok { pass() } else { fail() };
    let text = match (&side.check, &side.error) {
        (_, Some(_)) => tr!("verify-could-not-run"),
        (Some(report), None) if report.failure.is_some() => report
            .message
            .clone()
            .unwrap_or_else(|| tr!("verify-side-failed")),
        (Some(report), None) => tr!(
            "goals-met",
            met = report.met(),
            total = report.goals.len() - report.skipped()
        ),
        (None, None) => tr!("verify-not-run"),
    };
    format!("{symbol} {}", pad(&truncate(&text, 26), 26))
}
