//! What ran where over a window of a trace, at a given number of pixels: for
//! each P and each pixel, how long goroutines ran on it and which one ran the
//! longest, and the most goroutines alive in each pixel. Filled in one
//! streaming pass; slices shorter than a pixel add up in their pixel, so memory
//! and the picture drawn from it grow with Ps × pixels, never with events.

mod annotations;
mod bands;
mod starts;

use std::collections::BTreeMap;
use std::io::BufRead;

use rustc_hash::FxHashMap;

pub use annotations::{Annotation, AnnotationLane, MAX_NAMES};
pub use starts::Starts;

use super::{GoState, Kind, Reader, Resource, TraceError};

/// The most P lanes kept (GOMAXPROCS beyond this is folded into the last).
pub const MAX_PROCS: usize = 256;

/// One pixel of a P's lane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cell {
    /// How long goroutines ran on the P within the pixel, in ns.
    pub busy_ns: i64,
    /// The goroutine that ran longest in the pixel (as far as told).
    pub goroutine: i64,
    /// How long it ran there, in ns.
    pub goroutine_ns: i64,
}

/// A window of a trace, `pixels` wide.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The window, in ns on the trace clock.
    pub from: i64,
    pub to: i64,
    pub pixels: usize,
    /// Each P's cells, by P id.
    pub procs: BTreeMap<i64, Vec<Cell>>,
    /// The most goroutines alive at once in each pixel.
    pub live: Vec<u64>,
    /// Tasks and regions by name, in the order first seen.
    pub annotations: Vec<AnnotationLane>,
    /// The ns of each pixel during which the GC was marking.
    pub gc: Vec<i64>,
    /// The ns of each pixel during which the world was stopped.
    pub stw: Vec<i64>,
    /// The function each goroutine was started with.
    pub starts: Starts,
}

/// Where a window's pixels are on the trace's clock.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub from: i64,
    pub to: i64,
    pub pixels: usize,
}

impl Geometry {
    /// How long a pixel is, in ns (at least 1).
    pub fn pixel_ns(&self) -> f64 {
        ((self.to - self.from) as f64 / self.pixels as f64).max(1.0)
    }

    /// The pixels `[begin, end)` covers, clipped to the window, or `None`.
    pub fn pixels_of(&self, begin: i64, end: i64) -> Option<(usize, usize)> {
        let begin = begin.max(self.from);
        let end = end.min(self.to);
        if end <= begin && !(begin == end && begin >= self.from && begin < self.to) {
            return None;
        }
        let first = ((begin - self.from) as f64 / self.pixel_ns()) as usize;
        let last = (((end - self.from) as f64 / self.pixel_ns()).ceil() as usize).max(first + 1);
        Some((first.min(self.pixels - 1), last.min(self.pixels)))
    }

    /// Adds to each pixel of `covered` the ns of `[begin, end)` in it (an
    /// instant still marks its pixel).
    pub fn spread(&self, covered: &mut [i64], begin: i64, end: i64) {
        let Some((first, last)) = self.pixels_of(begin, end) else {
            return;
        };
        let pixel = self.pixel_ns();
        for (i, ns) in covered.iter_mut().enumerate().take(last).skip(first) {
            let a = (self.from as f64 + i as f64 * pixel) as i64;
            let b = (self.from as f64 + (i + 1) as f64 * pixel) as i64;
            *ns += (end.min(b) - begin.max(a)).max(1);
        }
    }
}

impl Timeline {
    /// Where its pixels are.
    pub fn geometry(&self) -> Geometry {
        Geometry {
            from: self.from,
            to: self.to,
            pixels: self.pixels,
        }
    }

    /// How long a pixel is, in ns (at least 1).
    pub fn pixel_ns(&self) -> f64 {
        self.geometry().pixel_ns()
    }

    /// The pixels `[begin, end)` covers, clipped to the window, or `None`.
    pub fn pixels_of(&self, begin: i64, end: i64) -> Option<(usize, usize)> {
        self.geometry().pixels_of(begin, end)
    }

    /// Reads the trace and fills the window `[from, to)` (ns on its clock).
    pub fn read<R: BufRead>(
        reader: Reader<R>,
        from: i64,
        to: i64,
        pixels: usize,
    ) -> Result<Timeline, TraceError> {
        let mut timeline = Timeline {
            from,
            to: to.max(from + 1),
            pixels: pixels.max(1),
            procs: BTreeMap::new(),
            live: vec![0; pixels.max(1)],
            annotations: Vec::new(),
            gc: vec![0; pixels.max(1)],
            stw: vec![0; pixels.max(1)],
            starts: Starts::default(),
        };
        let mut bands = bands::Bands::default();
        let mut open = annotations::Open::default();
        let mut start = None;
        // Where each running goroutine runs and since when.
        let mut running: FxHashMap<i64, (i64, i64)> = FxHashMap::default();
        let mut alive: FxHashMap<i64, ()> = FxHashMap::default();
        let mut touched = vec![false; timeline.pixels];
        let mut end = i64::MIN;
        for event in reader {
            let event = match event {
                Ok(event) => event,
                // A damaged trace is drawn up to the damage, as its facts are.
                Err(_) if end > i64::MIN => break,
                Err(e) => return Err(e),
            };
            end = event.time;
            let start = *start.get_or_insert(event.time);
            match event.kind() {
                Kind::StateTransition => {}
                Kind::TaskBegin | Kind::TaskEnd | Kind::RegionBegin | Kind::RegionEnd => {
                    open.add(&mut timeline, &event, start);
                    continue;
                }
                Kind::RangeBegin | Kind::RangeActive | Kind::RangeEnd => {
                    bands.add(&mut timeline, &event, start);
                    continue;
                }
                _ => continue,
            }
            let Some(Resource::Goroutine(g, from_state, to_state)) = event.transition() else {
                continue;
            };
            let time = event.time;
            timeline.starts.note(&event, g, from_state);
            if let Some((p, since)) = running.remove(&g) {
                timeline.ran(p, g, since, time);
            }
            if to_state == GoState::Running && event.ctx.p >= 0 {
                running.insert(g, (event.ctx.p, time));
            }
            let before = alive.len();
            if to_state == GoState::NotExist {
                alive.remove(&g);
            } else if from_state == GoState::NotExist || from_state == GoState::Undetermined {
                alive.insert(g, ());
            }
            if alive.len() != before
                && let Some((first, _)) = timeline.pixels_of(time, time)
            {
                let live = &mut timeline.live[first];
                // The pixel's most: the count before the change counts too.
                *live = if touched[first] {
                    (*live).max(alive.len() as u64)
                } else {
                    (before as u64).max(alive.len() as u64)
                };
                touched[first] = true;
            } else if time < timeline.from {
                timeline.live[0] = alive.len() as u64;
            }
        }
        let end = if end == i64::MIN { from } else { end };
        open.finish(&mut timeline, end);
        bands.finish(&mut timeline, end);
        for (g, (p, since)) in running {
            timeline.ran(p, g, since, end);
        }
        // Pixels with no change hold the count of the one before.
        for (i, touched) in touched.iter().enumerate().skip(1) {
            if !touched {
                timeline.live[i] = timeline.live[i - 1];
            }
        }
        if end < timeline.to {
            // Past the trace's end, nothing is alive.
            if let Some((first, _)) = timeline.pixels_of(end, timeline.to) {
                for live in &mut timeline.live[(first + 1).min(timeline.pixels)..] {
                    *live = 0;
                }
            }
        }
        Ok(timeline)
    }

    /// An instance of annotation lane `lane` (if followed) was open from
    /// `begin` to `end`.
    fn cover(&mut self, lane: Option<usize>, begin: i64, end: i64) {
        if let Some(lane) = lane {
            let geometry = self.geometry();
            geometry.spread(&mut self.annotations[lane].covered, begin, end);
        }
    }

    /// Goroutine `g` ran on P `p` from `begin` to `end`.
    fn ran(&mut self, p: i64, g: i64, begin: i64, end: i64) {
        if end <= begin {
            return;
        }
        let Some((first, last)) = self.pixels_of(begin, end) else {
            return;
        };
        let p = if self.procs.len() >= MAX_PROCS && !self.procs.contains_key(&p) {
            *self.procs.keys().next_back().expect("full")
        } else {
            p
        };
        let (from, pixel) = (self.from, self.pixel_ns());
        let pixels = self.pixels;
        let cells = self
            .procs
            .entry(p)
            .or_insert_with(|| vec![Cell::default(); pixels]);
        for (i, cell) in cells.iter_mut().enumerate().take(last).skip(first) {
            let a = (from as f64 + i as f64 * pixel) as i64;
            let b = (from as f64 + (i + 1) as f64 * pixel) as i64;
            let overlap = end.min(b) - begin.max(a);
            if overlap <= 0 {
                continue;
            }
            cell.busy_ns += overlap;
            if cell.goroutine == g && cell.goroutine_ns > 0 {
                cell.goroutine_ns += overlap;
            } else if overlap > cell.goroutine_ns {
                cell.goroutine = g;
                cell.goroutine_ns = overlap;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_add_up_in_their_pixels() {
        let mut t = Timeline {
            from: 0,
            to: 1000,
            pixels: 10,
            procs: BTreeMap::new(),
            live: vec![0; 10],
            annotations: Vec::new(),
            gc: vec![0; 10],
            stw: vec![0; 10],
            starts: Starts::default(),
        };
        t.ran(0, 7, 0, 250);
        t.ran(0, 8, 250, 260);
        t.ran(1, 9, 950, 2000);
        let p0 = &t.procs[&0];
        assert_eq!(p0[0].busy_ns, 100);
        assert_eq!(p0[2].busy_ns, 60);
        assert_eq!(p0[2].goroutine, 7);
        assert_eq!(p0[3].busy_ns, 0);
        assert_eq!(t.procs[&1][9].busy_ns, 50);
        assert_eq!(t.pixels_of(-50, -10), None);
        assert_eq!(t.pixels_of(500, 500), Some((5, 6)));
    }
}
