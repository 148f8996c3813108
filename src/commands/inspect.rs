//! `workshop inspect FILE`: any Go execution trace or pprof profile, inside or
//! outside a workshop. The file's first bytes tell which it is; the flags are
//! then checked against it.

use std::path::{Path, PathBuf};

use super::Context;
use crate::Exit;
use crate::cli::InspectArgs;
use crate::cli::inspect::{InspectPlan, ProfilePlan};
use crate::display;
use crate::pprof::{Profile, ProfileError};
use crate::report::human::{InspectView, ProfileView};
use crate::report::{self, Format, ProfileDoc, TraceDoc};
use crate::trace::{self, TraceError};

/// A trace file that could not be read, named.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}", display::path(path))]
struct TraceFileError {
    path: PathBuf,
    #[source]
    source: TraceError,
}

/// A profile file that could not be read, named.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}", display::path(path))]
struct ProfileFileError {
    path: PathBuf,
    #[source]
    source: ProfileError,
}

pub fn run(_: &Context, args: &InspectArgs) -> anyhow::Result<Exit> {
    let file = &args.file;
    let mut head = [0u8; 16];
    let read = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|source| TraceFileError {
            path: file.clone(),
            source: TraceError::Io(source),
        })?;
    let is_trace = head[..read].starts_with(b"go 1.");
    match args.plan(is_trace)? {
        InspectPlan::Dump => dump(file),
        InspectPlan::Trace { view, json } => summary(file, view, Format::json(json)),
        InspectPlan::Profile(plan) => profile(file, &plan),
    }
}

fn named(path: &Path) -> impl Fn(TraceError) -> TraceFileError + '_ {
    move |source| TraceFileError {
        path: path.to_owned(),
        source,
    }
}

/// Every event, streamed.
fn dump(file: &Path) -> anyhow::Result<Exit> {
    let reader = trace::Reader::open(file).map_err(named(file))?;
    let mut out = report::stdout_writer();
    let mut dumper = trace::dump::Dumper::new();
    for event in reader {
        let event = event.map_err(named(file))?;
        if dumper.write(&mut out, &event).is_err() {
            // The reader of our output went away (`| head`): stop quietly.
            return Ok(Exit::Success);
        }
    }
    let _ = std::io::Write::flush(&mut out);
    Ok(Exit::Success)
}

fn summary(file: &Path, view: InspectView, format: Format) -> anyhow::Result<Exit> {
    let facts = trace::facts::Facts::read(file).map_err(named(file))?;
    let doc = TraceDoc {
        facts: &facts,
        path: file,
        view,
    };
    report::emit(format, &doc);
    Ok(Exit::Success)
}

fn profile(file: &Path, plan: &ProfilePlan) -> anyhow::Result<Exit> {
    let profile = match Profile::read(file) {
        Ok(profile) => profile,
        Err(ProfileError::NotProfile(why)) => anyhow::bail!(
            "cannot read {}: not a Go execution trace (no `go 1.N trace` header) and not a pprof profile ({why})",
            display::path(file)
        ),
        Err(source) => {
            return Err(ProfileFileError {
                path: file.to_owned(),
                source,
            }
            .into());
        }
    };
    let index = match &plan.sample {
        None => profile.default_type,
        Some(name) => profile.sample_index(name).ok_or_else(|| {
            let types: Vec<&str> = profile
                .sample_types
                .iter()
                .map(|t| t.name.as_str())
                .collect();
            anyhow::anyhow!(
                "{} has no sample type `{name}` (it has: {})",
                display::path(file),
                types.join(", ")
            )
        })?,
    };
    let view = ProfileView {
        index,
        top: plan.top,
        cum: plan.cum,
        focus: plan.focus.as_ref(),
    };
    if let Some(out) = &plan.flamegraph {
        let svg = report::flamegraph::flamegraph(&profile, index, plan.focus.as_ref())
            .map_err(|e| anyhow::anyhow!("cannot draw the flame graph: {e}"))?;
        std::fs::write(out, svg)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", display::path(out)))?;
    }
    let format = Format::json(plan.json);
    report::emit(
        format,
        &ProfileDoc {
            path: file,
            profile: &profile,
            view,
        },
    );
    if let (Some(out), Format::Human) = (&plan.flamegraph, format) {
        report::out(&format!("flame graph written to {}\n", display::path(out)));
    }
    Ok(Exit::Success)
}
