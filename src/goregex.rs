//! Go's regular expressions: check files hold patterns written for Go's
//! `regexp` (RE2 syntax) that this program compiles with Rust's `regex`. The
//! two read the same syntax but for a few additions of Rust's, which are
//! refused so that a pattern means here what it means to Go.

/// The syntax of Rust's `regex` in `pattern` that Go's `regexp` lacks, if it
/// uses any: flags `x`, `R` and `u`, word-boundary assertions `\b{…}`, `\<`
/// and `\>`, and character-class set operations and nesting (`&&`, `~~`,
/// `[[`, though not a POSIX class such as `[[:alpha:]]`, which both have).
pub fn rust_only(pattern: &str) -> Option<&'static str> {
    const RUST_ONLY: [&str; 8] = ["(?x", "(?R", "(?u", "\\b{", "\\<", "\\>", "&&", "~~"];
    if let Some(syntax) = RUST_ONLY.iter().find(|s| pattern.contains(*s)) {
        return Some(syntax);
    }
    pattern
        .match_indices("[[")
        .any(|(at, _)| !pattern[at + 2..].starts_with(':'))
        .then_some("[[")
}

/// The most times Go's `regexp` lets a repetition `{n}`, `{n,}` or `{n,m}`
/// repeat; Rust's `regex` allows more.
pub const MAX_REPEAT: u32 = 1000;

/// The first repetition in `pattern` whose count Go's `regexp` refuses (over
/// [`MAX_REPEAT`]), as written: `{1001}`. Escaped braces and braces inside a
/// character class are literal, as they are to Go.
pub fn repeat_over_limit(pattern: &str) -> Option<&str> {
    let bytes = pattern.as_bytes();
    let (mut i, mut in_class) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' if !in_class => {
                in_class = true;
                // A `]` first in a class is a literal.
                if bytes.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
                if bytes.get(i + 1) == Some(&b']') {
                    i += 1;
                }
            }
            b']' if in_class => in_class = false,
            b'{' if !in_class => {
                let rest = &pattern[i + 1..];
                if let Some(end) = rest.find('}') {
                    let counts = &rest[..end];
                    let numbers: Vec<&str> = counts.splitn(2, ',').collect();
                    let well_formed = !numbers[0].is_empty()
                        && numbers
                            .iter()
                            .all(|n| n.bytes().all(|b| b.is_ascii_digit()));
                    let over = numbers
                        .iter()
                        .filter(|n| !n.is_empty())
                        .any(|n| n.parse::<u64>().map_or(true, |n| n > u64::from(MAX_REPEAT)));
                    if well_formed && over {
                        return Some(&pattern[i..i + end + 2]);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Why Go's `regexp` would not read `pattern` as this program does, in
/// words, if it would not: for filters given to tools that take Go's patterns.
pub fn refusal(pattern: &str) -> Option<String> {
    if let Some(syntax) = rust_only(pattern) {
        return Some(crate::tr!(
            "goregex-rust-only",
            pattern = pattern,
            syntax = syntax
        ));
    }
    repeat_over_limit(pattern).map(|repeat| {
        crate::tr!(
            "goregex-repeat",
            pattern = pattern,
            repeat = repeat,
            limit = MAX_REPEAT.to_string()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::{repeat_over_limit, rust_only};

    #[test]
    fn repeat_counts_over_go_s_limit_are_found() {
        assert_eq!(repeat_over_limit("x{1001}"), Some("{1001}"));
        assert_eq!(repeat_over_limit("^Bench(a{2,5000})$"), Some("{2,5000}"));
        assert_eq!(repeat_over_limit("a{1000}b{0,1000}c{7,}"), None);
        assert_eq!(
            repeat_over_limit(r"a\{1001}"),
            None,
            "an escaped brace is literal"
        );
        assert_eq!(
            repeat_over_limit("[{1001}]"),
            None,
            "a brace in a class is literal"
        );
        assert_eq!(repeat_over_limit("[]{]{1001}"), Some("{1001}"));
        assert_eq!(
            repeat_over_limit("a{99999999999999999999}"),
            Some("{99999999999999999999}")
        );
        assert_eq!(repeat_over_limit("a{x}"), None);
    }

    #[test]
    fn rust_additions_are_found_and_go_syntax_is_not() {
        assert_eq!(rust_only(r"(?x) a b"), Some("(?x"));
        assert_eq!(rust_only(r"\bword\b{end}"), Some("\\b{"));
        assert_eq!(rust_only(r"[a-z&&[^aeiou]]"), Some("&&"));
        assert_eq!(rust_only(r"[[a-z]]"), Some("[["));
        assert_eq!(rust_only(r"^[[:alpha:]]+$"), None);
        assert_eq!(rust_only(r"^request/(GET|POST)$"), None);
        assert_eq!(rust_only(r"(?i)req\b"), None);
    }
}
