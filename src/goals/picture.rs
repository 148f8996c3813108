//! What a trace goal shows of its trace over time: the levels that bear on
//! the goal (live goroutines for a leak, heap and GC for a GC goal), taken
//! from the trace the goal read, for the report to draw as a small picture.

use serde::Serialize;

use crate::trace::facts::{Facts, Series};

/// One level of a trace over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Goroutines alive.
    LiveGoroutines,
    /// Goroutines running at once.
    RunningGoroutines,
    /// Heap in use.
    HeapBytes,
    /// The share of time the GC was marking.
    Gc,
}

/// The levels a goal's trace had over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Picture {
    /// Which levels bear on the goal, in the order they are drawn.
    pub levels: Vec<Level>,
    /// How long the trace lasted, in ns.
    pub duration_ns: i64,
    /// The trace's series (every level; `levels` says which are drawn).
    pub series: Series,
}

impl Picture {
    /// The picture of `levels` in the trace whose facts are `facts`; none for
    /// a trace without time.
    pub fn of(facts: &Facts, levels: &[Level]) -> Option<Picture> {
        (!facts.series.is_empty() && facts.duration() > 0).then(|| Picture {
            levels: levels.to_vec(),
            duration_ns: facts.duration(),
            series: facts.series.clone(),
        })
    }
}
