//! The documents of `workshop inspect PROFILE --base BASE`, `--list REGEX`
//! and `--tags`.

use std::path::Path;

use serde::Serialize;

use super::Document;
use super::human;
use crate::pprof::diff::Diff;
use crate::pprof::listing::Listing;
use crate::pprof::tags::{self, TagKey};
use crate::pprof::{FunctionTotal, Kind, Profile, SampleType};

/// `workshop inspect PROFILE --base BASE`: what changed per function.
#[derive(Debug)]
pub struct DiffDoc<'a> {
    pub path: &'a Path,
    pub profile: &'a Profile,
    pub diff: &'a Diff,
    pub view: human::DiffView<'a>,
}

/// What `inspect PROFILE --base BASE --json` holds.
#[derive(Serialize)]
struct DiffJson<'a> {
    kind: Kind,
    base: &'a Path,
    sample_types: &'a [SampleType],
    sample_type: &'a str,
    unit: &'a str,
    /// What percentages are of, as pprof takes it: the base's total of
    /// absolute values (both profiles' when the base has none).
    total: i64,
    current_total: i64,
    base_total: i64,
    /// The sum of flat of the functions listed.
    shown: i64,
    functions: &'a [FunctionTotal],
}

impl Serialize for DiffDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sample_type = &self.profile.sample_types[self.view.index];
        let mut functions = &self.diff.functions[..];
        if self.view.top > 0 && functions.len() > self.view.top {
            functions = &functions[..self.view.top];
        }
        DiffJson {
            kind: self.profile.kind(),
            base: self.view.base_path,
            sample_types: &self.profile.sample_types,
            sample_type: &sample_type.name,
            unit: &sample_type.unit,
            total: self.diff.total,
            current_total: self.diff.current,
            base_total: self.diff.base,
            shown: functions.iter().map(|f| f.flat).sum(),
            functions,
        }
        .serialize(serializer)
    }
}

impl Document for DiffDoc<'_> {
    fn human(&self) -> String {
        human::profile_diff(self.path, self.profile, self.diff, &self.view)
    }
}

/// `workshop inspect PROFILE --list REGEX`: flat and cum per source line.
#[derive(Debug, Serialize)]
pub struct SourceDoc<'a> {
    pub sample_type: &'a str,
    pub unit: &'a str,
    #[serde(flatten)]
    pub listing: &'a Listing,
}

impl Document for SourceDoc<'_> {
    fn human(&self) -> String {
        human::source_listing(self.listing, self.unit)
    }
}

/// `workshop inspect PROFILE --tags`: the profiler labels and what their
/// samples carry, as `go tool pprof -tags` shows them.
#[derive(Debug)]
pub struct TagsDoc<'a> {
    pub path: &'a Path,
    pub profile: &'a Profile,
    pub index: usize,
    pub tags: &'a [TagKey],
    /// The filters applied, as written.
    pub tagfocus: Option<&'a str>,
    pub tagignore: Option<&'a str>,
}

/// One value of a key in `--tags --json`.
#[derive(Serialize)]
struct TagValueJson<'a> {
    value: &'a str,
    amount: i64,
    /// Of the profile's total, 0 to 1.
    share: f64,
}

/// One key in `--tags --json`.
#[derive(Serialize)]
struct TagKeyJson<'a> {
    key: &'a str,
    amount: i64,
    share: f64,
    values: Vec<TagValueJson<'a>>,
}

/// What `inspect PROFILE --tags --json` holds.
#[derive(Serialize)]
struct TagsJson<'a> {
    kind: Kind,
    path: &'a Path,
    sample_types: &'a [SampleType],
    sample_type: &'a str,
    unit: &'a str,
    /// What shares are of: the samples' absolute values, after the filters.
    total: i64,
    samples: usize,
    tagfocus: Option<&'a str>,
    tagignore: Option<&'a str>,
    tags: Vec<TagKeyJson<'a>>,
}

fn share(amount: i64, total: i64) -> f64 {
    if total == 0 {
        0.0
    } else {
        amount as f64 / total as f64
    }
}

impl Serialize for TagsDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sample_type = &self.profile.sample_types[self.index];
        let total = tags::total(self.profile, self.index);
        TagsJson {
            kind: self.profile.kind(),
            path: self.path,
            sample_types: &self.profile.sample_types,
            sample_type: &sample_type.name,
            unit: &sample_type.unit,
            total,
            samples: self.profile.samples.len(),
            tagfocus: self.tagfocus,
            tagignore: self.tagignore,
            tags: self
                .tags
                .iter()
                .map(|k| TagKeyJson {
                    key: &k.key,
                    amount: k.amount,
                    share: share(k.amount, total),
                    values: k
                        .values
                        .iter()
                        .map(|v| TagValueJson {
                            value: &v.value,
                            amount: v.amount,
                            share: share(v.amount, total),
                        })
                        .collect(),
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

impl Document for TagsDoc<'_> {
    fn human(&self) -> String {
        let unit = &self.profile.sample_types[self.index].unit;
        human::tags(self.tags, tags::total(self.profile, self.index), unit)
    }
}
