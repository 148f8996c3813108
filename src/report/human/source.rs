//! The text of `workshop inspect PROFILE --list REGEX`: per source line flat
//! and cum beside the source, laid out as `go tool pprof -list` lays it out
//! (its own words in the reader's language).

use std::fmt::Write;

use crate::pprof::format::{percentage, value};
use crate::pprof::listing::{Listing, Source};
use crate::tr;

/// The text of `workshop inspect PROFILE --list REGEX`.
pub fn source_listing(listing: &Listing, unit: &str) -> String {
    let mut out = String::new();
    let dot = |v: i64| {
        if v == 0 {
            ".".to_owned()
        } else {
            value(v, unit)
        }
    };
    let _ = writeln!(
        out,
        "{}",
        tr!("profile-list-total", total = value(listing.total, unit))
    );
    for routine in &listing.routines {
        let Some(file) = &routine.file else {
            let _ = writeln!(
                out,
                "{}",
                tr!("profile-list-no-source", function = &*routine.function)
            );
            continue;
        };
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "profile-list-routine",
                function = &*routine.function,
                file = &**file
            )
        );
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "profile-list-sums",
                flat = format!("{:>10}", value(routine.flat, unit)),
                cum = format!("{:>10}", value(routine.cum, unit)),
                percent = percentage(routine.cum, listing.total)
            )
        );
        match &routine.source {
            Source::Lines(lines) => {
                for line in lines {
                    let _ = writeln!(
                        out,
                        "{:>10} {:>10} {:>6}:{}",
                        dot(line.flat),
                        dot(line.cum),
                        line.number,
                        line.text
                    );
                }
            }
            Source::Missing {
                path,
                searched: Some(searched),
            } => {
                let _ = writeln!(
                    out,
                    " {}",
                    tr!(
                        "profile-list-not-found",
                        path = &**path,
                        searched = &**searched
                    )
                );
            }
            Source::Missing {
                path,
                searched: None,
            } => {
                let _ = writeln!(out, " {}", tr!("profile-list-cannot-open", path = &**path));
            }
            Source::NoSource {} => {}
        }
    }
    out
}
