//! The Markdown extractor: the commands a text shows, in fenced command blocks
//! and in inline code spans.

use std::path::PathBuf;

use crate::repo;

/// Info strings of the fenced blocks that hold commands; an untagged block
/// holds commands too. Blocks of `go`, `yaml`, `text`... never do.
const COMMAND_BLOCKS: [&str; 4] = ["sh", "shell", "bash", "console"];

/// A command shown in a Markdown text.
#[derive(Debug, PartialEq)]
pub struct Shown {
    /// The command as written, without a `$ ` prompt.
    pub text: String,
    /// Whether it is a line of a fenced command block, not an inline code span.
    pub fenced: bool,
}

/// The commands of `program` in a Markdown text: the lines of fenced command
/// blocks that start with it (after an optional `$ ` prompt), and the inline
/// code spans that start with it and a lowercase word, so that `go func()` or
/// `go worker(ctx)` in prose is no command.
pub fn commands(text: &str, program: &str) -> Vec<Shown> {
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
pub fn shown_in_docs(program: &str) -> Vec<(String, Vec<Shown>)> {
    markdown_files()
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.strip_prefix(repo()).unwrap().display().to_string();
            (name, commands(&text, program))
        })
        .collect()
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
