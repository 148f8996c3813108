//! `workshop watch [<id>]`: check again on every save, moving on when done.

use super::Context;
use crate::Exit;
use crate::cli::WatchArgs;
use crate::exec::GoTool;
use crate::layout::Layout;
use crate::report;
use crate::state::State;

pub fn run(cx: &Context, args: &WatchArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let layout = Layout::new(&workshop.root);
    let start = match args.id.as_deref() {
        Some(id) => workshop.exercise(id)?,
        None if workshop.exercise_here().is_ok() => workshop.exercise_here()?,
        None => match State::load(&layout).next_not_done(&workshop) {
            Some(exercise) => exercise,
            None => {
                report::out(&report::human::all_done(workshop.exercises.len()));
                return Ok(Exit::Success);
            }
        },
    };
    let go = GoTool::detect(workshop.required_go())?;
    layout.ensure()?;
    Ok(crate::watch::watch(&workshop, start, &go)?)
}
