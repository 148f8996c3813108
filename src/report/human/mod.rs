//! Rendering for people, one file per command: symbols and colours through
//! `console`, which honours NO_COLOR, CLICOLOR and whether the output is a
//! terminal; a spinner and a progress bar on stderr, drawn only on terminals.

mod check;
mod compare;
mod doctor;
mod files;
mod inspect;
mod list;
mod profile;
#[cfg(test)]
mod tests;
mod verify;
pub mod watch;

use console::style;

use crate::run::CheckEvent;

pub use check::check;
pub use compare::compare;
pub use doctor::doctor;
pub use files::{backups, diff, hints, reset, restored};
pub use inspect::{InspectView, trace_summary};
pub use list::{all_done, list, next};
pub use profile::{ProfileView, ordered, profile};
pub use verify::{verify, verify_progress};

fn pass() -> String {
    style("✓").green().bold().to_string()
}

fn fail() -> String {
    style("✗").red().bold().to_string()
}

fn unsure() -> String {
    style("?").yellow().bold().to_string()
}

/// A spinner on stderr that names the step a check is at, drawn only on a
/// terminal.
pub struct Spinner {
    bar: indicatif::ProgressBar,
}

impl Spinner {
    /// A spinner, or a hidden one when `visible` is false or stderr is not a terminal.
    pub fn new(visible: bool) -> Spinner {
        let bar = if visible && console::Term::stderr().is_term() {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        Spinner { bar }
    }

    /// Follows a check: which step runs, how far a step of many runs is, and
    /// off the screen when the check is over.
    pub fn follow(&self, event: &CheckEvent<'_>) {
        match event {
            CheckEvent::StepStarted { exercise, step } => {
                self.bar.set_message(format!("checking {exercise}: {step}"));
            }
            CheckEvent::RunProgress {
                exercise,
                step,
                done,
                total,
            } => {
                self.bar
                    .set_message(format!("checking {exercise}: {step} ({done}/{total})"));
            }
            CheckEvent::Finished { .. } => self.clear(),
            CheckEvent::Started { .. } | CheckEvent::StepFinished { .. } => {}
        }
    }

    /// Takes the spinner off the screen.
    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }
}
