//! The summary of `workshop inspect <trace>`: goroutines, GC, heap, tasks,
//! regions and logs, the goroutines left alive grouped by where they were
//! created and wait, and on request every goroutine, task or region.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use console::style;

use crate::trace::GoState;
use crate::trace::facts::{Facts, Goroutine, Naming, group, site};
use crate::units::{bytes, nanos};

/// Which lists `workshop inspect` shows besides the summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct InspectView {
    pub goroutines: bool,
    pub tasks: bool,
    pub regions: bool,
}

/// The output of `workshop inspect <trace>`.
pub fn trace_summary(path: &Path, facts: &Facts, view: &InspectView) -> String {
    let mut out = String::new();
    header(&mut out, path, facts);
    summary(&mut out, facts);
    alive(&mut out, facts);
    if view.goroutines {
        goroutines(&mut out, facts);
    }
    if view.tasks {
        tasks(&mut out, facts);
    }
    if view.regions {
        regions(&mut out, facts);
    }
    out
}

/// A summary line's label, padded so the values line up.
fn label(name: &str) -> String {
    style(format!("{name:<13}")).bold().to_string()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn header(out: &mut String, path: &Path, facts: &Facts) {
    let _ = writeln!(
        out,
        "{}: Go execution trace, format {}, {} generation{}, {} events over {}",
        style(crate::display::path(path)).bold(),
        facts.format,
        facts.generations,
        plural(facts.generations as usize),
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
}

fn summary(out: &mut String, facts: &Facts) {
    let groups = &facts.goroutine_groups;
    let created: u64 = groups.iter().map(|g| g.created).sum();
    let ended: u64 = groups.iter().map(|g| g.ended).sum();
    let alive = facts.alive_at_end().count();
    let _ = writeln!(
        out,
        "{}{} seen ({created} created, {ended} ended, {alive} alive at the end); at most {} live at once",
        label("goroutines"),
        facts.goroutines_seen,
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
        plural(facts.gc_cycles.len()),
        facts.pauses.len(),
        plural(facts.pauses.len()),
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
    let _ = writeln!(out, "{}{}", label("tasks"), task_spans(facts));
    let regions: Vec<String> = facts
        .region_stats
        .iter()
        .map(|r| span(&r.name, r.count, r.ended, r.total_ns, r.max_ns))
        .collect();
    let _ = writeln!(out, "{}{}", label("regions"), listing(regions));
    let mut logs: BTreeMap<&str, usize> = BTreeMap::new();
    for log in &facts.logs {
        *logs.entry(&*log.category).or_default() += 1;
    }
    let logs: Vec<String> = logs
        .iter()
        .map(|(c, n)| format!("{} ×{n}", if c.is_empty() { "(no category)" } else { c }))
        .collect();
    let _ = writeln!(out, "{}{}", label("logs"), listing(logs));
}

/// Items joined by commas, or `none`.
fn listing(items: Vec<String>) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

/// Spans of one name: `fetch ×3 (mean 1.2ms, max 1.3ms) [1 not ended]`.
fn span(name: &str, count: u64, ended: u64, total_ns: i64, max_ns: i64) -> String {
    let name = if name.is_empty() { "(unnamed)" } else { name };
    let mut text = format!("{name} ×{count}");
    if ended > 0 {
        text.push_str(&format!(
            " (mean {}, max {})",
            nanos(total_ns / ended as i64),
            nanos(max_ns)
        ));
    }
    let open = count - ended;
    if open > 0 {
        text.push_str(&format!(" [{open} not ended]"));
    }
    text
}

/// Tasks by name, with their durations.
fn task_spans(facts: &Facts) -> String {
    // count, ended, total, max
    let mut names: BTreeMap<&str, (u64, u64, i64, i64)> = BTreeMap::new();
    for task in &facts.tasks {
        let entry = names.entry(&task.name).or_default();
        entry.0 += 1;
        if let Some(end) = task.end {
            let duration = end - task.begin.unwrap_or(facts.start);
            entry.1 += 1;
            entry.2 += duration;
            entry.3 = entry.3.max(duration);
        }
    }
    listing(
        names
            .iter()
            .map(|(name, (count, ended, total, max))| span(name, *count, *ended, *total, *max))
            .collect(),
    )
}

/// Where a goroutine was created, as the summary shows it.
fn creation(facts: &Facts, goroutine: &Goroutine) -> String {
    if goroutine.created.is_some() {
        site(
            facts.creation_place(&goroutine.creation_stack),
            Naming::Full,
        )
    } else {
        "present before the trace".to_owned()
    }
}

/// Goroutines alive at the end, grouped by where they were created and where they wait.
fn alive(out: &mut String, facts: &Facts) {
    let groups = group(facts.alive_at_end(), |g| {
        let created = match g.created {
            Some(_) => format!("created at {}", creation(facts, g)),
            None => creation(facts, g),
        };
        let entry = facts.runtime_entry(&g.last_stack);
        let state = match (g.final_state, entry) {
            (GoState::Waiting, Some(entry)) if !g.last_reason.is_empty() => {
                format!("waiting ({}, {entry})", g.last_reason)
            }
            (GoState::Waiting, _) if !g.last_reason.is_empty() => {
                format!("waiting ({})", g.last_reason)
            }
            (GoState::Waiting, Some(entry)) => format!("waiting ({entry})"),
            (state, _) => state.name().to_lowercase(),
        };
        (
            created,
            state,
            site(facts.place(&g.last_stack), Naming::Full),
        )
    });
    if groups.is_empty() {
        return;
    }
    let alive = facts.alive_at_end().count();
    let _ = writeln!(
        out,
        "\n{}",
        style(format!(
            "{alive} goroutine{} alive when the trace stopped:",
            plural(alive)
        ))
        .bold()
    );
    for ((created, state, at), count) in groups {
        let _ = writeln!(out, "  {count:>4} × {created}, {state} at {at}");
    }
}

fn goroutines(out: &mut String, facts: &Facts) {
    let shown = if (facts.goroutines.len() as u64) < facts.goroutines_seen {
        format!(
            " ({} of {}: every one alive at the end and the first to end)",
            facts.goroutines.len(),
            facts.goroutines_seen
        )
    } else {
        String::new()
    };
    let _ = writeln!(out, "\n{}{shown}", style("goroutines").bold());
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
        let _ = writeln!(
            out,
            "  {:>7}  {:<10} {:>9} {:>9} {:>9} {:>9}  {} / {}",
            g.id,
            end_state,
            nanos(g.running_ns),
            nanos(g.runnable_ns),
            nanos(g.waiting_total()),
            nanos(g.syscall_ns),
            g.start_function.as_deref().unwrap_or("?"),
            creation(facts, g),
        );
    }
}

/// `12.3ms`, or `not ended`.
fn lasted(facts: &Facts, begin: Option<i64>, end: Option<i64>) -> String {
    match end {
        None => "not ended".to_owned(),
        Some(end) => nanos(end - begin.unwrap_or(facts.start)),
    }
}

fn tasks(out: &mut String, facts: &Facts) {
    let _ = writeln!(out, "\n{}", style("tasks").bold());
    for t in &facts.tasks {
        let mut goroutines: Vec<String> = t.goroutines.iter().map(i64::to_string).collect();
        if t.goroutine_count > t.goroutines.len() {
            goroutines.push(format!("… ({} in all)", t.goroutine_count));
        }
        let parent = t
            .parent
            .map_or_else(|| "none".to_owned(), |p| p.to_string());
        let _ = writeln!(
            out,
            "  {:>5} {:<20} parent {parent:<5} {:>10}  goroutines [{}]  {} regions, {} logs",
            t.id,
            format!("{:?}", t.name),
            lasted(facts, t.begin, t.end),
            goroutines.join(" "),
            t.regions,
            t.logs
        );
    }
}

fn regions(out: &mut String, facts: &Facts) {
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
        let indent = "  ".repeat(r.depth);
        let _ = writeln!(
            out,
            "  {indent}{:<20} task {:<4} G{:<6} {begin:>10} {:>10}",
            format!("{:?}", r.name),
            r.task,
            r.goroutine,
            lasted(facts, r.begin, r.end)
        );
    }
}
