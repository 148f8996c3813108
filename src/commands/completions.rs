//! `workshop completions <shell>`: a completion script for the shell.

use super::Context;
use crate::Exit;
use crate::cli::{Cli, CompletionsArgs};
use crate::report;

pub fn run(_: &Context, args: &CompletionsArgs) -> anyhow::Result<Exit> {
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut <Cli as clap::CommandFactory>::command(),
        "workshop",
        &mut script,
    );
    report::out(&String::from_utf8_lossy(&script));
    Ok(Exit::Success)
}
