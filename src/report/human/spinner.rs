//! The spinner of a check, on stderr and only on terminals: it names the step
//! the check is at, says when the check waits for another check of the same
//! exercise, and when a step runs far longer than it did last time, counts
//! the time up live and says when the step will be stopped.
//!
//! It is drawn only once it has something to say, and whatever is printed
//! while it is drawn goes through [`Spinner::print`], which takes it off the
//! screen first: a line written under a drawn spinner would push the spinner's
//! line, glyph and all, into the scrollback.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::run::CheckEvent;
use crate::tr;
use crate::units::duration;

/// How often the spinner's watchdog looks at the running step.
const WATCH: Duration = Duration::from_millis(250);

/// A spinner on stderr that names the step a check is at, drawn only on a
/// terminal. When a step runs far longer than it did in the last check (or
/// for long at all), it says so, second by second, with when the step will
/// be stopped and that Ctrl-C shows where the code is.
pub struct Spinner {
    bar: indicatif::ProgressBar,
    /// Whether the bar ticks (it starts with its first message).
    ticking: AtomicBool,
    /// Shown, but stderr is no terminal: a wait is said in a line instead.
    lines: bool,
    step: Arc<Mutex<Option<Current>>>,
    stop: Arc<AtomicBool>,
    watchdog: Option<std::thread::JoinHandle<()>>,
}

/// The step that runs now.
struct Current {
    text: String,
    usual: Option<Duration>,
    timeout: Option<Duration>,
    since: Instant,
    /// The whole seconds the slow-step message says now, once it is shown.
    shown: Option<u64>,
}

/// How long a step may run before the spinner says it runs long: five times
/// its last time, at least three seconds; fifteen seconds for a step never timed.
fn too_long(usual: Option<Duration>) -> Duration {
    usual.map_or(Duration::from_secs(15), |u| {
        (u * 5).max(Duration::from_secs(3))
    })
}

/// What the spinner says of `step`, running for `seconds`, when it runs long.
fn slow(step: &str, seconds: u64, usual: Option<Duration>, timeout: Option<Duration>) -> String {
    let time = duration(Duration::from_secs(seconds));
    match (usual, timeout) {
        (Some(usual), Some(timeout)) => tr!(
            "spinner-long-usually-stopped-at",
            step = step,
            time = time,
            usual = duration(usual),
            timeout = duration(timeout)
        ),
        (Some(usual), None) => tr!(
            "spinner-long-usually",
            step = step,
            time = time,
            usual = duration(usual)
        ),
        (None, Some(timeout)) => tr!(
            "spinner-long-stopped-at",
            step = step,
            time = time,
            timeout = duration(timeout)
        ),
        (None, None) => tr!("spinner-long", step = step, time = time),
    }
}

/// The watchdog: once the running step has run long, its message counts the
/// seconds up.
fn watch(bar: &indicatif::ProgressBar, step: &Mutex<Option<Current>>, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(WATCH);
        let Ok(mut current) = step.lock() else { return };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let Some(current) = current.as_mut() else {
            continue;
        };
        let elapsed = current.since.elapsed();
        if elapsed < too_long(current.usual) {
            continue;
        }
        let seconds = elapsed.as_secs();
        if current.shown == Some(seconds) {
            continue;
        }
        current.shown = Some(seconds);
        bar.set_message(slow(&current.text, seconds, current.usual, current.timeout));
    }
}

impl Spinner {
    /// A spinner, or a hidden one when `visible` is false or stderr is not a terminal.
    pub fn new(visible: bool) -> Spinner {
        let step: Arc<Mutex<Option<Current>>> = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        if !(visible && console::Term::stderr().is_term()) {
            return Spinner {
                bar: indicatif::ProgressBar::hidden(),
                ticking: AtomicBool::new(false),
                lines: visible,
                step,
                stop,
                watchdog: None,
            };
        }
        let bar = indicatif::ProgressBar::new_spinner();
        let watchdog = {
            let (bar, step, stop) = (bar.clone(), Arc::clone(&step), Arc::clone(&stop));
            std::thread::spawn(move || watch(&bar, &step, &stop))
        };
        Spinner {
            bar,
            ticking: AtomicBool::new(false),
            lines: false,
            step,
            stop,
            watchdog: Some(watchdog),
        }
    }

    /// Shows `message`; the first one starts the spinner.
    fn say(&self, message: String) {
        self.bar.set_message(message);
        if !self.ticking.swap(true, Ordering::SeqCst) && !self.stop.load(Ordering::Relaxed) {
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    /// Follows a check: which step runs, how far a step of many runs is, and
    /// off the screen when the check is over.
    pub fn follow(&self, event: &CheckEvent<'_>) {
        match event {
            CheckEvent::Waiting { exercise } => {
                let text = tr!("spinner-waiting", id = *exercise);
                if self.lines {
                    super::super::err(&format!("{text}\n"));
                }
                self.say(text);
            }
            CheckEvent::StepStarted {
                exercise,
                step,
                usual,
                timeout,
            } => {
                let text = tr!("spinner-step", id = *exercise, step = *step);
                self.say(text.clone());
                if let Ok(mut current) = self.step.lock() {
                    *current = Some(Current {
                        text,
                        usual: *usual,
                        timeout: *timeout,
                        since: Instant::now(),
                        shown: None,
                    });
                }
            }
            CheckEvent::RunProgress {
                exercise,
                step,
                done,
                total,
            } => {
                self.say(tr!(
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
                    current.timeout = None;
                    current.shown = None;
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

    /// Writes `text` to stdout with the spinner off the screen meanwhile, so
    /// that no line of it stays behind.
    pub fn print(&self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.bar.suspend(|| super::super::out(text));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_step_says_its_seconds_and_when_it_will_be_stopped() {
        let text = slow(
            "tests",
            5,
            Some(Duration::from_millis(19)),
            Some(Duration::from_secs(10)),
        );
        assert!(text.contains("after 5s"), "{text}");
        assert!(text.contains("19ms last time"), "{text}");
        assert!(text.contains("stopped at 10s"), "{text}");
        let text = slow("tests", 16, None, Some(Duration::from_secs(120)));
        assert!(text.contains("after 16s"), "{text}");
        assert!(text.contains("stopped at 2m00s"), "{text}");
    }
}
