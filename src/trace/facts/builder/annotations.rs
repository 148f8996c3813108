//! Tasks, regions and logs: the user annotations of a trace, digested as the
//! events stream by (a part of [`Builder`]).

use std::collections::BTreeSet;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::Builder;
use crate::trace::facts::{Name, RECORD_LIMIT, Region, SpanStats, TASK_GOROUTINES, Task};
use crate::trace::{Event, Kind, NO_TASK};

/// The statistics of regions named `name`, made empty on first use.
fn span_stats<'a>(stats: &'a mut FxHashMap<Name, SpanStats>, name: &Name) -> &'a mut SpanStats {
    stats.entry(Rc::clone(name)).or_insert_with(|| SpanStats {
        name: Rc::clone(name),
        count: 0,
        ended: 0,
        total_ns: 0,
        max_ns: 0,
        parents: BTreeSet::new(),
    })
}

/// A region still open on a goroutine.
#[derive(Debug)]
pub(super) struct OpenRegion {
    name: Name,
    begin: i64,
    record: Option<usize>,
}

impl Builder {
    pub(super) fn touch_task(&mut self, task: u64, goroutine: i64) {
        if goroutine != -1
            && let Some(&index) = self.active_tasks.get(&task)
        {
            self.tasks[index].goroutines.insert(goroutine);
        }
        if task != 0 && task != NO_TASK && goroutine != -1 {
            self.goroutine(goroutine, 0).tasks.insert(task);
        }
    }

    pub(super) fn task(&mut self, event: &Event) {
        let Some((id, parent, name)) = event.task() else {
            return;
        };
        let parent = (parent != NO_TASK && parent != 0).then_some(parent);
        let name = self.name(name);
        if event.kind() == Kind::TaskBegin {
            self.active_tasks.insert(id, self.tasks.len());
            self.tasks.push(Task {
                id,
                name: Rc::clone(&name),
                parent,
                begin: Some(event.time),
                end: None,
                goroutines: BTreeSet::new(),
                goroutine_count: 0,
                regions: 0,
                logs: 0,
            });
        } else if !self.active_tasks.contains_key(&id) {
            // It began before the trace started.
            self.active_tasks.insert(id, self.tasks.len());
            self.tasks.push(Task {
                id,
                name: Rc::clone(&name),
                parent,
                begin: None,
                end: None,
                goroutines: BTreeSet::new(),
                goroutine_count: 0,
                regions: 0,
                logs: 0,
            });
        }
        self.touch_task(id, event.ctx.g);
        if event.kind() == Kind::TaskEnd
            && let Some(index) = self.active_tasks.remove(&id)
        {
            let task = &mut self.tasks[index];
            task.end = Some(event.time);
            // No goroutine joins an ended task: keep its count and a few ids.
            task.goroutine_count = task.goroutines.len();
            if task.goroutines.len() > TASK_GOROUTINES {
                task.goroutines = task
                    .goroutines
                    .iter()
                    .copied()
                    .take(TASK_GOROUTINES)
                    .collect();
            }
        }
    }

    pub(super) fn region(&mut self, event: &Event) {
        let Some((task, name)) = event.region() else {
            return;
        };
        let name = self.name(name);
        let goroutine = event.ctx.g;
        self.touch_task(task, goroutine);
        if let Some(&index) = self.active_tasks.get(&task)
            && event.kind() == Kind::RegionBegin
        {
            self.tasks[index].regions += 1;
        }
        let open = self.open_regions.entry(goroutine).or_default();
        if event.kind() == Kind::RegionBegin {
            let parent = open.last().map(|r| Rc::clone(&r.name));
            let depth = open.len();
            let stats = span_stats(&mut self.region_stats, &name);
            stats.count += 1;
            if let Some(parent) = &parent {
                stats.parents.insert(Rc::clone(parent));
            }
            let record = (self.regions.len() < RECORD_LIMIT).then(|| {
                self.regions.push(Region {
                    name: Rc::clone(&name),
                    task,
                    goroutine,
                    begin: Some(event.time),
                    end: None,
                    depth,
                    parent,
                });
                self.regions.len() - 1
            });
            open.push(OpenRegion {
                name,
                begin: event.time,
                record,
            });
        } else {
            match open.pop() {
                Some(region) => {
                    let duration = event.time.saturating_sub(region.begin);
                    if let Some(stats) = self.region_stats.get_mut(&region.name) {
                        stats.ended += 1;
                        stats.total_ns = stats.total_ns.saturating_add(duration);
                        stats.max_ns = stats.max_ns.max(duration);
                    }
                    if let Some(index) = region.record {
                        self.regions[index].end = Some(event.time);
                    }
                    if self.open_regions.get(&goroutine).is_some_and(Vec::is_empty) {
                        self.open_regions.remove(&goroutine);
                    }
                }
                None => {
                    self.open_regions.remove(&goroutine);
                    // It began before the trace: counted, with no duration.
                    span_stats(&mut self.region_stats, &name).count += 1;
                    if self.regions.len() < RECORD_LIMIT {
                        self.regions.push(Region {
                            name,
                            task,
                            goroutine,
                            begin: None,
                            end: Some(event.time),
                            depth: 0,
                            parent: None,
                        });
                    }
                }
            }
        }
    }
}
