//! The built-in load generator on its own, for measuring it against wrk and
//! hey (tests/perf/load-bench.sh):
//!
//!     cargo run --release --example load -- http://127.0.0.1:18080/ 8 5s [rate]
//!
//! Prints one line: requests, throughput, p50, p99 and max.
#![allow(clippy::disallowed_macros)] // a measuring tool that prints its one line

use std::time::Duration;

use workshop::http::load::{self, Control, Length, Pace, Request};
use workshop::http::{Prepared, Url};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let url = Url::parse(
        args.first()
            .map_or("http://127.0.0.1:18080/", String::as_str),
    )
    .expect("an http:// URL");
    let connections: u32 = args
        .get(1)
        .map_or(8, |c| c.parse().expect("a connection count"));
    let duration = args.get(2).map_or(Duration::from_secs(5), |d| {
        humantime::parse_duration(d).expect("a duration")
    });
    let pace = match args.get(3) {
        Some(rate) => Pace::Open {
            rate: rate.parse().expect("a rate"),
        },
        None => Pace::Closed,
    };
    let requests = [Request {
        prepared: Prepared::new("GET", &url.target, &url.authority(), &[], b""),
        weight: 1,
        expect: None,
    }];
    let plan = load::Plan {
        address: url.address().expect("an address"),
        requests: &requests,
        connections,
        pace,
        warmup: Duration::from_millis(500),
        length: Length::For(duration),
        timeout: Duration::from_secs(10),
    };
    let round = load::run(&plan, &Control::default());
    let at = |p| round.latency_at(p).unwrap_or(0) as f64 / 1e3;
    println!(
        "workshop  {:>9} requests  {:>9.0}/s  p50 {:>8.1}µs  p99 {:>8.1}µs  max {:>9.1}µs  failed {}",
        round.requests(),
        round.throughput(),
        at(Some(50.0)),
        at(Some(99.0)),
        at(None),
        round.failed()
    );
}
