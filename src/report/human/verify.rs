//! The summary table of `workshop verify`: each exercise's sides, and under it
//! each goal's values on both sides, its bound and margin, with what makes it
//! fail or fragile; then each side that misbehaved, shown in full. And its
//! progress bar.

use std::fmt::Write;

use console::style;

use super::{check, fail, pass};
use crate::goals::OnStarter;
use crate::units::{duration, number, quantity};
use crate::verify::{ExerciseResult, GoalVerdict, SideResult, SideValues};

/// A progress bar for `workshop verify` on stderr, drawn only on a terminal.
pub fn verify_progress(total: usize, visible: bool) -> indicatif::ProgressBar {
    let target = if visible && console::Term::stderr().is_term() {
        indicatif::ProgressDrawTarget::stderr()
    } else {
        indicatif::ProgressDrawTarget::hidden()
    };
    let bar = indicatif::ProgressBar::with_draw_target(Some(total as u64), target);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} verifying [{bar:24}] {pos}/{len} checks {elapsed}  {wide_msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// The summary table of `workshop verify`.
pub fn verify(results: &[ExerciseResult]) -> String {
    let mut out = String::new();
    // A goal's id sits two columns further in than its exercise's name and
    // needs a space after it.
    let width = results
        .iter()
        .flat_map(|r| {
            let ids = r.goals.iter().map(|g| g.id.chars().count() + 1);
            std::iter::once(r.exercise.chars().count()).chain(ids)
        })
        .max()
        .unwrap_or(8)
        .max(8);
    let _ = writeln!(
        out,
        "{}",
        style(format!(
            "{:<width$}  {:<28}  {:<28}  time",
            "exercise", "starter (must fail)", "solution (must pass)"
        ))
        .bold()
    );
    for result in results {
        let _ = writeln!(
            out,
            "{:<width$}  {}  {}  {}",
            result.exercise,
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
        for side in [&result.starter, &result.solution] {
            if let Some(reason) = &side.reason {
                let _ = writeln!(
                    out,
                    "{} {} {:?}: {reason}",
                    fail(),
                    style(&result.exercise).bold(),
                    side.side
                );
                if let Some(report) = &side.check {
                    for line in check(report).lines() {
                        let _ = writeln!(out, "    {line}");
                    }
                }
            }
        }
    }
    let _ = writeln!(out);
    let ok = results.len() - failures.len();
    let verdict = if failures.is_empty() {
        style("OK").green().bold()
    } else {
        style("FAILED").red().bold()
    };
    let warnings: usize = results.iter().map(|r| r.warnings).sum();
    let flipped = results
        .iter()
        .flat_map(|r| &r.goals)
        .filter(|g| g.flipped)
        .count();
    let mut summary = format!("{verdict} {ok} of {} exercises behave", results.len());
    if warnings > 0 {
        summary.push_str(&format!(
            "; {warnings} margin warning{}",
            if warnings == 1 { "" } else { "s" }
        ));
    }
    if flipped > 0 {
        summary.push_str(&format!(
            "; {flipped} goal{} changed verdict between rounds",
            if flipped == 1 { "" } else { "s" }
        ));
    }
    let _ = writeln!(out, "{summary}");
    out
}

/// A goal's line (its values on both sides, its bound and margin), and under
/// it what fails it or makes it fragile.
fn goal_rows(out: &mut String, goal: &GoalVerdict, width: usize) {
    let unit = goal.unit.as_deref().unwrap_or("");
    let symbol = if !goal.ok {
        fail()
    } else if !goal.warnings.is_empty() {
        style("!").yellow().bold().to_string()
    } else {
        pass()
    };
    let mut starter = values(&goal.starter, unit);
    if goal.starter_must == OnStarter::Met {
        starter.push_str(" (met on purpose)");
    }
    let starter: String = starter.chars().take(26).collect();
    let solution: String = values(&goal.solution, unit).chars().take(26).collect();
    let mut tail = goal
        .bound
        .as_ref()
        .map(|b| format!("want {b}"))
        .unwrap_or_default();
    if let Some(margin) = goal.margin {
        tail.push_str(&format!(
            "  margin {}×",
            number((margin.times * 10.0).round() / 10.0)
        ));
    }
    if goal.flipped {
        tail.push_str("  changed between rounds");
    }
    // Lined up with the sides' texts and the time of the exercise's line.
    let _ = writeln!(
        out,
        "  {symbol} {:<width$}{starter:<30}{solution:<28}{}",
        goal.id,
        style(tail).dim()
    );
    for problem in &goal.problems {
        let _ = writeln!(out, "      {} {problem}", fail());
    }
    for warning in &goal.warnings {
        let _ = writeln!(out, "      {} {warning}", style("warning:").yellow().bold());
    }
}

/// A side's values: one, or the lowest and highest.
fn values(side: &SideValues, unit: &str) -> String {
    match (side.min, side.max) {
        (Some(lo), Some(hi)) if quantity(lo, unit) == quantity(hi, unit) => quantity(lo, unit),
        (Some(lo), Some(hi)) => format!("{}–{}", quantity(lo, unit), quantity(hi, unit)),
        _ => "—".to_owned(),
    }
}

fn side_cell(side: &SideResult) -> String {
    let symbol = if side.ok { pass() } else { fail() };
    let text = match (&side.check, &side.error) {
        (_, Some(_)) => "could not run".to_owned(),
        (Some(report), None) if report.failure.is_some() => {
            report.message.clone().unwrap_or_else(|| "failed".into())
        }
        (Some(report), None) => format!("{} of {} goals met", report.met(), report.goals.len()),
        (None, None) => "not run".to_owned(),
    };
    let text: String = text.chars().take(26).collect();
    format!("{symbol} {text:<26}")
}
