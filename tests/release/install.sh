#!/usr/bin/env bash
# Release check: builds this machine's archive and the shell installer with
# dist, serves them over HTTP on 127.0.0.1, and installs from them with the
# generated installer, the way an attendee's `curl ... | sh` does, into an
# empty temporary prefix with HOME (and TMPDIR) pointed at a temporary
# directory, so nothing of the real user's is read or changed.
#
#   tests/release/install.sh
#
# Then checks that:
#   - the archive matches its .sha256 file and its line in sha256.sum, and the
#     installer carries that same checksum;
#   - the installer put the binary in <prefix>/bin, byte for byte the one in
#     the archive, and `workshop --version` prints the crate's version and
#     `workshop --help` works;
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
cleanup() {
    local status=$?
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
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
# Port 0: the kernel picks a free port, which the server prints.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$distrib" >"$work/server.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 100); do
    port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$work/server.log")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$port" ] || {
    cat "$work/server.log" >&2
    fail "the HTTP server did not start"
}
url=http://127.0.0.1:$port
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
echo "serving $distrib at $url"

# run_installer URL PREFIX LOG: the attendee's `curl ... | sh`, with the download URL
# and the install dir overridden, in the temporary HOME.
run_installer() {
    curl --fail --silent --show-error --location "$1/workshop-installer.sh" |
        env -u CARGO_HOME -u XDG_CONFIG_HOME -u WORKSHOP_UNMANAGED_INSTALL -u WORKSHOP_DOWNLOAD_URL \
            HOME="$work/home" TMPDIR="$work/tmp" \
            INSTALLER_DOWNLOAD_URL="$1" WORKSHOP_INSTALL_DIR="$2" INSTALLER_NO_MODIFY_PATH=1 \
            sh >"$3" 2>&1
}
mkdir -p "$work/home" "$work/tmp" "$work/prefix"
[ -z "$(ls -A "$work/prefix")" ] || fail "the prefix is not empty"

# -- install -------------------------------------------------------------------
install_started=$(date +%s.%N)
run_installer "$url" "$work/prefix" "$work/install.log" || {
    cat "$work/install.log" >&2
    fail "the installer failed"
}
install_time=$(elapsed "$install_started")
sed 's/^/  installer: /' "$work/install.log"

bin=$work/prefix/bin/workshop
[ -x "$bin" ] || fail "the installer did not put workshop in $work/prefix/bin (it has: $(cd "$work/prefix" && find . | tr '\n' ' '))"
extra=$(cd "$work/prefix" && find . -mindepth 1 ! -path ./bin ! -path ./bin/workshop)
[ -z "$extra" ] || fail "the installer left more than bin/workshop in the prefix: $extra"
mkdir "$work/unpacked"
tar -xJf "$distrib/$archive" -C "$work/unpacked"
cmp -s "$bin" "$work/unpacked/workshop-$host/workshop" || fail "the installed binary differs from the archive's"

printed=$("$bin" --version) || fail "workshop --version failed"
[ "$printed" = "workshop $version" ] || fail "workshop --version printed '$printed', want 'workshop $version'"
echo "workshop --version: $printed"
"$bin" --help >"$work/help.txt" 2>&1 || {
    cat "$work/help.txt" >&2
    fail "workshop --help failed"
}
grep -q '^Usage: workshop' "$work/help.txt" || fail "workshop --help printed no usage line"
echo "workshop --help: ok ($(wc -l <"$work/help.txt") lines)"

# -- a tampered archive is refused ---------------------------------------------
mkdir "$work/tampered" "$work/prefix-tampered"
cp "$distrib/workshop-installer.sh" "$distrib/$archive" "$work/tampered/"
printf 'x' >>"$work/tampered/$archive"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/tampered" >"$work/server2.log" 2>&1 &
second_pid=$!
port2=
for _ in $(seq 100); do
    port2=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$work/server2.log")
    [ -n "$port2" ] && break
    sleep 0.1
done
tampered_status=0
if [ -n "$port2" ]; then
    run_installer "http://127.0.0.1:$port2" "$work/prefix-tampered" "$work/install-tampered.log" || tampered_status=$?
fi
kill "$second_pid" 2>/dev/null || true
wait "$second_pid" 2>/dev/null || true
[ -n "$port2" ] || fail "the second HTTP server did not start"
[ "$tampered_status" != 0 ] || fail "the installer accepted a tampered archive"
grep -qi checksum "$work/install-tampered.log" || {
    cat "$work/install-tampered.log" >&2
    fail "the installer failed on the tampered archive, but not on its checksum"
}
[ ! -e "$work/prefix-tampered/bin/workshop" ] || fail "the installer installed a tampered archive"
echo "tampered archive refused: $(grep -i checksum "$work/install-tampered.log" | head -1 | sed "s/\x1b[[(][0-9;]*[A-Za-z]//g")"

echo "release check passed: build $build_time, install $install_time, total $(elapsed "$started")"
