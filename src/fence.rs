//! The fence around a workshop: below a workshop root, the runner never
//! follows a symbolic link when it writes, creates, truncates or deletes.
//!
//! A repository from a stranger can hold links anywhere — `.workshop/` itself,
//! `.workshop/state.lock`, a run directory, a directory of an exercise. Every
//! file-system change the runner makes goes through this module, which
//! checks the path from the root down: each directory on the way must be a
//! real directory, and the file itself is opened with `O_NOFOLLOW` (or
//! replaced by a rename, which replaces a link rather than what it points
//! to). A link met on the way is an error that names it. Roots are
//! registered once, when a workshop (or a temporary copy of one) is loaded;
//! paths outside every root — a file the user names on the command line — are
//! the user's to choose and are not fenced.
//!
//! The check is made before each change, which suffices against links that
//! a repository holds; it does not claim to stop another process racing to
//! plant a link between the check and the change.

use std::fs::File;
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Component, Path, PathBuf};
use std::sync::RwLock;

use crate::display::path as display;
use crate::tr;

/// The workshop roots registered so far, as given and as resolved.
static ROOTS: RwLock<Vec<PathBuf>> = RwLock::new(Vec::new());

/// Fences `root`: from now on no change below it follows a link.
pub fn enclose(root: &Path) {
    let mut forms = vec![absolute(root)];
    if let Ok(real) = root.canonicalize() {
        forms.push(real);
    }
    if let Ok(mut roots) = ROOTS.write() {
        for form in forms {
            if !roots.contains(&form) {
                roots.push(form);
            }
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// The error for a link met below a root: it names the link and where it
/// leads.
pub fn refused(link: &Path) -> io::Error {
    let target = std::fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    io::Error::other(tr!("fence-link", link = display(link), target = target))
}

/// The root that holds `path`, and the path's parts below it.
fn enclosing(path: &Path) -> Option<(PathBuf, Vec<PathBuf>)> {
    let path = absolute(path);
    let roots = ROOTS.read().ok()?;
    let root = roots
        .iter()
        .filter(|root| path.starts_with(root))
        .max_by_key(|root| root.components().count())?;
    let below = path.strip_prefix(root).ok()?;
    let parts = below
        .components()
        .map(|c| PathBuf::from(c.as_os_str()))
        .collect();
    Some((root.clone(), parts))
}

/// Checks the directories on the way to `path` (not `path` itself): none
/// below its root may be a link, and `..` may not climb out. A missing one
/// ends the check, since nothing below it exists to follow.
pub fn check(path: &Path) -> io::Result<()> {
    let Some((root, parts)) = enclosing(path) else {
        return Ok(());
    };
    if parts
        .iter()
        .any(|p| p.as_os_str() == Component::ParentDir.as_os_str())
    {
        return Err(io::Error::other(tr!("fence-climbs", path = display(path))));
    }
    let mut at = root;
    for part in parts.iter().take(parts.len().saturating_sub(1)) {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(refused(&at)),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(())
}

/// Checks `path` and the way to it: `path` itself may not be a link either.
pub fn check_all(path: &Path) -> io::Result<()> {
    check(path)?;
    if enclosing(path).is_some()
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(refused(path));
    }
    Ok(())
}

/// `create_dir_all` that never goes through a link below a root: each
/// directory on the way is made, or must already be a real directory.
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    let Some((root, parts)) = enclosing(dir) else {
        return std::fs::create_dir_all(dir);
    };
    check(dir)?;
    let mut at = root;
    for part in &parts {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(refused(&at)),
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(io::Error::from(io::ErrorKind::NotADirectory)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => match std::fs::create_dir(&at) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                _ => {}
            },
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn no_follow() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.custom_flags(nix::libc::O_NOFOLLOW | nix::libc::O_CLOEXEC);
    options
}

/// Opens `path` for writing, created or emptied, never through a link.
pub fn create(path: &Path) -> io::Result<File> {
    check(path)?;
    no_follow()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .map_err(|e| link_or(path, e))
}

/// Opens `path` for reading and writing, created if missing, never emptied
/// and never through a link: for lock files.
pub fn open_lock(path: &Path) -> io::Result<File> {
    check(path)?;
    no_follow()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| link_or(path, e))
}

/// `O_NOFOLLOW` on a link fails with `ELOOP`: say it is a link.
fn link_or(path: &Path, error: io::Error) -> io::Error {
    if error.raw_os_error() == Some(nix::libc::ELOOP)
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        refused(path)
    } else {
        error
    }
}

/// Writes a whole file the user named (an output of `inspect`, a report):
/// outside every root as any program would, below one never through a link.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if enclosing(path).is_none() {
        return std::fs::write(path, bytes);
    }
    io::Write::write_all(&mut create(path)?, bytes)
}

/// Removes a file (a link itself, never what it points to).
pub fn remove_file(path: &Path) -> io::Result<()> {
    check(path)?;
    std::fs::remove_file(path)
}

/// Removes a directory and all below it; links are removed, never followed.
/// The directory itself may not be a link below a root.
pub fn remove_dir_all(dir: &Path) -> io::Result<()> {
    check_all(dir)?;
    std::fs::remove_dir_all(dir)
}

/// Renames `from` to `to`, both fenced; a link at `to` is replaced, not
/// followed.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    check(from)?;
    check(to)?;
    std::fs::rename(from, to)
}

/// Gives the file at `from` a second name `to`, which must not exist: a
/// name taken is never replaced.
pub fn hard_link(from: &Path, to: &Path) -> io::Result<()> {
    check_all(from)?;
    check(to)?;
    std::fs::hard_link(from, to)
}

/// Makes a symbolic link `link` holding `target`, as a repository had it.
pub fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    check(link)?;
    std::os::unix::fs::symlink(target, link)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fenced() -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        enclose(root.path());
        let link = root.path().join("linked");
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        (root, outside, link)
    }

    #[test]
    fn no_change_goes_through_a_link_below_the_root() {
        let (root, outside, link) = fenced();
        std::fs::write(outside.path().join("victim"), "theirs").unwrap();
        let victim = link.join("victim");
        for error in [
            create(&victim).map(drop).unwrap_err(),
            open_lock(&victim).map(drop).unwrap_err(),
            remove_file(&victim).unwrap_err(),
            create_dir_all(&link.join("d/e")).unwrap_err(),
            remove_dir_all(&link).unwrap_err(),
            rename(&root.path().join("x"), &victim).unwrap_err(),
        ] {
            assert!(error.to_string().contains("linked"), "{error}");
        }
        assert_eq!(
            std::fs::read(outside.path().join("victim")).unwrap(),
            b"theirs"
        );
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_link_in_place_of_the_file_is_refused_not_followed() {
        let (root, outside, _) = fenced();
        let target = outside.path().join("victim");
        std::fs::write(&target, "theirs").unwrap();
        let lock = root.path().join("state.lock");
        std::os::unix::fs::symlink(&target, &lock).unwrap();
        let error = open_lock(&lock).unwrap_err();
        assert!(error.to_string().contains("state.lock"), "{error}");
        let error = create(&lock).unwrap_err();
        assert!(error.to_string().contains("victim"), "{error}");
        assert_eq!(std::fs::read(&target).unwrap(), b"theirs");
        // Removing the link removes the link.
        remove_file(&lock).unwrap();
        assert!(target.exists());
    }

    #[test]
    fn real_directories_are_made_and_kept() {
        let (root, _outside, _) = fenced();
        let dir = root.path().join("a/b/c");
        create_dir_all(&dir).unwrap();
        create_dir_all(&dir).unwrap();
        std::io::Write::write_all(&mut create(&dir.join("f")).unwrap(), b"x").unwrap();
        assert_eq!(std::fs::read(dir.join("f")).unwrap(), b"x");
        let climbing = root.path().join("a/../../x");
        assert!(check(&climbing).is_err());
    }

    #[test]
    fn paths_outside_every_root_are_not_fenced() {
        let (_root, outside, _) = fenced();
        let elsewhere = tempfile::tempdir().unwrap();
        let link = elsewhere.path().join("l");
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        create_dir_all(&link.join("made")).unwrap();
        assert!(outside.path().join("made").is_dir());
    }
}
