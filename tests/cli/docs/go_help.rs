//! The `go help` flag checker: every `go` command the docs show names a real
//! subcommand, tool and flags, and package directories that exist, as the
//! installed Go describes them.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;

use super::markdown::{Shown, commands, shown_in_docs};
use crate::{go, repo};

/// Flag names, each with whether it takes its value as the next word.
type Flags = BTreeMap<String, bool>;

/// Whether `go args...` succeeds, and its stdout and stderr together.
pub(super) fn go_says(args: &[&str]) -> (bool, String) {
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
pub(super) fn help_flags(help: &str) -> Flags {
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
pub(super) fn flag_name(word: &str) -> Option<(&str, bool)> {
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
pub(super) fn sort_args<'a>(args: &'a [String], flags: &Flags) -> (Vec<&'a str>, Vec<&'a str>) {
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
pub(super) fn package_problems(positional: &[&str], module: &Path) -> Vec<String> {
    positional
        .iter()
        .filter(|word| word.starts_with("./") && !word.contains('<'))
        .filter(|word| !module.join(word.trim_end_matches("...")).is_dir())
        .map(|word| format!("no package directory `{word}` in exercises/"))
        .collect()
}

/// A command's words without a trailing `> file`, and that file: such a
/// command is run as if a shell wrote its stdout to the file.
pub(super) fn redirected(words: &[String]) -> (&[String], Option<&str>) {
    match words {
        [command @ .., to, file] if to == ">" => (command, Some(file.as_str())),
        _ => (words, None),
    }
}

/// What the installed `go` says about its subcommands, tools and flags, each
/// asked once.
#[derive(Default)]
pub(super) struct Go {
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
    pub(super) fn problems(&mut self, command: &str, module: &Path) -> Vec<String> {
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
    let module = crate::committed::exercises();
    let mut go = Go::default();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, shown) in shown_in_docs("go") {
        for Shown { text: command, .. } in shown {
            checked += 1;
            for problem in go.problems(&command, module) {
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
    let module = crate::committed::exercises();
    let mut go = Go::default();
    let problems: Vec<String> = commands(page, "go")
        .iter()
        .flat_map(|shown| go.problems(&shown.text, module))
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
