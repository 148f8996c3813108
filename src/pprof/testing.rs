//! Helpers of the readers' tests: profiles compressed and decompressed, and
//! small CPU profiles built from named stacks.

use std::io::{Read, Write};

/// The bytes of a gzip stream, decompressed.
pub(super) fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut raw)
        .unwrap();
    raw
}

/// `bytes` as one gzip stream.
pub(super) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A CPU profile of one sample type whose samples are `(stack, value)`, the
/// stack's function names leaf first.
pub(super) fn cpu_profile(samples: &[(&[&str], i64)]) -> super::Profile {
    let mut functions: Vec<String> = Vec::new();
    let mut flat = super::Samples::new(1);
    for (stack, value) in samples {
        let frames: Vec<u32> = stack
            .iter()
            .map(|name| match functions.iter().position(|f| f == name) {
                Some(i) => i as u32,
                None => {
                    functions.push((*name).to_owned());
                    (functions.len() - 1) as u32
                }
            })
            .collect();
        flat.push(&frames, &[*value]);
    }
    super::Profile {
        sample_types: vec![super::SampleType {
            name: "cpu".into(),
            unit: "nanoseconds".into(),
        }],
        default_type: 0,
        period_type: None,
        period: 0,
        duration_nanos: 0,
        time_nanos: 0,
        functions,
        samples: flat,
        sites: Vec::new(),
        labels: Default::default(),
        unfiltered: None,
    }
}
