//! Serve runs against the fixture servers of `tests/fixtures/servers`: one that
//! works, and one for each way a server fails (it does not compile, never
//! answers, crashes under load, ignores SIGTERM, prints without end, answers
//! 503, finds its port taken). Every test also checks that no server, and no
//! other child of the runner, is left running.

use std::time::{Duration, Instant};

use crate::{Workshop, processes_mentioning, processes_now_mentioning, workshop_process};

/// The fixture, and the text that the command line of each of its servers holds.
fn servers() -> (Workshop, String) {
    let workshop = Workshop::fixture("servers");
    let needle = format!("{}/.workshop/runs/", workshop.path().display());
    (workshop, needle)
}

#[track_caller]
fn none_left(needle: &str) {
    assert_eq!(processes_mentioning(needle), Vec::<String>::new());
}

fn goal_status(report: &serde_json::Value, id: &str) -> String {
    report["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap_or_else(|| panic!("no goal {id} in {report}"))["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The report of `check --json`, wherever the envelope puts it.
fn report(run: &crate::Run) -> serde_json::Value {
    let json = run.json();
    json.get("data").cloned().unwrap_or(json)
}

#[test]
fn a_server_is_loaded_profiled_and_traced_through_pprof() {
    let (workshop, needle) = servers();
    let run = workshop.run(&["check", "serve/ok", "--json"]);
    run.code(0);
    let report = report(&run);
    for id in ["no-errors", "fast", "small", "goroutines", "gc"] {
        assert_eq!(goal_status(&report, id), "pass", "{report}");
    }
    let artifacts = report["artifacts"].as_object().unwrap();
    for kind in [
        "profile-load-memory",
        "profile-load-goroutine",
        "trace-load",
    ] {
        let path = artifacts[kind].as_str().unwrap();
        assert!(std::path::Path::new(path).is_file(), "{kind}: {path}");
    }
    none_left(&needle);
}

#[test]
fn a_server_that_does_not_compile_shows_the_compiler() {
    let (workshop, needle) = servers();
    workshop
        .run(&["check", "serve/broken"])
        .code(1)
        .stdout_has("the server does not compile (1 error)")
        .stdout_has("exercises/serve/cmd/broken/main.go:4:17: cannot use \"8080\"");
    none_left(&needle);
}

#[test]
fn a_server_that_never_answers_fails_at_its_deadline() {
    let (workshop, needle) = servers();
    let started = Instant::now();
    workshop
        .run(&["check", "serve/never-ready"])
        .code(1)
        .stdout_has("the server did not answer http://127.0.0.1:")
        .stdout_has("within 2s (connection refused)")
        .stdout_has("warming up forever")
        .stdout_has("never-ready/load-load-server.log");
    assert!(started.elapsed() < Duration::from_secs(60));
    none_left(&needle);
}

#[test]
fn a_server_that_crashes_under_load_shows_its_panic() {
    let (workshop, needle) = servers();
    workshop
        .run(&["check", "serve/crash"])
        .code(1)
        .stdout_has("the server exited during the load (exit status 2)")
        // Requests in flight may each count before the first panic ends it.
        .stdout_has("panic: request ")
        .stdout_has(": the fixture crashes")
        .stdout_has("cmd/server/main.go:");
    none_left(&needle);
}

#[test]
fn a_server_that_ignores_sigterm_is_killed_and_named() {
    let (workshop, needle) = servers();
    workshop
        .run(&["check", "serve/stubborn"])
        .code(0)
        .stdout_has(
            "note: the server did not stop within 500ms of SIGTERM; its process group was killed",
        );
    none_left(&needle);
}

#[test]
fn a_server_that_prints_without_end_fills_a_bounded_log() {
    let (workshop, needle) = servers();
    workshop.run(&["check", "serve/chatty"]).code(0);
    let log = workshop
        .path()
        .join(".workshop/runs/serve/chatty/load-load-server.log");
    let text = std::fs::read(&log).unwrap();
    assert!(text.len() > 512 * 1024, "{} bytes", text.len());
    assert!(text.len() < 600 * 1024, "{} bytes", text.len());
    let text = String::from_utf8_lossy(&text);
    assert!(text.contains(" bytes of output not kept ...]"));
    none_left(&needle);
}

#[test]
fn a_server_that_answers_503_fails_its_load_goals() {
    let (workshop, needle) = servers();
    workshop
        .run(&["check", "serve/failing"])
        .code(1)
        .stdout_has("✗ no-errors")
        .stdout_has("requests failed (503 ×")
        .stdout_has("how fast a failing server answers says nothing");
    none_left(&needle);
}

#[test]
fn a_port_taken_before_the_server_binds_it_is_chosen_again() {
    let (workshop, needle) = servers();
    workshop
        .run(&["check", "serve/taken"])
        .code(0)
        .stdout_has("note: a port chosen for the server was taken before it could listen on it");
    none_left(&needle);
}

#[test]
fn endpoints_are_asked_on_the_ports_the_runner_chose() {
    let (workshop, needle) = servers();
    let run = workshop.run(&["check", "serve/endpoints", "--json"]);
    run.code(1);
    let report = report(&run);
    assert_eq!(goal_status(&report, "greets"), "pass");
    assert_eq!(goal_status(&report, "pprof-not-public"), "pass");
    assert_eq!(goal_status(&report, "pprof-on-admin"), "pass");
    assert_eq!(goal_status(&report, "missing"), "fail");
    none_left(&needle);
}

#[test]
fn latency_against_the_starter_alternates_the_two_servers() {
    let (workshop, needle) = servers();
    // The starter is remembered before anything is edited.
    workshop.run(&["list"]).code(0);
    workshop
        .run(&["check", "serve/slow"])
        .code(1)
        .stdout_has("✗ faster")
        .stdout_has("5 rounds each");
    let main = workshop.path().join("exercises/serve/cmd/server/main.go");
    let text = std::fs::read_to_string(&main).unwrap();
    std::fs::write(
        &main,
        text.replace(
            "time.Sleep(20 * time.Millisecond)",
            "time.Sleep(time.Millisecond)",
        ),
    )
    .unwrap();
    workshop
        .run(&["check", "serve/slow"])
        .code(0)
        .stdout_has("✓ faster");
    none_left(&needle);
}

/// Starts a check of `serve/slow` (ten rounds of load) and waits until its
/// servers run.
fn check_under_way(workshop: &Workshop, needle: &str) -> std::process::Child {
    workshop.run(&["list"]).code(0);
    let child = workshop_process()
        .arg("--root")
        .arg(workshop.path())
        .args(["check", "serve/slow"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while processes_now_mentioning(&format!("{needle}serve/slow/")).is_empty() {
        assert!(Instant::now() < deadline, "no server ever started");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

#[test]
fn ctrl_c_stops_the_servers_and_exits_130() {
    let (workshop, needle) = servers();
    let mut child = check_under_way(&workshop, &needle);
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).unwrap();
    let started = Instant::now();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    none_left(&needle);
}

#[test]
fn no_server_outlives_a_runner_killed_mid_load() {
    let (workshop, needle) = servers();
    let mut child = check_under_way(&workshop, &needle);
    // No chance to clean up: SIGKILL.
    child.kill().unwrap();
    child.wait().unwrap();
    none_left(&needle);
}

/// The fixture server, built and started on a free port; killed when dropped.
struct Live {
    child: std::process::Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Live {
    fn start() -> Live {
        let dir = tempfile::tempdir().unwrap();
        let module = crate::repo().join("tests/fixtures/servers/exercises");
        let binary = dir.path().join("server");
        let built = crate::go()
            .args(["build", "-o"])
            .arg(&binary)
            .arg("./serve/cmd/server")
            .current_dir(&module)
            .output()
            .expect("`go` must be installed");
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        #[allow(clippy::disallowed_methods)] // tests may start processes
        let child = std::process::Command::new(&binary)
            .arg(format!("-addr=127.0.0.1:{port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "the fixture server never listened"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Live {
            child,
            port,
            _dir: dir,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn inspect_fetches_profiles_and_traces_from_a_live_server() {
    let live = Live::start();
    let heap = live.url("/debug/pprof/heap");
    crate::inspect(&[], &heap)
        .code(0)
        .stdout_has(&format!("{heap}: heap profile"))
        .stdout_has("inuse_space");
    let trace = live.url("/debug/pprof/trace?seconds=1");
    crate::inspect(&["--goroutines"], &trace)
        .code(0)
        .stdout_has(&format!("{trace}: Go execution trace"));
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("goroutines.pprof");
    crate::inspect(
        &["--save", saved.to_str().unwrap(), "--json"],
        live.url("/debug/pprof/goroutine"),
    )
    .code(0);
    let bytes = std::fs::read(&saved).unwrap();
    assert_eq!(
        &bytes[..2],
        &[0x1f, 0x8b],
        "the saved answer is the gzipped profile"
    );
    // The saved file reads back as the same profile.
    crate::inspect(&[], &saved)
        .code(0)
        .stdout_has("goroutine profile");
    // A one-second profile, as the server's clock took it: a little more or
    // a little less than a second.
    let run = crate::inspect(&["--top", "3"], live.url("/debug/pprof/profile?seconds=1"));
    run.code(0);
    let lasted = regex::Regex::new(r"CPU profile, (9[5-9]\d(\.\d+)?ms|1(\.\d+)?s) long").unwrap();
    assert!(lasted.is_match(&run.stdout), "{}", run.stdout);
}

#[test]
fn inspect_of_a_url_that_gives_no_profile_is_a_clear_error() {
    let live = Live::start();
    crate::inspect(&[], live.url("/debug/pprof/"))
        .code(2)
        .stderr_has("answered text, not a profile or a trace (it begins \"<html>\")");
    crate::inspect(&[], live.url("/debug/pprof/goroutine?debug=1"))
        .code(2)
        .stderr_has("answered text, not a profile or a trace");
    crate::inspect(&[], live.url("/nope"))
        .code(2)
        .stderr_has("answered status 404: 404 page not found");
    crate::inspect(&["--tasks"], live.url("/debug/pprof/heap"))
        .code(2)
        .stderr_has("apply to execution traces; http://127.0.0.1:");
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    crate::inspect(&[], format!("http://127.0.0.1:{closed}/debug/pprof/heap"))
        .code(2)
        .stderr_has("connection refused (is the server running");
    crate::inspect(&[], "https://127.0.0.1/debug/pprof/heap")
        .code(2)
        .stderr_has("is not an http:// URL");
    let file = tempfile::NamedTempFile::new().unwrap();
    crate::inspect(&["--save", "x.out"], file.path())
        .code(2)
        .stderr_has("--save keeps what a URL answered");
}

#[test]
fn inspect_of_absurd_seconds_is_a_clear_error_not_a_panic() {
    let live = Live::start();
    // The largest number, and one small enough to pass the first addition.
    for seconds in ["18446744073709551615", "18446744073709551555"] {
        let url = live.url(&format!("/debug/pprof/profile?seconds={seconds}"));
        let run = crate::inspect(&[], &url);
        run.code(2).stderr_has(&format!(
            "`seconds={seconds}` in {url} asks for longer than workshop waits for an answer (at most 86400 seconds, a day)"
        ));
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn inspect_of_absurd_seconds_says_so_in_japanese() {
    // Refused before any connection: no server needed.
    let url = "http://127.0.0.1:9/debug/pprof/profile?seconds=18446744073709551615";
    let mut command = crate::binary();
    command.env("WORKSHOP_LANG", "ja").args(["inspect", url]);
    let run = crate::Run::from(command.output().unwrap());
    run.code(2).stderr_has(
        "の `seconds=18446744073709551615` は、workshop が応答を待つ長さ（最長 86400 秒、1 日）を超えています",
    );
}

#[test]
fn inspect_of_a_server_whose_trailer_never_ends_stops_at_a_limit() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _ = stream.read(&mut [0u8; 4096]);
        let head =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-Endless: ";
        if stream.write_all(head).is_ok() {
            while stream.write_all(&[b'a'; 64 * 1024]).is_ok() {}
        }
    });
    let started = Instant::now();
    crate::inspect(&[], format!("http://127.0.0.1:{port}/debug/pprof/heap"))
        .code(2)
        .stderr_has(&format!(
            "cannot fetch http://127.0.0.1:{port}/debug/pprof/heap: the answer goes past a limit of workshop's: a trailer line longer than 64 KiB (is the server broken?)\n"
        ));
    assert!(started.elapsed() < Duration::from_secs(30));
}
