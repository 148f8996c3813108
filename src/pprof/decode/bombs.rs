//! Profile bombs, written by hand: every shape is refused with its field named.

use super::walk_within;
use crate::pprof::budget::{LIMITS, Limits, Over, What};
use crate::pprof::testing::gzip;
use crate::pprof::wire::{Fault, Stream};
use crate::pprof::{Profile, ProfileError};

fn varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A length-delimited field of `Profile` or of a message in it.
fn field(tag: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    varint(u64::from(tag) << 3 | 2, &mut out);
    varint(payload.len() as u64, &mut out);
    out.extend_from_slice(payload);
    out
}

/// `count` empty entries of the repeated field `tag`: two bytes each.
fn empty(tag: u32, count: usize) -> Vec<u8> {
    field(tag, &[]).repeat(count)
}

/// Limits of 10 of everything, and 100 bytes.
const SMALL: Limits = Limits {
    samples: 10,
    values: 10,
    frames: 10,
    sample_types: 10,
    locations: 10,
    lines: 10,
    functions: 10,
    strings: 10,
    string_bytes: 100,
    table_bytes: 100,
    labels: 10,
    field_bytes: 100,
};

/// What passing `limits` on `bytes` says, or that nothing did.
fn over(bytes: &[u8], limits: Limits) -> Option<Over> {
    match walk_within(&mut Stream::new(bytes, u64::MAX), limits) {
        Err(Fault::Budget(over)) => Some(over),
        Err(Fault::Wire { why, .. }) => panic!("{why}"),
        _ => None,
    }
}

#[test]
fn empty_entries_count_as_entries() {
    for (tag, what) in [
        (2, What::Samples),
        (4, What::Locations),
        (5, What::Functions),
        (6, What::Strings),
        (1, What::SampleTypes),
    ] {
        assert_eq!(over(&empty(tag, 10), SMALL), None, "{what:?}");
        assert_eq!(
            over(&empty(tag, 11), SMALL),
            Some(Over { what, limit: 10 }),
            "{what:?}"
        );
    }
}

#[test]
fn values_frames_and_lines_count_however_they_are_written() {
    let packed = |tag: u32, count: usize| field(tag, &vec![1u8; count]);
    let sample = |body: Vec<u8>| field(2, &body);
    // Packed or one field each, in one sample or across samples.
    let cases = [
        (sample(packed(2, 11)), What::SampleValues),
        (sample([0x10, 1].repeat(11)), What::SampleValues),
        (sample(packed(2, 6)).repeat(2), What::Values),
        (sample(packed(1, 11)), What::Frames),
        (sample([0x08, 1].repeat(11)), What::Frames),
        (sample(packed(1, 6)).repeat(2), What::Frames),
        (field(4, &field(4, &[]).repeat(11)), What::Lines),
        (field(4, &field(4, &[]).repeat(6)).repeat(2), What::Lines),
    ];
    for (bytes, what) in cases {
        let limit = SMALL.of(what);
        assert_eq!(over(&bytes, SMALL), Some(Over { what, limit }), "{what:?}");
    }
}

#[test]
fn a_length_is_checked_before_anything_is_buffered_for_it() {
    // Lengths that say far more than follows: refused at once, not read
    // up to the end of the input as a cut-short field would be.
    let mut huge = vec![0x32];
    varint(4 << 30, &mut huge);
    huge.push(b'x');
    assert_eq!(
        over(&huge, LIMITS),
        Some(Over {
            what: What::StringBytes,
            limit: LIMITS.string_bytes
        })
    );
    for (tag, name) in [
        (1, "sample_type"),
        (2, "sample"),
        (4, "location"),
        (5, "function"),
    ] {
        let bytes = field(tag, &[0x08; 101]);
        assert_eq!(
            over(&bytes, SMALL),
            Some(Over {
                what: What::Field(name),
                limit: 100
            })
        );
    }
    let table = field(6, &[b'a'; 60]).repeat(2);
    assert_eq!(
        over(&table, SMALL),
        Some(Over {
            what: What::TableBytes,
            limit: 100
        })
    );
}

/// What `Profile::decode` says of a profile that is over its limits.
fn refusal(bytes: &[u8]) -> String {
    match Profile::decode(bytes) {
        Err(e @ ProfileError::OverBudget(_)) => e.to_string(),
        other => panic!("{:?}", other.map(|_| "a profile")),
    }
}

#[test]
fn bombs_are_refused_naming_the_field() {
    // A string whose length says 4 GiB, compressed: no more than its
    // first bytes are read.
    let mut huge = vec![0x32];
    varint(4 << 30, &mut huge);
    huge.extend([0; 4096]);
    let text = refusal(&gzip(&huge));
    assert!(
        text.contains("a string of more than 1048576 bytes (Profile.string_table)"),
        "{text}"
    );
    // Empty functions past the limit, each two bytes.
    let bomb = empty(5, LIMITS.functions as usize + 1);
    let text = refusal(&gzip(&bomb));
    assert!(
        text.contains("more than 2097152 functions (Profile.function)"),
        "{text}"
    );
}

// The largest fixtures hold some 400 samples, locations, functions and
// strings; the 2^20-path profile of tests/perf/bigprofile 2^20 samples, 2^20
// locations, 4 million values and 45 million frames.
const _: () = assert!(
    LIMITS.samples >= 16 << 20
        && LIMITS.locations >= 4 << 20
        && LIMITS.values >= 32 << 20
        && LIMITS.frames >= 128 << 20
);

#[test]
fn the_lines_of_one_location_are_counted_before_they_are_decoded() {
    // One location of many empty lines, within the bytes of a field.
    let location = field(4, &[&[0x08, 1][..], &field(4, &[]).repeat(40)].concat());
    let limits = Limits {
        lines: 39,
        ..LIMITS
    };
    assert_eq!(
        over(&location, limits),
        Some(Over {
            what: What::Lines,
            limit: 39
        })
    );
    assert_eq!(
        over(
            &location,
            Limits {
                lines: 40,
                ..LIMITS
            }
        ),
        None
    );
}
