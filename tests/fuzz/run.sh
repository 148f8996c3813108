#!/usr/bin/env bash
# Runs every fuzz target, one after another, for a number of seconds each, and
# prints its figures: executions, executions per second, corpus, peak memory,
# findings.
#
#   tests/fuzz/run.sh              # 600 seconds per target
#   tests/fuzz/run.sh 60           # 60 seconds per target
#   tests/fuzz/run.sh 60 http_response manifest_yaml   # only these targets
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Run it from anywhere in the repository. The seeds are built afresh from the
# repository's own files into tests/fuzz/seeds-built/ (pprof profiles and
# traces of tests/fixtures, workshop.yaml and checks/*/*/check.yaml, and the
# hand-written answers of tests/fuzz/seeds/http_response/); what the fuzzer
# finds goes to tests/fuzz/corpus/<target>/, and inputs that crash, hang or
# take too much memory to tests/fuzz/artifacts/<target>/. Logs are kept in
# tests/fuzz/logs/<target>.log. Targets run with one job each, never in
# parallel: a fuzzer takes a whole core.
#
# Reproduce a finding with:
#   cargo +nightly fuzz run --fuzz-dir tests/fuzz <target> tests/fuzz/artifacts/<target>/<file>
set -euo pipefail

seconds=${1:-600}
shift || true
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz/../.." && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(pprof_decoder trace_reader manifest_yaml http_response)
fi

seeds="$fuzz/seeds-built"
rm -rf "$seeds"
mkdir -p "$seeds"/{pprof_decoder,trace_reader,manifest_yaml,http_response} "$fuzz/logs"

# pprof and trace: the real profiles and traces of the fixtures.
find "$root/tests/fixtures" -name '*.pprof' -exec cp {} "$seeds/pprof_decoder/" \;
find "$root/tests/fixtures" -name '*.trace' -exec cp {} "$seeds/trace_reader/" \;

# YAML: the first byte picks the file (see fuzz_targets/manifest_yaml.rs):
# 0 for a check file, 1 for workshop.yaml.
{ printf '\001'; cat "$root/workshop.yaml"; } >"$seeds/manifest_yaml/workshop.yaml"
find "$root/checks" -name check.yaml | while read -r file; do
    name=$(echo "${file#"$root/checks/"}" | tr / _)
    { printf '\000'; cat "$file"; } >"$seeds/manifest_yaml/$name"
done

# HTTP: the hand-written answers, and one gzip body made here.
cp "$fuzz/seeds/http_response/"* "$seeds/http_response/"
body=$(printf 'hello, gzip\n' | gzip -n -c | base64 -w0)
{
    printf '\000\000HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n'
    printf 'Content-Length: %d\r\n\r\n' "$(echo "$body" | base64 -d | wc -c)"
    echo "$body" | base64 -d
} >"$seeds/http_response/gzip"

# The longest input tried: traces are long, the rest short.
max_len() {
    case $1 in
    trace_reader) echo 262144 ;;
    pprof_decoder) echo 65536 ;;
    *) echo 16384 ;;
    esac
}

results=()
for target in "${targets[@]}"; do
    log="$fuzz/logs/$target.log"
    corpus="$fuzz/corpus/$target"
    artifacts="$fuzz/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    echo "== $target: $seconds s (log: $log)" >&2
    started="$fuzz/logs/$target.started"
    touch "$started"
    status=0
    cargo +nightly fuzz run --fuzz-dir "$fuzz" "$target" "$corpus" "$seeds/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -max_len="$(max_len "$target")" -print_final_stats=1 \
        -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
    stat() { grep -o "^stat::$1: *[0-9]*" "$log" | grep -o '[0-9]*$' | tail -1 || true; }
    runs=$(stat number_of_executed_units)
    speed=$(stat average_exec_per_sec)
    rss=$(stat peak_rss_mb)
    files=$(find "$corpus" -type f | wc -l)
    bytes=$(du -sb "$corpus" | cut -f1)
    findings=$(find "$artifacts" -type f -newer "$started" | wc -l)
    found=$(grep -o 'ERROR: libFuzzer: [a-z-]*\|ERROR: AddressSanitizer: [a-z-]*\|panicked at [^ ]*' "$log" | head -1 || true)
    results+=("$(printf '%-14s %6s %12s %8s %7s %9s %6s MB  %s %s' \
        "$target" "$seconds" "${runs:-?}" "${speed:-?}" "$files" "$bytes" "${rss:-?}" \
        "$findings" "${found:+($found, exit $status)}")")
done

printf '%-14s %6s %12s %8s %7s %9s %9s  %s\n' \
    target seconds executions exec/s corpus bytes "peak RSS" findings
printf '%s\n' "${results[@]}"
