//! An exercise's starter sums, `checks/<id>/starter.sums`: the SHA-256 of
//! every file of the pristine starter, recorded with the workshop by
//! `workshop verify`, so that a copy of the starter is proven to be one before
//! it serves as the baseline of goals relative to the starter.
//!
//! The format is `sha256sum`'s: one line per file, the sum in 64 hexadecimal
//! digits, two spaces, and the file's path relative to the exercise's package
//! directory (`sha256sum -c ../../../checks/<id>/starter.sums` run there checks
//! them); lines that begin with `#` and blank lines are comments. A name with a
//! backslash or a line break is written as `sha256sum` writes it: the line
//! begins with `\` and the name has `\\`, `\n` or `\r` in their place.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use super::ManifestError;
use crate::tr;
use crate::workspace::Files;
use crate::yaml::Diagnostic;
use crate::yaml::locate::Position;

/// The name of the sums file, beside the exercise's check file.
pub const SUMS_FILE: &str = "starter.sums";

/// The largest sums file read; far above any real exercise (80 bytes a file).
const MAX_BYTES: u64 = 1 << 20;
/// The longest line read.
const MAX_LINE: usize = 4096;
/// The most files a starter may list.
const MAX_FILES: usize = 10_000;
/// The most problems reported from one file.
const MAX_PROBLEMS: usize = 10;
/// How much of an offending line an excerpt shows.
const EXCERPT: usize = 120;

/// The first lines of every sums file `workshop` writes.
const HEADER: &str = "\
# SHA-256 of the files of this exercise's starter, relative to its package directory
# (`sha256sum -c` there checks them). Written by `workshop verify`; a copy of the starter
# serves as the baseline of goals relative to it only when its files match these sums.
";

/// A SHA-256 sum.
pub type Sum = [u8; 32];

/// The sums of an exercise's starter: its files, by path relative to the
/// package directory, and where they were read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarterSums {
    /// The sums file (`checks/<id>/starter.sums`).
    pub file: PathBuf,
    sums: BTreeMap<String, Sum>,
}

/// How a set of files differs from the sums, each list by path, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Differences {
    /// Listed, but with other contents.
    pub changed: Vec<String>,
    /// Listed, but not there.
    pub missing: Vec<String>,
    /// There, but not listed.
    pub extra: Vec<String>,
}

impl Differences {
    /// Whether the files are exactly the ones the sums list.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }

    /// Every path named, for a quick test of how far apart two sets are.
    pub fn count(&self) -> usize {
        self.changed.len() + self.missing.len() + self.extra.len()
    }

    /// `changed: a.go; missing: b.go; extra: notes.go`, a few names of each.
    pub fn describe(&self) -> String {
        let names = |paths: &[String]| {
            const SHOWN: usize = 4;
            let mut text = crate::i18n::list(paths.iter().take(SHOWN));
            if paths.len() > SHOWN {
                text.push_str(&tr!("sums-and-more", count = paths.len() - SHOWN));
            }
            text
        };
        let mut parts = Vec::new();
        if !self.changed.is_empty() {
            parts.push(tr!("sums-changed", files = names(&self.changed)));
        }
        if !self.missing.is_empty() {
            parts.push(tr!("sums-missing", files = names(&self.missing)));
        }
        if !self.extra.is_empty() {
            parts.push(tr!("sums-extra", files = names(&self.extra)));
        }
        parts.join(&tr!("sums-separator"))
    }
}

/// The SHA-256 of `bytes`.
pub fn sum(bytes: &[u8]) -> Sum {
    let mut out = [0; 32];
    out.copy_from_slice(&Sha256::digest(bytes));
    out
}

/// A path as the sums file names it.
fn key(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

impl StarterSums {
    /// The sums of `files`, to be kept in `file`.
    pub fn of(file: &Path, files: &Files) -> StarterSums {
        StarterSums {
            file: file.to_owned(),
            sums: files
                .iter()
                .map(|(path, bytes)| (key(path), sum(bytes)))
                .collect(),
        }
    }

    /// How many files the starter has.
    pub fn len(&self) -> usize {
        self.sums.len()
    }

    /// Whether the starter has no file at all.
    pub fn is_empty(&self) -> bool {
        self.sums.is_empty()
    }

    /// Whether the starter has a file at `path` (relative to the package).
    pub fn lists(&self, path: &Path) -> bool {
        self.sums.contains_key(&key(path))
    }

    /// Whether the starter's files are exactly these paths, whatever they hold.
    pub fn same_paths<'a>(&self, paths: impl IntoIterator<Item = &'a Path>) -> bool {
        let mut count = 0;
        for path in paths {
            if !self.lists(path) {
                return false;
            }
            count += 1;
        }
        count == self.sums.len()
    }

    /// How `files` differ from the starter: none when they are it.
    pub fn compare(&self, files: &Files) -> Differences {
        self.compare_sums(files.iter().map(|(path, bytes)| (key(path), sum(bytes))))
    }

    /// How files given by their sums differ from the starter.
    pub fn compare_sums(&self, files: impl IntoIterator<Item = (String, Sum)>) -> Differences {
        let theirs: BTreeMap<String, Sum> = files.into_iter().collect();
        let mut differences = Differences::default();
        for (path, sum) in &self.sums {
            match theirs.get(path) {
                None => differences.missing.push(path.clone()),
                Some(other) if other != sum => differences.changed.push(path.clone()),
                Some(_) => {}
            }
        }
        differences.extra = theirs
            .keys()
            .filter(|path| !self.sums.contains_key(*path))
            .cloned()
            .collect();
        differences
    }

    /// The file's text: a comment header, then one line per file, sorted by path.
    pub fn render(&self) -> String {
        let mut out = String::from(HEADER);
        for (path, sum) in &self.sums {
            let hex: String = sum.iter().map(|b| format!("{b:02x}")).collect();
            if path.contains(['\\', '\n', '\r']) {
                let escaped = path
                    .replace('\\', "\\\\")
                    .replace('\n', "\\n")
                    .replace('\r', "\\r");
                out.push_str(&format!("\\{hex}  {escaped}\n"));
            } else {
                out.push_str(&format!("{hex}  {path}\n"));
            }
        }
        out
    }

    /// Reads a sums file's text; every malformed line is a problem at its line
    /// and column (the first few of them).
    pub fn parse(file: &Path, bytes: &[u8]) -> Result<StarterSums, Vec<Diagnostic>> {
        let mut sums = BTreeMap::new();
        let mut first_line = BTreeMap::new();
        let mut problems = Vec::new();
        let problem = |line: usize, column: usize, text: &[u8], message: String| {
            let shown: String = String::from_utf8_lossy(text)
                .chars()
                .take(EXCERPT)
                .collect();
            Diagnostic {
                file: file.to_owned(),
                position: Some(Position { line, column }),
                message,
                line_text: Some(shown),
            }
        };
        for (index, raw) in bytes.split(|&b| b == b'\n').enumerate() {
            if problems.len() >= MAX_PROBLEMS {
                break;
            }
            let number = index + 1;
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            if raw.len() > MAX_LINE {
                problems.push(problem(
                    number,
                    MAX_LINE + 1,
                    raw,
                    tr!("sums-line-too-long", limit = MAX_LINE),
                ));
                continue;
            }
            let line = match std::str::from_utf8(raw) {
                Ok(line) => line,
                Err(e) => {
                    let column = String::from_utf8_lossy(&raw[..e.valid_up_to()])
                        .chars()
                        .count();
                    problems.push(problem(number, column + 1, raw, tr!("sums-not-utf8")));
                    continue;
                }
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match entry(line) {
                Ok((path, sum)) => {
                    if let Some(first) = first_line.get(&path) {
                        let column = if line.starts_with('\\') { 68 } else { 67 };
                        problems.push(problem(
                            number,
                            column,
                            raw,
                            tr!("sums-twice", path = path.as_str(), line = *first),
                        ));
                        continue;
                    }
                    if sums.len() == MAX_FILES {
                        problems.push(problem(
                            number,
                            1,
                            raw,
                            tr!("sums-too-many", limit = MAX_FILES),
                        ));
                        break;
                    }
                    first_line.insert(path.clone(), number);
                    sums.insert(path, sum);
                }
                Err((column, message)) => problems.push(problem(number, column, raw, message)),
            }
        }
        if problems.is_empty() {
            Ok(StarterSums {
                file: file.to_owned(),
                sums,
            })
        } else {
            Err(problems)
        }
    }
}

/// One line: its path and sum, or the column of what is wrong and why.
fn entry(line: &str) -> Result<(String, Sum), (usize, String)> {
    let (escaped, rest, offset) = match line.strip_prefix('\\') {
        Some(rest) => (true, rest, 1),
        None => (false, line, 0),
    };
    let expected = || tr!("sums-expected-line");
    let mut sum = [0u8; 32];
    let digits: Vec<char> = rest.chars().take(64).collect();
    for (i, c) in digits.iter().enumerate() {
        let Some(value) = c.to_digit(16) else {
            return Err((offset + i + 1, expected()));
        };
        sum[i / 2] |= (value as u8) << if i % 2 == 0 { 4 } else { 0 };
    }
    if digits.len() < 64 {
        return Err((offset + digits.len() + 1, expected()));
    }
    // Two spaces, or a space and `*` (the binary mode of `sha256sum -b`).
    let after = &rest[64..];
    let Some(name) = after
        .strip_prefix("  ")
        .or_else(|| after.strip_prefix(" *"))
    else {
        return Err((offset + 65, tr!("sums-expected-separator")));
    };
    let column = offset + 67;
    if name.is_empty() {
        return Err((column, tr!("sums-path-empty")));
    }
    let name = if escaped {
        unescape(name).ok_or_else(|| (column, tr!("sums-bad-escape")))?
    } else {
        name.to_owned()
    };
    let path = Path::new(&name);
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err((column, tr!("sums-path-leaves", path = name.as_str())));
    }
    let normal: PathBuf = path
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    if normal.as_os_str().is_empty() {
        return Err((column, tr!("sums-path-empty")));
    }
    Ok((key(&normal), sum))
}

/// A name as `sha256sum` escapes it, read back.
fn unescape(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '\\' => out.push('\\'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            _ => return None,
        }
    }
    Some(out)
}

/// The sums file of the exercise whose check directory is `check_dir`, if it
/// has one.
pub fn load(check_dir: &Path) -> Result<Option<StarterSums>, ManifestError> {
    let file = check_dir.join(SUMS_FILE);
    let read_error = |source| ManifestError::Read {
        path: file.clone(),
        source,
    };
    // The sums are the instructor's, beside the check file: a link that leads
    // elsewhere is refused rather than read.
    if let (Ok(real), Ok(dir)) = (file.canonicalize(), check_dir.canonicalize())
        && !real.starts_with(&dir)
    {
        return Err(ManifestError::Invalid(vec![Diagnostic {
            file: file.clone(),
            position: None,
            message: tr!(
                "manifest-path-outside",
                path = crate::display::path(&file),
                target = real.display().to_string()
            ),
            line_text: None,
        }]));
    }
    let opened = match std::fs::File::open(&file) {
        Ok(opened) => opened,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(e)),
    };
    let mut bytes = Vec::new();
    opened
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ManifestError::Invalid(vec![Diagnostic {
            file: file.clone(),
            position: None,
            message: tr!("sums-too-big", limit = crate::units::bytes(MAX_BYTES)),
            line_text: None,
        }]));
    }
    StarterSums::parse(&file, &bytes)
        .map(Some)
        .map_err(ManifestError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<StarterSums, Vec<Diagnostic>> {
        StarterSums::parse(Path::new("checks/x/starter.sums"), text.as_bytes())
    }

    fn files(entries: &[(&str, &str)]) -> Files {
        entries
            .iter()
            .map(|(p, b)| (PathBuf::from(p), b.as_bytes().to_vec()))
            .collect()
    }

    fn first_problem(text: &str) -> String {
        parse(text).unwrap_err()[0].to_string()
    }

    const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn renders_what_sha256sum_writes_and_reads_it_back() {
        let starter = files(&[
            ("b.go", "package b\n"),
            ("a.go", ""),
            ("testdata/x.log", "x"),
        ]);
        let sums = StarterSums::of(Path::new("s"), &starter);
        let text = sums.render();
        assert!(text.starts_with("# SHA-256"), "{text}");
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], format!("{EMPTY}  a.go"));
        assert!(lines[1].ends_with("  b.go") && lines[2].ends_with("  testdata/x.log"));
        assert_eq!(parse(&text).unwrap().sums, sums.sums);
        assert!(sums.compare(&starter).is_empty());
    }

    #[test]
    fn tells_changed_missing_and_extra_files() {
        let sums = StarterSums::of(Path::new("s"), &files(&[("a.go", "a"), ("b.go", "b")]));
        let differences = sums.compare(&files(&[("a.go", "A"), ("c.go", "c")]));
        assert_eq!(differences.changed, ["a.go"]);
        assert_eq!(differences.missing, ["b.go"]);
        assert_eq!(differences.extra, ["c.go"]);
        assert_eq!(
            differences.describe(),
            "changed: a.go; missing: b.go; extra: c.go"
        );
        assert!(sums.same_paths([Path::new("b.go"), Path::new("a.go")]));
        assert!(!sums.same_paths([Path::new("a.go")]));
    }

    #[test]
    fn accepts_comments_blank_lines_crlf_binary_mode_and_capitals() {
        let text = format!(
            "# header\n\n{}  a.go\r\n{} *dir/./b.go\n",
            EMPTY.to_uppercase(),
            EMPTY
        );
        let sums = parse(&text).unwrap();
        assert!(sums.lists(Path::new("a.go")) && sums.lists(Path::new("dir/b.go")));
        assert!(
            sums.compare(&files(&[("a.go", ""), ("dir/b.go", "")]))
                .is_empty()
        );
    }

    #[test]
    fn escaped_names_round_trip() {
        let starter = files(&[("we\\ird\nname", "x")]);
        let sums = StarterSums::of(Path::new("s"), &starter);
        let text = sums.render();
        assert!(
            text.contains("  we\\\\ird\\nname\n") && text.contains("\n\\"),
            "{text}"
        );
        assert!(parse(&text).unwrap().compare(&starter).is_empty());
    }

    #[test]
    fn malformed_lines_are_named_at_their_line_and_column() {
        let short = format!("# ok\n{}  a.go\nabc  b.go\n", EMPTY);
        assert_eq!(
            first_problem(&short).lines().next().unwrap(),
            "checks/x/starter.sums:3:4: expected a line of `sha256sum`: 64 hexadecimal digits, two spaces and a path relative to the package directory"
        );
        let bad_digit = format!("{}g{}  a.go\n", &EMPTY[..10], &EMPTY[11..]);
        assert!(first_problem(&bad_digit).starts_with("checks/x/starter.sums:1:11: "));
        let one_space = format!("{EMPTY} a.go\n");
        assert!(
            first_problem(&one_space)
                .starts_with("checks/x/starter.sums:1:65: expected two spaces")
        );
        let leaves = format!("{EMPTY}  ../x.go\n");
        assert!(first_problem(&leaves).starts_with("checks/x/starter.sums:1:67: `../x.go` leaves"));
        let absolute = format!("{EMPTY}  /etc/passwd\n");
        assert!(first_problem(&absolute).contains(":1:67: "));
        let empty = format!("{EMPTY}  \n");
        assert!(first_problem(&empty).contains(":1:67: the path is empty"));
        let twice = format!("{EMPTY}  a.go\n{EMPTY}  ./a.go\n");
        assert!(
            first_problem(&twice).contains(":2:67: a.go is listed twice (first on line 1)"),
            "{}",
            first_problem(&twice)
        );
        let escape = format!("\\{EMPTY}  a\\qb\n");
        assert!(first_problem(&escape).contains(":1:68: "));
    }

    #[test]
    fn problems_are_bounded_in_number_and_size() {
        let mut text = String::new();
        for _ in 0..50 {
            text.push_str("nonsense\n");
        }
        assert_eq!(parse(&text).unwrap_err().len(), MAX_PROBLEMS);
        let long = format!("{EMPTY}  {}\n", "a".repeat(MAX_LINE));
        let problem = parse(&long).unwrap_err().remove(0);
        assert!(problem.to_string().contains("longer than 4096 bytes"));
        assert!(problem.line_text.unwrap().chars().count() <= EXCERPT);
        let latin1 = b"\xe9\xe9 a.go\n";
        let problem = StarterSums::parse(Path::new("s"), latin1).unwrap_err();
        assert!(problem[0].to_string().starts_with("s:1:1: not UTF-8"));
    }

    #[test]
    fn a_missing_file_is_no_sums_and_a_huge_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), None);
        std::fs::write(
            dir.path().join(SUMS_FILE),
            vec![b'#'; MAX_BYTES as usize + 1],
        )
        .unwrap();
        let error = load(dir.path()).unwrap_err().to_string();
        assert!(error.contains("larger than 1 MiB"), "{error}");
    }
}
