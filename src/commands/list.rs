//! `workshop list`: the exercises in curriculum order, with the attendee's progress.

use super::Context;
use crate::Exit;
use crate::cli::ListArgs;
use crate::layout::Layout;
use crate::report::{self, Format, ListDoc};
use crate::state::State;

pub fn run(cx: &Context, args: &ListArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    // Its warnings were said when the workshop was loaded.
    let state = State::load(&Layout::new(&workshop.root));
    report::emit(Format::json(args.json), &ListDoc::new(&workshop, &state));
    Ok(Exit::Success)
}
