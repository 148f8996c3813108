//! When the GC marked and when the world stopped, over a timeline's window:
//! the ns of each pixel covered, from the range events themselves (a mark
//! phase that spans generations is announced again in each, and is one band).

use rustc_hash::FxHashMap;

use super::Timeline;
use crate::trace::event::RangeName;
use crate::trace::{Event, Kind};

const MARK: RangeName = RangeName::Fixed("GC concurrent mark phase");

/// Open bands while the events stream by.
#[derive(Debug, Default)]
pub(super) struct Bands {
    /// Since when the GC has been marking.
    marking: Option<i64>,
    /// Pauses under way, by the goroutine that stopped the world.
    stopped: FxHashMap<i64, i64>,
}

impl Bands {
    /// A range event; `start` is when the trace started.
    pub(super) fn add(&mut self, timeline: &mut Timeline, event: &Event, start: i64) {
        let Some((name, _)) = event.range_view() else {
            return;
        };
        let time = event.time;
        match (event.kind(), name) {
            (Kind::RangeBegin, n) if n == MARK => {
                self.marking.get_or_insert(time);
            }
            (Kind::RangeActive, n) if n == MARK => {
                // Marking since before this generation (or the trace).
                self.marking.get_or_insert(start);
            }
            (Kind::RangeEnd, n) if n == MARK => {
                let since = self.marking.take().unwrap_or(start);
                timeline.geometry().spread(&mut timeline.gc, since, time);
            }
            (Kind::RangeBegin, RangeName::StopTheWorld(_)) => {
                self.stopped.insert(event.ctx.g, time);
            }
            (Kind::RangeEnd, RangeName::StopTheWorld(_)) => {
                if let Some(since) = self.stopped.remove(&event.ctx.g) {
                    timeline.geometry().spread(&mut timeline.stw, since, time);
                }
            }
            _ => {}
        }
    }

    /// Bands still open when the trace stopped reach its end.
    pub(super) fn finish(self, timeline: &mut Timeline, end: i64) {
        if let Some(since) = self.marking {
            timeline.geometry().spread(&mut timeline.gc, since, end);
        }
        for since in self.stopped.into_values() {
            timeline.geometry().spread(&mut timeline.stw, since, end);
        }
    }
}
