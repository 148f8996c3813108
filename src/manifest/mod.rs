//! The workshop's manifest: `workshop.yaml` and one `checks/<id>/check.yaml` per
//! exercise. Files are read into the serde mirror in [`raw`], then validated into
//! the domain types here. Nothing runs until the whole manifest is valid, and every
//! problem found is reported with its file, line and column.

mod error;
mod exercise;
mod gate;
mod nearby;
mod protected;
mod raw;
pub mod serve;
pub mod sums;
pub mod translations;
mod validate;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use error::ManifestError;
pub use gate::GoGate;
pub use protected::{ProtectedGlob, protected_by_default};
pub use serve::{
    CollectSpec, Collectable, LoadLength, LoadSpec, ReadySpec, RequestSpec, ServeSpec,
};

use crate::exec::GoVersion;
use crate::goals::Goal;
use crate::i18n::Text;
use crate::tr;
use crate::yaml::Document;
use crate::yaml::locate::element;
use validate::{inside, pages, safe_relative, valid_id};

/// The file that marks a workshop root.
pub const MANIFEST: &str = "workshop.yaml";
/// Where check files live, relative to the root.
pub const CHECKS_DIR: &str = "checks";

/// A validated workshop.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub root: PathBuf,
    pub title: Text,
    /// The Go version every exercise needs at least.
    pub go: GoVersion,
    /// The Go module holding the exercises, relative to the root.
    pub module: PathBuf,
    /// In curriculum order.
    pub exercises: Vec<Exercise>,
    /// The first page of the workshop text, relative to the root.
    pub docs: Option<PathBuf>,
}

/// A validated exercise.
#[derive(Debug, Clone)]
pub struct Exercise {
    pub id: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// The Go version this exercise needs (at least the workshop's).
    pub go: GoVersion,
    /// The package directory, relative to the module.
    pub package: PathBuf,
    pub check_file: PathBuf,
    /// The exercise's page in the chosen language (else English), relative to the root.
    pub docs: Option<PathBuf>,
    /// How the reference solution reasons, kept out of the exercise's page:
    /// `solutions/<page>` beside it, when there is one.
    pub reasoning: Option<PathBuf>,
    pub tests: TestSpec,
    /// How the test binary is built.
    pub build: crate::exec::BuildFlags,
    pub runs: Vec<RunSpec>,
    pub goals: Vec<Goal>,
    pub hints: Vec<Text>,
    pub solution: Vec<SolutionFile>,
    /// The check file's `protected:` globs, beside the files protected by
    /// default (see [`protected_by_default`]).
    pub protected: Vec<ProtectedGlob>,
    /// Where the starter's sums are kept: `checks/<id>/starter.sums`.
    pub sums_file: PathBuf,
    /// The starter's sums, when the instructor has recorded them.
    pub starter_sums: Option<sums::StarterSums>,
}

impl Exercise {
    /// The exercise's package directory in a copy of the module at `module_dir`.
    pub fn package_dir(&self, module_dir: &Path) -> PathBuf {
        module_dir.join(&self.package)
    }
}

/// The functional tests run before any goal is judged.
#[derive(Debug, Clone)]
pub struct TestSpec {
    /// The `-run` pattern.
    pub run: String,
    pub timeout: Duration,
    /// Environment variables the test binary gets.
    pub env: Vec<(String, String)>,
}

/// One benchmark run of `go test`.
#[derive(Debug, Clone)]
pub struct RunSpec {
    pub name: String,
    /// The `-bench` pattern (`^$` for none).
    pub bench: String,
    /// The `-run` pattern (`^$` for none: benchmarks only).
    pub test: String,
    pub benchtime: Option<String>,
    pub count: u32,
    pub benchmem: bool,
    pub cpu: Option<String>,
    pub timeout: Duration,
    /// Environment variables the test binary (or the server) gets in this run.
    pub env: Vec<(String, String)>,
    /// For a `serve` run: the server started instead of the benchmarks.
    pub serve: Option<Box<ServeSpec>>,
}

/// One file of a reference solution.
#[derive(Debug, Clone)]
pub struct SolutionFile {
    /// The file under `checks/<id>/solution/`.
    pub source: PathBuf,
    /// Where it goes, relative to the package directory.
    pub target: PathBuf,
}

/// An exercise id that the workshop does not have.
#[derive(Debug, thiserror::Error)]
#[error("{}", unknown_exercise(.id, .suggestions))]
pub struct UnknownExercise {
    pub id: String,
    pub suggestions: Vec<String>,
}

/// A command without an exercise id, run outside every exercise's directory.
#[derive(Debug, thiserror::Error)]
#[error("{}", tr!("manifest-not-in-exercise", dir = crate::display::path(.dir)))]
pub struct NotInAnExercise {
    pub dir: PathBuf,
}

/// `no exercise `x` in this workshop`, with the likely typo or the closest ids.
fn unknown_exercise(id: &str, suggestions: &[String]) -> String {
    let suggest = match suggestions {
        [] => "none",
        [_] => "one",
        _ => "many",
    };
    tr!(
        "manifest-unknown-exercise",
        id = id,
        suggest = suggest,
        closest = crate::i18n::list(suggestions),
    )
}

impl Workshop {
    /// The directory of the exercises' Go module.
    pub fn module_dir(&self) -> PathBuf {
        self.root.join(&self.module)
    }

    /// The directory of an exercise's package, where the attendee edits.
    pub fn package_dir(&self, exercise: &Exercise) -> PathBuf {
        exercise.package_dir(&self.module_dir())
    }

    /// The exercise whose package directory or check directory holds `path`.
    pub fn exercise_at(&self, path: &Path) -> Option<&Exercise> {
        let path = path.canonicalize().ok()?;
        let checks = self.root.join("checks");
        self.exercises
            .iter()
            .filter_map(|e| {
                [self.package_dir(e), checks.join(&e.id)]
                    .into_iter()
                    .filter_map(|dir| dir.canonicalize().ok())
                    .filter(|dir| path.starts_with(dir))
                    .map(|dir| dir.components().count())
                    .max()
                    .map(|depth| (depth, e))
            })
            .max_by_key(|(depth, _)| *depth)
            .map(|(_, e)| e)
    }

    /// The exercise a command without an id means: the one whose directory
    /// the current directory is in.
    pub fn exercise_here(&self) -> Result<&Exercise, NotInAnExercise> {
        let cwd = std::env::current_dir().unwrap_or_default();
        self.exercise_at(&cwd).ok_or(NotInAnExercise { dir: cwd })
    }

    /// The highest Go version any exercise needs.
    pub fn required_go(&self) -> GoVersion {
        self.exercises.iter().map(|e| e.go).max().unwrap_or(self.go)
    }

    /// The exercise named `id`, or whose directory `id` is (or is inside of),
    /// as a path from the current directory: `.`, `exercises/heap/01-concat/`.
    pub fn exercise(&self, id: &str) -> Result<&Exercise, UnknownExercise> {
        let trimmed = id.trim_end_matches('/');
        if let Some(exercise) = self.exercises.iter().find(|e| e.id == trimmed) {
            return Ok(exercise);
        }
        if let Some(exercise) = std::env::current_dir()
            .ok()
            .and_then(|cwd| self.exercise_at(&cwd.join(id)))
        {
            return Ok(exercise);
        }
        let id = trimmed;
        let mut scored: Vec<(f64, &str)> = self
            .exercises
            .iter()
            .map(|e| {
                let whole = strsim::jaro_winkler(id, &e.id);
                let name = e.id.rsplit('/').next().unwrap_or(&e.id);
                (whole.max(strsim::jaro_winkler(id, name)), e.id.as_str())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        // A near-certain typo gets one suggestion, not a list.
        if let Some((best, candidate)) = scored.first()
            && *best >= 0.9
        {
            return Err(UnknownExercise {
                id: id.to_owned(),
                suggestions: vec![(*candidate).to_owned()],
            });
        }
        let mut suggestions: Vec<String> = scored
            .iter()
            .filter(|(score, _)| *score > 0.7)
            .take(3)
            .map(|(_, id)| (*id).to_owned())
            .collect();
        if suggestions.is_empty() {
            suggestions = scored
                .iter()
                .take(3)
                .map(|(_, id)| (*id).to_owned())
                .collect();
        }
        Err(UnknownExercise {
            id: id.to_owned(),
            suggestions,
        })
    }
}

/// The nearest directory from `start` upward that holds `workshop.yaml`.
pub fn find_root(start: &Path) -> Result<PathBuf, ManifestError> {
    start
        .ancestors()
        .find(|dir| dir.join(MANIFEST).is_file())
        .map(Path::to_owned)
        .ok_or_else(|| ManifestError::NotFound {
            start: start.to_owned(),
        })
}

/// Reads and validates the workshop at `root`.
pub fn load(root: &Path) -> Result<Workshop, ManifestError> {
    let root = root.canonicalize().map_err(|source| ManifestError::Read {
        path: root.to_owned(),
        source,
    })?;
    crate::fence::enclose(&root);
    crate::display::set_root(&root);
    let manifest_path = root.join(MANIFEST);
    let source = read(&manifest_path)?;
    let file = Document::new(&manifest_path, &source)
        .map_err(|problem| ManifestError::Invalid(vec![problem]))?;
    let raw: raw::WorkshopFile = file
        .parse()
        .map_err(|problem| ManifestError::Invalid(vec![problem]))?;
    let mut problems = Vec::new();

    let go = raw.go.parse::<GoVersion>().unwrap_or_else(|e| {
        problems.push(file.at("go", e.to_string()));
        GoVersion::new(1, 0, 0)
    });
    if raw.title.is_blank() {
        problems.push(file.at("title", tr!("manifest-title-empty")));
    }
    let module = match safe_relative(&raw.module) {
        Ok(module) => module,
        Err(e) => {
            problems.push(file.at("module", e));
            PathBuf::new()
        }
    };
    let module_dir = root.join(&module);
    if !module_dir.join("go.mod").is_file() {
        problems.push(file.at(
            "module",
            tr!(
                "manifest-module-missing",
                path = crate::display::path(&module_dir)
            ),
        ));
    } else if let Err(e) = inside(&root, &module_dir) {
        problems.push(file.at("module", e));
    } else if let Some((needed, line)) = nearby::go_mod_version(&module_dir)
        && needed > go
    {
        // An attendee with the Go that workshop.yaml asks for could not build
        // the module: `doctor` and `check` would promise what go refuses.
        problems.push(file.at(
            "go",
            tr!(
                "manifest-go-below-module",
                go = go.to_string(),
                needed = needed.to_string(),
                path = format!(
                    "{}:{line}",
                    crate::display::path(&module_dir.join("go.mod"))
                ),
            ),
        ));
    }
    if raw.exercises.is_empty() {
        problems.push(file.at("exercises", tr!("manifest-exercises-empty")));
    }
    let docs = raw.docs.as_ref().and_then(|d| {
        pages(&root, d)
            .map_err(|e| problems.push(file.at("docs", e)))
            .ok()
    });

    let mut seen = HashSet::new();
    let mut exercises = Vec::new();
    let mut check_ids = None;
    for (i, id) in raw.exercises.iter().enumerate() {
        let path = element("exercises", i);
        if let Err(e) = valid_id(id) {
            problems.push(file.at(&path, e));
            continue;
        }
        if !seen.insert(id.as_str()) {
            problems.push(file.at(&path, tr!("manifest-exercise-twice", id = id)));
            continue;
        }
        let check_path = root.join(CHECKS_DIR).join(id).join("check.yaml");
        if !check_path.is_file() {
            let ids = check_ids.get_or_insert_with(|| nearby::check_ids(&root));
            let path_shown = crate::display::path(&check_path);
            let message = if check_path.with_extension("yml").is_file() {
                tr!("manifest-check-file-yml", path = path_shown, id = id)
            } else if let Some(closest) = nearby::closest(id, ids) {
                tr!(
                    "manifest-check-file-missing-near",
                    path = path_shown,
                    id = id,
                    closest = closest
                )
            } else {
                tr!("manifest-check-file-missing", path = path_shown, id = id)
            };
            problems.push(file.at(&path, message));
            continue;
        }
        // A check file is the instructor's material: one that leads out of
        // the workshop is nobody's.
        if let Err(e) = inside(&root, &check_path) {
            problems.push(file.at(&path, e));
            continue;
        }
        match exercise::load(&root, &module_dir, go, id, &check_path) {
            Ok(exercise) => exercises.push(exercise),
            Err(ManifestError::Invalid(more)) => problems.extend(more),
            Err(other) => return Err(other),
        }
    }

    if !problems.is_empty() {
        return Err(ManifestError::Invalid(problems));
    }
    Ok(Workshop {
        root,
        title: raw.title,
        go,
        module,
        exercises,
        docs,
    })
}

/// The text of a YAML file of the workshop, read no further than
/// [`bounds::MAX_BYTES`](crate::yaml::bounds::MAX_BYTES): a larger file is a problem.
pub(super) fn read(path: &Path) -> Result<String, ManifestError> {
    use std::io::Read;
    let read_error = |source| ManifestError::Read {
        path: path.to_owned(),
        source,
    };
    let limit = crate::yaml::bounds::MAX_BYTES;
    let mut text = String::new();
    let file = std::fs::File::open(path).map_err(read_error)?;
    if file.metadata().map_err(read_error)?.len() > limit {
        return Err(ManifestError::Invalid(vec![crate::yaml::too_large(path)]));
    }
    file.take(limit + 1)
        .read_to_string(&mut text)
        .map_err(read_error)?;
    if text.len() as u64 > limit {
        return Err(ManifestError::Invalid(vec![crate::yaml::too_large(path)]));
    }
    Ok(text)
}
