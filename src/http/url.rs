//! `http://host:port/path?query` URLs: the part of a URL the client needs;
//! and the port placeholders (`{port}`, `{admin-port}`) that a check file's
//! URLs and arguments hold until the runner fills them with free ports.

use std::fmt;
use std::net::{SocketAddr, ToSocketAddrs};

use crate::tr;

/// An `http:` URL, split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub host: String,
    pub port: u16,
    /// The path with its query, `/` at least.
    pub target: String,
}

/// Why a URL cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("{}", tr!("http-url-scheme", url = .0))]
    Scheme(String),
    #[error("{}", tr!("http-url-no-host", url = .0))]
    NoHost(String),
    #[error("{}", tr!("http-url-port", url = .0))]
    Port(String),
    #[error("{}", tr!("http-url-resolve", host = .0))]
    Resolve(String),
}

impl Url {
    pub fn parse(text: &str) -> Result<Url, UrlError> {
        let rest = text
            .strip_prefix("http://")
            .ok_or_else(|| UrlError::Scheme(text.to_owned()))?;
        let (authority, target) = match rest.find(['/', '?']) {
            Some(at) if rest[at..].starts_with('?') => (&rest[..at], format!("/{}", &rest[at..])),
            Some(at) => (&rest[..at], rest[at..].to_owned()),
            None => (rest, "/".to_owned()),
        };
        // `user@` is never needed here and only hides the host.
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (host, after) = v6
                .split_once(']')
                .ok_or_else(|| UrlError::NoHost(text.to_owned()))?;
            (host.to_owned(), after.strip_prefix(':'))
        } else {
            match authority.rsplit_once(':') {
                Some((host, port)) => (host.to_owned(), Some(port)),
                None => (authority.to_owned(), None),
            }
        };
        if host.is_empty() {
            return Err(UrlError::NoHost(text.to_owned()));
        }
        let port = match port {
            None => 80,
            Some(p) => p
                .parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| UrlError::Port(text.to_owned()))?,
        };
        Ok(Url { host, port, target })
    }

    /// The value of the `Host` header.
    pub fn authority(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// The address to connect to (the first the name resolves to).
    pub fn address(&self) -> Result<SocketAddr, UrlError> {
        (self.host.as_str(), self.port)
            .to_socket_addrs()
            .ok()
            .and_then(|mut addresses| addresses.next())
            .ok_or_else(|| UrlError::Resolve(self.host.clone()))
    }

    /// The same server, another path.
    pub fn with_target(&self, target: &str) -> Url {
        Url {
            target: target.to_owned(),
            ..self.clone()
        }
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "http://{}{}", self.authority(), self.target)
    }
}

/// The placeholders in `text`: `{port}` and `{<name>-port}`, the ports the
/// runner chooses; anything else in braces is an error.
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(tr!("http-placeholder-unclosed", text = text));
        };
        let name = &after[..close];
        let shaped = name == "port"
            || name.strip_suffix("-port").is_some_and(|stem| {
                !stem.is_empty()
                    && stem
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            });
        if !shaped {
            return Err(tr!("http-placeholder-bad", name = name));
        }
        if !found.iter().any(|f| f == name) {
            found.push(name.to_owned());
        }
        rest = &after[close + 1..];
    }
    Ok(found)
}

/// `text` with its placeholders replaced by the ports chosen for them.
pub fn fill(text: &str, ports: &std::collections::BTreeMap<String, u16>) -> String {
    let mut filled = text.to_owned();
    for (name, port) in ports {
        filled = filled.replace(&format!("{{{name}}}"), &port.to_string());
    }
    filled
}

/// Why a URL with placeholders could never be requested, if it could not.
pub fn check_template(text: &str) -> Result<(), String> {
    let sample: std::collections::BTreeMap<String, u16> = placeholders(text)?
        .into_iter()
        .map(|name| (name, 1))
        .collect();
    Url::parse(&fill(text, &sample))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_what_the_client_needs() {
        let url = Url::parse("http://127.0.0.1:6060/debug/pprof/profile?seconds=5").unwrap();
        assert_eq!(url.host, "127.0.0.1");
        assert_eq!(url.port, 6060);
        assert_eq!(url.target, "/debug/pprof/profile?seconds=5");
        assert_eq!(
            url.to_string(),
            "http://127.0.0.1:6060/debug/pprof/profile?seconds=5"
        );
        assert_eq!(Url::parse("http://localhost").unwrap().target, "/");
        assert_eq!(Url::parse("http://localhost?x=1").unwrap().target, "/?x=1");
        assert_eq!(Url::parse("http://localhost").unwrap().port, 80);
        let v6 = Url::parse("http://[::1]:8080/x").unwrap();
        assert_eq!((v6.host.as_str(), v6.port), ("::1", 8080));
        assert_eq!(v6.authority(), "[::1]:8080");
    }

    #[test]
    fn placeholders_are_ports() {
        assert_eq!(
            placeholders("-addr=127.0.0.1:{port} -admin=:{admin-port} {port}").unwrap(),
            vec!["port", "admin-port"]
        );
        assert!(
            placeholders("{host}")
                .unwrap_err()
                .contains("not a placeholder")
        );
        assert!(placeholders("{-port}").is_err());
        assert!(
            placeholders("{port")
                .unwrap_err()
                .contains("does not close")
        );
        let ports = std::collections::BTreeMap::from([
            ("port".to_owned(), 8080),
            ("admin-port".to_owned(), 6060),
        ]);
        assert_eq!(
            fill("http://127.0.0.1:{admin-port}/x?p={port}", &ports),
            "http://127.0.0.1:6060/x?p=8080"
        );
    }

    #[test]
    fn refuses_what_it_cannot_reach() {
        assert!(matches!(Url::parse("https://x/"), Err(UrlError::Scheme(_))));
        assert!(matches!(
            Url::parse("localhost:80"),
            Err(UrlError::Scheme(_))
        ));
        assert!(matches!(
            Url::parse("http://:80/"),
            Err(UrlError::NoHost(_))
        ));
        assert!(matches!(Url::parse("http://x:0/"), Err(UrlError::Port(_))));
        assert!(matches!(
            Url::parse("http://x:99999/"),
            Err(UrlError::Port(_))
        ));
    }
}
