//! The terminal while `watch` takes single keys: canonical input and echo off,
//! signals left on (Ctrl-C stays a signal, handled like everywhere else), and
//! the modes found at the start put back on every way out: the guard's drop,
//! a panic in any thread, and the second Ctrl-C that ends the program at once.
//!
//! The modes are changed once for the whole of `watch`, never per key: a
//! reader that set and reset them around each read would set them again right
//! after the last key and leave them so when the program ends.

use std::os::fd::{AsFd, BorrowedFd};
use std::sync::{Mutex, Once};
use std::time::Duration;

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::termios::{self, LocalFlags, SetArg, SpecialCharacterIndices, Termios};

/// The modes to put back, while keys are being read.
static SAVED: Mutex<Option<Termios>> = Mutex::new(None);

/// After an escape byte, how long to wait for the rest of a key's sequence
/// (arrow keys send `ESC [ A`); a lone escape is the Escape key.
const SEQUENCE: Duration = Duration::from_millis(30);

/// A key, as `watch` needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Escape,
    /// Anything else (arrows, function keys): ignored.
    Other,
}

/// Single keys from standard input, while it lives.
#[derive(Debug)]
pub struct Keys {
    _private: (),
}

impl Keys {
    /// Takes single keys from standard input if it is a terminal; `None`
    /// (and nothing changed) otherwise.
    pub fn start() -> Option<Keys> {
        let stdin = std::io::stdin();
        let fd = stdin.as_fd();
        let saved = termios::tcgetattr(fd).ok()?;
        let mut keys = saved.clone();
        keys.local_flags &= !(LocalFlags::ICANON | LocalFlags::ECHO);
        keys.local_flags |= LocalFlags::ISIG;
        keys.control_chars[SpecialCharacterIndices::VMIN as usize] = 1;
        keys.control_chars[SpecialCharacterIndices::VTIME as usize] = 0;
        if let Ok(mut slot) = SAVED.lock() {
            *slot = Some(saved);
        }
        restore_on_panic();
        termios::tcsetattr(fd, SetArg::TCSANOW, &keys).ok()?;
        Some(Keys { _private: () })
    }
}

/// Waits for keys from standard input and returns those of one read (a paste
/// or a key's escape sequence arrives at once); `None` when input has ended.
/// Meant for a reader thread, while a [`Keys`] lives. Reads the descriptor
/// itself: a buffered reader would hide the rest of a sequence from `poll`.
pub fn read_keys() -> Option<Vec<Key>> {
    let stdin = std::io::stdin();
    let fd = stdin.as_fd();
    let mut bytes = [0u8; 64];
    let n = loop {
        match nix::unistd::read(fd, &mut bytes) {
            Ok(0) => return None,
            Ok(n) => break n,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => return None,
        }
    };
    let mut bytes = bytes[..n].to_vec();
    if bytes == [0x1b] && ready(fd, SEQUENCE) {
        // The rest of a sequence; whatever it is, it is not a lone Escape.
        let mut rest = [0u8; 64];
        let _ = nix::unistd::read(fd, &mut rest);
        return Some(vec![Key::Other]);
    }
    let mut keys = Vec::new();
    while let Some((&first, rest)) = bytes.split_first() {
        if first == 0x1b {
            // A sequence runs to its final letter (or `~`).
            let end = rest
                .iter()
                .skip(1)
                .position(|b| b.is_ascii_alphabetic() || *b == b'~')
                .map_or(0, |i| i + 2);
            keys.push(if rest.is_empty() {
                Key::Escape
            } else {
                Key::Other
            });
            bytes = rest[end.min(rest.len())..].to_vec();
            continue;
        }
        keys.push(match first {
            b'\n' | b'\r' => Key::Char('\n'),
            b if b.is_ascii() && !b.is_ascii_control() => Key::Char(char::from(b)),
            _ => Key::Other,
        });
        bytes = rest.to_vec();
    }
    Some(keys)
}

impl Drop for Keys {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts back the modes found when keys started to be read, if they still need it.
pub fn restore() {
    let saved = SAVED.lock().ok().and_then(|mut slot| slot.take());
    if let Some(saved) = saved {
        let _ = termios::tcsetattr(std::io::stdin().as_fd(), SetArg::TCSANOW, &saved);
    }
}

/// Whether a byte can be read from `fd` within `wait`.
fn ready(fd: BorrowedFd<'_>, wait: Duration) -> bool {
    let mut fds = [PollFd::new(fd, PollFlags::POLLIN)];
    let millis = u16::try_from(wait.as_millis()).unwrap_or(u16::MAX);
    matches!(poll(&mut fds, PollTimeout::from(millis)), Ok(n) if n > 0)
}

/// A panic anywhere restores the terminal before the usual report.
fn restore_on_panic() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
