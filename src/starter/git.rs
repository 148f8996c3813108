//! What git holds of an exercise's package: its files at a commit, the commits
//! that changed it, and the files of the working tree that git tracks or
//! would track. Every call goes through `exec::git`; without git, or for a
//! directory git does not know (a workshop copied without git, or one that
//! lies untracked inside another repository), there is nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::exec;
use crate::manifest::{Exercise, Workshop};
use crate::workspace::{Files, Modes};

/// How many commits that changed a package are looked through for its
/// starter: an attendee's commits are a few dozen at most.
pub(super) const HISTORY: usize = 200;

/// One regular file of a commit's tree, relative to the package directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub path: PathBuf,
    pub mode: u32,
    /// Git's object id of its contents.
    pub blob: String,
}

/// The package as git sees it from the workshop root, with the contents of
/// the objects read so far (commits share most of them).
pub(super) struct Package<'a> {
    root: &'a Path,
    /// The package directory, relative to the workshop root.
    relative: PathBuf,
    blobs: HashMap<String, Vec<u8>>,
}

impl<'a> Package<'a> {
    pub fn new(workshop: &'a Workshop, exercise: &Exercise) -> Package<'a> {
        Package {
            root: &workshop.root,
            relative: package_path(workshop, exercise),
            blobs: HashMap::new(),
        }
    }

    /// The package directory as a pathspec: relative to the workshop root,
    /// where git runs, with a final slash.
    fn pathspec(&self) -> String {
        format!("{}/", self.relative.display())
    }

    /// The regular files of the package at `revision`; `None` when git cannot
    /// say (no git, not a repository, no such revision), empty when the
    /// package is not in that commit.
    pub fn tree(&self, revision: &str) -> Option<Vec<Entry>> {
        let listing = exec::git(
            self.root,
            &["ls-tree", "-r", "-z", revision, "--", &self.pathspec()],
        )?;
        Some(
            listing
                .split(|&b| b == 0)
                .filter_map(|entry| {
                    let entry = std::str::from_utf8(entry).ok()?;
                    let (meta, name) = entry.split_once('\t')?;
                    let mut fields = meta.split(' ');
                    let (mode, kind, blob) = (fields.next()?, fields.next()?, fields.next()?);
                    // Links and submodules are no files of the starter: the
                    // working tree's are not read either.
                    let mode = match (kind, mode) {
                        ("blob", "100755") => 0o755,
                        ("blob", "100644") => 0o644,
                        _ => return None,
                    };
                    let path = Path::new(name).strip_prefix(&self.relative).ok()?;
                    Some(Entry {
                        path: path.to_owned(),
                        mode,
                        blob: blob.to_owned(),
                    })
                })
                .collect(),
        )
    }

    /// The newest commits that changed the package, newest first, at most
    /// [`HISTORY`] of them.
    pub fn history(&self) -> Vec<String> {
        let limit = format!("--max-count={HISTORY}");
        exec::git(
            self.root,
            &["rev-list", &limit, "HEAD", "--", &self.pathspec()],
        )
        .map(|out| {
            String::from_utf8_lossy(&out)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
    }

    /// The contents of `entries`; `None` when git cannot give one of them.
    pub fn read(&mut self, entries: &[Entry]) -> Option<Files> {
        let mut files = Files::new();
        for entry in entries {
            if !self.blobs.contains_key(&entry.blob) {
                let bytes = exec::git(self.root, &["cat-file", "blob", &entry.blob])?;
                self.blobs.insert(entry.blob.clone(), bytes);
            }
            files.insert(entry.path.clone(), self.blobs[&entry.blob].clone());
        }
        Some(files)
    }

    /// The files of the working tree that git tracks or would track (those
    /// it does not ignore), relative to the package; `None` when git knows
    /// nothing of the directory.
    pub fn working_files(&self) -> Option<Vec<PathBuf>> {
        let listing = exec::git(
            self.root,
            &[
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--",
                &self.pathspec(),
            ],
        )?;
        let mut paths: Vec<PathBuf> = listing
            .split(|&b| b == 0)
            .filter_map(|name| std::str::from_utf8(name).ok())
            .filter_map(|name| Path::new(name).strip_prefix(&self.relative).ok())
            .map(Path::to_owned)
            .collect();
        paths.sort();
        paths.dedup();
        (!paths.is_empty()).then_some(paths)
    }
}

/// The package directory relative to the workshop root, as git names it
/// (without `./`).
pub(super) fn package_path(workshop: &Workshop, exercise: &Exercise) -> PathBuf {
    workshop
        .module
        .join(&exercise.package)
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .collect()
}

/// The modes of a commit's files.
pub(super) fn modes(entries: &[Entry]) -> Modes {
    entries.iter().map(|e| (e.path.clone(), e.mode)).collect()
}

/// The package directories, relative to the workshop root, that git has at
/// `HEAD`, among the module's (one call for every exercise).
pub(super) fn packages_at_head(workshop: &Workshop) -> Option<Vec<PathBuf>> {
    let pathspec = format!("{}/", workshop.module.display());
    let listing = exec::git(
        &workshop.root,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            "HEAD",
            "--",
            &pathspec,
        ],
    )?;
    Some(
        listing
            .split(|&b| b == 0)
            .filter_map(|name| std::str::from_utf8(name).ok())
            .filter(|name| !name.is_empty())
            .map(PathBuf::from)
            .collect(),
    )
}
