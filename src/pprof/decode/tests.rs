//! The decoder against built profiles, the fixtures and damage of every kind.

use super::*;

const CPU: &[u8] = include_bytes!("../../../tests/fixtures/profiles/cpu.pprof");
const HEAP: &[u8] = include_bytes!("../../../tests/fixtures/profiles/heap.pprof");
const HEAP_RAW: &[u8] = include_bytes!("../../../tests/fixtures/profiles/heap-raw.pprof");
const GOROUTINE: &[u8] = include_bytes!("../../../tests/fixtures/profiles/goroutine.pprof");

use crate::pprof::testing::{gunzip, gzip};

fn varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A length-delimited field.
fn field(tag: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    varint(u64::from(tag) << 3 | u64::from(LEN), &mut out);
    varint(payload.len() as u64, &mut out);
    out.extend_from_slice(payload);
    out
}

/// main.main calls main.f, into which main.g is inlined; one location
/// is not symbolized.
fn sample_profile() -> proto::Profile {
    let strings = ["", "samples", "count", "main.main", "main.f", "main.g"];
    let function = |id: u64, name: i64| proto::Function {
        id,
        name,
        system_name: name,
        ..Default::default()
    };
    let line = |function_id: u64| proto::Line {
        function_id,
        ..Default::default()
    };
    let location = |id: u64, lines: Vec<proto::Line>| proto::Location {
        id,
        address: 0x1000 + id,
        line: lines,
        ..Default::default()
    };
    let sample = |location_id: Vec<u64>, value: i64| proto::Sample {
        location_id,
        value: vec![value],
        label: vec![proto::Label {
            key: 1,
            num: 7,
            ..Default::default()
        }],
    };
    proto::Profile {
        sample_type: vec![proto::ValueType { r#type: 1, unit: 2 }],
        sample: vec![
            sample(vec![1, 2], 5),
            sample(vec![2], 3),
            sample(vec![3, 1, 2], 1),
        ],
        mapping: vec![proto::Mapping {
            id: 1,
            memory_start: 0x1000,
            ..Default::default()
        }],
        location: vec![
            location(1, vec![line(3), line(2)]),
            location(2, vec![line(1)]),
            location(3, vec![]),
        ],
        function: vec![function(1, 3), function(2, 4), function(3, 5)],
        string_table: strings.iter().map(|s| (*s).to_owned()).collect(),
        period: 1,
        duration_nanos: 10,
        ..Default::default()
    }
}

fn decoded(p: &proto::Profile) -> Result<Profile, ProfileError> {
    Profile::decode(&p.encode_to_vec())
}

/// Each sample's stack by name, and its first value.
fn stacks(p: &Profile) -> Vec<(Vec<&str>, i64)> {
    p.samples
        .iter()
        .map(|s| {
            let names = s.frames.iter().map(|&f| p.functions[f as usize].as_str());
            (names.collect(), s.values[0])
        })
        .collect()
}

fn invalid(p: &proto::Profile) -> String {
    match decoded(p) {
        Err(ProfileError::Invalid(why)) => why,
        other => panic!("not invalid: {other:?}"),
    }
}

fn not_profile(bytes: &[u8]) -> String {
    match Profile::decode(bytes) {
        Err(ProfileError::NotProfile(why)) => why,
        other => panic!("taken for a profile: {other:?}"),
    }
}

#[test]
fn inlined_calls_are_frames_of_their_own() {
    let p = decoded(&sample_profile()).unwrap();
    assert_eq!(
        stacks(&p),
        vec![
            (vec!["main.g", "main.f", "main.main"], 5),
            (vec!["main.main"], 3),
            (vec!["0x1003", "main.g", "main.f", "main.main"], 1),
        ]
    );
    assert_eq!((p.period, p.duration_nanos), (1, 10));
    assert_eq!(p.samples.len(), 3);
}

#[test]
fn locations_of_one_frame_resolve_in_place() {
    let mut raw = sample_profile();
    raw.location[0].line.truncate(1);
    let p = decoded(&raw).unwrap();
    assert_eq!(
        stacks(&p),
        vec![
            (vec!["main.g", "main.main"], 5),
            (vec!["main.main"], 3),
            (vec!["0x1003", "main.g", "main.main"], 1),
        ]
    );
}

#[test]
fn any_location_ids_resolve() {
    // Sparse, and beyond 2^31 and 2^32.
    for (a, b, c) in [(1 << 40, 7, 5_000_000), (u64::MAX, 1 << 31, (1 << 31) - 1)] {
        let mut raw = sample_profile();
        raw.location[0].id = a;
        raw.location[1].id = b;
        raw.location[2].id = c;
        raw.sample[0].location_id = vec![a, b];
        raw.sample[1].location_id = vec![b];
        raw.sample[2].location_id = vec![c, a, b];
        assert_eq!(
            stacks(&decoded(&raw).unwrap()),
            stacks(&decoded(&sample_profile()).unwrap())
        );
        raw.sample[1].location_id = vec![a.wrapping_add(1)];
        assert_eq!(
            invalid(&raw),
            format!(
                "sample 1 names location {}, which is not defined",
                a.wrapping_add(1)
            )
        );
    }
}

#[test]
fn fields_in_any_order_and_encoding_read_the_same() {
    let raw = sample_profile();
    let expected = decoded(&raw).unwrap();
    // Concatenated messages merge: the string table first, samples last.
    let part = |f: &dyn Fn(&mut proto::Profile)| {
        let mut p = proto::Profile::default();
        f(&mut p);
        p.encode_to_vec()
    };
    let mut bytes = part(&|p| p.string_table = raw.string_table.clone());
    bytes.extend(part(&|p| p.function = raw.function.clone()));
    bytes.extend(part(&|p| p.location = raw.location.clone()));
    bytes.extend(part(&|p| p.sample = raw.sample[..1].to_vec()));
    bytes.extend(part(&|p| p.sample_type = raw.sample_type.clone()));
    bytes.extend(part(&|p| p.period = raw.period));
    // A sample with its ids and values unpacked, interleaved, and an
    // unknown field (a group holding a varint).
    let mut sample = vec![0x10, 3, 0x08, 2];
    sample.extend([0x3b, 0x08, 0x01, 0x3c]);
    // Its label, after the rest.
    sample.extend([0x1a, 4, 0x08, 1, 0x18, 7]);
    bytes.extend(field(2, &sample));
    bytes.extend(part(&|p| p.sample = raw.sample[2..].to_vec()));
    bytes.extend(part(&|p| p.duration_nanos = raw.duration_nanos));
    assert_eq!(Profile::decode(&bytes).unwrap(), expected);
    assert_eq!(Profile::decode(&gzip(&bytes)).unwrap(), expected);
}

#[test]
fn raw_and_gzipped_fixtures_read_the_same() {
    assert_eq!(
        Profile::decode(HEAP_RAW).unwrap(),
        Profile::decode(HEAP).unwrap()
    );
    let cpu = Profile::decode(CPU).unwrap();
    assert_eq!(Profile::decode(&gunzip(CPU)).unwrap(), cpu);
    assert!(cpu.samples.len() > 10);
}

#[test]
fn broken_references_are_invalid() {
    let mut p = sample_profile();
    p.sample_type[0].unit = 99;
    assert_eq!(
        invalid(&p),
        "a sample type refers to string 99, past the 6 strings of the table"
    );
    let mut p = sample_profile();
    p.default_sample_type = -1;
    assert_eq!(
        invalid(&p),
        "the default sample type refers to string -1, past the 6 strings of the table"
    );
    let mut p = sample_profile();
    p.function[1].system_name = 6;
    assert_eq!(
        invalid(&p),
        "a function's system name refers to string 6, past the 6 strings of the table"
    );
    let mut p = sample_profile();
    p.function[2].id = 0;
    assert_eq!(invalid(&p), "a function has id 0");
    let mut p = sample_profile();
    p.function[2].id = 1;
    assert_eq!(invalid(&p), "function id 1 is defined twice");
    let mut p = sample_profile();
    p.location[1].id = 0;
    assert_eq!(invalid(&p), "a location has id 0");
    let mut p = sample_profile();
    p.location[1].line[0].function_id = 4;
    assert_eq!(
        invalid(&p),
        "location 2 names function 4, which is not defined"
    );
    let mut p = sample_profile();
    p.location[2].id = 1;
    assert_eq!(invalid(&p), "location id 1 is defined twice");
    let mut p = sample_profile();
    p.sample[1].location_id = vec![2, 0];
    assert_eq!(
        invalid(&p),
        "sample 1 names location 0, which is not defined"
    );
    let mut p = sample_profile();
    p.sample[2].value = vec![1, 2];
    assert_eq!(invalid(&p), "sample 2 has 2 values for 1 sample types");
    p.sample[0].value = vec![];
    assert_eq!(invalid(&p), "sample 0 has 0 values for 1 sample types");
    // Samples are checked in order, each for its values first.
    let mut p = sample_profile();
    p.sample[1].location_id = vec![9];
    p.sample[2].value = vec![];
    assert_eq!(
        invalid(&p),
        "sample 1 names location 9, which is not defined"
    );
    p.sample[1].value = vec![];
    assert_eq!(invalid(&p), "sample 1 has 0 values for 1 sample types");
}

#[test]
fn what_is_not_a_profile_says_why() {
    let mut p = sample_profile();
    p.string_table[0] = "x".into();
    assert!(not_profile(&p.encode_to_vec()).contains("string table does not start"));
    let mut p = sample_profile();
    p.sample_type.clear();
    assert_eq!(
        not_profile(&p.encode_to_vec()),
        "it declares no sample types"
    );
    // Sample (2) as a varint.
    assert_eq!(
        not_profile(&[0x10, 0x01]),
        "the protobuf does not decode at byte 1: Profile.sample has the wrong wire type (varint)"
    );
    let mut bytes = sample_profile().encode_to_vec();
    bytes.extend(field(6, &[0xff, 0xfe]));
    let why = not_profile(&bytes);
    assert!(
        why.ends_with("a string of the string table is not UTF-8"),
        "{why}"
    );
    let why = not_profile(&gzip(&field(2, &[0x08, 0x80])));
    assert!(
        why.starts_with(
            "the protobuf does not decode at byte 3 (uncompressed): a sample: a varint is cut short"
        ),
        "{why}"
    );
    let why = not_profile(&field(4, &[0x22, 0x01, 0x08]));
    assert!(
        why.contains("a location: Line.function_id: Location.line: invalid varint"),
        "{why}"
    );
}

/// Decoding did not panic; what decodes must hold together.
fn check(bytes: &[u8]) -> Result<Profile, ProfileError> {
    let outcome = Profile::decode(bytes);
    if let Ok(p) = &outcome {
        for sample in &p.samples {
            assert_eq!(sample.values.len(), p.sample_types.len());
            assert!(
                sample
                    .frames
                    .iter()
                    .all(|&f| (f as usize) < p.functions.len())
            );
        }
        for index in 0..p.sample_types.len() {
            let functions = p.functions(index, None);
            if let Some(first) = functions.first() {
                let pattern = regex::Regex::new(&regex::escape(&first.name)).unwrap();
                p.paths_into(index, &pattern, 3);
            }
        }
    }
    outcome
}

#[test]
fn every_prefix_is_an_error_or_a_profile_never_a_panic() {
    let raw = gunzip(GOROUTINE);
    let whole = Profile::decode(&raw).unwrap();
    for n in 0..raw.len() {
        // Go writes the string table last, so a prefix that decodes
        // lacks only strings that nothing resolved names (the mappings').
        if let Ok(p) = check(&raw[..n]) {
            assert_eq!(
                (&p.samples, &p.functions),
                (&whole.samples, &whole.functions)
            );
        }
    }
    for n in 2..GOROUTINE.len() {
        assert!(
            matches!(check(&GOROUTINE[..n]), Err(ProfileError::Gzip(_))),
            "{n} bytes"
        );
    }
}

#[test]
fn flipped_bytes_are_an_error_or_a_profile_never_a_panic() {
    // xorshift64: the same flips every run.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut random = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let raw = gunzip(CPU);
    let heap = sample_profile().encode_to_vec();
    let (mut decoded, mut rounds) = (0, 0);
    for input in [&raw, &heap, &CPU.to_vec()] {
        for _ in 0..1500 {
            let mut bytes = input.clone();
            for _ in 0..1 + random(3) {
                let at = random(bytes.len());
                bytes[at] ^= 1 + random(255) as u8;
            }
            if random(4) == 0 {
                bytes.truncate(random(bytes.len()));
            }
            rounds += 1;
            decoded += usize::from(check(&bytes).is_ok());
        }
    }
    // Some flips land in values and names: both outcomes are exercised.
    assert!(
        decoded > 0 && decoded < rounds,
        "{decoded} of {rounds} decoded"
    );
}

const LABELS_CPU: &[u8] = include_bytes!("../../../tests/fixtures/profiles/labels-cpu.pprof");
const LABELS_GOROUTINE: &[u8] =
    include_bytes!("../../../tests/fixtures/profiles/labels-goroutine.pprof");

/// Each sample's labels as `key=value` text, sorted.
fn labels_of(profile: &Profile, n: usize) -> Vec<String> {
    let labels = &profile.labels;
    let mut text: Vec<String> = labels
        .of(n)
        .iter()
        .map(|l| match l.value {
            crate::pprof::labels::LabelValue::Str(v) => {
                format!("{}={}", labels.name(l.key), labels.name(v))
            }
            crate::pprof::labels::LabelValue::Num(v, unit) => format!(
                "{}={v}{}",
                labels.name(l.key),
                unit.map_or("", |u| labels.name(u))
            ),
        })
        .collect();
    text.sort();
    text
}

#[test]
fn sample_labels_of_pprof_do_are_kept() {
    let profile = Profile::decode(LABELS_GOROUTINE).unwrap();
    let all: Vec<Vec<String>> = (0..profile.samples.len())
        .map(|n| labels_of(&profile, n))
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(all.len(), 5, "{all:?}");
    assert!(all.contains(&vec!["endpoint=/static".to_owned(), "worker=4".to_owned()]));
    // Labels of nested pprof.Do calls are merged into the sample.
    let cpu = Profile::decode(LABELS_CPU).unwrap();
    let nested = (0..cpu.samples.len())
        .map(|n| labels_of(&cpu, n))
        .find(|l| l.iter().any(|l| l == "phase=hash"))
        .expect("a sample under phase=hash");
    assert_eq!(nested, ["endpoint=/login", "phase=hash", "tenant=globex"]);
    assert!((0..cpu.samples.len()).any(|n| labels_of(&cpu, n).is_empty()));
}

#[test]
fn numeric_labels_keep_their_value_and_unit() {
    // Go's heap profiles label each sample with its block size, `bytes`.
    let heap = Profile::decode(HEAP).unwrap();
    let labelled = (0..heap.samples.len())
        .map(|n| labels_of(&heap, n))
        .filter(|l| !l.is_empty())
        .count();
    assert!(labelled > 10, "{labelled} samples with labels");
    assert!(
        (0..heap.samples.len())
            .all(|n| labels_of(&heap, n).iter().all(|l| l.starts_with("bytes=")))
    );
    let mut built = sample_profile();
    built.sample[0].label = vec![
        proto::Label {
            key: 3,
            num: 5,
            num_unit: 2,
            ..Default::default()
        },
        // Neither a string, a number nor a unit: dropped, as pprof drops it.
        proto::Label {
            key: 4,
            ..Default::default()
        },
    ];
    let profile = Profile::decode(&built.encode_to_vec()).unwrap();
    assert_eq!(labels_of(&profile, 0), ["main.main=5count"]);
    assert_eq!(labels_of(&profile, 1), ["samples=7"]);
}
