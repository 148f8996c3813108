//! `workshop watch` in a pseudo-terminal: however it ends (`q`, Escape,
//! Ctrl-C, the last exercise done), the terminal's modes afterwards are those
//! it found.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::termios::{self, Termios};

use crate::{Workshop, processes_mentioning, processes_now_mentioning, workshop_process};

/// What the modes are made of, comparable.
fn modes(fd: impl AsFd) -> String {
    let t: Termios = termios::tcgetattr(fd).unwrap();
    format!(
        "{:?} {:?} {:?} {:?} {:?}",
        t.input_flags, t.output_flags, t.control_flags, t.local_flags, t.control_chars
    )
}

struct Session {
    child: std::process::Child,
    master: File,
    slave: Option<OwnedFd>,
    output: Arc<Mutex<String>>,
    reader: Option<std::thread::JoinHandle<()>>,
    before: String,
}

impl Session {
    /// `workshop watch` on the terminal side of a new pseudo-terminal, as the
    /// leader of its session with that terminal as its controlling one.
    fn start(workshop: &Workshop, args: &[&str]) -> Session {
        let pty = nix::pty::openpty(None, None).unwrap();
        // Only the copies given as its standard streams go to the program:
        // one holding the controller side would block on a full terminal
        // once a failed test has stopped reading it.
        for fd in [pty.master.as_raw_fd(), pty.slave.as_raw_fd()] {
            // SAFETY: setting a flag on descriptors this function owns.
            unsafe { nix::libc::fcntl(fd, nix::libc::F_SETFD, nix::libc::FD_CLOEXEC) };
        }
        let before = modes(&pty.slave);
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().unwrap());
        let mut command = workshop_process();
        command
            .arg("--root")
            .arg(workshop.path())
            .args(args)
            .env("TERM", "xterm")
            .stdin(io(&pty.slave))
            .stdout(io(&pty.slave))
            .stderr(io(&pty.slave));
        // SAFETY: between fork and exec only async-signal-safe calls are made.
        unsafe {
            command.pre_exec(|| {
                nix::unistd::setsid().map_err(std::io::Error::from)?;
                if nix::libc::ioctl(0, nix::libc::TIOCSCTTY as _, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().unwrap();
        let master = File::from(pty.master);
        let output = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&output);
        let mut from = master.try_clone().unwrap();
        let reader = std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            // Ends with EIO once no process holds the terminal side open.
            while let Ok(n) = from.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        Session {
            child,
            master,
            slave: Some(pty.slave),
            output,
            reader: Some(reader),
            before,
        }
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(90);
        while Instant::now() < deadline {
            if self.output.lock().unwrap().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "watch never printed {text:?}; it printed:\n{}",
            self.output.lock().unwrap()
        );
    }

    /// Whether the program has ended within `wait`.
    fn ends_within(&mut self, wait: Duration) -> bool {
        let deadline = Instant::now() + wait;
        loop {
            if self.child.try_wait().unwrap().is_some() {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn press(&mut self, keys: &[u8]) {
        self.master.write_all(keys).unwrap();
    }

    /// Waits for the end; the exit code and the terminal's modes then.
    fn finish(mut self) -> (Option<i32>, String, String) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("watch did not end:\n{}", self.output.lock().unwrap());
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let after = modes(self.slave.as_ref().unwrap());
        drop(self.slave.take());
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        let output = self.output.lock().unwrap().clone();
        assert_eq!(
            self.before, after,
            "the terminal's modes changed:\n{output}"
        );
        (status.code(), after, output)
    }
}

#[test]
fn quitting_watch_with_q_restores_the_terminal() {
    let workshop = Workshop::fixture("outcomes");
    let mut session = Session::start(&workshop, &["watch", "outcome/unmet"]);
    session.wait_for("FAIL 0 of 1 goals met");
    session.wait_for("q quit");
    // A key that only shows the keys again, then q.
    session.press(b"x");
    std::thread::sleep(Duration::from_millis(300));
    session.press(b"q");
    let (code, _, _) = session.finish();
    assert_eq!(code, Some(0));
}

#[test]
fn escape_quits_and_arrow_keys_do_not() {
    let workshop = Workshop::fixture("outcomes");
    let mut session = Session::start(&workshop, &["watch", "outcome/unmet"]);
    session.wait_for("q quit");
    session.press(b"\x1b[A");
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        session.child.try_wait().unwrap().is_none(),
        "an arrow key ended watch"
    );
    session.press(b"\x1b");
    let (code, _, _) = session.finish();
    assert_eq!(code, Some(0));
}

#[test]
fn ctrl_c_in_watch_restores_the_terminal() {
    let workshop = Workshop::fixture("outcomes");
    let mut session = Session::start(&workshop, &["watch", "outcome/unmet"]);
    session.wait_for("q quit");
    // The terminal turns ^C into SIGINT: signals must still be on.
    session.press(b"\x03");
    let (code, _, _) = session.finish();
    assert_eq!(code, Some(130));
}

#[test]
fn watch_ending_with_the_last_exercise_restores_the_terminal() {
    let workshop = Workshop::fixture("outcomes");
    let manifest = workshop.path().join("workshop.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let only: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("- ") || l.contains("outcome/unmet"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&manifest, only).unwrap();
    let session = Session::start(&workshop, &["watch", "outcome/unmet"]);
    session.wait_for("q quit");
    let fixed = workshop
        .path()
        .join("checks/outcome/unmet/solution/clone.go");
    std::fs::copy(
        fixed,
        workshop.path().join("exercises/outcome/unmet/clone.go"),
    )
    .unwrap();
    session.wait_for("PASS 1 of 1 goals met");
    let (code, _, output) = session.finish();
    assert_eq!(code, Some(0), "{output}");
}

#[test]
fn watch_keeps_a_passed_exercise_on_screen_and_names_the_hint_key() {
    let workshop = Workshop::fixture("outcomes");
    let mut session = Session::start(&workshop, &["watch", "outcome/met"]);
    // outcome/met passes as shipped: its result stays, then the next begins.
    session.wait_for("next: outcome/unmet");
    session.wait_for("q quit");
    session.press(b"h");
    session.wait_for("Press h again for the next one.");
    session.press(b"q");
    let (_, _, output) = session.finish();
    let passed = output.find("PASS 2 of 2 goals met").expect(&output);
    assert!(
        !output[passed..].contains("\x1b[2J"),
        "the screen was cleared after the pass:\n{output}"
    );
    // The spinner is drawn only once it has a step to name: a glyph drawn
    // before the screen is cleared would stay in the scrollback.
    let clear = output.find("\x1b[2J").expect(&output);
    assert!(
        !output[..clear]
            .chars()
            .any(|c| ('\u{2800}'..='\u{28ff}').contains(&c)),
        "a spinner glyph was drawn before the screen was cleared:\n{output}"
    );
    let first = output.find("FAIL").expect(&output);
    assert_eq!(
        output[..first].matches("checking outcome/met").count(),
        output[..first].matches("checking outcome/met:").count(),
        "on a terminal only the spinner says what is being checked:\n{output}"
    );
}

/// The save that passes an exercise is often followed by another while its
/// check runs (an editor that formats on save writes twice): that second save
/// is still waiting when watch moves on, and must not set off a check of the
/// next exercise.
#[test]
fn watch_ignores_a_save_of_the_exercise_it_moved_on_from() {
    let workshop = Workshop::fixture("outcomes");
    let mut session = Session::start(&workshop, &["watch", "outcome/met"]);
    // outcome/met passes as shipped; its file is saved during that check.
    session.wait_for("checking outcome/met: build");
    let file = workshop.path().join("exercises/outcome/met/sum.go");
    let text = std::fs::read(&file).unwrap();
    std::fs::write(&file, text).unwrap();
    session.wait_for("next: outcome/unmet");
    session.wait_for("q quit");
    // Time for a save still queued to be taken (after 300 ms of quiet).
    std::thread::sleep(Duration::from_millis(1500));
    session.press(b"q");
    let (code, _, output) = session.finish();
    assert_eq!(code, Some(0), "{output}");
    assert!(
        !output.contains("sum.go changed"),
        "a save of outcome/met set off a check of outcome/unmet:\n{output}"
    );
    assert_eq!(
        output.matches("FAIL 0 of 1 goals met").count(),
        1,
        "outcome/unmet was checked again:\n{output}"
    );
}

/// outcome/busy as a fixture whose test spins for minutes, with a background
/// process of its own (named by `sleep`'s argument, unique to the test).
fn spinning(sleep: &str) -> Workshop {
    let workshop = Workshop::fixture("outcomes");
    let test = workshop.path().join("exercises/outcome/busy/busy_test.go");
    let text = std::fs::read_to_string(&test).unwrap();
    assert!(text.contains("\"7343\""));
    std::fs::write(&test, text.replace("\"7343\"", &format!("\"{sleep}\""))).unwrap();
    workshop
}

#[test]
fn q_during_a_running_check_quits_at_once_and_leaves_nothing_running() {
    let workshop = spinning("7361");
    let mut session = Session::start(&workshop, &["watch", "outcome/busy"]);
    session.wait_for("checking outcome/busy: tests");
    let deadline = Instant::now() + Duration::from_secs(30);
    while processes_now_mentioning("sleep 7361").is_empty() {
        assert!(Instant::now() < deadline, "the test never started");
        std::thread::sleep(Duration::from_millis(50));
    }
    session.press(b"q");
    assert!(
        session.ends_within(Duration::from_secs(1)),
        "q did not end watch within 1 s:\n{}",
        session.output.lock().unwrap()
    );
    let binary = workshop
        .path()
        .join(".workshop/runs/outcome/busy/exercise.test");
    // The modes of the terminal are checked by `finish`.
    let (code, _, output) = session.finish();
    assert_eq!(code, Some(0), "{output}");
    assert_eq!(processes_mentioning("sleep 7361"), Vec::<String>::new());
    assert_eq!(
        processes_mentioning(&binary.display().to_string()),
        Vec::<String>::new()
    );
}

#[test]
fn a_slow_step_counts_up_and_says_when_it_will_be_stopped() {
    let workshop = spinning("7362");
    // The tests took 1 ms last time: the spinner speaks up after 3 s.
    workshop.write(
        ".workshop/runs/outcome/busy/steps.json",
        r#"{"tests":0.001}"#,
    );
    let mut session = Session::start(&workshop, &["check", "outcome/busy"]);
    session.wait_for("checking outcome/busy: tests: still running after 3s");
    session.wait_for("stopped at 2m00s");
    session.wait_for("checking outcome/busy: tests: still running after 4s");
    session.wait_for("checking outcome/busy: tests: still running after 5s");
    session.press(b"\x03");
    let (code, _, output) = session.finish();
    assert_eq!(code, Some(130), "{output}");
    assert_eq!(processes_mentioning("sleep 7362"), Vec::<String>::new());
}

#[test]
fn a_check_waiting_for_another_check_of_its_exercise_says_so() {
    let workshop = Workshop::fixture("outcomes");
    let lock_path = workshop.path().join(".workshop/runs/outcome/met/.lock");
    std::fs::create_dir_all(lock_path.parent().unwrap()).unwrap();
    // Another check of outcome/met holds its run directory.
    let lock = File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    let session = Session::start(&workshop, &["check", "outcome/met"]);
    session.wait_for("waiting for another check of outcome/met");
    drop(lock);
    session.wait_for("PASS 2 of 2 goals met");
    let (code, _, output) = session.finish();
    assert_eq!(code, Some(0), "{output}");
}
