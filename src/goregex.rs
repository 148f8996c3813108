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

#[cfg(test)]
mod tests {
    use super::rust_only;

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
