//! The compiler's decisions about one package, read from what `go build`
//! prints with `-gcflags='-m=2 -d=ssa/check_bce/debug=1'`: which values escape
//! or move to the heap (and the `flow:` chain that says why), which functions
//! can be inlined and at what cost, which cannot and why, which calls were
//! inlined or devirtualized, and which index and slice expressions keep a
//! bounds check. A pure reader: text in, facts out; it never prints, never
//! panics on input, and keeps only lines about the package's own files.
//!
//! Each fact is placed at `file:line:col` (relative to the package directory)
//! and in the function whose source holds it ([`extent`]), named as pprof
//! names it: the package's import path, a dot, the compiler's name
//! (`example.com/x/kinds.(*Square).Area`, `kinds.Counter.func1`).

pub mod extent;
mod parse;

pub use parse::parse;

use std::collections::BTreeMap;

/// Where the compiler placed a decision, in a file of the package.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// Relative to the package directory (`parse.go`).
    pub file: String,
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One decision of the compiler.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "decision", rename_all = "kebab-case")]
pub enum Decision {
    /// `moved to heap: x` (`moved`) or `make([]byte, n) escapes to heap`:
    /// something is allocated on the heap. `why` is the `-m=2` explanation
    /// (`flow:` and `from` lines), when the compiler gave one.
    Heap {
        what: String,
        moved: bool,
        why: Vec<String>,
    },
    /// `x does not escape`.
    Stays { what: String },
    /// `leaking param: p` (the parameter's value or content outlives the call).
    Leaks { param: String, why: Vec<String> },
    /// `can inline F with cost N as: ...`.
    Inlinable { function: String, cost: u32 },
    /// `cannot inline F: reason`.
    NotInlinable { function: String, reason: String },
    /// `inlining call to F` at the call.
    Inlined { callee: String },
    /// `devirtualizing s.Area to *Square` (and PGO's `PGO devirtualizing
    /// interface call ...`).
    Devirtualized { call: String, to: String },
    /// `Found IsInBounds` (`slice: false`) or `Found IsSliceInBounds`.
    BoundsCheck { slice: bool },
}

/// A decision, where it was made, and the compiler's own words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fact {
    pub at: Position,
    /// The function whose source holds the position, as pprof names it;
    /// `None` at package level (a global's initializer).
    pub function: Option<String>,
    pub decision: Decision,
    /// The compiler's line, without its position.
    pub said: String,
}

/// A function the compiler declared a verdict on (every function it compiled
/// says whether it can be inlined).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Function {
    /// As pprof names it: `example.com/x/kinds.hash`.
    pub name: String,
    pub at: Position,
    /// Where its source begins and ends, when its source was found.
    pub span: Option<extent::Span>,
}

/// Everything the compiler said about one package.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    /// The package's import path, from the compiler's `# path` header.
    pub package: String,
    pub functions: Vec<Function>,
    pub facts: Vec<Fact>,
    /// The package's sources as compiled, by file: where `near:` patterns
    /// look for their line.
    pub sources: BTreeMap<String, String>,
}

impl Decisions {
    /// The names of the functions, in the order the compiler declared them.
    pub fn function_names(&self) -> impl Iterator<Item = &str> {
        self.functions.iter().map(|f| f.name.as_str())
    }
}
