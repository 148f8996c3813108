//! Every process below a child, whatever group or session it moved to. A
//! process that calls `setsid` or `setpgid` leaves its parent's process group,
//! so killing the group misses it; it never leaves its parent, though, and an
//! orphan goes to the nearest subreaper (see [`super::reaper`]). The tree is
//! read from `/proc/<pid>/stat` (the kernel here need not offer
//! `/proc/<pid>/task/<tid>/children`), frozen with SIGSTOP until a new reading
//! finds nothing new, and only then killed: a process that is stopped can
//! neither start another nor leave its children to init by ending first.

use std::collections::HashMap;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

/// How many readings of the tree before the stopped processes are killed
/// anyway; each reading after the first only finds what started meanwhile.
const ROUNDS: usize = 16;

/// The parent of every living process (zombies left out: they hold nothing).
fn parents() -> HashMap<i32, i32> {
    let mut parents = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return parents;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|name| name.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        if let Some((state, ppid)) = state_and_parent(&stat)
            && state != 'Z'
        {
            parents.insert(pid, ppid);
        }
    }
    parents
}

/// The state and the parent in a `/proc/<pid>/stat` line: the fields after
/// the command name, which is in parentheses and may hold anything, `)` too.
fn state_and_parent(stat: &str) -> Option<(char, i32)> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_ascii_whitespace();
    let state = fields.next()?.chars().next()?;
    let ppid = fields.next()?.parse().ok()?;
    Some((state, ppid))
}

/// The living descendants of `roots`, from one reading of the tree.
fn descendants(roots: &[i32]) -> Vec<i32> {
    let mut children: HashMap<i32, Vec<i32>> = HashMap::new();
    for (pid, ppid) in parents() {
        children.entry(ppid).or_default().push(pid);
    }
    let mut found = Vec::new();
    let mut next: Vec<i32> = roots.to_vec();
    while let Some(pid) = next.pop() {
        for &child in children.get(&pid).map(Vec::as_slice).unwrap_or_default() {
            if child > 1 && !found.contains(&child) && !roots.contains(&child) {
                found.push(child);
                next.push(child);
            }
        }
    }
    found
}

/// Kills every descendant of `roots`, and the roots themselves when
/// `with_roots`; returns how many processes were killed.
pub(crate) fn kill_tree(roots: &[i32], with_roots: bool) -> usize {
    let roots: Vec<i32> = roots.iter().copied().filter(|pid| *pid > 1).collect();
    if roots.is_empty() {
        return 0;
    }
    let own = std::process::id() as i32;
    let mut stopped: Vec<i32> = Vec::new();
    if with_roots {
        for &root in &roots {
            if kill(Pid::from_raw(root), Signal::SIGSTOP).is_ok() {
                stopped.push(root);
            }
        }
    }
    for _ in 0..ROUNDS {
        let new: Vec<i32> = descendants(&roots)
            .into_iter()
            .filter(|pid| *pid != own && !stopped.contains(pid))
            .collect();
        if new.is_empty() {
            break;
        }
        for pid in new {
            // ESRCH: it ended between the reading and now; its children, if
            // any, went to a subreaper that is stopped already, or to init.
            let _ = kill(Pid::from_raw(pid), Signal::SIGSTOP);
            stopped.push(pid);
        }
    }
    for &pid in &stopped {
        let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
    }
    stopped.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_name_with_parentheses_and_spaces_is_skipped_whole() {
        let stat = "4242 (a) b (c) d) S 17 4242 4242 0 -1 4194560";
        assert_eq!(state_and_parent(stat), Some(('S', 17)));
        assert_eq!(state_and_parent("4242 (x) Z 1 0"), Some(('Z', 1)));
        assert_eq!(state_and_parent("garbage"), None);
    }

    #[test]
    fn this_process_is_below_its_parent() {
        let parent = nix::unistd::getppid().as_raw();
        let own = std::process::id() as i32;
        assert!(descendants(&[parent]).contains(&own));
    }
}
