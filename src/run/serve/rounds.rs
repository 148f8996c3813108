//! Rounds of load on a started server: the plan and the requests with their
//! ports filled in, one round while the server is watched (and a profile or
//! trace fetched from it, when asked), and rounds on the starter's server
//! and the attendee's in turn.

use std::time::{Duration, Instant};

use super::{MAX_ARTIFACT, POLL, Result, Serving, Side, Started, shown_output};
use crate::exec::server::Exit;
use crate::exec::{GoError, interrupted};
use crate::goals::{LoadPairs, LoadRound};
use crate::http::load::{self, Control, Length, Pace};
use crate::http::url::fill;
use crate::http::{FetchError, Prepared, Url};
use crate::run::plan::Invocation;
use crate::tr;

/// What a fetch during a round gave, and the requests answered while it ran.
type Fetch = (std::result::Result<crate::http::Answer, FetchError>, u64);

impl Serving<'_, '_> {
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
    pub(super) fn load_round(
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
        let deadline = crate::http::after(Instant::now(), self.spec.timeout);
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

    /// Rounds of load on the starter's server and the attendee's, both started
    /// once and loaded in turn; `None` without a pristine starter.
    pub(super) fn load_pairs(&mut self, invocation: &Invocation<'_>) -> Result<Option<LoadPairs>> {
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
        let _turn = crate::run::side_by_side::turn();
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

    /// Keeps a round's figures beside the other artifacts.
    pub(super) fn keep_summary(&mut self, label: &str, round: &LoadRound) {
        let path = self.scope.run_dir.join(format!("{label}.txt"));
        let mut text = format!("{round}\n\nstatus  count\n");
        for (status, n) in &round.statuses {
            text.push_str(&format!("{status}     {n}\n"));
        }
        for (error, n) in &round.errors {
            text.push_str(&format!("{error}  {n}\n"));
        }
        if crate::workspace::write_atomic(&path, text.as_bytes(), None).is_ok() {
            self.artifacts.insert(label.to_owned(), path);
        }
    }
}
