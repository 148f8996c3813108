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

/// Why a `-run` or `-bench` pattern would be rejected by `go test`, if it
/// would. Go splits the pattern at slashes outside brackets and compiles each
/// part as a regular expression of its RE2 syntax, which Rust's `regex` shares
/// but for a few additions that are refused here.
pub(super) fn go_test_pattern(pattern: &str) -> Result<(), String> {
    for part in split_at_slashes(pattern) {
        for rust_only in ["(?x", "(?R", "(?u", "\\b{", "\\<", "\\>", "&&", "~~", "[["] {
            if part.contains(rust_only) {
                return Err(format!(
                    "`{part}` uses `{rust_only}`, which Go's regular expressions do not have"
                ));
            }
        }
        if let Err(e) = regex::Regex::new(part) {
            let why = e.to_string();
            let why = why
                .lines()
                .last()
                .unwrap_or(&why)
                .trim_start_matches("error: ");
            return Err(format!(
                "`{part}` is not a regular expression Go accepts: {why}"
            ));
        }
    }
    Ok(())
}

/// The parts of a `-run`/`-bench` pattern, as Go's testing package splits it:
/// at each `/` that is outside brackets and parentheses.
fn split_at_slashes(pattern: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut brackets, mut parens, mut escaped) = (0, 0i32, 0i32, false);
    for (i, c) in pattern.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => brackets += 1,
            ']' if brackets > 0 => brackets -= 1,
            '(' if brackets == 0 => parens += 1,
            ')' if brackets == 0 => parens -= 1,
            '/' if brackets == 0 && parens == 0 => {
                parts.push(&pattern[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&pattern[start..]);
    parts
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
    fn go_test_patterns() {
        assert!(go_test_pattern("^BenchmarkJoin$").is_ok());
        assert!(go_test_pattern("^BenchmarkJoin$/words=[0-9]+/").is_ok());
        assert!(go_test_pattern("Benchmark(A|B/C)").is_ok());
        assert!(go_test_pattern("[a/b]").is_ok());
        let unclosed = go_test_pattern("^Benchmark(Join$").unwrap_err();
        assert!(
            unclosed.contains("is not a regular expression Go accepts"),
            "{unclosed}"
        );
        assert!(go_test_pattern("^X$/(").is_err(), "each part is compiled");
        assert!(go_test_pattern("(?x) a b").unwrap_err().contains("(?x"));
        assert_eq!(split_at_slashes("a/b[/]/c"), ["a", "b[/]", "c"]);
    }

    #[test]
    fn benchtimes() {
        assert!(valid_benchtime("200x"));
        assert!(valid_benchtime("2s"));
        assert!(!valid_benchtime("0x"));
        assert!(!valid_benchtime("fast"));
    }
}
