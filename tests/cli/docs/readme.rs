//! The README's sample output is what the tool prints: each `$ workshop …`
//! block is run on the bundled workshop and compared with what it printed,
//! numbers aside (timings and byte counts vary from run to run).

use crate::{Workshop, repo};

/// The README's sample sessions: the command after `$ ` and the lines shown.
fn samples(readme: &str) -> Vec<(String, Vec<String>)> {
    let mut samples = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```" && !line.starts_with("```") {
            continue;
        }
        let block: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        if let Some(command) = block.first().and_then(|l| l.strip_prefix("$ workshop ")) {
            samples.push((
                command.to_owned(),
                block[1..].iter().map(|l| (*l).to_owned()).collect(),
            ));
        }
    }
    samples
}

/// Every number as `#`: the words, layout and units must match exactly.
fn shape(line: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in line.chars() {
        let digit = c.is_ascii_digit() || (in_number && (c == '.' || c == ','));
        if digit && !in_number {
            out.push('#');
        } else if !digit {
            out.push(c);
        }
        in_number = digit;
    }
    out
}

#[test]
fn the_readme_shows_what_the_tool_prints() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let samples = samples(&readme);
    assert!(
        !samples.is_empty(),
        "the README shows no `$ workshop` session"
    );
    let workshop = Workshop::bundled();
    for (command, shown) in samples {
        let args: Vec<String> = shlex::split(&command).unwrap();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // As the attendee runs it: in the workshop's directory.
        let run = workshop.run_in(".", &args);
        let printed: Vec<String> = run.stdout.lines().map(shape).collect();
        let shown: Vec<String> = shown.iter().map(|l| shape(l)).collect();
        assert_eq!(
            shown, printed,
            "README's `$ workshop {command}` differs from what it prints:\n{}",
            run.stdout
        );
    }
}

#[test]
fn numbers_are_shapes() {
    assert_eq!(
        shape("  ✗ bytes  9.0 MiB/op  want ≤ 19.5 KiB/op, 1,998 in 2.0s"),
        "  ✗ bytes  # MiB/op  want ≤ # KiB/op, # in #s"
    );
}

/// The fenced blocks of a Markdown text, each as its lines.
fn blocks(text: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("```") {
            blocks.push(
                lines
                    .by_ref()
                    .take_while(|l| !l.starts_with("```"))
                    .map(str::to_owned)
                    .collect(),
            );
        }
    }
    blocks
}

#[test]
fn the_readme_leads_with_what_works_from_a_clone() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let manifest = std::fs::read_to_string(repo().join("workshop.yaml")).unwrap();
    let first = manifest
        .lines()
        .skip_while(|l| !l.starts_with("exercises:"))
        .find_map(|l| l.trim().strip_prefix("- "))
        .expect("an exercise in workshop.yaml");
    let blocks = blocks(&readme);
    assert_eq!(
        blocks[..2],
        [
            vec![format!(
                "cargo install --locked --path . && workshop check {first}"
            )],
            vec!["cargo test --locked".to_owned()],
        ],
        "the README's first two commands install and check, then test"
    );
}

#[test]
fn no_page_pipes_a_download_into_a_shell() {
    for page in super::markdown::markdown_files() {
        let text = std::fs::read_to_string(&page).unwrap();
        for line in text.lines() {
            let piped = line
                .split('|')
                .skip(1)
                .any(|after| matches!(after.split_whitespace().next(), Some("sh" | "bash")));
            assert!(
                !(piped && (line.contains("curl") || line.contains("wget"))),
                "{}: `{line}` runs a download that may have failed; download, then run",
                page.display()
            );
        }
    }
}
