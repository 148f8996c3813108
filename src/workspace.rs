//! File helpers with typed errors: copy a source tree, read a tree into memory,
//! write files atomically. Writes go to a temporary file beside the target that
//! is renamed over it, so a kill midway leaves the old file or the new one,
//! never half of one. Every change goes through [`fence`], which never follows
//! a link below a workshop root.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::display::path as display;
use crate::fence;
use crate::layout::WORK_DIR;
use crate::leftovers;
use crate::tr;

/// Files of a directory: path relative to it -> bytes.
pub type Files = BTreeMap<PathBuf, Vec<u8>>;

/// The permission bits of files (`0o644`), by the same relative paths; a file
/// without an entry is written with the mode it has, or a new file's default.
pub type Modes = BTreeMap<PathBuf, u32>;

/// The modes of `files` as they are below `dir`.
pub fn read_modes(dir: &Path, files: &Files) -> Modes {
    use std::os::unix::fs::PermissionsExt;
    files
        .keys()
        .filter_map(|relative| {
            let meta = std::fs::metadata(dir.join(relative)).ok()?;
            Some((relative.clone(), meta.permissions().mode() & 0o7777))
        })
        .collect()
}

/// A file operation that failed, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}", tr!("state-file-read", path = display(.path)))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", tr!("state-file-write", path = display(.path)))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", tr!("state-file-copy", from = display(.from), to = display(.to)))]
    Copy {
        from: PathBuf,
        to: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl FileError {
    /// A read error of `path`, for `map_err`.
    pub fn read(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
        move |source| FileError::Read {
            path: path.to_owned(),
            source,
        }
    }

    /// A write error of `path`, for `map_err`.
    pub fn write(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
        move |source| FileError::Write {
            path: path.to_owned(),
            source,
        }
    }
}

fn walk_error(dir: &Path, error: walkdir::Error) -> FileError {
    FileError::Read {
        path: error.path().unwrap_or(dir).to_owned(),
        source: error
            .into_io_error()
            .unwrap_or_else(|| std::io::Error::other(tr!("state-link-loop"))),
    }
}

/// Copies a source tree, leaving out version control and the runner's own files.
pub fn copy_tree(from: &Path, to: &Path) -> Result<(), FileError> {
    let walker = walkdir::WalkDir::new(from)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !(name == WORK_DIR || name == ".git")
        });
    for entry in walker {
        let entry = entry.map_err(|e| walk_error(from, e))?;
        let relative = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = to.join(relative);
        let file_type = entry.file_type();
        let result = if file_type.is_dir() {
            fence::create_dir_all(&target)
        } else if file_type.is_file() {
            copy_file(entry.path(), &target)
        } else {
            Ok(())
        };
        result.map_err(|source| FileError::Copy {
            from: entry.path().to_owned(),
            to: target.clone(),
            source,
        })?;
    }
    Ok(())
}

/// Copies one file's bytes and permission bits, never writing through a link.
pub fn copy_file(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut source = std::fs::File::open(from)?;
    let mut target = fence::create(to)?;
    std::io::copy(&mut source, &mut target)?;
    target.set_permissions(source.metadata()?.permissions())
}

/// Removes a directory and everything below it (links themselves, never what
/// they point to); one that does not exist is already gone.
pub fn remove_tree(dir: &Path) -> Result<(), FileError> {
    match fence::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(FileError::Write {
            path: dir.to_owned(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Reads every regular file below `dir` whose relative path passes `keep`; a
/// directory that does not exist holds no files.
pub fn read_tree(dir: &Path, keep: impl Fn(&Path) -> bool) -> Result<Files, FileError> {
    let mut files = Files::new();
    fence::check_all(dir).map_err(FileError::read(dir))?;
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(|e| walk_error(dir, e))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_owned();
        if keep(&relative) {
            let bytes = std::fs::read(entry.path()).map_err(FileError::read(entry.path()))?;
            files.insert(relative, bytes);
        }
    }
    Ok(files)
}

/// Writes each of `files` below `dir`, creating directories, each atomically,
/// with its mode from `modes` (see [`write_atomic`] for the others). A
/// directory below `dir` that is a symbolic link is never written through.
pub fn write_files(dir: &Path, files: &Files, modes: &Modes) -> Result<(), FileError> {
    for (relative, bytes) in files {
        refuse_links(dir, relative)?;
        write_atomic(&dir.join(relative), bytes, modes.get(relative).copied())?;
    }
    Ok(())
}

/// Fails when a directory on the way from `dir` to `relative` is a symbolic
/// link, which a write would follow out of the tree. (The file itself may be
/// one: a write replaces the link, never what it points to.)
pub fn refuse_links(dir: &Path, relative: &Path) -> Result<(), FileError> {
    let mut at = dir.to_owned();
    let names: Vec<_> = relative.components().collect();
    for name in names.iter().take(names.len().saturating_sub(1)) {
        at.push(name);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(FileError::Write {
                    path: dir.join(relative),
                    source: fence::refused(&at),
                });
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(())
}

/// Makes `dir` hold exactly `files`, in one step: they are written to a new
/// directory beside it, which then takes its place; a kill midway leaves the
/// old directory or the new one (and at worst a stray `.new-`/`.old-` one).
pub fn replace_tree(dir: &Path, files: &Files, modes: &Modes) -> Result<(), FileError> {
    let parent = dir.parent().unwrap_or(Path::new("."));
    fence::create_dir_all(parent).map_err(FileError::write(parent))?;
    fence::check_all(dir).map_err(FileError::write(dir))?;
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    // A command killed between its two renames left the old directory aside
    // and none in its place: it comes back before anything else happens.
    if !dir.exists()
        && let Some(old) = leftovers::stale_in(parent).into_iter().find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(&format!("-old-{name}")))
        })
    {
        fence::rename(&old, dir).map_err(FileError::write(dir))?;
    }
    for stale in leftovers::stale_in(parent) {
        let _ = fence::remove_dir_all(&stale);
    }
    let fresh = tempfile::Builder::new()
        .prefix(&leftovers::prefix(&format!("new-{name}")))
        .tempdir_in(parent)
        .map_err(FileError::write(parent))?;
    write_files(fresh.path(), files, modes)?;
    let old = parent.join(format!("{}old-{name}", leftovers::prefix("")));
    let had = dir.exists();
    if had {
        fence::rename(dir, &old).map_err(FileError::write(dir))?;
    }
    let fresh = fresh.keep();
    if let Err(source) = fence::rename(&fresh, dir) {
        if had {
            let _ = fence::rename(&old, dir);
        }
        let _ = fence::remove_dir_all(&fresh);
        return Err(FileError::Write {
            path: dir.to_owned(),
            source,
        });
    }
    if had {
        fence::remove_dir_all(&old).map_err(FileError::write(&old))?;
    }
    Ok(())
}

/// Writes one file atomically: beside the target, then renamed over it. Its
/// mode is `mode`, else the mode the file has, else a new file's default
/// (0666 less the umask, as for any program that creates a file).
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<(), FileError> {
    use std::os::unix::fs::PermissionsExt;
    let parent = path.parent().unwrap_or(Path::new("."));
    fence::create_dir_all(parent).map_err(FileError::write(parent))?;
    fence::check(path).map_err(FileError::write(path))?;
    let exact = mode.or_else(|| {
        std::fs::symlink_metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.permissions().mode() & 0o7777)
    });
    let mut temp = tempfile::Builder::new()
        .prefix(&leftovers::prefix("file"))
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(parent)
        .map_err(FileError::write(parent))?;
    if let Some(mode) = exact {
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(FileError::write(path))?;
    }
    std::io::Write::write_all(&mut temp, bytes).map_err(FileError::write(path))?;
    temp.persist(path).map_err(|e| FileError::Write {
        path: path.to_owned(),
        source: e.error,
    })?;
    Ok(())
}

/// The module path that `dir/go.mod` declares (`module example.com/x`).
pub fn go_module_path(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("go.mod")).ok()?;
    text.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("module")?;
        let path = rest.split("//").next()?.trim().trim_matches('"');
        (!path.is_empty() && rest.starts_with(char::is_whitespace)).then(|| path.to_owned())
    })
}

/// Whether a path names a Go source file.
pub fn is_go(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "go")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_module_path_of_a_go_mod() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("go.mod"),
            "// a comment\nmodule \"github.com/o/r/exercises\" // why\n\ngo 1.25\n",
        )
        .unwrap();
        assert_eq!(
            go_module_path(dir.path()).as_deref(),
            Some("github.com/o/r/exercises")
        );
        assert_eq!(go_module_path(&dir.path().join("none")), None);
    }

    #[test]
    fn copies_a_tree_without_the_runners_files() {
        let from = tempfile::tempdir().unwrap();
        let to = tempfile::tempdir().unwrap();
        let mut files = Files::new();
        files.insert("a/b.go".into(), b"package a\n".to_vec());
        files.insert(".workshop/state.json".into(), b"{}".to_vec());
        files.insert(".git/HEAD".into(), b"ref".to_vec());
        write_files(from.path(), &files, &Modes::new()).unwrap();
        copy_tree(from.path(), &to.path().join("copy")).unwrap();
        let copied = read_tree(&to.path().join("copy"), |_| true).unwrap();
        assert_eq!(copied.keys().collect::<Vec<_>>(), vec![Path::new("a/b.go")]);
        let go = read_tree(from.path(), is_go).unwrap();
        assert_eq!(go.len(), 1);
    }

    #[test]
    fn never_writes_through_a_linked_directory() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let package = dir.path().join("p");
        std::fs::create_dir(&package).unwrap();
        std::os::unix::fs::symlink(outside.path(), package.join("testdata")).unwrap();
        let mut files = Files::new();
        files.insert("testdata/x".into(), b"x".to_vec());
        let error = write_files(&package, &files, &Modes::new()).unwrap_err();
        assert!(error.to_string().contains("testdata/x"), "{error}");
        assert!(!outside.path().join("x").exists());
        // A link in place of the file itself is replaced, not followed.
        std::fs::remove_file(package.join("testdata")).unwrap();
        std::fs::create_dir(package.join("testdata")).unwrap();
        let target = outside.path().join("target");
        std::fs::write(&target, "theirs").unwrap();
        std::os::unix::fs::symlink(&target, package.join("testdata/x")).unwrap();
        write_files(&package, &files, &Modes::new()).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "theirs");
        assert_eq!(std::fs::read(package.join("testdata/x")).unwrap(), b"x");
    }

    #[test]
    fn a_tree_is_replaced_whole() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("starters/x");
        let mut files = Files::new();
        files.insert("a.go".into(), b"a".to_vec());
        files.insert("old.go".into(), b"old".to_vec());
        replace_tree(&dir, &files, &Modes::new()).unwrap();
        files.remove(Path::new("old.go"));
        files.insert("d/b.go".into(), b"b".to_vec());
        replace_tree(&dir, &files, &Modes::new()).unwrap();
        assert_eq!(read_tree(&dir, |_| true).unwrap(), files);
        let left: Vec<_> = std::fs::read_dir(root.path().join("starters"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, ["x"]);
    }

    #[test]
    fn errors_name_the_file() {
        let error = copy_tree(Path::new("/nonexistent/tree"), Path::new("/tmp/x")).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("cannot read /nonexistent/tree")
        );
    }
}
