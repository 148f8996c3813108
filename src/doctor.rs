//! `workshop doctor`: is this machine ready for the workshop?

use std::path::Path;

use crate::exec::{self, GoTool, GoVersion};
use crate::tr;

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
    /// What needs a newer Go than the workshop's: an exercise by its id, a
    /// goal as `exercise: goal`, each with the Go it needs.
    pub newer_go: Vec<(String, GoVersion)>,
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
            fix: Some(tr!("doctor-go-install", required = required.to_string())),
        }),
        Ok(go) => {
            let info = &go.info;
            match info.parsed {
                Some(found) if found >= required => findings.push(Finding {
                    health: Health::Ok,
                    what: "go".into(),
                    detail: tr!(
                        "doctor-go-ok",
                        version = &info.version,
                        platform = format!("{}/{}", info.goos, info.goarch),
                        required = required.to_string(),
                        why = why
                    ),
                    fix: None,
                }),
                Some(_) => findings.push(Finding {
                    health: Health::Fail,
                    what: "go".into(),
                    detail: tr!(
                        "doctor-go-old",
                        version = &info.version,
                        required = required.to_string(),
                        why = why
                    ),
                    fix: Some(tr!("doctor-go-old-fix", required = required.to_string())),
                }),
                None => findings.push(Finding {
                    health: Health::Warn,
                    what: "go".into(),
                    detail: tr!(
                        "doctor-go-devel",
                        version = &info.version,
                        required = required.to_string()
                    ),
                    fix: None,
                }),
            }
            if !needs.newer_go.is_empty() {
                findings.push(left_out(info, &needs.newer_go));
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
            detail: tr!("doctor-git-missing"),
            fix: Some(tr!("doctor-git-fix")),
        },
    });
    if !needs.serve.is_empty() {
        findings.push(loopback(&needs.serve));
    }
    findings.push(match exec::probe_program("dot", &["-V"]) {
        Some(version) => Finding {
            health: Health::Ok,
            what: "graphviz".into(),
            detail: if version.is_empty() {
                tr!("doctor-dot-found")
            } else {
                version
            },
            fix: None,
        },
        None => Finding {
            health: Health::Warn,
            what: "graphviz".into(),
            detail: tr!("doctor-dot-missing"),
            fix: Some(tr!("doctor-dot-fix")),
        },
    });
    findings
}

/// What the Go found leaves out of the exercises and goals that need a newer
/// one: skipped by `check` and `verify`, never failed.
fn left_out(info: &exec::GoInfo, newer: &[(String, GoVersion)]) -> Finding {
    let what = tr!("doctor-newer-go");
    let left: Vec<&(String, GoVersion)> = newer
        .iter()
        .filter(|(_, needed)| info.parsed.is_some_and(|found| found < *needed))
        .collect();
    let Some(highest) = left.iter().map(|(_, v)| *v).max() else {
        let highest = newer.iter().map(|(_, v)| *v).max();
        return Finding {
            health: Health::Ok,
            what,
            detail: tr!(
                "doctor-newer-go-ok",
                version = &info.version,
                count = newer.len(),
                go = highest.map(|v| v.to_string()).unwrap_or_default()
            ),
            fix: None,
        };
    };
    let named: Vec<String> = left
        .iter()
        .map(|(name, needed)| format!("{name} (Go {needed})"))
        .collect();
    let toolchain = crate::goals::Skip::needs_go(highest, &info.version).toolchain();
    Finding {
        health: Health::Warn,
        what,
        detail: tr!(
            "doctor-newer-go-left-out",
            version = &info.version,
            count = left.len(),
            what = crate::i18n::list(&named)
        ),
        fix: Some(tr!(
            "doctor-newer-go-fix",
            command = format!("GOTOOLCHAIN={toolchain} workshop check <id>"),
            go = highest.to_string()
        )),
    }
}

/// `-race` needs cgo on and the C compiler it names.
fn race_detector(info: &exec::GoInfo, exercises: &[String]) -> Finding {
    let what = tr!("doctor-race");
    let used = exercises.join(", ");
    let compiler = info.cc.split_whitespace().next().unwrap_or("gcc");
    if !info.cgo {
        return Finding {
            health: Health::Fail,
            what,
            detail: tr!("doctor-race-cgo-off", exercises = used),
            fix: Some(tr!("doctor-race-cgo-off-fix")),
        };
    }
    match exec::probe_program(compiler, &["--version"]) {
        Some(version) => Finding {
            health: Health::Ok,
            what,
            detail: tr!("doctor-race-ok", version = version),
            fix: None,
        },
        None => Finding {
            health: Health::Fail,
            what,
            detail: tr!(
                "doctor-race-no-compiler",
                compiler = compiler,
                exercises = used
            ),
            fix: Some(tr!("doctor-race-no-compiler-fix")),
        },
    }
}

/// Servers are started on free loopback ports, which must be there to take.
fn loopback(exercises: &[String]) -> Finding {
    let what = tr!("doctor-loopback");
    let needing = exercises.join(", ");
    match std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()) {
        Ok(address) => Finding {
            health: Health::Ok,
            what,
            detail: tr!(
                "doctor-loopback-ok",
                port = address.port().to_string(),
                exercises = needing
            ),
            fix: None,
        },
        Err(e) => Finding {
            health: Health::Fail,
            what,
            detail: tr!(
                "doctor-loopback-fail",
                error = e.to_string(),
                exercises = needing
            ),
            fix: Some(tr!("doctor-loopback-fix")),
        },
    }
}

fn cache_writable(cache: &Path) -> Finding {
    let what = tr!("doctor-cache");
    if cache.as_os_str().is_empty() || cache == Path::new("off") {
        return Finding {
            health: Health::Fail,
            what,
            detail: tr!("doctor-cache-off"),
            fix: Some(tr!("doctor-cache-off-fix")),
        };
    }
    let probe = crate::fence::create_dir_all(cache).and_then(|()| tempfile::tempfile_in(cache));
    match probe {
        Ok(_) => Finding {
            health: Health::Ok,
            what,
            detail: tr!("doctor-cache-ok", path = cache.display().to_string()),
            fix: None,
        },
        Err(e) => Finding {
            health: Health::Fail,
            what,
            detail: tr!(
                "doctor-cache-fail",
                path = cache.display().to_string(),
                error = e.to_string()
            ),
            fix: Some(tr!("doctor-cache-fail-fix")),
        },
    }
}
