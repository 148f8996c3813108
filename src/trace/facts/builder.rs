//! The one streaming pass that digests a trace's events into [`Facts`]: the
//! state of every live goroutine (folded into its group when it ends), open
//! regions and pauses, interned names and stacks, and the heap curve thinned to
//! a bounded number of points.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

mod annotations;

use annotations::OpenRegion;

use super::series::SeriesBuilder;
use super::{
    Detail, Facts, FrameInfo, GcCycle, GoState, Goroutine, GoroutineGroup, Log, Name, Pause,
    RECORD_LIMIT, Region, SpanStats, Stack, Task, Transition,
};
use crate::trace::event::RangeName;
use crate::trace::{Event, Kind, RangeScope, Resource};

const HEAP_POINTS: usize = 4096;

/// A group's key: its creation stack (interned, so by address) and start function.
type GroupKey = (usize, Option<Name>);

pub(super) struct Builder {
    format: String,
    detail: Detail,
    pub(super) generations: u64,
    start: Option<i64>,
    end: i64,
    /// Goroutines not yet ended.
    goroutines: FxHashMap<i64, Goroutine>,
    /// Ended goroutines kept one by one (see [`Detail::ended`]).
    ended: Vec<Goroutine>,
    seen: u64,
    groups: Vec<GoroutineGroup>,
    group_index: FxHashMap<GroupKey, usize>,
    live: usize,
    max_live: usize,
    max_live_at: i64,
    tasks: Vec<Task>,
    active_tasks: FxHashMap<u64, usize>,
    regions: Vec<Region>,
    region_stats: FxHashMap<Name, SpanStats>,
    open_regions: FxHashMap<i64, Vec<OpenRegion>>,
    logs: Vec<Log>,
    logs_total: u64,
    gc_cycles: Vec<GcCycle>,
    pauses: Vec<Pause>,
    open_pauses: FxHashMap<i64, usize>,
    open_assists: FxHashMap<i64, i64>,
    mark_assist_ns: i64,
    heap: Vec<(i64, u64)>,
    heap_stride: u64,
    heap_seen: u64,
    max_heap: u64,
    max_gomaxprocs: u64,
    cpu_samples: u64,
    /// Levels over time, in a bounded number of buckets.
    series: SeriesBuilder,
    /// Goroutines running now.
    running: FxHashSet<i64>,
    /// This generation's stacks by id.
    stacks: FxHashMap<u64, Stack>,
    stacks_of: usize,
    /// Every distinct stack of the trace, shared across generations.
    interned: FxHashSet<Stack>,
    empty: Stack,
    go_source: Option<String>,
    names: FxHashMap<Box<[u8]>, Name>,
    /// The empty name, and the reason of a wait that began before the trace.
    none: Name,
    before_trace: Name,
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl Builder {
    pub(super) fn new(format: String, detail: Detail) -> Self {
        Builder {
            format,
            detail,
            generations: 0,
            start: None,
            end: 0,
            goroutines: FxHashMap::default(),
            ended: Vec::new(),
            seen: 0,
            groups: Vec::new(),
            group_index: FxHashMap::default(),
            live: 0,
            max_live: 0,
            max_live_at: 0,
            tasks: Vec::new(),
            active_tasks: FxHashMap::default(),
            regions: Vec::new(),
            region_stats: FxHashMap::default(),
            open_regions: FxHashMap::default(),
            logs: Vec::new(),
            logs_total: 0,
            gc_cycles: Vec::new(),
            pauses: Vec::new(),
            open_pauses: FxHashMap::default(),
            open_assists: FxHashMap::default(),
            mark_assist_ns: 0,
            heap: Vec::new(),
            heap_stride: 1,
            heap_seen: 0,
            max_heap: 0,
            max_gomaxprocs: 0,
            cpu_samples: 0,
            series: SeriesBuilder::new(),
            running: FxHashSet::default(),
            stacks: FxHashMap::default(),
            stacks_of: 0,
            interned: FxHashSet::default(),
            empty: Rc::from(Vec::new()),
            go_source: None,
            names: FxHashMap::default(),
            none: Rc::from(""),
            before_trace: Rc::from("since before the trace"),
        }
    }

    /// The shared copy of a name.
    fn name(&mut self, bytes: &[u8]) -> Name {
        if let Some(name) = self.names.get(bytes) {
            return Rc::clone(name);
        }
        let name: Name = Rc::from(String::from_utf8_lossy(bytes).as_ref());
        self.names.insert(bytes.into(), Rc::clone(&name));
        name
    }

    /// A stack of the event's generation, resolved once per generation.
    fn stack(&mut self, event: &Event, id: u64) -> Stack {
        if id == 0 {
            return Rc::clone(&self.empty);
        }
        let tables = event.tables().map_or(0, |t| std::ptr::from_ref(t) as usize);
        if tables != self.stacks_of {
            self.stacks.clear();
            self.stacks_of = tables;
        }
        if let Some(stack) = self.stacks.get(&id) {
            return Rc::clone(stack);
        }
        let stack: Stack = event
            .frames(id)
            .iter()
            .map(|f| FrameInfo {
                function: text(f.func),
                file: text(f.file),
                line: f.line,
            })
            .collect();
        if self.go_source.is_none() {
            self.go_source = stack.iter().find_map(|f| {
                let at = f.file.find("/src/runtime/")?;
                (f.function.starts_with("runtime."))
                    .then(|| f.file[..at + "/src/".len()].to_owned())
            });
        }
        let stack = match self.interned.get(&stack) {
            Some(known) => Rc::clone(known),
            None => {
                self.interned.insert(Rc::clone(&stack));
                stack
            }
        };
        self.stacks.insert(id, Rc::clone(&stack));
        stack
    }

    fn goroutine(&mut self, id: i64, time: i64) -> &mut Goroutine {
        if !self.goroutines.contains_key(&id) {
            let none = Rc::clone(&self.none);
            self.seen += 1;
            self.goroutines.insert(
                id,
                Goroutine {
                    id,
                    seen: self.seen,
                    created: None,
                    creator: None,
                    creation_stack: Rc::clone(&self.empty),
                    start_function: None,
                    ended: None,
                    final_state: GoState::Undetermined,
                    last_reason: Rc::clone(&none),
                    last_stack: Rc::clone(&self.empty),
                    running_ns: 0,
                    runnable_ns: 0,
                    syscall_ns: 0,
                    waiting_ns: BTreeMap::new(),
                    transitions: Vec::new(),
                    tasks: BTreeSet::new(),
                    state: GoState::Undetermined,
                    since: time,
                    waiting_reason: none,
                },
            );
        }
        self.goroutines.get_mut(&id).expect("inserted above")
    }

    pub(super) fn add(&mut self, event: &Event) {
        if (event.kind() != Kind::Sync || event.tables().is_some()) && self.start.is_none() {
            self.start = Some(event.time);
            self.series.at(event.time);
        }
        self.end = event.time;
        match event.kind() {
            Kind::Sync => {
                if event.tables().is_some() {
                    self.generations += 1;
                }
            }
            Kind::StateTransition => {
                if let Some(Resource::Goroutine(id, from, to)) = event.transition() {
                    self.transition(event, id, from, to);
                }
            }
            Kind::Metric => match event.metric() {
                Some(("/memory/classes/heap/objects:bytes", bytes)) => {
                    self.heap_point(event.time, bytes)
                }
                Some(("/sched/gomaxprocs:threads", procs)) => {
                    self.max_gomaxprocs = self.max_gomaxprocs.max(procs)
                }
                _ => {}
            },
            Kind::RangeBegin | Kind::RangeActive | Kind::RangeEnd => self.range(event),
            Kind::TaskBegin | Kind::TaskEnd => self.task(event),
            Kind::RegionBegin | Kind::RegionEnd => self.region(event),
            Kind::Log => {
                if let Some((task, category, message)) = event.log() {
                    self.touch_task(task, event.ctx.g);
                    if let Some(&index) = self.active_tasks.get(&task) {
                        self.tasks[index].logs += 1;
                    }
                    let category = self.name(category);
                    self.logs_total += 1;
                    if self.logs.len() >= RECORD_LIMIT {
                        return;
                    }
                    self.logs.push(Log {
                        time: event.time,
                        task,
                        goroutine: event.ctx.g,
                        category,
                        message: text(message),
                    });
                }
            }
            Kind::StackSample => self.cpu_samples += 1,
            Kind::Label | Kind::Experimental => {}
        }
    }

    fn transition(&mut self, event: &Event, id: i64, from: GoState, to: GoState) {
        let time = event.time;
        let reason = match event.reason() {
            b"" => Rc::clone(&self.none),
            reason => self.name(reason),
        };
        let before_trace = Rc::clone(&self.before_trace);
        let creation = from == GoState::NotExist;
        let (own_stack, new_stack) = match event.transition_stack_id() {
            Some(t) if creation => (
                self.stack(event, event.stack_id()),
                Some(self.stack(event, t)),
            ),
            Some(t) => (self.stack(event, t), None),
            None => (Rc::clone(&self.empty), None),
        };
        let started = from == GoState::Undetermined || creation;
        // A goroutine is counted running once, whatever its first state said.
        if to == GoState::Running {
            if self.running.insert(id) {
                self.series.running(time, 1);
            }
        } else if self.running.remove(&id) {
            self.series.running(time, -1);
        }
        let g = self.goroutine(id, time);
        // Close the time spent in the state being left.
        let spent = time.saturating_sub(g.since);
        match g.state {
            GoState::Running => g.running_ns += spent,
            GoState::Runnable => g.runnable_ns += spent,
            GoState::Syscall => g.syscall_ns += spent,
            GoState::Waiting => *g.waiting_ns.entry(g.waiting_reason.clone()).or_default() += spent,
            GoState::Undetermined | GoState::NotExist => {}
        }
        g.state = to;
        g.since = time;
        g.final_state = to;
        match g
            .transitions
            .iter_mut()
            .find(|t| t.from == from && t.to == to && t.reason == reason)
        {
            Some(t) => t.count += 1,
            None => g.transitions.push(Transition {
                from,
                to,
                reason: Rc::clone(&reason),
                count: 1,
            }),
        }
        if creation {
            g.created = Some(time);
            g.creator = (event.ctx.g != -1).then_some(event.ctx.g);
            g.creation_stack = own_stack;
            g.start_function = new_stack.and_then(|s| s.first().map(|f| f.function.clone()));
        } else if from == GoState::Undetermined {
            // It existed before the trace: its stack (Go 1.23+) is where it waits;
            // the outermost frame is the function it was started with.
            if !own_stack.is_empty() {
                g.start_function = own_stack.last().map(|f| f.function.clone());
                g.last_stack = own_stack;
            }
        } else if !own_stack.is_empty() {
            g.last_stack = own_stack;
        }
        if to == GoState::Waiting {
            g.waiting_reason = if reason.is_empty() && from == GoState::Undetermined {
                before_trace
            } else {
                Rc::clone(&reason)
            };
            g.last_reason = g.waiting_reason.clone();
        }
        if matches!(to, GoState::Waiting | GoState::Runnable) && !reason.is_empty() {
            g.last_reason = reason;
        }
        if to == GoState::NotExist {
            g.ended = Some(time);
            self.live = self.live.saturating_sub(1);
            self.series.live(time, self.live);
            // Regions it left open stay counted as not ended.
            self.open_regions.remove(&id);
            if let Some(g) = self.goroutines.remove(&id) {
                self.fold(&g);
                if self.ended.len() < self.detail.ended {
                    self.ended.push(g);
                }
            }
        } else if started {
            self.live += 1;
            self.series.live(time, self.live);
            if self.live > self.max_live {
                self.max_live = self.live;
                self.max_live_at = time;
            }
        }
    }

    /// Adds a goroutine, ended or as it was when the trace stopped, to its group.
    fn fold(&mut self, g: &Goroutine) {
        let start_function: Option<Name> =
            g.start_function.as_deref().map(|f| self.name(f.as_bytes()));
        let key = (
            Rc::as_ptr(&g.creation_stack) as *const FrameInfo as usize,
            start_function.clone(),
        );
        let index = *self.group_index.entry(key).or_insert_with(|| {
            self.groups.push(GoroutineGroup {
                creation_stack: Rc::clone(&g.creation_stack),
                start_function,
                created: 0,
                present: 0,
                ended: 0,
                running_ns: 0,
                runnable_ns: 0,
                syscall_ns: 0,
                waiting_ns: BTreeMap::new(),
                lifetimes: Vec::new(),
            });
            self.groups.len() - 1
        });
        let group = &mut self.groups[index];
        match g.created {
            Some(created) => {
                group.created += 1;
                if self.detail.lifetimes {
                    group.lifetimes.push((created, g.ended.unwrap_or(self.end)));
                }
            }
            None => group.present += 1,
        }
        if g.ended.is_some() {
            group.ended += 1;
        }
        group.running_ns += g.running_ns;
        group.runnable_ns += g.runnable_ns;
        group.syscall_ns += g.syscall_ns;
        for (reason, ns) in &g.waiting_ns {
            *group.waiting_ns.entry(Rc::clone(reason)).or_default() += ns;
        }
    }

    fn heap_point(&mut self, time: i64, bytes: u64) {
        self.max_heap = self.max_heap.max(bytes);
        self.series.heap(time, bytes);
        self.heap_seen += 1;
        if !self.heap_seen.is_multiple_of(self.heap_stride) {
            return;
        }
        self.heap.push((time, bytes));
        if self.heap.len() >= HEAP_POINTS {
            // Keep every other point and sample half as often from now on.
            let kept: Vec<(i64, u64)> = self.heap.iter().copied().step_by(2).collect();
            self.heap = kept;
            self.heap_stride *= 2;
        }
    }

    fn range(&mut self, event: &Event) {
        let Some((name, scope)) = event.range_view() else {
            return;
        };
        const MARK: RangeName = RangeName::Fixed("GC concurrent mark phase");
        const ASSIST: RangeName = RangeName::Fixed("GC mark assist");
        match (event.kind(), name) {
            (Kind::RangeBegin, n) if n == MARK => {
                self.series.gc(event.time, true);
                self.gc_cycles.push(GcCycle {
                    begin: Some(event.time),
                    end: None,
                })
            }
            (Kind::RangeActive, n) if n == MARK => {
                self.series.gc(event.time, true);
                self.gc_cycles.push(GcCycle {
                    begin: None,
                    end: None,
                })
            }
            (Kind::RangeEnd, n) if n == MARK => match self.gc_cycles.last_mut() {
                Some(cycle) if cycle.end.is_none() => {
                    self.series.gc(event.time, false);
                    cycle.end = Some(event.time)
                }
                _ => {
                    self.series.gc(event.time, false);
                    self.gc_cycles.push(GcCycle {
                        begin: None,
                        end: Some(event.time),
                    })
                }
            },
            (Kind::RangeBegin, RangeName::StopTheWorld(kind)) => {
                let kind = String::from_utf8_lossy(kind)
                    .trim_end_matches(')')
                    .to_owned();
                self.open_pauses.insert(event.ctx.g, self.pauses.len());
                self.pauses.push(Pause {
                    kind,
                    begin: event.time,
                    end: None,
                });
            }
            (Kind::RangeEnd, RangeName::StopTheWorld(_)) => {
                if let Some(index) = self.open_pauses.remove(&event.ctx.g) {
                    self.pauses[index].end = Some(event.time);
                }
            }
            (Kind::RangeBegin | Kind::RangeActive, n) if n == ASSIST => {
                if let RangeScope::Goroutine(g) = scope {
                    self.open_assists.insert(g, event.time);
                }
            }
            (Kind::RangeEnd, n) if n == ASSIST => {
                if let Some(begin) = self.open_assists.remove(&event.ctx.g) {
                    self.mark_assist_ns += event.time - begin;
                }
            }
            _ => {}
        }
    }

    pub(super) fn finish(mut self, events: u64) -> Facts {
        let end = self.end;
        let series = std::mem::replace(&mut self.series, SeriesBuilder::new()).finish(end);
        let mut alive: Vec<Goroutine> =
            std::mem::take(&mut self.goroutines).into_values().collect();
        alive.sort_by_key(|g| g.seen);
        for g in &mut alive {
            let spent = end.saturating_sub(g.since);
            match g.state {
                GoState::Running => g.running_ns += spent,
                GoState::Runnable => g.runnable_ns += spent,
                GoState::Syscall => g.syscall_ns += spent,
                GoState::Waiting => {
                    *g.waiting_ns.entry(g.waiting_reason.clone()).or_default() += spent
                }
                GoState::Undetermined | GoState::NotExist => {}
            }
        }
        for g in &alive {
            self.fold(g);
        }
        let mut goroutines = std::mem::take(&mut self.ended);
        goroutines.append(&mut alive);
        goroutines.sort_by_key(|g| g.seen);
        for &index in self.active_tasks.values() {
            let task = &mut self.tasks[index];
            task.goroutine_count = task.goroutines.len();
        }
        let mut groups = std::mem::take(&mut self.groups);
        // The largest first; groups of one size in the order they were first seen.
        groups.sort_by_key(|g| std::cmp::Reverse(g.count()));
        Facts {
            format: self.format,
            events,
            generations: self.generations,
            start: self.start.unwrap_or(0),
            end,
            goroutines,
            goroutine_groups: groups,
            goroutines_seen: self.seen,
            max_live_goroutines: self.max_live,
            max_live_at: self.max_live_at,
            tasks: self.tasks,
            regions: self.regions,
            region_stats: {
                let mut stats: Vec<SpanStats> = self.region_stats.into_values().collect();
                stats.sort_by(|a, b| a.name.cmp(&b.name));
                stats
            },
            logs: self.logs,
            logs_total: self.logs_total,
            gc_cycles: self.gc_cycles,
            pauses: self.pauses,
            heap: self.heap,
            series,
            max_heap: self.max_heap,
            // Assists still going when the trace stopped count up to its end.
            mark_assist_ns: self.mark_assist_ns
                + self
                    .open_assists
                    .values()
                    .map(|begin| end.saturating_sub(*begin))
                    .sum::<i64>(),
            max_gomaxprocs: self.max_gomaxprocs,
            cpu_samples: self.cpu_samples,
            go_source: self.go_source,
            error: None,
        }
    }
}
