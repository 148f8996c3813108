#!/usr/bin/env python3
"""Kills `workshop reset` and `workshop restore` at every system call that
changes the file system, and checks that the obvious next command leaves the
attendee's files where they belong, with no temporary file left behind.

Usage: tests/perf/killpoints.py [--binary target/release/workshop] [--quick]

For each command and each system call in SYSCALLS, the command runs under
`strace -e inject=<call>:signal=KILL:when=N` for N = 1, 2, ... until a run
ends without being killed. After each kill, in a fresh copy of the state
before the command, one recovery is tried per row of RECOVERIES:

  reset killed   -> `reset` again: the starter is in place; then `restore`
                    brings back the attendee's files.
  reset killed   -> `restore`: the attendee's files are in place.
  restore killed -> `restore` again: the attendee's files are in place.
  restore killed -> `reset`, then `restore`: the attendee's files are in place.

"In place" compares every file's bytes and mode and every link's target in
the exercise's package. After the recovery no name made on the way may be
left in the workshop, and the directory given as TMPDIR must be empty.
Prints one line per failure and a summary; exits 1 on any failure.
"""

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, "tests/fixtures/outcomes")
ID = "outcome/met"
PACKAGE = "exercises/outcome/met"
SYSCALLS = [
    "openat", "write", "rename", "renameat", "renameat2", "unlink", "unlinkat",
    "fchmod", "fchmodat", "mkdir", "mkdirat", "rmdir", "symlinkat", "linkat",
    "ftruncate", "fsync",
]
LEFTOVER_MARKS = (".workshop-new-", ".tmp", ".new-", ".old-")


def package_state(root):
    """Every file (bytes, mode) and link (target) below the package."""
    base = os.path.join(root, PACKAGE)
    state = {}
    for dirpath, dirnames, filenames in os.walk(base):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, base)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                state[rel] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as f:
                    state[rel] = ("file", f.read(), stat.S_IMODE(info.st_mode))
    return state


def leftovers(root, tmp):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            if name.startswith(LEFTOVER_MARKS):
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
    found += [os.path.join("TMPDIR", n) for n in os.listdir(tmp)]
    return found


class Lab:
    def __init__(self, binary):
        self.binary = binary
        self.base = tempfile.mkdtemp(prefix="workshop-killpoints-")
        self.tmp = os.path.join(self.base, "tmp")
        os.mkdir(self.tmp)
        self.env = dict(os.environ, TMPDIR=self.tmp, NO_COLOR="1", LANG="C.UTF-8")
        self.env.pop("WORKSHOP_LANG", None)

    def run(self, root, args, inject=None):
        command = [self.binary, "--root", root] + args
        if inject:
            command = ["strace", "-qq", "-o", "/dev/null", "-e", "trace=" + inject[0],
                       "-e", "inject=%s:signal=KILL:when=%d" % inject] + command
        done = subprocess.run(command, env=self.env, capture_output=True, timeout=120)
        return done.returncode, done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")

    def prepared(self, name):
        """A workshop whose attendee has worked; for `restore`, then reset."""
        root = os.path.join(self.base, name)
        shutil.copytree(FIXTURE, root, symlinks=True)
        code, out = self.run(root, ["list"])
        assert code == 0, out
        package = os.path.join(root, PACKAGE)
        with open(os.path.join(package, "sum.go"), "a") as f:
            f.write("\n// the attendee's work\n")
        with open(os.path.join(package, "extra.go"), "w") as f:
            f.write("package met\n\n// a file of the attendee's own\n")
        os.chmod(os.path.join(package, "extra.go"), 0o600)
        os.symlink("sum.go", os.path.join(package, "notes.link"))
        work = package_state(root)
        if name == "restore":
            code, out = self.run(root, ["reset", ID])
            assert code == 0, out
        return root, work

    def copy(self, root):
        copy = root + "-try"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy, symlinks=True)
        return copy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/workshop"))
    parser.add_argument("--quick", action="store_true", help="only openat, rename, unlink, write")
    args = parser.parse_args()
    calls = ["openat", "rename", "unlink", "write"] if args.quick else SYSCALLS
    lab = Lab(os.path.abspath(args.binary))
    starter_root = os.path.join(lab.base, "starter")
    shutil.copytree(FIXTURE, starter_root, symlinks=True)
    starter = package_state(starter_root)

    recoveries = {
        "reset": [
            (["reset"], "starter", ["restore"], "work"),
            (["restore"], "work", None, None),
        ],
        "restore": [
            (["restore"], "work", None, None),
            (["reset"], "starter", ["restore"], "work"),
        ],
    }
    failures = []
    points = {}
    runs = 0
    unsteady = 0
    for command in ["reset", "restore"]:
        prepared, work = lab.prepared(command)
        expected = {"work": work, "starter": starter}
        points[command] = 0
        for call in calls:
            n = 1
            while True:
                try_root = lab.copy(prepared)
                code, out = lab.run(try_root, [command, ID], inject=(call, n))
                runs += 1
                killed = code in (-9, 137)
                shutil.rmtree(try_root)
                if not killed:
                    break
                points[command] += 1
                for first, first_wants, then, then_wants in recoveries[command]:
                    root = lab.copy(prepared)
                    code, out = lab.run(root, [command, ID], inject=(call, n))
                    if code not in (-9, 137):
                        # The count of calls can differ between runs (a child
                        # spawned or not); this run went past the point.
                        unsteady += 1
                        shutil.rmtree(root)
                        continue
                    steps = [(first, first_wants)] + ([(then, then_wants)] if then else [])
                    for step, wants in steps:
                        code, out = lab.run(root, step + [ID])
                        runs += 1
                        if package_state(root) != expected[wants]:
                            failures.append("%s killed at %s #%d, then %s: not the %s (exit %d)\n%s"
                                            % (command, call, n, " ".join(step), wants, code, out.strip()))
                            break
                    left = leftovers(root, lab.tmp)
                    if left:
                        failures.append("%s killed at %s #%d, then %s: left %s"
                                        % (command, call, n, " ".join(first), ", ".join(left)))
                        for name in os.listdir(lab.tmp):
                            shutil.rmtree(os.path.join(lab.tmp, name), ignore_errors=True)
                    shutil.rmtree(root)
                n += 1
    for failure in failures:
        print("FAIL", failure)
    total = sum(points.values())
    print("kill points: %d (reset %d, restore %d); recoveries: %d (%d not killed again at the "
          "same point, skipped); runs: %d; failures: %d"
          % (total, points["reset"], points["restore"], 2 * total - unsteady, unsteady, runs,
             len(failures)))
    shutil.rmtree(lab.base, ignore_errors=True)
    return 1 if failures or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
