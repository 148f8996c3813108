//! The findings of `workshop doctor`, one line each with how to fix them.

use std::fmt::Write;

use console::style;

use super::{fail, pass};
use crate::display::pad;
use crate::doctor::{Finding, Health};
use crate::tr;

/// The output of `workshop doctor`.
pub fn doctor(findings: &[Finding]) -> String {
    let mut out = String::new();
    // Fifteen columns, or as many as the widest name takes (Japanese names
    // take two columns a character).
    let column = findings
        .iter()
        .map(|f| crate::display::width(&f.what))
        .max()
        .unwrap_or(0)
        .max(15);
    for finding in findings {
        let symbol = match finding.health {
            Health::Ok => pass(),
            Health::Warn => style("!").yellow().bold().to_string(),
            Health::Fail => fail(),
        };
        let _ = writeln!(
            out,
            "{symbol} {} {}",
            pad(&finding.what, column),
            finding.detail
        );
        if let Some(fix) = &finding.fix {
            let _ = writeln!(
                out,
                "  {} {} {fix}",
                pad("", column),
                style(tr!("label-fix")).cyan()
            );
        }
    }
    out
}
