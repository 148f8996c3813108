//! The `go` commands of each page's command blocks, and of each exercise's
//! hints, run in order as written in a copy of the exercises' module, each
//! with a deadline and killed with everything it started.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

use super::go_help::{flag_name, go_says, redirected};
use super::markdown::{commands, shown_in_docs};
use super::{exercise_hints, hint_commands};
use crate::{copy_dir, go, processes_mentioning, repo};

/// How long one `go` command shown in the docs may run.
const DEADLINE: Duration = Duration::from_secs(180);

/// How many lines of a failed command's output a report shows.
const TAIL: usize = 40;

/// pprof's output formats, from its `-h`, each with whether it opens a viewer
/// (a browser, gv, evince...) rather than printing.
fn pprof_formats(help: &str) -> BTreeMap<String, bool> {
    help.lines()
        .skip_while(|line| !line.contains("Output formats"))
        .skip(1)
        .map_while(|line| line.trim().strip_prefix('-'))
        .filter_map(|line| line.split_once(char::is_whitespace))
        .map(|(name, about)| {
            let about = about.trim();
            let viewer = about.starts_with("Visualize") || about.starts_with("Display");
            (name.to_owned(), viewer)
        })
        .collect()
}

/// The tool a `go tool <name> ...` command runs.
fn tool(words: &[String]) -> Option<&str> {
    (words.get(1)? == "tool").then(|| words.get(2).map(String::as_str))?
}

/// Why a command is only checked statically and not run: it needs a shell
/// (beyond a trailing `> file`), or it would fetch a URL, serve pprof's web UI
/// on a fixed port, open a viewer or wait in pprof's interactive shell. (The
/// trace viewer is run: see [`serves`].)
fn static_only(words: &[String], pprof_formats: &BTreeMap<String, bool>) -> Option<&'static str> {
    static_only_while(words, pprof_formats, false)
}

/// [`static_only`], knowing whether a server started by an earlier command of
/// the page is `serving`: then a command that fetches a URL is run.
fn static_only_while(
    words: &[String],
    pprof_formats: &BTreeMap<String, bool>,
    serving: bool,
) -> Option<&'static str> {
    const SHELL: [&str; 8] = ["|", "||", "&&", ";", "&", "<", ">", ">>"];
    if words.iter().any(|word| SHELL.contains(&word.as_str())) {
        return Some("needs a shell");
    }
    if !serving && words.iter().any(|word| word.contains("://")) {
        return Some("fetches a URL");
    }
    let flags: BTreeSet<&str> = words
        .iter()
        .filter_map(|word| flag_name(word))
        .map(|(name, _)| name)
        .collect();
    match tool(words) {
        Some("pprof") if flags.contains("http") => Some("serves pprof's web UI"),
        Some("pprof") => {
            let formats: Vec<bool> = flags
                .iter()
                .filter_map(|flag| pprof_formats.get(*flag).copied())
                .collect();
            if formats.is_empty() {
                Some("starts pprof's interactive shell")
            } else if formats.contains(&true) {
                Some("opens a viewer")
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a command serves a web page until stopped: `go tool trace` without
/// `-d` or `-pprof` parses the trace, starts its viewer and opens a browser.
fn serves(words: &[String]) -> bool {
    let flags: BTreeSet<&str> = words
        .iter()
        .filter_map(|word| flag_name(word))
        .map(|(name, _)| name)
        .collect();
    tool(words) == Some("trace") && !flags.contains("d") && !flags.contains("pprof")
}

/// Whether a command is a `go run`, which may start a server (or a load
/// client) that keeps running while the page's next commands talk to it.
fn runs_a_program(words: &[String]) -> bool {
    words.get(1).is_some_and(|w| w == "run")
}

/// Scripts that start servers run one at a time: the servers listen on the
/// ports their pages name.
static SERVING: Mutex<()> = Mutex::new(());

/// A program started by a `go run` of a page that said where it listens and
/// keeps running: a server, or a load client sending to one.
struct Background {
    command: String,
    child: std::process::Child,
    group: Pid,
    stdout: tempfile::NamedTempFile,
    stderr: tempfile::NamedTempFile,
}

/// How a `go run` went: it ended like any command, or it is serving.
enum Started {
    Ended(Ended),
    Serving(Background),
}

/// Runs `go run ...` until it ends (a command like any other), or says where
/// it listens (an `http://` address) or listens on a port its command line
/// names, in which case it keeps running in its own process group.
fn start(command: &str, args: &[String], dir: &Path, deadline: Duration) -> Started {
    let stdout = tempfile::NamedTempFile::new().unwrap();
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let mut child = go()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(stdout.as_file().try_clone().unwrap())
        .stderr(stderr.as_file().try_clone().unwrap())
        .process_group(0)
        .spawn()
        .expect("`go` must be installed");
    let group = Pid::from_raw(i32::try_from(child.id()).unwrap());
    let started = Instant::now();
    let address = regex::Regex::new(r"https?://\S+").unwrap();
    // The ports its command line names (`-addr=127.0.0.1:8080`), for a server
    // that listens without saying so.
    let ports: Vec<u16> = regex::Regex::new(r":(\d{2,5})\b")
        .unwrap()
        .captures_iter(&args.join(" "))
        .filter_map(|c| c[1].parse().ok())
        .collect();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let _ = killpg(group, Signal::SIGKILL);
            return Started::Ended(Ended {
                status: Some(status),
                page: None,
                stdout: std::fs::read(stdout.path()).unwrap(),
                stderr: std::fs::read(stderr.path()).unwrap(),
            });
        }
        let said = std::fs::read_to_string(stdout.path()).unwrap_or_default()
            + &std::fs::read_to_string(stderr.path()).unwrap_or_default();
        let listens = ports.iter().any(|port| {
            std::net::TcpStream::connect_timeout(
                &std::net::SocketAddr::from(([127, 0, 0, 1], *port)),
                Duration::from_millis(100),
            )
            .is_ok()
        });
        if address.is_match(&said) || listens {
            return Started::Serving(Background {
                command: command.to_owned(),
                child,
                group,
                stdout,
                stderr,
            });
        }
        if started.elapsed() > deadline {
            let _ = killpg(group, Signal::SIGKILL);
            child.wait().unwrap();
            return Started::Ended(Ended {
                status: None,
                page: None,
                stdout: std::fs::read(stdout.path()).unwrap(),
                stderr: std::fs::read(stderr.path()).unwrap(),
            });
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Background {
    /// Stops it as a terminal's Ctrl-C or a service manager would: SIGTERM to
    /// its group, then a few seconds to end; what is left is killed, and said.
    fn stop(mut self) -> Option<String> {
        let _ = killpg(self.group, Signal::SIGTERM);
        let until = Instant::now() + Duration::from_secs(10);
        let mut gone = false;
        while Instant::now() < until {
            // Reaped, so that a dead `go` is not counted as a live group.
            let _ = self.child.try_wait();
            if killpg(self.group, None).is_err() {
                gone = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = killpg(self.group, Signal::SIGKILL);
        let _ = self.child.wait();
        (!gone).then(|| {
            let ended = Ended {
                status: None,
                page: None,
                stdout: std::fs::read(self.stdout.path()).unwrap_or_default(),
                stderr: std::fs::read(self.stderr.path()).unwrap_or_default(),
            };
            format!(
                "`{}`: did not stop within 10s of SIGTERM; the last lines of its output:\n{}",
                self.command,
                tail(&ended, TAIL)
            )
        })
    }
}

/// How a command run with a deadline ended.
struct Ended {
    /// `None` when it outlived its deadline and its process group was killed
    /// (or, for a server, when it was stopped after its page was fetched).
    status: Option<ExitStatus>,
    /// For a server: its first page was fetched, or why not.
    page: Option<Result<(), String>>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Ended {
    /// Its stdout and stderr, as text.
    fn output(&self) -> String {
        format!(
            "{}{}",
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(&self.stderr)
        )
    }
}

/// Runs `go args...` in `dir`, with no input, in a process group of its own
/// that is killed whole if it outlives `deadline` (and once it is done, so
/// that nothing it started lingers). A command that `serves` is run with no
/// browser (`$BROWSER` is `true`) until it says where it listens; its first
/// page is fetched, and then it is stopped.
fn run_with_deadline(args: &[String], dir: &Path, deadline: Duration, serves: bool) -> Ended {
    let stdout = tempfile::NamedTempFile::new().unwrap();
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let mut child = go()
        .args(args)
        .current_dir(dir)
        .env("BROWSER", "true")
        .stdin(Stdio::null())
        .stdout(stdout.as_file().try_clone().unwrap())
        .stderr(stderr.as_file().try_clone().unwrap())
        .process_group(0)
        .spawn()
        .expect("`go` must be installed");
    let group = Pid::from_raw(i32::try_from(child.id()).unwrap());
    let started = Instant::now();
    let listening = regex::Regex::new(r"listening on https?://(\S+)").unwrap();
    let mut page = None;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if serves {
            // Read by path: the child's descriptors share no offset with it.
            let said = std::fs::read_to_string(stderr.path()).unwrap_or_default();
            if let Some(address) = listening.captures(&said) {
                page = Some(fetch(&address[1]));
                let _ = killpg(group, Signal::SIGKILL);
                child.wait().unwrap();
                break None;
            }
        }
        if started.elapsed() > deadline {
            let _ = killpg(group, Signal::SIGKILL);
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // ESRCH, nothing left in the group, is the common case.
    let _ = killpg(group, Signal::SIGKILL);
    if serves && page.is_none() {
        page = Some(Err("never said where it listens".to_owned()));
    }
    Ended {
        status,
        page,
        stdout: std::fs::read(stdout.path()).unwrap(),
        stderr: std::fs::read(stderr.path()).unwrap(),
    }
}

/// Fetches `/` from a local web server at `address` (`host:port` and maybe a
/// path): it must answer 200 with a page.
fn fetch(address: &str) -> Result<(), String> {
    use std::io::Write;
    let host = address.split('/').next().unwrap_or(address);
    let timeout = Some(Duration::from_secs(30));
    let mut stream =
        std::net::TcpStream::connect(host).map_err(|e| format!("cannot connect to {host}: {e}"))?;
    stream.set_read_timeout(timeout).unwrap();
    stream.set_write_timeout(timeout).unwrap();
    write!(stream, "GET / HTTP/1.0\r\nHost: {host}\r\n\r\n")
        .map_err(|e| format!("cannot ask {host} for its page: {e}"))?;
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .map_err(|e| format!("no answer from {host}: {e}"))?;
    let status = answer.lines().next().unwrap_or_default();
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    if !status.contains(" 200 ") || body.trim().is_empty() {
        return Err(format!(
            "{host} answered `{status}` with {} bytes",
            body.len()
        ));
    }
    Ok(())
}

/// What is wrong with how a command ended: it failed or outlived its
/// deadline, or it is a pprof report of nothing (a `-list`, `-peek`,
/// `-focus`... regular expression that matches no function, or a `-list` or
/// `-peek` that prints nothing).
fn verdict(words: &[String], ended: &Ended) -> Option<String> {
    if let Some(page) = &ended.page {
        return match (page, ended.status) {
            (Ok(()), _) => None,
            (Err(_), Some(status)) => Some(format!("{status} instead of serving")),
            (Err(problem), None) => Some(problem.clone()),
        };
    }
    match ended.status {
        None => return Some("outlived its deadline; its process group was killed".to_owned()),
        Some(status) if !status.success() => return Some(format!("{status}")),
        Some(_) => {}
    }
    if tool(words) != Some("pprof") {
        return None;
    }
    let output = ended.output();
    if output.contains("no matches found") || output.contains("matched no samples") {
        return Some("a regular expression matches nothing in the profile".to_owned());
    }
    let lists = words
        .iter()
        .filter_map(|word| flag_name(word))
        .any(|(name, _)| name == "list" || name == "peek");
    (lists && ended.stdout.trim_ascii().is_empty()).then(|| "printed nothing".to_owned())
}

/// The last `lines` lines of a command's stdout and stderr, indented.
fn tail(ended: &Ended, lines: usize) -> String {
    let output = ended.output();
    let all: Vec<&str> = output.lines().collect();
    all[all.len().saturating_sub(lines)..]
        .iter()
        .map(|line| format!("    {line}\n"))
        .collect()
}

/// What running one page's commands gave.
#[derive(Default)]
struct Outcome {
    ran: usize,
    static_only: usize,
    problems: Vec<String>,
}

/// Runs a page's `go` commands in order in `dir`, each with `deadline`, and
/// stops at the first that fails: the next ones usually need what it makes.
fn run_in_order(
    page: &str,
    commands: &[String],
    dir: &Path,
    pprof_formats: &BTreeMap<String, bool>,
    deadline: Duration,
) -> Outcome {
    let mut outcome = Outcome::default();
    let mut background: Vec<Background> = Vec::new();
    for (i, command) in commands.iter().enumerate() {
        let Some(words) = shlex::split(command) else {
            outcome
                .problems
                .push(format!("{page}: `{command}`: unbalanced quotes"));
            continue;
        };
        let (words, into) = redirected(&words);
        if static_only_while(words, pprof_formats, !background.is_empty()).is_some() {
            outcome.static_only += 1;
            continue;
        }
        outcome.ran += 1;
        let ended = if runs_a_program(words) && into.is_none() {
            match start(command, &words[1..], dir, deadline) {
                Started::Serving(program) => {
                    background.push(program);
                    continue;
                }
                Started::Ended(ended) => ended,
            }
        } else {
            run_with_deadline(&words[1..], dir, deadline, serves(words))
        };
        match (verdict(words, &ended), into) {
            (None, None) => {}
            (None, Some(file)) => std::fs::write(dir.join(file), &ended.stdout).unwrap(),
            (Some(problem), _) => {
                let after = commands.len() - i - 1;
                outcome.problems.push(format!(
                    "{page}: `{command}`: {problem} (later commands of the page not run: {after}); \
                     the last lines of its output:\n{}",
                    tail(&ended, TAIL)
                ));
                break;
            }
        }
    }
    // The last started stops first: a load client before its server.
    for program in background.into_iter().rev() {
        if let Some(problem) = program.stop() {
            outcome.problems.push(format!("{page}: {problem}"));
        }
    }
    outcome
}

/// Commands to run in order in a fresh copy of `exercises/`: the command
/// blocks of a page, or the commands of an exercise's hints.
struct Script {
    /// Where the commands are shown, for reports.
    name: String,
    /// The directory they run in, relative to `exercises/`.
    dir: PathBuf,
    commands: Vec<String>,
}

/// Runs a script's commands in order in a fresh copy of `exercises/`.
fn run_script(script: &Script, pprof_formats: &BTreeMap<String, bool>) -> Outcome {
    let copy = tempfile::Builder::new()
        .prefix("workshop-docs-")
        .tempdir()
        .unwrap();
    copy_dir(crate::committed::exercises(), copy.path());
    let starts_programs = script
        .commands
        .iter()
        .any(|command| shlex::split(command).is_some_and(|words| runs_a_program(&words)));
    let _one_at_a_time = starts_programs.then(|| SERVING.lock().unwrap_or_else(|e| e.into_inner()));
    // The copy as a git repository holding the exercises as shipped: what the
    // commands leave behind must be ignored by the workshop's .gitignore.
    git(copy.path(), &["init", "-q"]);
    git(copy.path(), &["add", "-A"]);
    let mut outcome = run_in_order(
        &script.name,
        &script.commands,
        &copy.path().join(&script.dir),
        pprof_formats,
        DEADLINE,
    );
    let left = git(copy.path(), &["ls-files", "--others", "--exclude-standard"]);
    if !left.trim().is_empty() {
        outcome.problems.push(format!(
            "{}: the commands leave files git shows as untracked (add them to exercises/.gitignore): {}",
            script.name,
            left.split_whitespace().collect::<Vec<_>>().join(", ")
        ));
    }
    outcome
}

/// Runs git in `dir` and returns what it printed.
#[allow(clippy::disallowed_methods)] // tests may start processes
fn git(dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?} failed: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The output formats of the installed pprof.
fn installed_pprof_formats() -> BTreeMap<String, bool> {
    let formats = pprof_formats(&go_says(&["tool", "pprof", "-h"]).1);
    assert!(
        formats.contains_key("top") && formats.get("web") == Some(&true),
        "cannot read the output formats in `go tool pprof -h`: {formats:?}"
    );
    formats
}

#[test]
fn go_commands_in_the_docs_and_hints_run_as_written() {
    let started = Instant::now();
    let formats = installed_pprof_formats();
    // A Japanese page shows the commands of its English page (the docs/ja
    // test holds it to that): they are run once, from the English page.
    let pages = shown_in_docs("go")
        .into_iter()
        .filter(|(page, _)| !page.starts_with("docs/ja/"))
        .map(|(page, shown)| Script {
            name: page,
            dir: PathBuf::new(),
            commands: shown
                .into_iter()
                .filter(|s| s.fenced)
                .map(|s| s.text)
                .collect(),
        });
    let hints = exercise_hints().into_iter().map(|hints| Script {
        name: format!("{} (hints)", hints.file),
        commands: hint_commands(&hints, "go"),
        dir: hints.package,
    });
    let scripts: Vec<Script> = pages
        .chain(hints)
        .filter(|script| !script.commands.is_empty())
        .collect();
    // Two workers take the scripts in turn; each script runs in order.
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some(script) = scripts.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let outcome = run_script(script, &formats);
                    outcomes.lock().unwrap().push(outcome);
                }
            });
        }
    });
    let outcomes = outcomes.into_inner().unwrap();
    let ran: usize = outcomes.iter().map(|o| o.ran).sum();
    let static_only: usize = outcomes.iter().map(|o| o.static_only).sum();
    let mut problems: Vec<String> = outcomes.into_iter().flat_map(|o| o.problems).collect();
    problems.sort();
    eprintln!(
        "ran {ran} go commands of {} pages and hint lists ({static_only} checked statically only) in {:.1?}",
        scripts.len(),
        started.elapsed()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        ran >= 30,
        "only {ran} go commands of the docs and hints were run"
    );
}

#[test]
fn servers_viewers_and_interactive_shells_are_not_run() {
    let help = "\
  Output formats (select at most one):
    -list            Output annotated source for functions matching regexp
    -top             Outputs top entries in text form
    -web             Visualize graph through web browser
    -weblist         Display annotated source in a web browser

  Options:
    -focus           Restricts to samples going through a node matching regexp
";
    let formats = pprof_formats(help);
    assert_eq!(
        formats,
        BTreeMap::from([
            ("list".to_owned(), false),
            ("top".to_owned(), false),
            ("web".to_owned(), true),
            ("weblist".to_owned(), true),
        ])
    );
    let reason = |command: &str| static_only(&shlex::split(command).unwrap(), &formats);
    assert_eq!(reason("go tool trace trace.out"), None);
    assert_eq!(reason("go tool trace -d=parsed trace.out"), None);
    assert_eq!(reason("go tool trace -pprof=sync trace.out"), None);
    assert_eq!(
        reason("go tool pprof cpu.out"),
        Some("starts pprof's interactive shell")
    );
    assert_eq!(
        reason("go tool pprof -focus x cpu.out"),
        Some("starts pprof's interactive shell")
    );
    assert_eq!(
        reason("go tool pprof -http=:8080 cpu.out"),
        Some("serves pprof's web UI")
    );
    assert_eq!(reason("go tool pprof -web cpu.out"), Some("opens a viewer"));
    assert_eq!(reason("go tool pprof -top -cum cpu.out"), None);
    assert_eq!(
        reason("go tool pprof -sample_index=inuse_space -top mem.out"),
        None
    );
    assert_eq!(reason("go tool pprof -list 'isError' cpu.out"), None);
    assert_eq!(
        reason("go tool pprof -top http://localhost:6060/debug/pprof/heap"),
        Some("fetches a URL")
    );
    assert_eq!(reason("go test -run '^$' -bench . ./..."), None);
    assert_eq!(
        reason("go test -bench . ./... | tee out.txt"),
        Some("needs a shell")
    );
    assert_eq!(
        reason("go tool trace -pprof=sync trace.out > sync.pprof"),
        Some("needs a shell")
    );
    let words = shlex::split("go tool trace -pprof=sync trace.out > sync.pprof").unwrap();
    let (command, into) = redirected(&words);
    assert_eq!(
        (command.join(" "), into),
        (
            "go tool trace -pprof=sync trace.out".to_owned(),
            Some("sync.pprof")
        )
    );
    assert_eq!(static_only(command, &formats), None);
}

/// A temporary directory holding the CPU profile fixture as `cpu.out`.
fn profile_dir() -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("workshop-docs-")
        .tempdir()
        .unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/profiles/cpu.pprof"),
        dir.path().join("cpu.out"),
    )
    .unwrap();
    dir
}

/// Runs the commands of a fenced block of `page.md` in a [`profile_dir`].
fn run_against_a_profile(block: &str) -> Outcome {
    let dir = profile_dir();
    let text = format!("```sh\n{block}\n```\n");
    let commands: Vec<String> = commands(&text, "go").into_iter().map(|s| s.text).collect();
    let formats = installed_pprof_formats();
    run_in_order("page.md", &commands, dir.path(), &formats, DEADLINE)
}

#[test]
fn failing_commands_and_reports_of_nothing_are_reported() {
    let cases = [
        (
            "go tool pprof -list 'NoSuchFunction' cpu.out",
            "exit status: 2",
        ),
        (
            "go tool pprof -top -focus 'NoSuchFunction' cpu.out",
            "a regular expression matches nothing in the profile",
        ),
        ("go tool pprof -top missing.out", "exit status: 2"),
        ("go test -run '^$' ./heap/99-missing/", "exit status: 1"),
    ];
    for (command, problem) in cases {
        let block = format!("go tool pprof -top cpu.out\n{command}\ngo tool pprof -top cpu.out");
        let outcome = run_against_a_profile(&block);
        assert_eq!(outcome.ran, 2, "{command}");
        assert_eq!(
            outcome.problems.len(),
            1,
            "{command}: {:?}",
            outcome.problems
        );
        let report = &outcome.problems[0];
        let expected = format!(
            "page.md: `{command}`: {problem} (later commands of the page not run: 1); \
             the last lines of its output:\n"
        );
        assert!(report.starts_with(&expected), "{report}");
    }
}

#[test]
fn a_trailing_redirection_writes_the_file() {
    let outcome = run_against_a_profile(
        "go tool pprof -proto cpu.out > copy.pb.gz\n\
         go tool pprof -list 'regexp.*compile$' copy.pb.gz",
    );
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(outcome.ran, 2);
}

#[test]
fn a_command_past_its_deadline_is_killed_with_everything_it_started() {
    // A server (never run from the docs), killed at the deadline: `go` and
    // the pprof it started alike.
    let dir = profile_dir();
    let profile = dir.path().join("cpu.out").display().to_string();
    let words: Vec<String> = [
        "go",
        "tool",
        "pprof",
        "-http=127.0.0.1:0",
        "-no_browser",
        &profile,
    ]
    .map(String::from)
    .into();
    let ended = run_with_deadline(&words[1..], dir.path(), Duration::from_secs(3), false);
    assert!(ended.status.is_none(), "{}", tail(&ended, TAIL));
    assert_eq!(
        verdict(&words, &ended).as_deref(),
        Some("outlived its deadline; its process group was killed")
    );
    assert_eq!(processes_mentioning(&profile), Vec::<String>::new());
}

#[test]
fn the_trace_viewer_is_served_fetched_and_stopped() {
    let dir = profile_dir();
    std::fs::copy(
        repo().join("tests/fixtures/traces/churn-go126.trace"),
        dir.path().join("trace.out"),
    )
    .unwrap();
    let run = |command: &str| {
        run_in_order(
            "page.md",
            &[command.to_owned()],
            dir.path(),
            &installed_pprof_formats(),
            DEADLINE,
        )
    };
    let outcome = run("go tool trace trace.out");
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(outcome.ran, 1);
    let trace = dir.path().join("trace.out").display().to_string();
    assert_eq!(processes_mentioning(&trace), Vec::<String>::new());

    // A file that is no trace: the viewer gives up instead of serving.
    let outcome = run("go tool trace cpu.out");
    assert_eq!(outcome.problems.len(), 1, "{:?}", outcome.problems);
    assert!(
        outcome.problems[0].contains("instead of serving"),
        "{}",
        outcome.problems[0]
    );
}

#[test]
fn a_server_started_by_a_page_is_fetched_from_and_stopped() {
    let copy = tempfile::Builder::new()
        .prefix("workshop-docs-")
        .tempdir()
        .unwrap();
    copy_dir(
        &repo().join("tests/fixtures/servers/exercises"),
        copy.path(),
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let formats = installed_pprof_formats();
    let run = |mode: &str| {
        let commands = vec![
            format!("go run ./serve/cmd/server -addr=127.0.0.1:{port} -mode={mode}"),
            format!("go tool pprof -top 'http://127.0.0.1:{port}/debug/pprof/heap'"),
        ];
        run_in_order("page.md", &commands, copy.path(), &formats, DEADLINE)
    };
    let outcome = run("ok");
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!((outcome.ran, outcome.static_only), (2, 0));
    assert_eq!(
        processes_mentioning(&format!("127.0.0.1:{port}")),
        Vec::<String>::new()
    );
    // A server that ignores SIGTERM is named, and killed all the same.
    let stubborn = run("stubborn");
    assert_eq!(stubborn.problems.len(), 1, "{:?}", stubborn.problems);
    assert!(
        stubborn.problems[0].contains("did not stop within 10s of SIGTERM"),
        "{:?}",
        stubborn.problems
    );
    assert_eq!(
        processes_mentioning(&format!("127.0.0.1:{port}")),
        Vec::<String>::new()
    );
}
