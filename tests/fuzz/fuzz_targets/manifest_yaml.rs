//! Any text as a workshop's `workshop.yaml` or as one of its check files, read
//! by `manifest::load` exactly as `workshop` reads a workshop, and every problem
//! rendered as people see it: problems are fine, panics, hangs and unbounded
//! allocations are not.
//!
//! The first byte picks the file: even for `checks/fuzz/one/check.yaml` beside
//! a fixed `workshop.yaml`, odd for `workshop.yaml` beside a fixed check file.
//! The rest is the file's bytes, written as they are (not UTF-8 is a problem too).
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use workshop::manifest;

const WORKSHOP: &str = "title: Fuzz\ngo: \"1.22\"\nmodule: exercises\nexercises:\n  - fuzz/one\n";
const CHECK: &str = "title: One\ntests:\n  timeout: 10s\nruns:\n  - name: bench\n    bench: \"^BenchmarkOne$\"\n    benchmem: true\ngoals:\n  - id: allocations\n    kind: bench-metric\n    benchmark: BenchmarkOne\n    metric: allocs/op\n    at-most: 1\nsolution: [one.go]\n";

/// A workshop of one exercise in a directory of this process's own, in memory
/// where the machine has a tmpfs: rewriting files on a disk is slower than the
/// parsing being fuzzed.
fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_owned()
        } else {
            std::env::temp_dir()
        };
        let root = base.join(format!("workshop-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let package = root.join("exercises/fuzz/one");
        let check_dir = root.join("checks/fuzz/one");
        std::fs::create_dir_all(&package).unwrap();
        std::fs::create_dir_all(check_dir.join("solution")).unwrap();
        std::fs::write(
            root.join("exercises/go.mod"),
            "module example.com/fuzz\n\ngo 1.22\n",
        )
        .unwrap();
        std::fs::write(package.join("one.go"), "package one\n").unwrap();
        std::fs::write(check_dir.join("solution/one.go"), "package one\n").unwrap();
        root.canonicalize().unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let root = root();
    let (workshop, check) = if pick % 2 == 0 {
        (WORKSHOP.as_bytes(), text)
    } else {
        (text, CHECK.as_bytes())
    };
    std::fs::write(root.join(manifest::MANIFEST), workshop).unwrap();
    std::fs::write(root.join("checks/fuzz/one/check.yaml"), check).unwrap();
    match manifest::load(root) {
        Ok(workshop) => {
            let _ = workshop.required_go();
            let _ = workshop.exercise("fuzz/one");
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
