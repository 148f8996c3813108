//! What a workshop's files say beside workshop.yaml, for problems that name the
//! likely cause: the check files that do exist (an exercise id in workshop.yaml
//! without a check file is usually a typo of one of them), and the Go version
//! the exercises' go.mod asks for.

use std::path::Path;

use crate::exec::GoVersion;

use super::CHECKS_DIR;

/// How deep exercise ids go under `checks/` (`topic/NN-name` is two levels;
/// a workshop may nest one or two more).
const MAX_ID_DEPTH: usize = 4;
/// How many entries of `checks/` are looked at, at most: a hostile tree with
/// millions of directories costs a bounded walk.
const MAX_ENTRIES: usize = 20_000;
/// go.mod files are small; a larger one is not read for its `go` line.
const MAX_GO_MOD: u64 = 1 << 20;

/// The ids of the exercises that have a check file under `checks/`, found
/// without following links.
pub(super) fn check_ids(root: &Path) -> Vec<String> {
    let checks = root.join(CHECKS_DIR);
    walkdir::WalkDir::new(&checks)
        .min_depth(2)
        .max_depth(MAX_ID_DEPTH + 1)
        .follow_links(false)
        .into_iter()
        .take(MAX_ENTRIES)
        .flatten()
        .filter(|entry| entry.file_type().is_file() && entry.file_name() == "check.yaml")
        .filter_map(|entry| {
            let dir = entry.path().parent()?.strip_prefix(&checks).ok()?;
            let id: Vec<&str> = dir
                .components()
                .map(|c| c.as_os_str().to_str())
                .collect::<Option<_>>()?;
            Some(id.join("/"))
        })
        .collect()
}

/// The check file's id closest to `id` among `candidates`, when one is close
/// enough to be a likely typo.
pub(super) fn closest<'a>(id: &str, candidates: &'a [String]) -> Option<&'a str> {
    fn name(s: &str) -> &str {
        s.rsplit('/').next().unwrap_or(s)
    }
    candidates
        .iter()
        .filter(|c| c.as_str() != id)
        .map(|c| {
            let whole = strsim::jaro_winkler(id, c);
            (whole.max(strsim::jaro_winkler(name(id), name(c))), c)
        })
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.as_str())
}

/// The `go` directive of the go.mod in `module_dir` (`go 1.25` or `go 1.25.0`),
/// with its line number; `None` when there is none or it cannot be read.
pub(super) fn go_mod_version(module_dir: &Path) -> Option<(GoVersion, usize)> {
    let path = module_dir.join("go.mod");
    let meta = std::fs::metadata(&path).ok()?;
    if meta.len() > MAX_GO_MOD {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    go_directive(&text)
}

/// The `go` line of a go.mod's text, and its line number (from 1).
fn go_directive(text: &str) -> Option<(GoVersion, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let line = line.split("//").next().unwrap_or("").trim();
        let version = line.strip_prefix("go")?;
        if !version.starts_with([' ', '\t']) {
            return None;
        }
        Some((version.trim().parse().ok()?, i + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_go_line() {
        let text =
            "module x\n\n// go 1.10 in a comment\ngo 1.26.1 // the minimum\n\ntoolchain go1.27.3\n";
        assert_eq!(go_directive(text), Some((GoVersion::new(1, 26, 1), 4)));
        assert_eq!(go_directive("module x\n"), None);
        // `golang.org/...` in a require block is not the go line.
        assert_eq!(
            go_directive("require (\n\tgolang.org/x/perf v0.1.0\n)\n"),
            None
        );
    }

    #[test]
    fn suggests_only_near_ids() {
        let ids = vec!["cpu/01-regexp".to_owned(), "heap/01-concat".to_owned()];
        assert_eq!(closest("cpu/01-regex", &ids), Some("cpu/01-regexp"));
        assert_eq!(closest("heap/1-concat", &ids), Some("heap/01-concat"));
        assert_eq!(closest("trace/02-task", &ids), None);
    }

    #[test]
    fn lists_check_files_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for id in ["cpu/01-regexp", "a/b/c"] {
            std::fs::create_dir_all(root.join("checks").join(id)).unwrap();
            std::fs::write(root.join("checks").join(id).join("check.yaml"), "").unwrap();
        }
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(outside.path().join("x")).unwrap();
        std::fs::write(outside.path().join("x/check.yaml"), "").unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("checks/linked")).unwrap();
        let mut ids = check_ids(root);
        ids.sort();
        assert_eq!(ids, ["a/b/c", "cpu/01-regexp"]);
    }
}
