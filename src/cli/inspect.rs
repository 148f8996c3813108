//! `workshop inspect`'s flags, checked into a plan once the file's kind is
//! known: trace flags apply to traces, profile flags to profiles.

use std::path::PathBuf;
use std::time::Duration;

use regex::Regex;

use super::InspectArgs;
use crate::pprof::tags::{TagFilter, TagFilterError, TagFilters};
use crate::report::human::InspectView;

/// What `workshop inspect` is to do with its file.
#[derive(Debug)]
pub enum InspectPlan {
    /// Every event of a trace, as `go tool trace -d=parsed` prints them.
    Dump,
    /// A trace's summary, with the lists asked for, and maybe its timeline.
    Trace {
        view: InspectView,
        json: bool,
        timeline: Option<TimelinePlan>,
    },
    /// A profile's `pprof -top`-like table (boxed: far larger than the others).
    Profile(Box<ProfilePlan>),
}

/// Where to write a trace's SVG timeline, and its window (from the trace's start).
#[derive(Debug)]
pub struct TimelinePlan {
    pub out: PathBuf,
    pub from: Option<Duration>,
    pub to: Option<Duration>,
}

/// How to show a profile.
#[derive(Debug)]
pub struct ProfilePlan {
    pub top: usize,
    pub sample: Option<String>,
    pub cum: bool,
    pub focus: Option<Regex>,
    pub flamegraph: Option<PathBuf>,
    pub json: bool,
    /// The base profile to show the differences from.
    pub base: Option<PathBuf>,
    /// Whether the profile is scaled to the base's total first.
    pub normalize: bool,
    /// The functions to list line by line.
    pub list: Option<Regex>,
    /// The labels' table instead of the functions.
    pub tags: bool,
    /// The samples kept by their labels.
    pub filters: TagFilters,
}

/// Flags given that do not apply to the file.
#[derive(Debug, thiserror::Error)]
pub enum InspectFlagError {
    #[error("{}", crate::tr!("cmd-inspect-profile-flags", path = crate::display::path(.0)))]
    ProfileFlagsOnTrace(PathBuf),
    #[error("{}", crate::tr!("cmd-inspect-trace-flags", path = crate::display::path(.0)))]
    TraceFlagsOnProfile(PathBuf),
    #[error("{}", crate::tr!("cmd-inspect-bad-focus", error = .0.to_string()))]
    Focus(#[source] regex::Error),
    #[error("{}", crate::tr!("cmd-inspect-bad-list", error = .0.to_string()))]
    List(#[source] regex::Error),
    #[error("{}", crate::tr!("cmd-inspect-bad-tag-filter", flag = *.0, error = .1.to_string()))]
    TagFilter(&'static str, #[source] TagFilterError),
}

impl InspectArgs {
    /// The plan for the file, a trace when `trace` is true, else a profile.
    pub fn plan(&self, trace: bool) -> Result<InspectPlan, InspectFlagError> {
        if trace {
            if self.sample.is_some()
                || self.cum
                || self.focus.is_some()
                || self.flamegraph.is_some()
                || self.base.is_some()
                || self.list.is_some()
                || self.labels.tags
                || self.labels.tagfocus.is_some()
                || self.labels.tagignore.is_some()
            {
                return Err(InspectFlagError::ProfileFlagsOnTrace(self.file.clone()));
            }
            if self.dump {
                return Ok(InspectPlan::Dump);
            }
            return Ok(InspectPlan::Trace {
                view: InspectView {
                    goroutines: self.goroutines,
                    tasks: self.tasks,
                    regions: self.regions,
                },
                json: self.json,
                timeline: self.timeline.clone().map(|out| TimelinePlan {
                    out,
                    from: self.from,
                    to: self.to,
                }),
            });
        }
        if self.dump || self.goroutines || self.tasks || self.regions || self.timeline.is_some() {
            return Err(InspectFlagError::TraceFlagsOnProfile(self.file.clone()));
        }
        let focus = self
            .focus
            .as_deref()
            .map(Regex::new)
            .transpose()
            .map_err(InspectFlagError::Focus)?;
        let list = self
            .list
            .as_deref()
            .map(Regex::new)
            .transpose()
            .map_err(InspectFlagError::List)?;
        let filter = |flag: &'static str, text: &Option<String>| {
            text.as_deref()
                .map(|t| TagFilter::parse_with(t, &crate::goregex::refusal))
                .transpose()
                .map_err(|e| InspectFlagError::TagFilter(flag, e))
        };
        let filters = TagFilters {
            focus: filter("--tagfocus", &self.labels.tagfocus)?,
            ignore: filter("--tagignore", &self.labels.tagignore)?,
        };
        Ok(InspectPlan::Profile(Box::new(ProfilePlan {
            top: self.top,
            sample: self.sample.clone(),
            cum: self.cum,
            focus,
            flamegraph: self.flamegraph.clone(),
            json: self.json,
            base: self.base.clone(),
            normalize: self.normalize,
            list,
            tags: self.labels.tags,
            filters,
        })))
    }
}
