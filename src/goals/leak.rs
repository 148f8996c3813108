//! The goroutine-leak profile (Go 1.27+) as goals read it: what its stacks
//! say as evidence, and the bounds it takes. Where it comes from is
//! `run::leak_main` (runs of `go test`) or `/debug/pprof/goroutineleak`.

use super::{Checker, ProfileKind};
use crate::pprof::Profile;
use crate::tr;

/// What a goroutine-leak profile says, stack by stack, most goroutines
/// first: how many leaked goroutines run which function (the outermost frame
/// of their stack that is not the runtime's: what the `go` statement
/// started; the profile has no creation stack), blocked in which of the
/// runtime's functions (the outermost of the frames the goroutine parked in:
/// `runtime.chansend1` is a send on a channel, `runtime.chanrecv1` a receive,
/// `runtime.selectgo` a select, `sync.(*WaitGroup).Wait`...).
pub(super) fn leaked(profile: &Profile, index: usize) -> Vec<String> {
    const SHOWN: usize = 5;
    let name = |frame: &u32| {
        profile
            .functions
            .get(*frame as usize)
            .map_or("?", String::as_str)
    };
    let runtime = |name: &str| {
        name.starts_with("runtime.") || name.starts_with("sync.") || name.starts_with("internal/")
    };
    let mut stacks: std::collections::BTreeMap<(String, String), i64> = Default::default();
    for sample in &profile.samples {
        let value = sample.values[index];
        if value == 0 {
            continue;
        }
        let names: Vec<&str> = sample.frames.iter().map(name).collect();
        // Leaf first: the runtime's frames the goroutine parked in, then its own.
        let parked = names.iter().take_while(|n| runtime(n)).count();
        let blocked = parked
            .checked_sub(1)
            .and_then(|i| names.get(i))
            .copied()
            .unwrap_or("?");
        let function = names
            .iter()
            .rev()
            .find(|n| !runtime(n) && !n.starts_with("testing."))
            .or(names.get(parked))
            .copied()
            .unwrap_or("?");
        *stacks
            .entry((function.to_owned(), blocked.to_owned()))
            .or_default() += value;
    }
    let mut stacks: Vec<((String, String), i64)> = stacks.into_iter().collect();
    stacks.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut lines: Vec<String> = stacks
        .iter()
        .take(SHOWN)
        .map(|((function, blocked), count)| {
            tr!(
                "profile-leaked-goroutines",
                count = *count,
                function = function,
                blocked = blocked
            )
        })
        .collect();
    if stacks.len() > SHOWN {
        lines.push(tr!("profile-leaked-more", count = stacks.len() - SHOWN));
    }
    lines
}

/// The goroutine-leak profile is judged against an absolute bound only: the
/// starter's build that goals relative to it run has no `TestMain` to write it.
pub(super) fn absolute_only(
    checker: &mut Checker<'_, '_>,
    profile: ProfileKind,
    relative: Option<f64>,
) {
    if profile == ProfileKind::GoroutineLeak && relative.is_some() {
        checker.problem(
            "at-least-times",
            tr!("profile-goroutineleak-absolute", profile = profile.name()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pprof::Kind;

    /// Go 1.27's goroutine-leak profile (tests/fixtures/profiles/generate-goroutineleak.sh):
    /// 12 goroutines blocked sending in main.send, 4 receiving in main.watch.func1.
    #[test]
    fn leaked_goroutines_are_told_by_what_they_run_and_where_they_block() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/profiles/goroutineleak.pprof");
        let profile = Profile::read(&path).unwrap();
        assert_eq!(profile.kind(), Kind::GoroutineLeak);
        let index = profile.sample_index("goroutineleak").unwrap();
        assert_eq!(
            super::super::profile::evidence(&profile, index, None),
            [
                "12 leaked goroutines running main.send, blocked in runtime.chansend1",
                "4 leaked goroutines running main.watch.func1, blocked in runtime.chanrecv1",
            ]
        );
    }
}
