//! Judging verify's checks: each side as a whole (it must build, pass its
//! tests and finish), and every goal on both sides over all rounds. A goal must
//! fail on the starter (or be met there, where its check file says
//! `starter: met`) and be met by the solution, in every round; an inconclusive
//! goal on either side fails verify. Each goal's margin says how far the nearer
//! side stays from the bound; a margin below [`SAFE_MARGIN`], or a bound that
//! some of a side's values meet and others miss, is a warning.

use std::time::Duration;

use serde::Serialize;

use super::margin::{SAFE_MARGIN, margin, straddles};
use super::{ExerciseResult, Side, SideResult, SideRun};

pub use super::margin::{Margin, margin_text};
use crate::goals::{Bound, OnStarter, Outcome, Status};
use crate::manifest::Exercise;
use crate::run::CheckReport;
use crate::tr;
use crate::units::beside;

/// What one side gave for a goal over the rounds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SideValues {
    /// The goal's verdict in each round.
    pub statuses: Vec<Status>,
    /// Every value measured, each repeat of each round.
    pub values: Vec<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl SideValues {
    fn add(&mut self, outcome: &Outcome) {
        self.statuses.push(outcome.status);
        if outcome.samples.is_empty() {
            self.values.extend(outcome.measured);
        } else {
            self.values.extend(&outcome.samples);
        }
        self.min = self.values.iter().copied().reduce(f64::min);
        self.max = self.values.iter().copied().reduce(f64::max);
    }

    fn rounds_with(&self, status: Status) -> usize {
        self.statuses.iter().filter(|s| **s == status).count()
    }
}

/// One goal, judged on both sides.
#[derive(Debug, Clone, Serialize)]
pub struct GoalVerdict {
    pub id: String,
    pub kind: &'static str,
    pub ok: bool,
    /// What the starter must do with the goal.
    pub starter_must: OnStarter,
    /// The bound as people read it: `≤ 2 allocs/op`.
    pub bound: Option<String>,
    pub threshold: Option<f64>,
    pub unit: Option<String>,
    pub starter: SideValues,
    pub solution: SideValues,
    /// `None` when neither side can come near the bound (exact counts).
    pub margin: Option<Margin>,
    /// Some rounds gave another verdict than others, on either side.
    pub flipped: bool,
    /// Why the goal fails verify.
    pub problems: Vec<String>,
    /// What makes it fragile in a busy room.
    pub warnings: Vec<String>,
    /// Why it was left out of every check on both sides (the Go that ran
    /// them is too old for it): neither a pass nor a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip: Option<crate::goals::Skip>,
}

/// Which sides a goal's problems are about.
#[derive(Debug, Clone, Copy, Default)]
struct Concerns {
    starter: bool,
    solution: bool,
}

impl Concerns {
    fn side(self, side: Side) -> bool {
        match side {
            Side::Starter => self.starter,
            Side::Solution => self.solution,
        }
    }
}

/// What is wrong with one round of one side as a whole, if anything: it must
/// run cleanly, and a solution must not change the files that measure it
/// (checks run the workshop's copies: its own would never be used).
pub(crate) fn side_problem(side: Side, report: &CheckReport) -> Option<String> {
    if side == Side::Solution && !report.protected_differ.is_empty() {
        let files: Vec<String> = report
            .protected_differ
            .iter()
            .map(|f| f.path.display().to_string())
            .collect();
        return Some(tr!(
            "verify-solution-protected",
            count = files.len(),
            files = files.join(", ")
        ));
    }
    let message = report.failure.as_ref().and(report.message.as_ref())?;
    Some(match side {
        Side::Starter => tr!("verify-starter-not-clean", message = message),
        Side::Solution => tr!("verify-solution-not-clean", message = message),
    })
}

/// Judges one exercise from its rounds on both sides.
pub(crate) fn exercise(
    exercise: &Exercise,
    starter: Vec<SideRun>,
    solution: Vec<SideRun>,
    strict: bool,
) -> ExerciseResult {
    let elapsed: Duration = starter.iter().chain(&solution).map(|r| r.elapsed).sum();
    let (goals, concerns): (Vec<GoalVerdict>, Vec<Concerns>) = exercise
        .goals
        .iter()
        .map(|goal| {
            let mut verdict = GoalVerdict {
                id: goal.id.clone(),
                kind: goal.kind_name(),
                ok: true,
                starter_must: goal.starter,
                bound: None,
                threshold: None,
                unit: None,
                starter: SideValues::default(),
                solution: SideValues::default(),
                margin: None,
                flipped: false,
                problems: Vec::new(),
                warnings: Vec::new(),
                skip: None,
            };
            let mut concerns = Concerns::default();
            if let Some(skip) = super::skipped::skipped_everywhere(&goal.id, &starter, &solution) {
                verdict.skip = Some(skip);
                return (verdict, concerns);
            }
            // A goal of several conditions headlines the one that fails: its
            // values are compared where the headline is the one the solution
            // shows (its main measure), and only its verdicts count elsewhere.
            let outcome_of =
                |report: &CheckReport| report.goals.iter().find(|o| o.id == goal.id).cloned();
            let main = solution
                .iter()
                .chain(&starter)
                .filter_map(|r| r.report.as_ref().ok())
                .find_map(outcome_of)
                .map(|o| (o.subject, o.bound, o.unit, o.want));
            let bound = main.as_ref().and_then(|m| m.1);
            verdict.unit = main.as_ref().and_then(|m| m.2.clone());
            verdict.bound = main.as_ref().and_then(|m| m.3.clone());
            for (side, runs) in [(Side::Starter, &starter), (Side::Solution, &solution)] {
                for report in runs.iter().filter_map(|r| r.report.as_ref().ok()) {
                    let Some(mut outcome) = outcome_of(report) else {
                        continue;
                    };
                    if main.as_ref().is_some_and(|m| m.0 != outcome.subject) {
                        outcome.measured = None;
                        outcome.samples.clear();
                    }
                    let outcome = &outcome;
                    match side {
                        Side::Starter => {
                            verdict.starter.add(outcome);
                            // A starter without labels is what a label goal is
                            // about: only the solution must carry them.
                            if let Some(m) = &outcome.matched
                                && m.functions == 0
                                && m.within != "labels"
                            {
                                let (pattern, top) = (&m.pattern, m.top.join(", "));
                                let problem = match m.within {
                                    "compiler" => tr!(
                                        "verify-no-match-compiler",
                                        pattern = pattern,
                                        top = top
                                    ),
                                    "trace" => {
                                        tr!(
                                            "verify-no-function-trace",
                                            pattern = pattern,
                                            top = top
                                        )
                                    }
                                    _ => tr!(
                                        "verify-no-function-profile",
                                        pattern = pattern,
                                        top = top
                                    ),
                                };
                                concerns.starter = true;
                                if !verdict.problems.contains(&problem) {
                                    verdict.problems.push(problem);
                                }
                            }
                        }
                        Side::Solution => {
                            verdict.solution.add(outcome);
                            // A label goal met without any sample carrying the
                            // label (an `at-most` bound) holds of nothing.
                            if let Some(m) = &outcome.matched
                                && m.within == "labels"
                                && m.functions == 0
                                && outcome.status == Status::Pass
                            {
                                let problem = tr!(
                                    "verify-no-label-solution",
                                    label = &m.pattern,
                                    keys = m.top.join(", ")
                                );
                                concerns.solution = true;
                                if !verdict.problems.contains(&problem) {
                                    verdict.problems.push(problem);
                                }
                            }
                            // A trace pattern that leaves out every goroutine
                            // the solution's own code starts makes the goal
                            // hold of nothing: it proves nothing about the
                            // solution. (A solution that starts none meets it
                            // for real.)
                            if let Some(m) = &outcome.matched
                                && m.within == "trace"
                                && m.functions == 0
                                && m.missed > 0
                                && outcome.status == Status::Pass
                            {
                                let problem = tr!(
                                    "verify-no-function-solution-trace",
                                    pattern = &m.pattern,
                                    missed = m.missed,
                                    top = m.top.join(", ")
                                );
                                concerns.solution = true;
                                if !verdict.problems.contains(&problem) {
                                    verdict.problems.push(problem);
                                }
                            }
                        }
                    }
                }
            }
            let margin = goal.kind.margin();
            let judged = judge_goal(&mut verdict, bound, margin, &starter, &solution, strict);
            concerns.starter |= judged.starter;
            concerns.solution |= judged.solution;
            (verdict, concerns)
        })
        .unzip();

    let starter = side_result(Side::Starter, starter, &goals, &concerns);
    let solution = side_result(Side::Solution, solution, &goals, &concerns);
    let warnings = goals.iter().map(|g| g.warnings.len()).sum();
    ExerciseResult {
        exercise: exercise.id.clone(),
        ok: starter.ok && solution.ok && goals.iter().all(|g| g.ok),
        starter,
        solution,
        goals,
        warnings,
        elapsed,
        starter_sums: None,
        skip: None,
    }
}

/// The verdicts each side must give, their flips, margin and warnings; which
/// sides its problems are about. Without `margin` (a count fixed by the code,
/// which may sit at its bound; a verdict that is a statistical test) no margin
/// is measured.
fn judge_goal(
    verdict: &mut GoalVerdict,
    bound: Option<Bound>,
    margin_applies: bool,
    starter_runs: &[SideRun],
    solution_runs: &[SideRun],
    strict: bool,
) -> Concerns {
    let of = |n: usize, runs: &[SideRun]| {
        if runs.len() == 1 {
            String::new()
        } else {
            tr!(
                "verify-in-rounds",
                n = n.to_string(),
                rounds = runs.len().to_string()
            )
        }
    };
    let starter = &verdict.starter;
    let solution = &verdict.solution;
    let mut problems = Vec::new();
    let mut concerns = Concerns::default();
    match verdict.starter_must {
        OnStarter::Fails => {
            let met = starter.rounds_with(Status::Pass);
            if met > 0 {
                problems.push(tr!(
                    "verify-met-by-starter",
                    in_rounds = of(met, starter_runs)
                ));
            }
        }
        OnStarter::Met => {
            let failed = starter.rounds_with(Status::Fail);
            if failed > 0 {
                problems.push(tr!(
                    "verify-not-met-by-starter",
                    in_rounds = of(failed, starter_runs)
                ));
            }
        }
    }
    let unsure = starter.rounds_with(Status::Inconclusive);
    if unsure > 0 {
        problems.push(tr!(
            "verify-inconclusive-on-starter",
            in_rounds = of(unsure, starter_runs)
        ));
    }
    concerns.starter = !problems.is_empty();
    let failed = solution.rounds_with(Status::Fail);
    if failed > 0 {
        problems.push(tr!(
            "verify-not-met-by-solution",
            in_rounds = of(failed, solution_runs)
        ));
    }
    let unsure = solution.rounds_with(Status::Inconclusive);
    if unsure > 0 {
        problems.push(tr!(
            "verify-inconclusive-on-solution",
            in_rounds = of(unsure, solution_runs)
        ));
    }
    concerns.solution = failed > 0 || unsure > 0;
    verdict.flipped = [starter, solution]
        .iter()
        .any(|side| side.statuses.windows(2).any(|w| w[0] != w[1]));

    if let Some(bound) = bound {
        let unit = verdict.unit.clone().unwrap_or_default();
        let limit = bound.limit();
        let all: Vec<f64> = starter
            .values
            .iter()
            .chain(&solution.values)
            .copied()
            .collect();
        verdict.bound = Some(format!("{} {}", bound.sign(), beside(limit, &all, &unit)));
        verdict.threshold = Some(bound.limit());
        let sides = [
            (
                Side::Starter,
                starter,
                verdict.starter_must == OnStarter::Met,
            ),
            (Side::Solution, solution, true),
        ];
        for (side, values, must_meet) in sides {
            if straddles(bound, &values.values) {
                let (lo, hi) = (values.min.unwrap_or(0.0), values.max.unwrap_or(0.0));
                let (bound, lo, hi) = (
                    verdict.bound.as_deref().unwrap_or(""),
                    beside(lo, &[limit], &unit),
                    beside(hi, &[limit], &unit),
                );
                verdict.warnings.push(match side {
                    Side::Starter => {
                        tr!(
                            "verify-bound-inside-starter",
                            bound = bound,
                            lo = lo,
                            hi = hi
                        )
                    }
                    Side::Solution => {
                        tr!(
                            "verify-bound-inside-solution",
                            bound = bound,
                            lo = lo,
                            hi = hi
                        )
                    }
                });
            }
            let Some(times) = margin(bound, must_meet, &values.values).filter(|_| margin_applies)
            else {
                continue;
            };
            if verdict.margin.is_none_or(|m| times < m.times) {
                verdict.margin = Some(Margin { times, side });
            }
            // Below 1 the side gives the wrong verdict: a problem, said above.
            if (1.0..SAFE_MARGIN).contains(&times) {
                let times = margin_text(times);
                let safe = crate::units::number(SAFE_MARGIN);
                verdict.warnings.push(match (side, must_meet) {
                    (Side::Starter, true) => {
                        tr!("verify-margin-starter-worst", times = times, safe = safe)
                    }
                    (Side::Starter, false) => {
                        tr!("verify-margin-starter-closest", times = times, safe = safe)
                    }
                    (Side::Solution, true) => {
                        tr!("verify-margin-solution-worst", times = times, safe = safe)
                    }
                    (Side::Solution, false) => {
                        tr!("verify-margin-solution-closest", times = times, safe = safe)
                    }
                });
            }
        }
        verdict.warnings.dedup();
    }
    verdict.problems.extend(problems);
    let warned = strict && !verdict.warnings.is_empty();
    verdict.ok = verdict.problems.is_empty() && !warned;
    concerns
}

/// One side over all rounds: it misbehaved when a round could not run, did
/// not run cleanly, or gave a goal the verdict it must not.
fn side_result(
    side: Side,
    runs: Vec<SideRun>,
    goals: &[GoalVerdict],
    concerns: &[Concerns],
) -> SideResult {
    let mut reason = None;
    let mut error = None;
    let mut shown = None;
    let count = runs.len();
    for (round, run) in runs.into_iter().enumerate() {
        match run.report {
            Err(e) => {
                reason.get_or_insert_with(|| tr!("verify-side-could-not-run", error = &e));
                error.get_or_insert(e);
            }
            Ok(report) => {
                let problem = side_problem(side, &report);
                let last = round + 1 == count;
                if let Some(problem) = problem {
                    if reason.is_none() {
                        reason = Some(problem);
                        shown = Some(report);
                    }
                } else if shown.is_none() && last {
                    shown = Some(report);
                }
            }
        }
    }
    if reason.is_none() {
        reason = match side {
            Side::Starter
                if !goals.is_empty()
                    && goals.iter().all(|g| {
                        g.starter.statuses.iter().all(|s| *s != Status::Fail)
                            && g.starter_must == OnStarter::Fails
                    }) =>
            {
                Some(tr!("verify-starter-fails-nothing"))
            }
            _ => goals
                .iter()
                .zip(concerns)
                .find(|(_, c)| c.side(side))
                .map(|(g, _)| {
                    tr!(
                        "verify-goal-problems",
                        id = &g.id,
                        problems = g.problems.join("; ")
                    )
                }),
        };
    }
    SideResult {
        side,
        ok: reason.is_none(),
        reason,
        check: shown,
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(unit: &str, starter: &[f64], solution: &[f64]) -> GoalVerdict {
        let side = |values: &[f64], status| SideValues {
            statuses: vec![status; values.len()],
            values: values.to_vec(),
            min: values.iter().copied().reduce(f64::min),
            max: values.iter().copied().reduce(f64::max),
        };
        GoalVerdict {
            skip: None,
            id: "goal".into(),
            kind: "bench-metric",
            ok: true,
            starter_must: OnStarter::Fails,
            bound: None,
            threshold: None,
            unit: Some(unit.into()),
            starter: side(starter, Status::Fail),
            solution: side(solution, Status::Pass),
            margin: None,
            flipped: false,
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn judged(mut verdict: GoalVerdict, bound: Bound) -> GoalVerdict {
        let run = || SideRun {
            report: Err(String::new()),
            elapsed: Duration::ZERO,
        };
        judge_goal(&mut verdict, Some(bound), true, &[run()], &[run()], false);
        verdict
    }

    #[test]
    fn a_margin_never_reads_like_the_safe_one_it_misses() {
        let verdict = judged(verdict("×", &[1.0], &[7.4998]), Bound::AtLeast(5.0));
        assert_eq!(
            verdict.warnings,
            vec![
                "the solution's worst value is 1.49996× from the bound; a busy machine can cross it (keep it 1.5× away)"
            ]
        );
    }

    #[test]
    fn a_bound_inside_values_close_to_it_reads_inside_them() {
        let mut close = verdict("allocs/op", &[1998.0], &[1.99999, 2.00001]);
        close.solution.statuses = vec![Status::Pass, Status::Fail];
        let verdict = judged(close, Bound::AtMost(2.0));
        assert_eq!(verdict.bound.as_deref(), Some("≤ 2 allocs/op"));
        assert!(
            verdict.warnings.contains(
                &"the bound ≤ 2 allocs/op lies inside the solution's values (1.99999 allocs/op–2.00001 allocs/op)".to_owned()
            ),
            "{:?}",
            verdict.warnings
        );
    }

    #[test]
    fn a_bound_reads_differently_from_every_value_on_either_side() {
        let bytes = judged(
            verdict("B/op", &[40000.0], &[19968.0]),
            Bound::AtMost(19968.01),
        );
        assert_eq!(bytes.bound.as_deref(), Some("≤ 19.50001 KiB/op"));
        let zero = judged(verdict("/op", &[1.334], &[3.3e-5]), Bound::AtMost(0.0));
        assert_eq!(zero.bound.as_deref(), Some("≤ 0/op"));
        assert_eq!(
            zero.margin.map(|m| margin_text(m.times)).as_deref(),
            Some("0")
        );
    }

    #[test]
    fn a_bound_inside_a_sides_values_is_seen() {
        assert!(straddles(Bound::AtMost(100.0), &[0.0, 131.0, 0.0]));
        assert!(!straddles(Bound::AtMost(100.0), &[0.0, 12.0]));
    }
}
