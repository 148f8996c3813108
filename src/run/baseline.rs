//! Runs against the pristine starter, alternating one repeat of each side so
//! that drift on the machine hits both alike: the benchmarks for
//! `bench-relative` goals, and one profile per run for profile goals relative
//! to the starter. Both sides are always measured in the same check: a stored
//! measurement of the starter would compare today's code with yesterday's
//! machine.

use super::Stop;
use super::plan::{Invocation, bench_args};
use super::scope::{Scope, TestBinary, read_profile, write_profile};
use super::starter::StarterBuild;
use crate::bench;
use crate::exec::GoError;
use crate::goals::{Baseline, ProfileFacts, ProfileKind, ProfilePairs};
use crate::manifest::RunSpec;
use crate::tr;

/// How many runs each side of a profile goal judged against the starter gets
/// at least: enough for a rank test to tell two sides apart (with 6 and 6,
/// p=0.002 when every run of one side is below every run of the other).
const PROFILE_PAIRS: u32 = 6;

/// The benchmarks of a run on the starter and on the attendee's code; `None`
/// when there is no pristine starter to measure.
pub(super) fn baseline(
    scope: &Scope<'_>,
    starter_build: &mut StarterBuild,
    invocation: &Invocation<'_>,
    mine: &TestBinary<'_>,
) -> Result<Option<Baseline>, Stop> {
    let (spec, what) = (invocation.run, invocation.describe());
    let single = RunSpec {
        count: 1,
        ..spec.clone()
    };
    let args = bench_args(&single);
    let mine_log = scope
        .run_dir
        .join(format!("{}-baseline-mine.txt", spec.name));
    let Some(built) = starter_build.get(scope, &what)? else {
        return Ok(None);
    };
    let starter = built.test_binary(scope.go, &scope.run_dir);
    let starter_log = scope
        .run_dir
        .join(format!("{}-baseline-starter.txt", spec.name));
    let (mut starter_text, mut mine_text) = (String::new(), String::new());
    let total = spec.count.max(1) * 2;
    let _turn = super::side_by_side::turn();
    for round in 0..spec.count.max(1) {
        let mut turns = [
            (
                tr!("run-which-starter"),
                &mut starter_text,
                &starter,
                &starter_log,
            ),
            (tr!("run-which-yours"), &mut mine_text, mine, &mine_log),
        ];
        // Starter first, then yours, then yours first: whatever favours the
        // first (or the second) run of a pair falls on both sides alike.
        if round % 2 == 1 {
            turns.reverse();
        }
        for (side, (which, text, binary, log)) in turns.into_iter().enumerate() {
            let finished = binary.run(args.clone(), spec.env.clone(), log, spec.timeout)?;
            if finished.interrupted {
                return Err(GoError::Interrupted.into());
            }
            if !finished.success() {
                return Err(benchmark_failed(
                    &what,
                    spec,
                    format!("({which}) {}", finished.output),
                    finished.cut,
                ));
            }
            text.push_str(&finished.output);
            scope.progress(&what, round * 2 + side as u32 + 1, total);
        }
    }
    Ok(Some(Baseline {
        starter: bench::parse(&starter_text),
        mine: bench::parse(&mine_text),
    }))
}

/// The `kind` profile of a run, one per run, in alternating runs of the
/// pristine starter and the attendee's code (`None` without a pristine starter).
pub(super) fn profile_pairs(
    scope: &Scope<'_>,
    starter_build: &mut StarterBuild,
    invocation: &Invocation<'_>,
    kind: ProfileKind,
    mine: &TestBinary<'_>,
) -> Result<Option<ProfilePairs>, Stop> {
    let (spec, what) = (invocation.run, invocation.describe());
    let Some(built) = starter_build.get(scope, &what)? else {
        return Ok(None);
    };
    let starter = built.test_binary(scope.go, &scope.run_dir);
    let single = RunSpec {
        count: 1,
        ..spec.clone()
    };
    let mut pairs = ProfilePairs::default();
    let mut damaged = None;
    let rounds = spec.count.max(PROFILE_PAIRS);
    let _turn = super::side_by_side::turn();
    'rounds: for i in 0..rounds {
        for (n, (which, binary, side)) in [
            ("starter", &starter, &mut pairs.starter),
            ("yours", mine, &mut pairs.mine),
        ]
        .into_iter()
        .enumerate()
        {
            let label = format!("{}-{kind}-{which}-{i}", spec.name);
            let path = scope.run_dir.join(format!("{label}.pprof"));
            // A file left by an earlier check must not count for this one.
            let _ = crate::fence::remove_file(&path);
            let (mut args, mut env) = (bench_args(&single), spec.env.clone());
            write_profile(kind, &path, &mut args, &mut env);
            let log = scope.run_dir.join(format!("{label}.txt"));
            let finished = binary.run(args, env, &log, spec.timeout)?;
            if finished.interrupted {
                return Err(GoError::Interrupted.into());
            }
            if !finished.success() {
                let which = match n {
                    0 => tr!("run-which-starter"),
                    _ => tr!("run-which-yours"),
                };
                return Err(benchmark_failed(
                    &what,
                    spec,
                    format!("({which}) {}", finished.output),
                    finished.cut,
                ));
            }
            let profile = match read_profile(&path, spec, kind, n == 1)? {
                Ok(profile) => profile,
                Err(damage) => {
                    damaged = Some(damage);
                    break 'rounds;
                }
            };
            let ops = bench::parse(&finished.output)
                .results
                .iter()
                .map(|r| r.iterations)
                .sum();
            side.push(ProfileFacts { profile, ops });
            scope.progress(&what, i * 2 + n as u32 + 1, rounds * 2);
        }
    }
    // A damaged profile of the attendee's code ends the pairs: the goals on
    // them fail with the reader's words.
    pairs.damaged = damaged;
    Ok(Some(pairs))
}

fn benchmark_failed(
    what: &str,
    spec: &RunSpec,
    output: String,
    cut: Option<crate::exec::OutputCut>,
) -> Stop {
    Stop::failed(
        tr!("run-step-failed", what = what),
        super::Failure::Benchmark {
            run: spec.name.clone(),
            output,
            cut,
        },
    )
}
