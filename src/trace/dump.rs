//! The ordered events as text, in exactly the format of `go tool trace -d=parsed`,
//! so that the two can be compared line for line.

use std::io::{self, Write};

use super::event::{Event, ExperimentalArg, Frame, Kind, RangeName, RangeScope, Resource};
use rustc_hash::FxHashMap;

use super::spec;

/// How much text is gathered before it is written out.
const WRITE_AT: usize = 1 << 20;

/// Writes events as text, remembering the text of each stack of the current
/// generation: stacks repeat on most events, and formatting them once makes the
/// dump several times faster. Text is gathered and written in large pieces;
/// [`Dumper::flush`] writes the rest.
#[derive(Default)]
pub struct Dumper {
    text: Vec<u8>,
    stacks: FxHashMap<u64, Box<[u8]>>,
    /// The tables the cached stacks belong to (by address).
    tables: usize,
}

impl Dumper {
    pub fn new() -> Self {
        Dumper::default()
    }

    /// Writes one event and its line end (perhaps not yet: see [`Dumper::flush`]).
    pub fn write(&mut self, out: &mut impl Write, event: &Event) -> io::Result<()> {
        let tables = event.tables().map_or(0, |t| std::ptr::from_ref(t) as usize);
        if tables != self.tables {
            self.stacks.clear();
            self.tables = tables;
        }
        let mut text = std::mem::take(&mut self.text);
        self.format(&mut text, event);
        text.push(b'\n');
        self.text = text;
        if self.text.len() >= WRITE_AT {
            return self.flush(out);
        }
        Ok(())
    }

    /// Writes out the text of the events written so far.
    pub fn flush(&mut self, out: &mut impl Write) -> io::Result<()> {
        let result = out.write_all(&self.text).and_then(|()| out.flush());
        self.text.clear();
        result
    }

    fn stack(&mut self, out: &mut Vec<u8>, event: &Event, id: u64) {
        if let Some(text) = self.stacks.get(&id) {
            out.extend_from_slice(text);
            return;
        }
        let mut text = Vec::new();
        frames(&mut text, &event.frames(id));
        out.extend_from_slice(&text);
        self.stacks.insert(id, text.into());
    }

    /// Formats one event (without the final newline).
    pub fn format(&mut self, out: &mut Vec<u8>, event: &Event) {
        let kind = event.kind();
        out.extend_from_slice(b"M=");
        id(out, event.ctx.m);
        out.extend_from_slice(b" P=");
        id(out, event.ctx.p);
        out.extend_from_slice(b" G=");
        id(out, event.ctx.g);
        out.push(b' ');
        out.extend_from_slice(kind.name().as_bytes());
        out.extend_from_slice(b" Time=");
        int(out, event.time);
        match kind {
            Kind::Metric => {
                if let Some((name, value)) = event.metric() {
                    out.extend_from_slice(b" Name=");
                    quote(out, name.as_bytes());
                    out.extend_from_slice(b" Value=Value{Uint64(");
                    int(out, value);
                    out.extend_from_slice(b")}");
                }
            }
            Kind::Label => {
                out.extend_from_slice(b" Label=");
                quote(out, event.label().unwrap_or_default());
                out.extend_from_slice(b" Resource=Goroutine(");
                int(out, event.ctx.g);
                out.push(b')');
            }
            Kind::RangeBegin | Kind::RangeActive | Kind::RangeEnd => {
                if let Some((name, scope)) = event.range_view() {
                    out.extend_from_slice(b" Name=");
                    match name {
                        RangeName::Fixed(name) => quote(out, name.as_bytes()),
                        RangeName::StopTheWorld(kind) => {
                            let mut name = Vec::with_capacity(kind.len() + 17);
                            name.extend_from_slice(b"stop-the-world (");
                            name.extend_from_slice(kind);
                            name.push(b')');
                            quote(out, &name);
                        }
                    }
                    match scope {
                        RangeScope::None => out.extend_from_slice(b" Scope=None"),
                        RangeScope::Goroutine(g) => {
                            out.extend_from_slice(b" Scope=Goroutine(");
                            int(out, g);
                            out.push(b')');
                        }
                        RangeScope::Proc(p) => {
                            out.extend_from_slice(b" Scope=Proc(");
                            int(out, p);
                            out.push(b')');
                        }
                    }
                    if kind == Kind::RangeEnd {
                        out.extend_from_slice(b" Attributes=[");
                        if let Some((swept, reclaimed)) = event.sweep_result() {
                            out.extend_from_slice(b"\"bytes swept\"=Value{Uint64(");
                            int(out, swept);
                            out.extend_from_slice(b")} \"bytes reclaimed\"=Value{Uint64(");
                            int(out, reclaimed);
                            out.extend_from_slice(b")}");
                        }
                        out.push(b']');
                    }
                }
            }
            Kind::TaskBegin | Kind::TaskEnd => {
                if let Some((id, parent, name)) = event.task() {
                    out.extend_from_slice(b" ID=");
                    int(out, id);
                    out.extend_from_slice(b" Parent=");
                    int(out, parent);
                    out.extend_from_slice(b" Type=");
                    quote(out, name);
                }
            }
            Kind::RegionBegin | Kind::RegionEnd => {
                if let Some((task, name)) = event.region() {
                    out.extend_from_slice(b" Task=");
                    int(out, task);
                    out.extend_from_slice(b" Type=");
                    quote(out, name);
                }
            }
            Kind::Log => {
                if let Some((task, category, message)) = event.log() {
                    out.extend_from_slice(b" Task=");
                    int(out, task);
                    out.extend_from_slice(b" Category=");
                    quote(out, category);
                    out.extend_from_slice(b" Message=");
                    quote(out, message);
                }
            }
            Kind::StateTransition => {
                match event.transition() {
                    Some(Resource::Goroutine(id, from, to)) => {
                        out.extend_from_slice(b" GoID=");
                        int(out, id);
                        transition(out, from.name(), to.name());
                    }
                    Some(Resource::Proc(id, from, to)) => {
                        out.extend_from_slice(b" ProcID=");
                        int(out, id);
                        transition(out, from.name(), to.name());
                    }
                    None => {}
                }
                out.extend_from_slice(b" Reason=");
                quote(out, event.reason());
                if let Some(id) = event.transition_stack_id() {
                    out.extend_from_slice(b"\nTransitionStack=\n");
                    self.stack(out, event, id);
                }
            }
            Kind::Experimental => {
                if let Some((name, _, args)) = event.experimental() {
                    out.extend_from_slice(b" Name=");
                    out.extend_from_slice(name.as_bytes());
                    out.extend_from_slice(b" Args=[");
                    for (i, (arg, value)) in args.iter().enumerate() {
                        if i > 0 {
                            out.extend_from_slice(b", ");
                        }
                        out.extend_from_slice(arg.as_bytes());
                        out.push(b'=');
                        match value {
                            ExperimentalArg::Uint64(v) => {
                                out.extend_from_slice(b"Value{Uint64(");
                                int(out, *v);
                                out.extend_from_slice(b")}");
                            }
                            ExperimentalArg::String(s) => out.extend_from_slice(s),
                        }
                    }
                    out.push(b']');
                }
            }
            Kind::Sync => {
                out.extend_from_slice(b" N=");
                int(out, event.sync_number().unwrap_or(0));
                if let Some(clock) = event.clock_snapshot() {
                    let _ = write!(out, " Trace={} Mono={} Wall=", clock.trace, clock.mono);
                    wall_clock(out, clock.sec as i64, clock.nsec as i64);
                }
            }
            Kind::StackSample => {}
        }
        let stack = event.stack_id();
        if stack != 0 || (event.event_type() == spec::EV_CPU_SAMPLE) {
            out.extend_from_slice(b"\nStack=\n");
            self.stack(out, event, stack);
        }
    }
}

fn frames(out: &mut Vec<u8>, frames: &[Frame<'_>]) {
    for frame in frames {
        out.push(b'\t');
        out.extend_from_slice(frame.func);
        let _ = writeln!(out, " @ {:#x}", frame.pc);
        out.extend_from_slice(b"\t\t");
        out.extend_from_slice(frame.file);
        out.push(b':');
        int(out, frame.line);
        out.push(b'\n');
    }
}

/// ` Old->New`.
fn transition(out: &mut Vec<u8>, from: &str, to: &str) {
    out.push(b' ');
    out.extend_from_slice(from.as_bytes());
    out.extend_from_slice(b"->");
    out.extend_from_slice(to.as_bytes());
}

/// A thread, proc or goroutine id: mostly -1 (none) or one digit.
fn id(out: &mut Vec<u8>, value: i64) {
    match value {
        -1 => out.extend_from_slice(b"-1"),
        0..=9 => out.push(b'0' + value as u8),
        _ => int(out, value),
    }
}

fn int(out: &mut Vec<u8>, value: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// Quotes bytes the way Go's `%q` does: a double-quoted string with Go escapes,
/// printable Unicode kept as is, invalid UTF-8 as `\x` escapes.
pub fn quote(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    // Most strings are plain printable ASCII, with nothing to escape.
    if bytes
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
    {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte < 0x80 {
            match byte {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x07 => out.extend_from_slice(b"\\a"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x0b => out.extend_from_slice(b"\\v"),
                0x20..=0x7e => out.push(byte),
                _ => {
                    let _ = write!(out, "\\x{byte:02x}");
                }
            }
            i += 1;
            continue;
        }
        let width = match byte {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        let decoded = bytes
            .get(i..i + width)
            .filter(|_| width > 0)
            .and_then(|s| std::str::from_utf8(s).ok())
            .and_then(|s| s.chars().next());
        match decoded {
            Some(c) if printable(c) => out.extend_from_slice(&bytes[i..i + width]),
            Some(c) if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            Some(c) => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
            None => {
                let _ = write!(out, "\\x{byte:02x}");
                i += 1;
                continue;
            }
        }
        i += width;
    }
    out.push(b'"');
}

/// Go's definition of printable: letters, marks, numbers, punctuation, symbols.
fn printable(c: char) -> bool {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::SpaceSeparator
            | G::LineSeparator
            | G::ParagraphSeparator
    )
}

/// A wall-clock instant in the local time zone, as Go's RFC 3339 with nanoseconds
/// (`2026-11-21T06:22:36.157426766Z`, trailing zeros of the fraction dropped).
fn wall_clock(out: &mut Vec<u8>, sec: i64, nsec: i64) {
    let total = i128::from(sec) * 1_000_000_000 + i128::from(nsec);
    let Ok(timestamp) = jiff::Timestamp::from_nanosecond(total) else {
        let _ = write!(out, "{sec}.{nsec:09}");
        return;
    };
    let zoned = timestamp.to_zoned(jiff::tz::TimeZone::system());
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        zoned.year(),
        zoned.month(),
        zoned.day(),
        zoned.hour(),
        zoned.minute(),
        zoned.second()
    );
    let nanos = zoned.subsec_nanosecond();
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        let _ = write!(out, ".{}", fraction.trim_end_matches('0'));
    }
    let offset = zoned.offset().seconds();
    if offset == 0 {
        out.push(b'Z');
    } else {
        let sign = if offset < 0 { '-' } else { '+' };
        let minutes = offset.abs() / 60;
        let _ = write!(out, "{sign}{:02}:{:02}", minutes / 60, minutes % 60);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(bytes: &[u8]) -> String {
        let mut out = Vec::new();
        quote(&mut out, bytes);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_like_go() {
        assert_eq!(quoted(b"plain"), r#""plain""#);
        assert_eq!(quoted(b"a \"q\" \\ \n\t"), r#""a \"q\" \\ \n\t""#);
        assert_eq!(quoted("ünïcode".as_bytes()), "\"ünïcode\"");
        assert_eq!(quoted(b"\x00\x7f"), r#""\x00\x7f""#);
        assert_eq!(quoted(b"\xff"), r#""\xff""#);
        assert_eq!(quoted("\u{200b}".as_bytes()), r#""\u200b""#);
        assert_eq!(quoted("\u{a0}".as_bytes()), r#""\u00a0""#);
        assert_eq!(quoted("\u{e0001}".as_bytes()), r#""\U000e0001""#);
    }
}
