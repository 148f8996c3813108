//! The YAML files exactly as written: serde structs that mirror `workshop.yaml` and
//! `checks/<id>/check.yaml` key for key. Nothing here is validated beyond its shape;
//! `manifest::load` turns these into domain types.

use serde::Deserialize;

/// `workshop.yaml` at the workshop root.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WorkshopFile {
    pub title: String,
    /// The lowest Go version that every exercise builds with, e.g. `"1.25"`.
    pub go: String,
    /// The directory of the Go module that holds the exercises.
    #[serde(default = "default_module")]
    pub module: String,
    /// Exercise ids in curriculum order; each has `checks/<id>/check.yaml`.
    pub exercises: Vec<String>,
    /// The first page of the workshop text, relative to the workshop root.
    #[serde(default)]
    pub docs: Option<String>,
}

fn default_module() -> String {
    "exercises".to_owned()
}

/// `checks/<id>/check.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckFile {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// A higher Go version than the workshop's, if this exercise needs one.
    #[serde(default)]
    pub go: Option<String>,
    /// The package directory inside the module; defaults to the exercise id.
    #[serde(default)]
    pub package: Option<String>,
    /// The exercise's page, relative to the workshop root.
    #[serde(default)]
    pub docs: Option<String>,
    #[serde(default)]
    pub tests: Option<TestsFile>,
    #[serde(default)]
    pub runs: Vec<RunFile>,
    pub goals: Vec<GoalFile>,
    #[serde(default)]
    pub hints: Vec<String>,
    /// Files of the reference solution, relative to `checks/<id>/solution/`; each
    /// replaces (or adds) the file of the same name in the exercise's package.
    pub solution: Vec<String>,
}

/// The functional tests that must pass before any goal is judged.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TestsFile {
    /// The `-run` pattern; defaults to every test.
    #[serde(default)]
    pub run: Option<String>,
    #[serde(default)]
    pub timeout: Option<String>,
}

/// One `go test` benchmark run.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RunFile {
    pub name: String,
    /// The `-bench` pattern.
    #[serde(default)]
    pub bench: Option<String>,
    /// The `-run` pattern, for runs of tests rather than benchmarks.
    #[serde(default)]
    pub test: Option<String>,
    #[serde(default)]
    pub benchtime: Option<String>,
    #[serde(default)]
    pub count: Option<u32>,
    #[serde(default)]
    pub benchmem: Option<bool>,
    #[serde(default)]
    pub cpu: Option<String>,
    #[serde(default)]
    pub timeout: Option<String>,
}

/// A goal, tagged by its `kind`.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum GoalFile {
    BenchMetric(BenchMetricFile),
    BenchRelative(BenchRelativeFile),
    ProfileFunction(ProfileFunctionFile),
    ProfileTotal(ProfileTotalFile),
    TraceLeaks(TraceLeaksFile),
    TraceGoroutines(TraceGoroutinesFile),
    TraceTasks(TraceTasksFile),
    TraceRegions(TraceRegionsFile),
    TraceLogs(TraceLogsFile),
    TraceBlocked(TraceBlockedFile),
    FlightRecorder(FlightRecorderFile),
}

impl GoalFile {
    /// Re-reads one goal node as its variant's plain struct. serde loses the field
    /// path inside internally tagged enums, so when a goal fails to deserialise this
    /// finds which of its keys is at fault.
    pub fn diagnose(
        value: serde_yaml::Value,
    ) -> Result<(), serde_path_to_error::Error<serde_yaml::Error>> {
        let kind = value
            .get("kind")
            .and_then(serde_yaml::Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let mut body = value;
        if let Some(map) = body.as_mapping_mut() {
            map.remove("kind");
        }
        match kind.as_str() {
            "bench-metric" => {
                serde_path_to_error::deserialize::<_, BenchMetricFile>(body).map(drop)
            }
            _ => Ok(()),
        }
    }
}

/// A bound on one metric of a benchmark's output (`ns/op`, `B/op`, `allocs/op` or a
/// custom `b.ReportMetric` unit), taken as the median over `-count` repeats.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BenchMetricFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub benchmark: String,
    pub metric: String,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// Which profile a goal reads; each is written by its own `go test` run.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileName {
    Cpu,
    Memory,
    Block,
    Mutex,
    Goroutine,
}

/// What a `profile-function` goal measures.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureName {
    Flat,
    Cum,
    FlatShare,
    CumShare,
}

/// How much of a profile functions matching a pattern hold.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileFunctionFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub profile: ProfileName,
    #[serde(default)]
    pub sample: Option<String>,
    /// A regular expression over function names (`^regexp\.compile$`).
    pub function: String,
    pub measure: MeasureName,
    #[serde(default)]
    pub per_op: bool,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    /// At least this many times less than the starter's amount.
    #[serde(default)]
    pub at_least_times: Option<f64>,
    #[serde(default)]
    pub min_samples: Option<u64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// The total of one sample type of a profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileTotalFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub profile: ProfileName,
    #[serde(default)]
    pub sample: Option<String>,
    #[serde(default)]
    pub per_op: bool,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    /// At least this many times less than the starter's amount.
    #[serde(default)]
    pub at_least_times: Option<f64>,
    #[serde(default)]
    pub min_samples: Option<u64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// Goroutines of the exercise still alive when the trace stops.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceLeaksFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// What `trace-goroutines` counts.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoroutineMeasureName {
    Created,
    CreatedPerOp,
    MaxLive,
}

/// Goroutines created, per op, or live at once.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceGoroutinesFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub measure: GoroutineMeasureName,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// Tasks of one name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceTasksFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub name: String,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub exactly: Option<f64>,
    #[serde(default)]
    pub goroutines_at_least: Option<usize>,
    #[serde(default)]
    pub ended: bool,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// Regions of one name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceRegionsFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub name: String,
    #[serde(default)]
    pub in_task: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub exactly: Option<f64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// Logs of one category.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceLogsFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub category: String,
    #[serde(default)]
    pub in_task: Option<String>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub exactly: Option<f64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// Time the exercise's goroutines spent blocked for a reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceBlockedFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    /// A regular expression over Go's blocking reasons (`chan send`, `select`...).
    pub reason: String,
    #[serde(default)]
    pub per_op: bool,
    /// As a percentage of the exercise's goroutines' lifetime.
    #[serde(default)]
    pub share: bool,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// A flight-recorder snapshot written by the exercise.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FlightRecorderFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    #[serde(default)]
    pub task: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub max_bytes: Option<u64>,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

/// A benchmark metric against the starter's, as a ratio.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BenchRelativeFile {
    pub id: String,
    #[serde(default)]
    pub run: Option<String>,
    pub benchmark: String,
    pub metric: String,
    /// At least this many times better than the starter.
    pub at_least_times: f64,
    #[serde(default)]
    pub higher_is_better: bool,
    #[serde(default)]
    pub explain: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}
