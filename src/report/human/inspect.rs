//! The summary of `workshop inspect <trace>`: goroutines, GC, heap, tasks,
//! regions and logs, the goroutines left alive grouped by where they were
//! created and wait, and on request every goroutine, task or region.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use console::style;

use crate::tr;

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
    super::sparkline::pictures(&mut out, facts, super::sparkline::columns());
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
    style(crate::display::pad(name, 13)).bold().to_string()
}

fn header(out: &mut String, path: &Path, facts: &Facts) {
    let _ = writeln!(
        out,
        "{}: {}",
        style(crate::display::path(path)).bold(),
        tr!(
            "inspect-trace-header",
            format = facts.format.to_string(),
            generations = facts.generations,
            events = facts.events.to_string(),
            time = nanos(facts.duration())
        )
    );
    if let Some(error) = &facts.error {
        let _ = writeln!(
            out,
            "{} {}",
            style(tr!("label-warning")).yellow().bold(),
            tr!("inspect-damaged", error = error.to_string())
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
        "{}{}",
        label(&tr!("inspect-goroutines")),
        tr!(
            "inspect-goroutines-seen",
            seen = facts.goroutines_seen.to_string(),
            created = created.to_string(),
            ended = ended.to_string(),
            alive = alive.to_string(),
            live = facts.max_live_goroutines.to_string()
        )
    );
    let pauses: Vec<i64> = facts
        .pauses
        .iter()
        .filter_map(|p| p.end.map(|e| e - p.begin))
        .collect();
    let _ = writeln!(
        out,
        "{}{}",
        label("GC"),
        tr!(
            "inspect-gc",
            cycles = facts.gc_cycles.len(),
            pauses = facts.pauses.len(),
            total = nanos(pauses.iter().sum()),
            longest = nanos(pauses.iter().copied().max().unwrap_or(0))
        )
    );
    let _ = writeln!(
        out,
        "{}{}",
        label(&tr!("inspect-heap")),
        tr!(
            "inspect-heap-line",
            heap = bytes(facts.max_heap),
            procs = facts.max_gomaxprocs.to_string()
        )
    );
    if facts.cpu_samples > 0 {
        let _ = writeln!(
            out,
            "{}{}",
            label(&tr!("inspect-cpu-samples")),
            facts.cpu_samples
        );
    }
    let _ = writeln!(out, "{}{}", label(&tr!("inspect-tasks")), task_spans(facts));
    let regions: Vec<String> = facts
        .region_stats
        .iter()
        .map(|r| span(&r.name, r.count, r.ended, r.total_ns, r.max_ns))
        .collect();
    let _ = writeln!(
        out,
        "{}{}",
        label(&tr!("inspect-regions")),
        listing(regions)
    );
    let mut logs: BTreeMap<&str, usize> = BTreeMap::new();
    for log in &facts.logs {
        *logs.entry(&*log.category).or_default() += 1;
    }
    let logs: Vec<String> = logs
        .iter()
        .map(|(c, n)| {
            let category = if c.is_empty() {
                tr!("inspect-no-category")
            } else {
                (*c).to_owned()
            };
            format!("{category} ×{n}")
        })
        .collect();
    let _ = writeln!(out, "{}{}", label(&tr!("inspect-logs")), listing(logs));
}

/// Items as a list in the reader's language, or `none`.
fn listing(items: Vec<String>) -> String {
    if items.is_empty() {
        tr!("inspect-none")
    } else {
        crate::i18n::list(&items)
    }
}

/// Spans of one name: `fetch ×3 (mean 1.2ms, max 1.3ms) [1 not ended]`.
fn span(name: &str, count: u64, ended: u64, total_ns: i64, max_ns: i64) -> String {
    let name = if name.is_empty() {
        tr!("inspect-unnamed")
    } else {
        name.to_owned()
    };
    let mut text = format!("{name} ×{count}");
    if ended > 0 {
        text.push_str(&tr!(
            "inspect-span-times",
            mean = nanos(total_ns / ended as i64),
            max = nanos(max_ns)
        ));
    }
    let open = count - ended;
    if open > 0 {
        text.push_str(&tr!("inspect-span-open", open = open.to_string()));
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
        tr!("inspect-present-before")
    }
}

/// Goroutines alive at the end, grouped by where they were created and where they wait.
fn alive(out: &mut String, facts: &Facts) {
    let groups = group(facts.alive_at_end(), |g| {
        let created = match g.created {
            Some(_) => tr!("inspect-created-at", place = creation(facts, g)),
            None => creation(facts, g),
        };
        let entry = facts.runtime_entry(&g.last_stack);
        let state = match (g.final_state, entry) {
            (GoState::Waiting, Some(entry)) if !g.last_reason.is_empty() => tr!(
                "inspect-waiting",
                why = format!("{}, {entry}", g.last_reason)
            ),
            (GoState::Waiting, _) if !g.last_reason.is_empty() => {
                tr!("inspect-waiting", why = &*g.last_reason)
            }
            (GoState::Waiting, Some(entry)) => tr!("inspect-waiting", why = entry),
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
        style(tr!("inspect-alive-heading", count = alive)).bold()
    );
    for ((created, state, at), count) in groups {
        let line = tr!(
            "inspect-alive-line",
            created = created,
            state = state,
            at = at
        );
        let _ = writeln!(out, "  {count:>4} × {line}");
    }
}

fn goroutines(out: &mut String, facts: &Facts) {
    let shown = if (facts.goroutines.len() as u64) < facts.goroutines_seen {
        tr!(
            "inspect-goroutines-shown",
            shown = facts.goroutines.len().to_string(),
            seen = facts.goroutines_seen.to_string()
        )
    } else {
        String::new()
    };
    let _ = writeln!(out, "\n{}{shown}", style(tr!("inspect-goroutines")).bold());
    let _ = writeln!(
        out,
        "  {:>7}  {} {:>9} {:>9} {:>9} {:>9}  {}",
        "id",
        crate::display::pad(&tr!("inspect-at-end"), 10),
        "running",
        "runnable",
        "waiting",
        "syscall",
        tr!("inspect-start-created"),
    );
    // In numeric order of their ids, as `go tool trace` lists them.
    let mut ordered: Vec<_> = facts.goroutines.iter().collect();
    ordered.sort_by_key(|g| g.id);
    for g in ordered {
        let end_state = if g.ended.is_some() {
            tr!("inspect-ended")
        } else {
            g.final_state.name().to_lowercase()
        };
        let _ = writeln!(
            out,
            "  {:>7}  {} {:>9} {:>9} {:>9} {:>9}  {} / {}",
            g.id,
            crate::display::pad(&end_state, 10),
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
        None => tr!("inspect-not-ended"),
        Some(end) => nanos(end - begin.unwrap_or(facts.start)),
    }
}

fn tasks(out: &mut String, facts: &Facts) {
    let _ = writeln!(out, "\n{}", style(tr!("inspect-tasks")).bold());
    for t in &facts.tasks {
        let mut goroutines: Vec<String> = t.goroutines.iter().map(i64::to_string).collect();
        if t.goroutine_count > t.goroutines.len() {
            goroutines.push(tr!("inspect-in-all", count = t.goroutine_count.to_string()));
        }
        let parent = t
            .parent
            .map_or_else(|| tr!("inspect-none"), |p| p.to_string());
        let _ = writeln!(
            out,
            "  {:>5} {:<20} {}",
            t.id,
            format!("{:?}", t.name),
            tr!(
                "inspect-task-line",
                parent = crate::display::pad(&parent, 5),
                time = crate::display::pad_left(&lasted(facts, t.begin, t.end), 10),
                goroutines = goroutines.join(" "),
                regions = t.regions.to_string(),
                logs = t.logs.to_string()
            )
        );
    }
}

fn regions(out: &mut String, facts: &Facts) {
    let total: u64 = facts.region_stats.iter().map(|r| r.count).sum();
    let shown = if (facts.regions.len() as u64) < total {
        tr!(
            "inspect-first-of",
            shown = facts.regions.len().to_string(),
            total = total.to_string()
        )
    } else {
        String::new()
    };
    let _ = writeln!(out, "\n{}{shown}", style(tr!("inspect-regions")).bold());
    for r in &facts.regions {
        let begin = r.begin.map_or_else(
            || tr!("inspect-before"),
            |b| format!("+{}", nanos(b - facts.start)),
        );
        let indent = "  ".repeat(r.depth);
        let _ = writeln!(
            out,
            "  {indent}{:<20} {} G{:<6} {} {}",
            format!("{:?}", r.name),
            tr!("inspect-task", id = format!("{:<4}", r.task)),
            r.goroutine,
            crate::display::pad_left(&begin, 10),
            crate::display::pad_left(&lasted(facts, r.begin, r.end), 10)
        );
    }
}
