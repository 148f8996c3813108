//! Why a goal or a whole exercise was left out of a check: today only because
//! the installed Go is older than the one it needs. A skipped goal is neither
//! met nor failed; the check judges the others.

use crate::exec::GoVersion;

/// Why something was not judged, for people and for machines.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skip {
    /// Why, as a stable word: `needs-go`.
    pub reason: &'static str,
    /// The Go version it needs, e.g. `1.27`.
    pub go: String,
    /// The `go` that ran the check, as it names itself (`go1.26.8`).
    pub found: String,
}

impl Skip {
    /// Left out because it needs Go `needed` and `found` is older.
    pub fn needs_go(needed: GoVersion, found: &str) -> Skip {
        Skip {
            reason: "needs-go",
            go: needed.to_string(),
            found: found.to_owned(),
        }
    }

    /// A toolchain name the go command can fetch for `GOTOOLCHAIN`: the first
    /// release of the version needed (`go1.27.0`), or the very release asked.
    pub fn toolchain(&self) -> String {
        match self.go.parse::<GoVersion>() {
            Ok(v) => format!("go{}.{}.{}", v.major, v.minor, v.patch),
            Err(_) => format!("go{}", self.go),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toolchain_name_is_a_full_release() {
        let skip = Skip::needs_go(GoVersion::new(1, 27, 0), "go1.26.8");
        assert_eq!(skip.go, "1.27");
        assert_eq!(skip.toolchain(), "go1.27.0");
        let skip = Skip::needs_go(GoVersion::new(1, 27, 3), "go1.26.8");
        assert_eq!(skip.toolchain(), "go1.27.3");
    }
}
