//! `workshop inspect PROFILE --base BASE` (what changed, as `go tool pprof
//! -diff_base` shows it, with a differential flame graph) and `--list REGEX`
//! (per source line, as `go tool pprof -list` shows it), and `--tags` (the
//! profiler labels, as `go tool pprof -tags` shows them).

use std::path::Path;

use regex::Regex;

use super::read_profile;
use crate::Exit;
use crate::cli::inspect::ProfilePlan;
use crate::display;
use crate::pprof::Profile;
use crate::report::human::DiffView;
use crate::report::{self, DiffDoc, Format, SourceDoc, TagsDoc};
use crate::tr;

/// The profile against its base, in the sample type of the same name.
pub(super) fn diff(
    profile: &Profile,
    shown: &Path,
    index: usize,
    base_path: &Path,
    plan: &ProfilePlan,
) -> anyhow::Result<Exit> {
    // pprof filters the base's samples by their labels too.
    let base = super::filtered(
        read_profile(base_path, base_path, false)?,
        &plan.filters,
        false,
    );
    let name = &profile.sample_types[index].name;
    // The base's sample type of the same name, whatever its default.
    let base_index = base.sample_types.iter().position(|t| t.name == *name);
    let Some(base_index) = base_index else {
        let types: Vec<&str> = base.sample_types.iter().map(|t| t.name.as_str()).collect();
        anyhow::bail!(tr!(
            "cmd-inspect-base-no-type",
            path = display::path(base_path),
            name = name.as_str(),
            types = types.join(", ")
        ));
    };
    let mut diff = crate::pprof::diff::diff(profile, index, &base, base_index, plan.normalize);
    if plan.cum {
        diff.sort_by_cum();
    }
    if let Some(out) = &plan.flamegraph {
        let svg =
            report::flamegraph::differential(profile, index, &base, base_index, plan.normalize)
                .map_err(|e| {
                    anyhow::anyhow!(tr!("cmd-flamegraph-failed", error = e.to_string()))
                })?;
        super::write_output(out, &svg)?;
    }
    let format = Format::json(plan.json);
    report::emit(
        format,
        &DiffDoc {
            path: shown,
            profile,
            diff: &diff,
            view: DiffView {
                base_path,
                index,
                top: plan.top,
            },
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

/// The labels' table, as `go tool pprof -tags` shows it.
pub(super) fn tags(
    profile: &Profile,
    shown: &Path,
    index: usize,
    plan: &ProfilePlan,
) -> anyhow::Result<Exit> {
    let table = crate::pprof::tags::table(profile, index);
    report::emit(
        Format::json(plan.json),
        &TagsDoc {
            path: shown,
            profile,
            index,
            tags: &table,
            tagfocus: plan.filters.focus.as_ref().map(|f| f.as_str()),
            tagignore: plan.filters.ignore.as_ref().map(|f| f.as_str()),
        },
    );
    Ok(Exit::Success)
}

/// The functions matching `pattern`, line by line beside their source, the
/// files found from the working directory as pprof finds them.
pub(super) fn list(
    profile: &Profile,
    shown: &Path,
    index: usize,
    pattern: &Regex,
    json: bool,
) -> anyhow::Result<Exit> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let Some(listing) = profile.listing(index, pattern, &cwd) else {
        anyhow::bail!(tr!(
            "cmd-inspect-list-no-match",
            path = display::path(shown),
            pattern = pattern.as_str()
        ));
    };
    let sample_type = &profile.sample_types[index];
    report::emit(
        Format::json(json),
        &SourceDoc {
            sample_type: &sample_type.name,
            unit: &sample_type.unit,
            listing: &listing,
        },
    );
    Ok(Exit::Success)
}
