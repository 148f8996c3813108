//! Profiler labels of samples (`Sample.label`): what `pprof.Do` and
//! `pprof.SetGoroutineLabels` attach to CPU and goroutine samples (string
//! values), and what Go's heap profiles attach as numbers (`bytes`). Kept as
//! pprof keeps them: a label with a string value is a string label, one with
//! a number or a unit is a numeric label, one with neither is dropped; a key
//! may hold several values in one sample. Profiles without labels (most)
//! cost nothing.

/// The value of one label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelValue {
    /// A string, as an index into [`Labels::name`].
    Str(u32),
    /// A number, and the unit the sample gave it (an index into
    /// [`Labels::name`]), if any.
    Num(i64, Option<u32>),
}

/// One label of a sample: a key (an index into [`Labels::name`]) and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub key: u32,
    pub value: LabelValue,
}

/// The labels of every sample of a profile, stored flat.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// Keys, string values and units, each once.
    names: Vec<String>,
    entries: Vec<Label>,
    /// Where each sample's labels end in `entries`; empty when no sample has one.
    ends: Vec<u32>,
    /// The unit of each numeric key as pprof infers it, by key.
    units: Vec<(u32, String)>,
}

impl Labels {
    /// Whether no sample has a label.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The labels of sample `n`.
    pub fn of(&self, n: usize) -> &[Label] {
        if self.ends.is_empty() {
            return &[];
        }
        let start = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        let end = self.ends.get(n).map_or(start, |&e| e as usize);
        &self.entries[start..end]
    }

    /// A key, string value or unit by index.
    pub fn name(&self, index: u32) -> &str {
        &self.names[index as usize]
    }

    /// The unit of a numeric key as pprof infers it: the first unit a sample
    /// gives it, else `bytes` for `alignment` and `request`, else the key's
    /// own name.
    pub fn unit(&self, key: u32) -> &str {
        self.units
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(|| self.name(key), |(_, unit)| unit.as_str())
    }

    /// The labels of the samples `keep` says, in order, with the same names
    /// and units.
    pub fn retain(&self, samples: usize, keep: impl Fn(usize) -> bool) -> Labels {
        let mut kept = Labels {
            names: self.names.clone(),
            units: self.units.clone(),
            ..Labels::default()
        };
        if self.is_empty() {
            return kept;
        }
        for n in (0..samples).filter(|&n| keep(n)) {
            kept.entries.extend_from_slice(self.of(n));
            kept.ends.push(kept.entries.len() as u32);
        }
        kept
    }
}

impl Labels {
    /// The labels of `samples` samples as read (`Sample.label`, each with its
    /// sample's number, in order), their strings found by `string`.
    pub(super) fn resolve<'s, E>(
        raw: &[(u32, super::proto::Label)],
        samples: usize,
        string: &dyn Fn(i64) -> Result<&'s str, E>,
    ) -> Result<Labels, E> {
        let mut builder = LabelsBuilder::default();
        if raw.is_empty() {
            return Ok(builder.finish());
        }
        let mut rest = raw;
        for n in 0..samples {
            let count = rest.iter().take_while(|(s, _)| *s as usize == n).count();
            let (these, after) = rest.split_at(count);
            rest = after;
            let mut resolved = Vec::with_capacity(these.len());
            for (_, label) in these {
                resolved.push((
                    string(label.key)?,
                    string(label.str)?,
                    label.num,
                    string(label.num_unit)?,
                ));
            }
            builder.push(resolved);
        }
        Ok(builder.finish())
    }
}

/// Builds [`Labels`] sample by sample, interning names.
#[derive(Debug, Default)]
pub struct LabelsBuilder {
    labels: Labels,
    index: rustc_hash::FxHashMap<String, u32>,
    /// Samples pushed so far.
    samples: usize,
}

impl LabelsBuilder {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.labels.names.len() as u32;
        self.labels.names.push(name.to_owned());
        self.index.insert(name.to_owned(), i);
        i
    }

    /// Adds the next sample's labels, as `(key, string value, number, unit)`
    /// with empty strings for none, as the format has them.
    pub fn push<'a>(&mut self, labels: impl IntoIterator<Item = (&'a str, &'a str, i64, &'a str)>) {
        for (key, text, num, unit) in labels {
            let value = if !text.is_empty() {
                LabelValue::Str(self.intern(text))
            } else if num != 0 || !unit.is_empty() {
                let unit = (!unit.is_empty()).then(|| self.intern(unit));
                LabelValue::Num(num, unit)
            } else {
                continue;
            };
            if self.labels.ends.len() < self.samples {
                // The first label: the samples before had none.
                self.labels.ends.resize(self.samples, 0);
            }
            let key = self.intern(key);
            self.labels.entries.push(Label { key, value });
        }
        self.samples += 1;
        if !self.labels.entries.is_empty() {
            self.labels.ends.push(self.labels.entries.len() as u32);
        }
    }

    /// The labels, with each numeric key's unit inferred as pprof infers it.
    pub fn finish(mut self) -> Labels {
        let mut units: Vec<(u32, String)> = Vec::new();
        let mut numeric: Vec<u32> = Vec::new();
        for label in &self.labels.entries {
            if let LabelValue::Num(_, unit) = label.value {
                if !numeric.contains(&label.key) {
                    numeric.push(label.key);
                }
                if let Some(unit) = unit
                    && !units.iter().any(|(k, _)| *k == label.key)
                {
                    units.push((label.key, self.labels.names[unit as usize].clone()));
                }
            }
        }
        for key in numeric {
            if !units.iter().any(|(k, _)| *k == key) {
                let name = &self.labels.names[key as usize];
                let unit = match name.as_str() {
                    "alignment" | "request" => "bytes".to_owned(),
                    _ => name.clone(),
                };
                units.push((key, unit));
            }
        }
        self.labels.units = units;
        self.labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_kept_per_sample_and_empty_ones_dropped() {
        let mut b = LabelsBuilder::default();
        b.push([]);
        b.push([("endpoint", "/search", 0, ""), ("bytes", "", 512, "")]);
        b.push([("empty", "", 0, "")]);
        b.push([("size", "", 3, "kilobytes"), ("request", "", 1, "")]);
        let labels = b.finish();
        assert!(labels.of(0).is_empty());
        let second: Vec<_> = labels.of(1).iter().map(|l| labels.name(l.key)).collect();
        assert_eq!(second, ["endpoint", "bytes"]);
        assert!(labels.of(2).is_empty());
        assert_eq!(labels.of(3).len(), 2);
        let key = |k: &str| {
            labels
                .of(1)
                .iter()
                .chain(labels.of(3))
                .find(|l| labels.name(l.key) == k)
                .unwrap()
                .key
        };
        assert_eq!(labels.unit(key("bytes")), "bytes");
        assert_eq!(labels.unit(key("size")), "kilobytes");
        assert_eq!(labels.unit(key("request")), "bytes");
        let kept = labels.retain(4, |n| n % 2 == 1);
        assert_eq!(kept.of(0).len(), 2);
        assert_eq!(kept.of(1).len(), 2);
        assert_eq!(kept.unit(key("size")), "kilobytes");
    }

    #[test]
    fn no_labels_cost_nothing() {
        let mut b = LabelsBuilder::default();
        for _ in 0..1000 {
            b.push([]);
        }
        let labels = b.finish();
        assert!(labels.is_empty());
        assert!(labels.of(999).is_empty());
    }
}
