//! `serve` runs: the exercise's server, the load sent to it, and what is
//! fetched from its pprof endpoints, validated from their keys in a check
//! file. Arguments and URLs may hold port placeholders (`{port}`,
//! `{admin-port}`, see [`crate::http::url::placeholders`]).

use std::path::PathBuf;
use std::time::Duration;

use super::raw::{CollectFile, LoadFile, ReadyFile, RequestFile, ServeFile};
use crate::goals::ProfileKind;
use crate::http::url::{check_template, placeholders};
use crate::tr;
use crate::yaml::locate::{child, element};
use crate::yaml::{Diagnostic, Document};

/// How long a server has to answer its readiness probe, by default.
const DEFAULT_READY_WITHIN: Duration = Duration::from_secs(10);
/// How long a server has to end after SIGTERM, by default.
const DEFAULT_STOP_GRACE: Duration = Duration::from_secs(3);
/// Load defaults: a few connections per core of a laptop, a short warm-up,
/// rounds long enough for a p99 of thousands of requests.
const DEFAULT_CONNECTIONS: u32 = 8;
const DEFAULT_WARMUP: Duration = Duration::from_millis(500);
const DEFAULT_DURATION: Duration = Duration::from_secs(1);
const DEFAULT_ROUNDS: u32 = 5;
const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_SECONDS: u32 = 2;
/// Most connections a load may open: one thread each.
const MAX_CONNECTIONS: i64 = 1024;

/// The server of a `serve` run, its load, and what is fetched from it.
#[derive(Debug, Clone)]
pub struct ServeSpec {
    /// The main package, relative to the module.
    pub main: PathBuf,
    /// Its arguments, placeholders unfilled.
    pub args: Vec<String>,
    pub ready: ReadySpec,
    pub stop_grace: Duration,
    /// `None` when the run only starts the server (for endpoint goals).
    pub load: Option<LoadSpec>,
    pub collect: CollectSpec,
}

/// The probe that says a server has started.
#[derive(Debug, Clone)]
pub struct ReadySpec {
    pub url: String,
    /// The status it must answer with; any answer counts when `None`.
    pub status: Option<u16>,
    pub within: Duration,
}

/// The load sent to a server.
#[derive(Debug, Clone)]
pub struct LoadSpec {
    /// `http://host:port`, placeholders unfilled.
    pub target: String,
    pub requests: Vec<RequestSpec>,
    pub connections: u32,
    /// Requests per second for an open loop; a closed loop when `None`.
    pub rate: Option<f64>,
    pub warmup: Duration,
    pub length: LoadLength,
    /// Rounds per side for goals relative to the starter.
    pub rounds: u32,
    pub request_timeout: Duration,
}

/// How long one measured round lasts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LoadLength {
    For(Duration),
    Count(u64),
}

/// One request of a load's mix.
#[derive(Debug, Clone)]
pub struct RequestSpec {
    pub method: String,
    /// The path and query, placeholders unfilled.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub weight: u32,
    pub status: Option<u16>,
}

/// What is fetched from the server's `net/http/pprof` endpoints.
#[derive(Debug, Clone)]
pub struct CollectSpec {
    /// Where `net/http/pprof` is mounted, placeholders unfilled.
    pub pprof: String,
    /// How long a CPU profile, a delta profile or a trace covers.
    pub seconds: u32,
    /// Taken even when no goal reads them.
    pub profiles: Vec<Collectable>,
}

/// Something fetched from pprof.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Collectable {
    Profile(ProfileKind),
    Trace,
}

impl Collectable {
    fn parse(name: &str) -> Option<Collectable> {
        if name == "trace" {
            return Some(Collectable::Trace);
        }
        ProfileKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .map(Collectable::Profile)
    }
}

/// Reads `serve`, `load` and `collect` of the run at `path`.
pub(super) fn read(
    doc: &Document<'_>,
    path: &str,
    package: &std::path::Path,
    serve: ServeFile,
    load: Option<LoadFile>,
    collect: Option<CollectFile>,
    problems: &mut Vec<Diagnostic>,
) -> ServeSpec {
    let mut reader = Reader { doc, problems };
    let at = |key: &str| child(path, key);
    let main = match serve.main.as_deref() {
        None => package.to_owned(),
        Some(main) => match super::validate::safe_relative(main) {
            Ok(relative) => package.join(relative),
            Err(e) => {
                reader.problem(&at("serve.main"), e);
                package.to_owned()
            }
        },
    };
    for (i, arg) in serve.args.iter().enumerate() {
        reader.template(&element(&at("serve.args"), i), arg);
    }
    let ready = reader.ready(&at("serve.ready"), serve.ready);
    let stop_grace = reader
        .duration(&at("serve.stop-grace"), serve.stop_grace.as_deref())
        .unwrap_or(DEFAULT_STOP_GRACE);
    let load = load.map(|load| reader.load(&at("load"), load));
    let collect = reader.collect(&at("collect"), collect);
    ServeSpec {
        main,
        args: serve.args,
        ready,
        stop_grace,
        load,
        collect,
    }
}

struct Reader<'a, 'd> {
    doc: &'a Document<'d>,
    problems: &'a mut Vec<Diagnostic>,
}

impl Reader<'_, '_> {
    fn problem(&mut self, path: &str, message: String) {
        let problem = self.doc.at(path, message);
        self.problems.push(problem);
    }

    fn duration(&mut self, path: &str, text: Option<&str>) -> Option<Duration> {
        self.doc.duration(path, text, self.problems)
    }

    /// Text that may hold port placeholders.
    fn template(&mut self, path: &str, text: &str) {
        if let Err(e) = placeholders(text) {
            self.problem(path, e);
        }
    }

    /// A URL the runner requests, placeholders and all.
    fn url(&mut self, path: &str, text: &str) {
        if let Err(e) = check_template(text) {
            self.problem(path, e);
        }
    }

    fn status(&mut self, path: &str, status: Option<i64>) -> Option<u16> {
        match status {
            None => None,
            Some(s) if (100..=599).contains(&s) => Some(s as u16),
            Some(s) => {
                self.problem(path, tr!("manifest-bad-status", status = s.to_string()));
                None
            }
        }
    }

    /// A count of at least 1 (and at most `most`).
    fn count(&mut self, path: &str, value: Option<i64>, most: i64, default: u64) -> u64 {
        match value {
            None => default,
            Some(n) if (1..=most).contains(&n) => n as u64,
            Some(n) => {
                self.problem(
                    path,
                    tr!(
                        "manifest-bad-whole",
                        most = most.to_string(),
                        value = n.to_string()
                    ),
                );
                default
            }
        }
    }

    fn ready(&mut self, path: &str, ready: Option<ReadyFile>) -> ReadySpec {
        let ready = ready.unwrap_or(ReadyFile {
            url: None,
            status: None,
            within: None,
        });
        let url = ready
            .url
            .unwrap_or_else(|| "http://127.0.0.1:{port}/".to_owned());
        self.url(&child(path, "url"), &url);
        ReadySpec {
            url,
            status: self.status(&child(path, "status"), ready.status),
            within: self
                .duration(&child(path, "within"), ready.within.as_deref())
                .unwrap_or(DEFAULT_READY_WITHIN),
        }
    }

    fn load(&mut self, path: &str, load: LoadFile) -> LoadSpec {
        let at = |key: &str| child(path, key);
        let target = load
            .target
            .unwrap_or_else(|| "http://127.0.0.1:{port}".to_owned());
        self.url(&at("target"), &target);
        if load.requests.is_empty() {
            self.problem(&at("requests"), tr!("manifest-load-no-requests"));
        }
        let requests = load
            .requests
            .into_iter()
            .enumerate()
            .map(|(i, r)| self.request(&element(&at("requests"), i), r))
            .collect();
        let connections = self.count(
            &at("connections"),
            load.connections,
            MAX_CONNECTIONS,
            DEFAULT_CONNECTIONS.into(),
        );
        let rate = match load.rate {
            Some(rate) if !(rate.is_finite() && rate > 0.0) => {
                self.problem(
                    &at("rate"),
                    tr!("manifest-bad-rate", rate = rate.to_string()),
                );
                None
            }
            rate => rate,
        };
        let duration = self.duration(&at("duration"), load.duration.as_deref());
        let length = match (duration, load.count) {
            (Some(_), Some(_)) => {
                self.problem(&at("count"), tr!("manifest-duration-and-count"));
                LoadLength::For(DEFAULT_DURATION)
            }
            (None, Some(_)) => LoadLength::Count(self.count(&at("count"), load.count, i64::MAX, 1)),
            (Some(d), None) => LoadLength::For(d),
            (None, None) => LoadLength::For(DEFAULT_DURATION),
        };
        let warmup = match load.warmup.as_deref() {
            // No warm-up at all is allowed, and written `0s`.
            Some("0" | "0s") => Duration::ZERO,
            text => self.duration(&at("warmup"), text).unwrap_or(DEFAULT_WARMUP),
        };
        LoadSpec {
            target,
            requests,
            connections: connections as u32,
            rate,
            warmup,
            length,
            rounds: self.count(&at("rounds"), load.rounds, 100, DEFAULT_ROUNDS.into()) as u32,
            request_timeout: self
                .duration(&at("request-timeout"), load.request_timeout.as_deref())
                .unwrap_or(DEFAULT_REQUEST_TIMEOUT),
        }
    }

    fn request(&mut self, path: &str, request: RequestFile) -> RequestSpec {
        let at = |key: &str| child(path, key);
        let method = request.method.unwrap_or_else(|| "GET".to_owned());
        if method.is_empty() || !method.chars().all(|c| c.is_ascii_uppercase()) {
            self.problem(&at("method"), tr!("manifest-bad-method", method = &method));
        }
        if !request.path.starts_with('/') || request.path.contains(char::is_whitespace) {
            self.problem(
                &at("path"),
                tr!("manifest-bad-request-path", path = &request.path),
            );
        }
        self.template(&at("path"), &request.path);
        let mut headers = Vec::new();
        for (name, value) in request.headers {
            let token = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c));
            if !token {
                self.problem(
                    &child(&at("headers"), &name),
                    tr!("manifest-bad-header", name = &name),
                );
            } else if value.contains(['\r', '\n']) {
                self.problem(
                    &child(&at("headers"), &name),
                    tr!("manifest-header-one-line"),
                );
            }
            headers.push((name, value));
        }
        RequestSpec {
            method,
            path: request.path,
            headers,
            body: request.body.unwrap_or_default(),
            weight: self.count(&at("weight"), request.weight, 1000, 1) as u32,
            status: self.status(&at("status"), request.status),
        }
    }

    fn collect(&mut self, path: &str, collect: Option<CollectFile>) -> CollectSpec {
        let collect = collect.unwrap_or(CollectFile {
            pprof: None,
            seconds: None,
            profiles: Vec::new(),
        });
        let pprof = collect
            .pprof
            .unwrap_or_else(|| "http://127.0.0.1:{port}/debug/pprof".to_owned());
        self.url(&child(path, "pprof"), &pprof);
        let seconds = self.count(
            &child(path, "seconds"),
            collect.seconds,
            600,
            DEFAULT_SECONDS.into(),
        ) as u32;
        let mut profiles = Vec::new();
        for (i, name) in collect.profiles.iter().enumerate() {
            match Collectable::parse(name) {
                Some(c) => profiles.push(c),
                None => self.problem(
                    &element(&child(path, "profiles"), i),
                    tr!("manifest-not-collectable", name = name),
                ),
            }
        }
        CollectSpec {
            pprof: pprof.trim_end_matches('/').to_owned(),
            seconds,
            profiles,
        }
    }
}
