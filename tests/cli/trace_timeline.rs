//! A trace you can see: the pictures over time in `workshop inspect`'s
//! summary and JSON, and the SVG timeline of `--timeline`, rendered to pixels
//! by a real SVG renderer (resvg) and looked at.

use std::path::{Path, PathBuf};

use crate::*;

/// The colour of GC bands in the SVG (src/report/timeline.rs).
const GC: [u8; 3] = [0xff, 0x8c, 0x00];

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/traces").join(name)
}

/// A PNG's pixels: width, height, RGBA rows.
struct Picture {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

impl Picture {
    fn pixels(&self) -> impl Iterator<Item = [u8; 3]> + '_ {
        self.rgba.chunks(4).map(|p| [p[0], p[1], p[2]])
    }

    /// How many pixels have exactly this colour.
    fn count(&self, colour: [u8; 3]) -> usize {
        self.pixels().filter(|p| *p == colour).count()
    }

    /// Pixels of strong colour other than the bands' and the curve's: the
    /// goroutines drawn on the P lanes (text is grey, the lanes' ground
    /// light grey, the background white).
    fn lane_pixels(&self) -> usize {
        self.pixels()
            .filter(|&[r, g, b]| {
                let (max, min) = (r.max(g).max(b), r.min(g).min(b));
                max - min > 60
                    && [r, g, b] != GC
                    && [r, g, b] != [0xd0, 0, 0]
                    && [r, g, b] != [0x9e, 0xca, 0xe1]
                    && [r, g, b] != [0x31, 0x82, 0xbd]
            })
            .count()
    }
}

/// A real SVG renderer's drawing of an SVG file (resvg, a crate: nothing to
/// install beyond Rust), composed over white as a viewer shows it.
fn render(svg: &Path) -> Picture {
    use resvg::{tiny_skia, usvg};
    let data = std::fs::read(svg).unwrap();
    let tree = usvg::Tree::from_data(&data, &usvg::Options::default())
        .unwrap_or_else(|e| panic!("{} is not an SVG resvg reads: {e}", svg.display()));
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // Premultiplied over an opaque ground: every pixel is opaque, so the
    // bytes are the colours.
    Picture {
        width: size.width() as usize,
        height: size.height() as usize,
        rgba: pixmap.data().to_vec(),
    }
}

/// `workshop inspect TRACE --timeline DIR/NAME.svg FLAGS...`, rendered.
fn timeline(dir: &Path, name: &str, trace: &str, flags: &[&str]) -> (String, Picture) {
    let svg = dir.join(format!("{name}.svg"));
    let mut args = vec!["--timeline", svg.to_str().unwrap()];
    args.extend_from_slice(flags);
    inspect(&args, fixture(trace))
        .code(0)
        .stdout_has("timeline written to");
    let text = std::fs::read_to_string(&svg).unwrap();
    (text, render(&svg))
}

#[test]
fn timeline_of_a_gc_trace_draws_lanes_and_gc_where_it_ran() {
    let dir = tempfile::tempdir().unwrap();
    let (svg, whole) = timeline(dir.path(), "whole", "gc-go126.trace", &[]);
    assert!(svg.contains(">P0<") && svg.contains(">P1<"), "{svg}");
    assert!(whole.width > 1000 && whole.height > 100);
    assert!(
        whole.lane_pixels() > 5_000,
        "the P lanes are empty: {} pixels",
        whole.lane_pixels()
    );
    assert!(whole.count(GC) > 500, "no GC band: {}", whole.count(GC));

    // From 16.2ms to 19.3ms the GC did not run (see `inspect --json`'s
    // gc_cycles): zoomed there, the drawing changes and has no GC band.
    let (_, quiet) = timeline(
        dir.path(),
        "quiet",
        "gc-go126.trace",
        &["--from", "16.2ms", "--to", "19.3ms"],
    );
    assert_eq!(quiet.count(GC), 0);
    assert!(quiet.lane_pixels() > 5_000);
    assert_ne!(quiet.rgba, whole.rgba);

    // A trace without GC has no band.
    let (svg, tasks) = timeline(dir.path(), "tasks", "tasks-go126.trace", &[]);
    assert_eq!(tasks.count(GC), 0);
    assert!(svg.contains(">task request<") && svg.contains(">region fetch<"));
}

#[test]
fn timeline_size_is_bounded_by_lanes_and_width() {
    let dir = tempfile::tempdir().unwrap();
    // The busiest trace of the corpus: every lane draws at most one
    // rectangle per pixel of the 1200 wide plot, whatever the events.
    let svg = dir.path().join("busy.svg");
    inspect(
        &["--timeline", svg.to_str().unwrap()],
        fixture("gcactive-go124.trace"),
    )
    .code(0);
    let text = std::fs::read_to_string(&svg).unwrap();
    let lanes = text.matches(r#"class="l""#).count();
    let rects = text.matches("<rect").count();
    assert!(
        rects <= 2 + lanes * 1201,
        "{rects} rectangles, {lanes} lanes"
    );
    assert!(text.len() < 200 * lanes.max(1) * 1200);
    // What it says is escaped text and the document is whole.
    assert!(text.trim_end().ends_with("</svg>"));
    render(&svg);
}

#[test]
fn timeline_window_outside_the_trace_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("none.svg");
    inspect(
        &["--timeline", svg.to_str().unwrap(), "--from", "10s"],
        fixture("gc-go126.trace"),
    )
    .code(2)
    .stderr_has("--from 10s");
    assert!(!svg.exists());
    // --from and --to belong to a timeline.
    inspect(&["--from", "1ms"], fixture("gc-go126.trace")).code(2);
}

#[test]
fn trace_summary_draws_series_and_json_carries_them() {
    let run = inspect(&[], fixture("gc-go126.trace"));
    run.code(0).stdout_has("over time").stdout_has("GC ");
    let pictures: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.chars().any(|c| "▁▂▃▄▅▆▇█".contains(c)))
        .collect();
    assert_eq!(pictures.len(), 4, "{}", run.stdout);
    // Without a terminal the pictures fit 80 columns.
    for line in &pictures {
        assert!(line.chars().count() <= 80, "{line}");
    }

    let doc = inspect(&["--json"], fixture("gc-go126.trace")).json();
    let series = &doc["series"];
    let live = series["live_goroutines"].as_array().unwrap();
    assert!(!live.is_empty() && live.len() <= 256);
    for name in ["running_goroutines", "heap_bytes", "gc"] {
        assert_eq!(series[name].as_array().unwrap().len(), live.len(), "{name}");
    }
    assert!(
        series["gc"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g.as_f64() > Some(0.0))
    );
    assert!(
        series["heap_bytes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h.as_u64() > Some(1 << 20))
    );
    assert!(series["bucket_ns"].as_i64() > Some(0));
}

/// The colour of a start function's swatch in the key of a timeline's SVG.
fn swatch(svg: &str, function: &str) -> [u8; 3] {
    let text = format!(r#"class="s">{function}</text>"#);
    let at = svg
        .find(&text)
        .unwrap_or_else(|| panic!("no {function} in the key:\n{svg}"));
    let fill = svg[..at].rfind("fill=\"#").expect("a swatch") + "fill=\"#".len();
    let hex = &svg[fill..fill + 6];
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    [byte(0), byte(2), byte(4)]
}

#[test]
fn timeline_colours_the_lanes_by_start_function_with_a_key() {
    let dir = tempfile::tempdir().unwrap();
    // churn: the main goroutine runs on one P, then 300 goroutines started
    // with main.churn.func1 run and end.
    let (svg, picture) = timeline(dir.path(), "churn", "churn-go126.trace", &[]);
    assert!(svg.contains(">started with<"), "{svg}");
    let main = swatch(&svg, "main.main");
    let workers = swatch(&svg, "main.churn.func1");
    assert_ne!(main, workers);
    // Beyond the 10×10 swatch, the colour fills a P lane for most of the trace.
    assert!(picture.count(main) > 5_000, "{}", picture.count(main));
    assert!(picture.count(workers) > 100, "{}", picture.count(workers));
}
