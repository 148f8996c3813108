//! `workshop list`: the exercises in curriculum order, with the attendee's progress.

use super::Context;
use crate::Exit;
use crate::cli::ListArgs;
use crate::layout::Layout;
use crate::report::{self, Format, HistoryDoc, ListDoc};
use crate::state::State;

pub fn run(cx: &Context, args: &ListArgs) -> anyhow::Result<Exit> {
    let workshop = cx.workshop()?;
    // Its warnings were said when the workshop was loaded.
    let state = State::load(&Layout::new(&workshop.root));
    let format = Format::json(args.json);
    match &args.history {
        Some(id) => report::emit(format, &HistoryDoc::new(workshop.exercise(id)?, &state)),
        None => {
            // What the installed Go leaves out is shown too; without a `go`
            // to ask, the list is only the progress.
            let found = crate::exec::GoTool::detect(workshop.go)
                .ok()
                .and_then(|go| go.info.parsed);
            report::emit(format, &ListDoc::new(&workshop, &state, found));
        }
    }
    Ok(Exit::Success)
}
