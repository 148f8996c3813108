//! Goroutine dumps, as a Go program prints them on SIGQUIT or when a test times
//! out, reduced to what an attendee needs: the goroutines that are stuck in
//! their own code, grouped by identical stacks.

use std::path::Path;

/// One frame of a goroutine's stack.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Frame {
    pub function: String,
    pub file: String,
    pub line: u32,
}

/// One goroutine of a dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goroutine {
    pub id: u64,
    /// What it was doing: `chan send`, `select`, `sync.Mutex.Lock`, `running`...
    pub state: String,
    /// Innermost first.
    pub frames: Vec<Frame>,
    pub created_by: Option<Frame>,
}

/// Goroutines with identical stacks in the attendee's code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StuckGroup {
    pub count: usize,
    pub state: String,
    /// The frames inside the exercise package, innermost first, with paths
    /// relative to the package directory.
    pub frames: Vec<Frame>,
    pub created_at: Option<Frame>,
}

/// Why a run was stopped, told from its dump.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct HangReport {
    /// Tests that were running when Go's own test timeout fired.
    pub running_tests: Vec<String>,
    pub groups: Vec<StuckGroup>,
    /// Goroutines in the dump that never enter the exercise package.
    pub other_goroutines: usize,
}

/// Parses every goroutine in `text`; lines that belong to no goroutine are skipped.
pub fn parse(text: &str) -> Vec<Goroutine> {
    let mut goroutines = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((id, state)) = parse_header(line) else {
            continue;
        };
        let mut goroutine = Goroutine {
            id,
            state,
            frames: Vec::new(),
            created_by: None,
        };
        while let Some(function_line) = lines.next_if(|l| !l.trim().is_empty()) {
            if function_line.starts_with('\t') || function_line.starts_with("...") {
                continue;
            }
            let location = lines.next_if(|l| l.starts_with('\t'));
            let Some((file, line)) = location.and_then(parse_location) else {
                continue;
            };
            if let Some(rest) = function_line.strip_prefix("created by ") {
                let function = rest.split(" in goroutine ").next().unwrap_or(rest);
                goroutine.created_by = Some(Frame {
                    function: function.to_owned(),
                    file,
                    line,
                });
            } else {
                goroutine.frames.push(Frame {
                    function: strip_arguments(function_line).to_owned(),
                    file,
                    line,
                });
            }
        }
        goroutines.push(goroutine);
    }
    goroutines
}

/// `goroutine 18 [chan send, 2 minutes]:` (also with `gp=... m=...` annotations).
fn parse_header(line: &str) -> Option<(u64, String)> {
    let rest = line.strip_prefix("goroutine ")?;
    let (id, rest) = rest.split_once(' ')?;
    let id = id.parse().ok()?;
    let open = rest.find('[')?;
    let close = rest.rfind("]:")?;
    let inside = rest.get(open + 1..close)?;
    // Drop the wait duration ("2 minutes") and flags such as "locked to thread".
    let state = inside.split(',').next().unwrap_or(inside).trim().to_owned();
    Some((id, state))
}

/// `\t/path/to/file.go:41 +0x1d`
fn parse_location(line: &str) -> Option<(String, u32)> {
    let location = line.trim().split(" +0x").next()?;
    let (file, line) = location.rsplit_once(':')?;
    Some((file.to_owned(), line.parse().ok()?))
}

/// `main.worker(0xc000010000, ...)` -> `main.worker`
fn strip_arguments(function: &str) -> &str {
    match function.rfind('(') {
        Some(i) if function.ends_with(')') => &function[..i],
        _ => function,
    }
}

/// The tests Go's own `-test.timeout` reported as running.
fn running_tests(text: &str) -> Vec<String> {
    let mut tests = Vec::new();
    let mut lines = text.lines().skip_while(|l| l.trim() != "running tests:");
    lines.next();
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() || !line.starts_with('\t') {
            break;
        }
        tests.push(trimmed.to_owned());
    }
    tests
}

/// Reduces a dump to the goroutines that run code in `package_dir`, grouped by
/// identical stacks, largest group first.
pub fn hang_report(text: &str, package_dir: &Path) -> HangReport {
    let mut report = HangReport {
        running_tests: running_tests(text),
        ..HangReport::default()
    };
    let in_package = |frame: &Frame| Path::new(&frame.file).starts_with(package_dir);
    let relative = |frame: &Frame| Frame {
        file: Path::new(&frame.file)
            .strip_prefix(package_dir)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| frame.file.clone()),
        ..frame.clone()
    };
    for goroutine in parse(text) {
        let frames: Vec<Frame> = goroutine
            .frames
            .iter()
            .filter(|f| in_package(f))
            .map(relative)
            .collect();
        if frames.is_empty() {
            report.other_goroutines += 1;
            continue;
        }
        // A creator outside the package (testing.(*T).Run) is shown by file name only.
        let created_at = goroutine.created_by.as_ref().map(|f| {
            if in_package(f) {
                relative(f)
            } else {
                Frame {
                    file: Path::new(&f.file)
                        .file_name()
                        .map_or_else(|| f.file.clone(), |n| n.to_string_lossy().into_owned()),
                    ..f.clone()
                }
            }
        });
        match report.groups.iter_mut().find(|g| {
            g.state == goroutine.state && g.frames == frames && g.created_at == created_at
        }) {
            Some(group) => group.count += 1,
            None => report.groups.push(StuckGroup {
                count: 1,
                state: goroutine.state,
                frames,
                created_at,
            }),
        }
    }
    report.groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "panic: test timed out after 2s
\trunning tests:
\t\tTestHang (2s)

goroutine 7 [chan send]:
example/hang.worker(0xc0000a2000)
\t/ws/exercises/hang/hang.go:12 +0x25
created by example/hang.Start in goroutine 6
\t/ws/exercises/hang/hang.go:20 +0x4f

goroutine 8 [chan send]:
example/hang.worker(0xc0000a2000)
\t/ws/exercises/hang/hang.go:12 +0x25
created by example/hang.Start in goroutine 6
\t/ws/exercises/hang/hang.go:20 +0x4f

goroutine 1 [chan receive]:
testing.(*T).Run(0xc000003a00, {0x5a1b2c, 0x8}, 0x5b0c10)
\t/usr/local/go/src/testing/testing.go:1751 +0x3ab
main.main()
\t_testmain.go:45 +0x9b
";

    #[test]
    fn parses_goroutines_with_creators() {
        let goroutines = parse(DUMP);
        assert_eq!(goroutines.len(), 3);
        assert_eq!(goroutines[0].id, 7);
        assert_eq!(goroutines[0].state, "chan send");
        assert_eq!(goroutines[0].frames[0].function, "example/hang.worker");
        assert_eq!(goroutines[0].frames[0].line, 12);
        assert_eq!(
            goroutines[0].created_by.as_ref().unwrap().function,
            "example/hang.Start"
        );
        assert_eq!(goroutines[2].frames.len(), 2);
    }

    #[test]
    fn groups_goroutines_stuck_in_the_package() {
        let report = hang_report(DUMP, Path::new("/ws/exercises/hang"));
        assert_eq!(report.running_tests, vec!["TestHang (2s)"]);
        assert_eq!(report.other_goroutines, 1);
        assert_eq!(report.groups.len(), 1);
        let group = &report.groups[0];
        assert_eq!(group.count, 2);
        assert_eq!(group.frames[0].file, "hang.go");
        assert_eq!(group.created_at.as_ref().unwrap().line, 20);
    }

    #[test]
    fn header_with_duration_and_annotations() {
        assert_eq!(
            parse_header("goroutine 5 gp=0xc000 m=nil [select, 3 minutes]:"),
            Some((5, "select".to_owned()))
        );
        assert_eq!(parse_header("goroutine x [y]:"), None);
    }
}
