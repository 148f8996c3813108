//! `workshop verify [<id>...]`: every goal must fail on the starter and be met
//! by the solution, checked in parallel on temporary copies, `--repeat` times,
//! under `--load` if asked.

use super::Context;
use crate::Exit;
use crate::cli::VerifyArgs;
use crate::exec::{self, GoTool};
use crate::manifest::Exercise;
use crate::report::{self, Format, VerifyDoc};
use crate::tr;
use crate::verify::{self, Load, Options, Progress};

pub fn run(cx: &Context, args: &VerifyArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercises: Vec<&Exercise> = if args.ids.is_empty() {
        workshop.exercises.iter().collect()
    } else {
        args.ids
            .iter()
            .map(|id| workshop.exercise(id))
            .collect::<Result<_, _>>()?
    };
    let go = GoTool::detect(workshop.required_go())?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let format = Format::json(args.json);
    let options = Options {
        jobs,
        rounds: args.repeat as usize,
        strict: args.strict,
        record_starter: args.record_starter,
    };
    let checks = exercises.len() * 2 * options.rounds;
    let bar = report::human::verify_progress(checks, format == Format::Human);
    let rounds = options.rounds;
    let side_name = |side: verify::Side| match side {
        verify::Side::Starter => tr!("cmd-verify-starter"),
        verify::Side::Solution => tr!("cmd-verify-solution"),
    };
    let progress = |event: Progress<'_>| match event {
        Progress::Started {
            exercise,
            side,
            round,
        } if rounds > 1 => bar.set_message(tr!(
            "cmd-verify-round",
            exercise = exercise,
            side = side_name(side),
            round = (round + 1).to_string(),
            rounds = rounds.to_string()
        )),
        Progress::Started { exercise, side, .. } => bar.set_message(tr!(
            "cmd-verify-side",
            exercise = exercise,
            side = side_name(side)
        )),
        Progress::Step {
            exercise,
            side,
            step,
        } => bar.set_message(tr!(
            "cmd-verify-step",
            exercise = exercise,
            side = side_name(side),
            step = step
        )),
        Progress::Finished { exercise, side, ok } => {
            bar.inc(1);
            if !ok {
                bar.println(format!(
                    "{} {}",
                    console::style("✗").red(),
                    tr!(
                        "cmd-verify-misbehaves",
                        exercise = exercise,
                        side = side_name(side)
                    )
                ));
            }
        }
    };
    let load = Load::start(args.load as usize);
    let results = verify::verify(&workshop, &exercises, options, &go, &progress);
    drop(load);
    bar.finish_and_clear();
    if let Some(path) = &args.junit {
        crate::fence::write(path, report::junit::verify(&results).as_bytes()).map_err(|e| {
            anyhow::anyhow!(tr!(
                "cmd-cannot-write",
                path = crate::display::path(path),
                error = e.to_string()
            ))
        })?;
    }
    if exec::interrupted() {
        return Ok(Exit::Interrupted);
    }
    let untranslated = crate::manifest::translations::untranslated(&workshop);
    report::emit(
        format,
        &VerifyDoc::new(&results, &workshop.root, &untranslated),
    );
    Ok(if results.iter().all(|r| r.ok) {
        Exit::Success
    } else {
        Exit::Unmet
    })
}
