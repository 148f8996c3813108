//! `workshop next [--check]`: the first exercise not done yet.

use super::Context;
use crate::Exit;
use crate::cli::NextArgs;
use crate::layout::Layout;
use crate::report::{self, Format, NextDoc};
use crate::state::State;

pub fn run(cx: &Context, args: &NextArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    let format = Format::json(args.json);
    let state = State::load(&Layout::new(&workshop.root));
    let Some(exercise) = state.next_not_done(&workshop) else {
        let count = workshop.exercises.len();
        report::emit(format, &NextDoc::AllDone { count });
        return Ok(Exit::Success);
    };
    if args.check {
        return super::check::check(&workshop, &exercise.id, false, format);
    }
    report::emit(format, &NextDoc::Exercise(exercise));
    Ok(Exit::Success)
}
