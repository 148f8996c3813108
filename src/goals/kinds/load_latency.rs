//! `load-latency`: how long the server takes to answer under the run's load,
//! at a percentile or the longest. Either within a bound (`at-most: 20ms`),
//! or at least some times faster than the starter's server (`at-least-times`),
//! judged on rounds of the two servers alternating: one percentile per round
//! is one sample (the requests of a round are not independent of each other),
//! and the rounds' samples go through the same rank test as `bench-relative`.

use serde::Deserialize;

use crate::goals::load::{
    Server, errors_at_most, latencies, pairs, percentile, percentile_name, round,
    too_many_failures,
};
use crate::goals::versus::{self, Better, Compared, Samples};
use crate::goals::{Bound, Checker, Facts, Kind, Outcome, Requirement};
use crate::tr;
use crate::units::{beside, nanos};

#[derive(Debug, Clone)]
pub struct LoadLatency {
    pub run: String,
    /// The percentile, or `None` for the longest.
    pub percentile: Option<f64>,
    pub bound: LatencyBound,
    /// The share of failed requests (percent) above which nothing is judged.
    pub errors_at_most: f64,
}

/// What a latency is held to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LatencyBound {
    /// At most this many nanoseconds.
    AtMost(f64),
    /// At least this many times faster than the starter.
    Times(f64),
}

/// The keys of a `load-latency` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LoadLatencyFile {
    /// `p50`, `p90`, `p99` (any `pN`), or `max`.
    pub at: String,
    /// A duration such as `20ms`.
    #[serde(default)]
    pub at_most: Option<String>,
    #[serde(default)]
    pub at_least_times: Option<f64>,
    #[serde(default)]
    pub errors_at_most: Option<f64>,
}

impl Kind for LoadLatency {
    type File = LoadLatencyFile;

    fn validate(file: LoadLatencyFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let percentile = percentile(checker, "at", &file.at).unwrap_or(Some(90.0));
        let bound = match (file.at_most.as_deref(), file.at_least_times) {
            (Some(text), None) => match humantime::parse_duration(text) {
                Ok(d) if !d.is_zero() => LatencyBound::AtMost(d.as_nanos() as f64),
                _ => {
                    checker.problem("at-most", tr!("load-latency-not-a-duration", text = text));
                    LatencyBound::AtMost(1.0)
                }
            },
            (None, Some(times)) => {
                if !(times.is_finite() && times > 0.0) {
                    checker.problem("at-least-times", tr!("versus-positive-ratio"));
                }
                LatencyBound::Times(times)
            }
            (Some(_), Some(_)) => {
                checker.problem("", tr!("load-latency-both-bounds"));
                LatencyBound::Times(1.0)
            }
            (None, None) => {
                checker.problem("", tr!("load-latency-no-bound"));
                LatencyBound::Times(1.0)
            }
        };
        let errors_at_most = errors_at_most(checker, "errors-at-most", file.errors_at_most);
        LoadLatency {
            run,
            percentile,
            bound,
            errors_at_most,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        let run = self.run.clone();
        vec![match self.bound {
            LatencyBound::AtMost(_) => Requirement::Load { run },
            LatencyBound::Times(_) => Requirement::LoadPairs { run },
        }]
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let at = percentile_name(self.percentile);
        let subject = tr!("load-latency-subject", at = &at);
        match self.bound {
            LatencyBound::AtMost(limit) => {
                let mut outcome = Outcome::new(subject, Some(Bound::AtMost(limit)));
                outcome.unit = Some("ns".into());
                let Some(round) = round(facts, &self.run, &mut outcome) else {
                    return outcome;
                };
                outcome.evidence.push(round.to_string());
                if too_many_failures(&[round], self.errors_at_most, Server::Alone, &mut outcome) {
                    return outcome;
                }
                let value = round.latency_at(self.percentile).unwrap_or(0) as f64;
                if !outcome.judge(value) {
                    outcome.explanation = Some(tr!(
                        "load-latency-over",
                        at = &at,
                        latency = beside(value, &[limit], "ns"),
                        limit = beside(limit, &[value], "ns")
                    ));
                }
                outcome
            }
            LatencyBound::Times(times) => {
                let mut outcome = Outcome::new(
                    versus::subject(&subject),
                    Some(Bound::AtLeast(times)),
                );
                outcome.unit = Some("×".into());
                let Some(pairs) = pairs(facts, &self.run, &mut outcome) else {
                    return outcome;
                };
                let mine: Vec<_> = pairs.mine.iter().collect();
                let starter: Vec<_> = pairs.starter.iter().collect();
                if too_many_failures(&mine, self.errors_at_most, Server::Yours, &mut outcome) {
                    return outcome;
                }
                let values = |rounds: &[&crate::goals::LoadRound]| -> Vec<f64> {
                    rounds
                        .iter()
                        .map(|r| r.latency_at(self.percentile).unwrap_or(0) as f64)
                        .collect()
                };
                let (before, after) = (values(&starter), values(&mine));
                outcome.evidence.push(tr!(
                    "load-latency-per-round",
                    at = &at,
                    starter = latencies(&before),
                    mine = latencies(&after)
                ));
                let Some(judgement) = versus::judge(&before, &after, times, Better::Lower, false)
                else {
                    return outcome.inconclusive(tr!("load-no-round"));
                };
                judgement.record(&mut outcome);
                let p = versus::p_value(judgement.p);
                outcome.evidence.push(tr!(
                    "load-latency-medians",
                    starter = nanos(judgement.starter.median as i64),
                    mine = nanos(judgement.mine.median as i64),
                    rounds = mine.len().to_string(),
                    p = &p
                ));
                if let Some(last) = pairs.mine.last() {
                    outcome
                        .evidence
                        .push(tr!("load-latency-last-round", round = last.to_string()));
                }
                let compared = Compared {
                    what: &subject,
                    metric: "ns/op",
                    better: Better::Lower,
                    samples: Samples::Rounds,
                };
                outcome.explanation = judgement.explain(times, &compared);
                if judgement.needs_more() {
                    outcome.evidence.push(tr!("load-latency-more-rounds"));
                }
                outcome
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::testing::{round, with_load, with_pairs};

    fn goal(bound: LatencyBound) -> LoadLatency {
        LoadLatency {
            run: "load".into(),
            percentile: Some(90.0),
            bound,
            errors_at_most: 1.0,
        }
    }

    #[test]
    fn a_bound_on_a_percentile() {
        let facts = with_load(round(&[1_000_000; 95], &[50_000_000; 5], 0));
        let met = goal(LatencyBound::AtMost(2e6)).evaluate(&facts);
        assert_eq!(met.status, Status::Pass, "{met:?}");
        let longest = LoadLatency {
            percentile: None,
            ..goal(LatencyBound::AtMost(2e6))
        };
        let unmet = longest.evaluate(&facts);
        assert_eq!(unmet.status, Status::Fail);
        let explanation = unmet.explanation.unwrap();
        assert!(explanation.starts_with("max latency is 50"), "{explanation}");
    }

    #[test]
    fn a_failing_server_is_not_fast() {
        let facts = with_load(round(&[1_000; 90], &[], 10));
        let outcome = goal(LatencyBound::AtMost(2e6)).evaluate(&facts);
        assert_eq!(outcome.status, Status::Fail);
        let why = outcome.explanation.unwrap();
        assert!(why.contains("10 of 100 requests to the server failed (503 ×10)"), "{why}");
    }

    #[test]
    fn against_the_starter_round_by_round() {
        let slow = || round(&[10_000_000; 100], &[], 0);
        let fast = || round(&[1_000_000; 100], &[], 0);
        let facts = with_pairs(
            (0..5).map(|_| slow()).collect(),
            (0..5).map(|_| fast()).collect(),
        );
        let outcome = goal(LatencyBound::Times(3.0)).evaluate(&facts);
        // Identical rounds tie: the rank test still separates the sides.
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert!((outcome.measured.unwrap() - 10.0).abs() < 0.1);
        let too_few = with_pairs(vec![slow(), slow()], vec![fast(), fast()]);
        let outcome = goal(LatencyBound::Times(3.0)).evaluate(&too_few);
        assert_eq!(outcome.status, Status::Inconclusive);
        let unmet = goal(LatencyBound::Times(30.0)).evaluate(&facts);
        assert_eq!(unmet.status, Status::Fail);
        assert!(
            unmet.explanation.as_deref().unwrap().contains("× faster than the starter; the goal is 30× faster"),
            "{unmet:?}"
        );
    }
}
