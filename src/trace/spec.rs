//! The event types of Go's execution-trace format (the "v2" format of Go 1.22 and
//! later): their wire numbers, argument lists, and which arguments name strings
//! and stacks. The numbers and argument orders are facts of the format.

/// Goroutine statuses as the wire encodes them.
pub mod go_status {
    pub const RUNNABLE: u64 = 1;
    pub const RUNNING: u64 = 2;
    pub const SYSCALL: u64 = 3;
    pub const WAITING: u64 = 4;
    pub const COUNT: u64 = 5;
}

/// Proc statuses as the wire encodes them.
pub mod proc_status {
    pub const RUNNING: u64 = 1;
    pub const IDLE: u64 = 2;
    pub const SYSCALL: u64 = 3;
    /// In a syscall, but the thread it was bound to is not known any more.
    pub const SYSCALL_ABANDONED: u64 = 4;
    pub const COUNT: u64 = 5;
}

/// A wire event type.
pub type EventType = u8;

pub const EV_EVENT_BATCH: EventType = 1;
pub const EV_STACKS: EventType = 2;
pub const EV_STACK: EventType = 3;
pub const EV_STRINGS: EventType = 4;
pub const EV_STRING: EventType = 5;
pub const EV_CPU_SAMPLES: EventType = 6;
pub const EV_CPU_SAMPLE: EventType = 7;
pub const EV_FREQUENCY: EventType = 8;
pub const EV_PROCS_CHANGE: EventType = 9;
pub const EV_PROC_START: EventType = 10;
pub const EV_PROC_STOP: EventType = 11;
pub const EV_PROC_STEAL: EventType = 12;
pub const EV_PROC_STATUS: EventType = 13;
pub const EV_GO_CREATE: EventType = 14;
pub const EV_GO_CREATE_SYSCALL: EventType = 15;
pub const EV_GO_START: EventType = 16;
pub const EV_GO_DESTROY: EventType = 17;
pub const EV_GO_DESTROY_SYSCALL: EventType = 18;
pub const EV_GO_STOP: EventType = 19;
pub const EV_GO_BLOCK: EventType = 20;
pub const EV_GO_UNBLOCK: EventType = 21;
pub const EV_GO_SYSCALL_BEGIN: EventType = 22;
pub const EV_GO_SYSCALL_END: EventType = 23;
pub const EV_GO_SYSCALL_END_BLOCKED: EventType = 24;
pub const EV_GO_STATUS: EventType = 25;
pub const EV_STW_BEGIN: EventType = 26;
pub const EV_STW_END: EventType = 27;
pub const EV_GC_ACTIVE: EventType = 28;
pub const EV_GC_BEGIN: EventType = 29;
pub const EV_GC_END: EventType = 30;
pub const EV_GC_SWEEP_ACTIVE: EventType = 31;
pub const EV_GC_SWEEP_BEGIN: EventType = 32;
pub const EV_GC_SWEEP_END: EventType = 33;
pub const EV_GC_MARK_ASSIST_ACTIVE: EventType = 34;
pub const EV_GC_MARK_ASSIST_BEGIN: EventType = 35;
pub const EV_GC_MARK_ASSIST_END: EventType = 36;
pub const EV_HEAP_ALLOC: EventType = 37;
pub const EV_HEAP_GOAL: EventType = 38;
pub const EV_GO_LABEL: EventType = 39;
pub const EV_USER_TASK_BEGIN: EventType = 40;
pub const EV_USER_TASK_END: EventType = 41;
pub const EV_USER_REGION_BEGIN: EventType = 42;
pub const EV_USER_REGION_END: EventType = 43;
pub const EV_USER_LOG: EventType = 44;
pub const EV_GO_SWITCH: EventType = 45;
pub const EV_GO_SWITCH_DESTROY: EventType = 46;
pub const EV_GO_CREATE_BLOCKED: EventType = 47;
pub const EV_GO_STATUS_STACK: EventType = 48;
pub const EV_EXPERIMENTAL_BATCH: EventType = 49;
pub const EV_SYNC: EventType = 50;
pub const EV_CLOCK_SNAPSHOT: EventType = 51;
pub const EV_END_OF_GENERATION: EventType = 52;

pub const EV_SPAN: EventType = 128;
pub const EV_GOROUTINE_STACK_FREE: EventType = 136;

/// Not a wire type: the reader's marker for the Sync events it makes itself.
pub const EV_READER_SYNC: EventType = 255;

/// A trace format version, from the file header `go 1.N trace`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    Go122 = 22,
    /// Written by Go 1.23 and Go 1.24.
    Go123 = 23,
    Go125 = 25,
    Go126 = 26,
}

impl Version {
    pub fn from_minor(minor: u32) -> Option<Version> {
        match minor {
            22 => Some(Version::Go122),
            23 => Some(Version::Go123),
            25 => Some(Version::Go125),
            26 => Some(Version::Go126),
            _ => None,
        }
    }

    pub fn minor(self) -> u32 {
        self as u32
    }

    /// The highest ordinary event type this version defines.
    fn last_event(self) -> EventType {
        match self {
            Version::Go122 => EV_USER_LOG,
            Version::Go123 => EV_EXPERIMENTAL_BATCH,
            Version::Go125 => EV_CLOCK_SNAPSHOT,
            Version::Go126 => EV_END_OF_GENERATION,
        }
    }

    /// The spec of a timed event type, if this version has it.
    pub fn timed(self, typ: EventType) -> Option<&'static Spec> {
        let spec = spec(typ)?;
        let known = typ <= self.last_event() || (self >= Version::Go123 && spec.experimental);
        (known && spec.timed).then_some(spec)
    }
}

/// What the format says about one event type.
#[derive(Debug)]
pub struct Spec {
    pub name: &'static str,
    /// Argument names, the timestamp delta (`dt`) first for timed events.
    pub args: &'static [&'static str],
    /// Positions in `args` that hold string ids.
    pub strings: &'static [usize],
    /// Positions in `args` that hold stack ids; the first is the event's own stack.
    pub stacks: &'static [usize],
    /// For the end of a range, the type of its beginning.
    pub start: Option<EventType>,
    pub timed: bool,
    pub experimental: bool,
}

const fn timed(name: &'static str, args: &'static [&'static str]) -> Spec {
    Spec {
        name,
        args,
        strings: &[],
        stacks: &[],
        start: None,
        timed: true,
        experimental: false,
    }
}

const fn with(mut spec: Spec, strings: &'static [usize], stacks: &'static [usize]) -> Spec {
    spec.strings = strings;
    spec.stacks = stacks;
    spec
}

const fn ends(mut spec: Spec, start: EventType) -> Spec {
    spec.start = Some(start);
    spec
}

const fn experimental(name: &'static str, args: &'static [&'static str]) -> Spec {
    let mut spec = timed(name, args);
    spec.experimental = true;
    spec
}

static TIMED: [Spec; 40] = [
    with(
        timed("ProcsChange", &["dt", "procs_value", "stack"]),
        &[],
        &[2],
    ),
    timed("ProcStart", &["dt", "p", "p_seq"]),
    timed("ProcStop", &["dt"]),
    timed("ProcSteal", &["dt", "p", "p_seq", "m"]),
    timed("ProcStatus", &["dt", "p", "pstatus"]),
    with(
        timed("GoCreate", &["dt", "new_g", "new_stack", "stack"]),
        &[],
        &[3, 2],
    ),
    timed("GoCreateSyscall", &["dt", "new_g"]),
    timed("GoStart", &["dt", "g", "g_seq"]),
    timed("GoDestroy", &["dt"]),
    timed("GoDestroySyscall", &["dt"]),
    with(
        timed("GoStop", &["dt", "reason_string", "stack"]),
        &[1],
        &[2],
    ),
    with(
        timed("GoBlock", &["dt", "reason_string", "stack"]),
        &[1],
        &[2],
    ),
    with(
        timed("GoUnblock", &["dt", "g", "g_seq", "stack"]),
        &[],
        &[3],
    ),
    with(
        timed("GoSyscallBegin", &["dt", "p_seq", "stack"]),
        &[],
        &[2],
    ),
    ends(timed("GoSyscallEnd", &["dt"]), EV_GO_SYSCALL_BEGIN),
    ends(timed("GoSyscallEndBlocked", &["dt"]), EV_GO_SYSCALL_BEGIN),
    timed("GoStatus", &["dt", "g", "m", "gstatus"]),
    with(
        timed("STWBegin", &["dt", "kind_string", "stack"]),
        &[1],
        &[2],
    ),
    ends(timed("STWEnd", &["dt"]), EV_STW_BEGIN),
    ends(timed("GCActive", &["dt", "gc_seq"]), EV_GC_BEGIN),
    with(timed("GCBegin", &["dt", "gc_seq", "stack"]), &[], &[2]),
    ends(timed("GCEnd", &["dt", "gc_seq"]), EV_GC_BEGIN),
    ends(timed("GCSweepActive", &["dt", "p"]), EV_GC_SWEEP_BEGIN),
    with(timed("GCSweepBegin", &["dt", "stack"]), &[], &[1]),
    ends(
        timed("GCSweepEnd", &["dt", "swept_value", "reclaimed_value"]),
        EV_GC_SWEEP_BEGIN,
    ),
    ends(
        timed("GCMarkAssistActive", &["dt", "g"]),
        EV_GC_MARK_ASSIST_BEGIN,
    ),
    with(timed("GCMarkAssistBegin", &["dt", "stack"]), &[], &[1]),
    ends(timed("GCMarkAssistEnd", &["dt"]), EV_GC_MARK_ASSIST_BEGIN),
    timed("HeapAlloc", &["dt", "heapalloc_value"]),
    timed("HeapGoal", &["dt", "heapgoal_value"]),
    with(timed("GoLabel", &["dt", "label_string"]), &[1], &[]),
    with(
        timed(
            "UserTaskBegin",
            &["dt", "task", "parent_task", "name_string", "stack"],
        ),
        &[3],
        &[4],
    ),
    with(timed("UserTaskEnd", &["dt", "task", "stack"]), &[], &[2]),
    with(
        timed("UserRegionBegin", &["dt", "task", "name_string", "stack"]),
        &[2],
        &[3],
    ),
    ends(
        with(
            timed("UserRegionEnd", &["dt", "task", "name_string", "stack"]),
            &[2],
            &[3],
        ),
        EV_USER_REGION_BEGIN,
    ),
    with(
        timed(
            "UserLog",
            &["dt", "task", "key_string", "value_string", "stack"],
        ),
        &[2, 3],
        &[4],
    ),
    timed("GoSwitch", &["dt", "g", "g_seq"]),
    timed("GoSwitchDestroy", &["dt", "g", "g_seq"]),
    with(
        timed("GoCreateBlocked", &["dt", "new_g", "new_stack", "stack"]),
        &[],
        &[3, 2],
    ),
    with(
        timed("GoStatusStack", &["dt", "g", "m", "gstatus", "stack"]),
        &[],
        &[4],
    ),
];

static CLOCK_SNAPSHOT: Spec = timed("ClockSnapshot", &["dt", "mono", "sec", "nsec"]);

static EXPERIMENTAL: [Spec; 9] = [
    experimental("Span", &["dt", "id", "npages_value", "kindclass"]),
    experimental("SpanAlloc", &["dt", "id", "npages_value", "kindclass"]),
    experimental("SpanFree", &["dt", "id"]),
    experimental("HeapObject", &["dt", "id", "type"]),
    experimental("HeapObjectAlloc", &["dt", "id", "type"]),
    experimental("HeapObjectFree", &["dt", "id"]),
    experimental("GoroutineStack", &["dt", "id", "order"]),
    experimental("GoroutineStackAlloc", &["dt", "id", "order"]),
    experimental("GoroutineStackFree", &["dt", "id"]),
];

/// The experiment an experimental event type belongs to, by name.
pub fn experiment_name(id: u8) -> &'static str {
    match id {
        0 => "None",
        1 => "AllocFree",
        _ => "Unknown",
    }
}

/// The spec of a timed event type (any version).
pub fn spec(typ: EventType) -> Option<&'static Spec> {
    match typ {
        EV_PROCS_CHANGE..=EV_GO_STATUS_STACK => TIMED.get(usize::from(typ - EV_PROCS_CHANGE)),
        EV_CLOCK_SNAPSHOT => Some(&CLOCK_SNAPSHOT),
        EV_SPAN..=EV_GOROUTINE_STACK_FREE => EXPERIMENTAL.get(usize::from(typ - EV_SPAN)),
        _ => None,
    }
}

/// The name of any wire event type, for messages.
pub fn name(typ: EventType) -> String {
    let structural = match typ {
        EV_EVENT_BATCH => Some("EventBatch"),
        EV_STACKS => Some("Stacks"),
        EV_STACK => Some("Stack"),
        EV_STRINGS => Some("Strings"),
        EV_STRING => Some("String"),
        EV_CPU_SAMPLES => Some("CPUSamples"),
        EV_CPU_SAMPLE => Some("CPUSample"),
        EV_FREQUENCY => Some("Frequency"),
        EV_EXPERIMENTAL_BATCH => Some("ExperimentalBatch"),
        EV_SYNC => Some("Sync"),
        EV_END_OF_GENERATION => Some("EndOfGeneration"),
        _ => None,
    };
    structural
        .or_else(|| spec(typ).map(|s| s.name))
        .map_or_else(|| format!("unknown event type {typ}"), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lines_up_with_wire_numbers() {
        assert_eq!(spec(EV_PROCS_CHANGE).unwrap().name, "ProcsChange");
        assert_eq!(spec(EV_GO_STATUS).unwrap().name, "GoStatus");
        assert_eq!(spec(EV_USER_LOG).unwrap().name, "UserLog");
        assert_eq!(spec(EV_GO_STATUS_STACK).unwrap().name, "GoStatusStack");
        assert_eq!(
            spec(EV_GC_MARK_ASSIST_END).unwrap().start,
            Some(EV_GC_MARK_ASSIST_BEGIN)
        );
        assert_eq!(
            spec(EV_GOROUTINE_STACK_FREE).unwrap().name,
            "GoroutineStackFree"
        );
        assert!(spec(EV_GO_STATUS_STACK + 1).is_none());
        assert!(spec(127).is_none());
    }

    #[test]
    fn versions_gate_event_types() {
        assert!(Version::Go122.timed(EV_USER_LOG).is_some());
        assert!(Version::Go122.timed(EV_GO_SWITCH).is_none());
        assert!(Version::Go123.timed(EV_GO_STATUS_STACK).is_some());
        assert!(Version::Go122.timed(EV_SPAN).is_none());
        assert!(Version::Go126.timed(EV_SPAN).is_some());
        // Structural events are never timed.
        assert!(Version::Go126.timed(EV_STRING).is_none());
        assert!(Version::Go126.timed(EV_CLOCK_SNAPSHOT).is_some());
    }
}
