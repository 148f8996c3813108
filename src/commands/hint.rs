//! `workshop hint <id>`: reveal the next hint, or show those revealed so far.

use super::Context;
use crate::Exit;
use crate::cli::HintArgs;
use crate::layout::Layout;
use crate::report::{self, Format, HintDoc};
use crate::state::State;

pub fn run(cx: &Context, args: &HintArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let exercise = match args.id.as_deref() {
        Some(id) => workshop.exercise(id)?,
        None => workshop.exercise_here()?,
    };
    let layout = Layout::new(&workshop.root);
    let available = exercise.hints.len();
    let shown = if args.all || available == 0 {
        State::load(&layout).hints_shown(&exercise.id)
    } else {
        State::reveal_hint(&layout, &exercise.id, available)?
    };
    report::emit(
        Format::json(args.json),
        &HintDoc::new(exercise, shown, args.all),
    );
    Ok(Exit::Success)
}
