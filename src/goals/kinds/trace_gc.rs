//! `trace-gc`: what the garbage collector did while the run was traced: how
//! many cycles (in all or per benchmark op), the stop-the-world pauses (their
//! total, per op, or the longest), the time goroutines spent assisting the
//! marking, or the peak heap.

use serde::Deserialize;

use crate::goals::picture::Level;
use crate::goals::trace::{trace, traced};
use crate::goals::{Bound, Checker, Domain, Facts, Kind, Outcome, Requirement};
use crate::tr;
use crate::units::{bytes, nanos, number};

/// What `trace-gc` measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GcMeasure {
    /// GC cycles that ended while the trace ran.
    Cycles,
    /// Stop-the-world pauses, in all (ns).
    PauseTotal,
    /// The longest stop-the-world pause (ns).
    PauseMax,
    /// Time goroutines spent assisting the GC's marking (ns).
    MarkAssist,
    /// The most heap in use at once (bytes).
    PeakHeap,
}

impl GcMeasure {
    fn subject(self) -> String {
        match self {
            GcMeasure::Cycles => tr!("trace-gc-cycles"),
            GcMeasure::PauseTotal => tr!("trace-gc-pause-total"),
            GcMeasure::PauseMax => tr!("trace-gc-pause-max"),
            GcMeasure::MarkAssist => tr!("trace-gc-mark-assist"),
            GcMeasure::PeakHeap => tr!("trace-gc-peak-heap"),
        }
    }

    fn unit(self) -> &'static str {
        match self {
            GcMeasure::Cycles => "",
            GcMeasure::PeakHeap => "bytes",
            _ => "ns",
        }
    }

    /// Whether a per-op figure means anything for it.
    fn adds_up(self) -> bool {
        matches!(
            self,
            GcMeasure::Cycles | GcMeasure::PauseTotal | GcMeasure::MarkAssist
        )
    }
}

#[derive(Debug, Clone)]
pub struct TraceGc {
    pub run: String,
    pub measure: GcMeasure,
    pub per_op: bool,
    pub bound: Bound,
}

/// The keys of a `trace-gc` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TraceGcFile {
    pub measure: GcMeasure,
    #[serde(default)]
    pub per_op: bool,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
}

impl Kind for TraceGc {
    type File = TraceGcFile;

    fn validate(file: TraceGcFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if file.per_op && !file.measure.adds_up() {
            checker.problem("per-op", tr!("trace-gc-per-op-adds-up"));
        }
        let bound = checker.bound(file.at_most, file.at_least);
        let (domain, what) = match (file.measure, file.per_op) {
            (GcMeasure::Cycles, false) => (Domain::Count, tr!("trace-what-gc-cycles")),
            (GcMeasure::Cycles, true) => (Domain::Amount, tr!("trace-what-gc-cycles-per-op")),
            (GcMeasure::PeakHeap, _) => (Domain::Amount, tr!("trace-what-heap-size")),
            _ => (Domain::Amount, tr!("trace-what-time")),
        };
        checker.within(bound, domain, &what);
        TraceGc {
            run,
            measure: file.measure,
            per_op: file.per_op,
            bound,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        traced(&self.run)
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let subject = if self.per_op {
            tr!("trace-gc-per-op", subject = self.measure.subject())
        } else {
            self.measure.subject()
        };
        let mut outcome = Outcome::new(subject, Some(self.bound));
        let unit = self.measure.unit();
        outcome.unit = Some(if self.per_op && !unit.is_empty() {
            format!("{unit}/op")
        } else if self.per_op {
            "/op".to_owned()
        } else {
            unit.to_owned()
        });
        let Some(measured) = trace(facts, &self.run, &mut outcome, &[Level::HeapBytes, Level::Gc]) else {
            return outcome;
        };
        let t = &measured.facts;
        let cycles = t.gc_cycles.iter().filter(|c| c.end.is_some()).count();
        let pauses: Vec<i64> = t
            .pauses
            .iter()
            .filter_map(|p| p.end.map(|end| end - p.begin))
            .collect();
        let amount = match self.measure {
            GcMeasure::Cycles => cycles as f64,
            GcMeasure::PauseTotal => pauses.iter().sum::<i64>() as f64,
            GcMeasure::PauseMax => pauses.iter().copied().max().unwrap_or(0) as f64,
            GcMeasure::MarkAssist => t.mark_assist_ns as f64,
            GcMeasure::PeakHeap => t.max_heap as f64,
        };
        let value = if self.per_op {
            if measured.ops == 0 {
                return outcome.inconclusive(tr!("trace-gc-no-iterations", run = &self.run));
            }
            amount / measured.ops as f64
        } else {
            amount
        };
        if outcome.judge(value) {
            return outcome;
        }
        outcome.explanation = Some(tr!(
            "trace-is-want",
            subject = &outcome.subject,
            value = crate::units::beside(
                value,
                &[self.bound.limit()],
                outcome.unit.as_deref().unwrap_or("")
            ),
            bound = self.bound.against(value, "")
        ));
        outcome.evidence.push(tr!(
            "trace-gc-evidence",
            cycles = cycles,
            time = nanos(t.duration()),
            ops = number(measured.ops as f64),
            pauses = pauses.len(),
            pause_total = nanos(pauses.iter().sum()),
            pause_max = nanos(pauses.iter().copied().max().unwrap_or(0)),
            assist = nanos(t.mark_assist_ns),
            heap = bytes(t.max_heap),
        ));
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::Status;
    use crate::goals::trace::testing::facts;

    fn goal(measure: GcMeasure, per_op: bool, bound: Bound) -> TraceGc {
        TraceGc {
            run: "bench".into(),
            measure,
            per_op,
            bound,
        }
    }

    #[test]
    fn cycles_pauses_assists_and_heap_of_a_trace() {
        let facts = facts("gc-go126.trace");
        let cycles = goal(GcMeasure::Cycles, false, Bound::AtMost(2.0)).evaluate(&facts);
        assert_eq!(cycles.status, Status::Fail);
        assert!(cycles.measured.unwrap() >= 3.0, "{cycles:?}");
        assert!(cycles.evidence[0].contains("GC cycles over"), "{:?}", cycles.evidence);
        let longest = goal(GcMeasure::PauseMax, false, Bound::AtMost(1e9)).evaluate(&facts);
        assert_eq!(longest.status, Status::Pass);
        assert!(longest.measured.unwrap() > 0.0);
        let assists = goal(GcMeasure::MarkAssist, false, Bound::AtMost(1.0)).evaluate(&facts);
        assert_eq!(assists.status, Status::Fail, "{assists:?}");
        let heap = goal(GcMeasure::PeakHeap, false, Bound::AtLeast(1.0)).evaluate(&facts);
        assert_eq!(heap.status, Status::Pass);
        assert_eq!(heap.unit.as_deref(), Some("bytes"));
        let per_op = goal(GcMeasure::Cycles, true, Bound::AtMost(100.0)).evaluate(&facts);
        assert_eq!(per_op.unit.as_deref(), Some("/op"));
    }
}
