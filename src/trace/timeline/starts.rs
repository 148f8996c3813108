//! The function each goroutine was started with, as a timeline colours its
//! lanes by it: taken from the creation event's stack of the new goroutine,
//! or, for one that existed before the trace, from the outermost frame of the
//! first stack the trace gives it (its status, or where it stopped or
//! blocked). Each name is kept once.

use rustc_hash::FxHashMap;

use crate::trace::{Event, GoState};

/// Start functions by goroutine.
#[derive(Debug, Clone, Default)]
pub struct Starts {
    /// Each function's name, by index.
    names: Vec<String>,
    index: FxHashMap<Vec<u8>, u32>,
    of: FxHashMap<i64, u32>,
}

impl Starts {
    /// Notes goroutine `g`'s start function from a transition out of `from`.
    pub(super) fn note(&mut self, event: &Event, g: i64, from: GoState) {
        // A new goroutine's stack starts at its start function; any other
        // stack of one not yet known (its status at the trace's start, where
        // it stopped or blocked) ends there.
        let outermost = match from {
            GoState::NotExist => false,
            _ if !self.of.contains_key(&g) => true,
            _ => return,
        };
        let Some(stack) = event.transition_stack_id() else {
            return;
        };
        let frames = event.frames(stack);
        let frame = if outermost {
            frames.last()
        } else {
            frames.first()
        };
        let Some(frame) = frame else {
            return;
        };
        let next = self.names.len() as u32;
        let id = *self
            .index
            .entry(frame.func.to_vec())
            .or_insert_with(|| next);
        if id == next {
            self.names
                .push(String::from_utf8_lossy(frame.func).into_owned());
        }
        self.of.insert(g, id);
    }

    /// The function goroutine `g` was started with, when the trace says.
    pub fn of(&self, g: i64) -> Option<&str> {
        self.of.get(&g).map(|&i| self.names[i as usize].as_str())
    }
}
