//! The YAML files exactly as written: serde structs that mirror `workshop.yaml` and
//! `checks/<id>/check.yaml` key for key. Nothing here is validated beyond its shape;
//! `manifest::load` turns these into domain types. Goals are read one by one
//! through the registry of goal kinds (`goals::kinds`), which mirrors each kind's
//! keys.

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
    /// How the test binary is built.
    #[serde(default)]
    pub build: Option<BuildFile>,
    #[serde(default)]
    pub runs: Vec<RunFile>,
    /// Each a mapping with `id`, `kind` and the kind's keys.
    pub goals: Vec<serde_yaml::Value>,
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
}
