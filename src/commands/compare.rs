//! `workshop compare OLD NEW`: two saved benchmark outputs, benchstat-style.

use std::path::Path;

use super::Context;
use crate::Exit;
use crate::bench::{self, BenchOutput};
use crate::cli::CompareArgs;
use crate::report::{self, CompareDoc, Format};

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
    let text = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", crate::display::path(path)))?;
    let output = bench::parse(&String::from_utf8_lossy(&text));
    if output.results.is_empty() {
        anyhow::bail!(
            "{} holds no benchmark results (expected lines like `BenchmarkSearch-8  1000  1234 ns/op`)",
            crate::display::path(path)
        );
    }
    Ok(output)
}
