//! A reader for Go execution traces, the format that `go test -trace`,
//! `runtime/trace.Start` and `trace.FlightRecorder.WriteTo` write (Go 1.22 to
//! 1.26), and the facts the workshop derives from them.
//!
//! The file is read one generation at a time (memory is bounded by a generation
//! plus the live scheduler state); each thread's batches are merged into one
//! order by [`order::Ordering`], and events come out of [`Reader`] as an iterator.

pub mod dump;
mod event;
pub mod facts;
mod generation;
mod order;
pub mod spec;
#[cfg(test)]
mod tests;
pub mod timeline;
mod wire;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

pub use event::{
    Ctx, Event, ExperimentalArg, Frame, GoState, Kind, NO_TASK, ProcState, RangeScope, Resource,
};
pub use generation::ClockSnapshot;
pub use spec::Version;

use generation::{CpuSample, Generation, GenerationReader};
use order::{Ordering, RawEvent, Step};

use crate::tr;

/// Why a trace could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TraceError {
    #[error("{}", tr!("trace-error-io"))]
    Io(#[source] std::io::Error),

    #[error("{}", tr!("trace-error-not-a-trace", why = .0))]
    NotATrace(String),

    #[error("{}", tr!("trace-error-unsupported", version = .0))]
    Unsupported(String),

    #[error("{}", tr!("trace-error-malformed", offset = .offset.to_string(), what = .what))]
    Malformed { offset: u64, what: String },

    #[error("{}", tr!("trace-error-broken", generation = .generation.to_string(), what = .what))]
    Broken { generation: u64, what: String },

    /// A second trace, header and all, begins where the first one's data ends:
    /// a trace was written to one writer more than once.
    #[error("{}", tr!("trace-error-second-trace", offset = .offset.to_string(), header = .header))]
    SecondTrace { offset: u64, header: String },
}

impl TraceError {
    /// Whether the file's bytes are at fault (damaged, cut short, not a trace,
    /// two traces in one), rather than reading them or this reader's reach
    /// (a format version it does not know).
    pub fn is_damage(&self) -> bool {
        !matches!(self, TraceError::Io(_) | TraceError::Unsupported(_))
    }
}

/// A position in one thread's batches.
#[derive(Debug)]
struct Cursor {
    thread: usize,
    m: i64,
    batch: usize,
    pos: usize,
    /// The time of the previous event, which the next one's delta is added to.
    last: i64,
    /// The next event of this thread.
    ev: RawEvent,
}

/// Reads the events of a trace in order.
pub struct Reader<R> {
    generations: GenerationReader<R>,
    order: Ordering,
    generation: Option<Generation>,
    /// One cursor per thread with events left, kept as a binary min-heap on time.
    frontier: Vec<Cursor>,
    cpu: VecDeque<CpuSample>,
    syncs: u64,
    last_time: i64,
    done: bool,
    events: u64,
}

impl Reader<BufReader<File>> {
    /// Opens a trace file.
    pub fn open(path: &Path) -> Result<Self, TraceError> {
        let file = File::open(path).map_err(TraceError::Io)?;
        Reader::new(BufReader::with_capacity(1 << 16, file))
    }
}

impl<R: BufRead> Reader<R> {
    /// Reads the header; events follow through the iterator.
    pub fn new(input: R) -> Result<Self, TraceError> {
        let generations = GenerationReader::new(wire::Source::new(input))?;
        let version = generations.version();
        Ok(Reader {
            generations,
            order: Ordering::new(version),
            generation: None,
            frontier: Vec::new(),
            cpu: VecDeque::new(),
            syncs: 0,
            last_time: 0,
            done: false,
            events: 0,
        })
    }

    pub fn version(&self) -> Version {
        self.order.version()
    }

    /// Bytes of the file read so far.
    pub fn offset(&self) -> u64 {
        self.generations.offset()
    }

    /// Events returned so far.
    pub fn events(&self) -> u64 {
        self.events
    }

    fn broken(&self, what: String) -> TraceError {
        TraceError::Broken {
            generation: self.generation.as_ref().map_or(0, |g| g.number),
            what,
        }
    }

    /// The next event in order, before the checks every event gets.
    fn step(&mut self) -> Result<Event, TraceError> {
        if let Some(event) = self.order.pop() {
            return Ok(event);
        }
        if self.frontier.is_empty() && self.cpu.is_empty() {
            return self.next_generation();
        }
        let Some(generation) = &self.generation else {
            return Err(self.broken(tr!("trace-error-no-generation")));
        };
        if let Some(sample) = self.cpu.front()
            && self
                .frontier
                .first()
                .is_none_or(|c| sample.time < c.ev.time)
        {
            let sample = *sample;
            self.cpu.pop_front();
            let ctx = Ctx {
                g: sample.g,
                p: sample.p,
                m: sample.m,
            };
            return Ok(Event::new(
                spec::EV_CPU_SAMPLE,
                sample.time,
                ctx,
                [sample.stack, 0, 0, 0],
                &generation.tables,
            ));
        }
        if self.frontier.is_empty() {
            return Err(self.broken(tr!("trace-error-events-missing")));
        }
        if !self.try_advance(0)? {
            // The earliest event must wait for another thread: look at the others
            // in time order (ties keep their heap order).
            self.frontier.sort_by_key(|c| c.ev.time);
            let mut advanced = false;
            for i in 1..self.frontier.len() {
                if self.try_advance(i)? {
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                return Err(self.stuck());
            }
        }
        self.order
            .pop()
            .ok_or_else(|| self.broken(tr!("trace-error-advanced-nothing")))
    }

    /// Describes a frontier where no event can happen.
    fn stuck(&self) -> TraceError {
        let waiting: Vec<String> = self
            .frontier
            .iter()
            .map(|c| {
                let args: Vec<String> = c.ev.args.iter().map(u64::to_string).collect();
                tr!(
                    "trace-error-thread-waits",
                    thread = c.m.to_string(),
                    event = spec::name(c.ev.typ),
                    time = c.ev.time.to_string(),
                    args = args.join(" ")
                )
            })
            .collect();
        self.broken(tr!(
            "trace-error-stuck",
            waiting = crate::i18n::clauses(&waiting),
            state = self.order.describe()
        ))
    }

    fn try_advance(&mut self, i: usize) -> Result<bool, TraceError> {
        let Some(generation) = &self.generation else {
            return Ok(false);
        };
        let cursor = &self.frontier[i];
        let step = self
            .order
            .advance(&cursor.ev, &generation.tables, cursor.m, generation.number)
            .map_err(|what| TraceError::Broken {
                generation: generation.number,
                what: tr!(
                    "trace-error-event-on-thread",
                    event = spec::name(cursor.ev.typ),
                    time = cursor.ev.time.to_string(),
                    thread = cursor.m.to_string(),
                    what = what
                ),
            })?;
        if let Step::Wait = step {
            return Ok(false);
        }
        let version = self.order.version();
        if advance_cursor(&mut self.frontier[i], generation, version)? {
            heap_update(&mut self.frontier, i);
        } else {
            heap_remove(&mut self.frontier, i);
        }
        Ok(true)
    }

    /// Moves to the next generation: a Sync event, or the final one at the end.
    fn next_generation(&mut self) -> Result<Event, TraceError> {
        self.syncs += 1;
        match self.generations.next_generation()? {
            None => {
                self.done = true;
                self.generation = None;
                Ok(Event::sync(self.last_time, self.syncs, None))
            }
            Some(generation) => {
                let version = self.order.version();
                self.frontier.clear();
                for (thread, batches) in generation.threads.iter().enumerate() {
                    let mut cursor = Cursor {
                        thread,
                        m: batches.m,
                        batch: 0,
                        pos: 0,
                        last: 0,
                        ev: RawEvent {
                            typ: 0,
                            time: 0,
                            args: [0; 4],
                        },
                    };
                    if advance_cursor(&mut cursor, &generation, version)? {
                        heap_insert(&mut self.frontier, cursor);
                    }
                }
                self.cpu = generation.cpu_samples.iter().copied().collect();
                let event = Event::sync(
                    generation.freq.ns(generation.min_ts),
                    self.syncs,
                    Some(generation.tables.clone()),
                );
                self.generation = Some(generation);
                Ok(event)
            }
        }
    }

    /// Checks that the event's string and stack ids resolve.
    fn validate(&self, event: &Event) -> Result<(), TraceError> {
        let (Some(spec), Some(tables)) = (spec::spec(event.typ), event.tables()) else {
            return Ok(());
        };
        for &position in spec.stacks {
            let id = event.args[position - 1];
            if !tables.stacks.contains(id) {
                return Err(self.broken(format!(
                    "{} at {}ns names stack {id}, which the generation does not define",
                    spec.name, event.time
                )));
            }
        }
        for &position in spec.strings {
            let id = event.args[position - 1];
            if !tables.strings.contains(id) {
                return Err(self.broken(format!(
                    "{} at {}ns names string {id}, which the generation does not define",
                    spec.name, event.time
                )));
            }
        }
        Ok(())
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Event, TraceError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.step().and_then(|mut event| {
            self.validate(&event)?;
            // Timestamps can tie or run backwards across threads; keep them rising.
            if event.time <= self.last_time {
                event.time = self.last_time.saturating_add(1);
            }
            self.last_time = event.time;
            Ok(event)
        });
        match result {
            Ok(event) => {
                self.events += 1;
                Some(Ok(event))
            }
            Err(error) => {
                self.done = true;
                self.frontier.clear();
                self.cpu.clear();
                while self.order.pop().is_some() {}
                Some(Err(error))
            }
        }
    }
}

/// Decodes the next event of a cursor's thread; false when it has none left.
fn advance_cursor(
    cursor: &mut Cursor,
    generation: &Generation,
    version: Version,
) -> Result<bool, TraceError> {
    let batches = &generation.threads[cursor.thread].batches;
    while cursor.batch < batches.len() && batches[cursor.batch].data.len() == cursor.pos {
        cursor.batch += 1;
        cursor.pos = 0;
        cursor.last = 0;
    }
    let Some(batch) = batches.get(cursor.batch) else {
        return Ok(false);
    };
    if cursor.last == 0 {
        cursor.last = generation.freq.ns(batch.time);
    }
    let data = &batch.data[cursor.pos..];
    let at = batch.data_offset + cursor.pos as u64;
    let typ = data[0];
    let Some(spec) = version.timed(typ) else {
        return Err(TraceError::Malformed {
            offset: at,
            what: tr!(
                "trace-error-not-timed",
                version = format!("go 1.{}", version.minor()),
                found = spec::name(typ)
            ),
        });
    };
    let mut pos = 1;
    let mut values = [0u64; 5];
    for value in values.iter_mut().take(spec.args.len()) {
        let Some((decoded, len)) = wire::decode_uvarint(&data[pos..]) else {
            return Err(TraceError::Malformed {
                offset: at + pos as u64,
                what: tr!("trace-error-arguments-broken", event = spec.name),
            });
        };
        *value = decoded;
        pos += len;
    }
    let time = generation.freq.ns(values[0]).wrapping_add(cursor.last);
    cursor.ev = RawEvent {
        typ,
        time,
        args: [values[1], values[2], values[3], values[4]],
    };
    cursor.last = time;
    cursor.pos += pos;
    Ok(true)
}

// The frontier is a binary min-heap on event time, maintained with the same
// sift rules as Go's reader, so that ties between threads resolve the same way.

fn heap_insert(heap: &mut Vec<Cursor>, cursor: Cursor) {
    heap.push(cursor);
    let last = heap.len() - 1;
    sift_up(heap, last);
}

fn heap_update(heap: &mut [Cursor], i: usize) {
    if sift_up(heap, i) == i {
        sift_down(heap, i);
    }
}

fn heap_remove(heap: &mut Vec<Cursor>, mut i: usize) {
    while i > 0 {
        heap.swap((i - 1) / 2, i);
        i = (i - 1) / 2;
    }
    let last = heap.len() - 1;
    heap.swap(0, last);
    heap.pop();
    sift_down(heap, 0);
}

fn sift_up(heap: &mut [Cursor], mut i: usize) -> usize {
    while i > 0 && heap[(i - 1) / 2].ev.time > heap[i].ev.time {
        heap.swap((i - 1) / 2, i);
        i = (i - 1) / 2;
    }
    i
}

fn sift_down(heap: &mut [Cursor], mut i: usize) {
    loop {
        let mut smallest = i;
        let mut time = heap.get(i).map_or(i64::MAX, |c| c.ev.time);
        for child in [2 * i + 1, 2 * i + 2] {
            if let Some(c) = heap.get(child)
                && c.ev.time < time
            {
                time = c.ev.time;
                smallest = child;
            }
        }
        if smallest == i {
            return;
        }
        heap.swap(i, smallest);
        i = smallest;
    }
}
