//! What the decoded structures of one profile may hold: hostile input (a few
//! kilobytes of gzip that expand into millions of empty entries, a length
//! field that says gigabytes) is refused as it is read, before the memory is
//! spent. Every entry counts, empty ones too, and every length is checked
//! before anything is buffered for it. The limits are far above real
//! profiles: the largest in tests/fixtures/profiles hold 405 samples, 373
//! locations, 220 functions and 293 strings of at most 87 bytes; a profile of
//! 2^20 distinct call paths (tests/perf/bigprofile) holds 2^20 samples.

use crate::tr;

/// The most of each thing a profile may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Samples (16 times the 2^20-path profile).
    pub samples: u64,
    /// Values of all samples together (8 times the 2^20-path profile's).
    pub values: u64,
    /// Location ids of all samples together, stack frames before inlining
    /// (3 times the 2^20-path profile's 45 million).
    pub frames: u64,
    /// Sample types, and so values in one sample (Go writes at most 4).
    pub sample_types: u64,
    /// Locations (4 times the 2^20-path profile's).
    pub locations: u64,
    /// Lines of all locations together (inlined frames).
    pub lines: u64,
    /// Functions (a large Go binary has some 100,000).
    pub functions: u64,
    /// Strings in the string table.
    pub strings: u64,
    /// Bytes of one string.
    pub string_bytes: u64,
    /// Bytes of all strings together.
    pub table_bytes: u64,
    /// Labels of all samples together (`Sample.label`).
    pub labels: u64,
    /// Bytes of any other top-level field (one sample, location, function...).
    pub field_bytes: u64,
}

/// The limits every profile is read within.
pub const LIMITS: Limits = Limits {
    samples: 1 << 24,
    values: 1 << 25,
    frames: 1 << 27,
    sample_types: 1 << 10,
    locations: 1 << 22,
    lines: 1 << 24,
    functions: 1 << 21,
    strings: 1 << 22,
    string_bytes: 1 << 20,
    table_bytes: 1 << 27,
    labels: 1 << 25,
    field_bytes: 1 << 26,
};

impl Default for Limits {
    fn default() -> Limits {
        LIMITS
    }
}

/// What one limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Samples,
    Values,
    Frames,
    SampleTypes,
    SampleValues,
    Locations,
    Lines,
    Functions,
    Strings,
    TableBytes,
    StringBytes,
    Labels,
    /// A top-level field of `Profile`, by name.
    Field(&'static str),
}

/// A limit passed: what, and the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Over {
    pub what: What,
    pub limit: u64,
}

impl Limits {
    /// The limit on `what`.
    pub fn of(&self, what: What) -> u64 {
        match what {
            What::Samples => self.samples,
            What::Values => self.values,
            What::Frames => self.frames,
            What::SampleTypes | What::SampleValues => self.sample_types,
            What::Locations => self.locations,
            What::Lines => self.lines,
            What::Functions => self.functions,
            What::Strings => self.strings,
            What::TableBytes => self.table_bytes,
            What::StringBytes => self.string_bytes,
            What::Labels => self.labels,
            What::Field(_) => self.field_bytes,
        }
    }

    /// Whether `count` entries (or bytes) of `what` are past their limit.
    #[inline]
    pub fn check(&self, what: What, count: usize) -> Result<(), Over> {
        let limit = self.of(what);
        if count as u64 > limit {
            Err(Over { what, limit })
        } else {
            Ok(())
        }
    }
}

impl Over {
    /// What was passed, in words, in the chosen language.
    #[cold]
    pub fn text(self) -> String {
        let limit = self.limit.to_string();
        match self.what {
            What::Samples => tr!("pprof-budget-samples", limit = limit),
            What::Values => tr!("pprof-budget-values", limit = limit),
            What::Frames => tr!("pprof-budget-frames", limit = limit),
            What::SampleTypes => tr!("pprof-budget-sample-types", limit = limit),
            What::SampleValues => tr!("pprof-budget-sample-values", limit = limit),
            What::Locations => tr!("pprof-budget-locations", limit = limit),
            What::Lines => tr!("pprof-budget-lines", limit = limit),
            What::Functions => tr!("pprof-budget-functions", limit = limit),
            What::Strings => tr!("pprof-budget-strings", limit = limit),
            What::TableBytes => tr!("pprof-budget-table-bytes", limit = limit),
            What::StringBytes => tr!("pprof-budget-string-bytes", limit = limit),
            What::Labels => tr!("pprof-budget-labels", limit = limit),
            What::Field(field) => tr!(
                "pprof-budget-field",
                field = format!("Profile.{field}"),
                limit = limit
            ),
        }
    }
}
