//! Looking at a check's profiles: the starter's kept beside the attendee's,
//! what changed since the starter, and `workshop open`.

use crate::*;

/// The starter's side of a run, as the check's steps name it.
fn starter_steps(report: &serde_json::Value) -> usize {
    report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["name"]
                .as_str()
                .unwrap()
                .starts_with("the starter's side")
        })
        .count()
}

#[test]
fn the_starters_profile_is_kept_beside_the_attendees_and_made_once() {
    let workshop = Workshop::fixture("look");
    let first = workshop.run(&["check", "look/regexp", "--json"]);
    first.code(1);
    let first = first.json();
    let starter = first["artifacts"]["starter-profile-bench-cpu"]
        .as_str()
        .expect("the starter's CPU profile among the artifacts");
    assert!(Path::new(starter).is_file(), "{starter}");
    assert_ne!(
        starter,
        first["artifacts"]["profile-bench-cpu"].as_str().unwrap()
    );
    assert_eq!(starter_steps(&first), 1, "{first:#}");
    let made = std::fs::metadata(starter).unwrap().modified().unwrap();

    let second = workshop.run(&["check", "look/regexp", "--json"]).json();
    assert_eq!(
        second["artifacts"]["starter-profile-bench-cpu"].as_str(),
        Some(starter)
    );
    assert_eq!(
        starter_steps(&second),
        0,
        "kept, not made again: {second:#}"
    );
    assert_eq!(
        std::fs::metadata(starter).unwrap().modified().unwrap(),
        made
    );

    // Each check recorded the goal's value.
    let history = workshop
        .run(&["list", "--history", "look/regexp", "--json"])
        .json();
    let values = history["goals"][0]["values"].as_array().unwrap();
    assert_eq!(values.len(), 2, "{history:#}");
    assert!(
        values.iter().all(|v| v.as_f64().unwrap() > 5.0),
        "{history:#}"
    );
    workshop
        .run(&["list", "--history", "look/regexp"])
        .code(0)
        .stdout_has("the last 2 checks, oldest first: ✗✗")
        .stdout_has("compiler-share  ");
}

#[test]
fn a_profile_goal_shows_what_changed_since_the_starter() {
    let workshop = Workshop::fixture("look");
    // The first check keeps the starter (and its profile) as the exercise
    // begins; code that is still the starter has nothing to show since it.
    let first = workshop.run(&["check", "look/regexp"]);
    first.code(1);
    assert!(
        !first.stdout.contains("since the starter"),
        "{}",
        first.stdout
    );
    let solution =
        std::fs::read_to_string(workshop.path().join("checks/look/regexp/solution/logs.go"))
            .unwrap();
    workshop.write("exercises/look/regexp/logs.go", &solution);
    let run = workshop.run(&["check", "look/regexp"]);
    run.code(0)
        .stdout_has("since the starter (cum share of cpu, points):")
        .stdout_has(
            "see what changed since the starter in Go's viewer: `workshop open look/regexp --diff`",
        );
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("regexp.Compile") || l.contains("regexp.MustCompile"))
        .unwrap_or_else(|| panic!("no change of the compiler:\n{}", run.stdout));
    assert!(line.contains("→   0.0%"), "{line}");

    let json = workshop.run(&["check", "look/regexp", "--json"]).json();
    let since = &json["goals"][0]["since_starter"];
    assert_eq!(since["measure"], "cum-share", "{since:#}");
    let first = &since["changes"][0];
    assert!(
        first["function"].as_str().unwrap().starts_with("regexp."),
        "{since:#}"
    );
    assert_eq!(first["mine"], 0.0);
    assert!(first["starter"].as_f64().unwrap() > 0.0, "{since:#}");
}

/// The body of `GET url` (plain HTTP on the loopback), following redirects.
fn fetch(url: &str) -> String {
    use std::io::{Read, Write};
    let mut url = url.to_owned();
    for _ in 0..5 {
        let rest = url.strip_prefix("http://").expect("an http:// address");
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let path = if path.is_empty() { "/" } else { path };
        let mut stream = std::net::TcpStream::connect(host).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let location = head.lines().find_map(|l| {
            l.strip_prefix("Location: ")
                .or(l.strip_prefix("location: "))
        });
        match location {
            Some(next) if head.starts_with("HTTP/1.1 30") || head.starts_with("HTTP/1.0 30") => {
                url = if next.starts_with("http") {
                    next.to_owned()
                } else if next.starts_with('/') {
                    format!("http://{host}{next}")
                } else {
                    format!("http://{host}{}{next}", &path[..=path.rfind('/').unwrap()])
                };
            }
            _ => return body.to_owned(),
        }
    }
    panic!("too many redirects from {url}");
}

#[test]
fn open_serves_gos_viewer_on_the_last_checks_profile_until_ctrl_c() {
    use std::io::BufRead;
    let workshop = Workshop::fixture("look");
    workshop
        .run(&["check", "look/regexp"])
        .code(1)
        .stdout_has("`workshop open look/regexp`");
    for diff in [false, true] {
        let mut args = vec![
            "--root",
            workshop.path().to_str().unwrap(),
            "open",
            "look/regexp",
            "--no-browser",
        ];
        if diff {
            args.push("--diff");
        }
        let mut child = workshop_process()
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let url = loop {
            let line = lines
                .next()
                .unwrap_or_else(|| {
                    let mut err = String::new();
                    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err)
                        .unwrap();
                    panic!("no address printed: {err}")
                })
                .unwrap();
            if let Some(at) = line.find("http://") {
                break line[at..].split_whitespace().next().unwrap().to_owned();
            }
        };
        let page = fetch(&url);
        assert!(page.contains("pprof"), "{url}: {page}");
        let pid = nix::unistd::Pid::from_raw(child.id() as i32);
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
        let status = child.wait().unwrap();
        assert!(matches!(status.code(), Some(0 | 130)), "{status:?}");
        let port = url
            .trim_start_matches("http://127.0.0.1:")
            .split('/')
            .next()
            .unwrap();
        assert_eq!(
            processes_mentioning(&format!("127.0.0.1:{port}")),
            Vec::<String>::new()
        );
        assert!(std::net::TcpStream::connect(format!("127.0.0.1:{port}")).is_err());
    }
}

#[test]
fn a_trace_goal_shows_its_trace_over_time_under_its_evidence() {
    let workshop = Workshop::fixture("whole");
    let run = workshop.run(&["check", "whole/spawn", "--json"]);
    run.code(1);
    let doc = run.json();
    let goal = doc["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "at-once")
        .unwrap()
        .clone();
    assert_eq!(goal["status"], "fail", "{goal}");
    let picture = &goal["picture"];
    assert_eq!(
        picture["levels"],
        serde_json::json!(["live_goroutines", "running_goroutines"]),
        "{goal}"
    );
    assert!(picture["duration_ns"].as_i64().unwrap() > 0, "{picture}");
    // The picture is of the trace the goal judged: the most goroutines alive
    // in any bucket is at least the exercise's own at once.
    let most = picture["series"]["live_goroutines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .max()
        .unwrap();
    assert!(
        most as f64 >= goal["measured"].as_f64().unwrap(),
        "{most} live at most, {} measured",
        goal["measured"]
    );

    let text = workshop.run(&["check", "whole/spawn"]);
    text.code(1);
    let out = &text.stdout;
    let at_once = out.find("at-once").expect("the goal's line");
    let below = &out[at_once..];
    let over_time = below.find("over time").unwrap_or_else(|| panic!("{out}"));
    let rows: Vec<&str> = below[over_time..].lines().skip(1).take(2).collect();
    for (row, label) in rows.iter().zip(["live", "running"]) {
        assert!(row.trim_start().starts_with(label), "{row}\n{out}");
        assert!(row.chars().any(|c| ('▁'..='█').contains(&c)), "{row}");
    }
}
