#!/usr/bin/env bash
# Measures the built-in load generator against wrk and hey, side by side in one
# run, on loopback against a handler with nothing to do (tests/perf/hello), at
# the same connection count:
#
#   tests/perf/load-bench.sh [connections] [seconds] [rounds]   (defaults: 8, 5, 3)
#
# Needs wrk and hey on PATH (apt-get install wrk; go install github.com/rakyll/hey@latest).
# Prints each tool's requests/s and latency percentiles per round, interleaved
# so that machine noise hits all alike, and the CPU time each tool used.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-8}
seconds=${2:-5}
rounds=${3:-3}
cargo build --release --quiet --example load
load=$PWD/target/release/examples/load
work=$(mktemp -d)
(cd tests/perf/hello && go build -o "$work/hello" .)
"$work/hello" -addr 127.0.0.1:18080 &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
sleep 0.5
url=http://127.0.0.1:18080/
cpu() { /usr/bin/time -f 'cpu %U user %S sys' "$@" 2>&1; }
for round in $(seq "$rounds"); do
    echo "round $round"
    cpu "$load" "$url" "$connections" "${seconds}s" | sed 's/^/  /'
    if command -v wrk >/dev/null; then
        cpu wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url" |
            grep -E 'Requests/sec|^ +50%|^ +99%|^cpu' | tr -s ' ' | paste -sd' ' | sed 's/^/  wrk /'
    fi
    if command -v hey >/dev/null; then
        cpu hey -c "$connections" -z "${seconds}s" "$url" |
            grep -E 'Requests/sec|50%+ in|99%+ in|^cpu' | tr -s ' \t' ' ' | paste -sd' ' | sed 's/^/  hey /'
    fi
done
