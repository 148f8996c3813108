//! What the installed Go leaves out of an exercise: the whole exercise when it
//! is older than the exercise's `go:`, else the goals whose own `go:` is newer
//! than it. `check`, `verify`, `doctor` and `list` all ask here.

use super::Exercise;
use crate::exec::GoVersion;
use crate::goals::Goal;

/// What a Go version leaves out of one exercise.
#[derive(Debug, Clone)]
pub enum GoGate<'a> {
    /// Nothing: every goal is judged.
    Open,
    /// The whole exercise: nothing of it can be judged below Go `needed`
    /// (its own `go:`, or the lowest of its goals' when every goal needs more).
    Exercise { needed: GoVersion },
    /// These goals, each needing more than the Go found; the others are judged.
    Goals(Vec<&'a Goal>),
}

impl Exercise {
    /// What Go `found` leaves out of this exercise; a version that could not
    /// be read (a development build) is taken as new enough.
    pub fn gate(&self, found: Option<GoVersion>) -> GoGate<'_> {
        let Some(found) = found else {
            return GoGate::Open;
        };
        if found < self.go {
            return GoGate::Exercise { needed: self.go };
        }
        let gated: Vec<&Goal> = self
            .goals
            .iter()
            .filter(|g| g.go.is_some_and(|needed| found < needed))
            .collect();
        if gated.is_empty() {
            GoGate::Open
        } else if gated.len() == self.goals.len() {
            let needed = gated.iter().filter_map(|g| g.go).min().unwrap_or(self.go);
            GoGate::Exercise { needed }
        } else {
            GoGate::Goals(gated)
        }
    }

    /// The highest Go version any of its goals needs: the one that judges all.
    pub fn go_for_all(&self) -> GoVersion {
        self.goals
            .iter()
            .filter_map(|g| g.go)
            .fold(self.go, GoVersion::max)
    }
}
