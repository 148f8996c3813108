//! Facts derived from a trace.
use super::{Reader, TraceError};
use std::path::Path;
#[derive(Debug, serde::Serialize)]
pub struct Facts {
    pub events: u64,
}
impl Facts {
    pub fn read(path: &Path) -> Result<Facts, TraceError> {
        let mut reader = Reader::open(path)?;
        for e in reader.by_ref() {
            e?;
        }
        Ok(Facts {
            events: reader.events(),
        })
    }
}
