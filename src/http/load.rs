//! The load generator: a fixed number of kept-alive connections, one thread
//! each, sending a weighted mix of requests either in a closed loop (each
//! connection sends its next request when the last one is answered) or in an
//! open loop at a fixed rate. In the open loop every request has the time it
//! was due, and its latency counts from then, not from when it could be sent:
//! a server that stalls is charged for the requests that queued behind the
//! stall (the correction for coordinated omission that wrk2 makes). A warm-up
//! comes first and is not measured. Every latency goes into an HDR histogram.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;

use super::client::{Body, Connection, Prepared};
use super::error::HttpError;
use crate::tr;

/// The largest latency the histogram tells apart (an hour, in nanoseconds);
/// longer ones are recorded as this.
const LONGEST: u64 = 3_600_000_000_000;
/// How long a connection waits after failing to connect before it tries again.
const RECONNECT_PAUSE: Duration = Duration::from_millis(5);

/// One kind of request in the mix.
#[derive(Debug, Clone)]
pub struct Request {
    pub prepared: Prepared,
    /// How often it comes, relative to the others.
    pub weight: u32,
    /// The status it must answer with; any 2xx or 3xx when `None`.
    pub expect: Option<u16>,
}

impl Request {
    fn expected(&self, status: u16) -> bool {
        match self.expect {
            Some(expect) => status == expect,
            None => (200..400).contains(&status),
        }
    }
}

/// How requests are paced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pace {
    /// Each connection sends again as soon as it is answered.
    Closed,
    /// Requests are due at a fixed rate (per second, over all connections).
    Open { rate: f64 },
}

/// How long the measured part lasts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    For(Duration),
    /// This many measured requests, over all connections.
    Count(u64),
    /// Until [`Control::stop`].
    UntilStopped,
}

/// One round of load.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub address: SocketAddr,
    pub requests: &'a [Request],
    pub connections: u32,
    pub pace: Pace,
    pub warmup: Duration,
    pub length: Length,
    /// How long one request may take.
    pub timeout: Duration,
}

/// Shared with a running round: ask it to stop, see how far it is.
#[derive(Debug, Default)]
pub struct Control {
    stop: AtomicBool,
    completed: AtomicU64,
}

impl Control {
    /// Ends the round: requests in flight finish, no new ones are sent.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Measured requests answered (or failed) so far.
    pub fn completed(&self) -> u64 {
        self.completed.load(Ordering::Relaxed)
    }
}

/// What one round measured.
#[derive(Debug, Clone)]
pub struct Round {
    /// Every measured request's latency in nanoseconds, failures included.
    pub latency: Histogram<u64>,
    /// Answers by status code.
    pub statuses: BTreeMap<u16, u64>,
    /// Requests that got no answer, by why.
    pub errors: BTreeMap<&'static str, u64>,
    /// Answers whose status was not the one expected.
    pub unexpected: u64,
    /// From the end of the warm-up to the last measured answer.
    pub elapsed: Duration,
    /// Body bytes received in the measured part.
    pub bytes: u64,
    pub pace: Pace,
    pub connections: u32,
}

impl Round {
    /// A round with nothing measured yet.
    pub fn new(pace: Pace, connections: u32) -> Round {
        Round {
            latency: Histogram::new_with_bounds(1, LONGEST, 3)
                .expect("constant histogram bounds are valid"),
            statuses: BTreeMap::new(),
            errors: BTreeMap::new(),
            unexpected: 0,
            elapsed: Duration::ZERO,
            bytes: 0,
            pace,
            connections,
        }
    }

    /// Records one answered request.
    pub fn answered(&mut self, latency: Duration, status: u16, expected: bool, bytes: u64) {
        self.record(latency);
        *self.statuses.entry(status).or_default() += 1;
        self.bytes += bytes;
        if !expected {
            self.unexpected += 1;
        }
    }

    /// Records one request that got no answer.
    pub fn unanswered(&mut self, latency: Duration, error: &'static str) {
        self.record(latency);
        *self.errors.entry(error).or_default() += 1;
    }

    fn record(&mut self, latency: Duration) {
        let ns = latency.as_nanos().min(u128::from(LONGEST)) as u64;
        // Within the histogram's bounds, recording cannot fail.
        let _ = self.latency.record(ns.max(1));
    }

    /// Adds a round made after this one, as if the two were one.
    pub fn append(&mut self, later: &Round) {
        let elapsed = self.elapsed + later.elapsed;
        self.merge(later);
        self.elapsed = elapsed;
    }

    fn merge(&mut self, other: &Round) {
        // Both histograms have the same bounds: adding cannot fail.
        let _ = self.latency.add(&other.latency);
        for (status, n) in &other.statuses {
            *self.statuses.entry(*status).or_default() += n;
        }
        for (error, n) in &other.errors {
            *self.errors.entry(error).or_default() += n;
        }
        self.unexpected += other.unexpected;
        self.bytes += other.bytes;
        self.elapsed = self.elapsed.max(other.elapsed);
    }

    /// Measured requests, answered or not.
    pub fn requests(&self) -> u64 {
        self.latency.len()
    }

    /// Requests without an answer or with an unexpected status.
    pub fn failed(&self) -> u64 {
        self.errors.values().sum::<u64>() + self.unexpected
    }

    /// The failed requests, as a percentage of all.
    pub fn error_share(&self) -> f64 {
        match self.requests() {
            0 => 0.0,
            n => self.failed() as f64 * 100.0 / n as f64,
        }
    }

    /// Requests answered as expected, per second.
    pub fn throughput(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds <= 0.0 {
            return 0.0;
        }
        (self.requests() - self.failed()) as f64 / seconds
    }

    /// The latency (ns) at a percentile, or the longest when `None`.
    pub fn latency_at(&self, percentile: Option<f64>) -> Option<u64> {
        if self.latency.is_empty() {
            return None;
        }
        Some(match percentile {
            Some(p) => self.latency.value_at_quantile(p / 100.0),
            None => self.latency.max(),
        })
    }

    /// What failed, in words: `503 ×12, connection reset ×3`.
    pub fn failures(&self) -> String {
        let mut parts: Vec<String> = self
            .statuses
            .iter()
            .filter(|(status, _)| !(200..400).contains(*status))
            .map(|(status, n)| format!("{status} ×{n}"))
            .collect();
        parts.extend(
            self.errors
                .iter()
                .map(|(e, n)| format!("{} ×{n}", super::error::kind_words(e))),
        );
        if parts.is_empty() && self.unexpected > 0 {
            parts.push(tr!(
                "http-unexpected-status",
                count = self.unexpected.to_string()
            ));
        }
        crate::i18n::list(&parts)
    }
}

impl fmt::Display for Round {
    /// `2,000 requests in 1.0s (1,998/s): p50 1.2ms, p90 3.4ms, p99 8ms, max 12ms`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::units::{nanos, number};
        let requests = number(self.requests() as f64);
        let elapsed = nanos(self.elapsed.as_nanos() as i64);
        let answered = number(self.throughput().round());
        let connections = self.connections.to_string();
        let round = match self.pace {
            Pace::Closed => tr!(
                "http-round-closed",
                requests = requests,
                elapsed = elapsed,
                answered = answered,
                connections = connections
            ),
            Pace::Open { rate } => tr!(
                "http-round-open",
                requests = requests,
                elapsed = elapsed,
                answered = answered,
                rate = number(rate),
                connections = connections
            ),
        };
        f.write_str(&round)?;
        if !self.latency.is_empty() {
            let at = |p| nanos(self.latency_at(p).unwrap_or(0) as i64);
            f.write_str(&tr!(
                "http-round-latency",
                p50 = at(Some(50.0)),
                p90 = at(Some(90.0)),
                p99 = at(Some(99.0)),
                max = at(None)
            ))?;
        }
        if self.failed() > 0 {
            f.write_str(&tr!("http-round-failed", failures = self.failures()))?;
        }
        Ok(())
    }
}

/// The order in which a mix's requests are sent: each as often as its weight
/// says, spread out (smooth weighted round robin), the same in every run.
fn order(requests: &[Request]) -> Vec<usize> {
    let weights: Vec<i64> = requests
        .iter()
        .map(|r| i64::from(r.weight.max(1)))
        .collect();
    let total: i64 = weights.iter().sum();
    let mut current = vec![0i64; weights.len()];
    (0..total)
        .map(|_| {
            for (c, w) in current.iter_mut().zip(&weights) {
                *c += w;
            }
            let (best, _) = current
                .iter()
                .enumerate()
                .max_by_key(|(i, c)| (**c, -(*i as i64)))
                .expect("a mix has at least one request");
            current[best] -= total;
            best
        })
        .collect()
}

/// Runs one round and returns what it measured. Requests in flight when the
/// round ends are waited for (up to their timeout); none is abandoned.
pub fn run(plan: &Plan<'_>, control: &Control) -> Round {
    let order = order(plan.requests);
    let issued = AtomicU64::new(0);
    let connections = plan.connections.max(1);
    let started = Instant::now();
    let rounds: Vec<Round> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..connections)
            .map(|i| {
                let worker = Worker {
                    plan,
                    control,
                    order: &order,
                    issued: &issued,
                    index: i,
                    connections,
                    started,
                };
                std::thread::Builder::new()
                    .name(format!("load-{i}"))
                    .stack_size(256 * 1024)
                    .spawn_scoped(scope, move || worker.run())
            })
            .collect();
        workers
            .into_iter()
            .filter_map(|w| w.ok()?.join().ok())
            .collect()
    });
    let mut total = Round::new(plan.pace, connections);
    for round in &rounds {
        total.merge(round);
    }
    total
}

/// One connection's share of a round.
struct Worker<'a> {
    plan: &'a Plan<'a>,
    control: &'a Control,
    order: &'a [usize],
    /// Measured requests claimed so far, for rounds of a count.
    issued: &'a AtomicU64,
    index: u32,
    connections: u32,
    started: Instant,
}

impl Worker<'_> {
    fn run(self) -> Round {
        let plan = self.plan;
        let mut round = Round::new(plan.pace, self.connections);
        let measure_from = super::after(self.started, plan.warmup);
        let measure_until = match plan.length {
            Length::For(d) => Some(super::after(measure_from, d)),
            _ => None,
        };
        let mut connection: Option<Connection> = None;
        let mut next = (self.index as usize * self.order.len()) / self.connections as usize;
        let mut k: u64 = 0;
        let mut measured_any = false;
        loop {
            if self.control.stopped() {
                break;
            }
            // When this request is due.
            let due = match plan.pace {
                Pace::Closed => Instant::now(),
                Pace::Open { rate } => {
                    let slot = k * u64::from(self.connections) + u64::from(self.index);
                    match Duration::try_from_secs_f64(slot as f64 / rate) {
                        Ok(wait) => super::after(self.started, wait),
                        // At a rate so slow that this request is due past
                        // any time a Duration holds: it is never due.
                        Err(_) => break,
                    }
                }
            };
            k += 1;
            // A closed loop on a server slower than the round still measures
            // one request per connection: a round of nothing judges nothing.
            let owed = plan.pace == Pace::Closed && !measured_any;
            if measure_until.is_some_and(|end| due >= end) && !owed {
                break;
            }
            let measured = due >= measure_from;
            measured_any |= measured;
            if measured
                && let Length::Count(n) = plan.length
                && self.issued.fetch_add(1, Ordering::Relaxed) >= n
            {
                break;
            }
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            let request = &plan.requests[self.order[next % self.order.len()]];
            next += 1;
            let deadline = super::after(Instant::now(), plan.timeout);
            let result = match connection.as_mut() {
                Some(open) => open.exchange(&request.prepared, Body::Discard, deadline),
                None => match Connection::open(plan.address, plan.timeout) {
                    Ok(open) => {
                        connection
                            .insert(open)
                            .exchange(&request.prepared, Body::Discard, deadline)
                    }
                    Err(e) => Err(e),
                },
            };
            let done = Instant::now();
            let keep = matches!(&result, Ok(answer) if !answer.close);
            if !keep {
                connection = None;
            }
            if !measured {
                if matches!(result, Err(HttpError::Refused)) {
                    std::thread::sleep(RECONNECT_PAUSE);
                }
                continue;
            }
            let latency = done.saturating_duration_since(due);
            round.elapsed = round
                .elapsed
                .max(done.saturating_duration_since(measure_from));
            self.control.completed.fetch_add(1, Ordering::Relaxed);
            match result {
                Ok(answer) => round.answered(
                    latency,
                    answer.status,
                    request.expected(answer.status),
                    answer.body_len,
                ),
                Err(error) => {
                    round.unanswered(latency, error.kind());
                    if matches!(error, HttpError::Refused) {
                        std::thread::sleep(RECONNECT_PAUSE);
                    }
                }
            }
        }
        round
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// A server answering every request on every connection with `status`
    /// after `delay`.
    fn server(status: u16, delay: Duration) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                std::thread::spawn(move || {
                    let mut buffer = [0u8; 4096];
                    let mut seen = Vec::new();
                    loop {
                        let Ok(n) = stream.read(&mut buffer) else {
                            return;
                        };
                        if n == 0 {
                            return;
                        }
                        seen.extend_from_slice(&buffer[..n]);
                        while let Some(end) = seen.windows(4).position(|w| w == b"\r\n\r\n") {
                            seen.drain(..end + 4);
                            std::thread::sleep(delay);
                            let answer =
                                format!("HTTP/1.1 {status} X\r\nContent-Length: 2\r\n\r\nok");
                            if stream.write_all(answer.as_bytes()).is_err() {
                                return;
                            }
                        }
                    }
                });
            }
        });
        address
    }

    fn mix() -> Vec<Request> {
        ["/a", "/b"]
            .iter()
            .zip([3, 1])
            .map(|(path, weight)| Request {
                prepared: Prepared::new("GET", path, "test", &[], b""),
                weight,
                expect: None,
            })
            .collect()
    }

    fn plan<'a>(
        address: SocketAddr,
        requests: &'a [Request],
        pace: Pace,
        length: Length,
    ) -> Plan<'a> {
        Plan {
            address,
            requests,
            connections: 4,
            pace,
            warmup: Duration::from_millis(50),
            length,
            timeout: Duration::from_secs(5),
        }
    }

    #[test]
    fn weights_spread_the_mix() {
        assert_eq!(order(&mix()), vec![0, 0, 1, 0]);
    }

    #[test]
    fn a_closed_loop_of_a_count() {
        let address = server(200, Duration::ZERO);
        let requests = mix();
        let round = run(
            &plan(address, &requests, Pace::Closed, Length::Count(400)),
            &Control::default(),
        );
        assert_eq!(round.requests(), 400);
        assert_eq!(round.failed(), 0);
        assert_eq!(round.statuses.get(&200), Some(&400));
        assert_eq!(round.bytes, 800);
        assert!(round.throughput() > 0.0);
        assert!(round.to_string().starts_with("400 requests in "), "{round}");
    }

    #[test]
    fn a_rate_and_length_past_what_time_holds_end_the_round_without_a_panic() {
        // At 1e-300/s only the first request is due within any Duration, and
        // a round of Duration::MAX ends past what an Instant holds.
        let address = server(200, Duration::ZERO);
        let requests = mix();
        let mut slow = plan(
            address,
            &requests,
            Pace::Open { rate: 1e-300 },
            Length::For(Duration::MAX),
        );
        slow.warmup = Duration::ZERO;
        let round = run(&slow, &Control::default());
        assert_eq!(round.requests(), 1);
        assert_eq!(round.failed(), 0);
    }

    #[test]
    fn an_open_loop_charges_the_wait_behind_a_slow_server() {
        // 200/s due over 2 connections, each answer taking 20ms: a connection
        // can answer 50/s, so requests queue and their latency grows.
        let address = server(200, Duration::from_millis(20));
        let requests = mix();
        let mut slow = plan(
            address,
            &requests,
            Pace::Open { rate: 200.0 },
            Length::For(Duration::from_millis(500)),
        );
        slow.connections = 2;
        let round = run(&slow, &Control::default());
        let p99 = round.latency_at(Some(99.0)).unwrap();
        assert!(
            p99 > 100_000_000,
            "queued requests count their wait: p99 {p99}ns"
        );
        let p50_service = 20_000_000;
        assert!(round.latency_at(Some(50.0)).unwrap() > p50_service);
    }

    #[test]
    fn a_server_slower_than_the_round_is_still_measured() {
        // Each answer takes longer than warm-up and round together: every
        // connection still measures one request.
        let address = server(200, Duration::from_millis(200));
        let requests = mix();
        let mut slow = plan(
            address,
            &requests,
            Pace::Closed,
            Length::For(Duration::from_millis(100)),
        );
        slow.warmup = Duration::from_millis(100);
        let round = run(&slow, &Control::default());
        assert_eq!(round.requests(), 4, "{round}");
        assert!(round.latency_at(Some(90.0)).unwrap() >= 200_000_000);
    }

    #[test]
    fn failures_are_counted_by_kind() {
        let address = server(503, Duration::ZERO);
        let requests = mix();
        let round = run(
            &plan(address, &requests, Pace::Closed, Length::Count(50)),
            &Control::default(),
        );
        assert_eq!(round.failed(), 50);
        assert_eq!(round.error_share(), 100.0);
        assert_eq!(round.failures(), "503 ×50");
        assert_eq!(round.throughput(), 0.0);

        let closed = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = closed.local_addr().unwrap();
        drop(closed);
        let round = run(
            &plan(address, &requests, Pace::Closed, Length::Count(20)),
            &Control::default(),
        );
        assert_eq!(round.errors.get("connection refused"), Some(&20));
    }

    #[test]
    fn a_round_until_stopped_stops() {
        let address = server(200, Duration::from_millis(1));
        let requests = mix();
        let control = Control::default();
        let round = std::thread::scope(|s| {
            let load = s.spawn(|| {
                run(
                    &plan(address, &requests, Pace::Closed, Length::UntilStopped),
                    &control,
                )
            });
            std::thread::sleep(Duration::from_millis(300));
            assert!(control.completed() > 0);
            control.stop();
            load.join().unwrap()
        });
        assert!(round.requests() > 10);
        assert!(round.elapsed < Duration::from_secs(2));
    }
}
