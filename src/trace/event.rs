//! Events as the reader hands them out, in order, with their strings and stacks
//! resolved on demand from their generation's tables.

use std::rc::Rc;

use super::generation::Tables;
use super::spec::{self, EventType, go_status, proc_status};

/// No task: the parent of a top-level task.
pub const NO_TASK: u64 = u64::MAX;

/// The thread, proc and goroutine an event happened on; -1 when there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Ctx {
    pub g: i64,
    pub p: i64,
    pub m: i64,
}

/// The state of a goroutine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum GoState {
    Undetermined = 0,
    NotExist = 1,
    Runnable = 2,
    Running = 3,
    Waiting = 4,
    Syscall = 5,
}

impl GoState {
    fn from_index(index: u64) -> GoState {
        match index {
            1 => GoState::NotExist,
            2 => GoState::Runnable,
            3 => GoState::Running,
            4 => GoState::Waiting,
            5 => GoState::Syscall,
            _ => GoState::Undetermined,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            GoState::Undetermined => "Undetermined",
            GoState::NotExist => "NotExist",
            GoState::Runnable => "Runnable",
            GoState::Running => "Running",
            GoState::Waiting => "Waiting",
            GoState::Syscall => "Syscall",
        }
    }
}

/// The state of a proc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProcState {
    Undetermined = 0,
    NotExist = 1,
    Running = 2,
    Idle = 3,
}

impl ProcState {
    fn from_index(index: u64) -> ProcState {
        match index {
            1 => ProcState::NotExist,
            2 => ProcState::Running,
            3 => ProcState::Idle,
            _ => ProcState::Undetermined,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ProcState::Undetermined => "Undetermined",
            ProcState::NotExist => "NotExist",
            ProcState::Running => "Running",
            ProcState::Idle => "Idle",
        }
    }
}

/// What kind of thing an event says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A generation boundary (and the trace's start and end).
    Sync,
    Metric,
    Label,
    StackSample,
    RangeBegin,
    RangeActive,
    RangeEnd,
    TaskBegin,
    TaskEnd,
    RegionBegin,
    RegionEnd,
    Log,
    StateTransition,
    Experimental,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Sync => "Sync",
            Kind::Metric => "Metric",
            Kind::Label => "Label",
            Kind::StackSample => "StackSample",
            Kind::RangeBegin => "RangeBegin",
            Kind::RangeActive => "RangeActive",
            Kind::RangeEnd => "RangeEnd",
            Kind::TaskBegin => "TaskBegin",
            Kind::TaskEnd => "TaskEnd",
            Kind::RegionBegin => "RegionBegin",
            Kind::RegionEnd => "RegionEnd",
            Kind::Log => "Log",
            Kind::StateTransition => "StateTransition",
            Kind::Experimental => "Experimental",
        }
    }
}

/// An experimental event's name, experiment and named arguments.
pub type ExperimentalView<'a> = (
    &'static str,
    &'static str,
    Vec<(&'static str, ExperimentalArg<'a>)>,
);

/// What a state transition is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Goroutine(i64, GoState, GoState),
    Proc(i64, ProcState, ProcState),
}

/// One event of the trace.
#[derive(Debug, Clone)]
pub struct Event {
    pub(crate) typ: EventType,
    /// Nanoseconds, on the trace's clock.
    pub time: i64,
    pub ctx: Ctx,
    pub(crate) args: [u64; 4],
    /// Per type: the state before a status event, the status a proc was stolen
    /// from, the parent of an ending task; the number of a Sync.
    pub(crate) aux: u64,
    /// Per type: the name of an ending task, the kind of an ending STW.
    pub(crate) name: Option<Rc<[u8]>>,
    pub(crate) tables: Option<Rc<Tables>>,
}

impl Event {
    pub(crate) fn new(
        typ: EventType,
        time: i64,
        ctx: Ctx,
        args: [u64; 4],
        tables: &Rc<Tables>,
    ) -> Event {
        Event {
            typ,
            time,
            ctx,
            args,
            aux: 0,
            name: None,
            tables: Some(Rc::clone(tables)),
        }
    }

    pub(crate) fn sync(time: i64, n: u64, tables: Option<Rc<Tables>>) -> Event {
        Event {
            typ: spec::EV_READER_SYNC,
            time,
            ctx: Ctx {
                g: -1,
                p: -1,
                m: -1,
            },
            args: [0; 4],
            aux: n,
            name: None,
            tables,
        }
    }

    /// The wire event type (or the reader's own Sync marker).
    pub fn event_type(&self) -> EventType {
        self.typ
    }

    pub fn kind(&self) -> Kind {
        match self.typ {
            spec::EV_READER_SYNC => Kind::Sync,
            spec::EV_CPU_SAMPLE => Kind::StackSample,
            spec::EV_PROCS_CHANGE | spec::EV_HEAP_ALLOC | spec::EV_HEAP_GOAL => Kind::Metric,
            spec::EV_GO_LABEL => Kind::Label,
            spec::EV_STW_BEGIN
            | spec::EV_GC_BEGIN
            | spec::EV_GC_SWEEP_BEGIN
            | spec::EV_GC_MARK_ASSIST_BEGIN => Kind::RangeBegin,
            spec::EV_GC_ACTIVE | spec::EV_GC_SWEEP_ACTIVE | spec::EV_GC_MARK_ASSIST_ACTIVE => {
                Kind::RangeActive
            }
            spec::EV_STW_END
            | spec::EV_GC_END
            | spec::EV_GC_SWEEP_END
            | spec::EV_GC_MARK_ASSIST_END => Kind::RangeEnd,
            spec::EV_USER_TASK_BEGIN => Kind::TaskBegin,
            spec::EV_USER_TASK_END => Kind::TaskEnd,
            spec::EV_USER_REGION_BEGIN => Kind::RegionBegin,
            spec::EV_USER_REGION_END => Kind::RegionEnd,
            spec::EV_USER_LOG => Kind::Log,
            spec::EV_SPAN..=spec::EV_GOROUTINE_STACK_FREE => Kind::Experimental,
            _ => Kind::StateTransition,
        }
    }

    pub(crate) fn tables(&self) -> Option<&Tables> {
        self.tables.as_deref()
    }

    fn string(&self, id: u64) -> &[u8] {
        self.tables().and_then(|t| t.string(id)).unwrap_or_default()
    }

    /// The id of the event's own stack (0 for none).
    pub fn stack_id(&self) -> u64 {
        if self.typ == spec::EV_CPU_SAMPLE {
            return self.args[0];
        }
        spec::spec(self.typ)
            .and_then(|s| s.stacks.first())
            .map_or(0, |&position| self.args[position - 1])
    }

    /// The event's own stack: where it happened, innermost first.
    pub fn stack(&self) -> Vec<Frame<'_>> {
        self.frames(self.stack_id())
    }

    /// The frames of a stack of this event's generation.
    pub fn frames(&self, id: u64) -> Vec<Frame<'_>> {
        let Some(tables) = self.tables() else {
            return Vec::new();
        };
        let pcs = tables.stack(id).unwrap_or_default();
        pcs.iter()
            .map(|pc| match tables.frames.get(pc) {
                Some(f) => Frame {
                    pc: *pc,
                    func: tables.string(f.func).unwrap_or_default(),
                    file: tables.string(f.file).unwrap_or_default(),
                    line: f.line,
                },
                None => Frame {
                    pc: *pc,
                    func: &[],
                    file: &[],
                    line: 0,
                },
            })
            .collect()
    }

    /// For a Sync: its number (1 at the trace's start).
    pub fn sync_number(&self) -> Option<u64> {
        (self.typ == spec::EV_READER_SYNC).then_some(self.aux)
    }

    /// For a Sync that starts a generation: its clock snapshot (Go 1.25+).
    pub fn clock_snapshot(&self) -> Option<super::generation::ClockSnapshot> {
        if self.typ != spec::EV_READER_SYNC {
            return None;
        }
        self.tables().and_then(|t| t.clock)
    }

    /// For a Metric: its name and value.
    pub fn metric(&self) -> Option<(&'static str, u64)> {
        let name = match self.typ {
            spec::EV_PROCS_CHANGE => "/sched/gomaxprocs:threads",
            spec::EV_HEAP_ALLOC => "/memory/classes/heap/objects:bytes",
            spec::EV_HEAP_GOAL => "/gc/heap/goal:bytes",
            _ => return None,
        };
        Some((name, self.args[0]))
    }

    /// For a Label: the label, which applies to the event's goroutine.
    pub fn label(&self) -> Option<&[u8]> {
        (self.typ == spec::EV_GO_LABEL).then(|| self.string(self.args[0]))
    }

    /// For a range event: its name and what it is bound to.
    pub fn range(&self) -> Option<(String, RangeScope)> {
        let (name, scope) = self.range_view()?;
        let name = match name {
            RangeName::Fixed(name) => name.to_owned(),
            RangeName::StopTheWorld(kind) => {
                format!("stop-the-world ({})", String::from_utf8_lossy(kind))
            }
        };
        Some((name, scope))
    }

    /// A range event's name and scope, without building the name.
    pub(crate) fn range_view(&self) -> Option<(RangeName<'_>, RangeScope)> {
        let fixed = RangeName::Fixed;
        Some(match self.typ {
            spec::EV_STW_BEGIN => (
                RangeName::StopTheWorld(self.string(self.args[0])),
                RangeScope::Goroutine(self.ctx.g),
            ),
            spec::EV_STW_END => (
                RangeName::StopTheWorld(self.name.as_deref().unwrap_or_default()),
                RangeScope::Goroutine(self.ctx.g),
            ),
            spec::EV_GC_BEGIN | spec::EV_GC_ACTIVE | spec::EV_GC_END => {
                (fixed("GC concurrent mark phase"), RangeScope::None)
            }
            spec::EV_GC_SWEEP_ACTIVE => (
                fixed("GC incremental sweep"),
                RangeScope::Proc(self.args[0] as i64),
            ),
            spec::EV_GC_SWEEP_BEGIN | spec::EV_GC_SWEEP_END => {
                (fixed("GC incremental sweep"), RangeScope::Proc(self.ctx.p))
            }
            spec::EV_GC_MARK_ASSIST_ACTIVE => (
                fixed("GC mark assist"),
                RangeScope::Goroutine(self.args[0] as i64),
            ),
            spec::EV_GC_MARK_ASSIST_BEGIN | spec::EV_GC_MARK_ASSIST_END => {
                (fixed("GC mark assist"), RangeScope::Goroutine(self.ctx.g))
            }
            _ => return None,
        })
    }

    /// For the end of a sweep: bytes swept and bytes reclaimed.
    pub fn sweep_result(&self) -> Option<(u64, u64)> {
        (self.typ == spec::EV_GC_SWEEP_END).then_some((self.args[0], self.args[1]))
    }

    /// For a task event: id, parent and type name.
    pub fn task(&self) -> Option<(u64, u64, &[u8])> {
        match self.typ {
            spec::EV_USER_TASK_BEGIN => {
                Some((self.args[0], self.args[1], self.string(self.args[2])))
            }
            spec::EV_USER_TASK_END => Some((
                self.args[0],
                self.aux,
                self.name.as_deref().unwrap_or_default(),
            )),
            _ => None,
        }
    }

    /// For a region event: its task and type name.
    pub fn region(&self) -> Option<(u64, &[u8])> {
        matches!(
            self.typ,
            spec::EV_USER_REGION_BEGIN | spec::EV_USER_REGION_END
        )
        .then(|| (self.args[0], self.string(self.args[1])))
    }

    /// For a log event: its task, category and message.
    pub fn log(&self) -> Option<(u64, &[u8], &[u8])> {
        (self.typ == spec::EV_USER_LOG).then(|| {
            (
                self.args[0],
                self.string(self.args[1]),
                self.string(self.args[2]),
            )
        })
    }

    /// For a state transition: what changed, from which state to which.
    pub fn transition(&self) -> Option<Resource> {
        let g = |id: i64, from, to| Some(Resource::Goroutine(id, from, to));
        let p = |id: i64, from, to| Some(Resource::Proc(id, from, to));
        match self.typ {
            spec::EV_PROC_START => p(self.args[0] as i64, ProcState::Idle, ProcState::Running),
            spec::EV_PROC_STOP => p(self.ctx.p, ProcState::Running, ProcState::Idle),
            spec::EV_PROC_STEAL => {
                let before = if self.aux == proc_status::SYSCALL_ABANDONED {
                    ProcState::Idle
                } else {
                    ProcState::Running
                };
                p(self.args[0] as i64, before, ProcState::Idle)
            }
            spec::EV_PROC_STATUS => p(
                self.args[0] as i64,
                ProcState::from_index(self.aux),
                proc_state(self.args[1]),
            ),
            spec::EV_GO_CREATE => g(self.args[0] as i64, GoState::NotExist, GoState::Runnable),
            spec::EV_GO_CREATE_BLOCKED => {
                g(self.args[0] as i64, GoState::NotExist, GoState::Waiting)
            }
            spec::EV_GO_CREATE_SYSCALL => {
                g(self.args[0] as i64, GoState::NotExist, GoState::Syscall)
            }
            spec::EV_GO_START => g(self.args[0] as i64, GoState::Runnable, GoState::Running),
            spec::EV_GO_DESTROY => g(self.ctx.g, GoState::Running, GoState::NotExist),
            spec::EV_GO_DESTROY_SYSCALL => g(self.ctx.g, GoState::Syscall, GoState::NotExist),
            spec::EV_GO_STOP => g(self.ctx.g, GoState::Running, GoState::Runnable),
            spec::EV_GO_BLOCK => g(self.ctx.g, GoState::Running, GoState::Waiting),
            spec::EV_GO_UNBLOCK | spec::EV_GO_SWITCH | spec::EV_GO_SWITCH_DESTROY => {
                g(self.args[0] as i64, GoState::Waiting, GoState::Runnable)
            }
            spec::EV_GO_SYSCALL_BEGIN => g(self.ctx.g, GoState::Running, GoState::Syscall),
            spec::EV_GO_SYSCALL_END => g(self.ctx.g, GoState::Syscall, GoState::Running),
            spec::EV_GO_SYSCALL_END_BLOCKED => g(self.ctx.g, GoState::Syscall, GoState::Runnable),
            spec::EV_GO_STATUS | spec::EV_GO_STATUS_STACK => g(
                self.args[0] as i64,
                GoState::from_index(self.aux),
                go_state(self.args[2]),
            ),
            _ => None,
        }
    }

    /// For a goroutine that stops or blocks: why (`chan receive`, `sync`, ...).
    pub fn reason(&self) -> &[u8] {
        match self.typ {
            spec::EV_GO_STOP | spec::EV_GO_BLOCK => self.string(self.args[0]),
            _ => &[],
        }
    }

    /// The stack attached to a state transition, when it has one: the new
    /// goroutine's for a creation, the goroutine's own otherwise.
    pub fn transition_stack_id(&self) -> Option<u64> {
        match self.typ {
            spec::EV_GO_CREATE | spec::EV_GO_CREATE_BLOCKED => Some(self.args[1]),
            spec::EV_GO_STOP
            | spec::EV_GO_BLOCK
            | spec::EV_GO_SYSCALL_BEGIN
            | spec::EV_GO_STATUS_STACK => Some(self.stack_id()).filter(|&id| id != 0),
            _ => None,
        }
    }

    /// For an experimental event: its name, experiment and named arguments.
    pub fn experimental(&self) -> Option<ExperimentalView<'_>> {
        let spec = spec::spec(self.typ).filter(|s| s.experimental)?;
        let args = spec.args[1..]
            .iter()
            .zip(self.args)
            .map(|(name, value)| {
                let arg = if name.ends_with("string") {
                    ExperimentalArg::String(self.string(value))
                } else {
                    ExperimentalArg::Uint64(value)
                };
                (*name, arg)
            })
            .collect();
        Some((spec.name, spec::experiment_name(1), args))
    }
}

/// What a range is bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeScope {
    None,
    Goroutine(i64),
    Proc(i64),
}

/// The name of a range: fixed text, or `stop-the-world (<kind>)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RangeName<'a> {
    Fixed(&'static str),
    StopTheWorld(&'a [u8]),
}

/// An argument of an experimental event.
#[derive(Debug, Clone, Copy)]
pub enum ExperimentalArg<'a> {
    Uint64(u64),
    String(&'a [u8]),
}

/// One frame of a stack.
#[derive(Debug, Clone, Copy)]
pub struct Frame<'a> {
    pub pc: u64,
    pub func: &'a [u8],
    pub file: &'a [u8],
    pub line: u64,
}

/// The public state a wire goroutine status stands for.
pub fn go_state(status: u64) -> GoState {
    match status {
        go_status::RUNNABLE => GoState::Runnable,
        go_status::RUNNING => GoState::Running,
        go_status::SYSCALL => GoState::Syscall,
        go_status::WAITING => GoState::Waiting,
        _ => GoState::Undetermined,
    }
}

/// The public state a wire proc status stands for.
pub fn proc_state(status: u64) -> ProcState {
    match status {
        proc_status::RUNNING | proc_status::SYSCALL => ProcState::Running,
        proc_status::IDLE | proc_status::SYSCALL_ABANDONED => ProcState::Idle,
        _ => ProcState::Undetermined,
    }
}
