//! `load-throughput`: requests the server answers as expected per second under
//! the run's closed-loop load: at least a rate, or at least some times the
//! starter's server's, judged on alternating rounds as `load-latency` is.

use serde::Deserialize;

use crate::goals::load::{Server, errors_at_most, pairs, round, too_many_failures};
use crate::goals::versus::{self, Better, Compared, Samples};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, LoadRound, Outcome, Requirement};
use crate::tr;
use crate::units::{beside, number};

#[derive(Debug, Clone)]
pub struct LoadThroughput {
    pub run: String,
    /// Requests per second at least, or `None` when judged against the starter.
    pub at_least: Option<f64>,
    /// At least this many times the starter's throughput.
    pub times: Option<f64>,
    pub errors_at_most: f64,
}

/// The keys of a `load-throughput` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LoadThroughputFile {
    /// Requests per second.
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_least_times: Option<f64>,
    #[serde(default)]
    pub errors_at_most: Option<f64>,
}

impl Kind for LoadThroughput {
    type File = LoadThroughputFile;

    fn validate(file: LoadThroughputFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if checker.run_info(&run).is_some_and(|r| r.open_loop) {
            checker.problem("", tr!("load-throughput-open-loop", run = &run));
        }
        match (file.at_least, file.at_least_times) {
            (Some(rate), None) => {
                let bound = Bound::AtLeast(rate);
                checker.within(bound, Domain::Amount, &tr!("load-throughput-rate"));
            }
            (None, Some(times)) if !(times.is_finite() && times > 0.0) => {
                checker.problem("at-least-times", tr!("load-throughput-positive-ratio"))
            }
            (None, Some(_)) => {}
            _ => checker.problem("", tr!("load-throughput-no-bound")),
        }
        let errors_at_most = errors_at_most(checker, "errors-at-most", file.errors_at_most);
        LoadThroughput {
            run,
            at_least: file.at_least,
            times: file.at_least_times.filter(|_| file.at_least.is_none()),
            errors_at_most,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        let run = self.run.clone();
        vec![match self.times {
            None => Requirement::Load { run },
            Some(_) => Requirement::LoadPairs { run },
        }]
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        match (self.times, self.at_least) {
            (Some(times), _) => self.versus_starter(facts, times),
            (None, limit) => {
                let mut outcome = Outcome::new(
                    tr!("load-throughput-subject"),
                    Some(Bound::AtLeast(limit.unwrap_or(0.0))),
                );
                outcome.unit = Some("requests/s".into());
                let Some(round) = round(facts, &self.run, &mut outcome) else {
                    return outcome;
                };
                outcome.evidence.push(round.to_string());
                if too_many_failures(&[round], self.errors_at_most, Server::Alone, &mut outcome) {
                    return outcome;
                }
                let value = round.throughput();
                if !outcome.judge(value) {
                    outcome.explanation = Some(tr!(
                        "load-throughput-under",
                        rate = beside(value, &[limit.unwrap_or(0.0)], ""),
                        limit = beside(limit.unwrap_or(0.0), &[value], "")
                    ));
                }
                outcome
            }
        }
    }
}

impl LoadThroughput {
    fn versus_starter(&self, facts: &Facts, times: f64) -> Outcome {
        let mut outcome = Outcome::new(
            versus::subject(&tr!("load-throughput-subject")),
            Some(Bound::AtLeast(times)),
        );
        outcome.unit = Some("×".into());
        let Some(pairs) = pairs(facts, &self.run, &mut outcome) else {
            return outcome;
        };
        let mine: Vec<&LoadRound> = pairs.mine.iter().collect();
        if too_many_failures(&mine, self.errors_at_most, Server::Yours, &mut outcome) {
            return outcome;
        }
        let rates = |rounds: &[LoadRound]| -> Vec<f64> { rounds.iter().map(LoadRound::throughput).collect() };
        let (before, after) = (rates(&pairs.starter), rates(&pairs.mine));
        let Some(judgement) = versus::judge(&before, &after, times, Better::Higher, false) else {
            return outcome.inconclusive(tr!("load-no-round"));
        };
        judgement.record(&mut outcome);
        let p = versus::p_value(judgement.p);
        let rates = |values: &[f64]| {
            crate::i18n::list(values.iter().map(|v| number(v.round())))
        };
        outcome.evidence.push(tr!(
            "load-throughput-per-round",
            starter = rates(&before),
            mine = rates(&after),
            p = &p
        ));
        let what = tr!("load-throughput-subject");
        let compared = Compared {
            what: &what,
            metric: "requests/s",
            better: Better::Higher,
            samples: Samples::Rounds,
        };
        outcome.explanation = judgement.explain(times, &compared);
        if judgement.needs_more() {
            outcome.evidence.push(tr!("load-latency-more-rounds"));
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::testing::{round, with_load, with_pairs};

    #[test]
    fn answered_requests_per_second() {
        let goal = LoadThroughput {
            run: "load".into(),
            at_least: Some(90.0),
            times: None,
            errors_at_most: 5.0,
        };
        let outcome = goal.evaluate(&with_load(round(&[1_000; 96], &[], 4)));
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert_eq!(outcome.measured, Some(96.0));
        let outcome = goal.evaluate(&with_load(round(&[1_000; 80], &[], 0)));
        assert_eq!(outcome.status, Status::Fail);
    }

    #[test]
    fn twice_the_starter() {
        let goal = LoadThroughput {
            run: "load".into(),
            at_least: None,
            times: Some(2.0),
            errors_at_most: 1.0,
        };
        let facts = with_pairs(
            (0..5).map(|i| round(&vec![1_000; 100 + i], &[], 0)).collect(),
            (0..5).map(|i| round(&vec![1_000; 300 + i], &[], 0)).collect(),
        );
        let outcome = goal.evaluate(&facts);
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
    }
}
