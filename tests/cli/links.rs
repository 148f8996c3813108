//! The workshop text hangs together: every link between pages leads somewhere,
//! every exercise has a page that the index links to, and the runner points
//! attendees to those pages.

use std::collections::BTreeSet;
use std::path::Path;

use crate::docs::markdown_files;
use crate::{Workshop, repo};

/// The targets of the inline links `[text](target)` outside code.
fn links(text: &str) -> Vec<String> {
    let link = regex::Regex::new(r"\]\(([^)\s]+)\)").unwrap();
    let mut found = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans are not links.
        let prose: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect();
        found.extend(link.captures_iter(&prose).map(|c| c[1].to_owned()));
    }
    found
}

/// The anchors of a page's headings, as a Markdown renderer makes them:
/// lowercase, spaces to hyphens, punctuation dropped.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut fenced = false;
    let mut found = BTreeSet::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if fenced {
            continue;
        }
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let slug: String = heading
            .trim_start_matches('#')
            .trim()
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        found.insert(slug);
    }
    found
}

/// What is wrong with the link `target` on `page`, if anything.
fn broken(page: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("mailto:") {
        return None; // outside the repository
    }
    let (file, anchor) = match target.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (target, None),
    };
    let destination = if file.is_empty() {
        page.to_owned()
    } else {
        page.parent().unwrap().join(file)
    };
    if !destination.exists() {
        return Some(format!("`{target}`: no file {}", destination.display()));
    }
    let anchor = anchor?;
    let text = std::fs::read_to_string(&destination).ok()?;
    (!anchors(&text).contains(anchor)).then(|| format!("`{target}`: no heading `#{anchor}`"))
}

#[test]
fn links_between_pages_lead_somewhere() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for page in markdown_files() {
        let text = std::fs::read_to_string(&page).unwrap();
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        for target in links(&text) {
            checked += 1;
            if let Some(problem) = broken(&page, &target) {
                problems.push(format!("{name}: {problem}"));
            }
        }
    }
    assert!(checked >= 40, "only {checked} links found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_link_checker_sees_broken_links_and_anchors() {
    let page = repo().join("docs/README.md");
    assert_eq!(broken(&page, "part1-profiling.md"), None);
    assert_eq!(
        broken(&page, "part0-diagnostics.md#one-tool-at-a-time"),
        None
    );
    assert_eq!(broken(&page, "https://go.dev/doc/diagnostics"), None);
    assert!(broken(&page, "part9-missing.md").is_some());
    assert!(broken(&page, "part0-diagnostics.md#no-such-heading").is_some());
    assert_eq!(
        links("[a](x.md) `[b](y.md)`\n```\n[c](z.md)\n```\n[d](w.md#e)"),
        ["x.md", "w.md#e"]
    );
    assert!(
        anchors("# Part 1 — Profiling\n### From a server: `net/http/pprof`")
            .into_iter()
            .eq(["from-a-server-nethttppprof", "part-1--profiling"])
    );
}

/// Each exercise id of the bundled workshop with the page its check file names.
fn exercise_pages() -> Vec<(String, String)> {
    let manifest = std::fs::read_to_string(repo().join("workshop.yaml")).unwrap();
    manifest
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|id| {
            let id = id.trim().to_owned();
            let check = std::fs::read_to_string(repo().join("checks").join(&id).join("check.yaml"))
                .unwrap();
            let docs = check
                .lines()
                .find_map(|l| l.strip_prefix("docs:"))
                .unwrap_or_else(|| panic!("{id}: check.yaml names no docs page"))
                .trim()
                .to_owned();
            (id, docs)
        })
        .collect()
}

#[test]
fn every_exercise_has_a_page_linked_from_the_index() {
    let pages = exercise_pages();
    assert_eq!(pages.len(), 13, "the bundled workshop has 13 exercises");
    let index = std::fs::read_to_string(repo().join("docs/README.md")).unwrap();
    let linked: BTreeSet<String> = links(&index)
        .into_iter()
        .map(|target| format!("docs/{target}"))
        .collect();
    for (id, docs) in &pages {
        assert!(repo().join(docs).is_file(), "{id}: no page {docs}");
        assert!(
            linked.contains(docs),
            "{id}: docs/README.md does not link {docs}"
        );
        let text = std::fs::read_to_string(repo().join(docs)).unwrap();
        assert!(
            text.starts_with(&format!("# {id} — ")),
            "{docs} does not start with the heading `# {id} — <title>`"
        );
        assert!(
            text.contains(&format!("`workshop check {id}`")),
            "{docs} does not show how to check {id}"
        );
    }
}

#[test]
fn each_exercise_page_leads_to_the_next_in_curriculum_order() {
    let pages = exercise_pages();
    for pair in pages.windows(2) {
        let [(id, docs), (next_id, next_docs)] = pair else {
            unreachable!()
        };
        let page = repo().join(docs);
        let text = std::fs::read_to_string(&page).unwrap();
        let next = repo().join(next_docs);
        let leads = links(&text)
            .iter()
            .any(|target| page.parent().unwrap().join(target) == next);
        assert!(
            leads,
            "{docs} ({id}) does not link to {next_docs} ({next_id})"
        );
    }
}

#[test]
fn list_points_to_the_index_and_the_next_page() {
    let workshop = Workshop::bundled();
    workshop
        .run(&["list"])
        .code(0)
        .stdout_has(
            "next: read docs/exercises/cpu-01-regexp.md, then run `workshop check cpu/01-regexp`",
        )
        .stdout_has("the workshop text starts at docs/README.md");

    let json = workshop.run(&["list", "--json"]).json();
    assert_eq!(json["docs"], "docs/README.md");
    let listed: Vec<(String, String)> = json["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_owned(),
                e["docs"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(listed, exercise_pages());
}

#[test]
fn the_devcontainer_sets_up_go_and_workshop() {
    let text = std::fs::read_to_string(repo().join(".devcontainer/devcontainer.json")).unwrap();
    let config: serde_json::Value = serde_json::from_str(&text).expect("devcontainer.json is JSON");
    assert!(
        config["image"]
            .as_str()
            .unwrap()
            .contains("devcontainers/go")
    );
    let setup = config["postCreateCommand"].as_str().unwrap();
    let script = setup.strip_prefix("bash ").expect("a script");
    let body = std::fs::read_to_string(repo().join(script)).unwrap();
    for step in ["graphviz", "workshop-installer.sh", "workshop doctor"] {
        assert!(body.contains(step), "{script} lacks {step}");
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let installer = body
        .split_whitespace()
        .find(|w| w.contains("workshop-installer.sh"))
        .unwrap()
        .trim_start_matches("installer=");
    assert!(
        readme.contains(installer),
        "README and the devcontainer install from the same place"
    );
}
