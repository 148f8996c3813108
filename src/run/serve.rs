//! `serve` runs: the exercise's server built with `go build`, started on free
//! loopback ports, probed until it answers, loaded by the built-in load
//! generator, and profiled through its `net/http/pprof` endpoints. Every round
//! starts a server of its own, so that a profiler never distorts another
//! round; rounds against the starter alternate the two servers. The server is
//! stopped with SIGTERM and its group killed after a grace period; a server
//! that never answers, exits, or crashes fails the check with its last output.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::plan::{Collect, Invocation};
use super::scope::{BUILD_TIMEOUT, Scope, read_profile, read_trace};
use super::starter::StarterBuild;
use super::{CheckError, Failure, Stop};
use crate::exec::server::{Exit, Server, ServerSpawn};
use crate::exec::{Compiled, GoError, interrupted};
use crate::goals::{
    Damage, Facts, LoadPairs, LoadRound, MeasuredTrace, Probe, Probed, ProfileFacts, ProfileKind,
    ProfilePairs, Requirement, cpu_samples,
};
use crate::http::load::{self, Control, Length, Pace};
use crate::http::url::{fill, placeholders};
use crate::http::{Body, FetchError, Prepared, Url};
use crate::manifest::{LoadLength, LoadSpec, RunSpec, ServeSpec};
use crate::tr;

/// How often a waiting runner looks at the server, the load and Ctrl-C.
const POLL: Duration = Duration::from_millis(20);
/// How many times a server is started again when a port it was given was
/// taken before it could bind it.
const PORT_ATTEMPTS: u32 = 3;
/// The most a profile or trace fetched from pprof may weigh.
const MAX_ARTIFACT: u64 = 1 << 30;
/// The most of an endpoint's answer a goal reads.
const MAX_PROBE: u64 = 1 << 20;
/// Lines of a server's output shown when it fails.
const OUTPUT_LINES: usize = 40;
/// How many times longer a thin profile (or one of no request) may be taken again.
const MAX_PROFILE_SCALE: u32 = 4;

/// A built server: its binary and the directory it runs in.
#[derive(Debug, Clone)]
pub(super) struct ServerBuild {
    pub binary: PathBuf,
    pub dir: PathBuf,
}

/// Whose server a round runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Mine,
    Starter,
}

impl Side {
    fn label(self) -> &'static str {
        match self {
            Side::Mine => "yours",
            Side::Starter => "starter",
        }
    }

    /// Its server, as messages name it: `the server`, `the starter's server`.
    fn server(self) -> String {
        match self {
            Side::Mine => tr!("run-server-mine"),
            Side::Starter => tr!("run-server-starter"),
        }
    }
}

/// Builds the main package `main` (relative to the module at `module_dir`) to
/// `binary`; a compile error fails the check like one of the tests.
pub(super) fn build_server(
    scope: &Scope<'_>,
    module_dir: &Path,
    main: &Path,
    binary: &Path,
    side: Side,
) -> Result<ServerBuild> {
    let log = binary.with_extension("build.log");
    let compiled = scope.go.build_main(
        module_dir,
        main,
        &scope.exercise.build,
        binary,
        &log,
        BUILD_TIMEOUT,
    )?;
    let dir = module_dir.join(&scope.exercise.package);
    match compiled {
        Compiled::Binary(Some(binary)) => Ok(ServerBuild { binary, dir }),
        Compiled::Binary(None) => Err(Stop::failed(
            tr!(
                "run-server-not-built",
                server = side.server(),
                main = main.display().to_string()
            ),
            Failure::Build(crate::exec::BuildFailure {
                errors: Vec::new(),
                vet: false,
                output: std::fs::read_to_string(&log).unwrap_or_default(),
            }),
        )),
        Compiled::Failed(mut failure) => {
            scope.tree.label_errors(&mut failure);
            let count = failure.errors.len();
            Err(Stop::failed(
                tr!(
                    "run-server-compile-errors",
                    server = side.server(),
                    count = count
                ),
                Failure::Build(failure),
            ))
        }
    }
}

/// What a serve run's rounds work with.
pub(super) struct Serving<'a, 'b> {
    pub scope: &'a Scope<'b>,
    pub spec: &'a RunSpec,
    pub serve: &'a ServeSpec,
    pub mine: &'a ServerBuild,
    pub starter: &'a mut StarterBuild,
    pub notes: &'a mut Vec<String>,
    pub artifacts: &'a mut BTreeMap<String, PathBuf>,
}

/// A server that answers, and the ports it was given.
struct Started {
    server: Server,
    ports: BTreeMap<String, u16>,
    log: PathBuf,
    side: Side,
}

/// Why a round could not be made: said to the attendee, or an error.
type Result<T> = std::result::Result<T, Stop>;

impl Serving<'_, '_> {
    /// Makes the invocation's rounds and puts what they measured into `facts`.
    pub fn collect(&mut self, invocation: &Invocation<'_>, facts: &mut Facts) -> Result<()> {
        let run = self.spec.name.clone();
        let label = invocation.label();
        match invocation.collect {
            Collect::Endpoints => {
                let mine = self.mine.clone();
                let started = self.start(&mine, Side::Mine, &label)?;
                for (method, url) in self.endpoints() {
                    let probe = probe(&method, &url, &started.ports);
                    facts.endpoints.insert((run.clone(), method, url), probe);
                }
                self.stop(started)?;
            }
            Collect::Load => {
                // Rounds against the starter measure the attendee's server too:
                // when they will be made, they give this round as well.
                if self.pairs_planned()
                    && self
                        .starter
                        .get(self.scope, &invocation.describe())?
                        .is_some()
                {
                    return Ok(());
                }
                let mine = self.mine.clone();
                let mut started = self.start(&mine, Side::Mine, &label)?;
                let round = self.load_round(&mut started, self.length(), None)?.0;
                self.stop(started)?;
                self.keep_summary(&label, &round);
                facts.loads.insert(run, round);
            }
            Collect::LoadPairs => {
                if let Some(pairs) = self.load_pairs(invocation)? {
                    if let Some((first, later)) = pairs.mine.split_first() {
                        let mut all = first.clone();
                        for round in later {
                            all.append(round);
                        }
                        facts.loads.entry(run.clone()).or_insert(all);
                    }
                    facts.load_pairs.insert(run, pairs);
                }
            }
            Collect::Profile(kind) => {
                let path = self.scope.run_dir.join(format!("{label}.pprof"));
                let mine = self.mine.clone();
                let measured = self.profile(
                    &mine,
                    Side::Mine,
                    &label,
                    kind,
                    &path,
                    invocation.min_samples,
                )?;
                self.artifacts.insert(format!("profile-{label}"), path);
                facts.profiles.insert((run, kind), measured);
            }
            Collect::ProfilePairs(kind) => {
                if let Some(pairs) = self.profile_pairs(invocation, kind)? {
                    facts.profile_pairs.insert((run, kind), pairs);
                }
            }
            Collect::Trace => {
                let path = self.scope.run_dir.join(format!("{label}.trace"));
                let mine = self.mine.clone();
                let mut started = self.start(&mine, Side::Mine, &label)?;
                let (_, ops) = self.fetch_under_load(&mut started, Fetched::Trace, &path, 1)?;
                self.stop(started)?;
                let read = read_trace(&path, &run)?;
                self.artifacts.insert(format!("trace-{run}"), path);
                facts
                    .traces
                    .insert(run, read.map(|trace| MeasuredTrace { facts: trace, ops }));
            }
            Collect::Benchmarks | Collect::Snapshot | Collect::Baseline => {}
        }
        Ok(())
    }

    /// Whether a goal needs rounds of this run against the starter.
    fn pairs_planned(&self) -> bool {
        self.scope.exercise.goals.iter().any(|g| {
            g.requirements()
                .iter()
                .any(|r| matches!(r, Requirement::LoadPairs { run } if *run == self.spec.name))
        })
    }

    /// The endpoints the goals ask about, as (method, URL as written).
    fn endpoints(&self) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = Vec::new();
        for goal in &self.scope.exercise.goals {
            for requirement in goal.requirements() {
                if let Requirement::Endpoint { run, method, url } = requirement
                    && run == self.spec.name
                    && !found.iter().any(|(m, u)| *m == method && *u == url)
                {
                    found.push((method, url));
                }
            }
        }
        found
    }

    /// Every port placeholder the run's server, load and goals use.
    fn port_names(&self) -> Vec<String> {
        let serve = self.serve;
        let mut texts: Vec<&str> = serve.args.iter().map(String::as_str).collect();
        texts.push(&serve.ready.url);
        texts.push(&serve.collect.pprof);
        if let Some(load) = &serve.load {
            texts.push(&load.target);
            texts.extend(load.requests.iter().map(|r| r.path.as_str()));
        }
        let endpoints = self.endpoints();
        texts.extend(endpoints.iter().map(|(_, url)| url.as_str()));
        let mut names: Vec<String> = Vec::new();
        for text in texts {
            for name in placeholders(text).unwrap_or_default() {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    fn load_spec(&self) -> Result<&LoadSpec> {
        self.serve.load.as_ref().ok_or_else(|| {
            Stop::Error(CheckError::Io {
                path: self.scope.exercise.check_file.clone(),
                source: std::io::Error::other(tr!("run-no-load", run = &self.spec.name)),
            })
        })
    }

    fn length(&self) -> Length {
        match self.serve.load.as_ref().map(|l| l.length) {
            Some(LoadLength::Count(n)) => Length::Count(n),
            Some(LoadLength::For(d)) => Length::For(d),
            None => Length::For(Duration::from_secs(1)),
        }
    }

    /// Starts `build`'s server on fresh ports and waits until it answers its
    /// readiness probe. A port taken between choosing and binding is chosen
    /// again; a server that exits or never answers fails the check.
    fn start(&mut self, build: &ServerBuild, side: Side, label: &str) -> Result<Started> {
        let names = self.port_names();
        let whose = side.server();
        let log = self.scope.run_dir.join(format!("{label}-server.log"));
        for attempt in 1..=PORT_ATTEMPTS {
            let ports = choose_ports(&names).map_err(|source| CheckError::Io {
                path: PathBuf::from("127.0.0.1:0"),
                source,
            })?;
            let spawn = ServerSpawn {
                program: build.binary.clone(),
                args: self.serve.args.iter().map(|a| fill(a, &ports)).collect(),
                dir: build.dir.clone(),
                env: self.spec.env.clone(),
                log: log.clone(),
            };
            let server = Server::start(&spawn)?;
            self.artifacts
                .insert(format!("server-log-{label}"), log.clone());
            let mut started = Started {
                server,
                ports,
                log: log.clone(),
                side,
            };
            match self.wait_ready(&mut started) {
                Ok(()) => return Ok(started),
                Err(NotReady::Interrupted) => {
                    started.server.kill();
                    return Err(GoError::Interrupted.into());
                }
                Err(NotReady::Exited(_))
                    if attempt < PORT_ATTEMPTS && started.server.said("address already in use") =>
                {
                    self.notes
                        .push(tr!("run-server-port-taken", server = &whose));
                    started.server.kill();
                }
                Err(NotReady::Exited(exit)) => {
                    let output = shown_output(&started.server);
                    return Err(self.server_failed(
                        tr!(
                            "run-server-exited-early",
                            server = &whose,
                            exit = exit.to_string()
                        ),
                        output,
                        &log,
                    ));
                }
                Err(NotReady::Deadline(last)) => {
                    let output = shown_output(&started.server);
                    started.server.kill();
                    let url = fill(&self.serve.ready.url, &started.ports);
                    return Err(self.server_failed(
                        tr!(
                            "run-server-not-ready",
                            server = &whose,
                            url = url,
                            within =
                                humantime::format_duration(self.serve.ready.within).to_string(),
                            last = last
                        ),
                        output,
                        &log,
                    ));
                }
            }
        }
        unreachable!("the last attempt returns")
    }

    fn wait_ready(&self, started: &mut Started) -> std::result::Result<(), NotReady> {
        let ready = &self.serve.ready;
        let url = fill(&ready.url, &started.ports);
        let deadline = Instant::now() + ready.within;
        let mut last = tr!("run-server-no-answer");
        loop {
            if interrupted() {
                return Err(NotReady::Interrupted);
            }
            if let Some(exit) = started.server.exited() {
                return Err(NotReady::Exited(exit));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(NotReady::Deadline(last));
            }
            let answer = Url::parse(&url).map_err(FetchError::from).and_then(|u| {
                crate::http::request(&u, "GET", left.min(Duration::from_secs(2)), Body::Discard)
            });
            match answer {
                Ok(answer) if ready.status.is_none_or(|s| s == answer.status) => return Ok(()),
                Ok(answer) => {
                    last = tr!("run-server-last-status", status = answer.status.to_string())
                }
                Err(e) => {
                    last = match e.http() {
                        Some(http) => http.kind_words(),
                        None => e.to_string(),
                    }
                }
            }
            std::thread::sleep(POLL);
        }
    }

    /// Stops a server; one that does not end on SIGTERM is killed, and the
    /// attendee told.
    fn stop(&mut self, started: Started) -> Result<()> {
        let grace = self.serve.stop_grace;
        let stopped = started.server.stop(grace);
        if stopped.killed {
            let note = tr!(
                "run-server-killed",
                server = started.side.server(),
                grace = humantime::format_duration(grace).to_string()
            );
            if !self.notes.contains(&note) {
                self.notes.push(note);
            }
        }
        Ok(())
    }

    fn server_failed(&self, message: String, output: String, log: &Path) -> Stop {
        Stop::failed(
            message,
            Failure::Server {
                step: self.spec.name.clone(),
                output,
                log: log.to_owned(),
            },
        )
    }

    /// The load's plan against a started server.
    fn plan<'r>(
        &self,
        started: &Started,
        requests: &'r [load::Request],
        length: Length,
    ) -> Result<load::Plan<'r>> {
        let load = self.load_spec()?;
        let target = fill(&load.target, &started.ports);
        let url = Url::parse(&target).map_err(|e| self.bad_url(&target, e.to_string()))?;
        let address = url
            .address()
            .map_err(|e| self.bad_url(&target, e.to_string()))?;
        Ok(load::Plan {
            address,
            requests,
            connections: load.connections,
            pace: match load.rate {
                Some(rate) => Pace::Open { rate },
                None => Pace::Closed,
            },
            warmup: load.warmup,
            length,
            timeout: load.request_timeout,
        })
    }

    fn bad_url(&self, url: &str, why: String) -> Stop {
        Stop::Error(CheckError::Io {
            path: self.scope.exercise.check_file.clone(),
            source: std::io::Error::other(tr!("run-cannot-load", url = url, why = why)),
        })
    }

    /// The load's requests with their ports filled in, ready to send.
    fn requests(&self, started: &Started) -> Result<Vec<load::Request>> {
        let load = self.load_spec()?;
        let target = fill(&load.target, &started.ports);
        let url = Url::parse(&target).map_err(|e| self.bad_url(&target, e.to_string()))?;
        let host = url.authority();
        Ok(load
            .requests
            .iter()
            .map(|r| load::Request {
                prepared: Prepared::new(
                    &r.method,
                    &fill(&r.path, &started.ports),
                    &host,
                    &r.headers,
                    r.body.as_bytes(),
                ),
                weight: r.weight,
                expect: r.status,
            })
            .collect())
    }

    /// One round of load on a started server, watching the server while it
    /// runs; with `fetch`, the artifact is fetched from pprof once the warm-up
    /// is over, and the load runs until it has come. Returns the round and
    /// the fetch's result with the requests answered while it ran.
    fn load_round(
        &mut self,
        started: &mut Started,
        length: Length,
        fetch: Option<(Url, Duration)>,
    ) -> Result<(LoadRound, Option<Fetch>)> {
        self.load_round_with(started, length, fetch, 1)
    }

    /// [`Self::load_round`] with the warm-up divided by `shorter`.
    fn load_round_with(
        &mut self,
        started: &mut Started,
        length: Length,
        fetch: Option<(Url, Duration)>,
        shorter: u32,
    ) -> Result<(LoadRound, Option<Fetch>)> {
        let requests = self.requests(started)?;
        let length = if fetch.is_some() {
            Length::UntilStopped
        } else {
            length
        };
        let mut plan = self.plan(started, &requests, length)?;
        plan.warmup /= shorter.max(1);
        let control = Control::default();
        let deadline = Instant::now() + self.spec.timeout;
        let warmup = plan.warmup;
        enum Ended {
            Done,
            Exited(Exit),
            Interrupted,
            Deadline,
        }
        let server = &mut started.server;
        let (round, fetched, ended) = std::thread::scope(|scope| {
            let load = scope.spawn(|| load::run(&plan, &control));
            let fetcher = fetch.map(|(url, timeout)| {
                let control = &control;
                scope.spawn(move || {
                    std::thread::sleep(warmup);
                    let before = control.completed();
                    let answer = crate::http::fetch(&url, timeout, MAX_ARTIFACT);
                    (answer, control.completed() - before)
                })
            });
            let ended = loop {
                if interrupted() {
                    break Ended::Interrupted;
                }
                if let Some(exit) = server.exited() {
                    break Ended::Exited(exit);
                }
                if Instant::now() >= deadline {
                    break Ended::Deadline;
                }
                match &fetcher {
                    Some(f) if f.is_finished() => break Ended::Done,
                    None if load.is_finished() => break Ended::Done,
                    _ => {}
                }
                std::thread::sleep(POLL);
            };
            control.stop();
            if !matches!(ended, Ended::Done) {
                // Whatever waits on the server (a fetch, requests in flight)
                // returns once it is gone.
                server.kill_now();
            }
            let fetched = fetcher.and_then(|f| f.join().ok());
            let round = load.join().ok();
            (round, fetched, ended)
        });
        let server = started.side.server();
        match ended {
            Ended::Done => {}
            Ended::Interrupted => return Err(GoError::Interrupted.into()),
            Ended::Exited(exit) => {
                let output = shown_output(&started.server);
                return Err(self.server_failed(
                    tr!(
                        "run-server-exited-under-load",
                        server = &server,
                        exit = exit.to_string()
                    ),
                    output,
                    &started.log,
                ));
            }
            Ended::Deadline => {
                let output = shown_output(&started.server);
                return Err(self.server_failed(
                    tr!(
                        "run-load-did-not-end",
                        server = &server,
                        timeout = humantime::format_duration(self.spec.timeout).to_string()
                    ),
                    output,
                    &started.log,
                ));
            }
        }
        let round = round.unwrap_or_else(|| LoadRound::new(plan.pace, plan.connections));
        Ok((round, fetched))
    }

    /// Fetches a profile or trace during a round of load and writes it to
    /// `path`; returns the requests answered while it was taken.
    fn fetch_under_load(
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
            + self.load_spec()?.request_timeout
            + Duration::from_secs(10);
        let _ = std::fs::remove_file(path);
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
        std::fs::write(path, &answer.body).map_err(|source| CheckError::Io {
            path: path.to_owned(),
            source,
        })?;
        Ok((round, ops))
    }

    /// A profile of `build`'s server under load; a CPU profile too thin for
    /// the goals on it, or one during which the server answered no request
    /// (so that nothing can be said per request: a slow server on a busy
    /// machine), is taken again over a longer time. The attendee's server may
    /// serve a damaged profile (`Ok(Err)`): the goals on it fail.
    fn profile(
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

    /// Rounds of load on the starter's server and the attendee's, both started
    /// once and loaded in turn; `None` without a pristine starter.
    fn load_pairs(&mut self, invocation: &Invocation<'_>) -> Result<Option<LoadPairs>> {
        let what = invocation.describe();
        let Some(starter_build) = self.starter_server(&what)? else {
            return Ok(None);
        };
        let label = invocation.label();
        let rounds = self.load_spec()?.rounds;
        let mine_build = self.mine.clone();
        let mut starter = self.start(&starter_build, Side::Starter, &format!("{label}-starter"))?;
        let mut mine = match self.start(&mine_build, Side::Mine, &format!("{label}-yours")) {
            Ok(mine) => mine,
            Err(stop) => {
                starter.server.kill();
                return Err(stop);
            }
        };
        let mut pairs = LoadPairs::default();
        let length = self.length();
        for i in 0..rounds {
            for (n, side) in [Side::Starter, Side::Mine].into_iter().enumerate() {
                let started = match side {
                    Side::Starter => &mut starter,
                    Side::Mine => &mut mine,
                };
                // A server warmed up in its first round needs only its new
                // connections warmed in the next ones.
                let warmup = if i == 0 { 1 } else { 4 };
                let round = self.load_round_with(started, length, None, warmup)?.0;
                match side {
                    Side::Starter => pairs.starter.push(round),
                    Side::Mine => pairs.mine.push(round),
                }
                self.scope.progress(&what, i * 2 + n as u32 + 1, rounds * 2);
            }
        }
        self.stop(starter)?;
        self.stop(mine)?;
        if let Some(last) = pairs.mine.last() {
            self.keep_summary(&format!("{label}-yours"), last);
        }
        if let Some(last) = pairs.starter.last() {
            self.keep_summary(&format!("{label}-starter"), last);
        }
        Ok(Some(pairs))
    }

    /// A profile per round of the starter's server and the attendee's, in
    /// alternation; `None` without a pristine starter.
    fn profile_pairs(
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

    /// The starter's server, built in the starter's copy of the module.
    fn starter_server(&mut self, what: &str) -> Result<Option<ServerBuild>> {
        let Some(built) = self.starter.get(self.scope, what)? else {
            return Ok(None);
        };
        let (module, dir) = (built.module().to_owned(), built.dir().to_owned());
        let binary = dir.join(server_name(&self.serve.main));
        if binary.is_file() && !self.scope.tree.fresh {
            return Ok(Some(ServerBuild {
                binary,
                dir: module.join(&self.scope.exercise.package),
            }));
        }
        build_server(
            self.scope,
            &module,
            &self.serve.main,
            &binary,
            Side::Starter,
        )
        .map(Some)
    }

    /// Keeps a round's figures beside the other artifacts.
    fn keep_summary(&mut self, label: &str, round: &LoadRound) {
        let path = self.scope.run_dir.join(format!("{label}.txt"));
        let mut text = format!("{round}\n\nstatus  count\n");
        for (status, n) in &round.statuses {
            text.push_str(&format!("{status}     {n}\n"));
        }
        for (error, n) in &round.errors {
            text.push_str(&format!("{error}  {n}\n"));
        }
        if std::fs::write(&path, text).is_ok() {
            self.artifacts.insert(label.to_owned(), path);
        }
    }
}

/// The file name of a server's binary, from its main package.
pub(super) fn server_name(main: &Path) -> String {
    let stem: String = main
        .to_string_lossy()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("server-{}", stem.trim_matches('-'))
}

/// What a fetch during a round gave, and the requests answered while it ran.
type Fetch = (std::result::Result<crate::http::Answer, FetchError>, u64);

/// Why a server did not become ready.
enum NotReady {
    Exited(Exit),
    Deadline(String),
    Interrupted,
}

/// What is fetched from pprof.
#[derive(Debug, Clone, Copy)]
enum Fetched {
    Profile(ProfileKind),
    Trace,
}

impl Fetched {
    /// The endpoint under pprof's root, for a window of `seconds`.
    fn path(self, seconds: u32) -> String {
        match self {
            Fetched::Profile(ProfileKind::Cpu) => format!("/profile?seconds={seconds}"),
            Fetched::Profile(ProfileKind::Memory) => format!("/allocs?seconds={seconds}"),
            Fetched::Profile(ProfileKind::Block) => format!("/block?seconds={seconds}"),
            Fetched::Profile(ProfileKind::Mutex) => format!("/mutex?seconds={seconds}"),
            // A snapshot of the goroutines at work, not a change in their number.
            Fetched::Profile(ProfileKind::Goroutine) => "/goroutine".to_owned(),
            Fetched::Trace => format!("/trace?seconds={seconds}"),
        }
    }

    fn name(self) -> String {
        match self {
            Fetched::Profile(kind) => tr!("run-fetched-profile", kind = kind.name()),
            Fetched::Trace => tr!("run-fetched-trace"),
        }
    }
}

/// Free loopback ports, one per name, all different.
fn choose_ports(names: &[String]) -> std::io::Result<BTreeMap<String, u16>> {
    let mut listeners = Vec::new();
    let mut ports = BTreeMap::new();
    for name in names {
        // Held open until every port is chosen, so that no two are the same.
        let listener = TcpListener::bind("127.0.0.1:0")?;
        ports.insert(name.clone(), listener.local_addr()?.port());
        listeners.push(listener);
    }
    Ok(ports)
}

/// Asks a server for one URL of an endpoint goal.
fn probe(method: &str, url: &str, ports: &BTreeMap<String, u16>) -> Probe {
    let filled = fill(url, ports);
    let answer = Url::parse(&filled).map_err(FetchError::from).and_then(|u| {
        crate::http::request(&u, method, Duration::from_secs(5), Body::Keep(MAX_PROBE))
    });
    Probe {
        url: filled,
        answer: match answer {
            Ok(answer) => Ok(Probed {
                status: answer.status,
                bytes: answer.body_len,
                body: String::from_utf8_lossy(&answer.body[..answer.body.len().min(4096)])
                    .into_owned(),
            }),
            Err(e) => Err(match e.http() {
                Some(http) => http.kind_words(),
                None => e.to_string(),
            }),
        },
    }
}

/// What of a failed server's output is worth showing: from its panic or
/// fatal error on, else its last lines.
fn shown_output(server: &Server) -> String {
    let text = server.last_lines(400);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .rposition(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))
        .unwrap_or(lines.len().saturating_sub(OUTPUT_LINES));
    let shown = &lines[start..lines.len().min(start + OUTPUT_LINES)];
    if shown.is_empty() {
        tr!("run-server-printed-nothing")
    } else {
        shown.join("\n")
    }
}
