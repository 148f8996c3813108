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
    assert_eq!(pages.len(), 17, "the bundled workshop has 17 exercises");
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

/// `path` with `.` and `..` resolved by their names alone.
fn lexical(path: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            part => out.push(part),
        }
    }
    out
}

/// `docs/<page>` in Japanese: `docs/ja/<page>`.
fn japanese(page: &str) -> String {
    format!("docs/ja/{}", page.strip_prefix("docs/").unwrap())
}

#[test]
fn every_page_has_its_japanese_page_and_each_links_to_the_other() {
    let mut problems = Vec::new();
    let mut pages = 0;
    for page in markdown_files() {
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        if !name.starts_with("docs/") || name.starts_with("docs/ja/") {
            continue;
        }
        pages += 1;
        let other = repo().join(japanese(&name));
        if !other.is_file() {
            problems.push(format!("{name}: no Japanese page {}", japanese(&name)));
            continue;
        }
        for (from, to) in [(&page, &other), (&other, &page)] {
            let text = std::fs::read_to_string(from).unwrap();
            let leads = links(&text).iter().any(|target| {
                let file = target.split('#').next().unwrap();
                !file.is_empty() && lexical(&from.parent().unwrap().join(file)) == **to
            });
            if !leads {
                problems.push(format!(
                    "{} does not link to {}",
                    from.strip_prefix(repo()).unwrap().display(),
                    to.strip_prefix(repo()).unwrap().display()
                ));
            }
        }
    }
    for page in markdown_files() {
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        if let Some(rest) = name.strip_prefix("docs/ja/")
            && !repo().join("docs").join(rest).is_file()
        {
            problems.push(format!("{name}: no English page docs/{rest}"));
        }
    }
    assert_eq!(pages, 41, "docs/ has 41 pages");
    // The commands of a page's command blocks are those of the English page,
    // in order: the docs tests run the English page's.
    for page in markdown_files() {
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        let Some(rest) = name.strip_prefix("docs/ja/") else {
            continue;
        };
        let english = std::fs::read_to_string(repo().join("docs").join(rest)).unwrap();
        let japanese = std::fs::read_to_string(&page).unwrap();
        for program in ["go", "workshop"] {
            let fenced = |text: &str| -> Vec<String> {
                crate::docs::commands(text, program)
                    .into_iter()
                    .filter(|s| s.fenced)
                    .map(|s| s.text)
                    .collect()
            };
            if fenced(&japanese) != fenced(&english) {
                problems.push(format!(
                    "{name}: the `{program}` commands of its command blocks differ from docs/{rest}'s"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_exercise_has_a_japanese_page_linked_from_the_japanese_index() {
    let index = std::fs::read_to_string(repo().join("docs/ja/README.md")).unwrap();
    let linked: BTreeSet<String> = links(&index)
        .into_iter()
        .map(|target| format!("docs/ja/{target}"))
        .collect();
    let pages = exercise_pages();
    for (id, docs) in &pages {
        let page = japanese(docs);
        assert!(
            linked.contains(&page),
            "docs/ja/README.md does not link {page}"
        );
        let text = std::fs::read_to_string(repo().join(&page)).unwrap();
        assert!(
            text.starts_with(&format!("# {id} — ")),
            "{page} does not start with the heading `# {id} — <title>`"
        );
        assert!(
            text.contains(&format!("`workshop check {id}`")),
            "{page} does not show how to check {id}"
        );
    }
    for pair in pages.windows(2) {
        let [(id, docs), (_, next_docs)] = pair else {
            unreachable!()
        };
        let page = repo().join(japanese(docs));
        let next = repo().join(japanese(next_docs));
        let text = std::fs::read_to_string(&page).unwrap();
        assert!(
            links(&text).iter().any(|target| {
                let file = target.split('#').next().unwrap();
                lexical(&page.parent().unwrap().join(file)) == next
            }),
            "{} ({id}) does not link to {}",
            japanese(docs),
            japanese(next_docs)
        );
    }
}

#[test]
fn list_and_check_point_to_the_pages_in_the_chosen_language() {
    let workshop = Workshop::bundled();
    // Pages are named from where the attendee stands: the workshop's root.
    workshop
        .run_in(".", &["list", "--lang", "ja"])
        .code(0)
        .stdout_has("docs/ja/exercises/cpu-01-regexp.md を読んでから `workshop check cpu/01-regexp` を実行してください")
        .stdout_has("docs/ja/README.md");
    let json = workshop.run(&["list", "--json", "--lang", "ja"]).json();
    assert_eq!(json["lang"], "ja");
    assert_eq!(json["docs"], "docs/ja/README.md");
    for exercise in json["exercises"].as_array().unwrap() {
        let docs = exercise["docs"].as_str().unwrap();
        assert!(docs.starts_with("docs/ja/exercises/"), "{docs}");
    }
    // The locale chooses when no flag does, and the flag wins over it.
    workshop
        .run_env_in(".", &["list"], &[("LANG", "ja_JP.UTF-8")])
        .stdout_has("ワークショップのテキストは docs/ja/README.md から始まります");
    workshop
        .run_env_in(".", &["list", "--lang", "en"], &[("LANG", "ja_JP.UTF-8")])
        .stdout_has("the workshop text starts at docs/README.md");
}

#[test]
fn list_points_to_the_index_and_the_next_page() {
    let workshop = Workshop::bundled();
    workshop
        .run_in(".", &["list"])
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
    let features = config["features"].as_object().expect("features");
    assert!(
        features.keys().any(|k| k.contains("features/rust")),
        "the devcontainer lacks Rust, which builds workshop: {features:?}"
    );
    let install = "cargo install --locked --path .";
    for step in ["graphviz", install, "workshop doctor"] {
        assert!(body.contains(step), "{script} lacks {step}");
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(
        readme.contains(install),
        "README and the devcontainer install workshop the same way"
    );
}
