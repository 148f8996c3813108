//! Go release versions: `1.25`, `1.25.3`, `go1.26.8`, `go1.26rc1`.

use std::fmt;
use std::str::FromStr;

/// A Go release, compared by major, minor and patch number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct GoVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl GoVersion {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        GoVersion {
            major,
            minor,
            patch,
        }
    }
}

/// A string that is not a Go version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::tr!("exec-bad-go-version", text = .0))]
pub struct BadGoVersion(pub String);

impl FromStr for GoVersion {
    type Err = BadGoVersion;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadGoVersion(text.to_owned());
        let trimmed = text.trim();
        let digits = trimmed.strip_prefix("go").unwrap_or(trimmed);
        // A pre-release such as 1.26rc1 counts as its release: the runtime features
        // the exercises rely on are present in release candidates.
        let end = digits
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(digits.len());
        let (numbers, rest) = digits.split_at(end);
        if !rest.is_empty() && !rest.starts_with("rc") && !rest.starts_with("beta") {
            return Err(bad());
        }
        let mut parts = numbers.split('.');
        let mut next = |required: bool| -> Result<u32, BadGoVersion> {
            match parts.next() {
                Some(p) => p.parse().map_err(|_| bad()),
                None if required => Err(bad()),
                None => Ok(0),
            }
        };
        let version = GoVersion::new(next(true)?, next(true)?, next(false)?);
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(version)
    }
}

impl fmt::Display for GoVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.patch == 0 {
            write!(f, "{}.{}", self.major, self.minor)
        } else {
            write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_release_forms() {
        assert_eq!("1.25".parse(), Ok(GoVersion::new(1, 25, 0)));
        assert_eq!("go1.26.8".parse(), Ok(GoVersion::new(1, 26, 8)));
        assert_eq!("go1.26rc1".parse(), Ok(GoVersion::new(1, 26, 0)));
        assert!("1".parse::<GoVersion>().is_err());
        assert!("devel +abc".parse::<GoVersion>().is_err());
        assert!("1.2.3.4".parse::<GoVersion>().is_err());
        assert!(GoVersion::new(1, 25, 0) < GoVersion::new(1, 26, 8));
    }
}
