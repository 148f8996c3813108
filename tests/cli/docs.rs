//! Every `workshop ...` command shown in the docs and the README names a real
//! subcommand, real flags and exercises that exist.

use std::collections::{BTreeMap, BTreeSet};

use crate::repo;

/// The `workshop` commands in a Markdown text: inline code spans, and lines
/// of fenced blocks (with or without a `$ ` prompt).
fn commands(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            let line = line.trim().trim_start_matches("$ ");
            if line.starts_with("workshop ") {
                found.push(line.to_owned());
            }
            continue;
        }
        for (i, span) in line.split('`').enumerate() {
            if i % 2 == 1 && span.starts_with("workshop ") {
                found.push(span.to_owned());
            }
        }
    }
    found
}

fn markdown_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = walkdir::WalkDir::new(repo().join("docs"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files.push(repo().join("README.md"));
    files
}

#[test]
fn workshop_commands_in_the_docs_are_real() {
    let manifest = std::fs::read_to_string(repo().join("workshop.yaml")).unwrap();
    let ids: BTreeSet<String> = manifest
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|id| id.trim().to_owned())
        .collect();
    let id_shape = regex::Regex::new(r"^[a-z]+/[a-z0-9-]+$").unwrap();
    let mut help: BTreeMap<String, (bool, String)> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(repo()).unwrap().display().to_string();
        for command in commands(&text) {
            let words: Vec<&str> = command.split_whitespace().collect();
            let Some(sub) = words
                .get(1)
                .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            else {
                continue; // `workshop ...`
            };
            checked += 1;
            let (known, usage) = help.entry(sub.to_string()).or_insert_with(|| {
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
                problems.push(format!("{name}: `{command}`: no subcommand `{sub}`"));
                continue;
            }
            for word in &words[2..] {
                let word = word.trim_matches(|c| c == '[' || c == ']');
                if word.starts_with('-') {
                    let flag = word.split('=').next().unwrap();
                    if !usage.contains(flag) {
                        problems.push(format!("{name}: `{command}`: `{sub}` has no flag `{flag}`"));
                    }
                } else if id_shape.is_match(word) && !ids.contains(word) {
                    problems.push(format!(
                        "{name}: `{command}`: no exercise `{word}` in workshop.yaml"
                    ));
                }
            }
        }
    }
    assert!(checked >= 30, "only {checked} commands found in the docs");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_extractor_sees_spans_and_fenced_lines() {
    let text = "Run `workshop check a/b` now.\n```\n$ workshop list\ngo test\n```\n`go vet`";
    assert_eq!(commands(text), vec!["workshop check a/b", "workshop list"]);
}
