//! `workshop inspect TRACE --timeline out.svg [--from D] [--to D]`: a second
//! pass over the trace fills the window's pixels, then the SVG is written.

use std::path::Path;

use crate::cli::inspect::TimelinePlan;
use crate::report::timeline::{PLOT_WIDTH, timeline_svg};
use crate::tr;
use crate::trace::Reader;
use crate::trace::facts::Facts;
use crate::trace::timeline::Timeline;
use crate::units::nanos;

/// Draws the window the plan asks for and writes it; a window outside the
/// trace, or empty, is an error of the command line.
pub fn write(file: &Path, shown: &Path, facts: &Facts, plan: &TimelinePlan) -> anyhow::Result<()> {
    let offset = |d: std::time::Duration| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX);
    let from = plan.from.map_or(0, offset);
    let to = plan
        .to
        .map_or(facts.duration(), offset)
        .min(facts.duration());
    if from >= to {
        anyhow::bail!(tr!(
            "cmd-timeline-range",
            from = nanos(from),
            to = nanos(to),
            span = nanos(facts.duration())
        ));
    }
    let timeline = Reader::open(file)
        .and_then(|reader| Timeline::read(reader, facts.start + from, facts.start + to, PLOT_WIDTH))
        .map_err(super::named(shown))?;
    let svg = timeline_svg(shown, facts, &timeline);
    super::write_output(&plan.out, svg.as_bytes())
}
