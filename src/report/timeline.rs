//! The SVG timeline of a trace (`workshop inspect TRACE --timeline out.svg`):
//! a curve of live goroutines, bands where the GC marked and the world
//! stopped, one lane per P coloured by the function its goroutine was started
//! with (the longest-running in colours named by a key, the rest grey), and lanes for
//! tasks and regions. Everything is drawn per pixel from a [`Timeline`], runs
//! of equal pixels merged into one rectangle, so the file grows with the
//! lanes and the width, not with the trace's events.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use crate::tr;
use crate::trace::facts::Facts;
use crate::trace::timeline::{Annotation, AnnotationLane, Timeline};
use crate::units::nanos;

/// The width of the drawing area, in pixels (one [`Timeline`] pixel each).
pub const PLOT_WIDTH: usize = 1200;
/// The colour of GC marking bands.
pub const GC_COLOUR: &str = "#ff8c00";
/// The colour of stop-the-world bands.
pub const STW_COLOUR: &str = "#d00000";
const TASK_COLOUR: &str = "#2e8b57";
const REGION_COLOUR: &str = "#4060c0";
const BACKGROUND: &str = "#ffffff";
/// Room for the lanes' names, left of the drawing.
const LEFT: usize = 130;
const RIGHT: usize = 20;
const LANE: usize = 14;
const GAP: usize = 3;
const CURVE: usize = 60;
/// The most task and region names drawn, each a lane (the most frequent).
const NAMED_LANES: usize = 8;

/// Text safe inside SVG elements and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The colours of the start functions that ran longest, in order: well apart
/// from each other and from the GC's orange and the stop-the-world red.
const PALETTE: [&str; 8] = [
    "#4e79a7", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#1f3b73",
];
/// The colour of every other goroutine.
const OTHER: &str = "#bdbdbd";

/// Each P lane's colours: the leading start functions take the palette in
/// order, every other goroutine is grey.
struct Colours<'t> {
    timeline: &'t Timeline,
    leading: Vec<&'t str>,
}

impl<'t> Colours<'t> {
    fn new(timeline: &'t Timeline) -> Self {
        let leading = leading_functions(timeline)
            .into_iter()
            .take(PALETTE.len())
            .map(|(name, _)| name)
            .collect();
        Colours { timeline, leading }
    }

    /// The colour of goroutine `g`.
    fn of(&self, g: i64) -> &'static str {
        self.timeline
            .starts
            .of(g)
            .and_then(|f| self.leading.iter().position(|l| *l == f))
            .map_or(OTHER, |i| PALETTE[i])
    }
}

/// The start functions that ran longest on the Ps in the window, longest
/// first, with how long.
fn leading_functions(timeline: &Timeline) -> Vec<(&str, i64)> {
    let mut time: BTreeMap<&str, i64> = BTreeMap::new();
    for cells in timeline.procs.values() {
        for cell in cells.iter().filter(|c| c.busy_ns > 0) {
            if let Some(function) = timeline.starts.of(cell.goroutine) {
                *time.entry(function).or_default() += cell.goroutine_ns;
            }
        }
    }
    let mut leading: Vec<(&str, i64)> = time.into_iter().collect();
    leading.sort_by_key(|&(name, ns)| (std::cmp::Reverse(ns), name));
    leading
}

/// The SVG being written, row by row.
struct Svg {
    body: String,
    y: usize,
}

impl Svg {
    fn label(&mut self, text: &str, height: usize) {
        let _ = writeln!(
            self.body,
            r#"<text x="{}" y="{}" text-anchor="end" class="l">{}</text>"#,
            LEFT - 6,
            self.y + height / 2 + 4,
            escape(text)
        );
    }

    /// A lane of runs: equal neighbouring pixels become one rectangle.
    fn runs<K: PartialEq + Clone>(
        &mut self,
        cells: impl Iterator<Item = Option<K>>,
        style: impl Fn(&K) -> String,
        height: usize,
    ) {
        let mut run: Option<(usize, K)> = None;
        let flush = |body: &mut String, from: usize, to: usize, key: &K| {
            let _ = writeln!(
                body,
                r#"<rect x="{}" y="{}" width="{}" height="{height}" {}/>"#,
                LEFT + from,
                self.y,
                to - from,
                style(key)
            );
        };
        let mut count = 0;
        for (i, cell) in cells.enumerate() {
            count = i + 1;
            match (&run, &cell) {
                (Some((_, key)), Some(now)) if key == now => {}
                _ => {
                    if let Some((from, key)) = run.take() {
                        flush(&mut self.body, from, i, &key);
                    }
                    run = cell.map(|k| (i, k));
                }
            }
        }
        if let Some((from, key)) = run {
            flush(&mut self.body, from, count, &key);
        }
    }
}

/// A density lane's pixels: opacity in tenths, by the share of the pixel
/// covered (at least 0.3, to be seen; a whole pixel or more is opaque).
fn density(covered: &[i64], pixel: f64) -> Vec<Option<u32>> {
    covered
        .iter()
        .map(|&ns| (ns > 0).then(|| ((ns as f64 / pixel) * 10.0).ceil().clamp(3.0, 10.0) as u32))
        .collect()
}

/// `fill` at an opacity in tenths.
fn fill(colour: &str, tenths: u32) -> String {
    if tenths >= 10 {
        format!(r#"fill="{colour}""#)
    } else {
        format!(r#"fill="{colour}" fill-opacity="0.{tenths}""#)
    }
}

/// A step of round size for about eight ticks over `span` ns.
fn tick_step(span: i64) -> i64 {
    let rough = (span / 8).max(1);
    let mut step = 1i64;
    while step * 10 <= rough {
        step *= 10;
    }
    [1, 2, 5, 10]
        .iter()
        .map(|m| step * m)
        .find(|s| *s >= rough)
        .unwrap_or(step * 10)
}

/// The SVG timeline of `timeline`'s window, with the bands and annotation
/// lanes of `facts`.
pub fn timeline_svg(path: &Path, facts: &Facts, timeline: &Timeline) -> String {
    let width = LEFT + timeline.pixels + RIGHT;
    let mut svg = Svg {
        body: String::new(),
        y: 0,
    };
    let _ = writeln!(
        svg.body,
        r#"<text x="{LEFT}" y="18" class="t">{}</text>"#,
        escape(&tr!(
            "timeline-title",
            path = crate::display::path(path),
            from = nanos(timeline.from - facts.start),
            to = nanos(timeline.to - facts.start),
            span = nanos(facts.duration())
        ))
    );
    svg.y = 28;
    axis(&mut svg, facts, timeline);
    svg.y += 22;
    curve(&mut svg, timeline);
    svg.y += CURVE + GAP * 2;

    let pixel = timeline.pixel_ns();
    svg.label(&tr!("timeline-gc"), LANE);
    svg.runs(
        density(&timeline.gc, pixel).into_iter(),
        |tenths| fill(GC_COLOUR, *tenths),
        LANE,
    );
    svg.y += LANE + GAP;
    svg.label(&tr!("timeline-stw"), LANE);
    svg.runs(
        density(&timeline.stw, pixel).into_iter(),
        |tenths| fill(STW_COLOUR, *tenths),
        LANE,
    );
    svg.y += LANE + GAP * 3;

    let colours = Colours::new(timeline);
    for (p, cells) in &timeline.procs {
        svg.label(&tr!("timeline-proc", id = p.to_string()), LANE);
        let _ = writeln!(
            svg.body,
            r##"<rect x="{LEFT}" y="{}" width="{}" height="{LANE}" fill="#f2f2f2"/>"##,
            svg.y, timeline.pixels
        );
        svg.runs(
            cells.iter().map(|c| {
                (c.busy_ns > 0).then(|| {
                    let tenths = ((c.busy_ns as f64 / pixel) * 10.0).ceil().clamp(3.0, 10.0);
                    (colours.of(c.goroutine), tenths as u32)
                })
            }),
            |(colour, tenths)| fill(colour, *tenths),
            LANE,
        );
        svg.y += LANE + GAP;
    }
    functions(&mut svg, &colours);
    svg.y += GAP * 2;

    for (kind, colour) in [
        (Annotation::Task, TASK_COLOUR),
        (Annotation::Region, REGION_COLOUR),
    ] {
        let mut lanes: Vec<&AnnotationLane> = timeline
            .annotations
            .iter()
            .filter(|l| l.kind == kind)
            .collect();
        // The most frequent names (stable: first seen among equals).
        lanes.sort_by_key(|l| std::cmp::Reverse(l.count));
        for lane in lanes.into_iter().take(NAMED_LANES) {
            let name = lane.name.as_str();
            let label = match kind {
                Annotation::Task => tr!("timeline-task", name = name),
                Annotation::Region => tr!("timeline-region", name = name),
            };
            annotation(&mut svg, &label, &density(&lane.covered, pixel), colour);
        }
    }
    let _ = writeln!(
        svg.body,
        r#"<text x="{LEFT}" y="{}" class="s">{}</text>"#,
        svg.y + 12,
        escape(&tr!("timeline-legend"))
    );
    let height = svg.y + 24;
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            "\n",
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
            "\n<style>text{{font-family:sans-serif;font-size:11px;fill:#222}} .t{{font-size:13px;font-weight:bold}} .s{{font-size:10px;fill:#666}}</style>\n",
            r#"<rect width="{w}" height="{h}" fill="{bg}"/>"#,
            "\n{body}</svg>\n"
        ),
        w = width,
        h = height,
        bg = BACKGROUND,
        body = svg.body
    )
}

/// A task's or region's lane: how many of them were open in each pixel.
fn annotation(svg: &mut Svg, label: &str, pixels: &[Option<u32>], colour: &str) {
    let height = LANE - 4;
    svg.label(label, height);
    svg.runs(
        pixels.iter().copied(),
        |tenths| fill(colour, *tenths),
        height,
    );
    svg.y += height + GAP;
}

/// The key to the P lanes' colours: the functions that ran longest, each
/// with its colour's swatch, as many as the width holds, then grey for the rest.
fn functions(svg: &mut Svg, colours: &Colours<'_>) {
    if colours.leading.is_empty() {
        return;
    }
    svg.y += GAP;
    svg.label(&tr!("timeline-started-with"), LANE);
    let mut x = LEFT;
    let end = LEFT + colours.timeline.pixels;
    let other = tr!("timeline-other");
    let swatches = colours
        .leading
        .iter()
        .zip(PALETTE)
        .map(|(f, c)| (*f, c))
        .chain([(other.as_str(), OTHER)]);
    for (function, colour) in swatches {
        // About 6 px a character at the small font, and room for the swatch.
        let room = 14 + 6 * function.chars().count().min(48) + 12;
        if x + room > end {
            break;
        }
        let _ = writeln!(
            svg.body,
            r#"<rect x="{x}" y="{}" width="10" height="10" fill="{colour}"/><text x="{}" y="{}" class="s">{}</text>"#,
            svg.y + 2,
            x + 14,
            svg.y + 11,
            escape(function)
        );
        x += room;
    }
    svg.y += LANE + GAP;
}

/// Ticks at round times from the trace's start.
fn axis(svg: &mut Svg, facts: &Facts, timeline: &Timeline) {
    let step = tick_step(timeline.to - timeline.from);
    let offset = timeline.from - facts.start;
    let mut tick = offset.div_euclid(step) * step;
    if tick < offset {
        tick += step;
    }
    while tick <= timeline.to - facts.start {
        let x = LEFT as f64 + (tick - offset) as f64 / timeline.pixel_ns();
        let _ = writeln!(
            svg.body,
            r##"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{}" stroke="#999"/><text x="{x:.1}" y="{}" text-anchor="middle">+{}</text>"##,
            svg.y + 6,
            svg.y + 12,
            svg.y + 4,
            escape(&nanos(tick))
        );
        tick += step;
    }
}

/// The curve of live goroutines, filled beneath.
fn curve(svg: &mut Svg, timeline: &Timeline) {
    let top = timeline.live.iter().copied().max().unwrap_or(0).max(1);
    svg.label(&tr!("timeline-goroutines"), CURVE + 12);
    let base = svg.y + CURVE;
    let mut points = format!("{LEFT},{base}");
    for (i, &live) in timeline.live.iter().enumerate() {
        let y = base as f64 - live as f64 / top as f64 * (CURVE - 4) as f64;
        let _ = write!(points, " {},{y:.1} {},{y:.1}", LEFT + i, LEFT + i + 1);
    }
    let _ = write!(points, " {},{base}", LEFT + timeline.pixels);
    let _ = writeln!(
        svg.body,
        r##"<polygon points="{points}" fill="#9ecae1" stroke="#3182bd" stroke-width="1"/>"##
    );
    // The scale, beside the curve: its top and zero.
    for (value, y) in [(top, svg.y + 8), (0, base)] {
        let _ = writeln!(
            svg.body,
            r#"<text x="{}" y="{y}" text-anchor="end" class="s">{value}</text>"#,
            LEFT - 3
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_ticks_are_round() {
        assert_eq!(
            escape(r#"<a & "b">'"#),
            "&lt;a &amp; &quot;b&quot;&gt;&#39;"
        );
        assert_eq!(tick_step(1_000_000), 200_000);
        assert_eq!(tick_step(42_230_000), 10_000_000);
        assert!(!PALETTE.contains(&GC_COLOUR) && !PALETTE.contains(&STW_COLOUR));
        assert_eq!(
            density(&[0, 1, 50, 100, 300], 100.0),
            vec![None, Some(3), Some(5), Some(10), Some(10)]
        );
    }
}
