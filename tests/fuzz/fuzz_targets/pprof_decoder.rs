//! Any bytes through the profile decoder and the per-function aggregation:
//! errors are fine, panics and unbounded allocations are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use workshop::pprof::Profile;

fuzz_target!(|data: &[u8]| {
    if let Ok(profile) = Profile::decode(data) {
        for index in 0..profile.sample_types.len() {
            let _ = profile.total(index);
            let functions = profile.functions(index, None);
            if let Some(first) = functions.first()
                && let Ok(pattern) = regex::Regex::new(&regex::escape(&first.name))
            {
                let _ = profile.paths_into(index, &pattern, 3);
            }
        }
    }
});
