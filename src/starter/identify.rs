//! Which copy of an exercise is its pristine starter. A copy is accepted only
//! when its files are exactly those of the exercise's starter sums
//! (`checks/<id>/starter.sums`: the same files, the same SHA-256). The copies
//! tried, in order: git's tree at `HEAD`; the newest commit of the package's
//! history whose tree matches (an attendee who commits their work still has
//! the starter); the copy saved under `.workshop/starters/<id>/`; and the
//! attendee's files, when they are still the starter (then saved as the copy).
//! No copy matching is a refusal that says what differs and what helps.
//! Where the copy is kept: [`super::saved`].
//!
//! An exercise without sums (its instructor has not recorded them yet) takes
//! git's `HEAD`, else the saved copy, as it comes: the starter is unproven,
//! and checks say so in a note for the instructor.

use std::path::PathBuf;

use super::StarterError;
use super::git::{self, Package};
use crate::layout::Layout;
use crate::manifest::sums::{Differences, StarterSums};
use crate::manifest::{Exercise, Workshop};
use crate::tr;
use crate::workspace::{self, Files, Modes, is_go};

/// The pristine starter of an exercise, and where it was found.
#[derive(Debug, Clone)]
pub struct Starter {
    /// Its files, by path relative to the package directory.
    pub files: Files,
    /// Their modes.
    pub modes: Modes,
    pub origin: Origin,
    /// Its files match the exercise's starter sums; `false` when the
    /// exercise has none to prove it with.
    pub proven: bool,
}

/// Where the pristine starter was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Git's tree at `HEAD`.
    Head,
    /// An earlier commit that changed the package (after it, the attendee's
    /// own commits).
    Commit(String),
    /// The copy saved under `.workshop/starters/<id>/`.
    Saved(PathBuf),
    /// The attendee's files, still untouched (now saved as the copy).
    Untouched,
}

/// A copy that was tried and is not the starter.
#[derive(Debug, Clone)]
pub enum Tried {
    /// Git's tree at `HEAD`.
    Head(Differences),
    /// So many earlier commits of the package, none of them the starter.
    History(usize),
    /// The saved copy, at its path.
    Saved(PathBuf, Differences),
    /// The attendee's files, in the package directory.
    Yours(PathBuf, Differences),
}

/// No copy of the starter matches its sums: what was tried, and what helps.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub id: String,
    /// The sums file.
    pub sums: PathBuf,
    /// The package directory.
    pub dir: PathBuf,
    pub tried: Vec<Tried>,
    /// Git has the package: its history holds no starter either.
    pub in_git: bool,
}

impl Refusal {
    /// Why there is no starter: each copy tried and how it differs.
    pub fn reason(&self) -> String {
        let display = crate::display::path;
        let tried: Vec<String> = self
            .tried
            .iter()
            .map(|tried| match tried {
                Tried::Head(differences) => {
                    tr!("starter-tried-head", differences = differences.describe())
                }
                Tried::History(count) => tr!("starter-tried-history", count = *count),
                Tried::Saved(path, differences) => tr!(
                    "starter-tried-saved",
                    path = display(path),
                    differences = differences.describe()
                ),
                Tried::Yours(path, differences) => tr!(
                    "starter-tried-yours",
                    path = display(path),
                    differences = differences.describe()
                ),
            })
            .collect();
        tr!(
            "starter-refused-reason",
            id = self.id.as_str(),
            sums = display(&self.sums),
            tried = tried.join(&tr!("sums-separator"))
        )
    }

    /// What a check that could not compare says beside its verdicts.
    pub fn note(&self) -> String {
        tr!("starter-refused-note", remedy = self.remedy())
    }

    /// What brings the starter back.
    pub fn remedy(&self) -> String {
        let dir = crate::display::path(&self.dir);
        if self.in_git {
            tr!("starter-remedy-git", id = self.id.as_str(), dir = dir)
        } else {
            tr!("starter-remedy-copy", id = self.id.as_str(), dir = dir)
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = tr!(
            "starter-refused",
            reason = self.reason(),
            remedy = self.remedy()
        );
        f.write_str(&text)
    }
}

impl Starter {
    /// A note for checks that used this starter, if it deserves one: an
    /// unproven starter is named for the instructor.
    pub fn note(&self, exercise: &Exercise) -> Option<String> {
        if self.proven {
            return None;
        }
        let origin = match &self.origin {
            Origin::Saved(path) => tr!("starter-origin-saved", path = crate::display::path(path)),
            _ => tr!("starter-origin-head"),
        };
        Some(tr!(
            "starter-unproven",
            id = exercise.id.as_str(),
            sums = crate::display::path(&exercise.sums_file),
            origin = origin
        ))
    }
}

/// The pristine starter of `exercise`: the first copy whose files match its
/// starter sums, or, without sums, git's `HEAD` or the saved copy unproven.
pub fn starter(workshop: &Workshop, exercise: &Exercise) -> Result<Starter, StarterError> {
    let Some(sums) = &exercise.starter_sums else {
        return unproven(workshop, exercise);
    };
    let mut package = Package::new(workshop, exercise);
    let mut tried = Vec::new();
    let in_git = match from_git(&mut package, sums, &mut tried) {
        Found::Starter(starter) => return Ok(*starter),
        Found::Nothing { in_git } => in_git,
    };

    let dir = workshop.package_dir(exercise);
    let saved = Layout::new(&workshop.root).starter(&exercise.id);
    if saved.is_dir() {
        let mut files = workspace::read_tree(&saved, |_| true)?;
        let mut modes = workspace::read_modes(&saved, &files);
        let mut differences = sums.compare(&files);
        // Copies saved by earlier versions of `workshop` hold the Go files
        // only: the others (`testdata/`) come from the package, and the
        // whole is proven by the sums all the same.
        let lacking: Vec<PathBuf> = differences
            .missing
            .iter()
            .map(PathBuf::from)
            .filter(|p| !is_go(p))
            .collect();
        if !lacking.is_empty() {
            let found = workspace::read_tree(&dir, |p| lacking.iter().any(|l| l == p))?;
            modes.extend(workspace::read_modes(&dir, &found));
            files.extend(found);
            differences = sums.compare(&files);
            if differences.is_empty() {
                let _ = super::saved::save(workshop, exercise, &files, &modes);
            }
        }
        if differences.is_empty() {
            return Ok(Starter {
                modes,
                files,
                origin: Origin::Saved(saved),
                proven: true,
            });
        }
        tried.push(Tried::Saved(saved, differences));
    }

    let files = workspace::read_tree(&dir, |p| is_go(p) || sums.lists(p))?;
    let differences = sums.compare(&files);
    if differences.is_empty() {
        let modes = workspace::read_modes(&dir, &files);
        // The copy serves the next checks, once the attendee has edited;
        // a starter that cannot be kept is still the starter of this one.
        let _ = super::saved::save(workshop, exercise, &files, &modes);
        return Ok(Starter {
            files,
            modes,
            origin: Origin::Untouched,
            proven: true,
        });
    }
    tried.push(Tried::Yours(dir.clone(), differences));
    Err(StarterError::Refused(Box::new(Refusal {
        id: exercise.id.clone(),
        sums: sums.file.clone(),
        dir,
        tried,
        in_git,
    })))
}

/// The pristine starter's files, when there is a pristine starter.
pub fn pristine(workshop: &Workshop, exercise: &Exercise) -> Option<Files> {
    starter(workshop, exercise).ok().map(|s| s.files)
}

/// What git gave.
enum Found {
    Starter(Box<Starter>),
    /// No commit is the starter; `in_git` when git has the package at all.
    Nothing {
        in_git: bool,
    },
}

/// The starter from git: `HEAD`, else the newest commit of the package's
/// history that matches the sums.
fn from_git(package: &mut Package<'_>, sums: &StarterSums, tried: &mut Vec<Tried>) -> Found {
    let Some(head) = package.tree("HEAD").filter(|entries| !entries.is_empty()) else {
        return Found::Nothing { in_git: false };
    };
    let Some(files) = package.read(&head) else {
        return Found::Nothing { in_git: false };
    };
    let differences = sums.compare(&files);
    if differences.is_empty() {
        return Found::Starter(Box::new(Starter {
            files,
            modes: git::modes(&head),
            origin: Origin::Head,
            proven: true,
        }));
    }
    tried.push(Tried::Head(differences));
    let commits = package.history();
    for commit in &commits {
        let Some(entries) = package.tree(commit) else {
            continue;
        };
        // Only a tree of the same files can be the starter: the others are
        // passed over without reading a byte.
        if entries == head || !sums.same_paths(entries.iter().map(|e| e.path.as_path())) {
            continue;
        }
        let Some(files) = package.read(&entries) else {
            continue;
        };
        if sums.compare(&files).is_empty() {
            return Found::Starter(Box::new(Starter {
                files,
                modes: git::modes(&entries),
                origin: Origin::Commit(commit.clone()),
                proven: true,
            }));
        }
    }
    tried.push(Tried::History(commits.len()));
    Found::Nothing { in_git: true }
}

/// Without sums: git's `HEAD`, else the saved copy, as they are.
fn unproven(workshop: &Workshop, exercise: &Exercise) -> Result<Starter, StarterError> {
    let mut package = Package::new(workshop, exercise);
    if let Some(head) = package.tree("HEAD").filter(|entries| !entries.is_empty())
        && let Some(files) = package.read(&head)
    {
        return Ok(Starter {
            files,
            modes: git::modes(&head),
            origin: Origin::Head,
            proven: false,
        });
    }
    let saved = Layout::new(&workshop.root).starter(&exercise.id);
    if saved.is_dir() {
        let files = workspace::read_tree(&saved, |_| true)?;
        return Ok(Starter {
            modes: workspace::read_modes(&saved, &files),
            files,
            origin: Origin::Saved(saved),
            proven: false,
        });
    }
    Err(StarterError::NoStarter {
        id: exercise.id.clone(),
        sums: exercise.sums_file.clone(),
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::manifest::sums::SUMS_FILE;

    /// A workshop outside git with one exercise, `t/01-x`, whose starter is
    /// `x.go` and `testdata/in.txt`, and its sums.
    fn workshop() -> (tempfile::TempDir, Workshop) {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "workshop.yaml",
            "title: T\ngo: \"1.22\"\nmodule: exercises\nexercises: [t/01-x]\n",
        );
        write("exercises/go.mod", "module example.com/t\n\ngo 1.22\n");
        write("exercises/t/01-x/x.go", "package x\n");
        write("exercises/t/01-x/testdata/in.txt", "input\n");
        write(
            "checks/t/01-x/check.yaml",
            "title: X\nruns:\n  - name: bench\n    bench: BenchmarkX\ngoals:\n  - id: fast\n    kind: bench-relative\n    benchmark: BenchmarkX\n    metric: ns/op\n    at-least-times: 2\nhints: [a, b, c]\nsolution: [x.go]\n",
        );
        write("checks/t/01-x/solution/x.go", "package x // solved\n");
        let files = workspace::read_tree(&dir.path().join("exercises/t/01-x"), |_| true).unwrap();
        let sums = StarterSums::of(Path::new("s"), &files);
        write(&format!("checks/t/01-x/{SUMS_FILE}"), &sums.render());
        let workshop = crate::manifest::load(dir.path()).unwrap();
        (dir, workshop)
    }

    #[test]
    fn untouched_files_are_the_starter_and_kept_edited_ones_are_refused() {
        let (dir, workshop) = workshop();
        let exercise = &workshop.exercises[0];
        let found = starter(&workshop, exercise).unwrap();
        assert_eq!(found.origin, Origin::Untouched);
        assert!(found.proven && found.files.len() == 2);
        let saved = dir.path().join(".workshop/starters/t/01-x");
        assert!(saved.join("testdata/in.txt").is_file());
        assert!(dir.path().join(".workshop/.gitignore").is_file());

        let package = dir.path().join("exercises/t/01-x");
        std::fs::write(package.join("x.go"), "package x // mine\n").unwrap();
        let again = starter(&workshop, exercise).unwrap();
        assert_eq!(again.origin, Origin::Saved(saved.clone()));
        assert_eq!(again.files[Path::new("x.go")], b"package x\n");

        // A copy that is not the starter is never taken for it.
        std::fs::write(saved.join("x.go"), "package x // solved\n").unwrap();
        let Err(StarterError::Refused(refusal)) = starter(&workshop, exercise) else {
            panic!("a changed copy was taken for the starter");
        };
        let reason = refusal.reason();
        assert!(
            reason.contains("the copy in ") && reason.contains("changed: x.go"),
            "{reason}"
        );
        assert!(reason.contains("your files in "), "{reason}");
        assert!(!refusal.in_git);
    }

    #[test]
    fn a_saved_copy_of_the_go_files_only_is_completed_from_the_package() {
        let (dir, workshop) = workshop();
        let exercise = &workshop.exercises[0];
        let saved = dir.path().join(".workshop/starters/t/01-x");
        std::fs::create_dir_all(&saved).unwrap();
        std::fs::write(saved.join("x.go"), "package x\n").unwrap();
        let package = dir.path().join("exercises/t/01-x");
        std::fs::write(package.join("x.go"), "package x // mine\n").unwrap();
        let found = starter(&workshop, exercise).unwrap();
        assert_eq!(found.origin, Origin::Saved(saved.clone()));
        assert_eq!(found.files.len(), 2);
        assert!(saved.join("testdata/in.txt").is_file());
    }

    #[test]
    fn remember_keeps_only_an_untouched_starter() {
        let (dir, workshop) = workshop();
        let package = dir.path().join("exercises/t/01-x");
        std::fs::write(package.join("x.go"), "package x // mine\n").unwrap();
        crate::starter::remember(&workshop);
        let saved = dir.path().join(".workshop/starters/t/01-x");
        assert!(!saved.exists());
        std::fs::write(package.join("x.go"), "package x\n").unwrap();
        crate::starter::remember(&workshop);
        assert!(saved.join("x.go").is_file());
    }

    #[test]
    fn a_refusal_says_what_differs_and_what_helps() {
        let differences = Differences {
            changed: vec!["concat.go".into()],
            ..Differences::default()
        };
        let refusal = Refusal {
            id: "heap/01-concat".into(),
            sums: "/nowhere/checks/heap/01-concat/starter.sums".into(),
            dir: "/nowhere/exercises/heap/01-concat".into(),
            tried: vec![Tried::Yours(
                "/nowhere/exercises/heap/01-concat".into(),
                differences,
            )],
            in_git: false,
        };
        let text = refusal.to_string();
        assert!(text.contains("changed: concat.go"), "{text}");
        assert!(text.contains("original files"), "{text}");
        assert!(!text.contains("record"), "{text}");
        let in_git = Refusal {
            in_git: true,
            ..refusal
        };
        assert!(
            in_git
                .to_string()
                .contains("--record-starter heap/01-concat")
        );
    }
}
