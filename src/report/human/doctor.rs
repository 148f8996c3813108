//! The findings of `workshop doctor`, one line each with how to fix them.

use std::fmt::Write;

use console::style;

use super::{fail, pass};
use crate::doctor::{Finding, Health};

/// The output of `workshop doctor`.
pub fn doctor(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let symbol = match finding.health {
            Health::Ok => pass(),
            Health::Warn => style("!").yellow().bold().to_string(),
            Health::Fail => fail(),
        };
        let _ = writeln!(out, "{symbol} {:<15} {}", finding.what, finding.detail);
        if let Some(fix) = &finding.fix {
            let _ = writeln!(out, "  {:<15} {} {fix}", "", style("fix:").cyan());
        }
    }
    out
}
