//! Checks of single values in manifest files: paths that must stay inside the
//! workshop, exercise ids, `-benchtime` values. Each returns what was expected
//! when the value is wrong, for a diagnostic at the value.

use std::path::{Component, Path, PathBuf};

use crate::tr;

/// A docs page named in a manifest: a relative path to an existing file.
pub(super) fn page(root: &Path, text: &str) -> Result<PathBuf, String> {
    let path = safe_relative(text)?;
    inside(root, &root.join(&path))?;
    if root.join(&path).is_file() {
        Ok(path)
    } else {
        Err(tr!(
            "manifest-page-missing",
            path = crate::display::path(&root.join(path))
        ))
    }
}

/// The page of `text` (one path, or one per language) in the chosen language:
/// the path given for it, else the English page's counterpart under a
/// directory named for the language (`docs/exercises/x.md` in Japanese is
/// `docs/ja/exercises/x.md`) when it exists, else the English page. Every
/// path given must be a page.
pub(super) fn pages(root: &Path, text: &crate::i18n::Text) -> Result<PathBuf, String> {
    use crate::i18n::{Lang, lang};
    let mut given = Vec::new();
    for each in text.langs() {
        given.push((each, page(root, text.get(each))?));
    }
    let find = |wanted: Lang| given.iter().find(|(l, _)| *l == wanted).map(|(_, p)| p);
    if let Some(path) = find(lang()) {
        return Ok(path.clone());
    }
    let english = match find(Lang::En).or_else(|| given.first().map(|(_, p)| p)) {
        Some(path) => path.clone(),
        None => return page(root, ""),
    };
    let mut parts = english
        .components()
        .filter(|c| !matches!(c, Component::CurDir));
    let counterpart = match (parts.next(), parts.collect::<PathBuf>()) {
        (Some(first), rest) if !rest.as_os_str().is_empty() => {
            Path::new(first.as_os_str()).join(lang().code()).join(rest)
        }
        _ => Path::new(lang().code()).join(&english),
    };
    Ok(if root.join(&counterpart).is_file() {
        counterpart
    } else {
        english
    })
}

/// A relative path that stays inside its base: no root, no `..`.
pub(super) fn safe_relative(text: &str) -> Result<PathBuf, String> {
    let path = Path::new(text);
    if text.trim().is_empty() {
        return Err(tr!("manifest-path-empty"));
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(tr!("manifest-path-leaves", path = text));
    }
    Ok(path.to_owned())
}

/// Checks that an existing path does not lead outside `root` through a link.
pub(super) fn inside(root: &Path, path: &Path) -> Result<(), String> {
    match path.canonicalize() {
        Ok(real) if real.starts_with(root) => Ok(()),
        Ok(real) => Err(tr!(
            "manifest-path-outside",
            path = crate::display::path(path),
            target = real.display().to_string()
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
        Err(tr!("manifest-bad-id", id = id))
    }
}

/// `-benchtime` takes a count (`100x`) or a duration (`2s`).
pub(super) fn valid_benchtime(text: &str) -> bool {
    match text.strip_suffix('x') {
        Some(count) => count.parse::<u64>().is_ok_and(|n| n > 0),
        None => humantime::parse_duration(text).is_ok_and(|d| !d.is_zero()),
    }
}

/// An environment variable's name as Go's own are written (`GOGC`,
/// `GODEBUG`): letters, digits and `_`, not starting with a digit. The
/// runner's own names (`WORKSHOP_*`) and `GOTOOLCHAIN` (the workshop runs
/// offline with the local toolchain) are refused.
pub(super) fn valid_env_name(name: &str) -> Result<(), String> {
    let shaped = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !shaped {
        return Err(tr!("manifest-bad-env-name", name = name));
    }
    if name.starts_with("WORKSHOP_") || name == "GOTOOLCHAIN" {
        return Err(tr!("manifest-env-reserved", name = name));
    }
    Ok(())
}

/// An environment variable's value: a scalar as written, with the values of
/// Go's best-known variables checked as the runtime reads them.
pub(super) fn env_value(name: &str, value: &serde_yaml::Value) -> Result<String, String> {
    let text = match value {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        _ => return Err(tr!("manifest-env-one-value", name = name)),
    };
    let ok = match name {
        "GOGC" => text == "off" || text.parse::<u64>().is_ok(),
        "GOMAXPROCS" => text.parse::<u32>().is_ok_and(|n| n >= 1),
        "GOMEMLIMIT" => text == "off" || memory_limit(&text),
        "GODEBUG" => text
            .split(',')
            .all(|setting| setting.split_once('=').is_some_and(|(k, _)| !k.is_empty())),
        _ => true,
    };
    if ok {
        Ok(text)
    } else {
        let expected = match name {
            "GOGC" => tr!("manifest-env-expect-gogc"),
            "GOMAXPROCS" => tr!("manifest-env-expect-gomaxprocs"),
            "GOMEMLIMIT" => tr!("manifest-env-expect-gomemlimit"),
            _ => tr!("manifest-env-expect-godebug"),
        };
        Err(tr!(
            "manifest-env-bad-value",
            name = name,
            value = text,
            expected = expected
        ))
    }
}

/// A `GOMEMLIMIT`: a whole number of bytes, with one of Go's units or none.
fn memory_limit(text: &str) -> bool {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &text[digits.len()..];
    digits.parse::<u64>().is_ok() && ["", "B", "KiB", "MiB", "GiB", "TiB"].contains(&unit)
}

/// A build tag: letters, digits, `_` and `.`.
pub(super) fn valid_tag(tag: &str) -> Result<(), String> {
    if !tag.is_empty()
        && tag
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.".contains(c))
    {
        Ok(())
    } else {
        Err(tr!("manifest-bad-tag", tag = tag))
    }
}

/// Why a `-run` or `-bench` pattern would be rejected by `go test`, if it
/// would. Go splits the pattern at slashes outside brackets and compiles each
/// part as a regular expression of its RE2 syntax, which Rust's `regex` shares
/// but for a few additions that are refused here.
pub(super) fn go_test_pattern(pattern: &str) -> Result<(), String> {
    for part in split_at_slashes(pattern) {
        if let Some(rust_only) = crate::goregex::rust_only(part) {
            return Err(tr!(
                "manifest-pattern-rust-only",
                part = part,
                syntax = rust_only
            ));
        }
        if let Some(repeat) = crate::goregex::repeat_over_limit(part) {
            return Err(tr!(
                "manifest-pattern-repeat",
                part = part,
                repeat = repeat,
                limit = crate::goregex::MAX_REPEAT
            ));
        }
        if let Err(e) = regex::Regex::new(part) {
            let why = e.to_string();
            let why = why
                .lines()
                .last()
                .unwrap_or(&why)
                .trim_start_matches("error: ");
            return Err(tr!("manifest-pattern-invalid", part = part, why = why));
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
    fn the_page_in_the_chosen_language() {
        use crate::i18n::{Lang, Text, with_lang};
        let root = tempfile::tempdir().unwrap();
        for page in [
            "docs/exercises/x.md",
            "docs/ja/exercises/x.md",
            "docs/y.md",
            "z.md",
        ] {
            std::fs::create_dir_all(root.path().join(page).parent().unwrap()).unwrap();
            std::fs::write(root.path().join(page), "# page\n").unwrap();
        }
        let read = |lang, yaml: &str| {
            let text: Text = serde_yaml::from_str(yaml).unwrap();
            with_lang(lang, || pages(root.path(), &text))
        };
        let path = |p: &str| Ok(PathBuf::from(p));
        assert_eq!(
            read(Lang::En, "docs/exercises/x.md"),
            path("docs/exercises/x.md")
        );
        assert_eq!(
            read(Lang::Ja, "docs/exercises/x.md"),
            path("docs/ja/exercises/x.md")
        );
        assert_eq!(
            read(Lang::Ja, "./docs/exercises/x.md"),
            path("docs/ja/exercises/x.md")
        );
        // No Japanese page: the English one.
        assert_eq!(read(Lang::Ja, "docs/y.md"), path("docs/y.md"));
        assert_eq!(read(Lang::Ja, "z.md"), path("z.md"));
        // Given per language: as given, each one a page.
        assert_eq!(read(Lang::Ja, "{en: docs/y.md, ja: z.md}"), path("z.md"));
        assert_eq!(
            read(Lang::En, "{en: docs/y.md, ja: z.md}"),
            path("docs/y.md")
        );
        assert!(read(Lang::En, "{en: docs/y.md, ja: missing.md}").is_err());
    }

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
    fn environment_and_tags() {
        assert!(valid_env_name("GOGC").is_ok());
        assert!(valid_env_name("1X").is_err());
        assert!(valid_env_name("WORKSHOP_SNAPSHOT").is_err());
        let value = |v: &str| serde_yaml::from_str::<serde_yaml::Value>(v).unwrap();
        assert_eq!(env_value("GOGC", &value("50")).unwrap(), "50");
        assert_eq!(env_value("GOGC", &value("off")).unwrap(), "off");
        assert!(env_value("GOGC", &value("lots")).is_err());
        assert!(env_value("GOMAXPROCS", &value("0")).is_err());
        assert!(env_value("GOMEMLIMIT", &value("512MiB")).is_ok());
        assert!(env_value("GOMEMLIMIT", &value("512MB")).is_err());
        assert!(env_value("GODEBUG", &value("gctrace=1,madvdontneed=1")).is_ok());
        assert!(env_value("GODEBUG", &value("gctrace")).is_err());
        assert!(env_value("X", &value("[1]")).is_err());
        assert!(valid_tag("nocache").is_ok());
        assert!(valid_tag("no cache").is_err());
    }

    #[test]
    fn benchtimes() {
        assert!(valid_benchtime("200x"));
        assert!(valid_benchtime("2s"));
        assert!(!valid_benchtime("0x"));
        assert!(!valid_benchtime("fast"));
    }
}
