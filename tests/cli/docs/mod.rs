//! Every command shown in the docs and the README works as written against
//! this repository. `workshop ...` commands name a real subcommand, real flags
//! and exercises that exist. `go ...` commands name a real subcommand, tool,
//! flags and package directories (commands are run from `exercises/`, the Go
//! module of the exercises), and the `go` commands of each page's command
//! blocks run, in order, in a copy of that module. The commands in the
//! exercises' hints, which `workshop hint` shows, are held to the same
//! standard; they run in the exercise's package directory. Pages name each
//! exercise by its check file's title, and the Japanese pages quote the tool's
//! Japanese output. The runner's files a page or hint shows
//! (`.workshop/runs/<id>/...`) are those a check of that exercise keeps, and
//! its `workshop open` commands ask for what is there.

// These tests say on stderr how many commands they checked; the harness shows it.
#![allow(clippy::disallowed_macros)]

mod artifacts;
mod go_help;
mod japanese;
mod markdown;
mod readme;
mod running;
mod titles;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use go_help::Go;
pub use markdown::{Shown, commands, markdown_files, shown_in_docs};

use crate::repo;

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
            let out = crate::binary().args([sub, "--help"]).output().unwrap();
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
    /// In English.
    hints: Vec<String>,
    /// In each other language the check file gives them in.
    translations: BTreeMap<String, Vec<String>>,
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
            let mut hints = Vec::new();
            let mut translations: BTreeMap<String, Vec<String>> = BTreeMap::new();
            // A hint is a string (English) or one text per language.
            for hint in check["hints"].as_sequence().into_iter().flatten() {
                match hint {
                    serde_yaml::Value::Mapping(by_lang) => {
                        for (lang, text) in by_lang {
                            let (lang, text) = (lang.as_str().unwrap(), text.as_str().unwrap());
                            if lang == "en" {
                                hints.push(text.to_owned());
                            } else {
                                translations
                                    .entry(lang.to_owned())
                                    .or_default()
                                    .push(text.to_owned());
                            }
                        }
                    }
                    hint => hints.push(hint.as_str().unwrap().to_owned()),
                }
            }
            Hints {
                file,
                package: PathBuf::from(package),
                hints,
                translations,
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

/// A translation shows the same commands, in the same order, as the English
/// hints: those run, so the translation's do too.
#[test]
fn translated_hints_show_the_commands_of_the_english_ones() {
    let mut compared = 0;
    for hints in exercise_hints() {
        for (lang, translated) in &hints.translations {
            assert_eq!(
                translated.len(),
                hints.hints.len(),
                "{}: {} hints in {lang}, {} in English",
                hints.file,
                translated.len(),
                hints.hints.len()
            );
            for program in ["go", "workshop"] {
                let theirs: Vec<String> = translated
                    .iter()
                    .flat_map(|hint| commands(hint, program))
                    .map(|shown| shown.text)
                    .collect();
                assert_eq!(
                    theirs,
                    hint_commands(&hints, program),
                    "{}: the {program} commands of the hints in {lang}",
                    hints.file
                );
                compared += theirs.len();
            }
        }
    }
    assert!(
        compared >= 15,
        "only {compared} translated commands compared"
    );
}

#[test]
fn commands_in_hints_are_real() {
    let mut cli = WorkshopCli::new();
    let mut go = Go::default();
    let module = crate::committed::exercises();
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
