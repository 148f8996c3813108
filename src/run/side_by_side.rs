//! One side-by-side measurement at a time in this process.
//!
//! Goals against the starter compare runs of the starter and of the
//! attendee's code made in turn, so that whatever the machine does over time
//! falls on both alike. Two such sequences at once (`verify` checks the
//! starter's side and the solution's side of an exercise in parallel) fall
//! into step: one check's starter runs meet the other's starter runs, its
//! runs of the attendee's code meet the other's — fast — solution runs, and
//! identical code measured this way came out 3.5× faster, significantly, on
//! a loaded machine. Holding this lock for a whole sequence keeps each one's
//! turns to itself; builds, tests and other runs still go in parallel.

use std::sync::{Mutex, MutexGuard};

static SIDE_BY_SIDE: Mutex<()> = Mutex::new(());

/// Waits until no other side-by-side measurement of this process runs, and
/// holds the turn until the guard is dropped.
pub(crate) fn turn() -> MutexGuard<'static, ()> {
    SIDE_BY_SIDE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
