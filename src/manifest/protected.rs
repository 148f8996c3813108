//! The files that measure an exercise, which are the workshop's and never the
//! attendee's: every `_test.go` file and everything under a `testdata/`
//! directory of the pristine starter, and whatever a check file's `protected:`
//! globs name (relative to the exercise's package directory). Checks compile
//! and run the workshop's copies of them (see `run::protected`).
//!
//! A glob is validated where it is written; that it matches a file of the
//! starter can only be known once the starter is, so that problem is kept,
//! placed at the glob, for the check that finds it.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use super::ManifestError;
use crate::tr;
use crate::workspace::Files;
use crate::yaml::locate::element;
use crate::yaml::{Diagnostic, Document};

/// One glob of a check file's `protected:` list.
#[derive(Debug, Clone)]
pub struct ProtectedGlob {
    /// As written: `fixtures/*.json`, `cmd/load/**`.
    pub pattern: String,
    regex: regex::Regex,
    /// The problem to report, at the glob, when it matches no starter file.
    unmatched: Diagnostic,
}

impl ProtectedGlob {
    /// Whether the glob names `path` (relative to the package directory).
    pub fn matches(&self, path: &Path) -> bool {
        self.regex.is_match(&slashed(path))
    }
}

/// Whether a file of the starter is protected whatever the check file says:
/// a `_test.go` file, or a file under a `testdata` directory.
pub fn protected_by_default(path: &Path) -> bool {
    let test_file = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with("_test.go"));
    test_file
        || path
            .parent()
            .is_some_and(|dir| dir.components().any(|c| c.as_os_str() == "testdata"))
}

impl super::Exercise {
    /// Whether `path` (relative to the package directory) is one of the files
    /// that measure this exercise, if the starter has it.
    pub fn protects(&self, path: &Path) -> bool {
        protected_by_default(path) || self.protected.iter().any(|g| g.matches(path))
    }

    /// The protected files of `starter`, the exercise's pristine files. A
    /// `protected:` glob that matches none of them is a problem of the check
    /// file, at the glob.
    pub fn protected_files(&self, starter: &Files) -> Result<BTreeSet<PathBuf>, ManifestError> {
        let unmatched: Vec<Diagnostic> = self
            .protected
            .iter()
            .filter(|glob| !starter.keys().any(|path| glob.matches(path)))
            .map(|glob| glob.unmatched.clone())
            .collect();
        if !unmatched.is_empty() {
            return Err(ManifestError::Invalid(unmatched));
        }
        Ok(starter
            .keys()
            .filter(|path| self.protects(path))
            .cloned()
            .collect())
    }
}

/// The `protected:` globs of a check file, each checked where it is written.
pub(super) fn read(
    doc: &Document<'_>,
    written: &[String],
    problems: &mut Vec<Diagnostic>,
) -> Vec<ProtectedGlob> {
    let mut globs = Vec::new();
    for (i, pattern) in written.iter().enumerate() {
        let at = element("protected", i);
        match compile(pattern) {
            Ok(regex) => globs.push(ProtectedGlob {
                pattern: pattern.clone(),
                regex,
                unmatched: doc.at(&at, tr!("manifest-protected-unmatched", glob = pattern)),
            }),
            Err(message) => problems.push(doc.at(&at, message)),
        }
    }
    globs
}

/// A glob as a regular expression over `/`-separated relative paths: `*` is
/// any part of a name, `?` one character of it, `[abc]` (or `[!abc]`) one of
/// (or none of) a set, and `**` as a whole name any number of directories.
fn compile(pattern: &str) -> Result<regex::Regex, String> {
    if pattern.trim().is_empty() {
        return Err(tr!("manifest-path-empty"));
    }
    let path = Path::new(pattern);
    let leaves = path.has_root()
        || path
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
    if leaves {
        return Err(tr!("manifest-path-leaves", path = pattern));
    }
    let names: Vec<&str> = pattern.split('/').collect();
    if names.iter().any(|n| n.is_empty() || *n == ".") {
        return Err(tr!("manifest-protected-bad-name", glob = pattern));
    }
    let mut regex = String::from("^");
    for (i, name) in names.iter().enumerate() {
        let last = i + 1 == names.len();
        if *name == "**" {
            regex.push_str(if last { ".+" } else { "(?:[^/]+/)*" });
            continue;
        }
        name_regex(name, &mut regex).map_err(|()| {
            tr!(
                "manifest-protected-bad-class",
                glob = pattern,
                name = name.to_owned()
            )
        })?;
        if !last {
            regex.push('/');
        }
    }
    regex.push('$');
    regex::Regex::new(&regex).map_err(|_| {
        tr!(
            "manifest-protected-bad-class",
            glob = pattern,
            name = pattern
        )
    })
}

/// One name of a glob, onto `regex`; an unclosed `[` is refused.
fn name_regex(name: &str, regex: &mut String) -> Result<(), ()> {
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => regex.push_str("[^/]*"),
            '?' => regex.push_str("[^/]"),
            '[' => {
                regex.push('[');
                if chars.next_if(|c| *c == '!' || *c == '^').is_some() {
                    regex.push('^');
                }
                let mut empty = true;
                loop {
                    match chars.next() {
                        None => return Err(()),
                        Some(']') if !empty => break,
                        Some(c) if c == '\\' || c == '[' || c == ']' || c == '&' || c == '~' => {
                            regex.push('\\');
                            regex.push(c);
                        }
                        Some('/') => return Err(()),
                        Some(c) => regex.push(c),
                    }
                    empty = false;
                }
                regex.push(']');
            }
            c => regex.push_str(&regex::escape(&c.to_string())),
        }
    }
    Ok(())
}

/// A relative path with `/` between its names, as globs are written.
fn slashed(path: &Path) -> String {
    let names: Vec<_> = path
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    names.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(glob: &str, path: &str) -> bool {
        compile(glob).unwrap().is_match(path)
    }

    #[test]
    fn stars_stay_within_a_name_and_double_stars_cross_directories() {
        assert!(matches("fixtures/*.json", "fixtures/a.json"));
        assert!(!matches("fixtures/*.json", "fixtures/deep/a.json"));
        assert!(!matches("fixtures/*.json", "fixtures/a.jsonl"));
        assert!(matches("cmd/load/**", "cmd/load/main.go"));
        assert!(matches("cmd/load/**", "cmd/load/x/y.go"));
        assert!(!matches("cmd/load/**", "cmd/loader/main.go"));
        assert!(matches("**/*.golden", "a.golden"));
        assert!(matches("**/*.golden", "x/y/a.golden"));
        assert!(matches("data?.txt", "data1.txt"));
        assert!(!matches("data?.txt", "data12.txt"));
        assert!(matches("[ab].txt", "a.txt"));
        assert!(matches("[!ab].txt", "c.txt"));
        assert!(!matches("[!ab].txt", "a.txt"));
        assert!(
            matches("a+b (1).txt", "a+b (1).txt"),
            "regex characters are literal"
        );
        assert!(!matches("a.txt", "abtxt"));
    }

    #[test]
    fn globs_that_cannot_be_right_are_refused() {
        for glob in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../b",
            "a//b",
            "./a",
            "a/",
            "[ab",
            "x/[a/b]",
        ] {
            assert!(compile(glob).is_err(), "{glob:?} was accepted");
        }
    }

    #[test]
    fn test_files_and_test_data_are_protected_by_default() {
        assert!(protected_by_default(Path::new("logs_test.go")));
        assert!(protected_by_default(Path::new("cmd/x/x_test.go")));
        assert!(protected_by_default(Path::new("testdata/logs/a.log")));
        assert!(protected_by_default(Path::new("sub/testdata/a")));
        assert!(!protected_by_default(Path::new("logs.go")));
        assert!(!protected_by_default(Path::new("testdata")));
        assert!(!protected_by_default(Path::new("test_data/a")));
    }
}
