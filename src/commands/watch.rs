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
    let start = match (args.id.as_deref(), workshop.exercise_here().ok()) {
        (Some(id), _) => workshop.exercise(id)?,
        (None, Some(here)) => here,
        (None, None) => match State::load(&layout).next_not_done(&workshop) {
            Some(exercise) => exercise,
            None => {
                report::out(&report::human::all_done(workshop.exercises.len()));
                return Ok(Exit::Success);
            }
        },
    };
    let go = GoTool::detect(workshop.required_go())?;
    layout
        .ensure()
        .map_err(crate::workspace::FileError::write(layout.dir()))?;
    Ok(crate::watch::watch(&workshop, start, &go)?)
}
