//! The reader against damaged input: every cut at or inside a batch and every
//! corrupted byte must give an error or a shorter trace, never a panic or a hang.

use super::facts::{Detail, Facts};
use super::wire::Source;
use super::{Reader, TraceError};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/traces")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads every event; the count, or the first error.
fn read_all(bytes: &[u8]) -> Result<u64, TraceError> {
    let mut reader = Reader::new(bytes)?;
    let mut events = 0u64;
    for event in reader.by_ref() {
        event?;
        events += 1;
        // A trace of n bytes cannot hold more events than bytes (plus syncs).
        assert!(
            events <= bytes.len() as u64 + 16,
            "the reader does not stop"
        );
    }
    Ok(events)
}

/// The file offsets where batches end (the first is the end of the header).
fn batch_ends(bytes: &[u8]) -> Vec<usize> {
    let mut source = Source::new(bytes);
    source.header().unwrap();
    let mut ends = vec![source.offset() as usize];
    while source.batch().unwrap().is_some() {
        ends.push(source.offset() as usize);
    }
    ends
}

const SAMPLES: [&str; 7] = [
    "churn-go122.trace",
    "tasks-go123.trace",
    "syscalls-go124.trace",
    "cpuprofile-go125.trace",
    "flightrecorder-go125.trace",
    "multigen-go126.trace",
    "preexisting-go126.trace",
];

#[test]
fn corpus_samples_read_cleanly() {
    for name in SAMPLES {
        let events = read_all(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(events > 10, "{name}: only {events} events");
    }
}

#[test]
fn truncation_at_and_inside_every_batch() {
    let mut cuts = 0;
    for name in SAMPLES {
        let bytes = fixture(name);
        let ends = batch_ends(&bytes);
        for window in ends.windows(2) {
            let (end, next_end) = (window[0], window[1]);
            // At a boundary: a shorter trace or an error, never a panic.
            let _ = read_all(&bytes[..end]);
            // Inside the next batch: always an error that says where.
            for cut in [end + 1, (end + next_end) / 2, next_end - 1] {
                if cut <= end || cut >= next_end {
                    continue;
                }
                cuts += 1;
                match read_all(&bytes[..cut]) {
                    Err(TraceError::Malformed { offset, .. }) => {
                        assert!(
                            offset <= cut as u64,
                            "{name} cut at {cut}: error at {offset} is past the end"
                        )
                    }
                    Err(other) => {
                        panic!("{name} cut at {cut}: expected a malformed-input error, got {other}")
                    }
                    Ok(events) => {
                        panic!("{name} cut at {cut}: read {events} events from a cut batch")
                    }
                }
            }
        }
    }
    assert!(cuts > 100, "only {cuts} cuts tried");
}

#[test]
fn corruption_of_every_batch_never_panics() {
    for name in SAMPLES {
        let bytes = fixture(name);
        let ends = batch_ends(&bytes);
        for window in ends.windows(2) {
            let (start, end) = (window[0], window[1]);
            let positions = [
                start,
                start + 1,
                start + 2,
                start + 3,
                (start + end) / 2,
                end - 1,
            ];
            for &position in positions.iter().filter(|&&p| p < end) {
                for value in [0x00, 0xff, bytes[position] ^ 0x01, bytes[position] ^ 0x80] {
                    let mut damaged = bytes.clone();
                    damaged[position] = value;
                    let _ = read_all(&damaged);
                }
            }
        }
    }
}

/// A small deterministic generator, so that failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_mutations_never_panic() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for name in SAMPLES {
        let bytes = fixture(name);
        for _ in 0..300 {
            let mut damaged = bytes.clone();
            for _ in 0..1 + rng.next() % 4 {
                let position = 16 + (rng.next() as usize) % (damaged.len() - 16);
                match rng.next() % 3 {
                    0 => damaged[position] = rng.next() as u8,
                    1 => {
                        damaged.remove(position);
                    }
                    _ => damaged.insert(position, rng.next() as u8),
                }
            }
            let _ = read_all(&damaged);
            if let Ok(reader) = Reader::new(&damaged[..]) {
                let _ = Facts::from_reader(reader, Detail::SUMMARY);
            }
        }
    }
}

#[test]
fn not_a_trace() {
    assert!(matches!(read_all(b""), Err(TraceError::NotATrace(_))));
    assert!(matches!(
        read_all(b"\x1f\x8b\x08\x00gzip"),
        Err(TraceError::NotATrace(_))
    ));
    assert!(matches!(
        read_all(b"go 1.11 trace\0\0\0"),
        Err(TraceError::Unsupported(_))
    ));
}

#[test]
fn header_only_trace_is_empty() {
    // Just a header: no generations, so only the closing Sync...
    assert_eq!(read_all(b"go 1.26 trace\0\0\0").unwrap(), 1);
    // ...which no goal judges: the runtime always writes a generation.
    let whole = Facts::whole(
        Reader::new(&b"go 1.26 trace\0\0\0"[..]).unwrap(),
        Detail::GOALS,
    );
    assert!(
        matches!(whole, Err(TraceError::Malformed { offset: 16, .. })),
        "{whole:?}"
    );
}

/// The facts goals judge, or the reader's error.
fn whole(bytes: &[u8]) -> Result<Facts, TraceError> {
    Facts::whole(Reader::new(bytes)?, Detail::GOALS)
}

/// Where each generation after the first begins: a cut there leaves a shorter
/// trace that is whole by every rule of the format (Go's reader reads it too).
fn generation_starts(bytes: &[u8]) -> Vec<usize> {
    let mut source = Source::new(bytes);
    source.header().unwrap();
    let (mut starts, mut last) = (Vec::new(), None);
    loop {
        let at = source.offset() as usize;
        let Some(batch) = source.batch().unwrap() else {
            break;
        };
        if batch.kind == super::wire::BatchKind::EndOfGeneration {
            starts.push(source.offset() as usize);
        } else if last.is_some_and(|g| g != batch.generation) && batch.generation != 0 {
            starts.push(at);
        }
        if batch.generation != 0 {
            last = Some(batch.generation);
        }
    }
    starts
}

#[test]
fn every_corpus_trace_is_whole() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/traces");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "trace") {
            Facts::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            read += 1;
        }
    }
    assert!(read > 80, "only {read} traces");
}

#[test]
fn a_trace_cut_short_anywhere_but_between_generations_is_not_whole() {
    for name in [
        "flightrecorder-go125.trace",
        "flightrecorder-go126.trace",
        "multigen-go125.trace",
        "multigen-go126.trace",
    ] {
        let bytes = fixture(name);
        whole(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let generations = generation_starts(&bytes);
        let ends = batch_ends(&bytes);
        let mut cuts: Vec<usize> = (0..17).collect();
        for window in ends.windows(2) {
            let (end, next_end) = (window[0], window[1]);
            cuts.extend([end, end + 1, (end + next_end) / 2, next_end - 1]);
        }
        cuts.retain(|cut| *cut < bytes.len() && !generations.contains(cut));
        cuts.dedup();
        for cut in cuts {
            match whole(&bytes[..cut]) {
                Err(e) => assert!(e.is_damage(), "{name} cut at {cut}: {e}"),
                Ok(facts) => panic!(
                    "{name} cut at {cut} of {}: read whole, {} events",
                    bytes.len(),
                    facts.events
                ),
            }
        }
    }
}

#[test]
fn anything_after_a_whole_trace_is_damage() {
    for name in ["flightrecorder-go125.trace", "flightrecorder-go126.trace"] {
        let bytes = fixture(name);
        let end = bytes.len() as u64;
        // Written twice to one writer: the second header is named as such.
        let twice = [&bytes[..], &bytes[..]].concat();
        match whole(&twice) {
            Err(TraceError::SecondTrace { offset, header }) => {
                assert_eq!(offset, end, "{name}");
                assert!(header.starts_with("go 1.2"), "{header}");
            }
            other => panic!("{name} written twice: {other:?}"),
        }
        // The tolerant reading still says so, after what it could read.
        let read = Facts::from_reader(Reader::new(&twice[..]).unwrap(), Detail::SUMMARY);
        if let Ok(facts) = read {
            assert!(
                facts
                    .error
                    .as_deref()
                    .is_some_and(|e| e.contains("second trace")),
                "{name}: {:?}",
                facts.error
            );
        }
        // Garbage, a stray zero, a lone `g`, or a header cut short.
        for tail in [&b"garbage"[..], &[0], b"g", b"go 1.2"] {
            let damaged = [&bytes[..], tail].concat();
            match whole(&damaged) {
                Err(TraceError::Malformed { offset, .. }) => assert_eq!(offset, end, "{name}"),
                other => panic!("{name} + {tail:?}: {other:?}"),
            }
        }
    }
}

#[test]
fn ended_goroutines_fold_into_their_groups() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/traces/churn-go125.trace");
    let every = Facts::read_with(
        &path,
        Detail {
            ended: usize::MAX,
            lifetimes: true,
        },
    )
    .unwrap();
    let summary = Facts::read_with(&path, Detail::SUMMARY).unwrap();
    assert!(every.goroutines_seen >= 300, "{}", every.goroutines_seen);
    assert_eq!(every.goroutines.len() as u64, every.goroutines_seen);
    // The summary keeps only the goroutines alive at the end, one by one...
    let alive = every.alive_at_end().count();
    assert_eq!(summary.goroutines.len(), alive);
    assert!(summary.goroutines.iter().all(|g| g.ended.is_none()));
    // ...and its groups hold every goroutine, with the same totals as the records.
    for facts in [&every, &summary] {
        let groups = &facts.goroutine_groups;
        assert_eq!(
            groups.iter().map(|g| g.count()).sum::<u64>(),
            every.goroutines_seen
        );
        assert_eq!(
            groups.iter().map(|g| g.ended).sum::<u64>() as usize,
            every
                .goroutines
                .iter()
                .filter(|g| g.ended.is_some())
                .count()
        );
        assert_eq!(
            groups.iter().map(|g| g.lifetime_ns()).sum::<i64>(),
            every
                .goroutines
                .iter()
                .map(|g| g.running_ns + g.runnable_ns + g.syscall_ns + g.waiting_total())
                .sum::<i64>()
        );
    }
    // Lifetimes only when asked for, one per goroutine created in the trace.
    assert!(
        summary
            .goroutine_groups
            .iter()
            .all(|g| g.lifetimes.is_empty())
    );
    assert_eq!(
        every
            .goroutine_groups
            .iter()
            .map(|g| g.lifetimes.len() as u64)
            .sum::<u64>(),
        every
            .goroutine_groups
            .iter()
            .map(|g| g.created)
            .sum::<u64>()
    );
    // Groups are the largest first.
    let counts: Vec<u64> = every.goroutine_groups.iter().map(|g| g.count()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn sites_are_the_first_frame_someone_can_act_on() {
    use super::facts::FrameInfo;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/traces/leak-go126.trace");
    let facts = Facts::read_with(&path, Detail::SUMMARY).unwrap();
    let root = facts.go_source.clone().expect("the runtime's source root");
    let frame = |function: &str, file: &str| FrameInfo {
        function: function.into(),
        file: if file.starts_with('/') {
            file.into()
        } else {
            format!("{root}{file}")
        },
        line: 1,
    };
    let gopark = frame("runtime.gopark", "runtime/proc.go");
    let chanrecv = frame("runtime.chanrecv", "runtime/chan.go");
    let chanrecv1 = frame("runtime.chanrecv1", "runtime/chan.go");
    let serve = frame("net/http.(*conn).serve", "net/http/server.go");
    let run = frame("testing.(*T).Run", "testing/testing.go");
    let main = frame("main.main", "/tmp/go-build1/b001/_testmain.go");
    let goexit = frame("runtime.goexit", "runtime/asm_amd64.s");
    let worker = frame("example.com/app.worker", "/src/app/worker.go");
    let flight = frame(
        "runtime/trace.(*FlightRecorder).Start.func1",
        "runtime/trace/flight.go",
    );

    // The program's own frame first.
    let stack = [
        gopark.clone(),
        chanrecv.clone(),
        chanrecv1.clone(),
        worker.clone(),
    ];
    assert_eq!(facts.place(&stack), Some(&worker));
    assert_eq!(facts.runtime_entry(&stack), Some("runtime.chanrecv1"));
    // Without one, the standard library's, not the runtime's nor the harness's.
    let stack = [
        gopark.clone(),
        chanrecv1.clone(),
        run.clone(),
        main.clone(),
        serve.clone(),
    ];
    assert_eq!(facts.place(&stack), Some(&serve));
    // The harness only: its frame rather than the runtime's.
    let stack = [gopark.clone(), chanrecv1.clone(), run.clone(), main.clone()];
    assert_eq!(facts.place(&stack), Some(&run));
    // runtime/trace is a package of its own, not the runtime.
    let stack = [gopark.clone(), flight.clone()];
    assert_eq!(facts.place(&stack), Some(&flight));
    assert_eq!(facts.runtime_entry(&stack), Some("runtime.gopark"));
    // The runtime alone: the function the goroutine runs.
    let bg = frame("runtime.bgsweep", "runtime/mgcsweep.go");
    let stack = [gopark.clone(), bg.clone(), goexit.clone()];
    assert_eq!(facts.place(&stack), Some(&bg));
    assert_eq!(facts.runtime_entry(&stack), None);
    // A `go` statement of the runtime is where its own goroutines come from.
    let starter = frame("runtime.gcBgMarkStartWorkers", "runtime/mgc.go");
    let stack = [starter.clone(), worker.clone()];
    assert_eq!(facts.creation_place(&stack), Some(&starter));
    assert_eq!(
        facts.creation_place(&[serve.clone(), worker.clone()]),
        Some(&worker)
    );
    assert_eq!(facts.place(&[]), None);
}
