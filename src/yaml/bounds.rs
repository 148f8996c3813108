//! Limits on a YAML file checked before any parser sees it: its size, and how
//! deep it nests. A YAML scanner spends time and memory that grow faster than
//! the nesting (100,000 flow mappings in 500 KB took over a minute), so a cheap
//! pass over the text rejects what no real manifest needs, in one linear scan.
//!
//! The depth counted is conservative: every level of block indentation, every
//! compact `- ` / `? ` / `: ` indicator that opens a node on a line, and every
//! flow bracket `[` / `{` open at that point. It never counts less than a parser
//! would nest, and for a real file only a few levels more.

use super::locate::Position;

/// The largest YAML file read; real check files are a few KB.
pub const MAX_BYTES: u64 = 1 << 20;
/// The deepest nesting of a YAML file; real check files nest a handful of levels.
pub const MAX_DEPTH: usize = 64;

/// Why a YAML file is refused before it is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// The file is larger than [`MAX_BYTES`].
    Size,
    /// The file nests deeper than [`MAX_DEPTH`] at this position.
    Depth(Position),
}

/// The state of the scan between lines.
#[derive(Default)]
struct Scan {
    /// Columns of the block indentation levels open at this line.
    indents: Vec<usize>,
    /// The block depth of the line where the open flow collections started.
    block_depth: usize,
    /// Flow collections open.
    flow: usize,
    /// The quote of a quoted scalar open across lines.
    quote: Option<u8>,
    /// Inside a block scalar (`|` or `>`): lines indented more than this are its text.
    block_scalar: Option<usize>,
    /// The deepest nesting seen.
    deepest: usize,
}

/// Checks `source` against [`MAX_BYTES`] and [`MAX_DEPTH`]; returns the deepest
/// nesting counted.
pub fn check(source: &str) -> Result<usize, Exceeded> {
    if source.len() as u64 > MAX_BYTES {
        return Err(Exceeded::Size);
    }
    let mut scan = Scan::default();
    for (index, line) in source.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        scan.line(line).map_err(|byte| {
            Exceeded::Depth(Position {
                line: index + 1,
                column: line[..byte].chars().count() + 1,
            })
        })?;
    }
    Ok(scan.deepest)
}

impl Scan {
    /// Follows one line; `Err` carries the byte offset in the line where the
    /// nesting goes past the limit.
    fn line(&mut self, line: &str) -> Result<(), usize> {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent..];
        if let Some(parent) = self.block_scalar {
            if rest.trim().is_empty() || indent > parent {
                return Ok(());
            }
            self.block_scalar = None;
        }
        let mut i = 0;
        // Where the node this line's text belongs to starts (for a block scalar's parent).
        let mut node_column = indent;
        let mut after_indicators = 0;
        if self.quote.is_none() && self.flow == 0 {
            if rest.is_empty() || rest.starts_with('#') {
                return Ok(());
            }
            while self.indents.last().is_some_and(|&open| open > indent) {
                self.indents.pop();
            }
            if self.indents.last() != Some(&indent) {
                self.indents.push(indent);
            }
            let mut depth = self.indents.len();
            i = indent;
            while i < bytes.len()
                && matches!(bytes[i], b'-' | b'?' | b':')
                && bytes.get(i + 1).is_none_or(|&b| b == b' ')
            {
                node_column = i;
                depth += 1;
                i += 1;
                while bytes.get(i) == Some(&b' ') {
                    i += 1;
                }
            }
            self.reach(depth, indent)?;
            self.block_depth = depth;
            after_indicators = i;
        }
        // Whether a node may start here: only there do brackets open flow
        // collections and quotes open quoted scalars in block context.
        let mut node_start = true;
        while i < bytes.len() {
            let c = bytes[i];
            match self.quote {
                Some(b'"') => match c {
                    b'\\' => i += 1,
                    b'"' => self.quote = None,
                    _ => {}
                },
                Some(_) => {
                    if c == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 1;
                        } else {
                            self.quote = None;
                        }
                    }
                }
                None => {
                    let in_flow = self.flow > 0;
                    match c {
                        b' ' | b'\t' => {}
                        b'#' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t') => break,
                        b'[' | b'{' if in_flow || node_start => {
                            self.flow += 1;
                            self.reach(self.block_depth + self.flow, i)?;
                            node_start = true;
                        }
                        b']' | b'}' if in_flow => {
                            self.flow -= 1;
                            node_start = false;
                        }
                        b',' if in_flow => node_start = true,
                        b':' if in_flow || bytes.get(i + 1).is_none_or(|&b| b == b' ') => {
                            node_start = true;
                        }
                        b'"' | b'\'' if node_start => {
                            self.quote = Some(c);
                            node_start = false;
                        }
                        b'|' | b'>' if node_start && !in_flow => {
                            // A key before the indicator is the parent; else the
                            // last `- ` or `? ` is.
                            let parent = if i > after_indicators {
                                after_indicators
                            } else {
                                node_column
                            };
                            self.block_scalar = Some(parent);
                            break;
                        }
                        _ => node_start = false,
                    }
                }
            }
            i += 1;
        }
        Ok(())
    }

    /// Records `depth`; `Err(at)` when it is past the limit.
    fn reach(&mut self, depth: usize, at: usize) -> Result<(), usize> {
        self.deepest = self.deepest.max(depth);
        if depth > MAX_DEPTH { Err(at) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_error(source: &str) -> Option<Position> {
        match check(source) {
            Err(Exceeded::Depth(at)) => Some(at),
            _ => None,
        }
    }

    #[test]
    fn deep_block_mappings_are_refused_at_the_line_past_the_limit() {
        let source: String = (0..100)
            .map(|level| format!("{}k{level}:\n", " ".repeat(level)))
            .collect();
        assert_eq!(
            depth_error(&source),
            Some(Position {
                line: MAX_DEPTH + 1,
                column: MAX_DEPTH + 1
            })
        );
        let shallow: String = (0..MAX_DEPTH)
            .map(|level| format!("{}k{level}:\n", " ".repeat(level)))
            .collect();
        assert_eq!(check(&shallow), Ok(MAX_DEPTH));
    }

    #[test]
    fn deep_compact_sequences_are_counted() {
        let source = format!("{}x\n", "- ".repeat(MAX_DEPTH + 1));
        assert!(depth_error(&source).is_some());
    }

    #[test]
    fn deep_flow_sequences_are_refused_at_the_bracket() {
        let source = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        // `a:` is one level; the 64th bracket is the 65th level.
        assert_eq!(
            depth_error(&source),
            Some(Position {
                line: 1,
                column: 4 + MAX_DEPTH - 1
            })
        );
    }

    #[test]
    fn deep_flow_mappings_are_refused() {
        let n = 100_000;
        let source = format!("{}1{}\n", "{a: ".repeat(n), "}".repeat(n));
        let started = std::time::Instant::now();
        assert!(depth_error(&source).is_some());
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        // Over many lines too.
        let source = format!("{}1{}\n", "{a:\n".repeat(n), "}".repeat(n));
        assert_eq!(depth_error(&source).map(|p| p.line), Some(MAX_DEPTH));
    }

    #[test]
    fn brackets_inside_scalars_and_comments_do_not_nest() {
        let source = format!(
            "a: x[{0}\nb: \"[{0}\"\nc: '{{{0}'\n# [{0}\nd: |\n  [{0}\n  {{{0}\ne: [\"]]\", '}}', x]\n",
            "[".repeat(200)
        );
        assert_eq!(check(&source), Ok(2));
    }

    #[test]
    fn a_long_flat_line_passes_in_one_pass() {
        let source = format!("title: {}\n", "x".repeat(1_000_000));
        assert_eq!(check(&source), Ok(1));
        let list = format!("runs: [{}1]\n", "1, ".repeat(300_000));
        assert_eq!(check(&list), Ok(2));
    }

    #[test]
    fn a_file_past_the_size_limit_is_refused() {
        let source = "#".repeat(MAX_BYTES as usize + 1);
        assert_eq!(check(&source), Err(Exceeded::Size));
    }

    #[test]
    fn every_bundled_file_passes_with_room_to_spare() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("workshop.yaml")];
        for group in std::fs::read_dir(root.join("checks")).unwrap().flatten() {
            for check in std::fs::read_dir(group.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let file = check.path().join("check.yaml");
                if file.is_file() {
                    files.push(file);
                }
            }
        }
        assert!(files.len() > 10, "{files:?}");
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            let depth = check(&source).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
            assert!(depth <= 8, "{}: depth {depth}", file.display());
        }
    }
}
