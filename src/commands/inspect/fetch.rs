//! Fetching a profile or trace from a live `net/http/pprof` endpoint, with a
//! deadline that allows for the `?seconds=` it asks for, Ctrl-C honoured, and
//! clear words for what comes back when it is no profile at all.

use std::path::Path;
use std::time::Duration;

use crate::http::{self, Url};
use crate::tr;

/// The most a fetched profile or trace may weigh.
const LIMIT: u64 = 1 << 30;
/// How long an endpoint may take beyond the seconds it is asked to record
/// (pprof's CPU profile records 30 seconds when not told otherwise).
const SLACK: Duration = Duration::from_secs(60);
/// The most seconds a URL may ask an endpoint to record: a day, far beyond any
/// profile or trace a workshop takes; more is a slip of the keyboard.
const MOST_SECONDS: u64 = 24 * 60 * 60;

/// The body of a 200 answer to `GET text`.
pub fn fetch(text: &str) -> anyhow::Result<Vec<u8>> {
    let url = Url::parse(text)?;
    let timeout = SLACK + seconds_asked(text, &url.target)?;
    let (sender, answers) = std::sync::mpsc::channel();
    let asked = url.clone();
    // Detached: on Ctrl-C the program ends without waiting for the answer.
    std::thread::spawn(move || {
        let _ = sender.send(http::fetch(&asked, timeout, LIMIT));
    });
    let answer = loop {
        if crate::exec::interrupted() {
            anyhow::bail!(tr!("exec-interrupted"));
        }
        match answers.recv_timeout(Duration::from_millis(50)) {
            Ok(answer) => break answer,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                anyhow::bail!(tr!("cmd-fetch-failed", url = url.to_string()))
            }
        }
    }
    .map_err(|e| {
        // A server that answered too much is running: no hint to start it.
        let error = e.to_string();
        match e.http() {
            Some(http::HttpError::PastLimit(_) | http::HttpError::TooLarge(_)) => {
                anyhow::anyhow!(tr!("cmd-fetch-too-much", error = error))
            }
            _ => anyhow::anyhow!(tr!("cmd-cannot-fetch", error = error)),
        }
    })?;
    if answer.status != 200 {
        let first = String::from_utf8_lossy(&answer.body);
        let first = first.lines().next().unwrap_or("").trim();
        anyhow::bail!(tr!(
            "cmd-fetch-status",
            url = url.to_string(),
            status = answer.status.to_string(),
            first = first
        ));
    }
    Ok(answer.body)
}

/// Keeps fetched bytes in a temporary file while they are read.
pub fn keep(bytes: &[u8]) -> anyhow::Result<tempfile::TempPath> {
    let mut file = tempfile::Builder::new()
        .prefix("workshop-inspect-")
        .tempfile()?;
    std::io::Write::write_all(&mut file, bytes)?;
    Ok(file.into_temp_path())
}

/// Says plainly when what a URL answered is text (pprof's index, a
/// `?debug=1` listing) rather than a profile.
pub fn looks_like_a_profile(url: &str, file: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file)?;
    let gzip = bytes.starts_with(&[0x1f, 0x8b]);
    let text = !bytes.is_empty()
        && std::str::from_utf8(&bytes[..bytes.len().min(4096)])
            .is_ok_and(|t| !t.contains(|c: char| c.is_control() && !c.is_whitespace()));
    if gzip || !text {
        return Ok(());
    }
    let first = String::from_utf8_lossy(&bytes);
    let first = first
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let begins = format!("{:?}", first.chars().take(60).collect::<String>());
    anyhow::bail!(tr!("cmd-fetched-text", url = url, begins = begins))
}

/// How long the endpoint at `target` is asked to record, by its `seconds=`
/// (pprof takes fractions for traces); more than [`MOST_SECONDS`] is an error.
fn seconds_asked(url: &str, target: &str) -> anyhow::Result<Duration> {
    let Some(text) = query_seconds(target) else {
        return Ok(Duration::ZERO);
    };
    match text.parse::<f64>() {
        Ok(seconds) if seconds <= MOST_SECONDS as f64 => {
            // Zero or less: pprof records its default, which SLACK allows for.
            Ok(Duration::from_secs_f64(seconds.max(0.0)))
        }
        // Not a number: pprof records its default, as for none.
        Err(_) => Ok(Duration::ZERO),
        // Too many, infinite or NaN.
        Ok(_) => anyhow::bail!(tr!(
            "cmd-fetch-seconds-absurd",
            seconds = text,
            url = url,
            most = MOST_SECONDS.to_string()
        )),
    }
}

/// The `seconds=` of a query, if any, as written.
fn query_seconds(target: &str) -> Option<&str> {
    let (_, query) = target.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("seconds="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_allows_for_the_seconds_asked() {
        let asked = |target| seconds_asked("http://x", target).unwrap();
        assert_eq!(
            asked("/debug/pprof/profile?seconds=5"),
            Duration::from_secs(5)
        );
        assert_eq!(
            asked("/debug/pprof/trace?debug=0&seconds=2"),
            Duration::from_secs(2)
        );
        assert_eq!(
            asked("/debug/pprof/trace?seconds=0.5"),
            Duration::from_millis(500)
        );
        assert_eq!(asked("/debug/pprof/heap"), Duration::ZERO);
        assert_eq!(asked("/debug/pprof/profile?seconds=-3"), Duration::ZERO);
        assert_eq!(asked("/debug/pprof/profile?seconds=soon"), Duration::ZERO);
        assert_eq!(
            asked("/debug/pprof/profile?seconds=86400"),
            Duration::from_secs(86400)
        );
    }

    #[test]
    fn absurd_seconds_are_an_error_not_a_panic() {
        for seconds in [
            "18446744073709551615",
            "18446744073709551555",
            "99999999999999999999999",
            "86401",
            "inf",
            "NaN",
            "1e300",
        ] {
            let target = format!("/debug/pprof/profile?seconds={seconds}");
            let error = seconds_asked("http://x/debug/pprof/profile", &target).unwrap_err();
            assert!(
                error.to_string().contains(&format!("`seconds={seconds}` in http://x/debug/pprof/profile asks for longer than workshop waits")),
                "{error}"
            );
        }
    }

    #[test]
    fn text_is_no_profile() {
        let dir = tempfile::tempdir().unwrap();
        let html = dir.path().join("index");
        std::fs::write(&html, "<html>\n<head><title>/debug/pprof/</title>").unwrap();
        let error = looks_like_a_profile("http://x/debug/pprof/", &html).unwrap_err();
        assert!(
            error.to_string().contains("answered text, not a profile"),
            "{error}"
        );
        let gzip = dir.path().join("profile");
        std::fs::write(&gzip, [0x1f, 0x8b, 8, 0]).unwrap();
        assert!(looks_like_a_profile("http://x/", &gzip).is_ok());
    }
}
