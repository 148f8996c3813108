//! Profiles and traces taken from a server's `net/http/pprof` endpoints
//! during a round of load, each from a server started afresh: taken again
//! over a longer time when too thin to judge, and read as whole artifacts.

use std::path::Path;
use std::time::Duration;

use super::{Result, ServerBuild, Serving, Side, Started, shown_output};
use crate::exec::GoError;
use crate::goals::{Damage, LoadRound, ProfileFacts, ProfileKind, ProfilePairs, cpu_samples};
use crate::http::Url;
use crate::http::load::Length;
use crate::http::url::fill;
use crate::run::CheckError;
use crate::run::plan::Invocation;
use crate::run::scope::read_profile;
use crate::tr;

/// How many times longer a thin profile (or one of no request) may be taken again.
const MAX_PROFILE_SCALE: u32 = 4;

/// What is fetched from pprof.
#[derive(Debug, Clone, Copy)]
pub(super) enum Fetched {
    Profile(ProfileKind),
    Trace,
}

impl Fetched {
    /// The endpoint under pprof's root, for a window of `seconds`.
    pub(super) fn path(self, seconds: u32) -> String {
        match self {
            Fetched::Profile(ProfileKind::Cpu) => format!("/profile?seconds={seconds}"),
            Fetched::Profile(ProfileKind::Memory) => format!("/allocs?seconds={seconds}"),
            Fetched::Profile(ProfileKind::Block) => format!("/block?seconds={seconds}"),
            Fetched::Profile(ProfileKind::Mutex) => format!("/mutex?seconds={seconds}"),
            // A snapshot of the goroutines at work, not a change in their number.
            Fetched::Profile(ProfileKind::Goroutine) => "/goroutine".to_owned(),
            // The goroutines leaked when it is taken (the handler runs the
            // leak-finding GC cycle first), not a change over the window.
            Fetched::Profile(ProfileKind::GoroutineLeak) => "/goroutineleak".to_owned(),
            Fetched::Trace => format!("/trace?seconds={seconds}"),
        }
    }

    pub(super) fn name(self) -> String {
        match self {
            Fetched::Profile(kind) => tr!("run-fetched-profile", kind = kind.name()),
            Fetched::Trace => tr!("run-fetched-trace"),
        }
    }
}

impl Serving<'_, '_> {
    /// Fetches a profile or trace during a round of load and writes it to
    /// `path`; returns the requests answered while it was taken.
    pub(super) fn fetch_under_load(
        &mut self,
        started: &mut Started,
        what: Fetched,
        path: &Path,
        scale: u32,
    ) -> Result<(LoadRound, u64)> {
        let seconds = self.serve.collect.seconds * scale;
        let base = fill(&self.serve.collect.pprof, &started.ports);
        let target = what.path(seconds);
        let url_text = format!("{base}{target}");
        let url = Url::parse(&url_text).map_err(|e| self.bad_url(&url_text, e.to_string()))?;
        let timeout = Duration::from_secs(u64::from(seconds))
            .saturating_add(self.load_spec()?.request_timeout)
            .saturating_add(Duration::from_secs(10));
        let _ = crate::fence::remove_file(path);
        let (round, fetched) =
            self.load_round(started, Length::UntilStopped, Some((url, timeout)))?;
        let Some((answer, ops)) = fetched else {
            return Err(GoError::Interrupted.into());
        };
        let server = started.side.server();
        let answer = match answer {
            Ok(answer) => answer,
            Err(e) => {
                let output = shown_output(&started.server);
                return Err(self.server_failed(
                    tr!(
                        "run-server-gave-nothing",
                        server = &server,
                        what = what.name(),
                        error = e.to_string()
                    ),
                    output,
                    &started.log,
                ));
            }
        };
        if answer.status != 200 {
            let body =
                String::from_utf8_lossy(&answer.body[..answer.body.len().min(2000)]).into_owned();
            return Err(self.server_failed(
                tr!(
                    "run-server-not-pprof",
                    server = &server,
                    url = &url_text,
                    status = answer.status.to_string(),
                    what = what.name()
                ),
                body,
                &started.log,
            ));
        }
        crate::workspace::write_atomic(path, &answer.body, None).map_err(CheckError::from)?;
        Ok((round, ops))
    }

    /// A profile of `build`'s server under load; a CPU profile too thin for
    /// the goals on it, or one during which the server answered no request
    /// (so that nothing can be said per request: a slow server on a busy
    /// machine), is taken again over a longer time. The attendee's server may
    /// serve a damaged profile (`Ok(Err)`): the goals on it fail.
    pub(super) fn profile(
        &mut self,
        build: &ServerBuild,
        side: Side,
        label: &str,
        kind: ProfileKind,
        path: &Path,
        min_samples: u64,
    ) -> Result<std::result::Result<ProfileFacts, Damage>> {
        let mut scale = 1;
        loop {
            let mut started = self.start(build, side, label)?;
            let (_, ops) =
                self.fetch_under_load(&mut started, Fetched::Profile(kind), path, scale)?;
            self.stop(started)?;
            let profile = match read_profile(path, self.spec, kind, side == Side::Mine)? {
                Ok(profile) => profile,
                Err(damage) => return Ok(Err(damage)),
            };
            let thin = kind == ProfileKind::Cpu && cpu_samples(&profile) < min_samples;
            if scale < MAX_PROFILE_SCALE && (thin || ops == 0) {
                scale *= 2;
                continue;
            }
            let recorded = profile
                .sample_index(kind.default_sample())
                .is_some_and(|i| profile.total(i) != 0);
            if matches!(kind, ProfileKind::Block | ProfileKind::Mutex) && !recorded {
                let why = match kind {
                    ProfileKind::Mutex => "runtime.SetMutexProfileFraction",
                    _ => "runtime.SetBlockProfileRate",
                };
                let note = tr!(
                    "run-profile-recorded-nothing",
                    kind = kind.name(),
                    run = &self.spec.name,
                    call = why
                );
                if !self.notes.contains(&note) {
                    self.notes.push(note);
                }
            }
            return Ok(Ok(ProfileFacts { profile, ops }));
        }
    }

    /// A profile per round of the starter's server and the attendee's, in
    /// alternation; `None` without a pristine starter.
    pub(super) fn profile_pairs(
        &mut self,
        invocation: &Invocation<'_>,
        kind: ProfileKind,
    ) -> Result<Option<ProfilePairs>> {
        let what = invocation.describe();
        let Some(starter_build) = self.starter_server(&what)? else {
            return Ok(None);
        };
        let rounds = self.load_spec()?.rounds;
        let mine_build = self.mine.clone();
        let mut pairs = ProfilePairs::default();
        for i in 0..rounds {
            for (n, side) in [Side::Starter, Side::Mine].into_iter().enumerate() {
                let label = format!("{}-{kind}-{}-{i}", self.spec.name, side.label());
                let path = self.scope.run_dir.join(format!("{label}.pprof"));
                let build = match side {
                    Side::Starter => &starter_build,
                    Side::Mine => &mine_build,
                };
                let measured = match self.profile(build, side, &label, kind, &path, 0)? {
                    Ok(measured) => measured,
                    Err(damage) => {
                        pairs.damaged = Some(damage);
                        return Ok(Some(pairs));
                    }
                };
                match side {
                    Side::Starter => pairs.starter.push(measured),
                    Side::Mine => pairs.mine.push(measured),
                }
                self.scope.progress(&what, i * 2 + n as u32 + 1, rounds * 2);
            }
        }
        Ok(Some(pairs))
    }
}

#[cfg(test)]
mod leak_tests {
    use super::*;

    #[test]
    fn the_goroutine_leak_profile_is_fetched_whole_at_its_endpoint() {
        let path = Fetched::Profile(ProfileKind::GoroutineLeak).path(10);
        assert_eq!(path, "/goroutineleak");
    }
}
