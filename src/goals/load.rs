//! What the load goals share: percentiles as written (`p90`, `max`), the
//! rounds of a run, and the rule that a latency or a throughput says nothing
//! of a server that fails its requests.

use super::{Checker, Facts, LoadPairs, LoadRound, Outcome, Status};
use crate::tr;
use crate::units::{nanos, number};

/// The share of failed requests (percent) above which latency and throughput
/// are not judged, unless a goal says otherwise.
pub const ERRORS_AT_MOST: f64 = 1.0;

/// A percentile as written: `p50`, `p90`, `p99.9` (any `pN`), or `max`;
/// `Some(None)` for the longest, `None` (reported at `key`) when unreadable.
pub(super) fn percentile(
    checker: &mut Checker<'_, '_>,
    key: &str,
    text: &str,
) -> Option<Option<f64>> {
    if text == "max" {
        return Some(None);
    }
    match text.strip_prefix('p').and_then(|n| n.parse::<f64>().ok()) {
        Some(n) if n > 0.0 && n < 100.0 => Some(Some(n)),
        _ => {
            checker.problem(key, tr!("load-not-a-percentile", text = text));
            None
        }
    }
}

/// `p90`, or `max`.
pub fn percentile_name(percentile: Option<f64>) -> String {
    match percentile {
        Some(p) => format!("p{}", number(p)),
        None => "max".to_owned(),
    }
}

/// A share of failed requests allowed, as written at `key` (a percentage).
pub(super) fn errors_at_most(checker: &mut Checker<'_, '_>, key: &str, value: Option<f64>) -> f64 {
    match value {
        None => ERRORS_AT_MOST,
        Some(v) if (0.0..=100.0).contains(&v) => v,
        Some(v) => {
            checker.problem(
                key,
                tr!("load-errors-out-of-range", key = key, value = number(v)),
            );
            ERRORS_AT_MOST
        }
    }
}

/// The load round of `run`, or the outcome made inconclusive when there is none.
pub(super) fn round<'a>(
    facts: &'a Facts,
    run: &str,
    outcome: &mut Outcome,
) -> Option<&'a LoadRound> {
    let round = facts.loads.get(run).filter(|r| r.requests() > 0);
    if round.is_none() {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(tr!("load-no-request", run = run));
    }
    round
}

/// The rounds of `run` against the starter, or the outcome made inconclusive.
pub(super) fn pairs<'a>(
    facts: &'a Facts,
    run: &str,
    outcome: &mut Outcome,
) -> Option<&'a LoadPairs> {
    let Some(pairs) = facts.load_pairs.get(run) else {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(super::versus::no_starter(facts));
        return None;
    };
    if pairs
        .mine
        .iter()
        .chain(&pairs.starter)
        .any(|r| r.requests() == 0)
    {
        outcome.status = Status::Inconclusive;
        outcome.explanation = Some(tr!("load-round-no-request", run = run));
        return None;
    }
    Some(pairs)
}

/// Whose server the rounds measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Server {
    /// The one server of a goal with a bound.
    Alone,
    /// The attendee's, against the starter's.
    Yours,
}

/// Says why the rounds are not judged when more of their requests failed than
/// `allowed` (percent): the speed of a server that fails says nothing.
pub(super) fn too_many_failures(
    rounds: &[&LoadRound],
    allowed: f64,
    server: Server,
    outcome: &mut Outcome,
) -> bool {
    let requests: u64 = rounds.iter().map(|r| r.requests()).sum();
    let failed: u64 = rounds.iter().map(|r| r.failed()).sum();
    if requests == 0 || failed as f64 * 100.0 / requests as f64 <= allowed {
        return false;
    }
    let failures: Vec<String> = rounds
        .iter()
        .filter(|r| r.failed() > 0)
        .map(|r| r.failures())
        .collect();
    outcome.status = Status::Fail;
    let (failed, requests) = (number(failed as f64), number(requests as f64));
    let failures = crate::i18n::clauses(&failures);
    outcome.explanation = Some(match server {
        Server::Alone => tr!(
            "load-server-fails",
            failed = failed,
            requests = requests,
            failures = failures
        ),
        Server::Yours => tr!(
            "load-your-server-fails",
            failed = failed,
            requests = requests,
            failures = failures
        ),
    });
    true
}

/// Per-round values in words: `12.1ms, 11.9ms, 13.0ms`.
pub(super) fn latencies(values: &[f64]) -> String {
    crate::i18n::list(values.iter().map(|v| nanos(*v as i64)))
}
