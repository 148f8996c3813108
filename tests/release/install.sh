#!/usr/bin/env bash
# Release check: builds this machine's archive and the shell installer with
# dist and installs from them with the generated installer the ways
# docs/install.md tells attendees and instructors to, each into an empty
# temporary prefix with HOME (and TMPDIR) pointed at a temporary directory, so
# nothing of the real user's is read or changed:
#   - from the room's network: the artifacts served over HTTP on 127.0.0.1,
#     the installer downloaded with `curl --fail`, then run with
#     WORKSHOP_DOWNLOAD_URL naming the server;
#   - from a USB stick: the artifacts copied to a directory, the server
#     stopped, the installer run from there with WORKSHOP_DOWNLOAD_URL a
#     file:// URL of that directory.
#
#   tests/release/install.sh
#
# Then checks that:
#   - the archive matches its .sha256 file and its line in sha256.sum, and the
#     installer carries that same checksum;
#   - the installer put the binary in <prefix>/bin, byte for byte the one in
#     the archive, and `workshop --version` prints the crate's version and
#     `workshop --help` works;
#   - a download that fails is loud: `curl --fail` from a stopped server exits
#     non-zero, and the installer pointed at a directory without the archive
#     fails and installs nothing;
#   - a tampered archive is refused (the installer fails, installs nothing).
#
# The artifacts are built in the normal target directory, with
# `dist build --artifacts=all --target <host>`: the cargo build (profile `dist`,
# which is `release` with thin LTO) goes to `target/<host>/dist/`, or under
# CARGO_TARGET_DIR when that is set; the archive, its .sha256, sha256.sum and
# the installer go to `target/distrib/` in the repository root whatever
# CARGO_TARGET_DIR says (dist's choice; the path is taken from `dist manifest`).
# That directory is emptied first so that no stale artifact is served.
# Everything else lives in a temporary directory that is removed, and the HTTP
# servers stopped, on every way out.
#
# Needs dist (cargo-dist; the version in dist-workspace.toml), python3 (for
# the HTTP server), curl, sha256sum, tar and xz. Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$(date +%s.%N)
elapsed() { printf '%.1f s' "$(echo "$(date +%s.%N) - $1" | bc -l)"; }
fail() {
    echo "install.sh: error: $*" >&2
    exit 1
}

dist_version=$(sed -n 's/^cargo-dist-version = "\(.*\)"$/\1/p' dist-workspace.toml)
[ -n "$dist_version" ] || fail "no cargo-dist-version in dist-workspace.toml"
if ! command -v dist >/dev/null 2>&1; then
    fail "dist (cargo-dist) is not installed; install it with:
    cargo install cargo-dist --locked --version $dist_version"
fi
installed=$(dist --version | awk '{print $2}')
if [ "$installed" != "$dist_version" ]; then
    echo "install.sh: warning: dist $installed is installed, dist-workspace.toml asks for $dist_version" >&2
fi
for tool in python3 curl sha256sum tar xz bc cargo rustc; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed (needed by this check)"
done

host=$(rustc -vV | sed -n 's/^host: //p')
archive=workshop-$host.tar.xz
version=$(cargo metadata --no-deps --format-version 1 | python3 -c '
import json, sys
print([p for p in json.load(sys.stdin)["packages"] if p["name"] == "workshop"][0]["version"])
') || fail "cargo metadata failed"
# Where dist puts the artifacts, from its own plan (it does not follow
# CARGO_TARGET_DIR there, only for the cargo build).
distrib=$(dist manifest --artifacts=all --target "$host" --output-format=json | python3 -c '
import json, os, sys
print(os.path.dirname(json.load(sys.stdin)["artifacts"][sys.argv[1]]["path"]))
' "$archive") || fail "dist manifest gave no path for $archive"
[ -n "$version" ] && [ -n "$distrib" ] || fail "no version or artifacts directory"
echo "workshop $version for $host, dist $installed, artifacts in $distrib"

# -- the temporary world, and its cleanup on every exit path ------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/workshop-release.XXXXXX")
server_pid=
second_pid=
cleanup() {
    local status=$?
    for pid in $server_pid $second_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# -- build ---------------------------------------------------------------------
case "$distrib" in */target/distrib) rm -rf "$distrib" ;; *) fail "unexpected artifacts directory $distrib" ;; esac
build_started=$(date +%s.%N)
dist build --artifacts=all --target "$host" >"$work/build.log" 2>&1 || {
    cat "$work/build.log" >&2
    fail "dist build failed"
}
build_time=$(elapsed "$build_started")
echo "built in $build_time"

for file in "$archive" "$archive.sha256" sha256.sum workshop-installer.sh; do
    [ -s "$distrib/$file" ] || fail "dist did not make $distrib/$file"
done

# -- checksums -----------------------------------------------------------------
(cd "$distrib" && sha256sum --check --strict --quiet "$archive.sha256") ||
    fail "$archive does not match $archive.sha256"
sum=$(sha256sum "$distrib/$archive" | awk '{print $1}')
grep -qx "$sum \*$archive" "$distrib/sha256.sum" || fail "sha256.sum lacks $sum for $archive"
grep -q "_checksum_value=\"$sum\"" "$distrib/workshop-installer.sh" ||
    fail "the installer does not carry $archive's checksum ($sum), so it would not verify it"
echo "sha256 $sum ok"

# -- serve ---------------------------------------------------------------------
# serve DIR LOG: an HTTP server of DIR on 127.0.0.1 in the background; sets
# served_pid and served_port (empty when it did not start). Port 0: the kernel
# picks a free port, which the server prints.
serve() {
    : >"$2"
    python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$1" >"$2" 2>&1 &
    served_pid=$!
    served_port=
    for _ in $(seq 100); do
        served_port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$2")
        [ -n "$served_port" ] && break
        kill -0 "$served_pid" 2>/dev/null || break
        sleep 0.1
    done
}
stop_server() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
serve "$distrib" "$work/server.log"
server_pid=$served_pid
port=$served_port
[ -n "$port" ] || {
    cat "$work/server.log" >&2
    fail "the HTTP server did not start"
}
url=http://127.0.0.1:$port
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
echo "serving $distrib at $url"

# download URL FILE: the docs' "download, then run" first step; fails (non-zero)
# when the download does.
download() {
    curl --fail --silent --show-error --location -o "$2" "$1"
}
# run_installer INSTALLER URL PREFIX LOG: a downloaded or copied installer run
# with sh, the archives taken from URL (as docs/install.md says, with
# WORKSHOP_DOWNLOAD_URL) and put in PREFIX, in the temporary HOME.
run_installer() {
    env -u CARGO_HOME -u XDG_CONFIG_HOME -u WORKSHOP_UNMANAGED_INSTALL -u INSTALLER_DOWNLOAD_URL \
        HOME="$work/home" TMPDIR="$work/tmp" \
        WORKSHOP_DOWNLOAD_URL="$2" WORKSHOP_INSTALL_DIR="$3" INSTALLER_NO_MODIFY_PATH=1 \
        sh "$1" >"$4" 2>&1
}
mkdir -p "$work/home" "$work/tmp" "$work/prefix" "$work/downloads" "$work/unpacked"
[ -z "$(ls -A "$work/prefix")" ] || fail "the prefix is not empty"
tar -xJf "$distrib/$archive" -C "$work/unpacked"

# installed PREFIX HOW: the installer put exactly the archive's binary in
# PREFIX/bin and it runs.
installed() {
    local bin=$1/bin/workshop extra printed
    [ -x "$bin" ] || fail "$2: the installer did not put workshop in $1/bin (it has: $(cd "$1" && find . | tr '\n' ' '))"
    extra=$(cd "$1" && find . -mindepth 1 ! -path ./bin ! -path ./bin/workshop)
    [ -z "$extra" ] || fail "$2: the installer left more than bin/workshop in the prefix: $extra"
    cmp -s "$bin" "$work/unpacked/workshop-$host/workshop" || fail "$2: the installed binary differs from the archive's"
    printed=$("$bin" --version) || fail "$2: workshop --version failed"
    [ "$printed" = "workshop $version" ] || fail "$2: workshop --version printed '$printed', want 'workshop $version'"
    "$bin" --help >"$work/help.txt" 2>&1 || {
        cat "$work/help.txt" >&2
        fail "$2: workshop --help failed"
    }
    grep -q '^Usage: workshop' "$work/help.txt" || fail "$2: workshop --help printed no usage line"
    echo "$2: workshop --version: $printed; workshop --help: ok ($(wc -l <"$work/help.txt") lines)"
}

# -- install from the room's network ---------------------------------------------
install_started=$(date +%s.%N)
download "$url/workshop-installer.sh" "$work/downloads/workshop-installer.sh" ||
    fail "could not download the installer from $url"
run_installer "$work/downloads/workshop-installer.sh" "$url" "$work/prefix" "$work/install.log" || {
    cat "$work/install.log" >&2
    fail "the installer failed"
}
install_time=$(elapsed "$install_started")
sed 's/^/  installer: /' "$work/install.log"
installed "$work/prefix" "over HTTP"

# -- install from a USB stick, with no server ----------------------------------
stop_server "$server_pid"
server_pid=
stick=$work/usb/workshop
mkdir -p "$stick" "$work/prefix-usb"
cp "$distrib/workshop-installer.sh" "$distrib/$archive" "$distrib/$archive.sha256" "$distrib/sha256.sum" "$stick/"
run_installer "$stick/workshop-installer.sh" "file://$stick" "$work/prefix-usb" "$work/install-usb.log" || {
    cat "$work/install-usb.log" >&2
    fail "the installer failed from file://$stick"
}
installed "$work/prefix-usb" "from a directory (file://)"

# -- a failed download is loud -------------------------------------------------
if download "$url/workshop-installer.sh" "$work/downloads/again.sh" 2>"$work/download-failed.log"; then
    fail "downloading from a stopped server succeeded"
fi
[ ! -e "$work/downloads/again.sh" ] || fail "a failed download left a file to run"
echo "failed download exits non-zero: $(head -1 "$work/download-failed.log")"
mkdir -p "$work/empty-stick" "$work/prefix-missing"
missing_status=0
run_installer "$stick/workshop-installer.sh" "file://$work/empty-stick" "$work/prefix-missing" "$work/install-missing.log" ||
    missing_status=$?
[ "$missing_status" != 0 ] || {
    cat "$work/install-missing.log" >&2
    fail "the installer succeeded without its archive"
}
[ ! -e "$work/prefix-missing/bin/workshop" ] || fail "the installer installed something without its archive"
echo "installer without its archive fails: $(grep -i 'fail' "$work/install-missing.log" | head -1 | sed "s/\x1b[[(][0-9;]*[A-Za-z]//g")"

# -- a tampered archive is refused ---------------------------------------------
mkdir "$work/tampered" "$work/prefix-tampered"
cp "$distrib/workshop-installer.sh" "$distrib/$archive" "$work/tampered/"
printf 'x' >>"$work/tampered/$archive"
serve "$work/tampered" "$work/server2.log"
second_pid=$served_pid
port2=$served_port
tampered_status=0
if [ -n "$port2" ]; then
    download "http://127.0.0.1:$port2/workshop-installer.sh" "$work/downloads/tampered-installer.sh" &&
        run_installer "$work/downloads/tampered-installer.sh" "http://127.0.0.1:$port2" \
            "$work/prefix-tampered" "$work/install-tampered.log" || tampered_status=$?
fi
stop_server "$second_pid"
[ -n "$port2" ] || fail "the second HTTP server did not start"
[ "$tampered_status" != 0 ] || fail "the installer accepted a tampered archive"
grep -qi checksum "$work/install-tampered.log" || {
    cat "$work/install-tampered.log" >&2
    fail "the installer failed on the tampered archive, but not on its checksum"
}
[ ! -e "$work/prefix-tampered/bin/workshop" ] || fail "the installer installed a tampered archive"
echo "tampered archive refused: $(grep -i checksum "$work/install-tampered.log" | head -1 | sed "s/\x1b[[(][0-9;]*[A-Za-z]//g")"

echo "release check passed: build $build_time, install $install_time, total $(elapsed "$started")"
