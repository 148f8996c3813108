//! Checks of single values in manifest files: paths that must stay inside the
//! workshop, exercise ids, `-benchtime` values. Each returns what was expected
//! when the value is wrong, for a diagnostic at the value.

use std::path::{Component, Path, PathBuf};

/// A docs page named in a manifest: a relative path to an existing file.
pub(super) fn page(root: &Path, text: &str) -> Result<PathBuf, String> {
    let path = safe_relative(text)?;
    if root.join(&path).is_file() {
        Ok(path)
    } else {
        Err(format!(
            "expected the page {}",
            crate::display::path(&root.join(path))
        ))
    }
}

/// A relative path that stays inside its base: no root, no `..`.
pub(super) fn safe_relative(text: &str) -> Result<PathBuf, String> {
    let path = Path::new(text);
    if text.trim().is_empty() {
        return Err("the path is empty".into());
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!(
            "`{text}` leaves the workshop (expected a relative path without `..`)"
        ));
    }
    Ok(path.to_owned())
}

/// Checks that an existing path does not lead outside `root` through a link.
pub(super) fn inside(root: &Path, path: &Path) -> Result<(), String> {
    match path.canonicalize() {
        Ok(real) if real.starts_with(root) => Ok(()),
        Ok(real) => Err(format!(
            "{} leads outside the workshop (to {})",
            crate::display::path(path),
            real.display()
        )),
        Err(_) => Ok(()),
    }
}

/// `topic/NN-name`: lowercase letters, digits, `-`, `_` and `.` in `/`-separated parts.
pub(super) fn valid_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{id}` is not an exercise id (expected lowercase parts separated by `/`, like heap/01-concat)"
        ))
    }
}

/// `-benchtime` takes a count (`100x`) or a duration (`2s`).
pub(super) fn valid_benchtime(text: &str) -> bool {
    match text.strip_suffix('x') {
        Some(count) => count.parse::<u64>().is_ok_and(|n| n > 0),
        None => humantime::parse_duration(text).is_ok_and(|d| !d.is_zero()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_paths() {
        assert!(valid_id("heap/01-concat").is_ok());
        assert!(valid_id("trace/flightrecorder").is_ok());
        assert!(valid_id("Heap/x").is_err());
        assert!(valid_id("heap/../x").is_err());
        assert!(valid_id("heap//x").is_err());
        assert!(safe_relative("a/b.go").is_ok());
        assert!(safe_relative("../b.go").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
    }

    #[test]
    fn benchtimes() {
        assert!(valid_benchtime("200x"));
        assert!(valid_benchtime("2s"));
        assert!(!valid_benchtime("0x"));
        assert!(!valid_benchtime("fast"));
    }
}
