//! What `go tool pprof -top` prints, read back: the oracle the profile tests
//! compare `workshop inspect` with. One reader of its table for every test.

use std::path::Path;

use crate::go;

/// The flags of every `-top` comparison: every node, all of a sample type,
/// in the base unit of its values (so that numbers compare exactly).
pub fn top_flags(sample: &str, unit: &str) -> Vec<String> {
    let mut flags: Vec<String> = [
        "-top",
        "-nodefraction=0",
        "-edgefraction=0",
        "-nodecount=1000000",
    ]
    .map(str::to_owned)
    .to_vec();
    flags.push(format!("-sample_index={sample}"));
    match unit {
        "nanoseconds" => flags.push("-unit=ns".to_owned()),
        "bytes" => flags.push("-unit=B".to_owned()),
        _ => {}
    }
    flags
}

/// `go tool pprof FLAGS... PROFILE` run in `dir`: what it printed, or the
/// test fails with what it said.
pub fn pprof_in(dir: &Path, flags: &[String], profile: &Path) -> String {
    let output = go()
        .current_dir(dir)
        .args(["tool", "pprof"])
        .args(flags)
        .arg(profile)
        .output()
        .expect("`go` must be installed");
    assert!(
        output.status.success(),
        "go tool pprof {flags:?} {} failed: {}",
        profile.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A number of pprof's table in the base unit (`-unit=ns`, `-unit=B`): its
/// leading digits and sign.
fn number(field: &str) -> i64 {
    let digits: String = field
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("cannot read {field:?} in go tool pprof output"))
}

/// `-top`'s output: its rows in order, and the header's sums.
#[derive(Debug, Default)]
pub struct Top {
    /// (function, flat, cum), without pprof's `(inline)` markers.
    pub rows: Vec<(String, i64, i64)>,
    /// "Showing nodes accounting for SHOWN, P% of TOTAL total"; none when
    /// nothing is left to show (pprof then prints no header).
    pub shown: Option<i64>,
    pub total: Option<i64>,
}

/// Reads `-top`'s output.
pub fn parse(text: &str) -> Top {
    let mut top = Top::default();
    let mut table = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("Showing nodes accounting for ") {
            let (shown, of) = rest.split_once(", ").unwrap();
            top.shown = Some(number(shown));
            top.total = Some(number(of.rsplit(" of ").next().unwrap()));
            continue;
        }
        if line.trim_start().starts_with("flat") {
            table = true;
            continue;
        }
        if !table || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let name = fields[5..].join(" ");
        // pprof marks inlined nodes; the marker is not part of the name.
        let name = name
            .trim_end_matches(" (inline)")
            .trim_end_matches(" (partial-inline)")
            .to_owned();
        top.rows.push((name, number(fields[0]), number(fields[3])));
    }
    top
}
