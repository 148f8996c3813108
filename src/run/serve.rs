//! `serve` runs: the exercise's server built with `go build`, started on free
//! loopback ports, probed until it answers, loaded by the built-in load
//! generator, and profiled through its `net/http/pprof` endpoints. Every round
//! starts a server of its own, so that a profiler never distorts another
//! round; rounds against the starter alternate the two servers. The server is
//! stopped with SIGTERM and its group killed after a grace period; a server
//! that never answers, exits, or crashes fails the check with its last output.

mod profiled;
mod rounds;

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::plan::{Collect, Invocation};
use super::scope::{BUILD_TIMEOUT, Scope, read_trace};
use super::starter::StarterBuild;
use super::{CheckError, Failure, Stop};
use crate::exec::server::{Exit, Server, ServerSpawn};
use crate::exec::{Compiled, GoError, interrupted};
use crate::goals::{Facts, MeasuredTrace, Probe, Probed, Requirement};
use crate::http::load::Length;
use crate::http::url::{fill, placeholders};
use crate::http::{Body, FetchError, Url};
use crate::manifest::{LoadLength, LoadSpec, RunSpec, ServeSpec};
use crate::tr;
use profiled::Fetched;

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
    // The attendee's server is built with the workshop's protected files and
    // runs where the workshop's test data is; the starter's copy has both.
    let (flags, dir) = match side {
        Side::Mine => (scope.mine_flags(), scope.protection.workdir.clone()),
        Side::Starter => (
            scope.exercise.build.clone(),
            module_dir.join(&scope.exercise.package),
        ),
    };
    let compiled = scope
        .go
        .build_main(module_dir, main, &flags, binary, &log, BUILD_TIMEOUT)?;
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
        let deadline = crate::http::after(Instant::now(), ready.within);
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

    fn bad_url(&self, url: &str, why: String) -> Stop {
        Stop::Error(CheckError::Io {
            path: self.scope.exercise.check_file.clone(),
            source: std::io::Error::other(tr!("run-cannot-load", url = url, why = why)),
        })
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

/// Why a server did not become ready.
enum NotReady {
    Exited(Exit),
    Deadline(String),
    Interrupted,
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
