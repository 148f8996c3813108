//! `workshop doctor`: is this machine ready for the workshop?

use std::path::Path;

use crate::exec::{self, GoTool, GoVersion};

/// How one check of the machine went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Health {
    Ok,
    /// Optional and missing: some views are unavailable.
    Warn,
    Fail,
}

/// One line of the doctor's report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Finding {
    pub health: Health,
    pub what: String,
    pub detail: String,
    /// How to fix it, when it needs fixing.
    pub fix: Option<String>,
}

/// Checks Go (present, recent enough), its build cache, and graphviz.
pub fn examine(required: GoVersion, why: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    match GoTool::detect(required) {
        Err(e) => findings.push(Finding {
            health: Health::Fail,
            what: "go".into(),
            detail: crate::display::error_chain(&e),
            fix: Some(format!(
                "install Go {required} or newer and put `go` on PATH"
            )),
        }),
        Ok(go) => {
            let info = &go.info;
            match info.parsed {
                Some(found) if found >= required => findings.push(Finding {
                    health: Health::Ok,
                    what: "go".into(),
                    detail: format!(
                        "{} {}/{} (needs {required}+ for {why})",
                        info.version, info.goos, info.goarch
                    ),
                    fix: None,
                }),
                Some(_) => findings.push(Finding {
                    health: Health::Fail,
                    what: "go".into(),
                    detail: format!(
                        "{} is older than {required}, which {why} needs",
                        info.version
                    ),
                    fix: Some(format!(
                        "install Go {required} or newer (the flight recorder needs 1.25)"
                    )),
                }),
                None => findings.push(Finding {
                    health: Health::Warn,
                    what: "go".into(),
                    detail: format!(
                        "{} is a development build; cannot tell if it is {required}+",
                        info.version
                    ),
                    fix: None,
                }),
            }
            findings.push(cache_writable(&info.gocache));
        }
    }
    findings.push(match exec::probe_program("dot", &["-V"]) {
        Some(version) => Finding {
            health: Health::Ok,
            what: "graphviz".into(),
            detail: if version.is_empty() { "dot found".into() } else { version },
            fix: None,
        },
        None => Finding {
            health: Health::Warn,
            what: "graphviz".into(),
            detail: "`dot` not found: `go tool pprof -http` and `-png` cannot draw call graphs (everything else works)".into(),
            fix: Some("install graphviz (apt install graphviz, brew install graphviz, or graphviz.org)".into()),
        },
    });
    findings
}

fn cache_writable(cache: &Path) -> Finding {
    let what = "go build cache".to_owned();
    if cache.as_os_str().is_empty() || cache == Path::new("off") {
        return Finding {
            health: Health::Fail,
            what,
            detail: "GOCACHE is off".into(),
            fix: Some(
                "unset GOCACHE or point it at a writable directory (go env -w GOCACHE=...)".into(),
            ),
        };
    }
    let probe = std::fs::create_dir_all(cache).and_then(|()| tempfile::tempfile_in(cache));
    match probe {
        Ok(_) => Finding {
            health: Health::Ok,
            what,
            detail: format!("{} is writable", cache.display()),
            fix: None,
        },
        Err(e) => Finding {
            health: Health::Fail,
            what,
            detail: format!("{} is not writable: {e}", cache.display()),
            fix: Some("fix its permissions, or point GOCACHE at a writable directory (go env -w GOCACHE=...)".into()),
        },
    }
}
