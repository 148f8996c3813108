//! Putting the events of all threads into one order consistent with what the
//! runtime did. Each thread's events are in order already; across threads, an
//! event may only happen once what it depends on has happened: a goroutine starts
//! after it became runnable (sequence numbers say which start follows which
//! unblock), a proc starts after it stopped, a GC cycle ends after it began. The
//! ordering keeps the state of every goroutine, proc and thread to decide whether
//! an event can happen now, and validates the trace while doing so.

use std::collections::VecDeque;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::event::{Ctx, Event, GoState, NO_TASK, ProcState, go_state, proc_state};
use super::generation::Tables;
use super::spec::{self, EventType, Version, go_status, proc_status};
use crate::tr;

/// A timed event as decoded from a batch: its type, time (ns) and arguments
/// without the time delta.
#[derive(Debug, Clone, Copy)]
pub struct RawEvent {
    pub typ: EventType,
    pub time: i64,
    pub args: [u64; 4],
}

/// A per-generation sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seq {
    generation: u64,
    n: u64,
}

impl Seq {
    fn new(generation: u64, n: u64) -> Seq {
        Seq { generation, n }
    }

    fn follows(self, previous: Seq) -> bool {
        self.generation == previous.generation && self.n == previous.n.wrapping_add(1)
    }
}

/// A time range bound to a goroutine or proc (STW, mark assist, sweep): the type
/// of its beginning and, for STW, the string naming its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Range {
    typ: EventType,
    desc: u64,
    name: Option<Rc<[u8]>>,
}

#[derive(Debug, Default)]
struct Ranges(Vec<Range>);

impl Ranges {
    fn has(&self, typ: EventType, desc: u64) -> bool {
        self.0.iter().any(|r| r.typ == typ && r.desc == desc)
    }

    fn begin(&mut self, range: Range) -> Result<(), String> {
        if self.has(range.typ, range.desc) {
            return Err(tr!(
                "trace-order-range-begins-twice",
                range = spec::name(range.typ)
            ));
        }
        self.0.push(range);
        Ok(())
    }

    fn active(&mut self, range: Range, first_generation: bool) -> Result<(), String> {
        let present = self.has(range.typ, range.desc);
        if first_generation {
            if present {
                return Err(tr!(
                    "trace-order-range-active-twice",
                    range = spec::name(range.typ)
                ));
            }
            self.0.push(range);
        } else if !present {
            return Err(tr!(
                "trace-order-range-never-began",
                range = spec::name(range.typ)
            ));
        }
        Ok(())
    }

    /// Ends the first range of the end event's start type.
    fn end(&mut self, end: EventType) -> Result<Range, String> {
        let start = spec::spec(end).and_then(|s| s.start).unwrap_or(end);
        let index = self.0.iter().position(|r| r.typ == start).ok_or_else(|| {
            tr!(
                "trace-order-range-end-alone",
                end = spec::name(end),
                begin = spec::name(start)
            )
        })?;
        Ok(self.0.swap_remove(index))
    }
}

/// The start type of a range event (the event itself for beginnings).
fn range_start(typ: EventType) -> EventType {
    spec::spec(typ).and_then(|s| s.start).unwrap_or(typ)
}

#[derive(Debug)]
struct GState {
    status: u64,
    seq: Seq,
    /// Open user regions, innermost last: (task, name).
    regions: Vec<(u64, Rc<[u8]>)>,
    ranges: Ranges,
}

#[derive(Debug)]
struct PState {
    status: u64,
    seq: Seq,
    ranges: Ranges,
}

#[derive(Debug, Clone, Copy)]
struct MState {
    g: i64,
    p: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gc {
    Undetermined,
    NotRunning,
    Running,
}

/// What the scheduling context of an event must hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    No,
    Maybe,
    Yes,
}

/// What an event needs in its context: a thread (m), a proc (p), a goroutine (g).
struct Reqs {
    m: Need,
    p: Need,
    g: Need,
}

impl Reqs {
    const fn new(m: Need, p: Need, g: Need) -> Reqs {
        Reqs { m, p, g }
    }
}

/// User code runs with a thread, a proc and a goroutine.
const USER: Reqs = Reqs::new(Need::Yes, Need::Yes, Need::Yes);

/// What holds an event in its context.
#[derive(Clone, Copy)]
enum Holder {
    Thread,
    Proc,
    Goroutine,
}

fn check(ctx: Ctx, reqs: Reqs) -> Result<(), String> {
    let rule = |need: Need, present: bool, holder: Holder| match (need, present) {
        (Need::Yes, false) => Err(missing(holder)),
        (Need::No, true) => Err(unexpected(holder)),
        _ => Ok(()),
    };
    rule(reqs.m, ctx.m != -1, Holder::Thread)?;
    rule(reqs.p, ctx.p != -1, Holder::Proc)?;
    rule(reqs.g, ctx.g != -1, Holder::Goroutine)
}

/// An event needs `holder` in its context, which has none.
#[cold]
fn missing(holder: Holder) -> String {
    match holder {
        Holder::Thread => tr!("trace-order-no-thread"),
        Holder::Proc => tr!("trace-order-no-proc"),
        Holder::Goroutine => tr!("trace-order-no-goroutine"),
    }
}

/// An event needs no `holder` in its context, which has one.
#[cold]
fn unexpected(holder: Holder) -> String {
    match holder {
        Holder::Thread => tr!("trace-order-unexpected-thread"),
        Holder::Proc => tr!("trace-order-unexpected-proc"),
        Holder::Goroutine => tr!("trace-order-unexpected-goroutine"),
    }
}

/// The outcome of trying one event.
pub enum Step {
    /// The event happened; its events are queued.
    Advanced,
    /// It cannot happen yet; another thread's event must come first.
    Wait,
}

/// The scheduler state that orders events.
pub struct Ordering {
    version: Version,
    first_generation: u64,
    g: FxHashMap<i64, GState>,
    p: FxHashMap<i64, PState>,
    m: FxHashMap<i64, MState>,
    tasks: FxHashMap<u64, (Rc<[u8]>, u64)>,
    gc_seq: u64,
    gc: Gc,
    /// The first of the events waiting to be returned, then the others in order.
    next: Option<Event>,
    queue: VecDeque<Event>,
}

impl Ordering {
    pub fn new(version: Version) -> Self {
        Ordering {
            version,
            first_generation: 0,
            g: FxHashMap::default(),
            p: FxHashMap::default(),
            m: FxHashMap::default(),
            tasks: FxHashMap::default(),
            gc_seq: 0,
            gc: Gc::Undetermined,
            next: None,
            queue: VecDeque::new(),
        }
    }

    /// The next ordered event, if any is ready.
    pub fn pop(&mut self) -> Option<Event> {
        if let Some(event) = self.next.take() {
            return Some(event);
        }
        let event = self.queue.pop_front();
        if self.queue.is_empty() {
            // Start over at the front: a queue that grew in a burst is then not
            // walked round, one cache line after another, by every later event.
            self.queue.clear();
        }
        event
    }

    /// Goroutines, procs and threads the ordering knows, for error messages.
    pub fn describe(&self) -> String {
        let mut g: Vec<_> = self
            .g
            .iter()
            .map(|(id, s)| format!("G{id}={}", s.status))
            .collect();
        g.sort();
        let mut p: Vec<_> = self
            .p
            .iter()
            .map(|(id, s)| format!("P{id}={}", s.status))
            .collect();
        p.sort();
        tr!(
            "trace-order-statuses",
            goroutines = g.join(" "),
            procs = p.join(" ")
        )
    }

    fn push(&mut self, ev: &RawEvent, ctx: Ctx, tables: &Rc<Tables>) {
        self.emit(Event::new(ev.typ, ev.time, ctx, ev.args, tables));
    }

    /// Queues an event: in the slot when nothing waits (the usual single event
    /// of an advance), behind the others otherwise.
    fn emit(&mut self, event: Event) {
        if self.next.is_none() && self.queue.is_empty() {
            self.next = Some(event);
        } else {
            self.queue.push_back(event);
        }
    }

    /// Tries to let `ev`, the next event of thread `m`, happen now.
    pub fn advance(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        m: i64,
        generation: u64,
    ) -> Result<Step, String> {
        if self.first_generation == 0 {
            self.first_generation = generation;
        }
        let mut ctx = Ctx { g: -1, p: -1, m };
        if m != -1 {
            let state = self.m.entry(m).or_insert(MState { g: -1, p: -1 });
            ctx.g = state.g;
            ctx.p = state.p;
        }
        let first = generation == self.first_generation;
        let next = match ev.typ {
            spec::EV_PROCS_CHANGE | spec::EV_GO_LABEL | spec::EV_USER_LOG => {
                check(ctx, USER)?;
                self.push(ev, ctx, tables);
                Some(ctx)
            }
            spec::EV_PROC_STATUS => self.proc_status(ev, tables, ctx, generation, first)?,
            spec::EV_PROC_START => self.proc_start(ev, tables, ctx, generation)?,
            spec::EV_PROC_STOP => self.proc_stop(ev, tables, ctx)?,
            spec::EV_PROC_STEAL => self.proc_steal(ev, tables, ctx, generation)?,
            spec::EV_GO_CREATE | spec::EV_GO_CREATE_BLOCKED => {
                self.go_create(ev, tables, ctx, generation)?
            }
            spec::EV_GO_CREATE_SYSCALL => self.go_create_syscall(ev, tables, ctx, generation)?,
            spec::EV_GO_START => self.go_start(ev, tables, ctx, generation)?,
            spec::EV_GO_DESTROY | spec::EV_GO_STOP | spec::EV_GO_BLOCK => {
                self.go_stop(ev, tables, ctx)?
            }
            spec::EV_GO_DESTROY_SYSCALL => self.go_destroy_syscall(ev, tables, ctx)?,
            spec::EV_GO_UNBLOCK => self.go_unblock(ev, tables, ctx, generation)?,
            spec::EV_GO_SWITCH | spec::EV_GO_SWITCH_DESTROY => {
                self.go_switch(ev, tables, ctx, generation)?
            }
            spec::EV_GO_SYSCALL_BEGIN => self.syscall_begin(ev, tables, ctx, generation)?,
            spec::EV_GO_SYSCALL_END => self.syscall_end(ev, tables, ctx)?,
            spec::EV_GO_SYSCALL_END_BLOCKED => self.syscall_end_blocked(ev, tables, ctx)?,
            spec::EV_GO_STATUS | spec::EV_GO_STATUS_STACK => {
                self.go_status(ev, tables, ctx, generation, first)?
            }
            spec::EV_STW_BEGIN | spec::EV_GC_MARK_ASSIST_BEGIN => {
                self.go_range_begin(ev, tables, ctx)?
            }
            spec::EV_STW_END | spec::EV_GC_MARK_ASSIST_END => self.go_range_end(ev, tables, ctx)?,
            spec::EV_GC_MARK_ASSIST_ACTIVE => self.go_range_active(ev, tables, ctx, first)?,
            spec::EV_GC_ACTIVE => self.gc_active(ev, tables, ctx, first)?,
            spec::EV_GC_BEGIN => self.gc_begin(ev, tables, ctx)?,
            spec::EV_GC_END => self.gc_end(ev, tables, ctx)?,
            spec::EV_GC_SWEEP_BEGIN => self.sweep_begin(ev, tables, ctx)?,
            spec::EV_GC_SWEEP_ACTIVE => self.sweep_active(ev, tables, ctx, first)?,
            spec::EV_GC_SWEEP_END => self.sweep_end(ev, tables, ctx)?,
            spec::EV_HEAP_ALLOC | spec::EV_HEAP_GOAL => {
                check(ctx, Reqs::new(Need::Yes, Need::Yes, Need::Maybe))?;
                self.push(ev, ctx, tables);
                Some(ctx)
            }
            spec::EV_USER_TASK_BEGIN => self.task_begin(ev, tables, ctx)?,
            spec::EV_USER_TASK_END => self.task_end(ev, tables, ctx)?,
            spec::EV_USER_REGION_BEGIN | spec::EV_USER_REGION_END => {
                self.region(ev, tables, ctx)?
            }
            spec::EV_SPAN..=spec::EV_GOROUTINE_STACK_FREE => {
                check(ctx, Reqs::new(Need::Yes, Need::Maybe, Need::Maybe))?;
                self.push(ev, ctx, tables);
                Some(ctx)
            }
            other => {
                return Err(tr!(
                    "trace-order-not-a-thread-event",
                    event = spec::name(other)
                ));
            }
        };
        match next {
            None => Ok(Step::Wait),
            Some(next) => {
                if m != -1
                    && let Some(state) = self.m.get_mut(&m)
                {
                    state.g = next.g;
                    state.p = next.p;
                }
                Ok(Step::Advanced)
            }
        }
    }

    fn proc_status(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        mut ctx: Ctx,
        generation: u64,
        first: bool,
    ) -> Result<Option<Ctx>, String> {
        let pid = ev.args[0] as i64;
        let wire = ev.args[1];
        // What the event shows as the new status; the binding below follows `wire`.
        let mut status = wire;
        if status >= proc_status::COUNT {
            return Err(tr!(
                "trace-order-proc-invalid-status",
                proc = pid.to_string(),
                status = status.to_string()
            ));
        }
        let mut old = proc_state(status);
        match self.p.get_mut(&pid) {
            Some(state) => {
                if status == proc_status::SYSCALL_ABANDONED && state.status == proc_status::SYSCALL
                {
                    // Still in the syscall we saw: nothing was lost.
                    old = ProcState::Running;
                    status = proc_status::SYSCALL;
                } else if status == proc_status::SYSCALL_ABANDONED
                    && state.status == proc_status::SYSCALL_ABANDONED
                {
                    old = ProcState::Idle;
                } else if state.status != status {
                    return Err(tr!(
                        "trace-order-proc-status-differs",
                        proc = pid.to_string(),
                        status = status.to_string(),
                        was = state.status.to_string()
                    ));
                }
                state.seq = Seq::new(generation, 0);
            }
            None => {
                self.p.insert(
                    pid,
                    PState {
                        status,
                        seq: Seq::new(generation, 0),
                        ranges: Ranges::default(),
                    },
                );
                old = if first {
                    ProcState::Undetermined
                } else {
                    ProcState::NotExist
                };
            }
        }
        let mut next = ctx;
        if wire == proc_status::RUNNING || wire == proc_status::SYSCALL {
            next.p = pid;
        }
        if wire == proc_status::SYSCALL_ABANDONED && old == ProcState::Running {
            // The proc is about to be stolen; show the event on the thread it is bound to.
            let bound = self
                .m
                .iter()
                .filter(|(_, m)| m.p == pid)
                .map(|(id, m)| (*id, *m))
                .max_by_key(|(id, _)| *id);
            let Some((mid, state)) = bound else {
                return Err(tr!("trace-order-proc-unheld", proc = pid.to_string()));
            };
            ctx = Ctx {
                m: mid,
                p: pid,
                g: state.g,
            };
        }
        let mut event = Event::new(ev.typ, ev.time, ctx, ev.args, tables);
        event.args[1] = status;
        event.aux = old as u64;
        self.emit(event);
        Ok(Some(next))
    }

    fn proc_start(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        let pid = ev.args[0] as i64;
        let seq = Seq::new(generation, ev.args[1]);
        match self.p.get_mut(&pid) {
            Some(state)
                if state.status == proc_status::IDLE && seq.follows(state.seq) && ctx.p == -1 =>
            {
                check(ctx, Reqs::new(Need::Yes, Need::No, Need::Maybe))?;
                state.status = proc_status::RUNNING;
                state.seq = seq;
            }
            _ => return Ok(None),
        }
        self.push(ev, ctx, tables);
        Ok(Some(Ctx { p: pid, ..ctx }))
    }

    fn proc_stop(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        let state = self.p.get_mut(&ctx.p).ok_or_else(|| {
            tr!(
                "trace-order-proc-missing",
                event = spec::name(ev.typ),
                proc = ctx.p.to_string()
            )
        })?;
        if state.status != proc_status::RUNNING && state.status != proc_status::SYSCALL {
            return Err(tr!(
                "trace-order-proc-not-running",
                event = spec::name(ev.typ),
                proc = ctx.p.to_string()
            ));
        }
        check(ctx, Reqs::new(Need::Yes, Need::Yes, Need::Maybe))?;
        state.status = proc_status::IDLE;
        self.push(ev, ctx, tables);
        Ok(Some(Ctx { p: -1, ..ctx }))
    }

    fn proc_steal(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        let pid = ev.args[0] as i64;
        let seq = Seq::new(generation, ev.args[1]);
        let old = match self.p.get_mut(&pid) {
            Some(state)
                if (state.status == proc_status::SYSCALL
                    || state.status == proc_status::SYSCALL_ABANDONED)
                    && seq.follows(state.seq) =>
            {
                check(ctx, Reqs::new(Need::Yes, Need::Maybe, Need::Maybe))?;
                let old = state.status;
                state.status = proc_status::IDLE;
                state.seq = seq;
                old
            }
            _ => return Ok(None),
        };
        let mut event = Event::new(ev.typ, ev.time, ctx, ev.args, tables);
        event.aux = old;
        if old == proc_status::SYSCALL_ABANDONED {
            // The thread it was taken from is unknown: leave all threads as they are.
            self.emit(event);
            return Ok(Some(ctx));
        }
        let victim = ev.args[2] as i64;
        if victim == ctx.m {
            if ctx.p != pid {
                return Err(tr!(
                    "trace-order-steal-from-itself",
                    thread = victim.to_string(),
                    proc = pid.to_string(),
                    held = ctx.p.to_string()
                ));
            }
            self.emit(event);
            return Ok(Some(Ctx { p: -1, ..ctx }));
        }
        let state = self.m.get_mut(&victim).ok_or_else(|| {
            tr!(
                "trace-order-steal-from-unknown",
                proc = pid.to_string(),
                thread = victim.to_string()
            )
        })?;
        if state.p != pid {
            return Err(tr!(
                "trace-order-steal-from-other",
                proc = pid.to_string(),
                thread = victim.to_string(),
                held = state.p.to_string()
            ));
        }
        state.p = -1;
        self.emit(event);
        Ok(Some(ctx))
    }

    fn go_status(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        mut ctx: Ctx,
        generation: u64,
        first: bool,
    ) -> Result<Option<Ctx>, String> {
        let gid = ev.args[0] as i64;
        let mid = ev.args[1] as i64;
        let status = ev.args[2];
        if status >= go_status::COUNT {
            return Err(tr!(
                "trace-order-goroutine-invalid-status",
                goroutine = gid.to_string(),
                status = status.to_string()
            ));
        }
        let mut old = go_state(status);
        match self.g.get_mut(&gid) {
            Some(state) => {
                if state.status != status {
                    return Err(tr!(
                        "trace-order-goroutine-status-differs",
                        goroutine = gid.to_string(),
                        status = status.to_string(),
                        was = state.status.to_string()
                    ));
                }
                state.seq = Seq::new(generation, 0);
            }
            None if first => {
                self.g.insert(
                    gid,
                    GState {
                        status,
                        seq: Seq::new(generation, 0),
                        regions: Vec::new(),
                        ranges: Ranges::default(),
                    },
                );
                old = GoState::Undetermined;
            }
            None => {
                return Err(tr!(
                    "trace-order-goroutine-status-late",
                    goroutine = gid.to_string()
                ));
            }
        }
        let mut next = ctx;
        match status {
            go_status::RUNNING => next.g = gid,
            go_status::SYSCALL => {
                if mid == -1 {
                    return Err(tr!(
                        "trace-order-syscall-without-thread",
                        goroutine = gid.to_string()
                    ));
                }
                if mid == ctx.m {
                    if !first && ctx.g != gid {
                        return Err(tr!(
                            "trace-order-syscall-thread-busy",
                            goroutine = gid.to_string(),
                            thread = mid.to_string(),
                            running = ctx.g.to_string()
                        ));
                    }
                    next.g = gid;
                } else {
                    match self.m.get(&mid) {
                        Some(state) => {
                            if state.g != gid {
                                return Err(tr!(
                                    "trace-order-syscall-thread-busy",
                                    goroutine = gid.to_string(),
                                    thread = mid.to_string(),
                                    running = state.g.to_string()
                                ));
                            }
                            ctx.g = state.g;
                        }
                        None => {
                            self.m.insert(mid, MState { g: gid, p: -1 });
                        }
                    }
                    ctx.m = mid;
                }
            }
            _ => {}
        }
        let mut event = Event::new(ev.typ, ev.time, ctx, ev.args, tables);
        event.aux = old as u64;
        self.emit(event);
        Ok(Some(next))
    }

    fn running(&self, ctx: Ctx, typ: EventType) -> Result<(), String> {
        check(ctx, USER)?;
        match self.g.get(&ctx.g) {
            None => Err(tr!(
                "trace-order-goroutine-missing",
                event = spec::name(typ),
                goroutine = ctx.g.to_string()
            )),
            Some(state) if state.status != go_status::RUNNING => Err(tr!(
                "trace-order-goroutine-not-running",
                event = spec::name(typ),
                goroutine = ctx.g.to_string()
            )),
            Some(_) => Ok(()),
        }
    }

    fn go_create(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, Reqs::new(Need::Yes, Need::Yes, Need::Maybe))?;
        if let Some(state) = self.g.get(&ctx.g)
            && state.status != go_status::RUNNING
        {
            return Err(tr!(
                "trace-order-creator-not-running",
                event = spec::name(ev.typ),
                goroutine = ctx.g.to_string()
            ));
        }
        let new = ev.args[0] as i64;
        if self.g.contains_key(&new) {
            return Err(tr!(
                "trace-order-goroutine-exists",
                goroutine = new.to_string()
            ));
        }
        let status = if ev.typ == spec::EV_GO_CREATE_BLOCKED {
            go_status::WAITING
        } else {
            go_status::RUNNABLE
        };
        self.g.insert(
            new,
            GState {
                status,
                seq: Seq::new(generation, 0),
                regions: Vec::new(),
                ranges: Ranges::default(),
            },
        );
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn go_create_syscall(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, Reqs::new(Need::Yes, Need::Maybe, Need::No))?;
        let new = ev.args[0] as i64;
        if self.g.contains_key(&new) {
            return Err(tr!(
                "trace-order-goroutine-exists-syscall",
                goroutine = new.to_string()
            ));
        }
        self.g.insert(
            new,
            GState {
                status: go_status::SYSCALL,
                seq: Seq::new(generation, 0),
                regions: Vec::new(),
                ranges: Ranges::default(),
            },
        );
        self.push(ev, ctx, tables);
        Ok(Some(Ctx { g: new, ..ctx }))
    }

    fn go_stop(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        self.running(ctx, ev.typ)?;
        match ev.typ {
            spec::EV_GO_DESTROY => {
                self.g.remove(&ctx.g);
            }
            typ => {
                if let Some(state) = self.g.get_mut(&ctx.g) {
                    state.status = if typ == spec::EV_GO_STOP {
                        go_status::RUNNABLE
                    } else {
                        go_status::WAITING
                    };
                }
            }
        }
        self.push(ev, ctx, tables);
        Ok(Some(Ctx { g: -1, ..ctx }))
    }

    fn go_start(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        let gid = ev.args[0] as i64;
        let seq = Seq::new(generation, ev.args[1]);
        match self.g.get_mut(&gid) {
            Some(state) if state.status == go_status::RUNNABLE && seq.follows(state.seq) => {
                check(ctx, Reqs::new(Need::Yes, Need::Yes, Need::No))?;
                state.status = go_status::RUNNING;
                state.seq = seq;
            }
            _ => return Ok(None),
        }
        self.push(ev, ctx, tables);
        Ok(Some(Ctx { g: gid, ..ctx }))
    }

    fn go_unblock(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        let gid = ev.args[0] as i64;
        let seq = Seq::new(generation, ev.args[1]);
        match self.g.get_mut(&gid) {
            Some(state) if state.status == go_status::WAITING && seq.follows(state.seq) => {
                state.status = go_status::RUNNABLE;
                state.seq = seq;
            }
            _ => return Ok(None),
        }
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn go_switch(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        self.running(ctx, ev.typ)?;
        let next = ev.args[0] as i64;
        let seq = Seq::new(generation, ev.args[1]);
        match self.g.get(&next) {
            Some(state) if state.status == go_status::WAITING && seq.follows(state.seq) => {}
            _ => return Ok(None),
        }
        self.push(ev, ctx, tables);
        // A switch is three events: the next goroutine is unblocked (the switch
        // itself), the current one blocks or ends, and the next one starts.
        if ev.typ == spec::EV_GO_SWITCH {
            if let Some(state) = self.g.get_mut(&ctx.g) {
                state.status = go_status::WAITING;
            }
            self.emit(Event::new(spec::EV_GO_BLOCK, ev.time, ctx, [0; 4], tables));
        } else {
            self.g.remove(&ctx.g);
            self.emit(Event::new(
                spec::EV_GO_DESTROY,
                ev.time,
                ctx,
                [0; 4],
                tables,
            ));
        }
        if let Some(state) = self.g.get_mut(&next) {
            state.status = go_status::RUNNING;
            state.seq = seq;
        }
        let start = Ctx { g: -1, ..ctx };
        self.emit(Event::new(
            spec::EV_GO_START,
            ev.time,
            start,
            [ev.args[0], ev.args[1], 0, 0],
            tables,
        ));
        Ok(Some(Ctx { g: next, ..ctx }))
    }

    fn syscall_begin(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        generation: u64,
    ) -> Result<Option<Ctx>, String> {
        self.running(ctx, ev.typ)?;
        if let Some(state) = self.g.get_mut(&ctx.g) {
            state.status = go_status::SYSCALL;
        }
        let state = self
            .p
            .get_mut(&ctx.p)
            .ok_or_else(|| proc_never_seen(ev.typ, ctx.p))?;
        state.status = proc_status::SYSCALL;
        let seq = Seq::new(generation, ev.args[0]);
        if !seq.follows(state.seq) {
            return Err(tr!(
                "trace-order-proc-sequence",
                event = spec::name(ev.typ),
                proc = ctx.p.to_string(),
                seq = seq.n.to_string(),
                previous = state.seq.n.to_string()
            ));
        }
        state.seq = seq;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn syscall_end(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, USER)?;
        match self.g.get_mut(&ctx.g) {
            None => return Err(goroutine_missing(ev.typ, ctx.g)),
            Some(state) if state.status != go_status::SYSCALL => {
                return Err(goroutine_not_in_syscall(ev.typ, ctx.g));
            }
            Some(state) => state.status = go_status::RUNNING,
        }
        let state = self
            .p
            .get_mut(&ctx.p)
            .ok_or_else(|| proc_never_seen(ev.typ, ctx.p))?;
        if state.status != proc_status::SYSCALL {
            return Err(proc_not_in_syscall(ev.typ, ctx.p));
        }
        state.status = proc_status::RUNNING;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn syscall_end_blocked(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        // It can only happen once the proc left the syscall (stopped or stolen).
        if ctx.p != -1 {
            let state = self
                .p
                .get(&ctx.p)
                .ok_or_else(|| proc_never_seen(ev.typ, ctx.p))?;
            if state.status == proc_status::SYSCALL {
                return Ok(None);
            }
        }
        check(ctx, Reqs::new(Need::Yes, Need::Maybe, Need::Yes))?;
        match self.g.get_mut(&ctx.g) {
            None => return Err(goroutine_missing(ev.typ, ctx.g)),
            Some(state) if state.status != go_status::SYSCALL => {
                return Err(goroutine_not_in_syscall(ev.typ, ctx.g));
            }
            Some(state) => state.status = go_status::RUNNABLE,
        }
        self.push(ev, ctx, tables);
        Ok(Some(Ctx { g: -1, ..ctx }))
    }

    fn go_destroy_syscall(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, Reqs::new(Need::Yes, Need::Maybe, Need::Yes))?;
        match self.g.get(&ctx.g) {
            None => return Err(goroutine_missing(ev.typ, ctx.g)),
            Some(state) if state.status != go_status::SYSCALL => {
                return Err(goroutine_not_in_syscall(ev.typ, ctx.g));
            }
            Some(_) => {}
        }
        self.g.remove(&ctx.g);
        let mut next = Ctx { g: -1, ..ctx };
        if ctx.p != -1 {
            // The thread leaves its proc behind: as if it stole the proc from itself.
            let state = self
                .p
                .get_mut(&ctx.p)
                .ok_or_else(|| proc_never_seen(ev.typ, ctx.p))?;
            if state.status != proc_status::SYSCALL {
                return Err(proc_not_in_syscall(ev.typ, ctx.p));
            }
            state.status = proc_status::SYSCALL_ABANDONED;
            next.p = -1;
            let mut steal = Event::new(
                spec::EV_PROC_STEAL,
                ev.time,
                ctx,
                [ctx.p as u64, 0, 0, 0],
                tables,
            );
            steal.aux = proc_status::SYSCALL;
            self.emit(steal);
        }
        self.push(ev, ctx, tables);
        Ok(Some(next))
    }

    fn task_begin(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        let id = ev.args[0];
        if self.tasks.contains_key(&id) {
            return Err(tr!("trace-order-task-twice", task = id.to_string()));
        }
        // Parent 0 is "no parent" (the background task applies to regions only).
        let parent = if ev.args[1] == 0 { NO_TASK } else { ev.args[1] };
        let name = tables.string(ev.args[2]).ok_or_else(|| {
            tr!(
                "trace-order-task-name",
                task = id.to_string(),
                string = ev.args[2].to_string()
            )
        })?;
        self.tasks.insert(id, (Rc::from(name), parent));
        check(ctx, USER)?;
        let mut event = Event::new(ev.typ, ev.time, ctx, ev.args, tables);
        event.args[1] = parent;
        self.emit(event);
        Ok(Some(ctx))
    }

    fn task_end(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        let mut event = Event::new(ev.typ, ev.time, ctx, ev.args, tables);
        match self.tasks.remove(&ev.args[0]) {
            Some((name, parent)) => {
                event.aux = parent;
                event.name = Some(name);
            }
            None => event.aux = NO_TASK,
        }
        check(ctx, USER)?;
        self.emit(event);
        Ok(Some(ctx))
    }

    fn region(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, USER)?;
        let task = ev.args[0];
        let name = tables
            .string(ev.args[1])
            .ok_or_else(|| tr!("trace-order-region-name", string = ev.args[1].to_string()))?;
        let state = self.g.get_mut(&ctx.g).ok_or_else(|| {
            tr!(
                "trace-order-region-goroutine",
                goroutine = ctx.g.to_string()
            )
        })?;
        if ev.typ == spec::EV_USER_REGION_BEGIN {
            state.regions.push((task, Rc::from(name)));
        } else if let Some((open_task, open_name)) = state.regions.last() {
            if *open_task != task || **open_name != *name {
                return Err(tr!(
                    "trace-order-region-mismatch",
                    region = format!("{:?}", String::from_utf8_lossy(name)),
                    task = task.to_string(),
                    goroutine = ctx.g.to_string(),
                    open = format!("{:?}", String::from_utf8_lossy(open_name)),
                    open_task = open_task.to_string()
                ));
            }
            state.regions.pop();
        }
        // An end with no open region began before the trace: nothing to check.
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn gc_active(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        first: bool,
    ) -> Result<Option<Ctx>, String> {
        let seq = ev.args[0];
        if first {
            if self.gc != Gc::Undetermined {
                return Err(tr!("trace-order-gc-active-late"));
            }
            self.gc_seq = seq;
            self.gc = Gc::Running;
            self.push(ev, ctx, tables);
            return Ok(Some(ctx));
        }
        if seq != self.gc_seq.wrapping_add(1) {
            return Ok(None);
        }
        if self.gc != Gc::Running {
            return Err(tr!("trace-order-gc-active-idle"));
        }
        self.gc_seq = seq;
        check(ctx, USER)?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn gc_begin(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        let seq = ev.args[0];
        if self.gc == Gc::Undetermined {
            self.gc_seq = seq;
            self.gc = Gc::Running;
            self.push(ev, ctx, tables);
            return Ok(Some(ctx));
        }
        if seq != self.gc_seq.wrapping_add(1) {
            return Ok(None);
        }
        if self.gc == Gc::Running {
            return Err(tr!("trace-order-gc-begin-twice"));
        }
        self.gc_seq = seq;
        self.gc = Gc::Running;
        check(ctx, USER)?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn gc_end(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        let seq = ev.args[0];
        if seq != self.gc_seq.wrapping_add(1) {
            return Ok(None);
        }
        match self.gc {
            Gc::NotRunning => return Err(tr!("trace-order-gc-end-idle")),
            Gc::Undetermined => return Err(tr!("trace-order-gc-end-unknown")),
            Gc::Running => {}
        }
        self.gc_seq = seq;
        self.gc = Gc::NotRunning;
        check(ctx, USER)?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn sweep_begin(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, Reqs::new(Need::Yes, Need::Yes, Need::Maybe))?;
        let state = self
            .p
            .get_mut(&ctx.p)
            .ok_or_else(|| proc_never_seen(ev.typ, ctx.p))?;
        state.ranges.begin(Range {
            typ: range_start(ev.typ),
            desc: 0,
            name: None,
        })?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn sweep_active(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        first: bool,
    ) -> Result<Option<Ctx>, String> {
        let pid = ev.args[0] as i64;
        let state = self.p.get_mut(&pid).ok_or_else(|| {
            tr!(
                "trace-order-proc-for-never-seen",
                event = spec::name(ev.typ),
                proc = pid.to_string()
            )
        })?;
        state.ranges.active(
            Range {
                typ: range_start(ev.typ),
                desc: 0,
                name: None,
            },
            first,
        )?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn sweep_end(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, Reqs::new(Need::Yes, Need::Yes, Need::Maybe))?;
        let state = self
            .p
            .get_mut(&ctx.p)
            .ok_or_else(|| proc_never_seen(ev.typ, ctx.p))?;
        state.ranges.end(ev.typ)?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn go_range_begin(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, USER)?;
        let (desc, name) = if ev.typ == spec::EV_STW_BEGIN {
            (ev.args[0], tables.string(ev.args[0]).map(Rc::from))
        } else {
            (0, None)
        };
        let state = self
            .g
            .get_mut(&ctx.g)
            .ok_or_else(|| goroutine_never_seen(ev.typ, ctx.g))?;
        state.ranges.begin(Range {
            typ: range_start(ev.typ),
            desc,
            name,
        })?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn go_range_active(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
        first: bool,
    ) -> Result<Option<Ctx>, String> {
        let gid = ev.args[0] as i64;
        let state = self.g.get_mut(&gid).ok_or_else(|| {
            tr!(
                "trace-order-goroutine-for-never-seen",
                event = spec::name(ev.typ),
                goroutine = gid.to_string()
            )
        })?;
        state.ranges.active(
            Range {
                typ: range_start(ev.typ),
                desc: 0,
                name: None,
            },
            first,
        )?;
        self.push(ev, ctx, tables);
        Ok(Some(ctx))
    }

    fn go_range_end(
        &mut self,
        ev: &RawEvent,
        tables: &Rc<Tables>,
        ctx: Ctx,
    ) -> Result<Option<Ctx>, String> {
        check(ctx, USER)?;
        let state = self
            .g
            .get_mut(&ctx.g)
            .ok_or_else(|| goroutine_never_seen(ev.typ, ctx.g))?;
        let range = state.ranges.end(ev.typ)?;
        let mut event = Event::new(ev.typ, ev.time, ctx, ev.args, tables);
        if ev.typ == spec::EV_STW_END {
            event.name = Some(range.name.unwrap_or_else(|| Rc::from(&b""[..])));
        }
        self.emit(event);
        Ok(Some(ctx))
    }

    /// The version of the trace being ordered.
    pub fn version(&self) -> Version {
        self.version
    }
}

// The errors several events share, built only when an event is wrong.

#[cold]
fn goroutine_missing(typ: EventType, g: i64) -> String {
    tr!(
        "trace-order-goroutine-missing",
        event = spec::name(typ),
        goroutine = g.to_string()
    )
}

#[cold]
fn goroutine_not_in_syscall(typ: EventType, g: i64) -> String {
    tr!(
        "trace-order-goroutine-not-in-syscall",
        event = spec::name(typ),
        goroutine = g.to_string()
    )
}

#[cold]
fn goroutine_never_seen(typ: EventType, g: i64) -> String {
    tr!(
        "trace-order-goroutine-never-seen",
        event = spec::name(typ),
        goroutine = g.to_string()
    )
}

#[cold]
fn proc_never_seen(typ: EventType, p: i64) -> String {
    tr!(
        "trace-order-proc-never-seen",
        event = spec::name(typ),
        proc = p.to_string()
    )
}

#[cold]
fn proc_not_in_syscall(typ: EventType, p: i64) -> String {
    tr!(
        "trace-order-proc-not-in-syscall",
        event = spec::name(typ),
        proc = p.to_string()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn a_missing_proc_reads_in_each_language() {
        let ctx = Ctx { g: -1, p: -1, m: 1 };
        let said = |lang| with_lang(lang, || check(ctx, USER)).unwrap_err();
        assert_eq!(said(Lang::En), "expected a proc but there was none");
        assert_eq!(said(Lang::Ja), "proc があるはずですが、ありません");
    }
}
