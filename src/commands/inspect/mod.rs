//! `workshop inspect FILE|URL`: any Go execution trace or pprof profile, inside
//! or outside a workshop, from a file or fetched from a live `net/http/pprof`
//! endpoint. The first bytes tell which it is; the flags are then checked
//! against it.

use std::path::{Path, PathBuf};

use super::Context;

mod fetch;
mod timeline;
mod views;
use crate::Exit;
use crate::cli::InspectArgs;
use crate::cli::inspect::{InspectPlan, ProfilePlan, TimelinePlan};
use crate::display;
use crate::pprof::tags::TagFilters;
use crate::pprof::{Profile, ProfileError};
use crate::report::human::{InspectView, ProfileView};
use crate::report::{self, Format, ProfileDoc, TraceDoc};
use crate::tr;
use crate::trace::{self, TraceError};

/// A trace file that could not be read, named.
#[derive(Debug, thiserror::Error)]
#[error("{}", tr!("cmd-cannot-read-path", path = display::path(.path)))]
struct TraceFileError {
    path: PathBuf,
    #[source]
    source: TraceError,
}

/// A file that could not be opened or read at all.
#[derive(Debug, thiserror::Error)]
#[error("{}", tr!("cmd-cannot-read-path", path = display::path(.path)))]
struct UnreadableFile {
    path: PathBuf,
    #[source]
    source: std::io::Error,
}

/// A profile file that could not be read, named.
#[derive(Debug, thiserror::Error)]
#[error("{}", tr!("cmd-cannot-read-path", path = display::path(.path)))]
struct ProfileFileError {
    path: PathBuf,
    #[source]
    source: ProfileError,
}

pub fn run(_: &Context, args: &InspectArgs) -> anyhow::Result<Exit> {
    let text = args.file.to_string_lossy();
    let is_url = ["http://", "https://"].iter().any(|s| text.starts_with(s));
    // A fetched answer is read from a file like any other: kept where
    // `--save` says, else in a temporary file.
    let mut _fetched = None;
    let file = match (is_url, &args.save) {
        (true, save) => {
            let bytes = fetch::fetch(&text)?;
            match save {
                Some(path) => {
                    write_output(path, &bytes)?;
                    path.clone()
                }
                None => {
                    let kept = fetch::keep(&bytes)?;
                    let path = kept.to_path_buf();
                    _fetched = Some(kept);
                    path
                }
            }
        }
        (false, Some(_)) => anyhow::bail!(tr!(
            "cmd-inspect-save-file",
            path = display::path(&args.file)
        )),
        (false, None) => args.file.clone(),
    };
    let file = &file;
    // What reports name: the URL (or the file it was saved to), never a temporary file.
    let shown = if is_url && args.save.is_none() {
        args.file.clone()
    } else {
        file.clone()
    };
    // A named pipe or a device would block or never end; a directory is not
    // read at all. Nothing but a file is a profile or a trace.
    if let Ok(meta) = std::fs::metadata(file)
        && !meta.is_file()
    {
        anyhow::bail!(tr!("cmd-inspect-not-a-file", path = display::path(&shown)));
    }
    let mut head = [0u8; 16];
    // Before its first bytes are read, it is neither a trace nor a profile.
    let read = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|source| UnreadableFile {
            path: file.clone(),
            source,
        })?;
    let is_trace = head[..read].starts_with(b"go 1.");
    if is_url && !is_trace {
        fetch::looks_like_a_profile(&text, file)?;
    }
    match args.plan(is_trace)? {
        InspectPlan::Dump => dump(file, &shown),
        InspectPlan::Trace {
            view,
            json,
            timeline,
        } => summary(file, &shown, view, Format::json(json), timeline.as_ref()),
        InspectPlan::Profile(plan) => profile(file, &shown, &plan),
    }
}

fn named(path: &Path) -> impl Fn(TraceError) -> TraceFileError + '_ {
    move |source| TraceFileError {
        path: path.to_owned(),
        source,
    }
}

/// Every event, streamed.
fn dump(file: &Path, shown: &Path) -> anyhow::Result<Exit> {
    let reader = trace::Reader::open(file).map_err(named(shown))?;
    let mut out = report::stdout_writer();
    let mut dumper = trace::dump::Dumper::new();
    for event in reader {
        let written = match event {
            Ok(event) => dumper.write(&mut out, &event),
            Err(e) => {
                // What came before the damage is out before the error.
                let _ = dumper.flush(&mut out);
                return Err(named(shown)(e).into());
            }
        };
        if written.is_err() {
            // The reader of our output went away (`| head`): stop quietly.
            return Ok(Exit::Success);
        }
    }
    let _ = dumper.flush(&mut out);
    Ok(Exit::Success)
}

fn summary(
    file: &Path,
    shown: &Path,
    view: InspectView,
    format: Format,
    timeline: Option<&TimelinePlan>,
) -> anyhow::Result<Exit> {
    // The summary is bounded by what is alive; listing every goroutine is not,
    // and JSON lists them up to the limit of records.
    let detail = trace::facts::Detail {
        ended: match format {
            _ if view.goroutines => usize::MAX,
            Format::Json => trace::facts::RECORD_LIMIT,
            _ => 0,
        },
        lifetimes: false,
    };
    let facts = trace::facts::Facts::read_with(file, detail).map_err(named(shown))?;
    if let Some(plan) = timeline {
        timeline::write(file, shown, &facts, plan)?;
    }
    let doc = TraceDoc {
        facts: &facts,
        path: shown,
        view,
    };
    report::emit(format, &doc);
    if let (Some(plan), Format::Human) = (timeline, format) {
        report::out(&format!(
            "{}\n",
            tr!("cmd-timeline-written", path = display::path(&plan.out))
        ));
    }
    Ok(Exit::Success)
}

/// A profile file, read at source lines with `lines`, its errors named by `shown`.
fn read_profile(file: &Path, shown: &Path, lines: bool) -> anyhow::Result<Profile> {
    let read = if lines {
        Profile::read_lines(file)
    } else {
        Profile::read(file)
    };
    match read {
        Ok(profile) => Ok(profile),
        Err(ProfileError::NotProfile(why)) => anyhow::bail!(tr!(
            "cmd-inspect-neither",
            path = display::path(shown),
            why = why.to_string()
        )),
        Err(source) => Err(ProfileFileError {
            path: shown.to_owned(),
            source,
        }
        .into()),
    }
}

/// The sample type asked for by `--sample` (the profile's default without).
fn sample_index(profile: &Profile, shown: &Path, sample: Option<&String>) -> anyhow::Result<usize> {
    match sample {
        None => Ok(profile.default_type),
        Some(name) => profile.sample_index(name).ok_or_else(|| {
            let types: Vec<&str> = profile
                .sample_types
                .iter()
                .map(|t| t.name.as_str())
                .collect();
            anyhow::anyhow!(tr!(
                "cmd-inspect-no-sample-type",
                path = display::path(shown),
                name = name,
                types = types.join(", ")
            ))
        }),
    }
}

fn profile(file: &Path, shown: &Path, plan: &ProfilePlan) -> anyhow::Result<Exit> {
    let profile = read_profile(file, shown, plan.list.is_some())?;
    let profile = filtered(profile, &plan.filters, true);
    let index = sample_index(&profile, shown, plan.sample.as_ref())?;
    if let Some(base) = &plan.base {
        return views::diff(&profile, shown, index, base, plan);
    }
    if let Some(pattern) = &plan.list {
        return views::list(&profile, shown, index, pattern, plan.json);
    }
    if plan.tags {
        return views::tags(&profile, shown, index, plan);
    }
    let tag_text = (!plan.filters.is_empty()).then(|| plan.filters.describe());
    let view = ProfileView {
        index,
        top: plan.top,
        cum: plan.cum,
        focus: plan.focus.as_ref(),
        tag_filters: tag_text.as_deref(),
    };
    if let Some(out) = &plan.flamegraph {
        let svg = report::flamegraph::flamegraph(&profile, index, plan.focus.as_ref())
            .map_err(|e| anyhow::anyhow!(tr!("cmd-flamegraph-failed", error = e.to_string())))?;
        write_output(out, &svg)?;
    }
    let format = Format::json(plan.json);
    report::emit(
        format,
        &ProfileDoc {
            path: shown,
            profile: &profile,
            view,
        },
    );
    if let (Some(out), Format::Human) = (&plan.flamegraph, format) {
        report::out(&format!(
            "{}\n",
            tr!("cmd-flamegraph-written", path = display::path(out))
        ));
    }
    Ok(Exit::Success)
}

/// The profile with the samples its labels' filters keep; with `warn`, says
/// on stderr (as pprof does) when a filter is read as a numeric range or
/// matches no sample.
fn filtered(profile: Profile, filters: &TagFilters, warn: bool) -> Profile {
    if filters.is_empty() {
        return profile;
    }
    let kept = filters.apply(&profile);
    if warn {
        for (flag, filter, matched) in [
            ("--tagfocus", &filters.focus, kept.focus_matched),
            ("--tagignore", &filters.ignore, kept.ignore_matched),
        ] {
            let Some(filter) = filter else { continue };
            if filter.is_range() {
                report::warning(&tr!(
                    "cmd-inspect-tag-range",
                    flag = flag,
                    filter = filter.as_str()
                ));
            }
            if !matched {
                report::warning(&tr!(
                    "cmd-inspect-tag-no-match",
                    flag = flag,
                    filter = filter.as_str()
                ));
            }
        }
    }
    kept.profile
}

/// Writes a file the user named (a flame graph, a timeline, a fetched
/// profile), through the fence, or says which and why not.
fn write_output(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    crate::fence::write(path, bytes).map_err(|e| {
        anyhow::anyhow!(tr!(
            "cmd-cannot-write",
            path = display::path(path),
            error = e.to_string()
        ))
    })
}
