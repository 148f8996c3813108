//! `workshop compare OLD NEW`: two saved benchmark outputs, benchstat-style.

use std::path::Path;

use super::Context;
use crate::Exit;
use crate::bench::{self, BenchOutput};
use crate::cli::CompareArgs;
use crate::report::{self, CompareDoc, Format};
use crate::tr;

pub fn run(_: &Context, args: &CompareArgs) -> anyhow::Result<Exit> {
    let tables = bench::compare::compare(&read(&args.old)?, &read(&args.new)?);
    let doc = CompareDoc {
        old: &args.old,
        new: &args.new,
        units: &tables,
    };
    report::emit(Format::json(args.json), &doc);
    Ok(Exit::Success)
}

fn read(path: &Path) -> anyhow::Result<BenchOutput> {
    let text = std::fs::read(path).map_err(|e| {
        anyhow::anyhow!(tr!(
            "cmd-cannot-read",
            path = crate::display::path(path),
            error = e.to_string()
        ))
    })?;
    let output = bench::parse(&String::from_utf8_lossy(&text));
    if output.results.is_empty() {
        anyhow::bail!(tr!(
            "cmd-no-benchmark-results",
            path = crate::display::path(path)
        ));
    }
    Ok(output)
}
