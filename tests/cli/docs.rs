//! Every command shown in the docs and the README works as written against
//! this repository. `workshop ...` commands name a real subcommand, real flags
//! and exercises that exist. `go ...` commands name a real subcommand, tool,
//! flags and package directories (commands are run from `exercises/`, the Go
//! module of the exercises), and the `go` commands of each page's command
//! blocks run, in order, in a copy of that module. The commands in the
//! exercises' hints, which `workshop hint` shows, are held to the same
//! standard; they run in the exercise's package directory.

// These tests say on stderr how many commands they checked; the harness shows it.
#![allow(clippy::disallowed_macros)]

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

use crate::{copy_dir, processes_mentioning, repo};

/// Info strings of the fenced blocks that hold commands; an untagged block
/// holds commands too. Blocks of `go`, `yaml`, `text`... never do.
const COMMAND_BLOCKS: [&str; 4] = ["sh", "shell", "bash", "console"];

/// How long one `go` command shown in the docs may run.
const DEADLINE: Duration = Duration::from_secs(180);

/// How many lines of a failed command's output a report shows.
const TAIL: usize = 40;

/// A command shown in a Markdown text.
#[derive(Debug, PartialEq)]
struct Shown {
    /// The command as written, without a `$ ` prompt.
    text: String,
    /// Whether it is a line of a fenced command block, not an inline code span.
    fenced: bool,
}

/// The commands of `program` in a Markdown text: the lines of fenced command
/// blocks that start with it (after an optional `$ ` prompt), and the inline
/// code spans that start with it and a lowercase word, so that `go func()` or
/// `go worker(ctx)` in prose is no command.
fn commands(text: &str, program: &str) -> Vec<Shown> {
    let prefix = format!("{program} ");
    let mut found = Vec::new();
    // The prose since the last blank line or fence: code spans may wrap.
    let mut paragraph = String::new();
    // Inside a fenced block: whether the block holds commands.
    let mut fence: Option<bool> = None;
    for line in text.lines() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            inline_commands(&paragraph, &prefix, &mut found);
            paragraph.clear();
            fence = match fence {
                Some(_) => None,
                None => Some(
                    info.split_whitespace()
                        .next()
                        .is_none_or(|tag| COMMAND_BLOCKS.contains(&tag)),
                ),
            };
        } else if let Some(holds_commands) = fence {
            let line = line.trim();
            let line = line.strip_prefix("$ ").unwrap_or(line);
            if holds_commands && line.starts_with(&prefix) {
                found.push(Shown {
                    text: line.to_owned(),
                    fenced: true,
                });
            }
        } else if line.trim().is_empty() {
            inline_commands(&paragraph, &prefix, &mut found);
            paragraph.clear();
        } else {
            paragraph.push_str(line);
            paragraph.push(' ');
        }
    }
    inline_commands(&paragraph, &prefix, &mut found);
    found
}

/// Adds the code spans of a paragraph that are commands starting with
/// `prefix` and a lowercase word.
fn inline_commands(paragraph: &str, prefix: &str, found: &mut Vec<Shown>) {
    for span in paragraph.split('`').skip(1).step_by(2) {
        let span = span.trim();
        let Some(rest) = span.strip_prefix(prefix) else {
            continue;
        };
        let word = rest.split_whitespace().next().unwrap_or_default();
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()) {
            found.push(Shown {
                text: span.to_owned(),
                fenced: false,
            });
        }
    }
}

/// The Markdown files of the workshop text, and the README.
pub fn markdown_files() -> Vec<PathBuf> {
    let mut files: Vec<_> = walkdir::WalkDir::new(repo().join("docs"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files.push(repo().join("README.md"));
    files
}

/// Every Markdown file's path relative to the repository, with the commands
/// of `program` it shows.
fn shown_in_docs(program: &str) -> Vec<(String, Vec<Shown>)> {
    markdown_files()
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.strip_prefix(repo()).unwrap().display().to_string();
            (name, commands(&text, program))
        })
        .collect()
}

/// What the `workshop` binary says about its subcommands and flags, and the
/// exercise ids of the bundled workshop.
struct WorkshopCli {
    ids: BTreeSet<String>,
    id_shape: regex::Regex,
    /// Per subcommand: whether `--help` succeeds, and its text.
    help: BTreeMap<String, (bool, String)>,
}

impl WorkshopCli {
    fn new() -> WorkshopCli {
        let manifest = std::fs::read_to_string(repo().join("workshop.yaml")).unwrap();
        WorkshopCli {
            ids: manifest
                .lines()
                .filter_map(|l| l.trim().strip_prefix("- "))
                .map(|id| id.trim().to_owned())
                .collect(),
            id_shape: regex::Regex::new(r"^[a-z]+/[a-z0-9-]+$").unwrap(),
            help: BTreeMap::new(),
        }
    }

    /// What is wrong with a `workshop` command: a subcommand whose `--help`
    /// fails, a flag its help does not list, an exercise id that does not
    /// exist. `None` for `workshop ...` and the like, which name no subcommand.
    fn problems(&mut self, command: &str) -> Option<Vec<String>> {
        let words: Vec<&str> = command.split_whitespace().collect();
        let sub = words
            .get(1)
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))?;
        let (known, usage) = self.help.entry(sub.to_string()).or_insert_with(|| {
            let out = assert_cmd::Command::cargo_bin("workshop")
                .unwrap()
                .args([sub, "--help"])
                .output()
                .unwrap();
            (
                out.status.success(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            )
        });
        if !*known {
            return Some(vec![format!("no subcommand `{sub}`")]);
        }
        let mut problems = Vec::new();
        for word in &words[2..] {
            let word = word.trim_matches(|c| c == '[' || c == ']');
            if word.starts_with('-') {
                let flag = word.split('=').next().unwrap();
                if !usage.contains(flag) {
                    problems.push(format!("`{sub}` has no flag `{flag}`"));
                }
            } else if self.id_shape.is_match(word) && !self.ids.contains(word) {
                problems.push(format!("no exercise `{word}` in workshop.yaml"));
            }
        }
        Some(problems)
    }
}

#[test]
fn workshop_commands_in_the_docs_are_real() {
    let mut cli = WorkshopCli::new();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, shown) in shown_in_docs("workshop") {
        for Shown { text: command, .. } in shown {
            let Some(found) = cli.problems(&command) else {
                continue;
            };
            checked += 1;
            problems.extend(
                found
                    .into_iter()
                    .map(|p| format!("{name}: `{command}`: {p}")),
            );
        }
    }
    eprintln!("{checked} workshop commands checked");
    assert!(checked >= 30, "only {checked} commands found in the docs");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// An exercise's hints, as `workshop hint` shows them, with the package
/// directory (relative to `exercises/`) their commands are run in.
struct Hints {
    /// `checks/<id>/check.yaml`.
    file: String,
    package: PathBuf,
    hints: Vec<String>,
}

fn exercise_hints() -> Vec<Hints> {
    WorkshopCli::new()
        .ids
        .iter()
        .map(|id| {
            let file = format!("checks/{id}/check.yaml");
            let text = std::fs::read_to_string(repo().join(&file)).unwrap();
            let check: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
            let package = check["package"].as_str().unwrap_or(id);
            let hints = check["hints"]
                .as_sequence()
                .map(|hints| {
                    hints
                        .iter()
                        .filter_map(|h| h.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            Hints {
                file,
                package: PathBuf::from(package),
                hints,
            }
        })
        .collect()
}

/// The commands of `program` in an exercise's hints, in order.
fn hint_commands(hints: &Hints, program: &str) -> Vec<String> {
    hints
        .hints
        .iter()
        .flat_map(|hint| commands(hint, program))
        .map(|shown| shown.text)
        .collect()
}

#[test]
fn commands_in_hints_are_real() {
    let mut cli = WorkshopCli::new();
    let mut go = Go::default();
    let module = repo().join("exercises");
    let mut problems = Vec::new();
    let mut checked = 0;
    for hints in exercise_hints() {
        let name = &hints.file;
        for command in hint_commands(&hints, "workshop") {
            checked += 1;
            for problem in cli.problems(&command).unwrap_or_default() {
                problems.push(format!("{name}: `{command}`: {problem}"));
            }
        }
        for command in hint_commands(&hints, "go") {
            checked += 1;
            for problem in go.problems(&command, &module.join(&hints.package)) {
                problems.push(format!("{name}: `{command}`: {problem}"));
            }
        }
    }
    eprintln!("{checked} commands in hints checked");
    assert!(checked >= 15, "only {checked} commands found in the hints");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_extractor_sees_spans_and_fenced_lines() {
    let text = "Run `workshop check a/b` now.\n```\n$ workshop list\ngo test\n```\n`go vet`";
    let texts = |program| -> Vec<String> {
        commands(text, program)
            .into_iter()
            .map(|shown| shown.text)
            .collect()
    };
    assert_eq!(texts("workshop"), ["workshop check a/b", "workshop list"]);
    assert_eq!(texts("go"), ["go test", "go vet"]);
}

#[test]
fn only_shell_blocks_and_lowercase_spans_hold_commands() {
    let text = "\
A `go func()` or `go worker(ctx)` is Go code, `go tool
pprof -top` wraps.

```go
go worker(ctx)
```

```console
$ go test -run '^$' ./heap/01-concat/
ok
```

```yaml
go test: no
```

```sh
go vet ./...
```
";
    let shown = |text: &str, fenced| Shown {
        text: text.to_owned(),
        fenced,
    };
    assert_eq!(
        commands(text, "go"),
        [
            shown("go tool pprof -top", false),
            shown("go test -run '^$' ./heap/01-concat/", true),
            shown("go vet ./...", true),
        ]
    );
}

// ---------------------------------------------------------------------------
// `go` commands, statically

/// Flag names, each with whether it takes its value as the next word.
type Flags = BTreeMap<String, bool>;

/// The `go` command of the installed toolchain (never a downloaded one).
#[allow(clippy::disallowed_methods)] // a test harness: it runs Go's own commands, as the docs show them
fn go() -> std::process::Command {
    let mut command = std::process::Command::new("go");
    command.env("GOTOOLCHAIN", "local");
    command
}

/// Whether `go args...` succeeds, and its stdout and stderr together.
fn go_says(args: &[&str]) -> (bool, String) {
    let output = go()
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::null())
        .output()
        .expect("`go` must be installed");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// The flags a help text lists: lines whose first non-blank character is a
/// `-` and a letter. A flag takes its value as the next word when `go help`
/// shows a placeholder on the line that introduces it, one tab in: `\t-bench
/// regexp`, unlike `\t-benchmem`. (pprof's and trace's help put descriptions
/// there instead: their flags' values are never taken for flags, as they do
/// not start with `-`, and none of their positional arguments is checked.)
fn help_flags(help: &str) -> Flags {
    let mut flags = Flags::new();
    for line in help.lines() {
        let introduces = line.starts_with("\t-");
        let Some(rest) = line.trim_start().strip_prefix('-') else {
            continue;
        };
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(end);
        let takes_value = introduces && after.starts_with(' ') && !after.trim().is_empty();
        flags.entry(name.to_owned()).or_insert(takes_value);
    }
    flags
}

/// The name of a flag word (`-bench`, `--bench`, `-bench=x`), and whether its
/// value is in the same word. `None` for words that are no flags.
fn flag_name(word: &str) -> Option<(&str, bool)> {
    let name = word.strip_prefix("--").or_else(|| word.strip_prefix('-'))?;
    let (name, inline_value) = match name.split_once('=') {
        Some((name, _)) => (name, true),
        None => (name, false),
    };
    (!name.is_empty()).then_some((name, inline_value))
}

/// The arguments after a subcommand, sorted into flags that `flags` does not
/// know and positional arguments (words that are neither flags nor flag
/// values). Nothing after `--` or `go test`'s `-args` is for `go` to parse.
fn sort_args<'a>(args: &'a [String], flags: &Flags) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut unknown, mut positional) = (Vec::new(), Vec::new());
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "--" || word == "-args" {
            break;
        }
        match flag_name(word) {
            None => positional.push(word.as_str()),
            Some((name, inline_value)) => match flags.get(name) {
                None => unknown.push(name),
                Some(&takes_value) => {
                    if takes_value && !inline_value {
                        words.next();
                    }
                }
            },
        }
    }
    (unknown, positional)
}

/// The package arguments (`./topic/name/`, `./...`) that name no directory of
/// the module; placeholders like `./<topic>/` are not checked.
fn package_problems(positional: &[&str], module: &Path) -> Vec<String> {
    positional
        .iter()
        .filter(|word| word.starts_with("./") && !word.contains('<'))
        .filter(|word| !module.join(word.trim_end_matches("...")).is_dir())
        .map(|word| format!("no package directory `{word}` in exercises/"))
        .collect()
}

/// A command's words without a trailing `> file`, and that file: such a
/// command is run as if a shell wrote its stdout to the file.
fn redirected(words: &[String]) -> (&[String], Option<&str>) {
    match words {
        [command @ .., to, file] if to == ">" => (command, Some(file.as_str())),
        _ => (words, None),
    }
}

/// What the installed `go` says about its subcommands, tools and flags, each
/// asked once.
#[derive(Default)]
struct Go {
    subcommands: BTreeMap<String, bool>,
    tools: BTreeMap<String, bool>,
    flags: BTreeMap<String, Flags>,
}

impl Go {
    /// Whether `go help <sub>` succeeds.
    fn has_subcommand(&mut self, sub: &str) -> bool {
        *self
            .subcommands
            .entry(sub.to_owned())
            .or_insert_with(|| go_says(&["help", sub]).0)
    }

    /// Whether `go tool <name>` exists. `go tool -n` says so for every tool;
    /// the list `go tool` prints leaves out those built on demand, like
    /// `pprof` and `trace` since Go 1.24.
    fn has_tool(&mut self, name: &str) -> bool {
        *self
            .tools
            .entry(name.to_owned())
            .or_insert_with(|| go_says(&["tool", "-n", name]).0)
    }

    /// The flags of `go test` (test flags, its own and the build flags), of
    /// the other subcommands (build flags), or of `go tool pprof` or `go tool
    /// trace` (their `-h`; trace's exits 2, but prints its usage all the same).
    fn flags(&mut self, of: &str) -> &Flags {
        self.flags.entry(of.to_owned()).or_insert_with(|| {
            let help = match of {
                "test" => ["testflag", "test", "build"]
                    .map(|topic| go_says(&["help", topic]).1)
                    .concat(),
                "build" => go_says(&["help", "build"]).1,
                tool => go_says(&["tool", tool, "-h"]).1,
            };
            help_flags(&help)
        })
    }

    /// What is wrong with a `go` command shown in the docs, run from the
    /// module `module`: a subcommand `go help` does not know, a tool that does
    /// not exist, a flag of `go test`, `go tool pprof` or `go tool trace`
    /// that their help does not list, a package directory that does not exist.
    fn problems(&mut self, command: &str, module: &Path) -> Vec<String> {
        let Some(words) = shlex::split(command) else {
            return vec!["unbalanced quotes".to_owned()];
        };
        let (words, _) = redirected(&words);
        let Some(sub) = words.get(1) else {
            return vec!["no subcommand".to_owned()];
        };
        if !self.has_subcommand(sub) {
            return vec![format!("no subcommand `{sub}` (`go help {sub}` fails)")];
        }
        let args = &words[2..];
        match sub.as_str() {
            "tool" => {
                let Some(tool) = args.first() else {
                    return Vec::new(); // `go tool` lists the tools
                };
                if !self.has_tool(tool) {
                    return vec![format!("no tool `{tool}` (`go tool -n {tool}` fails)")];
                }
                if tool != "pprof" && tool != "trace" {
                    return Vec::new();
                }
                let (unknown, _) = sort_args(&args[1..], self.flags(tool));
                unknown
                    .iter()
                    .map(|flag| format!("`go tool {tool}` has no flag `-{flag}`"))
                    .collect()
            }
            "test" => {
                let (unknown, positional) = sort_args(args, self.flags("test"));
                let flags = unknown
                    .iter()
                    .map(|flag| format!("`go test` has no flag `-{flag}`"));
                flags.chain(package_problems(&positional, module)).collect()
            }
            // Other subcommands have flags of their own (`go vet`'s analyzers):
            // only their packages are checked.
            _ => package_problems(&sort_args(args, self.flags("build")).1, module),
        }
    }
}

#[test]
fn go_commands_in_the_docs_are_real() {
    let module = repo().join("exercises");
    let mut go = Go::default();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, shown) in shown_in_docs("go") {
        for Shown { text: command, .. } in shown {
            checked += 1;
            for problem in go.problems(&command, &module) {
                problems.push(format!("{name}: `{command}`: {problem}"));
            }
        }
    }
    eprintln!("{checked} go commands checked statically");
    assert!(
        checked >= 30,
        "only {checked} go commands found in the docs"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_go_checker_reports_bad_subcommands_tools_flags_and_packages() {
    let page = "\
```sh
$ go test -run '^$' -bench Count -benchtime 20x -benchmemz -cpu 4 ./heap/01-concat/
go tool pprofz -top cpu.out
go tool pprof -sample_index=inuse_space -topz -peek 'chansend' cpu.out
go tool pprof -top -cumz cpu.out
go tool trace -d=parsed -z trace.out
go test -count=2 ./heap/99-missing/ ./...
```

Then `go vett ./...`, `go vet ./trace/` and `go test ./<topic>/<NN-name>/`.
";
    let module = repo().join("exercises");
    let mut go = Go::default();
    let problems: Vec<String> = commands(page, "go")
        .iter()
        .flat_map(|shown| go.problems(&shown.text, &module))
        .collect();
    assert_eq!(
        problems,
        [
            "`go test` has no flag `-benchmemz`",
            "no tool `pprofz` (`go tool -n pprofz` fails)",
            "`go tool pprof` has no flag `-topz`",
            "`go tool pprof` has no flag `-cumz`",
            "`go tool trace` has no flag `-z`",
            "no package directory `./heap/99-missing/` in exercises/",
            "no subcommand `vett` (`go help vett` fails)",
        ]
    );
}

// ---------------------------------------------------------------------------
// `go` commands, run

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
    const SHELL: [&str; 8] = ["|", "||", "&&", ";", "&", "<", ">", ">>"];
    if words.iter().any(|word| SHELL.contains(&word.as_str())) {
        return Some("needs a shell");
    }
    if words.iter().any(|word| word.contains("://")) {
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
    for (i, command) in commands.iter().enumerate() {
        let Some(words) = shlex::split(command) else {
            outcome
                .problems
                .push(format!("{page}: `{command}`: unbalanced quotes"));
            continue;
        };
        let (words, into) = redirected(&words);
        if static_only(words, pprof_formats).is_some() {
            outcome.static_only += 1;
            continue;
        }
        outcome.ran += 1;
        let ended = run_with_deadline(&words[1..], dir, deadline, serves(words));
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
    copy_dir(&repo().join("exercises"), copy.path());
    run_in_order(
        &script.name,
        &script.commands,
        &copy.path().join(&script.dir),
        pprof_formats,
        DEADLINE,
    )
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
    let pages = shown_in_docs("go").into_iter().map(|(page, shown)| Script {
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
