//! What a trace says, digested: goroutines grouped by where they were created,
//! with the time they spent in each state; every goroutine still alive at the end
//! with where it waits; tasks, regions and logs; GC cycles and stop-the-world
//! pauses; heap size over time. Built in one streaming pass over the events: a
//! goroutine's own record lives while the goroutine does and is then folded into
//! its group, so memory grows with the goroutines alive at once, the places that
//! create goroutines, and tasks, not with the goroutines that ever lived or the
//! number of events.

mod builder;
mod series;

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::Path;
use std::rc::Rc;

use serde::Serialize;

use super::{GoState, Reader, TraceError};
use builder::Builder;
pub use series::{SERIES_BUCKETS, Series};

/// One frame of a stack, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FrameInfo {
    pub function: String,
    pub file: String,
    pub line: u64,
}

/// How a site names its function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// As the trace names it: `example.com/fetch.Fetch`.
    Full,
    /// Without its package path: `Fetch`.
    Short,
}

/// Where a frame is, for people: `fetch.go:41 (example.com/fetch.Fetch)`, or
/// with [`Naming::Short`] `fetch.go:41 (Fetch)`.
pub fn site(frame: Option<&FrameInfo>, naming: Naming) -> String {
    let Some(f) = frame else {
        return crate::tr!("trace-unknown-place");
    };
    let file = f.file.rsplit('/').next().unwrap_or(&f.file);
    let function = match naming {
        Naming::Full => f.function.as_str(),
        Naming::Short => {
            let function = f.function.rsplit('/').next().unwrap_or(&f.function);
            function.split_once('.').map_or(function, |(_, name)| name)
        }
    };
    format!("{file}:{} ({function})", f.line)
}

/// Goroutines grouped by a key (where they were created, where they wait...),
/// the largest group first and groups of one size in key order.
pub fn group<'a, K: Ord>(
    goroutines: impl IntoIterator<Item = &'a Goroutine>,
    key: impl Fn(&Goroutine) -> K,
) -> Vec<(K, usize)> {
    tally(goroutines.into_iter().map(|g| (key(g), 1)))
}

/// Counts summed by key, the largest first and equal counts in key order.
pub fn tally<K: Ord>(counts: impl IntoIterator<Item = (K, usize)>) -> Vec<(K, usize)> {
    let mut groups: BTreeMap<K, usize> = BTreeMap::new();
    for (key, count) in counts {
        *groups.entry(key).or_default() += count;
    }
    let mut groups: Vec<(K, usize)> = groups.into_iter().collect();
    // Stable: groups of one size stay in key order.
    groups.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    groups
}

/// A stack, innermost frame first; shared by every fact that has it.
pub type Stack = Rc<[FrameInfo]>;

/// Everything known about one goroutine.
#[derive(Debug, Clone, Serialize)]
pub struct Goroutine {
    pub id: i64,
    /// Its place in the order goroutines were first seen.
    #[serde(skip)]
    pub(super) seen: u64,
    /// When it was created; `None` if it existed when the trace started.
    pub created: Option<i64>,
    /// The goroutine whose `go` statement created it.
    pub creator: Option<i64>,
    /// Where it was created: the creator's stack at the `go` statement.
    pub creation_stack: Stack,
    /// The function it runs.
    pub start_function: Option<String>,
    /// When it ended; `None` if still alive when the trace stopped.
    pub ended: Option<i64>,
    /// Its state when the trace stopped (or NotExist once ended).
    pub final_state: GoState,
    /// Why it last blocked or stopped (`chan send`, `sync`, `sleep`, ...).
    pub last_reason: Name,
    /// Where it last blocked, stopped or entered a syscall.
    pub last_stack: Stack,
    pub running_ns: i64,
    pub runnable_ns: i64,
    pub syscall_ns: i64,
    /// Time waiting, by the reason it blocked.
    pub waiting_ns: BTreeMap<Name, i64>,
    /// Its state transitions, with how often each happened.
    pub transitions: Vec<Transition>,
    /// Tasks it had events in.
    pub tasks: BTreeSet<u64>,
    #[serde(skip)]
    state: GoState,
    #[serde(skip)]
    since: i64,
    #[serde(skip)]
    waiting_reason: Name,
}

#[cfg(test)]
impl Goroutine {
    /// A goroutine created at `created` that ended at `ended`, for tests.
    pub fn for_test(created: i64, ended: Option<i64>) -> Goroutine {
        let none: Name = Rc::from("");
        Goroutine {
            id: created,
            seen: 0,
            created: Some(created),
            creator: None,
            creation_stack: Rc::from(Vec::new()),
            start_function: None,
            ended,
            final_state: GoState::Undetermined,
            last_reason: Rc::clone(&none),
            last_stack: Rc::from(Vec::new()),
            running_ns: 0,
            runnable_ns: 0,
            syscall_ns: 0,
            waiting_ns: BTreeMap::new(),
            transitions: Vec::new(),
            tasks: BTreeSet::new(),
            state: GoState::Undetermined,
            since: created,
            waiting_reason: none,
        }
    }
}

/// A kind of state transition of a goroutine and how often it happened.
#[derive(Debug, Clone, Serialize)]
pub struct Transition {
    pub from: GoState,
    pub to: GoState,
    /// Why, for blocking and stopping (`chan receive`, `preempted`, ...).
    pub reason: Name,
    pub count: u64,
}

/// A shared string: names repeat on many facts (regions, reasons, categories).
pub type Name = Rc<str>;

impl Goroutine {
    pub fn alive_at_end(&self) -> bool {
        self.ended.is_none()
    }

    pub fn waiting_total(&self) -> i64 {
        self.waiting_ns.values().sum()
    }
}

/// Goroutines that were created at one place (the same stack at the `go`
/// statement) and run one function, every one of them summed: those created
/// during the trace and those present when it started, ended or not.
#[derive(Debug, Clone, Serialize)]
pub struct GoroutineGroup {
    /// Where they were created: the creator's stack at the `go` statement (empty
    /// for goroutines present before the trace).
    pub creation_stack: Stack,
    /// The function they run.
    pub start_function: Option<Name>,
    /// How many were created during the trace.
    pub created: u64,
    /// How many existed when the trace started.
    pub present: u64,
    /// How many ended before the trace stopped.
    pub ended: u64,
    pub running_ns: i64,
    pub runnable_ns: i64,
    pub syscall_ns: i64,
    /// Time waiting, by the reason they blocked.
    pub waiting_ns: BTreeMap<Name, i64>,
    /// When each one created during the trace was created and ended (the end of
    /// the trace for those that did not), kept only when asked for with
    /// [`Detail::lifetimes`].
    #[serde(skip)]
    pub lifetimes: Vec<(i64, i64)>,
}

impl GoroutineGroup {
    /// How many goroutines the group holds.
    pub fn count(&self) -> u64 {
        self.created + self.present
    }

    /// The time its goroutines existed in the trace, in all.
    pub fn lifetime_ns(&self) -> i64 {
        self.running_ns + self.runnable_ns + self.syscall_ns + self.waiting_ns.values().sum::<i64>()
    }
}

/// What the digest keeps beyond its bounded summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    /// How many ended goroutines are kept one by one, the first to end (every
    /// goroutine alive at the end always is; memory grows with this).
    pub ended: usize,
    /// Each group's goroutine lifetimes, for how many were alive at once
    /// (16 bytes per goroutine created in the trace).
    pub lifetimes: bool,
}

impl Detail {
    /// The bounded summary: groups and the goroutines alive at the end.
    pub const SUMMARY: Detail = Detail {
        ended: 0,
        lifetimes: false,
    };
    /// What goals need: the summary with lifetimes.
    pub const GOALS: Detail = Detail {
        ended: 0,
        lifetimes: true,
    };
}

/// A task: a logical operation, such as a request, that spans goroutines.
#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: u64,
    pub name: Name,
    pub parent: Option<u64>,
    /// `None` if it began before the trace started.
    pub begin: Option<i64>,
    /// `None` if it had not ended when the trace stopped.
    pub end: Option<i64>,
    /// Goroutines that began or ended it, or had regions or logs in it: all of
    /// them while it runs, the [`TASK_GOROUTINES`] lowest ids once it ended.
    pub goroutines: BTreeSet<i64>,
    /// How many goroutines it touched.
    pub goroutine_count: usize,
    pub regions: u64,
    pub logs: u64,
}

/// How many of an ended task's goroutines are kept by id.
pub const TASK_GOROUTINES: usize = 100;

/// A region: a span of time on one goroutine, inside a task or not.
#[derive(Debug, Clone, Serialize)]
pub struct Region {
    pub name: Name,
    /// 0 for the background task (no task).
    pub task: u64,
    pub goroutine: i64,
    /// `None` if it began before the trace started.
    pub begin: Option<i64>,
    /// `None` if it had not ended when the trace stopped.
    pub end: Option<i64>,
    /// How many regions enclosed it on its goroutine.
    pub depth: usize,
    /// The name of the region that enclosed it, if any.
    pub parent: Option<Name>,
}

/// Regions of one name, counted over the whole trace.
#[derive(Debug, Clone, Serialize)]
pub struct SpanStats {
    pub name: Name,
    pub count: u64,
    /// How many ended (a region that never ended has no duration).
    pub ended: u64,
    pub total_ns: i64,
    pub max_ns: i64,
    /// Names of the regions that enclosed regions of this name.
    pub parents: BTreeSet<Name>,
}

/// How many regions and logs are kept one by one; beyond this only their
/// statistics are (exact) so that huge traces digest in bounded memory.
pub const RECORD_LIMIT: usize = 100_000;

/// A `trace.Log` record.
#[derive(Debug, Clone, Serialize)]
pub struct Log {
    pub time: i64,
    pub task: u64,
    pub goroutine: i64,
    pub category: Name,
    pub message: String,
}

/// A garbage collection cycle (its concurrent mark phase).
#[derive(Debug, Clone, Serialize)]
pub struct GcCycle {
    /// `None` if it was running when the trace started.
    pub begin: Option<i64>,
    pub end: Option<i64>,
}

/// A stop-the-world pause.
#[derive(Debug, Clone, Serialize)]
pub struct Pause {
    pub kind: String,
    pub begin: i64,
    pub end: Option<i64>,
}

/// The facts of a whole trace.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    /// The format version, e.g. `go 1.26`.
    pub format: String,
    pub events: u64,
    pub generations: u64,
    /// The first and last event times, in ns on the trace clock.
    pub start: i64,
    pub end: i64,
    /// Goroutines one by one, in the order they were first seen: every one alive
    /// at the end and the first ones to end, as many as [`Detail::ended`] asks;
    /// `goroutine_groups` counts every goroutine.
    pub goroutines: Vec<Goroutine>,
    /// Every goroutine of the trace, grouped by where it was created and what it runs.
    pub goroutine_groups: Vec<GoroutineGroup>,
    /// How many goroutines the trace saw.
    pub goroutines_seen: u64,
    pub max_live_goroutines: usize,
    pub max_live_at: i64,
    pub tasks: Vec<Task>,
    /// Regions in the order they began: all of them up to [`RECORD_LIMIT`], the
    /// first ones beyond it (see `region_stats` for exact counts).
    pub regions: Vec<Region>,
    /// Regions by name, over every region of the trace.
    pub region_stats: Vec<SpanStats>,
    /// Logs in order, up to [`RECORD_LIMIT`].
    pub logs: Vec<Log>,
    pub logs_total: u64,
    pub gc_cycles: Vec<GcCycle>,
    pub pauses: Vec<Pause>,
    /// Time goroutines spent assisting the GC's marking instead of running
    /// their own code, in all.
    pub mark_assist_ns: i64,
    /// Heap in use over time: (time, bytes), thinned to at most a few thousand points.
    pub heap: Vec<(i64, u64)>,
    pub max_heap: u64,
    /// Live and running goroutines, heap and GC over time, in at most
    /// [`SERIES_BUCKETS`] buckets.
    pub series: Series,
    pub max_gomaxprocs: u64,
    pub cpu_samples: u64,
    /// The Go source root the traced program was built with (`/usr/local/go/src/`),
    /// told from the runtime's frames; frames under it are the standard library's.
    pub go_source: Option<String>,
    /// Set when the trace is damaged: the facts cover what was read before.
    pub error: Option<String>,
}

impl Facts {
    /// Reads the whole trace at `path` and digests it with what goals need
    /// ([`Detail::GOALS`]). Goals judge whole traces only, so any damage is an
    /// error, wherever it is: a file cut short, bytes after the trace's end, a
    /// second trace after the first, or a header with no generation after it.
    pub fn read(path: &Path) -> Result<Facts, TraceError> {
        Facts::whole(Reader::open(path)?, Detail::GOALS)
    }

    /// Digests a whole trace, as [`Facts::read`] does.
    pub fn whole<R: BufRead>(mut reader: Reader<R>, detail: Detail) -> Result<Facts, TraceError> {
        let mut builder = Builder::new(format!("go 1.{}", reader.version().minor()), detail);
        // The runtime writes every generation with the state of each proc and
        // goroutine in it: one of nothing but its clock was cut short after its
        // first batch (in Go 1.25 and older, where no marker ends a generation).
        let mut empty = None;
        for event in reader.by_ref() {
            let event = event?;
            if event.kind() == super::Kind::Sync {
                if let Some(generation) = empty {
                    return Err(TraceError::Broken {
                        generation,
                        what: crate::tr!("trace-error-generation-empty"),
                    });
                }
                empty = event.tables().is_some().then_some(builder.generations + 1);
            } else {
                empty = None;
            }
            builder.add(&event);
        }
        if builder.generations == 0 {
            return Err(TraceError::Malformed {
                offset: reader.offset(),
                what: crate::tr!("trace-error-no-generation-at-all"),
            });
        }
        Ok(builder.finish(reader.events()))
    }

    /// Reads and digests the trace at `path`, keeping `detail`. A trace damaged
    /// after some complete generations still gives the facts of those (with
    /// `error` set), for people to look at; one that cannot be read at all is an
    /// error.
    pub fn read_with(path: &Path, detail: Detail) -> Result<Facts, TraceError> {
        Facts::from_reader(Reader::open(path)?, detail)
    }

    pub fn from_reader<R: BufRead>(
        mut reader: Reader<R>,
        detail: Detail,
    ) -> Result<Facts, TraceError> {
        let mut builder = Builder::new(format!("go 1.{}", reader.version().minor()), detail);
        let mut error = None;
        for event in reader.by_ref() {
            match event {
                Ok(event) => builder.add(&event),
                Err(e) if builder.generations > 0 => {
                    error = Some(e.to_string());
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        let mut facts = builder.finish(reader.events());
        facts.error = error;
        Ok(facts)
    }

    pub fn duration(&self) -> i64 {
        self.end.saturating_sub(self.start)
    }

    /// Whether a frame is the program's own: not the Go runtime's, the standard
    /// library's or the test harness's generated `main`.
    pub fn is_user_frame(&self, frame: &FrameInfo) -> bool {
        let standard = match &self.go_source {
            Some(root) => frame.file.starts_with(root.as_str()),
            None => frame.function.starts_with("runtime."),
        };
        !standard && !frame.file.ends_with("/_testmain.go")
    }

    /// Whether a frame is the Go runtime's (`runtime`, `internal/runtime/...`,
    /// and the functions other packages link from it, such as
    /// `sync.runtime_Semacquire`).
    pub fn is_runtime_frame(&self, frame: &FrameInfo) -> bool {
        match &self.go_source {
            // The runtime package's own files, not runtime/trace or runtime/pprof.
            Some(root) => frame.file.strip_prefix(root.as_str()).is_some_and(|rest| {
                rest.strip_prefix("runtime/")
                    .is_some_and(|file| !file.contains('/'))
                    || rest.starts_with("internal/runtime/")
            }),
            None => {
                frame.function.starts_with("runtime.")
                    || frame.function.starts_with("internal/runtime/")
            }
        }
    }

    /// Whether a frame is the test harness's (`testing`, the generated `main`).
    fn is_harness_frame(frame: &FrameInfo) -> bool {
        frame.function.starts_with("testing.") || frame.file.ends_with("/_testmain.go")
    }

    /// The innermost frame of the program's own code in a stack.
    pub fn user_frame<'a>(&self, stack: &'a [FrameInfo]) -> Option<&'a FrameInfo> {
        stack.iter().find(|f| self.is_user_frame(f))
    }

    /// The frame of a stack that someone can act on: the program's own
    /// innermost frame; without one, the innermost outside the runtime and the
    /// test harness (a standard-library function), then outside the runtime; in
    /// a stack of the runtime alone, the function the goroutine runs
    /// (`runtime.gcBgMarkWorker`) rather than where it parked.
    pub fn place<'a>(&self, stack: &'a [FrameInfo]) -> Option<&'a FrameInfo> {
        self.user_frame(stack)
            .or_else(|| {
                stack
                    .iter()
                    .find(|f| !self.is_runtime_frame(f) && !Self::is_harness_frame(f))
            })
            .or_else(|| stack.iter().find(|f| !self.is_runtime_frame(f)))
            .or_else(|| stack.iter().rev().find(|f| f.function != "runtime.goexit"))
            .or(stack.first())
    }

    /// Where goroutines created at this stack were created, as [`Facts::place`]
    /// tells it, except that a `go` statement of the runtime itself (its own
    /// workers) is that statement: the code around it only happened to be
    /// running.
    pub fn creation_place<'a>(&self, stack: &'a [FrameInfo]) -> Option<&'a FrameInfo> {
        match stack.first() {
            Some(first) if self.is_runtime_frame(first) => Some(first),
            _ => self.place(stack),
        }
    }

    /// The runtime function a stack entered the runtime through
    /// (`runtime.chanrecv1`, `runtime.selectgo`, `sync.runtime_SemacquireWaitGroup`):
    /// the outermost of the runtime frames it starts with, when code outside
    /// the runtime called it.
    pub fn runtime_entry<'a>(&self, stack: &'a [FrameInfo]) -> Option<&'a str> {
        let inside = stack
            .iter()
            .take_while(|f| self.is_runtime_frame(f))
            .count();
        (inside > 0 && inside < stack.len()).then(|| stack[inside - 1].function.as_str())
    }

    /// Goroutines that had not ended when the trace stopped.
    pub fn alive_at_end(&self) -> impl Iterator<Item = &Goroutine> {
        self.goroutines.iter().filter(|g| g.alive_at_end())
    }
}
