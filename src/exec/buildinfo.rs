//! What a Go binary says about its own build: `go version -m`, read into its
//! Go version, main package path and build settings (`-pgo=...`, `-gcflags=...`,
//! `GOARCH=...`).
//!
//! A program built with `go build` records the profile PGO used as its `-pgo`
//! setting. A test binary does not reliably (Go 1.26 copies it from a main
//! package under test, Go 1.27 leaves it out), which is why the goals that ask
//! build the exercise's command on its own.

use std::ffi::OsString;
use std::path::Path;

use super::process::{self, Spawn};
use super::{GoError, GoTool, QUERY_TIMEOUT, go_env, in_memory};

/// The build information of one binary, as `go version -m` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct BuildInfo {
    /// The Go that built it, as Go writes it: `go1.26.8`.
    pub go: String,
    /// The main package's import path (`path` line).
    pub path: String,
    /// The `build` lines, key and value, in their order.
    pub settings: Vec<(String, String)>,
}

impl BuildInfo {
    /// The value of the build setting `key` (`-pgo`, `GOARCH`), if recorded.
    pub fn setting(&self, key: &str) -> Option<&str> {
        self.settings
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Reads the text of `go version -m <binary>`; `None` when it holds no
    /// first line of the form `<file>: go1.x`.
    pub fn parse(text: &str) -> Option<BuildInfo> {
        let mut lines = text.lines();
        let first = lines.next()?;
        let (_, go) = first.rsplit_once(": ")?;
        let go = go.trim();
        if !go.starts_with("go") {
            return None;
        }
        let mut info = BuildInfo {
            go: go.to_owned(),
            ..BuildInfo::default()
        };
        for line in lines {
            let mut fields = line.trim_start_matches('\t').splitn(2, '\t');
            match (fields.next(), fields.next()) {
                (Some("path"), Some(path)) => info.path = path.trim().to_owned(),
                (Some("build"), Some(setting)) => {
                    let (key, value) = split_setting(setting.trim_end_matches(['\r', '\n']));
                    info.settings.push((key, value));
                }
                _ => {}
            }
        }
        Some(info)
    }
}

/// A `build` line's `key=value`, either side quoted as Go quotes what holds a
/// space, a tab, a quote, or (the key) an `=`.
fn split_setting(text: &str) -> (String, String) {
    let (key, rest) = if text.starts_with('"') {
        let (key, used) = unquote(text);
        (key, text[used..].strip_prefix('=').unwrap_or(""))
    } else {
        match text.split_once('=') {
            Some((key, rest)) => (key.to_owned(), rest),
            None => (text.to_owned(), ""),
        }
    };
    let value = if rest.starts_with('"') {
        unquote(rest).0
    } else {
        rest.to_owned()
    };
    (key, value)
}

/// A Go-quoted string at the start of `text`, and how many bytes it took;
/// `\"`, `\\`, `\t` and `\n` are undone, other escapes kept as written.
fn unquote(text: &str) -> (String, usize) {
    let mut out = String::new();
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, i + 1),
            '\\' => match chars.next() {
                Some((_, 't')) => out.push('\t'),
                Some((_, 'n')) => out.push('\n'),
                Some((_, e @ ('"' | '\\'))) => out.push(e),
                Some((_, e)) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            c => out.push(c),
        }
    }
    (out, text.len())
}

/// Why a binary's build information could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildInfoError {
    /// `go version -m` refused the file (not a Go executable), in its words.
    Refused(String),
}

impl GoTool {
    /// `go version -m binary`: what the binary records of its build. A
    /// failure of the go command to start is an error; its refusal of the
    /// file is an answer.
    pub fn build_info(&self, binary: &Path) -> Result<Result<BuildInfo, BuildInfoError>, GoError> {
        let finished = process::run(&Spawn {
            program: self.program().to_owned(),
            args: vec![
                OsString::from("version"),
                OsString::from("-m"),
                binary.as_os_str().to_owned(),
            ],
            dir: binary.parent().unwrap_or(Path::new("/")).to_owned(),
            env: go_env(),
            timeout: QUERY_TIMEOUT,
            output: in_memory(),
            quit_first: false,
        })?;
        if finished.timed_out {
            return Err(GoError::Timeout {
                step: "version -m".into(),
                timeout: QUERY_TIMEOUT,
            });
        }
        let text = finished.output.trim();
        match BuildInfo::parse(text) {
            Some(info) if finished.success() => Ok(Ok(info)),
            _ => Ok(Err(BuildInfoError::Refused(text.to_owned()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &str = "/tmp/prog: go1.27.3
\tpath\tworkshop.example/exercises/pgo/01-profile
\tmod\tworkshop.example/exercises\t(devel)\t
\tbuild\t-buildmode=exe
\tbuild\t-compiler=gc
\tbuild\t-pgo=/work/w/exercises/pgo/01-profile/default.pgo
\tbuild\tCGO_ENABLED=1
\tbuild\tGOARCH=amd64
";

    #[test]
    fn reads_version_path_and_settings() {
        let info = BuildInfo::parse(PROGRAM).unwrap();
        assert_eq!(info.go, "go1.27.3");
        assert_eq!(info.path, "workshop.example/exercises/pgo/01-profile");
        assert_eq!(
            info.setting("-pgo"),
            Some("/work/w/exercises/pgo/01-profile/default.pgo")
        );
        assert_eq!(info.setting("GOARCH"), Some("amd64"));
        assert_eq!(info.setting("-race"), None);
    }

    #[test]
    fn quoted_values_are_unquoted() {
        let text = "/tmp/p: go1.26.8\n\tbuild\t-pgo=\"/a dir/default.pgo\"\n\tbuild\t\"-ldflags\"=\"-X \\\"a=b\\\"\"\n";
        let info = BuildInfo::parse(text).unwrap();
        assert_eq!(info.setting("-pgo"), Some("/a dir/default.pgo"));
        assert_eq!(info.setting("-ldflags"), Some("-X \"a=b\""));
    }

    #[test]
    fn a_refusal_is_no_build_info() {
        assert_eq!(
            BuildInfo::parse(
                "/tmp/x.a: could not read Go build info from /tmp/x.a: unrecognized file format"
            ),
            None
        );
        assert_eq!(BuildInfo::parse(""), None);
    }
}
