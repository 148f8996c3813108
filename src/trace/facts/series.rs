//! A trace's levels over time, for small pictures: live goroutines, running
//! goroutines, heap in use and when the GC ran, each aggregated as the events
//! stream by into at most [`SERIES_BUCKETS`] buckets of one width. The width
//! doubles (neighbouring buckets merge) whenever the trace outgrows them, so
//! memory stays the same however long the trace is.

use serde::Serialize;

/// The most buckets a series has.
pub const SERIES_BUCKETS: usize = 256;

/// The width of a bucket at first, in ns; it doubles as the trace grows.
const FIRST_WIDTH: i64 = 1_000;

/// A trace's levels over time, in buckets of `bucket_ns` from `start`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Series {
    /// When the first bucket starts, in ns on the trace clock.
    pub start: i64,
    /// How long each bucket is, in ns.
    pub bucket_ns: i64,
    /// The most goroutines alive at once in each bucket.
    pub live_goroutines: Vec<u64>,
    /// How many goroutines ran at once in each bucket, on average over it.
    pub running_goroutines: Vec<f64>,
    /// The most heap in use in each bucket, in bytes.
    pub heap_bytes: Vec<u64>,
    /// The share of each bucket during which the GC was marking (0 to 1).
    pub gc: Vec<f64>,
}

impl Series {
    /// How many buckets it has.
    pub fn len(&self) -> usize {
        self.live_goroutines.len()
    }

    /// Whether it has no bucket at all.
    pub fn is_empty(&self) -> bool {
        self.live_goroutines.is_empty()
    }
}

/// One bucket as it fills: maxima and time integrals.
#[derive(Debug, Clone, Copy, Default)]
struct Bucket {
    live: u64,
    heap: u64,
    /// Running goroutines × ns.
    running: f64,
    /// ns of GC marking.
    gc: i64,
}

/// Fills a [`Series`] from level changes in time order.
#[derive(Debug)]
pub(super) struct SeriesBuilder {
    start: Option<i64>,
    width: i64,
    /// Up to when the integrals are summed.
    last: i64,
    live: u64,
    running: u64,
    heap: u64,
    gc: bool,
    buckets: Vec<Bucket>,
}

impl SeriesBuilder {
    pub(super) fn new() -> Self {
        SeriesBuilder {
            start: None,
            width: FIRST_WIDTH,
            last: 0,
            live: 0,
            running: 0,
            heap: 0,
            gc: false,
            buckets: Vec::new(),
        }
    }

    fn index(&self, start: i64, time: i64) -> usize {
        ((time - start) / self.width) as usize
    }

    /// Brings the buckets up to `time` with the levels held until then.
    pub(super) fn at(&mut self, time: i64) {
        let start = *self.start.get_or_insert(time);
        let time = time.max(self.last).max(start);
        while self.index(start, time) >= SERIES_BUCKETS {
            self.merge();
        }
        let mut t = self.last.max(start);
        while t < time {
            let i = self.index(start, t);
            let until = (start + (i as i64 + 1) * self.width).min(time);
            self.ensure(i);
            let bucket = &mut self.buckets[i];
            bucket.running += self.running as f64 * (until - t) as f64;
            if self.gc {
                bucket.gc += until - t;
            }
            t = until;
        }
        let i = self.index(start, time);
        self.ensure(i);
        self.last = time;
    }

    /// Buckets up to `i`, a new one starting at the levels held.
    fn ensure(&mut self, i: usize) {
        while self.buckets.len() <= i {
            self.buckets.push(Bucket {
                live: self.live,
                heap: self.heap,
                ..Bucket::default()
            });
        }
    }

    /// Neighbouring buckets merged into one of twice the width.
    fn merge(&mut self) {
        self.buckets = self
            .buckets
            .chunks(2)
            .map(|pair| {
                pair.iter().fold(Bucket::default(), |a, b| Bucket {
                    live: a.live.max(b.live),
                    heap: a.heap.max(b.heap),
                    running: a.running + b.running,
                    gc: a.gc + b.gc,
                })
            })
            .collect();
        self.width *= 2;
    }

    /// The bucket of the time reached, after a level changed.
    fn mark(&mut self) {
        if let (Some(start), Some(_)) = (self.start, self.buckets.last()) {
            let i = self.index(start, self.last);
            let (live, heap) = (self.live, self.heap);
            let bucket = &mut self.buckets[i];
            bucket.live = bucket.live.max(live);
            bucket.heap = bucket.heap.max(heap);
        }
    }

    pub(super) fn live(&mut self, time: i64, live: usize) {
        self.at(time);
        self.live = live as u64;
        self.mark();
    }

    /// One more goroutine running (`+1`) or one fewer (`-1`).
    pub(super) fn running(&mut self, time: i64, change: i64) {
        self.at(time);
        self.running = self.running.saturating_add_signed(change);
    }

    pub(super) fn heap(&mut self, time: i64, bytes: u64) {
        self.at(time);
        self.heap = bytes;
        self.mark();
    }

    pub(super) fn gc(&mut self, time: i64, marking: bool) {
        self.at(time);
        self.gc = marking;
    }

    pub(super) fn finish(mut self, end: i64) -> Series {
        let Some(start) = self.start else {
            return Series::default();
        };
        self.at(end);
        let width = self.width;
        // The last bucket may end with the trace, before its width.
        let span = |i: usize| ((end - start) - i as i64 * width).clamp(1, width) as f64;
        let round = |x: f64| (x * 1000.0).round() / 1000.0;
        Series {
            start,
            bucket_ns: width,
            live_goroutines: self.buckets.iter().map(|b| b.live).collect(),
            running_goroutines: (self.buckets.iter().enumerate())
                .map(|(i, b)| round(b.running / span(i)))
                .collect(),
            heap_bytes: self.buckets.iter().map(|b| b.heap).collect(),
            gc: (self.buckets.iter().enumerate())
                .map(|(i, b)| round((b.gc as f64 / span(i)).min(1.0)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_fill_buckets_and_stay_bounded() {
        let mut b = SeriesBuilder::new();
        b.live(0, 1);
        b.running(0, 1);
        b.gc(500, true);
        b.gc(1_000, false);
        b.live(1_500, 3);
        b.heap(2_500, 1024);
        let s = b.finish(3_000);
        assert_eq!(s.bucket_ns, 1_000);
        assert_eq!(s.live_goroutines, vec![1, 3, 3, 3]);
        assert_eq!(s.running_goroutines[..3], [1.0, 1.0, 1.0]);
        assert_eq!(s.heap_bytes, vec![0, 0, 1024, 1024]);
        assert_eq!(s.gc[..2], [0.5, 0.0]);

        // A long trace: the buckets double, never more than the limit.
        let mut b = SeriesBuilder::new();
        b.gc(0, true);
        for i in 0..100_000i64 {
            b.live(i * 997, (i % 50) as usize);
            b.running(i * 997, if i % 2 == 0 { 1 } else { -1 });
        }
        let s = b.finish(100_000 * 997);
        assert!(
            s.len() <= SERIES_BUCKETS && s.len() > SERIES_BUCKETS / 2,
            "{}",
            s.len()
        );
        assert!(s.live_goroutines.iter().all(|&l| l == 49));
        assert!(s.running_goroutines.iter().all(|&r| r > 0.4 && r < 0.6));
        assert!(s.gc[..s.len() - 1].iter().all(|&g| g == 1.0), "{:?}", s.gc);
    }
}
