//! The Japanese pages quote the tool as it speaks Japanese: a fenced block
//! of a `docs/ja/` page never shows the English labels of the runner's output
//! (`note:`, `error:`, `want ≤ 2`...), which Japanese readers never see.

use super::markdown_files;
use crate::repo;

/// The English words that start a line of the runner's output, or stand
/// before a goal's bound, from the English catalogue.
fn english_labels() -> Vec<String> {
    let catalogue = std::fs::read_to_string(repo().join("src/i18n/en/report.ftl")).unwrap();
    let mut labels: Vec<String> = catalogue
        .lines()
        .filter(|line| line.starts_with("label-"))
        .filter_map(|line| line.split_once(" = "))
        .map(|(_, label)| label.trim().to_owned())
        .collect();
    let want = catalogue
        .lines()
        .find_map(|line| line.strip_prefix("want = "))
        .unwrap();
    labels.push(want.replace("{ $bound }", "").trim_end().to_owned() + " ");
    labels
}

/// Info strings of the fenced blocks that may quote output (the YAML of a
/// check file has `hint:` keys of its own).
const OUTPUT_BLOCKS: [&str; 3] = ["", "text", "console"];

/// The lines of a page's output blocks that show an English label, with
/// their line numbers.
fn english_output(text: &str, labels: &[String]) -> Vec<(usize, String)> {
    // Inside a fenced block: whether it may quote output.
    let mut fence: Option<bool> = None;
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some(OUTPUT_BLOCKS.contains(&info.trim())),
            };
            continue;
        }
        let shown = line.trim_start();
        if fence == Some(true)
            && labels.iter().any(|label| {
                shown.starts_with(label.as_str()) || line.contains(&format!("  {label}"))
            })
        {
            found.push((number + 1, line.to_owned()));
        }
    }
    found
}

#[test]
fn japanese_pages_show_the_tools_japanese_output() {
    let labels = english_labels();
    assert!(labels.len() >= 6, "labels: {labels:?}");
    let mut problems = Vec::new();
    for page in markdown_files() {
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        if !name.starts_with("docs/ja/") {
            continue;
        }
        let text = std::fs::read_to_string(&page).unwrap();
        for (line, shown) in english_output(&text, &labels) {
            problems.push(format!("{name}:{line}: English output: {shown}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn english_labels_are_found_in_blocks_only() {
    let labels = english_labels();
    assert!(labels.contains(&"note:".to_owned()), "{labels:?}");
    assert!(labels.contains(&"want ".to_owned()), "{labels:?}");
    let text = "note: prose is free\n```\n  ✗ a  1 allocs/op  want ≤ 0 allocs/op\n  注: 日本語\nerror: x\n```\n```yaml\nhint: a key\n```\n";
    assert_eq!(
        english_output(text, &labels),
        [
            (3, "  ✗ a  1 allocs/op  want ≤ 0 allocs/op".to_owned()),
            (5, "error: x".to_owned())
        ]
    );
}
