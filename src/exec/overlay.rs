//! The file that `go build -overlay` and `go test -overlay` read: which files
//! the go command takes from elsewhere (or treats as absent) instead of the
//! ones on disk. Its format is Go's: `{"Replace": {"/abs/file": "/abs/other"}}`,
//! an empty string for a file that does not exist; a replaced path need not
//! exist on disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Files the go command sees with other contents, by absolute path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    /// Each path as the go command would read it -> the file it reads
    /// instead, or `None` for a file it must take as absent.
    pub replace: BTreeMap<PathBuf, Option<PathBuf>>,
}

/// Why an overlay cannot be written in Go's format.
#[derive(Debug, thiserror::Error)]
pub enum OverlayError {
    #[error("{}", crate::tr!("exec-overlay-relative", path = crate::display::path(.0)))]
    Relative(PathBuf),
    #[error("{}", crate::tr!("exec-overlay-not-utf8", path = crate::display::path(.0)))]
    NotUtf8(PathBuf),
}

#[derive(serde::Serialize)]
#[serde(rename_all = "PascalCase")]
struct OverlayJson<'a> {
    replace: BTreeMap<&'a str, &'a str>,
}

impl Overlay {
    /// The file `go -overlay=` reads. Paths must be absolute (the go command
    /// would take relative ones from its own directory) and UTF-8 (JSON).
    pub fn to_json(&self) -> Result<Vec<u8>, OverlayError> {
        let mut replace = BTreeMap::new();
        for (from, to) in &self.replace {
            let to = match to {
                Some(to) => text(to)?,
                None => "",
            };
            replace.insert(text(from)?, to);
        }
        Ok(serde_json::to_vec_pretty(&OverlayJson { replace })
            .expect("a map of strings serialises"))
    }
}

/// A path as the overlay file writes it: absolute, in UTF-8.
fn text(path: &Path) -> Result<&str, OverlayError> {
    if !path.is_absolute() {
        return Err(OverlayError::Relative(path.to_owned()));
    }
    path.to_str()
        .ok_or_else(|| OverlayError::NotUtf8(path.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlay(entries: &[(&str, Option<&str>)]) -> Overlay {
        Overlay {
            replace: entries
                .iter()
                .map(|(from, to)| (PathBuf::from(from), to.map(PathBuf::from)))
                .collect(),
        }
    }

    fn parsed(overlay: &Overlay) -> serde_json::Value {
        serde_json::from_slice(&overlay.to_json().unwrap()).unwrap()
    }

    #[test]
    fn replaces_and_removes_in_gos_format() {
        let json = parsed(&overlay(&[
            (
                "/w/ex/p/logs_test.go",
                Some("/w/.workshop/runs/p/protected/logs_test.go"),
            ),
            ("/w/ex/p/gone.go", None),
        ]));
        assert_eq!(
            json,
            serde_json::json!({"Replace": {
                "/w/ex/p/logs_test.go": "/w/.workshop/runs/p/protected/logs_test.go",
                "/w/ex/p/gone.go": "",
            }})
        );
    }

    #[test]
    fn paths_with_spaces_quotes_and_unicode_survive_the_round_trip() {
        let from = "/home/a b/ワーク \"shop\"/ex\\p/テスト_test.go";
        let to = "/home/a b/.workshop/runs/p/protected/テスト_test.go\t";
        let json = parsed(&overlay(&[(from, Some(to))]));
        assert_eq!(json["Replace"][from], to);
        let text = String::from_utf8(overlay(&[(from, Some(to))]).to_json().unwrap()).unwrap();
        assert!(text.contains(r#"ワーク \"shop\"/ex\\p"#), "{text}");
        assert!(text.contains(r"protected/テスト_test.go\t"), "{text}");
    }

    #[test]
    fn an_empty_overlay_is_still_a_valid_file() {
        assert_eq!(
            parsed(&Overlay::default()),
            serde_json::json!({"Replace": {}})
        );
    }

    #[test]
    fn relative_and_non_utf8_paths_are_refused() {
        let relative = overlay(&[("p/a_test.go", Some("/x/a_test.go"))]);
        assert!(matches!(relative.to_json(), Err(OverlayError::Relative(_))));
        let relative = overlay(&[("/p/a_test.go", Some("x/a_test.go"))]);
        assert!(matches!(relative.to_json(), Err(OverlayError::Relative(_))));
        use std::os::unix::ffi::OsStrExt;
        let bad = PathBuf::from(std::ffi::OsStr::from_bytes(b"/p/\xff_test.go"));
        let overlay = Overlay {
            replace: [(bad, Some(PathBuf::from("/x")))].into_iter().collect(),
        };
        assert!(matches!(overlay.to_json(), Err(OverlayError::NotUtf8(_))));
    }
}
