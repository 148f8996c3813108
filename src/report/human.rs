//! Rendering for people: symbols and colours through `console`, which honours
//! NO_COLOR, CLICOLOR and whether the output is a terminal.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

use console::style;

use crate::check::{CheckReport, CheckStatus, Failure};
use crate::doctor::{Finding, Health};
use crate::goals::{Outcome, Status, format_number};
use crate::gotool::dump::HangReport;
use crate::verify::{ExerciseResult, SideResult};

/// Lines of a test's output shown before the rest is cut.
const OUTPUT_LINES: usize = 40;

fn pass() -> String {
    style("✓").green().bold().to_string()
}
fn fail() -> String {
    style("✗").red().bold().to_string()
}
fn unsure() -> String {
    style("?").yellow().bold().to_string()
}

/// A duration the way a person reads it: `850ms`, `4.2s`, `1m12s`.
pub fn duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms}ms")
    } else if ms < 60_000 {
        format!("{:.1}s", d.as_secs_f64())
    } else {
        format!("{}m{:02}s", ms / 60_000, (ms % 60_000) / 1000)
    }
}

/// The report of `workshop check`.
pub fn check(report: &CheckReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}",
        style(&report.exercise).bold(),
        style(format!("— {}", report.title)).dim()
    );
    if let Some(failure) = &report.failure {
        let message = report.message.as_deref().unwrap_or("the check failed");
        let _ = writeln!(out, "  {} {}", fail(), style(message).bold());
        failure_details(&mut out, failure);
    }
    let widths = (
        report
            .goals
            .iter()
            .map(|g| g.id.chars().count())
            .max()
            .unwrap_or(0),
        report
            .goals
            .iter()
            .map(|g| g.subject.chars().count())
            .max()
            .unwrap_or(0),
        report
            .goals
            .iter()
            .map(|g| measured(g).chars().count())
            .max()
            .unwrap_or(0),
    );
    for goal in &report.goals {
        outcome(&mut out, goal, widths);
    }
    let _ = writeln!(out);
    let summary = if report.failure.is_some() {
        "goals not judged".to_owned()
    } else {
        format!("{} of {} goals met", report.met(), report.goals.len())
    };
    let verdict = match report.status {
        CheckStatus::Pass => style("PASS").green().bold(),
        CheckStatus::Fail => style("FAIL").red().bold(),
    };
    let _ = write!(out, "{verdict} {summary} in {}", duration(report.elapsed));
    if let Some(docs) = &report.docs {
        let _ = write!(out, " · read {}", docs.display());
    }
    let _ = writeln!(out);
    out
}

fn measured(goal: &Outcome) -> String {
    goal.measured.map_or_else(
        || "—".to_owned(),
        |v| quantity(v, goal.unit.as_deref().unwrap_or("")),
    )
}

/// A measured value in its unit, as people read it: `56.3%`, `8.4ms/op`,
/// `12.5 MiB`, `1998 allocs/op`.
pub fn quantity(value: f64, unit: &str) -> String {
    let (base, per_op) = match unit.strip_suffix("/op") {
        Some(base) => (base, "/op"),
        None => (unit, ""),
    };
    match base {
        "%" => format!("{value:.1}%"),
        "×" => format!("{}×", format_number(value)),
        "ns" | "nanoseconds" => format!("{}{per_op}", nanos(value.round() as i64)),
        "B" | "bytes" => format!("{}{per_op}", bytes(value.max(0.0).round() as u64)),
        "" | "count" => format!("{}{per_op}", format_number(value)),
        _ => format!("{} {unit}", format_number(value)),
    }
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
    };
    let unit = goal.unit.as_deref().unwrap_or("");
    let want = goal
        .bound
        .map(|b| format!("want {} {}", b.sign(), quantity(b.limit(), unit)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {symbol} {:<id_width$}  {:<subject_width$}  {}  {}",
        goal.id,
        goal.subject,
        style(format!("{:>value_width$}", measured(goal))).bold(),
        style(want).dim(),
    );
    if goal.status == Status::Pass {
        return;
    }
    if let Some(explanation) = &goal.explanation {
        let _ = writeln!(out, "      {explanation}");
    }
    for line in &goal.evidence {
        let _ = writeln!(out, "      {}", style(line).dim());
    }
    if let Some(hint) = &goal.hint {
        let _ = writeln!(out, "      {} {hint}", style("hint:").cyan());
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
        Failure::Tests { output } | Failure::Benchmark { output, .. } => indented(out, output),
        Failure::Hang {
            timeout,
            deadlock,
            report,
            output,
            ..
        } => hang(out, *timeout, *deadlock, report, output),
    }
}

fn hang(out: &mut String, timeout: Duration, deadlock: bool, report: &HangReport, output: &str) {
    if !deadlock {
        let _ = writeln!(
            out,
            "      stopped after {} (the run's timeout)",
            duration(timeout)
        );
    }
    for test in &report.running_tests {
        let _ = writeln!(out, "      running: {test}");
    }
    if report.groups.is_empty() {
        let _ = writeln!(
            out,
            "      no goroutine was inside the exercise's code; the output ends with:"
        );
        let tail: Vec<&str> = output.lines().rev().take(10).collect();
        for line in tail.into_iter().rev() {
            let _ = writeln!(out, "        {line}");
        }
        return;
    }
    for group in &report.groups {
        let count = if group.count == 1 {
            "1 goroutine".to_owned()
        } else {
            format!("{} goroutines", group.count)
        };
        let _ = writeln!(
            out,
            "      {} blocked in {}",
            style(count).bold(),
            style(&group.state).yellow()
        );
        for frame in &group.frames {
            let _ = writeln!(
                out,
                "          at {}:{}  {}",
                frame.file,
                frame.line,
                style(&frame.function).dim()
            );
        }
        if let Some(created) = &group.created_at {
            let _ = writeln!(
                out,
                "        created at {}:{}  {}",
                created.file,
                created.line,
                style(&created.function).dim()
            );
        }
    }
    if report.other_goroutines > 0 {
        let _ = writeln!(
            out,
            "      {}",
            style(format!(
                "({} more goroutines outside the exercise's code)",
                report.other_goroutines
            ))
            .dim()
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
            style(format!("… {skipped} earlier lines")).dim()
        );
    }
    for line in &lines[skipped..] {
        let _ = writeln!(out, "      {line}");
    }
}

/// The output of `workshop hint`.
pub fn hints(exercise: &crate::manifest::Exercise, shown: usize, all: bool) -> String {
    let mut out = String::new();
    let total = exercise.hints.len();
    if total == 0 {
        let _ = writeln!(out, "{} has no hints.", exercise.id);
        return out;
    }
    if shown == 0 {
        let _ = writeln!(
            out,
            "No hints revealed yet for {}: `workshop hint {}` shows the first.",
            exercise.id, exercise.id
        );
        return out;
    }
    let first = if all { 0 } else { shown - 1 };
    for (i, hint) in exercise.hints.iter().enumerate().take(shown).skip(first) {
        let _ = writeln!(
            out,
            "{} {hint}",
            style(format!("Hint {} of {total}:", i + 1)).cyan().bold()
        );
    }
    if shown == total {
        let _ = writeln!(
            out,
            "{}",
            style(format!("That was the last hint. `workshop diff {} --solution` shows the reference solution.", exercise.id)).dim()
        );
    } else if !all {
        let _ = writeln!(
            out,
            "{}",
            style(format!(
                "`workshop hint {}` reveals the next one.",
                exercise.id
            ))
            .dim()
        );
    }
    out
}

/// The output of `workshop reset`.
pub fn reset(exercise: &crate::manifest::Exercise, saved: &std::path::Path) -> String {
    format!(
        "{} {} is back to its starter code\n  your files are saved in {}\n  `workshop restore {}` brings them back\n",
        pass(),
        exercise.id,
        crate::paths::display(saved),
        exercise.id
    )
}

/// The output of `workshop restore`.
pub fn restored(
    exercise: &crate::manifest::Exercise,
    from: &std::path::Path,
    saved: Option<&std::path::Path>,
) -> String {
    let mut out = format!(
        "{} {} restored from {}\n",
        pass(),
        exercise.id,
        crate::paths::display(from)
    );
    if let Some(saved) = saved {
        out.push_str(&format!(
            "  the files it replaced are saved in {}\n",
            crate::paths::display(saved)
        ));
    }
    out
}

/// The output of `workshop restore --list`.
pub fn backups(exercise: &crate::manifest::Exercise, backups: &[std::path::PathBuf]) -> String {
    if backups.is_empty() {
        return format!("no backups of {} yet\n", exercise.id);
    }
    let mut out = format!("backups of {} (oldest first):\n", exercise.id);
    for backup in backups {
        let name = backup
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push_str(&format!(
            "  {name}  {}\n",
            style(crate::paths::display(backup)).dim()
        ));
    }
    out
}

/// A coloured unified diff of an exercise's files: starter against `theirs`.
pub fn diff(
    exercise: &crate::manifest::Exercise,
    starter: &crate::starter::Files,
    theirs: &crate::starter::Files,
    label: &str,
) -> String {
    let mut out = String::new();
    let mut paths: Vec<&std::path::PathBuf> = starter.keys().chain(theirs.keys()).collect();
    paths.sort();
    paths.dedup();
    let empty = Vec::new();
    for path in paths {
        let old = starter.get(path).unwrap_or(&empty);
        let new = theirs.get(path).unwrap_or(&empty);
        if old == new {
            continue;
        }
        let old_text = String::from_utf8_lossy(old);
        let new_text = String::from_utf8_lossy(new);
        let name = path.display();
        let text = similar::TextDiff::from_lines(old_text.as_ref(), new_text.as_ref())
            .unified_diff()
            .context_radius(3)
            .header(&format!("starter/{name}"), &format!("{label}/{name}"))
            .to_string();
        for line in text.lines() {
            let styled = if line.starts_with("+++") || line.starts_with("---") {
                style(line).bold().to_string()
            } else if line.starts_with('+') {
                style(line).green().to_string()
            } else if line.starts_with('-') {
                style(line).red().to_string()
            } else if line.starts_with("@@") {
                style(line).cyan().to_string()
            } else {
                line.to_owned()
            };
            out.push_str(&styled);
            out.push('\n');
        }
    }
    if out.is_empty() {
        out = match label {
            "solution" => format!(
                "the reference solution of {} changes nothing (a broken exercise?)\n",
                exercise.id
            ),
            _ => format!("no changes to {} yet\n", exercise.id),
        };
    }
    out
}

/// The line `workshop watch` prints before each check; on a terminal it first
/// clears the screen, so each result shows in place.
pub fn watch_checking(id: &str) -> String {
    let clear = if console::Term::stdout().is_term() {
        "\x1b[2J\x1b[H"
    } else {
        ""
    };
    format!("{clear}{}\n", style(format!("checking {id} …")).dim())
}

/// Which file change set off a check.
pub fn watch_changed(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}\n", style(format!("{name} changed")).dim())
}

/// The keys `workshop watch` takes.
pub fn watch_keys(id: &str) -> String {
    format!(
        "{}\n",
        style(format!(
            "watching {id}: save a .go file to check again · h hint · l list · c check · q quit"
        ))
        .dim()
    )
}

/// A benchmark value in its unit, with four significant digits: `1.004µs`, `9.25 KiB`.
fn bench_value(value: f64, unit: &str) -> String {
    let significant = |v: f64| -> String {
        let digits = if v.abs() >= 100.0 {
            1
        } else if v.abs() >= 10.0 {
            2
        } else {
            3
        };
        format!("{v:.digits$}")
    };
    match unit {
        "ns/op" => {
            let (scaled, suffix) = if value >= 1e9 {
                (value / 1e9, "s")
            } else if value >= 1e6 {
                (value / 1e6, "ms")
            } else if value >= 1e3 {
                (value / 1e3, "µs")
            } else {
                (value, "ns")
            };
            format!("{}{suffix}", significant(scaled))
        }
        "B/op" => {
            let (scaled, suffix) = if value >= (1u64 << 30) as f64 {
                (value / (1u64 << 30) as f64, " GiB")
            } else if value >= (1u64 << 20) as f64 {
                (value / (1u64 << 20) as f64, " MiB")
            } else if value >= 1024.0 {
                (value / 1024.0, " KiB")
            } else {
                return format!("{value:.0} B");
            };
            format!("{}{suffix}", significant(scaled))
        }
        _ => format_number(value),
    }
}

/// The output of `workshop compare`: a table per unit, benchstat-style.
pub fn compare(
    old: &std::path::Path,
    new: &std::path::Path,
    tables: &[crate::bench::compare::Table],
) -> String {
    let mut out = String::new();
    let old_label = old.file_name().map_or_else(
        || old.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let new_label = new.file_name().map_or_else(
        || new.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut thin = false;
    for table in tables {
        let side = |summary: Option<crate::bench::stats::Summary>| -> String {
            match summary {
                None => "—".to_owned(),
                Some(s) => match s.spread_percent() {
                    Some(spread) => {
                        format!("{} ± {spread:.0}%", bench_value(s.median, &table.unit))
                    }
                    None => format!("{} ± ∞", bench_value(s.median, &table.unit)),
                },
            }
        };
        let name_width = table
            .rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(0)
            .max(7);
        let _ = writeln!(
            out,
            "{}",
            style(format!(
                "{:<name_width$}  {:>18}  {:>18}  change",
                table.unit, old_label, new_label
            ))
            .bold()
        );
        for row in &table.rows {
            thin |= row.old.is_some_and(|s| s.interval.is_none())
                || row.new.is_some_and(|s| s.interval.is_none());
            let n = match (row.old, row.new) {
                (Some(a), Some(b)) if a.n == b.n => format!("n={}", a.n),
                (Some(a), Some(b)) => format!("n={}+{}", a.n, b.n),
                _ => String::new(),
            };
            let change = match (row.change_percent, row.p) {
                (Some(change), Some(p)) if row.significant => {
                    let text = format!("{change:+.2}% (p={p:.3} {n})");
                    if change < 0.0 {
                        style(text).green().to_string()
                    } else {
                        style(text).red().to_string()
                    }
                }
                (_, Some(p)) => format!("~ (p={p:.3} {n})"),
                _ => "—".to_owned(),
            };
            let _ = writeln!(
                out,
                "{:<name_width$}  {:>18}  {:>18}  {change}",
                row.name,
                side(row.old),
                side(row.new)
            );
        }
        if let Some(change) = table.geomean_change_percent {
            let _ = writeln!(
                out,
                "{:<name_width$}  {:>18}  {:>18}  {change:+.2}%",
                "geomean", "", ""
            );
        }
        let _ = writeln!(out);
    }
    if thin {
        let _ = writeln!(out, "{}", style("± ∞: fewer than 6 samples, too few for a 95% interval; run the benchmarks with -count 10").dim());
    }
    out
}

/// The output of `workshop next`.
pub fn next(exercise: &crate::manifest::Exercise) -> String {
    let mut out = format!(
        "{} {} {}
",
        style("next:").cyan().bold(),
        style(&exercise.id).bold(),
        style(format!("— {}", exercise.title)).dim()
    );
    if let Some(docs) = &exercise.docs {
        out.push_str(&format!(
            "read {}, then run `workshop check {}` or `workshop watch {}`\n",
            docs.display(),
            exercise.id,
            exercise.id
        ));
    } else {
        out.push_str(&format!(
            "run `workshop check {}`
",
            exercise.id
        ));
    }
    out
}

/// The output of `workshop next` when everything is done.
pub fn all_done(count: usize) -> String {
    format!(
        "{} all {count} exercises are done.
",
        pass()
    )
}

/// One line for `workshop list`.
pub struct ListEntry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub progress: crate::state::Progress,
    /// The exercise's page, relative to the workshop root.
    pub docs: Option<&'a Path>,
}

impl<'a> ListEntry<'a> {
    /// One entry per exercise of `workshop`, in curriculum order.
    pub fn all(
        workshop: &'a crate::manifest::Workshop,
        state: &crate::state::State,
    ) -> Vec<ListEntry<'a>> {
        workshop
            .exercises
            .iter()
            .map(|e| ListEntry {
                id: &e.id,
                title: &e.title,
                progress: state.progress(&e.id),
                docs: e.docs.as_deref(),
            })
            .collect()
    }
}

/// The output of `workshop list`: the exercises with their progress, then
/// where to read next.
pub fn list(title: &str, index: Option<&Path>, entries: &[ListEntry<'_>]) -> String {
    use crate::state::Progress;
    let mut out = String::new();
    let _ = writeln!(out, "{}", style(title).bold());
    let id_width = entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
    let title_width = entries
        .iter()
        .map(|e| e.title.chars().count())
        .max()
        .unwrap_or(0);
    let next = entries.iter().position(|e| e.progress != Progress::Done);
    for (i, entry) in entries.iter().enumerate() {
        let (symbol, label) = match entry.progress {
            Progress::Done => (pass(), style("done").green()),
            Progress::InProgress => (
                style("…").yellow().to_string(),
                style("in progress").yellow(),
            ),
            Progress::NotStarted => (style("·").dim().to_string(), style("not started").dim()),
        };
        let marker = if Some(i) == next {
            style("← next").cyan().to_string()
        } else {
            String::new()
        };
        let line = format!(
            "  {symbol} {:<id_width$}  {:<title_width$}  {label} {marker}",
            entry.id, entry.title
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let done = entries
        .iter()
        .filter(|e| e.progress == Progress::Done)
        .count();
    let _ = writeln!(out, "\n{done} of {} exercises done", entries.len());
    if let Some(entry) = next.map(|i| &entries[i]) {
        let read = entry
            .docs
            .map(|docs| format!("read {}, then ", docs.display()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {read}run `workshop check {}`",
            style("next:").cyan().bold(),
            entry.id
        );
    }
    if let Some(index) = index {
        let _ = writeln!(out, "the workshop text starts at {}", index.display());
    }
    out
}

/// A spinner on stderr for a long step, drawn only on a terminal.
pub fn spinner(message: &str, visible: bool) -> indicatif::ProgressBar {
    if !(visible && console::Term::stderr().is_term()) {
        return indicatif::ProgressBar::hidden();
    }
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.set_message(message.to_owned());
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
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

/// The output of `workshop doctor`.
pub fn doctor(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let symbol = match finding.health {
            Health::Ok => pass(),
            Health::Warn => style("!").yellow().bold().to_string(),
            Health::Fail => fail(),
        };
        let _ = writeln!(out, "{symbol} {:<15} {}", finding.what, finding.detail);
        if let Some(fix) = &finding.fix {
            let _ = writeln!(out, "  {:<15} {} {fix}", "", style("fix:").cyan());
        }
    }
    out
}

/// Which lists `workshop inspect` shows besides the summary.
pub struct InspectView {
    pub goroutines: bool,
    pub tasks: bool,
    pub regions: bool,
}

/// A span of trace time: `850ns`, `12.3µs`, `4.5ms`, `1.23s`.
pub fn nanos(ns: i64) -> String {
    let abs = ns.unsigned_abs() as f64;
    let sign = if ns < 0 { "-" } else { "" };
    if abs < 1e3 {
        format!("{ns}ns")
    } else if abs < 1e6 {
        format!("{sign}{:.1}µs", abs / 1e3)
    } else if abs < 1e9 {
        format!("{sign}{:.1}ms", abs / 1e6)
    } else {
        format!("{sign}{:.2}s", abs / 1e9)
    }
}

/// Bytes with a binary unit: `4.2 MiB`.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn site(frame: Option<&crate::trace::facts::FrameInfo>) -> String {
    match frame {
        Some(f) => {
            let file = f.file.rsplit('/').next().unwrap_or(&f.file);
            format!("{file}:{} ({})", f.line, f.function)
        }
        None => "an unknown place".to_owned(),
    }
}

/// Counts and durations of spans by name: `fetch ×3 (mean 1.2ms, max 1.3ms)`.
fn by_name<'a>(items: impl Iterator<Item = (&'a str, Option<i64>)>) -> String {
    let mut groups: BTreeMap<&str, (usize, i64, i64, usize)> = BTreeMap::new();
    for (name, duration) in items {
        let entry = groups.entry(name).or_default();
        entry.0 += 1;
        match duration {
            Some(d) => {
                entry.1 += d;
                entry.2 = entry.2.max(d);
            }
            None => entry.3 += 1,
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(name, (count, total, max, open))| {
            let name = if name.is_empty() { "(unnamed)" } else { name };
            let ended = count - open;
            let mut text = format!("{name} ×{count}");
            if ended > 0 {
                text.push_str(&format!(
                    " (mean {}, max {})",
                    nanos(total / ended as i64),
                    nanos(*max)
                ));
            }
            if *open > 0 {
                text.push_str(&format!(" [{open} not ended]"));
            }
            text
        })
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The output of `workshop inspect <trace>`.
pub fn trace_summary(
    path: &std::path::Path,
    facts: &crate::trace::facts::Facts,
    view: &InspectView,
) -> String {
    let mut out = String::new();
    let label = |name: &str| style(format!("{name:<13}")).bold().to_string();
    let _ = writeln!(
        out,
        "{}: Go execution trace, format {}, {} generation{}, {} events over {}",
        style(crate::paths::display(path)).bold(),
        facts.format,
        facts.generations,
        if facts.generations == 1 { "" } else { "s" },
        facts.events,
        nanos(facts.duration())
    );
    if let Some(error) = &facts.error {
        let _ = writeln!(
            out,
            "{} the trace is damaged; these facts cover what came before: {error}",
            style("warning:").yellow().bold()
        );
    }
    let created = facts
        .goroutines
        .iter()
        .filter(|g| g.created.is_some())
        .count();
    let ended = facts
        .goroutines
        .iter()
        .filter(|g| g.ended.is_some())
        .count();
    let alive = facts.alive_at_end().count();
    let _ = writeln!(
        out,
        "{}{} seen ({created} created, {ended} ended, {alive} alive at the end); at most {} live at once",
        label("goroutines"),
        facts.goroutines.len(),
        facts.max_live_goroutines
    );
    let pauses: Vec<i64> = facts
        .pauses
        .iter()
        .filter_map(|p| p.end.map(|e| e - p.begin))
        .collect();
    let _ = writeln!(
        out,
        "{}{} cycle{}; {} stop-the-world pause{} ({} in all, longest {})",
        label("GC"),
        facts.gc_cycles.len(),
        if facts.gc_cycles.len() == 1 { "" } else { "s" },
        facts.pauses.len(),
        if facts.pauses.len() == 1 { "" } else { "s" },
        nanos(pauses.iter().sum()),
        nanos(pauses.iter().copied().max().unwrap_or(0))
    );
    let _ = writeln!(
        out,
        "{}at most {} in use; GOMAXPROCS up to {}",
        label("heap"),
        bytes(facts.max_heap),
        facts.max_gomaxprocs
    );
    if facts.cpu_samples > 0 {
        let _ = writeln!(out, "{}{}", label("CPU samples"), facts.cpu_samples);
    }
    let _ = writeln!(
        out,
        "{}{}",
        label("tasks"),
        by_name(
            facts
                .tasks
                .iter()
                .map(|t| (&*t.name, t.end.map(|e| e - t.begin.unwrap_or(facts.start))))
        )
    );
    let regions: Vec<String> = facts
        .region_stats
        .iter()
        .map(|r| {
            let name = if r.name.is_empty() {
                "(unnamed)"
            } else {
                &*r.name
            };
            let mut text = format!("{name} ×{}", r.count);
            if r.ended > 0 {
                text.push_str(&format!(
                    " (mean {}, max {})",
                    nanos(r.total_ns / r.ended as i64),
                    nanos(r.max_ns)
                ));
            }
            let open = r.count - r.ended;
            if open > 0 {
                text.push_str(&format!(" [{open} not ended]"));
            }
            text
        })
        .collect();
    let _ = writeln!(
        out,
        "{}{}",
        label("regions"),
        if regions.is_empty() {
            "none".to_owned()
        } else {
            regions.join(", ")
        }
    );
    let mut logs: BTreeMap<&str, usize> = BTreeMap::new();
    for log in &facts.logs {
        *logs.entry(&*log.category).or_default() += 1;
    }
    let logs: Vec<String> = logs
        .iter()
        .map(|(c, n)| format!("{} ×{n}", if c.is_empty() { "(no category)" } else { c }))
        .collect();
    let _ = writeln!(
        out,
        "{}{}",
        label("logs"),
        if logs.is_empty() {
            "none".to_owned()
        } else {
            logs.join(", ")
        }
    );

    // Goroutines alive at the end, grouped by where they were created and where they wait.
    let mut groups: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for g in facts.alive_at_end() {
        let created = if g.created.is_some() {
            format!(
                "created at {}",
                site(
                    facts
                        .user_frame(&g.creation_stack)
                        .or(g.creation_stack.first())
                )
            )
        } else {
            "present before the trace".to_owned()
        };
        let state = match g.final_state {
            crate::trace::GoState::Waiting if !g.last_reason.is_empty() => {
                format!("waiting ({})", g.last_reason)
            }
            state => state.name().to_lowercase(),
        };
        let at = site(facts.user_frame(&g.last_stack).or(g.last_stack.first()));
        *groups.entry((created, state, at)).or_default() += 1;
    }
    if !groups.is_empty() {
        let mut groups: Vec<_> = groups.into_iter().collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let _ = writeln!(
            out,
            "\n{}",
            style(format!(
                "{alive} goroutine{} alive when the trace stopped:",
                if alive == 1 { "" } else { "s" }
            ))
            .bold()
        );
        for ((created, state, at), count) in groups {
            let _ = writeln!(out, "  {count:>4} × {created}, {state} at {at}");
        }
    }

    if view.goroutines {
        let _ = writeln!(out, "\n{}", style("goroutines").bold());
        let _ = writeln!(
            out,
            "  {:>7}  {:<10} {:>9} {:>9} {:>9} {:>9}  start function / created at",
            "id", "at end", "running", "runnable", "waiting", "syscall",
        );
        for g in &facts.goroutines {
            let end_state = if g.ended.is_some() {
                "ended".to_owned()
            } else {
                g.final_state.name().to_lowercase()
            };
            let created = if g.created.is_some() {
                site(
                    facts
                        .user_frame(&g.creation_stack)
                        .or(g.creation_stack.first()),
                )
            } else {
                "present before the trace".to_owned()
            };
            let _ = writeln!(
                out,
                "  {:>7}  {:<10} {:>9} {:>9} {:>9} {:>9}  {} / {created}",
                g.id,
                end_state,
                nanos(g.running_ns),
                nanos(g.runnable_ns),
                nanos(g.waiting_total()),
                nanos(g.syscall_ns),
                g.start_function.as_deref().unwrap_or("?"),
            );
        }
    }
    if view.tasks {
        let _ = writeln!(out, "\n{}", style("tasks").bold());
        for t in &facts.tasks {
            let duration = match (t.begin, t.end) {
                (_, None) => "not ended".to_owned(),
                (begin, Some(end)) => nanos(end - begin.unwrap_or(facts.start)),
            };
            let goroutines: Vec<String> = t.goroutines.iter().map(i64::to_string).collect();
            let parent = t
                .parent
                .map_or_else(|| "none".to_owned(), |p| p.to_string());
            let _ = writeln!(
                out,
                "  {:>5} {:<20} parent {parent:<5} {duration:>10}  goroutines [{}]  {} regions, {} logs",
                t.id,
                format!("{:?}", t.name),
                goroutines.join(" "),
                t.regions,
                t.logs
            );
        }
    }
    if view.regions {
        let total: u64 = facts.region_stats.iter().map(|r| r.count).sum();
        let shown = if (facts.regions.len() as u64) < total {
            format!(" (the first {} of {total})", facts.regions.len())
        } else {
            String::new()
        };
        let _ = writeln!(out, "\n{}{shown}", style("regions").bold());
        for r in &facts.regions {
            let begin = r.begin.map_or_else(
                || "before".to_owned(),
                |b| format!("+{}", nanos(b - facts.start)),
            );
            let duration = match (r.begin, r.end) {
                (_, None) => "not ended".to_owned(),
                (begin, Some(end)) => nanos(end - begin.unwrap_or(facts.start)),
            };
            let indent = "  ".repeat(r.depth);
            let _ = writeln!(
                out,
                "  {indent}{:<20} task {:<4} G{:<6} {begin:>10} {duration:>10}",
                format!("{:?}", r.name),
                r.task,
                r.goroutine
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use super::*;
    use crate::goals::Bound;
    use crate::gotool::GoInfo;
    use crate::gotool::dump::{Frame, StuckGroup};

    fn report(goals: Vec<Outcome>, failure: Option<Failure>, message: Option<&str>) -> CheckReport {
        console::set_colors_enabled(false);
        let status = if failure.is_none() && goals.iter().all(|g| g.status == Status::Pass) {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        };
        CheckReport {
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
            },
            steps: Vec::new(),
            elapsed: Duration::from_millis(1430),
            docs: Some(PathBuf::from("docs/exercises/heap-01-concat.md")),
        }
    }

    fn goal(id: &str, status: Status, measured: f64, bound: Bound, unit: &str) -> Outcome {
        Outcome {
            id: id.into(),
            kind: "bench-metric",
            status,
            subject: format!("BenchmarkBuildLine {unit}"),
            measured: Some(measured),
            bound: Some(bound),
            threshold: Some(bound.limit()),
            unit: Some(unit.into()),
            explanation: (status != Status::Pass).then(|| format!("{measured} {unit} is too many")),
            evidence: vec!["median of 3 runs: 1998, 1998, 1998".into()],
            hint: (status != Status::Pass).then(|| "try a strings.Builder".into()),
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

    #[test]
    fn check_that_hung() {
        let frame = |file: &str, line, function: &str| Frame {
            function: function.into(),
            file: file.into(),
            line,
        };
        let failure = Failure::Hang {
            step: "tests".into(),
            deadlock: false,
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
        };
        let report = report(
            Vec::new(),
            Some(failure),
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
                id: "cpu/01-regexp",
                title: "A regular expression in a hot loop",
                progress: Progress::Done,
                docs: Some(Path::new("docs/exercises/cpu-01-regexp.md")),
            },
            ListEntry {
                id: "heap/01-concat",
                title: "Building a string piece by piece",
                progress: Progress::InProgress,
                docs: Some(Path::new("docs/exercises/heap-01-concat.md")),
            },
            ListEntry {
                id: "trace/02-task",
                title: "One task per request",
                progress: Progress::NotStarted,
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
        let mut starter = crate::starter::Files::new();
        starter.insert(
            "a.go".into(),
            b"package a\n\nfunc F() int {\n\treturn 1\n}\n".to_vec(),
        );
        let mut mine = starter.clone();
        mine.insert(
            "a.go".into(),
            b"package a\n\nfunc F() int {\n\treturn 2\n}\n".to_vec(),
        );
        insta::assert_snapshot!(diff(&exercise, &starter, &mine, "yours"));
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
            go: crate::gotool::GoVersion::new(1, 25, 0),
            package: "heap/01-concat".into(),
            check_file: PathBuf::from("checks/heap/01-concat/check.yaml"),
            docs: None,
            tests: crate::manifest::TestSpec {
                run: ".".into(),
                timeout: Duration::from_secs(60),
            },
            runs: Vec::new(),
            goals: Vec::new(),
            hints: vec!["first".into(), "second".into()],
            solution: Vec::new(),
        }
    }

    #[test]
    fn hints_so_far() {
        console::set_colors_enabled(false);
        insta::assert_snapshot!(hints(&test_exercise(), 2, true));
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_millis(850)), "850ms");
        assert_eq!(duration(Duration::from_millis(4210)), "4.2s");
        assert_eq!(duration(Duration::from_secs(72)), "1m12s");
    }
}
