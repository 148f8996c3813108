//! The summary table of `workshop verify`, with each side that misbehaved
//! shown in full, and its progress bar.

use std::fmt::Write;

use console::style;

use super::{check, fail, pass};
use crate::units::duration;
use crate::verify::{ExerciseResult, SideResult};

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
    let width = results
        .iter()
        .map(|r| r.exercise.len())
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
    let _ = writeln!(out, "{verdict} {ok} of {} exercises behave", results.len());
    out
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
