//! The bytes of a profile file, before the protobuf: raw, or one gzip stream
//! that must be whole (its checksum and length checked at its end, its own
//! verdict first when it breaks, nothing after it). Read errors of the file
//! stay the file's, apart from the gzip stream's.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::decode::{Raw, walk};
use super::wire::{Fault, Stream};
use super::{MAX_DECOMPRESSED, Profile, ProfileError};
use crate::tr;

/// Reads a profile file as it decodes it.
pub(super) fn read(path: &Path) -> Result<Profile, ProfileError> {
    read_with(path, false)
}

/// Reads a profile file; with `lines`, its frames are source lines (see
/// [`Profile::sites`]).
pub(super) fn read_with(path: &Path, lines: bool) -> Result<Profile, ProfileError> {
    let file = File::open(path).map_err(ProfileError::Io)?;
    decode_with(Source(file), lines)
}

/// Decodes gzip-compressed or raw `profile.proto` from a reader.
pub(super) fn decode<R: Read>(input: R) -> Result<Profile, ProfileError> {
    decode_with(input, false)
}

/// Decodes a profile, at source lines with `lines`.
pub(super) fn decode_with<R: Read>(mut input: R, lines: bool) -> Result<Profile, ProfileError> {
    let mut head = [0u8; 2];
    let mut n = 0;
    while n < head.len() {
        match input.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ProfileError::Io(unwrap_source(e).unwrap_or_else(|e| e))),
        }
    }
    let input = (&head[..n]).chain(input);
    if head[..n] == [0x1f, 0x8b] {
        let decoder = flate2::bufread::GzDecoder::new(io::BufReader::new(input));
        let mut stream = Stream::new(decoder, MAX_DECOMPRESSED);
        let mut walked = walk(&mut stream);
        if matches!(walked, Err(Fault::Wire { .. })) {
            // A damaged gzip stream decompresses to garbage before it says
            // so: its own verdict (checked at its end) comes first.
            if let Err(fault) = stream.drain() {
                walked = Err(fault);
            }
        }
        if walked.is_ok() {
            // The stream ended where its checksum says; whatever follows it
            // (a second profile written to the same file, garbage) means the
            // file is not the one whole profile it should be.
            let rest = stream.inner_mut().get_mut();
            match io::copy(rest, &mut io::sink()) {
                Ok(0) => {}
                Ok(count) => return Err(ProfileError::Trailing(count)),
                Err(e) => walked = Err(Fault::Read(e)),
            }
        }
        finish(walked, true, lines)
    } else {
        finish(walk(&mut Stream::new(input, u64::MAX)), false, lines)
    }
}

fn finish(walked: Result<Raw, Fault>, gzip: bool, lines: bool) -> Result<Profile, ProfileError> {
    match walked {
        Ok(raw) => raw.resolve(lines),
        Err(Fault::Read(e)) => Err(match unwrap_source(e) {
            Ok(e) => ProfileError::Io(e),
            Err(e) if gzip => ProfileError::Gzip(e.to_string()),
            Err(e) => ProfileError::Io(e),
        }),
        Err(Fault::TooLarge) => Err(ProfileError::TooLarge),
        Err(Fault::Budget(over)) => Err(ProfileError::OverBudget(over.text())),
        Err(Fault::Wire { at, why }) => Err(ProfileError::NotProfile(if gzip {
            tr!(
                "pprof-error-no-decode-uncompressed",
                at = at.to_string(),
                why = why
            )
        } else {
            tr!("pprof-error-no-decode", at = at.to_string(), why = why)
        })),
    }
}

/// A file whose read errors stay its own when a gzip decoder passes them on.
pub(super) struct Source<R>(pub(super) R);

#[derive(Debug, thiserror::Error)]
#[error(transparent)]
struct SourceError(io::Error);

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| match e.kind() {
            io::ErrorKind::Interrupted => e,
            kind => io::Error::new(kind, SourceError(e)),
        })
    }
}

/// The file's own error, or (`Err`) one of a reader above it.
fn unwrap_source(e: io::Error) -> Result<io::Error, io::Error> {
    if e.get_ref().is_some_and(|inner| inner.is::<SourceError>()) {
        let inner = e.into_inner().expect("checked above");
        Ok(inner.downcast::<SourceError>().expect("checked above").0)
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{self, Read};

    use super::*;
    use crate::pprof::testing::{gunzip, gzip};

    const CPU: &[u8] = include_bytes!("../../tests/fixtures/profiles/cpu.pprof");
    const HEAP_RAW: &[u8] = include_bytes!("../../tests/fixtures/profiles/heap-raw.pprof");

    #[test]
    fn a_damaged_gzip_stream_is_a_gzip_error_wherever_it_breaks() {
        let good = gunzip(CPU);
        let mut crc = gzip(&good);
        let at = crc.len() - 6;
        crc[at] ^= 0xff;
        assert!(matches!(Profile::decode(&crc), Err(ProfileError::Gzip(_))));
        // Garbage, then a damaged stream: the damage is named, not the garbage.
        let mut garbage = gzip(&[&[0x10, 0x01][..], &good].concat());
        let at = garbage.len() - 6;
        garbage[at] ^= 0xff;
        assert!(matches!(
            Profile::decode(&garbage),
            Err(ProfileError::Gzip(_))
        ));
    }

    #[test]
    fn anything_after_a_compressed_profile_is_damage() {
        let whole = Profile::decode(CPU).unwrap();
        assert!(!whole.samples.is_empty());
        // Written twice to one file, or with garbage after it.
        let twice = [CPU, CPU].concat();
        assert!(matches!(
            Profile::decode(&twice),
            Err(ProfileError::Trailing(n)) if n == CPU.len() as u64
        ));
        for tail in [&b"\0"[..], b"garbage"] {
            let damaged = [CPU, tail].concat();
            let error = Profile::decode(&damaged).unwrap_err();
            assert!(matches!(error, ProfileError::Trailing(n) if n == tail.len() as u64));
            assert!(error.is_damage());
        }
        // Cut short anywhere: the gzip stream says so.
        for n in [CPU.len() - 1, CPU.len() - 8, CPU.len() / 2, 10] {
            assert!(
                matches!(Profile::decode(&CPU[..n]), Err(ProfileError::Gzip(_))),
                "{n} bytes"
            );
        }
    }

    /// A reader that fails after `0.len()` bytes.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("the disk is on fire"));
            }
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_failing_file_is_an_io_error_even_through_gzip() {
        for bytes in [
            &CPU[..CPU.len() / 2],
            &HEAP_RAW[..HEAP_RAW.len() / 2],
            &CPU[..1],
        ] {
            match decode(Source(Failing(bytes))) {
                Err(ProfileError::Io(e)) => assert_eq!(e.to_string(), "the disk is on fire"),
                other => panic!("{other:?}"),
            }
        }
    }
}
