//! A profile's locations once read: each location id resolved to its frames
//! (a function per inlined call), and the samples' location ids turned into
//! frames in place.

use rustc_hash::FxHashMap;

use super::{ProfileError, Samples};
use crate::tr;

/// Sample location ids below this wait in the frame array as they are;
/// larger ones (rare: Go numbers locations from 1) by a number of their own.
pub(super) const LARGE_ID: u32 = 1 << 31;

/// The locations, resolved.
pub(super) struct Locations {
    /// Every location's frames, one after another: location `i`'s are
    /// `pool[starts[i]..starts[i + 1]]`.
    pool: Vec<u32>,
    starts: Vec<usize>,
    /// Whether every location is one frame (none has inlined calls).
    single: bool,
    /// Location ids to indexes.
    index: FxHashMap<u64, u32>,
    /// Small location ids to their frame (`single`) or index, `u32::MAX` for
    /// none: an array when ids are numbered densely, as Go numbers them.
    direct: Vec<u32>,
    large_ids: Vec<u64>,
}

impl Locations {
    pub(super) fn new(
        pool: Vec<u32>,
        starts: Vec<usize>,
        index: FxHashMap<u64, u32>,
        large_ids: Vec<u64>,
    ) -> Locations {
        let single = pool.len() == index.len();
        let mut direct = Vec::new();
        if let Some(&max) = index.keys().max()
            && max < u64::from(LARGE_ID)
            && max <= 2 * index.len() as u64 + 1024
        {
            direct = vec![u32::MAX; max as usize + 1];
            for (&id, &i) in &index {
                direct[id as usize] = if single { pool[i as usize] } else { i };
            }
        }
        Locations {
            pool,
            starts,
            single,
            index,
            direct,
            large_ids,
        }
    }

    /// The id a sample's location code stands for.
    fn id(&self, code: u32) -> u64 {
        if code < LARGE_ID {
            u64::from(code)
        } else {
            self.large_ids[(code - LARGE_ID) as usize]
        }
    }

    /// What a code resolves to: the location's frame when every location
    /// is one, else its index.
    #[inline]
    fn find(&self, code: u32) -> Option<u32> {
        match self.direct.get(code as usize) {
            Some(&found) if found != u32::MAX => Some(found),
            Some(_) => None,
            None => {
                let i = *self.index.get(&self.id(code))?;
                Some(if self.single {
                    self.pool[i as usize]
                } else {
                    i
                })
            }
        }
    }

    /// The samples with their location codes turned into frames, checked in
    /// order: a sample with the wrong number of values (`odd_width`, the first
    /// one) or naming an undefined location is an error.
    pub(super) fn resolve(
        &self,
        mut frames: Vec<u32>,
        mut ends: Vec<u32>,
        mut values: Vec<i64>,
        width: usize,
        odd_width: Option<(usize, usize)>,
    ) -> Result<Samples, ProfileError> {
        let mut total = 0u64;
        let mut start = 0;
        for (n, &end) in ends.iter().enumerate() {
            if let Some((odd, count)) = odd_width
                && odd == n
            {
                return Err(ProfileError::Invalid(tr!(
                    "pprof-error-sample-width",
                    sample = n.to_string(),
                    count = count,
                    width = width
                )));
            }
            let stack = &mut frames[start..end as usize];
            for code in stack.iter_mut() {
                *code = self.find(*code).ok_or_else(|| {
                    ProfileError::Invalid(tr!(
                        "pprof-error-sample-location",
                        sample = n.to_string(),
                        location = self.id(*code).to_string()
                    ))
                })?;
            }
            if !self.single {
                total += stack
                    .iter()
                    .map(|&i| (self.starts[i as usize + 1] - self.starts[i as usize]) as u64)
                    .sum::<u64>();
            }
            start = end as usize;
        }
        if !self.single {
            self.expand(&mut frames, &mut ends, total)?;
        }
        frames.shrink_to_fit();
        ends.shrink_to_fit();
        values.shrink_to_fit();
        Ok(Samples {
            width,
            frames,
            ends,
            values,
        })
    }

    /// Location indexes to their frames, inlined calls taking several: the
    /// array is stretched once and filled from its end, where every location's
    /// frames land at or after where it was read.
    fn expand(
        &self,
        frames: &mut Vec<u32>,
        ends: &mut [u32],
        total: u64,
    ) -> Result<(), ProfileError> {
        let total = u32::try_from(total).map_err(|_| {
            ProfileError::Invalid(tr!(
                "pprof-error-too-many-frames",
                limit = u32::MAX.to_string()
            ))
        })?;
        let mut read = frames.len();
        let mut write = total as usize;
        frames.resize(write, 0);
        for n in (0..ends.len()).rev() {
            let start = if n == 0 { 0 } else { ends[n - 1] as usize };
            ends[n] = write as u32;
            while read > start {
                read -= 1;
                let location = frames[read] as usize;
                let (from, to) = (self.starts[location], self.starts[location + 1]);
                if to - from == 1 {
                    write -= 1;
                    frames[write] = self.pool[from];
                } else {
                    write -= to - from;
                    frames[write..write + to - from].copy_from_slice(&self.pool[from..to]);
                }
            }
        }
        Ok(())
    }
}
