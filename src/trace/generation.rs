//! One generation of a trace: the batches between two generation boundaries, with
//! the tables (strings, stacks, frames) that its events refer to. A generation is
//! the unit the reader holds in memory.

use std::io::BufRead;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::TraceError;
use super::spec::{self, Version};
use super::wire::{Batch, BatchKind, Cursor, Field, MAX_FRAMES, MAX_STRING_SIZE, Source};
use crate::tr;

/// Nanoseconds per timestamp tick, as the trace's frequency event gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frequency(f64);

impl Frequency {
    fn from_ticks_per_second(ticks: u64) -> Frequency {
        Frequency(1.0 / (ticks as f64 / 1e9))
    }

    /// Ticks to nanoseconds, truncated toward zero like Go's conversion.
    #[inline]
    pub fn ns(self, ticks: u64) -> i64 {
        (ticks as f64 * self.0) as i64
    }
}

/// Ids of a table, dense when the ids are (the usual case), sparse otherwise.
#[derive(Debug)]
pub enum IdTable<T> {
    Dense(Vec<Option<T>>),
    Sparse(FxHashMap<u64, T>),
}

impl<T> IdTable<T> {
    fn build(map: FxHashMap<u64, T>) -> Self {
        let max = map.keys().copied().max().unwrap_or(0);
        if max as usize <= 2 * map.len() + 16 {
            let mut dense: Vec<Option<T>> = Vec::new();
            dense.resize_with(max as usize + 1, || None);
            for (id, value) in map {
                dense[id as usize] = Some(value);
            }
            IdTable::Dense(dense)
        } else {
            IdTable::Sparse(map)
        }
    }

    /// The entry `id`; id 0 is never stored (it means "none").
    #[inline]
    pub fn get(&self, id: u64) -> Option<&T> {
        match self {
            IdTable::Dense(dense) => dense.get(id as usize).and_then(Option::as_ref),
            IdTable::Sparse(map) => map.get(&id),
        }
    }

    /// Whether `id` resolves: 0 always does (to the empty value).
    #[inline]
    pub fn contains(&self, id: u64) -> bool {
        id == 0 || self.get(id).is_some()
    }
}

/// A frame of a stack: the function and file name (string ids) and line of a PC.
#[derive(Debug, Clone, Copy)]
pub struct FrameRef {
    pub func: u64,
    pub file: u64,
    pub line: u64,
}

/// The trace's clock snapshot: one instant on the trace, monotonic and wall clocks.
#[derive(Debug, Clone, Copy)]
pub struct ClockSnapshot {
    /// Trace time, in nanoseconds.
    pub trace: i64,
    pub mono: u64,
    pub sec: u64,
    pub nsec: u64,
}

/// What the events of one generation refer to.
#[derive(Debug)]
pub struct Tables {
    pub strings: IdTable<Box<[u8]>>,
    pub stacks: IdTable<Box<[u64]>>,
    pub frames: FxHashMap<u64, FrameRef>,
    pub clock: Option<ClockSnapshot>,
}

impl Tables {
    /// The string `id`; 0 is the empty string.
    pub fn string(&self, id: u64) -> Option<&[u8]> {
        if id == 0 {
            Some(&[])
        } else {
            self.strings.get(id).map(|s| &s[..])
        }
    }

    /// The PCs of stack `id`, innermost first; 0 is the empty stack.
    pub fn stack(&self, id: u64) -> Option<&[u64]> {
        if id == 0 {
            Some(&[])
        } else {
            self.stacks.get(id).map(|s| &s[..])
        }
    }
}

/// A CPU profile sample recorded in the trace.
#[derive(Debug, Clone, Copy)]
pub struct CpuSample {
    /// Nanoseconds.
    pub time: i64,
    pub m: i64,
    pub p: i64,
    pub g: i64,
    pub stack: u64,
}

/// The event batches of one thread, in file order.
#[derive(Debug)]
pub struct ThreadBatches {
    pub m: i64,
    pub batches: Vec<Batch>,
}

/// A whole generation, read and checked.
#[derive(Debug)]
pub struct Generation {
    pub number: u64,
    pub freq: Frequency,
    /// The earliest batch timestamp, in ticks.
    pub min_ts: u64,
    /// Threads in the order their first batch appears.
    pub threads: Vec<ThreadBatches>,
    /// Sorted by time.
    pub cpu_samples: Vec<CpuSample>,
    pub tables: Rc<Tables>,
}

/// Collects the batches of a generation as they are read.
struct Builder {
    version: Version,
    number: u64,
    min_ts: u64,
    freq: Option<Frequency>,
    clock: Option<(u64, u64, u64, u64)>,
    strings: FxHashMap<u64, Box<[u8]>>,
    stacks: FxHashMap<u64, Box<[u64]>>,
    frames: FxHashMap<u64, FrameRef>,
    threads: Vec<ThreadBatches>,
    thread_index: FxHashMap<i64, usize>,
    cpu_samples: Vec<(u64, i64, i64, i64, u64)>,
}

impl Builder {
    fn new(version: Version) -> Self {
        Builder {
            version,
            number: 0,
            min_ts: 0,
            freq: None,
            clock: None,
            strings: FxHashMap::default(),
            stacks: FxHashMap::default(),
            frames: FxHashMap::default(),
            threads: Vec::new(),
            thread_index: FxHashMap::default(),
            cpu_samples: Vec::new(),
        }
    }

    fn add(&mut self, batch: Batch) -> Result<(), TraceError> {
        if self.min_ts == 0 || batch.time < self.min_ts {
            self.min_ts = batch.time;
        }
        if let BatchKind::Experimental(_) = batch.kind {
            // Experimental batches hold data of runtime experiments (allocation
            // tracking); nothing the workshop reads. They are skipped, never an error.
            return Ok(());
        }
        let sync_marker = if self.version >= Version::Go125 {
            spec::EV_SYNC
        } else {
            spec::EV_FREQUENCY
        };
        match batch.first_event() {
            Some(spec::EV_STRINGS) => self.strings(&batch),
            Some(spec::EV_STACKS) => self.stacks(&batch),
            Some(spec::EV_CPU_SAMPLES) => self.cpu_samples(&batch),
            Some(first) if first == sync_marker => self.sync(&batch),
            _ => {
                let index = *self.thread_index.entry(batch.m).or_insert_with(|| {
                    self.threads.push(ThreadBatches {
                        m: batch.m,
                        batches: Vec::new(),
                    });
                    self.threads.len() - 1
                });
                self.threads[index].batches.push(batch);
                Ok(())
            }
        }
    }

    fn strings(&mut self, batch: &Batch) -> Result<(), TraceError> {
        let mut data = Cursor::new(&batch.data, batch.data_offset);
        data.byte(Field::StringsMarker)?;
        while !data.at_end() {
            let at = data.offset();
            let typ = data.byte(Field::StringEvent)?;
            if typ != spec::EV_STRING {
                return Err(malformed(
                    at,
                    tr!("trace-error-not-a-string", found = spec::name(typ)),
                ));
            }
            let id = data.uvarint(Field::StringId)?;
            let len_at = data.offset();
            let len = data.uvarint(Field::StringLength)?;
            if len > MAX_STRING_SIZE {
                return Err(malformed(
                    len_at,
                    tr!(
                        "trace-error-string-too-long",
                        len = len.to_string(),
                        max = MAX_STRING_SIZE.to_string()
                    ),
                ));
            }
            let bytes = data.bytes(len, Field::String)?;
            if id == 0 || self.strings.insert(id, bytes.into()).is_some() {
                return Err(malformed(
                    at,
                    if id == 0 {
                        tr!(
                            "trace-error-string-id-reserved",
                            generation = self.number.to_string()
                        )
                    } else {
                        tr!(
                            "trace-error-string-id-twice",
                            id = id.to_string(),
                            generation = self.number.to_string()
                        )
                    },
                ));
            }
        }
        Ok(())
    }

    fn stacks(&mut self, batch: &Batch) -> Result<(), TraceError> {
        let mut data = Cursor::new(&batch.data, batch.data_offset);
        data.byte(Field::StacksMarker)?;
        while !data.at_end() {
            let at = data.offset();
            let typ = data.byte(Field::StackEvent)?;
            if typ != spec::EV_STACK {
                return Err(malformed(
                    at,
                    tr!("trace-error-not-a-stack", found = spec::name(typ)),
                ));
            }
            let id = data.uvarint(Field::StackId)?;
            let count_at = data.offset();
            let count = data.uvarint(Field::StackFrameCount)?;
            if count > MAX_FRAMES {
                return Err(malformed(
                    count_at,
                    tr!(
                        "trace-error-stack-too-deep",
                        count = count.to_string(),
                        max = MAX_FRAMES.to_string()
                    ),
                ));
            }
            let mut pcs = Vec::with_capacity(count as usize);
            for _ in 0..count {
                let pc = data.uvarint(Field::FramePc)?;
                let func = data.uvarint(Field::FrameFunction)?;
                let file = data.uvarint(Field::FrameFile)?;
                let line = data.uvarint(Field::FrameLine)?;
                self.frames
                    .entry(pc)
                    .or_insert(FrameRef { func, file, line });
                pcs.push(pc);
            }
            if id == 0 || self.stacks.insert(id, pcs.into()).is_some() {
                return Err(malformed(
                    at,
                    if id == 0 {
                        tr!(
                            "trace-error-stack-id-reserved",
                            generation = self.number.to_string()
                        )
                    } else {
                        tr!(
                            "trace-error-stack-id-twice",
                            id = id.to_string(),
                            generation = self.number.to_string()
                        )
                    },
                ));
            }
        }
        Ok(())
    }

    fn cpu_samples(&mut self, batch: &Batch) -> Result<(), TraceError> {
        let mut data = Cursor::new(&batch.data, batch.data_offset);
        data.byte(Field::CpuSamplesMarker)?;
        while !data.at_end() {
            let at = data.offset();
            let typ = data.byte(Field::CpuSampleEvent)?;
            if typ != spec::EV_CPU_SAMPLE {
                return Err(malformed(
                    at,
                    tr!("trace-error-not-a-cpu-sample", found = spec::name(typ)),
                ));
            }
            let time = data.uvarint(Field::SampleTimestamp)?;
            let m = data.uvarint(Field::SampleThread)? as i64;
            let p = data.uvarint(Field::SampleProc)? as i64;
            let g = match data.uvarint(Field::SampleGoroutine)? {
                0 => -1,
                g => g as i64,
            };
            let stack = data.uvarint(Field::SampleStack)?;
            self.cpu_samples.push((time, m, p, g, stack));
        }
        Ok(())
    }

    fn sync(&mut self, batch: &Batch) -> Result<(), TraceError> {
        let mut data = Cursor::new(&batch.data, batch.data_offset);
        if self.version >= Version::Go125 {
            data.byte(Field::SyncMarker)?;
        }
        let mut last = batch.time;
        while !data.at_end() {
            let at = data.offset();
            match data.byte(Field::SyncEvent)? {
                spec::EV_FREQUENCY => {
                    let ticks = data.uvarint(Field::Frequency)?;
                    if self.freq.is_some() {
                        return Err(malformed(
                            at,
                            tr!(
                                "trace-error-second-frequency",
                                generation = self.number.to_string()
                            ),
                        ));
                    }
                    if ticks == 0 {
                        return Err(malformed(at, tr!("trace-error-zero-frequency")));
                    }
                    self.freq = Some(Frequency::from_ticks_per_second(ticks));
                }
                spec::EV_CLOCK_SNAPSHOT if self.version >= Version::Go125 => {
                    if self.clock.is_some() {
                        return Err(malformed(
                            at,
                            tr!(
                                "trace-error-second-clock",
                                generation = self.number.to_string()
                            ),
                        ));
                    }
                    last = last.wrapping_add(data.uvarint(Field::SnapshotDelta)?);
                    let mono = data.uvarint(Field::MonotonicClock)?;
                    let sec = data.uvarint(Field::WallSeconds)?;
                    let nsec = data.uvarint(Field::WallNanoseconds)?;
                    self.clock = Some((last, mono, sec, nsec));
                }
                other => {
                    return Err(malformed(
                        at,
                        tr!("trace-error-not-a-sync", found = spec::name(other)),
                    ));
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Generation, TraceError> {
        let Some(freq) = self.freq else {
            return Err(TraceError::Broken {
                generation: self.number,
                what: tr!("trace-error-no-frequency"),
            });
        };
        if self.version >= Version::Go125 && self.clock.is_none() {
            return Err(TraceError::Broken {
                generation: self.number,
                what: tr!("trace-error-no-clock"),
            });
        }
        for (id, pcs) in &self.stacks {
            for pc in pcs.iter() {
                let Some(frame) = self.frames.get(pc) else {
                    continue;
                };
                for (function, string) in [(true, frame.func), (false, frame.file)] {
                    if string != 0 && !self.strings.contains_key(&string) {
                        let (id, string) = (id.to_string(), string.to_string());
                        return Err(TraceError::Broken {
                            generation: self.number,
                            what: if function {
                                tr!(
                                    "trace-error-stack-function-string",
                                    stack = id,
                                    string = string
                                )
                            } else {
                                tr!("trace-error-stack-file-string", stack = id, string = string)
                            },
                        });
                    }
                }
            }
        }
        let mut cpu_samples: Vec<CpuSample> = self
            .cpu_samples
            .into_iter()
            .map(|(time, m, p, g, stack)| CpuSample {
                time: freq.ns(time),
                m,
                p,
                g,
                stack,
            })
            .collect();
        cpu_samples.sort_by_key(|s| s.time);
        Ok(Generation {
            number: self.number,
            freq,
            min_ts: self.min_ts,
            threads: self.threads,
            cpu_samples,
            tables: Rc::new(Tables {
                strings: IdTable::build(self.strings),
                stacks: IdTable::build(self.stacks),
                frames: self.frames,
                clock: self.clock.map(|(time, mono, sec, nsec)| ClockSnapshot {
                    trace: freq.ns(time),
                    mono,
                    sec,
                    nsec,
                }),
            }),
        })
    }
}

fn malformed(offset: u64, what: String) -> TraceError {
    TraceError::Malformed { offset, what }
}

/// Reads generations one at a time, by the rule of the trace's version.
pub struct GenerationReader<R> {
    source: Source<R>,
    version: Version,
    /// Go < 1.26: the first batch of the next generation, read while looking for
    /// the end of the previous one.
    spill: Option<Batch>,
}

impl<R: BufRead> GenerationReader<R> {
    pub fn new(mut source: Source<R>) -> Result<Self, TraceError> {
        let version = source.header()?;
        Ok(GenerationReader {
            source,
            version,
            spill: None,
        })
    }

    pub fn version(&self) -> Version {
        self.version
    }

    pub fn offset(&self) -> u64 {
        self.source.offset()
    }

    /// The next complete generation, or `None` at the end of the trace.
    pub fn next_generation(&mut self) -> Result<Option<Generation>, TraceError> {
        if self.version >= Version::Go126 {
            self.next_marked()
        } else {
            self.next_spilled()
        }
    }

    /// Go 1.26+: a generation ends with an EndOfGeneration marker.
    fn next_marked(&mut self) -> Result<Option<Generation>, TraceError> {
        let mut builder = Builder::new(self.version);
        let mut any = false;
        loop {
            let at = self.source.offset();
            let Some(batch) = self.source.batch()? else {
                if any {
                    return Err(malformed(
                        at,
                        tr!(
                            "trace-error-ends-inside-generation",
                            generation = builder.number.to_string()
                        ),
                    ));
                }
                return Ok(None);
            };
            if batch.kind == BatchKind::EndOfGeneration {
                if !any {
                    return Err(malformed(at, tr!("trace-error-lone-end-marker")));
                }
                break;
            }
            if batch.generation == 0 {
                return Err(malformed(at, tr!("trace-error-generation-zero")));
            }
            if !any {
                builder.number = batch.generation;
            } else if batch.generation != builder.number {
                return Err(malformed(
                    at,
                    tr!(
                        "trace-error-interleaved",
                        batch = batch.generation.to_string(),
                        generation = builder.number.to_string()
                    ),
                ));
            }
            any = true;
            builder.add(batch)?;
        }
        builder.finish().map(Some)
    }

    /// Go 1.22-1.25: a generation ends where a batch of the next one begins.
    fn next_spilled(&mut self) -> Result<Option<Generation>, TraceError> {
        let mut builder = Builder::new(self.version);
        if let Some(batch) = self.spill.take() {
            builder.number = batch.generation;
            builder.add(batch)?;
        }
        loop {
            let at = self.source.offset();
            let Some(batch) = self.source.batch()? else {
                break;
            };
            if batch.kind == BatchKind::EndOfGeneration {
                return Err(malformed(
                    at,
                    tr!(
                        "trace-error-early-end-marker",
                        version = format!("go 1.{}", self.version.minor())
                    ),
                ));
            }
            if batch.generation == 0 {
                return Err(malformed(at, tr!("trace-error-generation-zero")));
            }
            if builder.number == 0 {
                builder.number = batch.generation;
            } else if batch.generation == builder.number.wrapping_add(1) {
                self.spill = Some(batch);
                break;
            } else if batch.generation != builder.number {
                return Err(malformed(
                    at,
                    tr!(
                        "trace-error-out-of-order",
                        batch = batch.generation.to_string(),
                        generation = builder.number.to_string()
                    ),
                ));
            }
            builder.add(batch)?;
        }
        if builder.number == 0 {
            return Ok(None);
        }
        builder.finish().map(Some)
    }
}
