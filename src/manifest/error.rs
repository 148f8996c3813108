//! Errors of the manifest boundary: every one names the file, and where it can, the
//! line and column and what was expected there.

use std::path::PathBuf;

use crate::tr;
use crate::yaml::Diagnostic;

/// Why a workshop could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{}", tr!("manifest-not-found", dir = crate::display::path(start)))]
    NotFound { start: PathBuf },

    #[error("{}", tr!("manifest-cannot-read", path = crate::display::path(path)))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&d.to_string());
    }
    if diagnostics.len() > 1 {
        out.push_str("\n\n");
        out.push_str(&tr!("manifest-problems", count = diagnostics.len()));
    }
    out
}
