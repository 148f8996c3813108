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

/// What the workshop's check files ask of the machine beyond Go itself.
#[derive(Debug, Clone, Default)]
pub struct Needs {
    /// Exercises built with `-race`, which needs cgo and a C compiler.
    pub race: Vec<String>,
    /// Exercises that start a server on loopback ports.
    pub serve: Vec<String>,
}

/// Checks Go (present, recent enough), its build cache, what the exercises'
/// settings need, and graphviz.
pub fn examine(required: GoVersion, why: &str, needs: &Needs) -> Vec<Finding> {
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
            if !needs.race.is_empty() {
                findings.push(race_detector(info, &needs.race));
            }
        }
    }
    findings.push(match exec::probe_program("git", &["--version"]) {
        Some(version) => Finding {
            health: Health::Ok,
            what: "git".into(),
            detail: version,
            fix: None,
        },
        None => Finding {
            health: Health::Warn,
            what: "git".into(),
            detail: "`git` not found: reset, restore and diff take the starter from the copy saved at the first run instead of the checkout".into(),
            fix: Some("install git (apt install git, xcode-select --install on macOS, or git-scm.com)".into()),
        },
    });
    if !needs.serve.is_empty() {
        findings.push(loopback(&needs.serve));
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

/// `-race` needs cgo on and the C compiler it names.
fn race_detector(info: &exec::GoInfo, exercises: &[String]) -> Finding {
    let what = "race detector".to_owned();
    let used = format!("{} build with -race", exercises.join(", "));
    let compiler = info.cc.split_whitespace().next().unwrap_or("gcc");
    if !info.cgo {
        return Finding {
            health: Health::Fail,
            what,
            detail: format!("cgo is off (CGO_ENABLED=0), and {used}"),
            fix: Some("turn cgo on (go env -w CGO_ENABLED=1) and install a C compiler".into()),
        };
    }
    match exec::probe_program(compiler, &["--version"]) {
        Some(version) => Finding {
            health: Health::Ok,
            what,
            detail: format!("cgo with {version}"),
            fix: None,
        },
        None => Finding {
            health: Health::Fail,
            what,
            detail: format!("`{compiler}` (the C compiler cgo uses) is not found, and {used}"),
            fix: Some(
                "install a C compiler (apt install gcc, xcode-select --install on macOS)".into(),
            ),
        },
    }
}

/// Servers are started on free loopback ports, which must be there to take.
fn loopback(exercises: &[String]) -> Finding {
    let what = "loopback ports".to_owned();
    match std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()) {
        Ok(address) => Finding {
            health: Health::Ok,
            what,
            detail: format!("127.0.0.1:{} could be taken, as {} need", address.port(), exercises.join(", ")),
            fix: None,
        },
        Err(e) => Finding {
            health: Health::Fail,
            what,
            detail: format!("cannot listen on 127.0.0.1 ({e}), which {} need", exercises.join(", ")),
            fix: Some("allow programs to listen on the loopback interface (a sandbox or firewall may forbid it)".into()),
        },
    }
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
