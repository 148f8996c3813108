//! The tasks and regions of a timeline's window: for each name, how much of
//! each pixel instances of it covered. Filled from the events themselves (not
//! from the digest's first records), so a long trace is drawn to its end; at
//! most [`MAX_NAMES`] names of each kind are followed.

use rustc_hash::FxHashMap;

use super::Timeline;
use crate::trace::{Event, Kind};

/// The most task names and region names followed, each.
pub const MAX_NAMES: usize = 32;

/// Tasks or regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Annotation {
    Task,
    Region,
}

/// Instances of one task or region name over the window.
#[derive(Debug, Clone)]
pub struct AnnotationLane {
    pub kind: Annotation,
    pub name: String,
    /// How many began or ended in the trace.
    pub count: u64,
    /// ns covered in each pixel, summed over instances open at once.
    pub covered: Vec<i64>,
}

/// Open tasks and regions while the events stream by.
#[derive(Debug, Default)]
pub(super) struct Open {
    /// Lanes by kind and name.
    index: FxHashMap<(bool, Vec<u8>), usize>,
    /// Open tasks by id: their lane and when they began.
    tasks: FxHashMap<u64, (Option<usize>, i64)>,
    /// Open regions by goroutine, innermost last.
    regions: FxHashMap<i64, Vec<(Option<usize>, i64)>>,
}

impl Open {
    fn lane(&mut self, timeline: &mut Timeline, kind: Annotation, name: &[u8]) -> Option<usize> {
        let key = (kind == Annotation::Task, name.to_vec());
        if let Some(&lane) = self.index.get(&key) {
            timeline.annotations[lane].count += 1;
            return Some(lane);
        }
        let followed = timeline
            .annotations
            .iter()
            .filter(|l| l.kind == kind)
            .count();
        if followed >= MAX_NAMES {
            return None;
        }
        timeline.annotations.push(AnnotationLane {
            kind,
            name: String::from_utf8_lossy(name).into_owned(),
            count: 1,
            covered: vec![0; timeline.pixels],
        });
        self.index.insert(key, timeline.annotations.len() - 1);
        Some(timeline.annotations.len() - 1)
    }

    /// A task or region event; `start` is when the trace started (for those
    /// that began before it).
    pub(super) fn add(&mut self, timeline: &mut Timeline, event: &Event, start: i64) {
        match event.kind() {
            Kind::TaskBegin | Kind::TaskEnd => {
                let Some((id, _, name)) = event.task() else {
                    return;
                };
                if event.kind() == Kind::TaskBegin {
                    let lane = self.lane(timeline, Annotation::Task, name);
                    self.tasks.insert(id, (lane, event.time));
                } else {
                    let (lane, begin) = match self.tasks.remove(&id) {
                        Some(open) => open,
                        None => (self.lane(timeline, Annotation::Task, name), start),
                    };
                    timeline.cover(lane, begin, event.time);
                }
            }
            Kind::RegionBegin | Kind::RegionEnd => {
                let Some((_, name)) = event.region() else {
                    return;
                };
                let g = event.ctx.g;
                if event.kind() == Kind::RegionBegin {
                    let lane = self.lane(timeline, Annotation::Region, name);
                    self.regions.entry(g).or_default().push((lane, event.time));
                } else {
                    let open = self.regions.get_mut(&g).and_then(Vec::pop);
                    let (lane, begin) = match open {
                        Some(open) => open,
                        None => (self.lane(timeline, Annotation::Region, name), start),
                    };
                    timeline.cover(lane, begin, event.time);
                }
            }
            _ => {}
        }
    }

    /// Tasks and regions still open when the trace stopped reach its end.
    pub(super) fn finish(self, timeline: &mut Timeline, end: i64) {
        let open = self
            .tasks
            .into_values()
            .chain(self.regions.into_values().flatten());
        for (lane, begin) in open {
            timeline.cover(lane, begin, end);
        }
    }
}
