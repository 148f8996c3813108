//! Profiler labels in profile goals: the `tagfocus:` and `tagignore:` keys
//! that select a profile's samples by their labels with `go tool pprof`'s
//! semantics (`[KEY=]REGEX[,REGEX...]`, or a numeric range), checked where
//! they are written, and applied to every profile a goal reads.

use std::borrow::Cow;

use super::{Checker, ProfileFacts, ProfileKind};
use crate::pprof::tags::{TagFilter, TagFilters};
use crate::tr;

/// Reads the filters of a goal's `tagfocus` and `tagignore` keys. A filter
/// pprof reads as a numeric range can only match numeric labels, which Go
/// writes in memory profiles only (`bytes`): elsewhere it matches nothing,
/// and the goal would judge nothing.
pub fn read(
    checker: &mut Checker<'_, '_>,
    profile: ProfileKind,
    tagfocus: Option<String>,
    tagignore: Option<String>,
) -> TagFilters {
    let mut one = |key: &str, text: Option<String>| {
        let text = text?;
        match TagFilter::parse_with(&text, &crate::goregex::refusal) {
            Ok(filter) => {
                if filter.is_range() && profile != ProfileKind::Memory {
                    checker.problem(
                        key,
                        tr!(
                            "goal-tag-range",
                            key = key,
                            filter = &text,
                            profile = profile.name()
                        ),
                    );
                }
                Some(filter)
            }
            Err(e) => {
                checker.problem(key, tr!("goal-tag-bad", key = key, error = e.to_string()));
                None
            }
        }
    };
    TagFilters {
        focus: one("tagfocus", tagfocus),
        ignore: one("tagignore", tagignore),
    }
}

/// The profile with the samples the filters keep (as it is without filters).
pub fn apply<'a>(filters: &TagFilters, measured: &'a ProfileFacts) -> Cow<'a, ProfileFacts> {
    if filters.is_empty() {
        return Cow::Borrowed(measured);
    }
    Cow::Owned(ProfileFacts {
        profile: filters.apply(&measured.profile).profile,
        ops: measured.ops,
    })
}

/// A line of evidence naming the filters, when there are any.
pub fn evidence(filters: &TagFilters) -> Option<String> {
    (!filters.is_empty()).then(|| tr!("goal-tag-filters", filters = filters.describe()))
}
