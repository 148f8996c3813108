//! The runner's own files as the pages show them: every `.workshop/runs/...`
//! path a page or a hint names is one that `workshop check` writes for that
//! exercise, derived from its check file (`<run>-<kind>.pprof` for a profile
//! its goals read, `<run>-trace.trace` for a trace, `<run>-snapshot.trace` for
//! a flight-recorder snapshot, and the starter's profiles and traces under
//! `starter/artifacts/` for runs of `go test`), and every `workshop open` asks
//! for something that check keeps (`--profile`, `--trace`, `--diff`).

use std::collections::BTreeSet;

use super::{WorkshopCli, exercise_hints, markdown_files};
use crate::repo;

/// What the last check of one exercise leaves to look at.
#[derive(Debug, Default)]
struct Kept {
    /// Paths relative to `.workshop/runs/<id>/`.
    files: BTreeSet<String>,
    /// Profile kinds, as `open --profile` names them.
    profiles: BTreeSet<String>,
    trace: bool,
    /// Whether the starter's profiles are kept beside the attendee's.
    starter_profiles: bool,
}

/// What `workshop check` keeps for an exercise, from its check file.
fn kept(check: &serde_yaml::Value) -> Kept {
    let mut kept = Kept::default();
    let runs = check["runs"].as_sequence().cloned().unwrap_or_default();
    let first = runs
        .first()
        .and_then(|r| r["name"].as_str())
        .unwrap_or_default();
    for goal in check["goals"].as_sequence().into_iter().flatten() {
        let kind = goal["kind"].as_str().unwrap_or_default();
        let run_name = goal["run"].as_str().unwrap_or(first);
        let serve = runs
            .iter()
            .find(|r| r["name"].as_str() == Some(run_name))
            .is_some_and(|r| !r["serve"].is_null());
        let file = if kind.starts_with("profile-") || kind == "build-pgo" {
            // `build-pgo` reads the CPU profile of its run, as a profile goal.
            let profile = goal["profile"].as_str().unwrap_or("cpu");
            kept.profiles.insert(profile.to_owned());
            kept.starter_profiles |= !serve;
            format!("{run_name}-{profile}.pprof")
        } else if kind.starts_with("trace-") {
            kept.trace = true;
            format!("{run_name}-trace.trace")
        } else if kind == "flight-recorder" {
            kept.files.insert(format!("{run_name}-snapshot.trace"));
            continue;
        } else {
            continue;
        };
        if !serve {
            kept.files.insert(format!("starter/artifacts/{file}"));
        }
        kept.files.insert(file);
    }
    kept
}

/// Every `.workshop/runs/<id>/<rest>` a text shows, with its line number:
/// the id and the rest (empty for the directory itself). Paths with a
/// placeholder (`<id>`) name no exercise and are left out, as is the
/// `.workshop/runs/` directory itself.
fn runs_paths(text: &str) -> Vec<(usize, String, String)> {
    let shape = regex::Regex::new(r"\.workshop/runs/([A-Za-z0-9_./<>*-]*)").unwrap();
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        for path in shape.captures_iter(line) {
            let path = path[1].trim_end_matches(['.', ':', ';']);
            if path.is_empty() || path.contains('<') || path.contains('*') {
                continue;
            }
            let mut parts = path.splitn(3, '/');
            let id = [parts.next(), parts.next()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("/");
            let rest = parts.next().unwrap_or_default().to_owned();
            found.push((number + 1, id, rest));
        }
    }
    found
}

/// What is wrong with a path shown for exercise `id`.
fn path_problem(id: &str, rest: &str, kept: Option<&Kept>) -> Option<String> {
    let Some(kept) = kept else {
        return Some(format!("no exercise `{id}` in workshop.yaml"));
    };
    let directory = ["", "starter/artifacts", "starter/artifacts/"];
    if directory.contains(&rest) || kept.files.contains(rest) {
        return None;
    }
    Some(format!(
        "a check of {id} writes no `{rest}` (it keeps {:?})",
        kept.files
    ))
}

/// What is wrong with a `workshop open` command: a profile, trace or
/// comparison with the starter that the exercise's check does not keep.
fn open_problems(command: &str, kept: &dyn Fn(&str) -> Option<Kept>) -> Vec<String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    if words.get(1) != Some(&"open") {
        return Vec::new();
    }
    let Some(id) = words[2..]
        .iter()
        .find(|w| !w.starts_with('-') && w.contains('/'))
    else {
        return Vec::new();
    };
    let Some(kept) = kept(id) else {
        return vec![format!("no exercise `{id}` in workshop.yaml")];
    };
    let mut problems = Vec::new();
    let choosable = kept.profiles.len() + usize::from(kept.trace);
    let chosen = words.contains(&"--profile") || words.contains(&"--trace");
    if choosable == 0 {
        problems.push(format!("a check of {id} keeps no profile or trace to open"));
    } else if choosable > 1 && !chosen {
        problems.push(format!(
            "a check of {id} keeps several: `--profile` or `--trace` must choose"
        ));
    }
    for (i, word) in words.iter().enumerate() {
        match *word {
            "--profile" => {
                let asked = words.get(i + 1).copied().unwrap_or_default();
                let asked = if asked == "heap" { "memory" } else { asked };
                if !kept.profiles.contains(asked) {
                    problems.push(format!(
                        "a check of {id} keeps no {asked} profile (it keeps {:?})",
                        kept.profiles
                    ));
                }
            }
            "--trace" if !kept.trace => {
                problems.push(format!("a check of {id} keeps no trace"));
            }
            "--diff" if !kept.starter_profiles => {
                problems.push(format!("a check of {id} keeps no starter's profile"));
            }
            _ => {}
        }
    }
    problems
}

/// The check file of each exercise, read once.
fn checks() -> std::collections::BTreeMap<String, serde_yaml::Value> {
    WorkshopCli::new()
        .ids
        .into_iter()
        .map(|id| {
            let file = repo().join("checks").join(&id).join("check.yaml");
            let text = std::fs::read_to_string(file).unwrap();
            (id, serde_yaml::from_str(&text).unwrap())
        })
        .collect()
}

/// The problems of the runs paths and `workshop open` commands of one text.
fn problems_in(name: &str, text: &str, kept: &dyn Fn(&str) -> Option<Kept>) -> Vec<String> {
    let mut problems = Vec::new();
    for (line, id, rest) in runs_paths(text) {
        if let Some(problem) = path_problem(&id, &rest, kept(&id).as_ref()) {
            problems.push(format!(
                "{name}:{line}: .workshop/runs/{id}/{rest}: {problem}"
            ));
        }
    }
    for shown in super::commands(text, "workshop") {
        for problem in open_problems(&shown.text, kept) {
            problems.push(format!("{name}: `{}`: {problem}", shown.text));
        }
    }
    problems
}

#[test]
fn runs_paths_and_open_commands_name_what_the_check_keeps() {
    let checks = checks();
    let kept = |id: &str| checks.get(id).map(kept);
    let mut problems = Vec::new();
    let mut shown = 0;
    for page in markdown_files() {
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        let text = std::fs::read_to_string(&page).unwrap();
        shown += runs_paths(&text).len();
        problems.extend(problems_in(&name, &text, &kept));
    }
    for hints in exercise_hints() {
        let all = hints
            .hints
            .iter()
            .chain(hints.translations.values().flatten());
        for hint in all {
            shown += runs_paths(hint).len();
            problems.extend(problems_in(&hints.file, hint, &kept));
        }
    }
    eprintln!("{shown} .workshop/runs paths checked");
    assert!(shown >= 20, "only {shown} .workshop/runs paths in the docs");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_wrong_path_or_open_command_is_reported() {
    let check: serde_yaml::Value = serde_yaml::from_str(
        "runs: [{name: bench}]\n\
         goals:\n\
         - {kind: profile-function, profile: cpu}\n\
         - {kind: trace-tasks}\n",
    )
    .unwrap();
    let kept = |id: &str| (id == "cpu/01-regexp").then(|| kept(&check));
    let page = "\
Look at `.workshop/runs/cpu/01-regexp/bench-cpu.pprof` and
`.workshop/runs/cpu/01-regexp/starter/artifacts/bench-trace.trace`.

```
workshop inspect .workshop/runs/cpu/01-regexp/bench-memory.pprof
workshop inspect .workshop/runs/cpu/01-regexp/cpu.pprof --base .workshop/runs/<id>/x
workshop inspect .workshop/runs/heap/01-concat/bench-cpu.pprof
workshop open cpu/01-regexp --profile cpu --diff
workshop open cpu/01-regexp --profile block
workshop open heap/01-concat --trace
workshop open cpu/01-regexp
```
";
    let problems = problems_in("page.md", page, &kept);
    let lines: Vec<&str> = problems
        .iter()
        .map(|p| p.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "page.md:5",
            "page.md:6",
            "page.md:7",
            "page.md",
            "page.md",
            "page.md"
        ],
        "{problems:#?}"
    );
    assert!(problems[5].contains("must choose"), "{problems:#?}");
    assert!(problems[3].contains("no block profile"), "{problems:#?}");
    assert!(
        problems[4].contains("no exercise `heap/01-concat`"),
        "{problems:#?}"
    );
}

#[test]
fn serve_runs_keep_no_starters_profiles() {
    let check: serde_yaml::Value = serde_yaml::from_str(
        "runs: [{name: load, serve: {main: cmd/x}}]\n\
         goals:\n\
         - {kind: profile-total, profile: memory}\n\
         - {kind: trace-goroutines}\n",
    )
    .unwrap();
    let kept = kept(&check);
    assert_eq!(
        kept.files,
        ["load-memory.pprof", "load-trace.trace"]
            .map(str::to_owned)
            .into()
    );
    assert!(!kept.starter_profiles && kept.trace);
}
