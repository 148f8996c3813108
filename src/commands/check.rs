//! `workshop check <id>`: run and judge one exercise.

use super::Context;
use crate::Exit;
use crate::cli::CheckArgs;
use crate::exec::{GoError, GoInfo, GoTool};
use crate::manifest::Workshop;
use crate::report::human::Spinner;
use crate::report::{self, CheckErrorDoc, Format};
use crate::run::{self, CheckError, CheckEvent, CheckStatus, Tree};
use crate::state::State;
use crate::tr;

pub fn run(cx: &Context, args: &CheckArgs) -> anyhow::Result<Exit> {
    let format = Format::json(args.json);
    let named = args.id.as_deref().unwrap_or(".");
    let workshop = match cx.workshop() {
        Ok(workshop) => workshop,
        Err(e) => return could_not_run(format, named, &e, None),
    };
    let id = match args.id.as_deref() {
        Some(id) => id.to_owned(),
        None => match workshop.exercise_here() {
            Ok(exercise) => exercise.id.clone(),
            Err(e) => return could_not_run(format, named, &e, None),
        },
    };
    check(&workshop, &id, args.fresh, format)
}

/// A check that could not run: under `--json` still a document, else an error.
fn could_not_run(
    format: Format,
    id: &str,
    error: &(dyn std::error::Error + 'static),
    go: Option<&GoInfo>,
) -> anyhow::Result<Exit> {
    let message = crate::display::error_chain(error);
    match format {
        Format::Json => {
            report::emit_json(&CheckErrorDoc::new(id, &message, go));
            Ok(Exit::CouldNotRun)
        }
        Format::Human => Err(anyhow::anyhow!(message)),
    }
}

/// Checks exercise `id` of `workshop`, reports and records the verdict.
pub fn check(workshop: &Workshop, id: &str, fresh: bool, format: Format) -> anyhow::Result<Exit> {
    let fail = |error: &(dyn std::error::Error + 'static), go: Option<&GoInfo>| {
        could_not_run(format, id, error, go)
    };
    let exercise = match workshop.exercise(id) {
        Ok(e) => e,
        Err(e) => return fail(&e, None),
    };
    let go = match GoTool::detect(exercise.go) {
        Ok(go) => go,
        Err(GoError::Interrupted) => return Ok(Exit::Interrupted),
        Err(e) => return fail(&e, None),
    };
    let tree = Tree::of(workshop, exercise, fresh);
    tree.layout
        .ensure()
        .map_err(crate::workspace::FileError::write(tree.layout.dir()))?;
    let spinner = Spinner::new(format == Format::Human);
    let listener = |event: &CheckEvent<'_>| spinner.follow(event);
    let result = run::check(exercise, &tree, &go, &listener);
    spinner.clear();
    let mut report = match result {
        Ok(report) => report,
        Err(CheckError::Go(GoError::Interrupted)) => return Ok(Exit::Interrupted),
        Err(e) => return fail(&e, Some(&go.info)),
    };
    if report.status == CheckStatus::Skipped {
        // Nothing was judged: progress stays as it was.
        report::emit(format, &report);
        return Ok(Exit::Skipped);
    }
    let passed = report.status == CheckStatus::Pass;
    let recorded = State::record(
        &tree.layout,
        &exercise.id,
        passed,
        &report.failed(),
        report.values(),
    );
    match recorded {
        Ok(recorded) => report.keep_hints(|goal| recorded.shows_hint(goal)),
        Err(e) => report::warning(&tr!("cmd-progress-not-saved", error = e.to_string())),
    }
    report::emit(format, &report);
    if passed && format == Format::Human {
        let next = State::load(&tree.layout).next_not_done(workshop);
        report::out(&match next {
            Some(next) => report::human::next(next),
            None => report::human::all_done(workshop.exercises.len()),
        });
    }
    Ok(if report.interrupted() {
        Exit::Interrupted
    } else if passed {
        Exit::Success
    } else {
        Exit::Unmet
    })
}
