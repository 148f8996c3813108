//! Go's own viewers of profiles and traces (`go tool pprof -http`, `go tool
//! trace -http`), served on a free loopback port as a [`Server`] (its own
//! process group, stopped with a grace period, killed with the group when
//! dropped); and the attendee's browser, opened on it when there is one.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::server::{Server, ServerSpawn};
use super::{GoError, GoTool};

/// A port on the loopback interface that nothing listens on now.
pub fn free_port() -> std::io::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// Whether something answers on `port` of the loopback interface.
pub fn answers(port: u16) -> bool {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok()
}

impl GoTool {
    /// Starts `go tool <args>` in `dir`, its output going to `log`.
    pub fn start_tool(
        &self,
        args: Vec<String>,
        dir: &Path,
        log: PathBuf,
    ) -> Result<Server, GoError> {
        let mut all = vec!["tool".to_owned()];
        all.extend(args);
        Server::start(&ServerSpawn {
            program: self.program().to_owned(),
            args: all,
            dir: dir.to_owned(),
            env: Vec::new(),
            log,
        })
    }
}

/// The command that opens a URL in the desktop's browser, when there is a
/// desktop to show it: `open` on macOS, `xdg-open` under X11 or Wayland.
fn browser_opener() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        return super::process::find_program("open");
    }
    let desktop = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
    if !desktop {
        return None;
    }
    super::process::find_program("xdg-open")
}

/// Opens `url` in a browser, when there is one: whether one was asked to.
/// The browser outlives the command (it is the attendee's), so it starts in a
/// process group of its own that nobody kills.
#[allow(clippy::disallowed_methods)] // the browser is not a child to be stopped with the command
pub fn open_browser(url: &str) -> bool {
    use std::os::unix::process::CommandExt;
    let Some(opener) = browser_opener() else {
        return false;
    };
    let child = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn();
    match child {
        Ok(mut child) => {
            // Reaped when it returns, so that it leaves no zombie.
            let _ = std::thread::Builder::new()
                .name("browser-opener".into())
                .spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}

/// Whether this runs in a container (Docker, Podman, a dev container, a
/// Kubernetes pod), whose loopback the attendee's browser does not reach.
pub fn in_container() -> bool {
    if Path::new("/.dockerenv").exists() || Path::new("/run/.containerenv").exists() {
        return true;
    }
    std::fs::read_to_string("/proc/1/cgroup").is_ok_and(|text| {
        ["docker", "kubepods", "containerd", "libpod", "lxc"]
            .iter()
            .any(|word| text.contains(word))
    })
}
