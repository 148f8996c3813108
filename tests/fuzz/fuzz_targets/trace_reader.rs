//! Any bytes through the trace reader, the facts and the dump: errors are fine,
//! panics, hangs and unbounded allocations are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use workshop::trace::{
    Reader,
    dump::Dumper,
    facts::{Detail, Facts},
};

fuzz_target!(|data: &[u8]| {
    if let Ok(reader) = Reader::new(data) {
        let _ = Facts::from_reader(reader, Detail::GOALS);
    }
    if let Ok(reader) = Reader::new(data) {
        let mut dumper = Dumper::new();
        let mut sink = std::io::sink();
        for event in reader {
            match event {
                Ok(event) => {
                    let _ = dumper.write(&mut sink, &event);
                }
                Err(_) => break,
            }
        }
        let _ = dumper.flush(&mut sink);
    }
});
