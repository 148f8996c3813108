//! One file per subcommand, each `run(&Context, &Args) -> Result<Exit>`: load
//! what the command needs, call the domain modules, and emit one document.

mod check;
mod compare;
mod completions;
mod diff;
mod doctor;
mod hint;
mod inspect;
mod list;
mod next;
mod open;
mod reset;
mod restore;
mod verify;
mod watch;

use std::path::PathBuf;

use crate::Exit;
use crate::cli::Command;
use crate::manifest::{self, ManifestError, Workshop};

/// What every command may need besides its own arguments.
#[derive(Debug, Clone)]
pub struct Context {
    /// `--root`: the workshop root, if given.
    pub root: Option<PathBuf>,
}

impl Context {
    /// The workshop root: `--root`, else the nearest directory upward holding
    /// workshop.yaml.
    pub fn root(&self) -> Result<PathBuf, ManifestError> {
        match &self.root {
            Some(root) if root.join(manifest::MANIFEST).is_file() => Ok(root.clone()),
            Some(root) => Err(ManifestError::NotFound {
                start: root.clone(),
            }),
            None => {
                let cwd = std::env::current_dir().map_err(|source| ManifestError::Read {
                    path: PathBuf::from("."),
                    source,
                })?;
                manifest::find_root(&cwd)
            }
        }
    }

    /// The workshop, validated; the starters of exercises nobody has touched
    /// are saved on the way, for workshops outside git.
    pub fn workshop(&self) -> Result<Workshop, ManifestError> {
        let workshop = manifest::load(&self.root()?)?;
        // Read first here, so that a state file set aside as unreadable is
        // said whichever command meets it first.
        let layout = crate::layout::Layout::new(&workshop.root);
        // What a command killed midway left at the top of `.workshop/` (a
        // state file on its way) goes, whoever comes next.
        crate::leftovers::sweep_here(layout.dir());
        let state = crate::state::State::load(&layout);
        for warning in &state.warnings {
            crate::report::warning(warning);
        }
        crate::starter::remember(&workshop);
        Ok(workshop)
    }
}

/// Runs the command.
pub fn run(cx: &Context, command: &Command) -> anyhow::Result<Exit> {
    match command {
        Command::List(args) => list::run(cx, args),
        Command::Check(args) => check::run(cx, args),
        Command::Hint(args) => hint::run(cx, args),
        Command::Reset(args) => reset::run(cx, args),
        Command::Restore(args) => restore::run(cx, args),
        Command::Diff(args) => diff::run(cx, args),
        Command::Open(args) => open::run(cx, args),
        Command::Watch(args) => watch::run(cx, args),
        Command::Next(args) => next::run(cx, args),
        Command::Verify(args) => verify::run(cx, args),
        Command::Inspect(args) => inspect::run(cx, args),
        Command::Compare(args) => compare::run(cx, args),
        Command::Completions(args) => completions::run(cx, args),
        Command::Doctor(args) => doctor::run(cx, args),
    }
}
