//! `flight-recorder`: a snapshot the exercise's code writes with
//! `trace.FlightRecorder.WriteTo` to the path in [`SNAPSHOT_ENV`]: it exists,
//! is one whole trace (not cut short, nothing after it, written once), comes
//! from Go 1.25 or later, holds a task or region of a name, and stays within a
//! size.

use serde::Deserialize;

use crate::exec::GoVersion;
use crate::goals::trace::{SNAPSHOT_ENV, inventory};
use crate::goals::{Bound, Checker, Facts, Kind, Outcome, Requirement, Status};
use crate::tr;
use crate::units::beside;

/// A flight-recorder snapshot the exercise wrote: it exists, is one whole
/// trace, comes from Go 1.25 or later, holds a task or region, and stays
/// within a size.
#[derive(Debug, Clone)]
pub struct FlightRecorder {
    pub run: String,
    pub task: Option<String>,
    pub region: Option<String>,
    pub max_bytes: Option<u64>,
    /// At most this many tasks named `task`: a snapshot holds the recent
    /// past, not the whole run.
    pub tasks_at_most: Option<u64>,
}

/// The keys of a `flight-recorder` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FlightRecorderFile {
    #[serde(default)]
    pub task: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub max_bytes: Option<u64>,
    #[serde(default)]
    pub tasks_at_most: Option<u64>,
}

impl Kind for FlightRecorder {
    type File = FlightRecorderFile;

    fn validate(file: FlightRecorderFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if checker.go() < GoVersion::new(1, 25, 0) {
            checker.problem("", tr!("flight-needs-go"));
        }
        if file.tasks_at_most.is_some() && file.task.is_none() {
            checker.problem("tasks-at-most", tr!("flight-tasks-at-most-needs-task"));
        }
        FlightRecorder {
            run,
            task: file.task,
            region: file.region,
            max_bytes: file.max_bytes,
            tasks_at_most: file.tasks_at_most,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Snapshot {
            run: self.run.clone(),
        }]
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let mut outcome = Outcome::new(
            tr!("flight-subject"),
            self.max_bytes.map(|b| Bound::AtMost(b as f64)),
        );
        outcome.unit = Some("bytes".into());
        let Some(snapshot) = facts.snapshots.get(&self.run) else {
            outcome.status = Status::Inconclusive;
            outcome.explanation = Some(tr!("flight-run-not-made", run = &self.run));
            return outcome;
        };
        let Some(size) = snapshot.size else {
            outcome.explanation = Some(tr!("flight-not-written", variable = SNAPSHOT_ENV));
            outcome.evidence.push(tr!(
                "flight-expected-file",
                path = snapshot.path.display().to_string()
            ));
            return outcome;
        };
        outcome.measured = Some(size as f64);
        let trace = match &snapshot.read {
            Some(Ok(trace)) => trace,
            Some(Err(damage)) => {
                // Each WriteTo writes a whole trace, header first: a second
                // header means a second call on the same writer.
                let why = match damage.second_trace {
                    Some(offset) => {
                        outcome.evidence.push(damage.why.clone());
                        tr!("flight-two-traces", offset = offset.to_string())
                    }
                    None => tr!("flight-unreadable", why = &damage.why),
                };
                damage.fail(&mut outcome, why);
                return outcome;
            }
            None => return outcome,
        };
        let mut problems = Vec::new();
        let minor: u32 = trace
            .format
            .trim_start_matches("go 1.")
            .parse()
            .unwrap_or(0);
        if minor < 25 {
            problems.push(tr!("flight-old-format", format = &trace.format));
        }
        // The headline shows the first named task or region that is missing.
        let mut missing = None;
        if let Some(task) = &self.task
            && !trace.tasks.iter().any(|t| *t.name == **task)
        {
            let task = format!("{task:?}");
            missing.get_or_insert(tr!("flight-tasks-subject", task = &task));
            problems.push(tr!("flight-no-task", task = &task));
            outcome.evidence.push(tr!(
                "trace-found-tasks",
                tasks = inventory(trace.tasks.iter().map(|t| &*t.name))
            ));
        }
        if let Some(region) = &self.region
            && !trace.regions.iter().any(|r| *r.name == **region)
        {
            let region = format!("{region:?}");
            missing.get_or_insert(tr!("flight-regions-subject", region = &region));
            problems.push(tr!("flight-no-region", region = &region));
            outcome.evidence.push(tr!(
                "trace-found-regions",
                regions = inventory(trace.regions.iter().map(|r| &*r.name))
            ));
        }
        let mut too_many = None;
        if let (Some(task), Some(limit)) = (&self.task, self.tasks_at_most) {
            let count = trace.tasks.iter().filter(|t| *t.name == **task).count() as u64;
            if count > limit {
                let task = format!("{task:?}");
                too_many = Some((
                    tr!("flight-tasks-subject", task = &task),
                    count as f64,
                    Bound::AtMost(limit as f64),
                ));
                problems.push(tr!(
                    "flight-too-many-tasks",
                    count = count,
                    task = &task,
                    limit = limit
                ));
            }
        }
        if let Some(max) = self.max_bytes
            && size > max
        {
            problems.push(tr!(
                "flight-too-big",
                size = beside(size as f64, &[max as f64], "bytes"),
                limit = beside(max as f64, &[size as f64], "bytes")
            ));
        }
        if let Some(subject) = missing
            && self.max_bytes.is_none_or(|max| size <= max)
        {
            outcome.headline(subject, 0.0, Bound::AtLeast(1.0));
            outcome.unit = None;
        } else if let Some((subject, count, bound)) = too_many
            && self.max_bytes.is_none_or(|max| size <= max)
        {
            outcome.headline(subject, count, bound);
            outcome.unit = None;
        }
        if problems.is_empty() {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(tr!("flight-problems", problems = crate::i18n::clauses(&problems)));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::{Damage, Snapshot};
    use crate::goals::trace::testing::fixture;
    use crate::trace::facts::Facts as TraceFacts;

    fn snapshot_facts(name: Option<&str>) -> Facts {
        let path = fixture(name.unwrap_or("does-not-exist.trace"));
        snapshot_at(path)
    }

    fn snapshot_at(path: std::path::PathBuf) -> Facts {
        let size = std::fs::metadata(&path).ok().map(|m| m.len());
        let read = size.map(|_| TraceFacts::read(&path).map_err(|e| Damage::trace(&path, &e)));
        let mut facts = Facts::default();
        facts
            .snapshots
            .insert("serve".into(), Snapshot { path, size, read });
        facts
    }

    /// A fixture snapshot made into another file by `spoil`.
    fn spoiled(name: &str, spoil: impl Fn(&[u8]) -> Vec<u8>) -> (tempfile::TempDir, Facts) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, spoil(&std::fs::read(fixture(name)).unwrap())).unwrap();
        let facts = snapshot_at(path);
        (dir, facts)
    }

    #[test]
    fn a_snapshot_written_twice_fails_and_says_so() {
        for name in ["flightrecorder-go125.trace", "flightrecorder-go126.trace"] {
            let (_dir, facts) = spoiled(name, |bytes| [bytes, bytes].concat());
            let outcome = recorder(4 << 20).evaluate(&facts);
            assert_eq!(outcome.status, Status::Fail, "{name}");
            let explanation = outcome.explanation.unwrap();
            assert!(
                explanation.starts_with("the snapshot holds more than one trace")
                    && explanation.contains("WriteTo was called more than once on the same writer"),
                "{explanation}"
            );
            let size = std::fs::metadata(fixture(name)).unwrap().len();
            assert!(explanation.contains(&format!("at byte {size}")), "{explanation}");
            // The reader's own words are there too, and where the file is.
            assert!(
                outcome.evidence[0].contains("a second trace begins here"),
                "{:?}",
                outcome.evidence
            );
            assert!(outcome.evidence[1].contains(name), "{:?}", outcome.evidence);
        }
    }

    #[test]
    fn a_snapshot_cut_inside_a_later_generation_fails() {
        // Whole generations before the cut are no excuse: the snapshot is not whole.
        let anything = FlightRecorder {
            run: "serve".into(),
            task: None,
            region: None,
            max_bytes: None,
            tasks_at_most: None,
        };
        for name in ["multigen-go125.trace", "multigen-go126.trace"] {
            let whole = anything.evaluate(&snapshot_facts(Some(name)));
            assert_eq!(whole.status, Status::Pass, "{name}: {:?}", whole.explanation);
            let (_dir, facts) = spoiled(name, |b| b[..b.len() - 200].to_vec());
            let cut = anything.evaluate(&facts);
            assert_eq!(cut.status, Status::Fail, "{name}");
            assert!(
                cut.explanation.unwrap().contains("truncated?"),
                "{name}: {:?}",
                cut.evidence
            );
        }
    }

    #[test]
    fn a_snapshot_cut_short_or_with_more_after_it_fails_with_the_readers_words() {
        for name in ["flightrecorder-go125.trace", "flightrecorder-go126.trace"] {
            for (spoil, words) in [
                (
                    (|b: &[u8]| b[..b.len() - 300].to_vec()) as fn(&[u8]) -> Vec<u8>,
                    "truncated?",
                ),
                (|b: &[u8]| b[..b.len() / 2].to_vec(), "truncated?"),
                (|b: &[u8]| [b, b"\0\0\0"].concat(), "expected the start of a batch"),
            ] {
                let (_dir, facts) = spoiled(name, spoil);
                let outcome = recorder(4 << 20).evaluate(&facts);
                assert_eq!(outcome.status, Status::Fail, "{name}");
                let explanation = outcome.explanation.unwrap();
                assert!(
                    explanation.starts_with("the snapshot is not a whole execution trace")
                        && explanation.contains(words),
                    "{name}: {explanation}"
                );
            }
        }
    }

    fn recorder(max_bytes: u64) -> FlightRecorder {
        FlightRecorder {
            run: "serve".into(),
            task: Some("request".into()),
            region: Some("handle".into()),
            max_bytes: Some(max_bytes),
            tasks_at_most: None,
        }
    }

    #[test]
    fn a_snapshot_holding_more_tasks_than_allowed_fails() {
        // The fixture holds 5 tasks named "request".
        let facts = snapshot_facts(Some("flightrecorder-go126.trace"));
        let within = FlightRecorder {
            tasks_at_most: Some(5),
            ..recorder(4 << 20)
        };
        assert_eq!(within.evaluate(&facts).status, Status::Pass);
        let outcome = FlightRecorder {
            tasks_at_most: Some(4),
            ..recorder(4 << 20)
        }
        .evaluate(&facts);
        assert_eq!(outcome.status, Status::Fail);
        assert_eq!(outcome.measured, Some(5.0));
        assert_eq!(outcome.bound, Some(Bound::AtMost(4.0)));
        let explanation = outcome.explanation.unwrap();
        assert!(
            explanation.contains("holds 5 tasks named \"request\", more than the 4 allowed"),
            "{explanation}"
        );
    }

    #[test]
    fn flight_recorder_snapshots() {
        assert_eq!(
            recorder(4 << 20)
                .evaluate(&snapshot_facts(Some("flightrecorder-go126.trace")))
                .status,
            Status::Pass
        );
        let too_big = recorder(1000).evaluate(&snapshot_facts(Some("flightrecorder-go126.trace")));
        assert!(too_big.explanation.unwrap().contains("more than the"));
        let old = recorder(4 << 20).evaluate(&snapshot_facts(Some("tasks-go122.trace")));
        assert!(old.explanation.unwrap().contains("needs Go 1.25 or later"));
        let missing = recorder(4 << 20).evaluate(&snapshot_facts(None));
        assert_eq!(missing.status, Status::Fail);
        assert!(
            missing
                .explanation
                .unwrap()
                .starts_with("no snapshot was written")
        );
    }
}
