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
#[cfg(test)]
mod tests_numbers;
#[cfg(test)]
mod tests_output;
mod verify;
pub mod watch;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use console::style;

use crate::run::CheckEvent;
use crate::tr;
use crate::units::duration;

pub use check::check;
pub use compare::compare;
pub use doctor::doctor;
pub use files::{
    HintView, backups, diff, hints, reset, restored, tests_already_restored, tests_restored, undone,
};
pub use inspect::{InspectView, trace_summary};
pub use list::{all_done, list, next};
pub use profile::{ProfileView, ordered, profile};
pub use verify::{UntranslatedDoc, verify, verify_progress};

/// `text` as one paragraph: the first line starts with `first`, the others
/// with `indent`. On a terminal the lines break between words at its width;
/// elsewhere (a pipe, a file) the paragraph stays one line.
fn paragraph(first: &str, indent: &str, text: &str) -> String {
    match console::Term::stdout().size_checked() {
        Some((_, columns)) if console::Term::stdout().is_term() => {
            wrap_to(usize::from(columns), first, indent, text)
        }
        _ => format!("{first}{text}\n"),
    }
}

/// [`paragraph`] at a given width. Words longer than a line (a path, a URL)
/// stay whole on a line of their own.
fn wrap_to(width: usize, first: &str, indent: &str, text: &str) -> String {
    // English breaks at spaces only, so that paths and names stay whole;
    // Japanese, written without spaces, wherever Unicode's line breaking
    // rules allow (between most characters, never before `。` or `）`).
    let separator = match crate::i18n::lang() {
        crate::i18n::Lang::En => textwrap::WordSeparator::AsciiSpace,
        crate::i18n::Lang::Ja => textwrap::WordSeparator::UnicodeBreakProperties,
    };
    let options = textwrap::Options::new(width.max(20))
        .word_separator(separator)
        .initial_indent(first)
        .subsequent_indent(indent)
        .break_words(false);
    let mut out = textwrap::fill(text, options);
    out.push('\n');
    out
}

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
/// terminal. When a step runs far longer than it did in the last check (or
/// for long at all), it says so, and that Ctrl-C shows where the code is.
pub struct Spinner {
    bar: indicatif::ProgressBar,
    step: Arc<Mutex<Option<Current>>>,
    stop: Arc<AtomicBool>,
    watchdog: Option<std::thread::JoinHandle<()>>,
}

/// The step that runs now.
struct Current {
    text: String,
    usual: Option<Duration>,
    since: Instant,
    told: bool,
}

/// How long a step may run before the spinner says it runs long: five times
/// its last time, at least three seconds; fifteen seconds for a step never timed.
fn too_long(usual: Option<Duration>) -> Duration {
    usual.map_or(Duration::from_secs(15), |u| {
        (u * 5).max(Duration::from_secs(3))
    })
}

impl Spinner {
    /// A spinner, or a hidden one when `visible` is false or stderr is not a terminal.
    pub fn new(visible: bool) -> Spinner {
        let step: Arc<Mutex<Option<Current>>> = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        if !(visible && console::Term::stderr().is_term()) {
            return Spinner {
                bar: indicatif::ProgressBar::hidden(),
                step,
                stop,
                watchdog: None,
            };
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.enable_steady_tick(Duration::from_millis(120));
        let watchdog = {
            let (bar, step, stop) = (bar.clone(), Arc::clone(&step), Arc::clone(&stop));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(250));
                    let Ok(mut current) = step.lock() else { return };
                    let Some(current) = current.as_mut() else {
                        continue;
                    };
                    let elapsed = current.since.elapsed();
                    if current.told || elapsed < too_long(current.usual) {
                        continue;
                    }
                    current.told = true;
                    let message = match current.usual {
                        Some(usual) => tr!(
                            "spinner-long-usually",
                            step = &current.text,
                            time = duration(elapsed),
                            usual = duration(usual)
                        ),
                        None => tr!(
                            "spinner-long",
                            step = &current.text,
                            time = duration(elapsed)
                        ),
                    };
                    bar.set_message(message);
                }
            })
        };
        Spinner {
            bar,
            step,
            stop,
            watchdog: Some(watchdog),
        }
    }

    /// Follows a check: which step runs, how far a step of many runs is, and
    /// off the screen when the check is over.
    pub fn follow(&self, event: &CheckEvent<'_>) {
        match event {
            CheckEvent::StepStarted {
                exercise,
                step,
                usual,
            } => {
                let text = tr!("spinner-step", id = *exercise, step = *step);
                self.bar.set_message(text.clone());
                if let Ok(mut current) = self.step.lock() {
                    *current = Some(Current {
                        text,
                        usual: *usual,
                        since: Instant::now(),
                        told: false,
                    });
                }
            }
            CheckEvent::RunProgress {
                exercise,
                step,
                done,
                total,
            } => {
                self.bar.set_message(tr!(
                    "spinner-progress",
                    id = *exercise,
                    step = *step,
                    done = done.to_string(),
                    total = total.to_string()
                ));
                // Each run done is progress: the next one is timed afresh.
                if let Ok(mut current) = self.step.lock()
                    && let Some(current) = current.as_mut()
                {
                    current.since = Instant::now();
                    current.usual = None;
                    current.told = false;
                }
            }
            CheckEvent::StepFinished { .. } => {
                if let Ok(mut current) = self.step.lock() {
                    *current = None;
                }
            }
            CheckEvent::Finished { .. } => self.clear(),
            CheckEvent::Started { .. } => {}
        }
    }

    /// Takes the spinner off the screen.
    pub fn clear(&self) {
        self.stop.store(true, Ordering::Relaxed);
        self.bar.finish_and_clear();
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.clear();
        if let Some(watchdog) = self.watchdog.take() {
            let _ = watchdog.join();
        }
    }
}
