//! How far a function's source reaches: from where the compiler placed its
//! declaration (the name of a function, the receiver of a method, the `func`
//! of a literal) to the brace that closes its body. A small scanner of Go's
//! lexical structure, enough to skip strings, runes, comments and the braces
//! of `struct{}` and `interface{}` types in a signature.

/// Where a function's source begins and ends, as `(line, column)` pairs
/// (1-based, the column in bytes as the compiler counts it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub start: (u32, u32),
    pub end: (u32, u32),
}

impl Span {
    /// Whether `line:column` lies inside.
    pub fn holds(&self, line: u32, column: u32) -> bool {
        self.start <= (line, column) && (line, column) <= self.end
    }
}

/// The span of the function declared at `line:column`, or `None` when the
/// source there does not read as a function.
pub fn span(source: &str, line: u32, column: u32) -> Option<Span> {
    let start = offset(source, line, column)?;
    let end = body_end(source.as_bytes(), start)?;
    let last = line_of(source, end);
    let line_start = source[..end].rfind('\n').map_or(0, |n| n + 1);
    Some(Span {
        start: (line, column),
        end: (last, (end - line_start) as u32 + 1),
    })
}

/// The byte offset of `line:column`.
fn offset(source: &str, line: u32, column: u32) -> Option<usize> {
    let mut at = 0;
    for _ in 1..line {
        at += source.get(at..)?.find('\n')? + 1;
    }
    let at = at + column.checked_sub(1)? as usize;
    (at <= source.len()).then_some(at)
}

/// The 1-based line of byte `at`.
pub fn line_of(source: &str, at: usize) -> u32 {
    let upto = source.get(..at).unwrap_or(source);
    upto.bytes().filter(|b| *b == b'\n').count() as u32 + 1
}

/// The offset of the brace that closes the body of the function whose
/// declaration begins at `start`.
fn body_end(code: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    // Parentheses and brackets of the signature, and braces of types in it.
    let mut depth = 0usize;
    let mut word_end = 0usize;
    let mut last_word: &[u8] = b"";
    let mut body: Option<usize> = None;
    while at < code.len() {
        let c = code[at];
        if let Some(next) = skip(code, at) {
            at = next;
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            let begin = at;
            while at < code.len() && (code[at].is_ascii_alphanumeric() || code[at] == b'_') {
                at += 1;
            }
            last_word = &code[begin..at];
            word_end = at;
            continue;
        }
        match (c, body) {
            (b'(' | b'[', None) => depth += 1,
            (b')' | b']', None) => depth = depth.checked_sub(1)?,
            (b'{', None) => {
                let typed = (last_word == b"struct" || last_word == b"interface")
                    && code[word_end..at].iter().all(u8::is_ascii_whitespace);
                if depth == 0 && !typed {
                    body = Some(1);
                } else {
                    depth += 1;
                }
            }
            (b'}', None) => depth = depth.checked_sub(1)?,
            (b'{', Some(open)) => body = Some(open + 1),
            (b'}', Some(open)) => {
                if open == 1 {
                    return Some(at);
                }
                body = Some(open - 1);
            }
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            last_word = b"";
        }
        at += 1;
    }
    None
}

/// Past the comment, string or rune that begins at `at`, if one does.
fn skip(code: &[u8], at: usize) -> Option<usize> {
    let rest = &code[at..];
    if rest.starts_with(b"//") {
        let end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
        return Some(at + end);
    }
    if rest.starts_with(b"/*") {
        let end = rest[2..]
            .windows(2)
            .position(|w| w == b"*/")
            .map_or(rest.len(), |p| p + 4);
        return Some(at + end);
    }
    let quote = *rest.first()?;
    if quote == b'`' {
        let end = rest[1..]
            .iter()
            .position(|b| *b == b'`')
            .map_or(rest.len(), |p| p + 2);
        return Some(at + end);
    }
    if quote == b'"' || quote == b'\'' {
        let mut i = 1;
        while i < rest.len() {
            match rest[i] {
                b'\\' => i += 2,
                b'\n' => return Some(at + i),
                b if b == quote => return Some(at + i + 1),
                _ => i += 1,
            }
        }
        return Some(code.len());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "package p

// A comment with a brace {
func F(x interface{ M() }, s struct{ A int }) (r struct{ B int }) {
\tif x != nil { r.B = len(\"}\") + len(`{`) + int('}') }
\t/* } */
\treturn
}

func (s *T) M() { f := func() { _ = 1 }; f() }
";

    #[test]
    fn a_function_reaches_its_closing_brace() {
        let span = span(SOURCE, 4, 6).unwrap();
        assert_eq!(span.start, (4, 6));
        assert_eq!(span.end, (8, 1));
    }

    #[test]
    fn methods_and_literals_on_one_line() {
        let method = span(SOURCE, 10, 6).unwrap();
        let literal = span(SOURCE, 10, 24).unwrap();
        assert_eq!(method.end, (10, 46));
        assert_eq!(literal.end, (10, 39));
        assert!(literal.holds(10, 34) && !literal.holds(10, 43) && method.holds(10, 43));
    }

    #[test]
    fn nonsense_is_none_not_a_panic() {
        assert_eq!(span(SOURCE, 99, 1), None);
        assert_eq!(span("func F(", 1, 6), None);
        assert_eq!(span("", 1, 0), None);
    }
}
