//! Flat and cum per source line of the functions matching a pattern, beside
//! their source, as `go tool pprof -list REGEX` computes them. The profile is
//! read at source lines ([`Profile::read_lines`]); a line's cum counts a
//! sample once however often the line is on its stack. Source files are
//! found as pprof finds them, from the working directory: a path that holds
//! the directory's own name is taken from there, `/proc/self/cwd/` is
//! removed, and a relative path is looked up in the directory and each of
//! its parents; the file is named as the profile names it (less
//! `/proc/self/cwd/`). The lines shown run from the function's first line (five
//! before its first sampled line without one) to five after its last
//! sampled line, with pprof's own bounds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::Regex;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Profile;

/// Lines shown around sampled ones.
const MARGIN: i64 = 5;

/// What `-list` shows for one pattern.
#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    /// The sum of the absolute values of the sample type.
    pub total: i64,
    /// Matching functions in name order, each file of each on its own.
    pub routines: Vec<Routine>,
}

/// One function in one source file, or a function without source information.
#[derive(Debug, Clone, Serialize)]
pub struct Routine {
    pub function: String,
    /// None when no sample names the function's file.
    pub file: Option<String>,
    pub flat: i64,
    pub cum: i64,
    /// The lines shown, or why the file could not be read.
    #[serde(flatten)]
    pub source: Source,
}

/// A routine's source lines, or why there are none.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Lines(Vec<Line>),
    /// The file was not found: `searched` is where (None for an absolute path).
    Missing {
        path: String,
        searched: Option<String>,
    },
    /// No samples name a file for the function.
    NoSource {},
}

/// One source line and what it carried.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub number: i64,
    pub flat: i64,
    pub cum: i64,
    pub text: String,
}

/// A source line's node, as pprof's graph keeps it.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    flat: i64,
    cum: i64,
}

impl Profile {
    /// `-list pattern` of sample type `index`, from a profile read at source
    /// lines, with files looked up from `cwd`. None when no function with
    /// samples matches.
    pub fn listing(&self, index: usize, pattern: &Regex, cwd: &Path) -> Option<Listing> {
        let mut nodes = vec![Node::default(); self.sites.len()];
        let mut seen = vec![u32::MAX; self.sites.len()];
        let mut total = 0i64;
        for (n, sample) in self.samples.iter().enumerate() {
            let value = sample.values[index];
            if value == 0 {
                continue;
            }
            total += value.abs();
            if let Some(&leaf) = sample.frames.first() {
                nodes[leaf as usize].flat += value;
            }
            for &frame in sample.frames {
                if seen[frame as usize] != n as u32 {
                    seen[frame as usize] = n as u32;
                    nodes[frame as usize].cum += value;
                }
            }
        }
        let matches: Vec<bool> = self.functions.iter().map(|f| pattern.is_match(f)).collect();
        // Function name -> file -> its nodes (site indexes), in the order sites appear.
        let mut functions: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, site) in self.sites.iter().enumerate() {
            let node = nodes[i];
            if (node.flat == 0 && node.cum == 0) || !matches[site.function as usize] {
                continue;
            }
            functions
                .entry(&self.functions[site.function as usize])
                .or_default()
                .push(i);
        }
        if functions.is_empty() {
            return None;
        }
        let search = cwd.to_string_lossy().into_owned();
        let mut files: FxHashMap<String, Option<Vec<String>>> = FxHashMap::default();
        let mut routines = Vec::new();
        for (function, sites) in functions {
            let mut by_file: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for &i in &sites {
                let file = &self.sites[i].file;
                if file.is_empty() {
                    continue;
                }
                // Shown as pprof shows it: only `/proc/self/cwd/` trimmed.
                by_file.entry(clean(&trim(file, ""))).or_default().push(i);
            }
            if by_file.is_empty() {
                routines.push(Routine {
                    function: function.to_owned(),
                    file: None,
                    flat: 0,
                    cum: 0,
                    source: Source::NoSource {},
                });
                continue;
            }
            for (file, sites) in by_file {
                let flat = sites.iter().map(|&i| nodes[i].flat).sum();
                let cum = sites.iter().map(|&i| nodes[i].cum).sum();
                let text = files
                    .entry(file.clone())
                    .or_insert_with(|| read_source(&file, cwd));
                let source = match text {
                    Some(text) => Source::Lines(self.shown(&sites, &nodes, text)),
                    None => {
                        let trimmed = trim(&file, &search);
                        let absolute = Path::new(&trimmed).is_absolute();
                        Source::Missing {
                            path: trimmed,
                            searched: (!absolute).then(|| search.clone()),
                        }
                    }
                };
                routines.push(Routine {
                    function: function.to_owned(),
                    file: Some(file),
                    flat,
                    cum,
                    source,
                });
            }
        }
        if self.unfiltered.is_some() {
            // Label filters left samples out: pprof's total is taken before.
            total = self.pprof_total(index);
        }
        Some(Listing { total, routines })
    }

    /// The lines pprof shows of one function in one file.
    fn shown(&self, sites: &[usize], nodes: &[Node], text: &[String]) -> Vec<Line> {
        let first = &self.sites[sites[0]];
        let mut start = if first.start_line != 0 {
            first.start_line
        } else {
            first.line - MARGIN
        };
        let mut end = first.line + MARGIN;
        let mut per_line: FxHashMap<i64, Node> = FxHashMap::default();
        for &i in sites {
            let site = &self.sites[i];
            let node_start = if site.start_line == 0 {
                site.line - MARGIN
            } else {
                site.start_line
            };
            let node_end = site.line + MARGIN;
            // pprof widens one bound per line, the start before the end.
            if node_start < start {
                start = node_start;
            } else if node_end > end {
                end = node_end;
            }
            let entry = per_line.entry(site.line).or_default();
            entry.flat += nodes[i].flat;
            entry.cum += nodes[i].cum;
        }
        let start = start.max(1);
        let mut lines = Vec::new();
        for number in start..=end {
            let Some(line) = text.get(number as usize - 1) else {
                break;
            };
            let node = per_line.get(&number).copied().unwrap_or_default();
            lines.push(Line {
                number,
                flat: node.flat,
                cum: node.cum,
                text: line.clone(),
            });
        }
        lines
    }
}

/// A file's lines, found from `cwd` as pprof finds it.
fn read_source(file: &str, cwd: &Path) -> Option<Vec<String>> {
    let path = trim(file, &cwd.to_string_lossy());
    let candidates: Vec<PathBuf> = if Path::new(&path).is_absolute() {
        vec![PathBuf::from(&path)]
    } else {
        cwd.ancestors().map(|dir| dir.join(&path)).collect()
    };
    let bytes = candidates.iter().find_map(|p| std::fs::read(p).ok())?;
    let text = String::from_utf8_lossy(&bytes);
    Some(
        text.split_terminator('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_owned())
            .collect(),
    )
}

/// pprof's `trimPath` with no paths given to trim: a path holding
/// `/<name of the search directory>/` is taken relative to it, and the
/// prefixes `/proc/self/cwd/./` and `/proc/self/cwd/` are removed.
/// Without a search directory (`""`), only the prefixes go.
fn trim(path: &str, search: &str) -> String {
    if !search.is_empty() {
        let base = Path::new(search)
            .file_name()
            .map(|b| b.to_string_lossy().into_owned())
            .unwrap_or_else(|| "/".to_owned());
        let want = format!("/{base}/");
        if let Some(at) = path.find(&want) {
            return path[at + want.len()..].to_owned();
        }
    }
    for prefix in ["/proc/self/cwd/./", "/proc/self/cwd/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
    path.to_owned()
}

/// Go's `filepath.Clean`: no `.`, no `..` that can go, no doubled or trailing `/`.
fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(".."),
            },
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_owned(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_trimmed_and_cleaned_as_pprof_does() {
        assert_eq!(
            trim("/build/src/ws/exercises/cpu/x.go", "/home/me/ws"),
            "exercises/cpu/x.go"
        );
        assert_eq!(trim("/proc/self/cwd/./a.go", "/tmp"), "a.go");
        assert_eq!(trim("/usr/lib/go/a.go", "/tmp"), "/usr/lib/go/a.go");
        assert_eq!(trim("/home/me/ws/a.go", ""), "/home/me/ws/a.go");
        assert_eq!(clean("a/./b/../c.go"), "a/c.go");
        assert_eq!(clean("/../a//b/"), "/a/b");
        assert_eq!(clean("../a"), "../a");
    }
}
