//! The YAML files exactly as written: serde structs that mirror `workshop.yaml` and
//! `checks/<id>/check.yaml` key for key. Nothing here is validated beyond its shape;
//! `manifest::load` turns these into domain types. Goals are read one by one
//! through the registry of goal kinds (`goals::kinds`), which mirrors each kind's
//! keys.

use serde::Deserialize;

use crate::i18n::Text;

/// `workshop.yaml` at the workshop root.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WorkshopFile {
    pub title: Text,
    /// The lowest Go version that every exercise builds with, e.g. `"1.25"`.
    pub go: String,
    /// The directory of the Go module that holds the exercises.
    #[serde(default = "default_module")]
    pub module: String,
    /// Exercise ids in curriculum order; each has `checks/<id>/check.yaml`.
    pub exercises: Vec<String>,
    /// The first page of the workshop text, relative to the workshop root.
    #[serde(default)]
    pub docs: Option<Text>,
}

fn default_module() -> String {
    "exercises".to_owned()
}

/// `checks/<id>/check.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckFile {
    pub title: Text,
    #[serde(default)]
    pub summary: Option<Text>,
    /// A higher Go version than the workshop's, if this exercise needs one.
    #[serde(default)]
    pub go: Option<String>,
    /// The package directory inside the module; defaults to the exercise id.
    #[serde(default)]
    pub package: Option<String>,
    /// The exercise's page, relative to the workshop root.
    #[serde(default)]
    pub docs: Option<Text>,
    #[serde(default)]
    pub tests: Option<TestsFile>,
    /// How the test binary is built.
    #[serde(default)]
    pub build: Option<BuildFile>,
    #[serde(default)]
    pub runs: Vec<RunFile>,
    /// Each a mapping with `id`, `kind` and the kind's keys.
    pub goals: Vec<serde_yaml::Value>,
    #[serde(default)]
    pub hints: Vec<Text>,
    /// Files of the reference solution, relative to `checks/<id>/solution/`; each
    /// replaces (or adds) the file of the same name in the exercise's package.
    pub solution: Vec<String>,
    /// Globs of files, relative to the package, that checks always take from
    /// the workshop (beside its `_test.go` files and `testdata/`).
    #[serde(default)]
    pub protected: Vec<String>,
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
    #[serde(default)]
    pub env: Option<EnvFile>,
}

/// Environment variables, by name; values are scalars, taken as written.
pub type EnvFile = std::collections::BTreeMap<String, serde_yaml::Value>;

/// The flags the test binary is built with.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildFile {
    #[serde(default)]
    pub race: bool,
    #[serde(default)]
    pub gcflags: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// `auto`, `off`, or a CPU profile's path relative to the package.
    #[serde(default)]
    pub pgo: Option<String>,
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
    /// Read as any integer so that a negative count gets a plain message.
    #[serde(default)]
    pub count: Option<i64>,
    #[serde(default)]
    pub benchmem: Option<bool>,
    #[serde(default)]
    pub cpu: Option<String>,
    #[serde(default)]
    pub timeout: Option<String>,
    #[serde(default)]
    pub env: Option<EnvFile>,
    /// Start the exercise's server instead of running benchmarks.
    #[serde(default)]
    pub serve: Option<ServeFile>,
    /// The load sent to the server.
    #[serde(default)]
    pub load: Option<LoadFile>,
    /// What is fetched from the server's pprof endpoints.
    #[serde(default)]
    pub collect: Option<CollectFile>,
}

/// The server a `serve` run starts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServeFile {
    /// The main package, relative to the exercise's package (default `.`).
    #[serde(default)]
    pub main: Option<String>,
    #[serde(default)]
    pub args: Vec<String>,
    #[serde(default)]
    pub ready: Option<ReadyFile>,
    /// How long the server has to end after SIGTERM.
    #[serde(default)]
    pub stop_grace: Option<String>,
}

/// When the server counts as started.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReadyFile {
    /// A URL that must answer.
    #[serde(default)]
    pub url: Option<String>,
    /// The status it must answer with (any, when not given).
    #[serde(default)]
    pub status: Option<i64>,
    /// How long the server has to answer it.
    #[serde(default)]
    pub within: Option<String>,
}

/// The load of a `serve` run.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LoadFile {
    /// Where the requests go (default `http://127.0.0.1:{port}`).
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub requests: Vec<RequestFile>,
    #[serde(default)]
    pub connections: Option<i64>,
    /// Requests per second, for an open loop.
    #[serde(default)]
    pub rate: Option<f64>,
    #[serde(default)]
    pub warmup: Option<String>,
    #[serde(default)]
    pub duration: Option<String>,
    /// Measured requests per round, instead of a duration.
    #[serde(default)]
    pub count: Option<i64>,
    /// Rounds per side for goals relative to the starter.
    #[serde(default)]
    pub rounds: Option<i64>,
    #[serde(default)]
    pub request_timeout: Option<String>,
}

/// One request of a load's mix.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RequestFile {
    #[serde(default)]
    pub method: Option<String>,
    pub path: String,
    #[serde(default)]
    pub headers: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
    /// The status it must answer with (any 2xx or 3xx when not given).
    #[serde(default)]
    pub status: Option<i64>,
}

/// What a `serve` run fetches from the server's pprof endpoints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CollectFile {
    /// Where `net/http/pprof` is mounted (default `http://127.0.0.1:{port}/debug/pprof`).
    #[serde(default)]
    pub pprof: Option<String>,
    /// How long each CPU profile, delta profile and trace covers.
    #[serde(default)]
    pub seconds: Option<i64>,
    /// Profiles and traces taken even when no goal reads them.
    #[serde(default)]
    pub profiles: Vec<String>,
}
